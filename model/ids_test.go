package model

import (
	"testing"
	"time"
)

func TestSlug(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Customer support assistant", "customer-support-assistant"},
		{"punctuation", "  RAG / Agent (v2)!", "rag-agent-v2"},
		{"nothing usable", "!!!", "project"},
		{"non ascii", "Système d'IA", "syst-me-d-ia"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Slug(tt.in); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	long := Slug(string(make([]byte, 0)) + "a very long name that goes on and on and on and on and on and on and on")
	if len(long) > MaxIDLength || ValidID(long) != "" {
		t.Errorf("got %q, want a valid id of at most %d characters", long, MaxIDLength)
	}
}

func TestNewIDs(t *testing.T) {
	p := validProject()
	if got := p.NewID("f"); got != "f4" {
		t.Errorf("NewID(f) = %q, want f4", got)
	}
	if got := p.NewRiskID(); got != "R-002" {
		t.Errorf("NewRiskID() = %q, want R-002", got)
	}
}

func TestPropsNormalize(t *testing.T) {
	p := Props{"carries": []any{"prompts", "logs"}, "encrypted": true}
	p.Normalize()
	got, ok := p["carries"].([]string)
	if !ok || len(got) != 2 || got[1] != "logs" {
		t.Errorf("got %#v, want []string{prompts logs}", p["carries"])
	}
}

func TestWorkshopDuration(t *testing.T) {
	w := validProject().Workshops[0]
	if got := w.Duration(w.Started.Add(time.Hour)); got != 2*time.Hour {
		t.Errorf("ended workshop: got %v, want 2h", got)
	}
	w.Ended = time.Time{}
	if !w.Running() || w.Duration(w.Started.Add(30*time.Minute)) != 30*time.Minute {
		t.Errorf("running workshop: got running=%v duration %v, want true 30m", w.Running(), w.Duration(w.Started.Add(30*time.Minute)))
	}
	if got := validProject().NewWorkshopID(); got != "W-002" {
		t.Errorf("NewWorkshopID() = %q, want W-002", got)
	}
}
