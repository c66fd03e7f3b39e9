package model

import "testing"

func TestBands(t *testing.T) {
	s := DefaultScoring()
	tests := []struct {
		name  string
		score int
		want  string
	}{
		{"unscored", 0, ""},
		{"lowest", 1, "Low"},
		{"top of low", 4, "Low"},
		{"bottom of medium", 5, "Medium"},
		{"top of medium", 9, "Medium"},
		{"high", 12, "High"},
		{"top of high", 16, "High"},
		{"very high", 20, "Very high"},
		{"maximum", 25, "Very high"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.BandName(tt.score); got != tt.want {
				t.Errorf("BandName(%d) = %q, want %q", tt.score, got, tt.want)
			}
		})
	}
}

func TestRiskScores(t *testing.T) {
	tests := []struct {
		name               string
		risk               Risk
		inherent, residual int
		aboveAppetite      bool
	}{
		{"assessed residual", Risk{Likelihood: 4, Impact: 4, ResidualLikelihood: 2, ResidualImpact: 3}, 16, 6, false},
		{"residual not assessed falls back to inherent", Risk{Likelihood: 4, Impact: 3}, 12, 12, true},
		{"residual above appetite", Risk{Likelihood: 5, Impact: 5, ResidualLikelihood: 2, ResidualImpact: 5}, 25, 10, true},
		{"exactly at appetite", Risk{Likelihood: 3, Impact: 3, ResidualLikelihood: 3, ResidualImpact: 3}, 9, 9, false},
	}
	s := DefaultScoring()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.risk.InherentScore(); got != tt.inherent {
				t.Errorf("inherent: got %d, want %d", got, tt.inherent)
			}
			if got := tt.risk.ResidualScore(); got != tt.residual {
				t.Errorf("residual: got %d, want %d", got, tt.residual)
			}
			if got := s.AboveAppetite(tt.risk); got != tt.aboveAppetite {
				t.Errorf("above appetite: got %v, want %v", got, tt.aboveAppetite)
			}
		})
	}
}

func TestEffectiveScoring(t *testing.T) {
	p := validProject()
	if got := p.EffectiveScoring().Appetite; got != 9 {
		t.Errorf("default appetite: got %d, want 9", got)
	}
	s := DefaultScoring()
	s.Appetite = 4
	p.Scoring = &s
	if got := p.EffectiveScoring().Appetite; got != 4 {
		t.Errorf("project appetite: got %d, want 4", got)
	}
}
