package file

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"unicode/utf8"

	"airisk/model"
)

// readLimited reads r up to model.MaxImportBytes and fails, without
// reading further, when there is more.
func readLimited(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, model.MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > model.MaxImportBytes {
		return nil, tooLarge(name)
	}
	return data, nil
}

// readFileLimited opens path and reads it, refusing files over the limit
// before reading them.
func readFileLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > model.MaxImportBytes {
		return nil, tooLarge(path)
	}
	return readLimited(f, path)
}

func tooLarge(name string) error {
	return fileError(name, ErrTooLarge, 0, "", "the file is larger than %d MiB, the limit for imports", model.MaxImportBytes>>20)
}

// prepareText strips a UTF-8 byte order mark and checks that the rest is
// UTF-8 text, naming the line of the first bad byte.
func prepareText(data []byte, name string) ([]byte, error) {
	data = trimBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fileError(name, ErrSyntax, 0, "", "the file is empty")
	}
	if utf8.Valid(data) {
		return data, nil
	}
	bad := 0
	for bad < len(data) {
		r, size := utf8.DecodeRune(data[bad:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		bad += size
	}
	line := bytes.Count(data[:bad], []byte("\n")) + 1
	return nil, fileError(name, ErrEncoding, line, "", "the file is not UTF-8 text (bad byte at offset %d); save it as UTF-8", bad)
}

// lineIndex turns byte offsets into 1-based line numbers.
type lineIndex []int

func newLineIndex(data []byte) lineIndex {
	starts := lineIndex{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line returns the line holding byte offset off.
func (ix lineIndex) line(off int64) int {
	return sort.Search(len(ix), func(i int) bool { return int64(ix[i]) > off })
}

// firstByte returns the first byte that is not white space, 0 when none.
func firstByte(data []byte) byte {
	for _, b := range data {
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return b
	}
	return 0
}
