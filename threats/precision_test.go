package threats

import (
	"slices"
	"strings"
	"testing"

	"airisk/model"
)

// The precision rules keep suggestions fit for a workshop: on the bundled
// sample (and the sample with a predictive model added) no element may get
// a threat that plainly cannot apply to it.

// hasRef reports whether the threat cites one of refs, or a sub-technique
// of one.
func hasRef(t *Threat, refs ...string) bool {
	return slices.ContainsFunc(t.References, func(r string) bool {
		return slices.ContainsFunc(refs, func(want string) bool { return r == want || strings.HasPrefix(r, want+".") })
	})
}

// agentic threats are about what agents do: goal hijack, tool misuse,
// code execution, inter-agent messages, cascades.
func agentic(t *Threat) bool { return hasRef(t, "ASI01", "ASI02", "ASI05", "ASI07", "ASI08") }

// training threats poison or tamper with training, and only happen in
// development.
func training(t *Threat) bool {
	return slices.Equal(t.Phases, []Phase{PhaseDevelopment}) &&
		hasRef(t, "AML.T0020", "AML.T0018", "ML02:2023", "ML07:2023", "ML10:2023")
}

// generative threats need a model that generates text or media.
func generative(t *Threat) bool {
	return hasRef(t, "LLM01:2025", "LLM05:2025", "LLM07:2025", "LLM09:2025", "AML.T0051", "AML.T0054", "AML.T0056")
}

// strideFits applies STRIDE per element: stores suffer tampering,
// repudiation, disclosure and denial of service; flows tampering,
// disclosure and denial of service.
func strideFits(t *Threat, shape model.Shape, target TargetKind) bool {
	var want []Stride
	switch {
	case target == TargetFlow:
		want = []Stride{Tampering, InformationDisclosure, DenialOfService}
	case shape == model.ShapeStore:
		want = []Stride{Tampering, Repudiation, InformationDisclosure, DenialOfService}
	default:
		return true
	}
	return slices.ContainsFunc(t.Stride, func(s Stride) bool { return slices.Contains(want, s) })
}

// trainsSomething reports whether anything in the project is trained.
func trainsSomething(p *model.Project) bool {
	return slices.ContainsFunc(p.Elements, func(e model.Element) bool {
		return e.Kind == model.KindTrainingPipeline || e.Kind == model.KindTrainingDataStore ||
			e.Props.Bool("fine_tuned") || e.Props.Bool("continual_learning") || e.Props.Bool("feedback_used_for_training")
	})
}

// withPredictiveModel adds a fraud-scoring model served on an internal
// endpoint to the sample.
func withPredictiveModel(p *model.Project) *model.Project {
	p = p.Clone()
	props := model.Props{"model_kind": "predictive", "returns_scores": true, "accepts_untrusted_input": true,
		"handles_personal_data": true, "high_impact_decisions": true}
	p.Elements = append(p.Elements,
		model.Element{ID: "fraud-model", Kind: model.KindModel, Name: "Refund fraud model", Boundary: "corp", Props: props.Clone()},
		model.Element{ID: "fraud-api", Kind: model.KindInferenceEndpoint, Name: "Fraud scoring API", Boundary: "corp", Props: props.Clone()})
	p.Flows = append(p.Flows,
		model.Flow{ID: "f90", From: "refund-tool", To: "fraud-api", Name: "Score refund", Props: model.Props{"carries": []string{"personal_data"}}},
		model.Flow{ID: "f91", From: "fraud-api", To: "fraud-model", Name: "Features", Props: model.Props{"carries": []string{"personal_data"}}})
	return p
}

// TestPrecisionClassesAreNotEmpty keeps the precision rules meaningful:
// each class must hold threats of the catalogue.
func TestPrecisionClassesAreNotEmpty(t *testing.T) {
	c := bundledCatalogue(t)
	classes := map[string]func(*Threat) bool{"agentic": agentic, "training": training, "generative": generative}
	for name, class := range classes {
		if n := len(slices.DeleteFunc(slices.Clone(c.Threats), func(t *Threat) bool { return !class(t) })); n < 3 {
			t.Errorf("%s: %d threats, want at least 3", name, n)
		}
	}
}

func TestSamplePrecision(t *testing.T) {
	c := bundledCatalogue(t)
	sample := readSample(t)
	projects := map[string]*model.Project{"sample": sample, "sample with a predictive model": withPredictiveModel(sample)}
	for name, p := range projects {
		t.Run(name, func(t *testing.T) {
			if err := p.Validate(); err != nil {
				t.Fatalf("invalid project: %v", err)
			}
			ix := model.NewIndex(p)
			for _, f := range Analyse(p, c) {
				checkPrecision(t, f, ix, trainsSomething(p))
			}
		})
	}
}

func checkPrecision(t *testing.T, f Finding, ix *model.Index, trained bool) {
	t.Helper()
	var shape model.Shape
	var e *model.Element
	if f.TargetKind == TargetElement {
		e, _ = ix.Element(f.Target)
		info, _ := model.LookupKind(e.Kind)
		shape = info.Shape
	}
	th := f.Threat
	if agentic(th) && (shape == model.ShapeStore || shape == model.ShapeExternal) {
		t.Errorf("%s: agentic threat %q on a %s (%s)", f.Key, th.Title, shape, f.Why)
	}
	if training(th) && !trained {
		t.Errorf("%s: training threat %q where nothing is trained (%s)", f.Key, th.Title, f.Why)
	}
	if e != nil && generative(th) && slices.Contains([]string{"predictive", "embedding"}, e.Props.String("model_kind")) {
		t.Errorf("%s: generative-AI threat %q on a %s model (%s)", f.Key, th.Title, e.Props.String("model_kind"), f.Why)
	}
	if !strideFits(th, shape, f.TargetKind) {
		t.Errorf("%s: threat %q with STRIDE %v does not fit a %s %s", f.Key, th.Title, th.Stride, shape, f.TargetKind)
	}
}
