package file

import (
	"fmt"
	"strings"

	"airisk/model"
)

// tdStatus is what a Threat Dragon threat status becomes.
type tdStatus struct {
	status    model.RiskStatus
	treatment model.Treatment
	control   model.ControlStatus
}

var tdStatuses = map[string]tdStatus{
	"open":          {model.RiskOpen, model.TreatmentTreat, model.ControlPlanned},
	"mitigated":     {model.RiskClosed, model.TreatmentTreat, model.ControlImplemented},
	"notapplicable": {model.RiskClosed, model.TreatmentTolerate, model.ControlPlanned},
	"na":            {model.RiskClosed, model.TreatmentTolerate, model.ControlPlanned},
	"n/a":           {model.RiskClosed, model.TreatmentTolerate, model.ControlPlanned},
	"accepted":      {model.RiskAccepted, model.TreatmentTolerate, model.ControlPlanned},
	"transferred":   {model.RiskClosed, model.TreatmentTransfer, model.ControlPlanned},
	"avoided":       {model.RiskClosed, model.TreatmentTerminate, model.ControlImplemented},
	"eliminated":    {model.RiskClosed, model.TreatmentTerminate, model.ControlImplemented},
}

// tdSeverities maps a severity to a likelihood and impact pair whose score
// falls in the matching default band (Low 4, Medium 9, High 16, Critical 25).
var tdSeverities = map[string]int{"low": 2, "medium": 3, "high": 4, "critical": 5}

func statusKey(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
}

func threatLabel(t tdInThreat, n *tdNode) string {
	title := oneLine(t.Title)
	if title == "" {
		title = "(untitled)"
	}
	return fmt.Sprintf("threat %q on %s", clip(title, 60), n.shortLabel())
}

// threat turns a Threat Dragon threat into a manual risk, or restores the
// risk an earlier export kept, taking what was edited in Threat Dragon.
func (im *tdImport) threat(n *tdNode, t tdThreat) {
	var r model.Risk
	if t.extra != nil {
		r = *t.extra
	}
	if r.ID == "" {
		r.ID = im.riskIDs.numbered("R-%03d")
	}
	label := threatLabel(t.tdInThreat, n) + " -> risk " + r.ID
	if t.extraErr != "" {
		im.fid.dropped(label, "airisk", "%s", t.extraErr)
	}
	if t.extra != nil && t.extra.ID != r.ID {
		im.fid.dropped(label, "id", "the kept risk id is not valid or is used twice; a new id was made")
	}
	r.Title = im.threatTitle(label, t)
	r.Description = im.text(label, "description", t.Description, model.MaxTextLength)
	if r.Description != "" {
		im.fid.carried(label, "description", "carried")
	}
	if t.extra != nil {
		im.restoredRisk(label, n, t, &r)
	} else {
		im.newRisk(label, n, t, &r)
	}
	im.p.Risks = append(im.p.Risks, r)
	im.riskLabel = append(im.riskLabel, label)
}

func (im *tdImport) threatTitle(label string, t tdThreat) string {
	title := oneLine(t.Title)
	if title == "" {
		if t.extra != nil && t.extra.Title != "" {
			return t.extra.Title
		}
		im.fid.carried(label, "title", "empty in Threat Dragon; titled \"Untitled threat\"")
		return "Untitled threat"
	}
	im.fid.carried(label, "title", "carried")
	return im.text(label, "title", title, model.MaxNameLength)
}

// newRisk fills a risk from a threat written in Threat Dragon.
func (im *tdImport) newRisk(label string, n *tdNode, t tdThreat, r *model.Risk) {
	r.Elements = im.threatElements(label, n)
	st := im.threatStatus(label, t.Status, r)
	im.threatSeverity(label, t.Severity, r)
	r.Controls = []model.Control{}
	if m := strings.TrimSpace(t.Mitigation); m != "" {
		r.Controls = append(r.Controls, im.mitigation(label, m, st.control, r))
	}
	notes := []string{}
	for _, f := range []struct{ key, value string }{{"type", t.Type}, {"modelType", t.ModelType}, {"score", string(t.Score)}} {
		if v := strings.TrimSpace(f.value); v != "" {
			notes = append(notes, fmt.Sprintf("%s %q", f.key, clip(v, 200)))
			im.fid.carried(label, f.key, "%q, kept in the risk's notes", clip(v, 80))
		}
	}
	notes = append(notes, fmt.Sprintf("status %q, severity %q", clip(t.Status, 40), clip(t.Severity, 40)))
	line := "From Threat Dragon: " + strings.Join(notes, ", ") + "."
	r.Notes = strings.TrimSpace(line + "\n" + r.Notes)
}

// threatElements ties the risk to the threat's element, or both ends of
// its flow.
func (im *tdImport) threatElements(label string, n *tdNode) []string {
	switch {
	case n.elem >= 0:
		im.fid.carried(label, "element", "the risk concerns element %s", n.id)
		return []string{n.id}
	case len(n.flows) > 0:
		f := im.p.Flows[n.flows[0]]
		im.fid.carried(label, "element", "the threat is on flow %s; the risk concerns both its ends, %s and %s", f.ID, f.From, f.To)
		return []string{f.From, f.To}
	}
	im.fid.dropped(label, "element", "the threat is on a %s, which is not an element here; the risk concerns no element", n.shape.word)
	return []string{}
}

func (im *tdImport) threatStatus(label, status string, r *model.Risk) tdStatus {
	st, ok := tdStatuses[statusKey(status)]
	switch {
	case ok:
		im.fid.carried(label, "status", "%q: status %s, treatment %s", status, st.status, st.treatment)
	case strings.TrimSpace(status) == "":
		st = tdStatuses["open"]
		im.fid.carried(label, "status", "empty: the risk is open")
	default:
		st = tdStatuses["open"]
		im.fid.dropped(label, "status", "%q is not a Threat Dragon status; the risk is open", clip(status, 40))
	}
	r.Status, r.Treatment = st.status, st.treatment
	return st
}

func (im *tdImport) threatSeverity(label, severity string, r *model.Risk) {
	level, ok := tdSeverities[statusKey(severity)]
	switch {
	case ok:
		im.fid.carried(label, "severity", "%q: likelihood %d and impact %d (score %d)", severity, level, level, level*level)
	default:
		level = 3
		im.fid.dropped(label, "severity", "%q gives no score; likelihood 3 and impact 3 stand in: score the risk", clip(severity, 40))
	}
	r.Likelihood, r.Impact = level, level
}

// mitigation makes the mitigation text a control. A text too long for a
// title, or on several lines, is also kept whole in the notes.
func (im *tdImport) mitigation(label, text string, status model.ControlStatus, r *model.Risk) model.Control {
	title := clip(oneLine(text), model.MaxNameLength)
	c := model.Control{Title: title, Status: status, Provisions: []string{}}
	if title != text {
		r.Notes = strings.TrimSpace(r.Notes + "\nMitigation as written in Threat Dragon:\n" + clip(text, model.MaxTextLength/2))
		im.fid.carried(label, "mitigation", "became a control (%s) titled with the text on one line; the text as written is in the notes", status)
		return c
	}
	im.fid.carried(label, "mitigation", "became a control (%s)", status)
	return c
}
