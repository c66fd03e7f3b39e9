package ui

import (
	"fmt"
	"slices"
	"strings"

	"airisk/model"
	"airisk/threats"
)

// This file holds the catalogue browser's logic without widgets: the
// filters, what a threat applies to in words, and the pack switch edit.

// The pack filter's options.
const (
	packOptionAI     = "AI (bundled)"
	packOptionStride = "STRIDE (optional)"
	packOptionLocal  = "Local"
)

var packOptions = []string{allOption, packOptionAI, packOptionStride, packOptionLocal}

// The targets a threat can attach to besides element kinds, as the kind
// filter lists them.
const (
	targetOptionFlow    = "Data flows"
	targetOptionProject = "Whole project"
)

// threatFilter is what the catalogue list is narrowed to; zero values
// match everything.
type threatFilter struct {
	pack      string // a pack option
	phase     threats.Phase
	stride    threats.Stride
	kind      string // a kind's display name or a target option
	framework framework
	text      string
}

func (f threatFilter) match(t *threats.Threat) bool {
	switch {
	case f.pack != "" && !matchPack(t, f.pack):
		return false
	case f.phase != "" && !slices.Contains(t.Phases, f.phase):
		return false
	case f.stride != "" && !slices.Contains(t.Stride, f.stride):
		return false
	case f.kind != "" && !matchTarget(t, f.kind):
		return false
	case f.framework != "" && !slices.ContainsFunc(t.References, func(r string) bool { return frameworkOf(r) == f.framework }):
		return false
	}
	if f.text == "" {
		return true
	}
	text := strings.ToLower(f.text)
	return slices.ContainsFunc([]string{t.ID, t.Title, t.Description}, func(s string) bool {
		return strings.Contains(strings.ToLower(s), text)
	})
}

func matchPack(t *threats.Threat, option string) bool {
	switch option {
	case packOptionAI:
		return t.Pack == threats.PackAI
	case packOptionStride:
		return t.Pack == threats.PackStride
	case packOptionLocal:
		return t.Local || (t.Pack != threats.PackAI && t.Pack != threats.PackStride)
	}
	return true
}

func matchTarget(t *threats.Threat, option string) bool {
	switch option {
	case targetOptionFlow:
		return t.OnFlows()
	case targetOptionProject:
		return t.OnProject()
	}
	return slices.ContainsFunc(t.Kinds(), func(k model.Kind) bool { return k.Name() == option })
}

// kindOptions lists the kind filter's options: every element kind by its
// display name, then flows and the project.
func kindOptions() []string {
	opts := []string{allOption}
	for _, k := range model.Kinds {
		opts = append(opts, k.Name)
	}
	return append(opts, targetOptionFlow, targetOptionProject)
}

// strideOptions lists the STRIDE filter's options: "T · Tampering".
func strideOptions() []string {
	opts := []string{allOption}
	for _, s := range threats.Strides {
		opts = append(opts, strideOption(s))
	}
	return opts
}

func strideOption(s threats.Stride) string { return string(s) + " · " + strideNames[s] }

func strideOf(option string) threats.Stride {
	for _, s := range threats.Strides {
		if strideOption(s) == option {
			return s
		}
	}
	return ""
}

// appliesTo says in words what a threat attaches to: "AI application,
// Agent; data flows".
func appliesTo(t *threats.Threat) string {
	var names []string
	for _, k := range t.Kinds() {
		names = append(names, k.Name())
	}
	parts := []string{}
	if len(names) > 0 {
		parts = append(parts, strings.Join(names, ", "))
	}
	if t.OnFlows() {
		parts = append(parts, "data flows")
	}
	if t.OnProject() {
		parts = append(parts, "the project as a whole")
	}
	return strings.Join(parts, "; ")
}

// packLabel names a threat's pack for people.
func packLabel(t *threats.Threat) string {
	switch {
	case t.Local && (t.Pack == threats.PackAI || t.Pack == threats.PackStride):
		return "local version of a bundled " + strings.ToUpper(t.Pack) + " threat"
	case t.Pack == threats.PackAI:
		return "AI pack"
	case t.Pack == threats.PackStride:
		return "STRIDE pack"
	}
	return "local pack " + t.Pack
}

// strideLetters reads "S, T".
func strideLetters(t *threats.Threat) string {
	letters := make([]string, 0, len(t.Stride))
	for _, s := range t.Stride {
		letters = append(letters, string(s))
	}
	return strings.Join(letters, ", ")
}

// packChange switches an optional pack on or off for the project.
func packChange(p *model.Project, pack string, on bool) model.Change {
	if slices.Contains(p.Meta.Packs, pack) == on {
		return model.Change{}
	}
	meta := p.Meta
	meta.Packs = slices.DeleteFunc(slices.Clone(p.Meta.Packs), func(s string) bool { return s == pack })
	verb := "off"
	if on {
		meta.Packs = append(meta.Packs, pack)
		verb = "on"
	}
	return model.Change{Summary: fmt.Sprintf("Switch the %s pack %s", strings.ToUpper(pack), verb),
		Ops: []model.Op{model.PutMeta(meta)}}
}

// findingsOf lists the current findings of one threat.
func findingsOf(st *workspaceState, id string) []*threats.Finding {
	var out []*threats.Finding
	for i := range st.Findings {
		if st.Findings[i].Threat != nil && st.Findings[i].Threat.ID == id {
			out = append(out, &st.Findings[i])
		}
	}
	return out
}

// catalogueNote says which catalogue is in use and how long local
// threats last.
func catalogueNote(c *threats.Catalogue) string {
	note := "Catalogue " + c.Version + "."
	for _, t := range c.Threats {
		if t.Local {
			return note + " Imported threats are used until the app closes; start it with --catalogue FOLDER to load them every time."
		}
	}
	return note
}

// countNoun reads "1 finding" or "3 findings".
func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
