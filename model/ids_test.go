package model

import "testing"

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
