package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"airisk/model"
	"airisk/threats"
)

// This file holds the Code of Practice checklist's logic without widgets:
// which provisions a filter shows, how they are sectioned by principle and
// totalled, and the edit a status or evidence change makes.

// stakeholderNames spells out the Code's stakeholders.
var stakeholderNames = map[threats.Stakeholder]string{
	threats.Developer: "Developer", threats.SystemOperator: "System operator",
	threats.DataCustodian: "Data custodian", threats.EndUser: "End user", threats.AffectedEntity: "Affected entity",
}

// provisionStateLabel is the checklist answer as shown: "Not applicable".
func provisionStateLabel(s model.ProvisionState) string {
	w := words(string(s))
	if w == "" {
		return ""
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// provisionStateOf returns the answer shown by label, unknown for anything
// else.
func provisionStateOf(label string) model.ProvisionState {
	for _, s := range model.ProvisionStates {
		if provisionStateLabel(s) == label {
			return s
		}
	}
	return model.ProvisionUnknown
}

// provisionStateColor colours a checklist answer: green met, amber
// partial, red not met, grey not applicable, pale grey unknown.
func provisionStateColor(s model.ProvisionState) color.NRGBA {
	switch s {
	case model.ProvisionMet:
		return bandRamp[0]
	case model.ProvisionPartial:
		return bandRamp[2]
	case model.ProvisionNotMet:
		return bandRamp[4]
	case model.ProvisionNotApplicable:
		return neutral
	}
	return color.NRGBA{R: 0xe0, G: 0xe0, B: 0xe0, A: 0xff}
}

// addressedColor marks provisions that controls address but the checklist
// does not yet call met.
var addressedColor = color.NRGBA{R: 0x1e, G: 0x88, B: 0xe5, A: 0xff}

// The status filter's extra options, beside the answers themselves.
const (
	filterAddressed = "Addressed by controls"
	filterOpen      = "Open (not met, no control)"
)

// provisionFilter is what the checklist is narrowed to; zero values match
// everything.
type provisionFilter struct {
	stakeholder threats.Stakeholder
	phase       threats.Phase
	// status is an answer label, filterAddressed or filterOpen.
	status string
	text   string
}

func (f provisionFilter) match(pc *threats.ProvisionCoverage) bool {
	p := pc.Provision
	switch {
	case f.stakeholder != "" && !p.For(f.stakeholder):
		return false
	case f.phase != "" && !p.In(f.phase):
		return false
	case !f.matchStatus(pc):
		return false
	}
	if f.text == "" {
		return true
	}
	text := strings.ToLower(f.text)
	return slices.ContainsFunc([]string{p.ID, p.ETSI, p.Title, p.Summary, pc.Evidence},
		func(s string) bool { return strings.Contains(strings.ToLower(s), text) })
}

func (f provisionFilter) matchStatus(pc *threats.ProvisionCoverage) bool {
	switch f.status {
	case "":
		return true
	case filterAddressed:
		return pc.Addressed
	case filterOpen:
		return pc.Open()
	}
	return provisionStateLabel(pc.State) == f.status
}

// tally totals a set of provisions for a progress bar: met counts met or
// not applicable, addressed those a control names that are not met yet.
type tally struct {
	total, met, addressed, open int
}

func (t *tally) add(pc *threats.ProvisionCoverage) {
	t.total++
	switch {
	case pc.Met():
		t.met++
	case pc.Addressed:
		t.addressed++
	}
	if pc.Open() {
		t.open++
	}
}

// text reads "5 of 7 met · 1 more addressed by controls".
func (t tally) text() string {
	s := fmt.Sprintf("%d of %d met", t.met, t.total)
	if t.addressed > 0 {
		s += fmt.Sprintf(" · %d more addressed by controls", t.addressed)
	}
	return s
}

// percent is the share met, rounded down.
func (t tally) percent() int {
	if t.total == 0 {
		return 0
	}
	return 100 * t.met / t.total
}

// checklistRow is one line of the checklist: a principle heading with the
// totals of its shown provisions, or a provision.
type checklistRow struct {
	principle threats.Principle
	totals    tally
	item      *threats.ProvisionCoverage
}

// checklistRows sections the provisions that pass f under their
// principles, in the Code's order; principles with none shown are left
// out. It also returns the totals over everything shown.
func checklistRows(cov *threats.Coverage, code *threats.Code, f provisionFilter) ([]checklistRow, tally) {
	var rows []checklistRow
	var all tally
	head := -1
	for i := range cov.Provisions {
		pc := &cov.Provisions[i]
		if !f.match(pc) {
			continue
		}
		if head < 0 || rows[head].principle.Number != pc.Provision.Principle {
			pr, ok := code.Principle(pc.Provision.Principle)
			if !ok {
				pr = threats.Principle{Number: pc.Provision.Principle}
			}
			rows = append(rows, checklistRow{principle: pr})
			head = len(rows) - 1
		}
		rows[head].totals.add(pc)
		all.add(pc)
		rows = append(rows, checklistRow{item: pc})
	}
	return rows, all
}

// provisionChange records a checklist answer and its evidence. An unknown
// answer without evidence removes the entry, so the checklist stores only
// what someone said.
func provisionChange(p *model.Project, id string, state model.ProvisionState, evidence string) model.Change {
	summary := fmt.Sprintf("Mark provision %s %s", id, strings.ToLower(provisionStateLabel(state)))
	old, exists := provisionEntry(p, id)
	if exists && old.Status == state && old.Evidence != evidence {
		summary = "Edit the evidence for provision " + id
	}
	if state == model.ProvisionUnknown && strings.TrimSpace(evidence) == "" {
		if !exists {
			return model.Change{Summary: summary}
		}
		return model.Change{Summary: summary, Ops: []model.Op{model.Del(model.EntityProvision, id)}}
	}
	if exists && old.Status == state && old.Evidence == evidence {
		return model.Change{Summary: summary}
	}
	s := model.ProvisionStatus{ID: id, Status: state, Evidence: evidence}
	return model.Change{Summary: summary, Ops: []model.Op{model.PutProvision(s)}}
}

// provisionEntry returns the project's checklist entry for a provision.
func provisionEntry(p *model.Project, id string) (model.ProvisionStatus, bool) {
	i := slices.IndexFunc(p.Provisions, func(s model.ProvisionStatus) bool { return s.ID == id })
	if i < 0 {
		return model.ProvisionStatus{ID: id, Status: model.ProvisionUnknown}, false
	}
	return p.Provisions[i], true
}

// threatsCiting lists the catalogue threats whose mitigations implement a
// provision, so the checklist can say what a provision protects against.
func threatsCiting(cat *threats.Catalogue, id string) []*threats.Threat {
	if cat == nil {
		return nil
	}
	var out []*threats.Threat
	for _, t := range cat.Threats {
		if slices.Contains(t.Provisions(), id) {
			out = append(out, t)
		}
	}
	return out
}

// stakeholderList reads "Developer, System operator".
func stakeholderList(ss []threats.Stakeholder) string {
	names := make([]string, 0, len(ss))
	for _, s := range ss {
		names = append(names, stakeholderNames[s])
	}
	return strings.Join(names, ", ")
}

// phaseList reads "Design, Development".
func phaseList(ps []threats.Phase) string {
	names := make([]string, 0, len(ps))
	for _, p := range ps {
		names = append(names, phaseNames[p])
	}
	return strings.Join(names, ", ")
}
