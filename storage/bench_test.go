package storage

import (
	"fmt"
	"testing"

	"airisk/model"
)

// bigProject has n elements in a boundary, chained by flows, with a risk on
// every tenth element.
func bigProject(n int) *model.Project {
	p := richProject("big", "Big")
	for i := range n {
		p.Elements = append(p.Elements, model.Element{ID: fmt.Sprintf("n%d", i), Kind: model.KindProcess,
			Name: fmt.Sprintf("Service %d", i), Boundary: "corp", Props: model.Props{"internet_facing": i%2 == 0},
			X: float64(i % 40 * 50), Y: float64(i / 40 * 50)})
		if i > 0 {
			p.Flows = append(p.Flows, model.Flow{ID: fmt.Sprintf("g%d", i), From: fmt.Sprintf("n%d", i-1), To: fmt.Sprintf("n%d", i),
				Name: "Calls", Props: model.Props{"carries": []string{"prompts"}}})
		}
		if i%10 == 0 {
			p.Risks = append(p.Risks, model.Risk{ID: fmt.Sprintf("R-%04d", i+100), Title: "Risk", Elements: []string{fmt.Sprintf("n%d", i)},
				Likelihood: 3, Impact: 3, Treatment: model.TreatmentTreat, Status: model.RiskOpen})
		}
	}
	return p
}

// BenchmarkApply measures one user edit (moving an element) on a project of
// 1,000 elements: one transaction, committed with fsync.
func BenchmarkApply(b *testing.B) {
	db := openTest(b, Options{NoBackup: true})
	p := bigProject(1000)
	if err := db.Create(p); err != nil {
		b.Fatal(err)
	}
	e := p.Elements[500]
	b.ResetTimer()
	for i := range b.N {
		e.X = float64(i % 1000)
		if err := db.Apply("big", model.Change{Summary: "Move", Ops: []model.Op{model.PutElement(e)}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad measures reading and validating a project of 1,000
// elements.
func BenchmarkLoad(b *testing.B) {
	db := openTest(b, Options{NoBackup: true})
	if err := db.Create(bigProject(1000)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := db.Load("big"); err != nil {
			b.Fatal(err)
		}
	}
}
