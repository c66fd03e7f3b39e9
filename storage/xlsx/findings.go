package xlsx

import (
	"strings"

	"airisk/model"
	"airisk/threats"
)

var findingColumns = []column{
	{"Finding", 24, "", kindText},
	{"Threat ID", 10, "", kindCenter},
	{"Threat", 32, "", kindText},
	{"Target", 24, "", kindText},
	{"Target kind", 10, "", kindCenter},
	{"Decision", 12, "", kindCenter},
	{"Reason", 30, "", kindText},
	{"Decided (UTC)", 16, "", kindDateTime},
	{"Risks", 10, "", kindText},
	{"Why it applies", 42, "", kindText},
	{"References", 32, "", kindText},
}

// staleWhy explains a decision whose finding no longer fires.
const staleWhy = "The threat no longer applies to this target: the diagram or the catalogue changed after the decision."

// fillFindings streams every suggested threat with its triage decision,
// then the decisions whose findings no longer fire, marked stale.
func (x *exporter) fillFindings(s *stream) error {
	risks := x.risksByFinding()
	fired := make(map[string]bool, len(x.findings))
	for _, fd := range x.findings {
		fired[fd.Key] = true
		d, _ := x.p.Decision(fd.Key)
		if err := x.findingRow(s, fd, d, risks[fd.Key], false); err != nil {
			return err
		}
	}
	for i := range x.p.Decisions {
		d := &x.p.Decisions[i]
		if fired[d.Finding] {
			continue
		}
		if err := x.findingRow(s, x.staleFinding(d), d, risks[d.Finding], x.c != nil); err != nil {
			return err
		}
	}
	return nil
}

// findingRow writes one finding; stale marks a decision whose finding the
// analysis no longer produces.
func (x *exporter) findingRow(s *stream, fd threats.Finding, d *model.Decision, risks []string, stale bool) error {
	status, reason, decided := string(model.DecisionProposed), "", any(nil)
	if d != nil {
		status, reason, decided = string(d.Status), d.Reason, excelTime(d.Decided)
	}
	if stale {
		status = "stale: " + status
	}
	var threatID, title, refs string
	if fd.Threat != nil {
		threatID, title = fd.Threat.ID, fd.Threat.Title
		refs = strings.Join(fd.Threat.References, ", ")
	} else if t, _, ok := model.SplitFindingKey(fd.Key); ok {
		threatID = t
	}
	row := []any{fd.Key, text(threatID), text(title), text(fd.TargetName), text(string(fd.TargetKind)),
		status, text(reason), decided, text(strings.Join(risks, ", ")), text(fd.Why), text(refs)}
	n := max(estimateLines(title, 32), estimateLines(fd.Why, 42), estimateLines(refs, 32), estimateLines(reason, 30))
	x.progress.add(1)
	return s.add(row, rowHeight(n, 10))
}

// staleFinding describes a decision whose finding the analysis no longer
// produces.
func (x *exporter) staleFinding(d *model.Decision) threats.Finding {
	fd := threats.Finding{Key: d.Finding, Why: staleWhy}
	if x.c == nil {
		fd.Why = "No catalogue was given for this export, so the findings were not worked out."
	}
	threatID, target, ok := model.SplitFindingKey(d.Finding)
	if !ok {
		return fd
	}
	fd.Threat = x.lookupThreat(threatID)
	fd.Target, fd.TargetName = target, target
	switch {
	case target == model.ProjectTarget:
		fd.TargetKind, fd.TargetName = threats.TargetProject, x.p.Meta.Name
	case x.elements[target] != "":
		fd.TargetKind, fd.TargetName = threats.TargetElement, x.elements[target]
	default:
		if f, ok := x.p.Flow(target); ok {
			fd.TargetKind, fd.TargetName = threats.TargetFlow, flowName(*f, x)
		}
	}
	return fd
}

// risksByFinding lists the risk ids accepted from each finding key.
func (x *exporter) risksByFinding() map[string][]string {
	out := map[string][]string{}
	for _, r := range x.p.Risks {
		if r.Finding != "" {
			out[r.Finding] = append(out[r.Finding], r.ID)
		}
	}
	return out
}

// flowName names a flow for people: its name, or "From → To".
func flowName(f model.Flow, x *exporter) string {
	if f.Name != "" {
		return f.Name
	}
	return x.elementNames([]string{f.From}) + " → " + x.elementNames([]string{f.To})
}
