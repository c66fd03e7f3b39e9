package xlsx

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

func TestParallelDeflate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"<c r=\"A1\">", "risk ", "prompt injection ", "</c>", "\n"}
	var sizes = []int{0, 10, deflateChunk - 1, deflateChunk, deflateChunk + 1, 5*deflateChunk + 12345}
	for _, size := range sizes {
		var in bytes.Buffer
		for in.Len() < size {
			in.WriteString(words[rng.IntN(len(words))])
		}
		in.Truncate(size)
		var out bytes.Buffer
		pd := newParallelDeflate(&out)
		data := in.Bytes()
		for len(data) > 0 { // odd write sizes, as io.Copy would not give
			n := min(len(data), 1+rng.IntN(300_000))
			if _, err := pd.Write(data[:n]); err != nil {
				t.Fatal(err)
			}
			data = data[n:]
		}
		must(t, pd.Close())
		got, err := io.ReadAll(flate.NewReader(&out))
		if err != nil || !bytes.Equal(got, in.Bytes()) {
			t.Errorf("size %d: inflated %d bytes (%v), want the %d bytes written", size, len(got), err, size)
		}
	}
}
