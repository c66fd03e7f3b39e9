package model

import "fmt"

// Band is a named range of scores; a score belongs to the first band whose
// Max it does not exceed.
type Band struct {
	Name string `json:"name" yaml:"name"`
	Max  int    `json:"max" yaml:"max"`
}

// Scoring holds a project's scoring scheme: level names, rating bands and
// risk appetite.
type Scoring struct {
	LikelihoodLabels []string `json:"likelihood_labels" yaml:"likelihood_labels"`
	ImpactLabels     []string `json:"impact_labels" yaml:"impact_labels"`
	Bands            []Band   `json:"bands" yaml:"bands"`
	// Appetite is the highest residual score tolerated without treatment.
	Appetite int `json:"appetite" yaml:"appetite"`
}

// MaxScore is the highest possible score, 5 x 5.
const MaxScore = 25

// DefaultScoring returns the scheme used when a project sets none.
func DefaultScoring() Scoring {
	return Scoring{
		LikelihoodLabels: []string{"Rare", "Unlikely", "Possible", "Likely", "Almost certain"},
		ImpactLabels:     []string{"Negligible", "Minor", "Moderate", "Major", "Severe"},
		Bands:            []Band{{"Low", 4}, {"Medium", 9}, {"High", 16}, {"Very high", 25}},
		Appetite:         9,
	}
}

// EffectiveScoring returns the project's scheme, or the default one.
func (p *Project) EffectiveScoring() Scoring {
	if p.Scoring != nil {
		return *p.Scoring
	}
	return DefaultScoring()
}

// Score multiplies likelihood by impact; either being 0 (unset) gives 0.
func Score(likelihood, impact int) int { return likelihood * impact }

// BandIndex returns the index of the band score falls in, or -1 for a zero
// (unscored) score.
func (s Scoring) BandIndex(score int) int {
	if score <= 0 {
		return -1
	}
	for i, b := range s.Bands {
		if score <= b.Max {
			return i
		}
	}
	return len(s.Bands) - 1
}

// BandName returns the name of the band score falls in, "" when unscored.
func (s Scoring) BandName(score int) string {
	i := s.BandIndex(score)
	if i < 0 {
		return ""
	}
	return s.Bands[i].Name
}

// AboveAppetite reports whether the risk's residual score exceeds the
// appetite.
func (s Scoring) AboveAppetite(r Risk) bool { return r.ResidualScore() > s.Appetite }

// InherentScore is likelihood x impact before controls.
func (r Risk) InherentScore() int { return Score(r.Likelihood, r.Impact) }

// HasResidual reports whether the residual pair has been assessed.
func (r Risk) HasResidual() bool { return r.ResidualLikelihood > 0 && r.ResidualImpact > 0 }

// ResidualScore is the score after controls; while the residual pair is not
// assessed it is the inherent score, so nothing looks safer than it is.
func (r Risk) ResidualScore() int {
	if !r.HasResidual() {
		return r.InherentScore()
	}
	return Score(r.ResidualLikelihood, r.ResidualImpact)
}

// validate returns the scheme's problems under path.
func (s Scoring) validate(path string) Problems {
	var ps Problems
	if len(s.LikelihoodLabels) != 5 {
		ps.add(path+".likelihood_labels", "must have exactly 5 labels, has %d", len(s.LikelihoodLabels))
	}
	if len(s.ImpactLabels) != 5 {
		ps.add(path+".impact_labels", "must have exactly 5 labels, has %d", len(s.ImpactLabels))
	}
	ps = append(ps, validateBands(path+".bands", s.Bands)...)
	if s.Appetite < 0 || s.Appetite > MaxScore {
		ps.add(path+".appetite", "must be between 0 and %d, not %d", MaxScore, s.Appetite)
	}
	return ps
}

func validateBands(path string, bands []Band) Problems {
	var ps Problems
	if len(bands) == 0 {
		ps.add(path, "needs at least one band")
		return ps
	}
	prev := 0
	for i, b := range bands {
		at := fmt.Sprintf("%s[%d]", path, i)
		if b.Name == "" {
			ps.add(at+".name", "is empty")
		}
		if b.Max <= prev || b.Max > MaxScore {
			ps.add(at+".max", "must be above %d and at most %d, not %d", prev, MaxScore, b.Max)
		}
		prev = b.Max
	}
	if bands[len(bands)-1].Max != MaxScore {
		ps.add(path, "the last band must end at %d", MaxScore)
	}
	return ps
}
