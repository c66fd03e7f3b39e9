package ui

import (
	"cmp"
	"slices"
	"strings"

	"airisk/model"
	"airisk/threats"
)

// findingItem is one line of the findings list: a current finding, or a
// stale decision whose finding no longer fires.
type findingItem struct {
	Key        string
	Finding    *threats.Finding // nil when stale
	Threat     *threats.Threat  // nil for a stale decision on a threat no longer in the catalogue
	Decision   *model.Decision  // nil while undecided
	Status     findingStatus
	Target     string
	TargetName string
	Likelihood int
	Impact     int
}

// Title is the threat's title, or its id when the catalogue lost it.
func (it *findingItem) Title() string {
	if it.Threat != nil {
		return it.Threat.Title
	}
	threat, _, _ := model.SplitFindingKey(it.Key)
	return threat
}

// Score is likelihood x impact.
func (it *findingItem) Score() int { return model.Score(it.Likelihood, it.Impact) }

// wholeProject names the target of project-wide findings.
const wholeProject = "Whole project"

// collectFindings lists the findings of the state with their decisions,
// then the stale decisions.
func collectFindings(s *workspaceState) []*findingItem {
	p := s.Project
	decisions := make(map[string]*model.Decision, len(p.Decisions))
	for i := range p.Decisions {
		decisions[p.Decisions[i].Finding] = &p.Decisions[i]
	}
	items := make([]*findingItem, 0, len(s.Findings))
	for i := range s.Findings {
		f := &s.Findings[i]
		it := &findingItem{Key: f.Key, Finding: f, Threat: f.Threat, Status: statusProposed,
			Target: f.Target, TargetName: f.TargetName}
		if f.TargetKind == threats.TargetProject {
			it.TargetName = wholeProject
		}
		if d, ok := decisions[f.Key]; ok {
			it.Decision, it.Status = d, findingStatus(d.Status)
		}
		it.Likelihood, it.Impact = defaultScores(f.Threat, it.Decision)
		items = append(items, it)
	}
	for i := range p.Decisions {
		d := &p.Decisions[i]
		if _, ok := s.Finding(d.Finding); ok {
			continue
		}
		items = append(items, staleItem(s, d))
	}
	return items
}

func staleItem(s *workspaceState, d *model.Decision) *findingItem {
	threatID, target, _ := model.SplitFindingKey(d.Finding)
	it := &findingItem{Key: d.Finding, Decision: d, Status: statusStale, Target: target, TargetName: targetName(s.Project, target)}
	if s.Catalogue != nil {
		if t, ok := s.Catalogue.Threat(threatID); ok {
			it.Threat = t
		}
	}
	it.Likelihood, it.Impact = defaultScores(it.Threat, d)
	return it
}

// targetName names an element, flow or the project for the findings list.
func targetName(p *model.Project, target string) string {
	if e, ok := p.Element(target); ok {
		return e.Name
	}
	if f, ok := p.Flow(target); ok {
		return flowLabel(p, f)
	}
	if target == model.ProjectTarget {
		return wholeProject
	}
	return target + " (no longer in the diagram)"
}

// flowLabel names a flow with its ends: "Chat message (Customer ⟶ Chat widget)".
func flowLabel(p *model.Project, f *model.Flow) string {
	name := func(id string) string {
		if e, ok := p.Element(id); ok {
			return e.Name
		}
		return id
	}
	ends := name(f.From) + " ⟶ " + name(f.To)
	if f.Name == "" {
		return ends
	}
	return f.Name + " (" + ends + ")"
}

// framework is a family of references a finding can be filtered by.
type framework string

// The reference families, told apart by their id prefixes.
const (
	frameworkATLAS   framework = "MITRE ATLAS"
	frameworkLLM     framework = "OWASP LLM Top 10"
	frameworkML      framework = "OWASP ML Top 10"
	frameworkAgentic framework = "OWASP Agentic Top 10"
	frameworkNIST    framework = "NIST AI 100-2"
)

var frameworks = []framework{frameworkATLAS, frameworkLLM, frameworkML, frameworkAgentic, frameworkNIST}

// frameworkOf says which family a reference id belongs to.
func frameworkOf(ref string) framework {
	switch {
	case strings.HasPrefix(ref, "AML."):
		return frameworkATLAS
	case strings.HasPrefix(ref, "LLM"):
		return frameworkLLM
	case strings.HasPrefix(ref, "ML"):
		return frameworkML
	case strings.HasPrefix(ref, "ASI"):
		return frameworkAgentic
	case strings.HasPrefix(ref, "NIST"):
		return frameworkNIST
	}
	return ""
}

// findingFilter is what the findings list is narrowed to; zero values
// match everything.
type findingFilter struct {
	status    findingStatus
	framework framework
	phase     threats.Phase
	target    string
	text      string
}

func (f findingFilter) match(it *findingItem) bool {
	switch {
	case f.status != "" && it.Status != f.status:
		return false
	case f.target != "" && it.Target != f.target:
		return false
	case f.framework != "" && (it.Threat == nil || !slices.ContainsFunc(it.Threat.References,
		func(r string) bool { return frameworkOf(r) == f.framework })):
		return false
	case f.phase != "" && (it.Threat == nil || !slices.Contains(it.Threat.Phases, f.phase)):
		return false
	}
	return f.text == "" || matchesText(it, strings.ToLower(f.text))
}

func matchesText(it *findingItem, text string) bool {
	fields := []string{it.Key, it.Title(), it.TargetName}
	if it.Threat != nil {
		fields = append(fields, it.Threat.Description)
		fields = append(fields, it.Threat.References...)
	}
	return slices.ContainsFunc(fields, func(s string) bool { return strings.Contains(strings.ToLower(s), text) })
}

// grouping is how the findings list is sectioned.
type grouping string

// The groupings offered.
const (
	groupElement grouping = "Element"
	groupThreat  grouping = "Threat"
	groupStride  grouping = "STRIDE"
	groupPhase   grouping = "Phase"
)

var groupings = []grouping{groupElement, groupThreat, groupStride, groupPhase}

// strideNames spells out the STRIDE letters.
var strideNames = map[threats.Stride]string{
	threats.Spoofing: "Spoofing", threats.Tampering: "Tampering", threats.Repudiation: "Repudiation",
	threats.InformationDisclosure: "Information disclosure", threats.DenialOfService: "Denial of service",
	threats.ElevationOfPrivilege: "Elevation of privilege",
}

// phaseNames spells out the lifecycle phases.
var phaseNames = map[threats.Phase]string{
	threats.PhaseDesign: "Design", threats.PhaseDevelopment: "Development", threats.PhaseDeployment: "Deployment",
	threats.PhaseMaintenance: "Maintenance", threats.PhaseEndOfLife: "End of life",
}

// groupKey returns the section an item belongs to and the order of that
// section. An item with several STRIDE categories or phases is listed
// under its first, so each finding appears once.
func groupKey(it *findingItem, g grouping, targetOrder map[string]int) (string, int) {
	switch g {
	case groupThreat:
		return it.Title(), 0
	case groupStride:
		if it.Threat != nil && len(it.Threat.Stride) > 0 {
			s := it.Threat.Stride[0]
			return strideNames[s], slices.Index(threats.Strides, s)
		}
	case groupPhase:
		if it.Threat != nil && len(it.Threat.Phases) > 0 {
			ph := it.Threat.Phases[0]
			return phaseNames[ph], slices.Index(threats.Phases, ph)
		}
	default:
		if it.Target == model.ProjectTarget {
			return wholeProject, 0
		}
		if o, ok := targetOrder[it.Target]; ok {
			return it.TargetName, o
		}
		return it.TargetName, 1 << 19
	}
	return "Other", 1 << 20
}

// findingRow is a line of the list: a section header or an item.
type findingRow struct {
	header string
	// count, open and top summarise a section: its findings, those still
	// to triage, and the highest score among them.
	count, open, top int
	item             *findingItem
}

// groupRows sections the items; within a section the highest scores come
// first, then by title.
func groupRows(items []*findingItem, g grouping, targetOrder map[string]int) []findingRow {
	type section struct {
		name  string
		order int
		items []*findingItem
	}
	byName := map[string]*section{}
	var sections []*section
	for _, it := range items {
		name, order := groupKey(it, g, targetOrder)
		s, ok := byName[name]
		if !ok {
			s = &section{name: name, order: order}
			byName[name] = s
			sections = append(sections, s)
		}
		s.items = append(s.items, it)
	}
	slices.SortStableFunc(sections, func(a, b *section) int {
		return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.name, b.name))
	})
	var rows []findingRow
	for _, s := range sections {
		slices.SortStableFunc(s.items, func(a, b *findingItem) int {
			return cmp.Or(cmp.Compare(b.Score(), a.Score()), cmp.Compare(a.Title(), b.Title()), cmp.Compare(a.Key, b.Key))
		})
		h := findingRow{header: s.name, count: len(s.items)}
		for _, it := range s.items {
			h.top = max(h.top, it.Score())
			if it.Status == statusProposed {
				h.open++
			}
		}
		rows = append(rows, h)
		for _, it := range s.items {
			rows = append(rows, findingRow{item: it})
		}
	}
	return rows
}

// targetOrder numbers the targets in diagram order: the project first,
// then elements, then flows.
func targetOrder(p *model.Project) map[string]int {
	m := make(map[string]int, len(p.Elements)+len(p.Flows)+1)
	m[model.ProjectTarget] = 0
	for i, e := range p.Elements {
		m[e.ID] = 1 + i
	}
	for i, f := range p.Flows {
		m[f.ID] = 1 + len(p.Elements) + i
	}
	return m
}
