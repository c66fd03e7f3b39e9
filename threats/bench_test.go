package threats

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"airisk/model"
)

// syntheticProject builds a valid project of n elements of every kind, with
// properties drawn at random (fixed seed), 2n flows and nested boundaries.
func syntheticProject(n int) *model.Project {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	p := &model.Project{Meta: model.ProjectMeta{ID: "bench", Name: "Benchmark", Packs: []string{PackStride}}}
	for i := 0; i < n/50+1; i++ {
		b := model.Boundary{ID: fmt.Sprintf("b%d", i), Name: "Zone", Kind: model.BoundaryKinds[i%len(model.BoundaryKinds)]}
		if i > 0 && i%3 != 0 {
			b.Parent = fmt.Sprintf("b%d", i-1)
		}
		p.Boundaries = append(p.Boundaries, b)
	}
	for i := 0; i < n; i++ {
		kind := model.Kinds[i%len(model.Kinds)].Kind
		p.Elements = append(p.Elements, model.Element{ID: fmt.Sprintf("e%d", i), Kind: kind, Name: fmt.Sprintf("Element %d", i),
			Boundary: p.Boundaries[rng.IntN(len(p.Boundaries))].ID, Props: randomProps(rng, model.PropsFor(kind))})
	}
	for i := 0; i < 2*n && n > 1; i++ {
		from := rng.IntN(n)
		to := (from + 1 + rng.IntN(n-1)) % n
		p.Flows = append(p.Flows, model.Flow{ID: fmt.Sprintf("f%d", i), From: fmt.Sprintf("e%d", from), To: fmt.Sprintf("e%d", to),
			Props: randomProps(rng, model.FlowProps())})
	}
	return p
}

func randomProps(rng *rand.Rand, props []model.PropInfo) model.Props {
	out := model.Props{}
	for _, p := range props {
		if rng.IntN(3) > 0 {
			continue
		}
		switch p.Type {
		case model.PropBool:
			out[p.Name] = rng.IntN(2) == 0
		case model.PropEnum:
			out[p.Name] = p.Values[rng.IntN(len(p.Values))]
		case model.PropSet:
			out[p.Name] = []string{p.Values[rng.IntN(len(p.Values))], p.Values[rng.IntN(len(p.Values))]}
		}
	}
	return out
}

func TestSyntheticProjectIsValid(t *testing.T) {
	p := syntheticProject(200)
	if err := p.Validate(); err != nil {
		t.Fatalf("synthetic project is invalid:\n%v", err)
	}
	if got := len(Analyse(p, bundledCatalogue(t))); got == 0 {
		t.Errorf("got no findings on the synthetic project")
	}
}

// BenchmarkAnalyse analyses synthetic projects of 100, 1,000 and 5,000
// elements (and twice as many flows) with the full bundled catalogue.
func BenchmarkAnalyse(b *testing.B) {
	c := bundledCatalogue(b)
	for _, n := range []int{100, 1000, 5000} {
		p := syntheticProject(n)
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			var findings int
			for b.Loop() {
				findings = len(Analyse(p, c))
			}
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// BenchmarkLoad loads the bundled catalogue from scratch.
func BenchmarkLoad(b *testing.B) {
	fsys := fixture(b, nil)
	for name, data := range bundledCatalogueFiles(b) {
		fsys[name] = data
	}
	for b.Loop() {
		if _, err := Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
