package model

import (
	"fmt"
	"strings"
)

// NewID returns the first id of the form PREFIX + number (e1, e2, ...) that
// no element, flow or boundary of p uses yet.
func (p *Project) NewID(prefix string) string {
	used := make(map[string]bool, len(p.Elements)+len(p.Flows)+len(p.Boundaries))
	for _, e := range p.Elements {
		used[e.ID] = true
	}
	for _, f := range p.Flows {
		used[f.ID] = true
	}
	for _, b := range p.Boundaries {
		used[b.ID] = true
	}
	return firstFree(prefix, used)
}

// NewRiskID returns the next free risk id of the form R-001.
func (p *Project) NewRiskID() string {
	used := make(map[string]bool, len(p.Risks))
	for _, r := range p.Risks {
		used[r.ID] = true
	}
	for n := len(p.Risks) + 1; ; n++ {
		id := fmt.Sprintf("R-%03d", n)
		if !used[id] {
			return id
		}
	}
}

func firstFree(prefix string, used map[string]bool) string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s%d", prefix, n)
		if !used[id] {
			return id
		}
	}
}

// Slug turns a name into an id: lower case letters, digits and '-', at most
// MaxIDLength characters, "project" when nothing is left.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if b.Len() >= MaxIDLength {
			break
		}
		ok := (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > MaxIDLength {
		s = strings.Trim(s[:MaxIDLength], "-")
	}
	if s == "" {
		return "project"
	}
	return s
}
