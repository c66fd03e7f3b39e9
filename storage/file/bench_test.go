package file

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"airisk/model"
)

// bigProject builds a project of n elements in 10 boundaries, with about
// 1.5 flows and 0.2 risks per element, all properties filled in.
func bigProject(n int) *model.Project {
	p := &model.Project{Meta: model.ProjectMeta{ID: "big", Name: "Big project", Description: "Generated for benchmarks."}}
	for b := range 10 {
		p.Boundaries = append(p.Boundaries, model.Boundary{ID: fmt.Sprintf("b%d", b), Name: fmt.Sprintf("Zone %d", b), Kind: model.BoundaryOrganisation,
			X: float64(b * 2000), W: 1900, H: 20000})
	}
	for i := range n {
		p.Elements = append(p.Elements, model.Element{
			ID: fmt.Sprintf("e%d", i), Kind: model.KindAIApp, Name: fmt.Sprintf("Service %d", i), Description: "A generated service with a description of ordinary length.",
			Boundary: fmt.Sprintf("b%d", i%10), X: float64(i%10*2000 + 40), Y: float64(i / 10 * 150),
			Props: model.Props{"internet_facing": i%2 == 0, "retrieval_augmented": true, "output_rendering": "markdown_html"},
		})
	}
	for i := range n * 3 / 2 {
		p.Flows = append(p.Flows, model.Flow{ID: fmt.Sprintf("f%d", i), From: fmt.Sprintf("e%d", i%n), To: fmt.Sprintf("e%d", (i*7+1)%n),
			Name: "Request", Props: model.Props{"carries": []string{"prompts", "outputs"}, "encrypted": true}})
	}
	for i := range n / 5 {
		p.Risks = append(p.Risks, model.Risk{ID: fmt.Sprintf("R-%03d", i+1), Title: "Generated risk", Elements: []string{fmt.Sprintf("e%d", i)},
			Likelihood: 3, Impact: 4, Treatment: model.TreatmentTreat, Status: model.RiskOpen,
			Controls: []model.Control{{Title: "Control", Status: model.ControlPlanned, Provisions: []string{"2.2"}}}})
	}
	return p
}

func benchWrite(b *testing.B, f Format) {
	p := bigProject(1000)
	var buf bytes.Buffer
	if err := Write(&buf, p, f); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, p, f); err != nil {
			b.Fatal(err)
		}
	}
}

func benchRead(b *testing.B, f Format) {
	var buf bytes.Buffer
	if err := Write(&buf, bigProject(1000), f); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSON(b *testing.B) { benchWrite(b, JSON) }
func BenchmarkWriteYAML(b *testing.B) { benchWrite(b, YAML) }
func BenchmarkReadJSON(b *testing.B)  { benchRead(b, JSON) }
func BenchmarkReadYAML(b *testing.B)  { benchRead(b, YAML) }

func BenchmarkWriteThreatDragon(b *testing.B) {
	p := bigProject(1000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteThreatDragon(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadThreatDragon(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteThreatDragon(&buf, bigProject(1000)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ReadThreatDragon(bytes.NewReader(data), "bench"); err != nil {
			b.Fatal(err)
		}
	}
}
