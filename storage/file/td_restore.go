package file

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"airisk/model"
)

// restoredRisk completes a risk kept by an earlier export: the kept data
// stands, except what was changed in Threat Dragon since.
func (im *tdImport) restoredRisk(label string, n *tdNode, t tdThreat, r *model.Risk) {
	im.fid.carried(label, "airisk", "scores, treatment, owner, dates, controls and notes restored from the AI Risk Workbench data")
	r.Elements = im.keptElements(label, r.Elements)
	if r.Controls == nil {
		r.Controls = []model.Control{}
	}
	if statusKey(t.Status) != statusKey(tdStatusOf(*r)) {
		im.fid.carried(label, "status", "changed in Threat Dragon since the export")
		st := im.threatStatus(label, t.Status, r)
		for i := range r.Controls {
			if st.control == model.ControlImplemented {
				r.Controls[i].Status = st.control
			}
		}
	}
	if statusKey(t.Severity) != statusKey(tdSeverityOf(*r)) {
		im.fid.carried(label, "severity", "changed in Threat Dragon since the export")
		im.threatSeverity(label, t.Severity, r)
		r.ResidualLikelihood, r.ResidualImpact = 0, 0
	}
	if m := strings.TrimSpace(t.Mitigation); m != "" && m != tdMitigationOf(*r) {
		r.Controls = append(r.Controls, im.mitigation(label, m, model.ControlPlanned, r))
	}
	for _, f := range []struct{ key, value string }{{"type", t.Type}, {"score", string(t.Score)}} {
		if v := strings.TrimSpace(f.value); v != "" {
			r.Notes = strings.TrimSpace(r.Notes + fmt.Sprintf("\nThreat Dragon %s: %q", f.key, clip(v, 200)))
			im.fid.carried(label, f.key, "%q, kept in the risk's notes", clip(v, 80))
		}
	}
}

// keptElements keeps the risk's element ids that the import has.
func (im *tdImport) keptElements(label string, ids []string) []string {
	if im.elementIDs == nil {
		im.elementIDs = make(map[string]bool, len(im.p.Elements))
		for _, e := range im.p.Elements {
			im.elementIDs[e.ID] = true
		}
	}
	out := []string{}
	for _, id := range ids {
		if im.elementIDs[id] {
			out = append(out, id)
		} else {
			im.fid.dropped(label, "element", "the risk concerned element %q, which the model no longer has", clip(id, 70))
		}
	}
	return out
}

// restoreExtras restores what an earlier export kept of the project
// besides the diagram and the risks (decisions, checklist, workshops,
// scoring, times...). The name, description and owner stay as Threat
// Dragon has them, since people may have edited them there.
func (im *tdImport) restoreExtras() {
	if im.extra == nil {
		return
	}
	kept := im.extra.Project
	kept.Meta.Name, kept.Meta.Description, kept.Meta.Owner = im.p.Meta.Name, im.p.Meta.Description, im.p.Meta.Owner
	if model.ValidID(kept.Meta.ID) != "" {
		kept.Meta.ID = im.p.Meta.ID
	}
	kept.Boundaries, kept.Elements, kept.Flows, kept.Risks = im.p.Boundaries, im.p.Elements, im.p.Flows, im.p.Risks
	*im.p = canonical(&kept)
}

// finish validates the project. Risks, decisions, checklist answers and a
// scoring scheme that fail are dropped and reported; anything else wrong
// fails the import, each problem named by its Threat Dragon cell.
func (im *tdImport) finish() (*model.Project, error) {
	for attempt := 0; ; attempt++ {
		err := im.p.Validate()
		if err == nil {
			return im.p, nil
		}
		var ps model.Problems
		if !errors.As(err, &ps) {
			return nil, fileError(im.name, ErrInvalid, 0, "", "%v", err)
		}
		if attempt > 0 || !im.dropInvalid(ps) {
			return nil, im.problemsError(ps)
		}
	}
}

// kept is what may be left out of an import when it is not valid: the
// entries and fields that only the AI Risk Workbench data carried, and the
// risks. The drawing itself (elements, flows, boundaries) may not.
var listEntry = regexp.MustCompile(`^([a-z_]+)\[(\d+)\]`)

// dropInvalid leaves out the entries with problems that can be left out,
// reporting each; false when there are none.
func (im *tdImport) dropInvalid(ps model.Problems) bool {
	drops := map[string]map[int]string{}
	dropped := false
	for _, p := range ps {
		top, _, _ := strings.Cut(p.Path, ".")
		if m := listEntry.FindStringSubmatch(top); m != nil && !diagramLists[m[1]] {
			i, _ := strconv.Atoi(m[2])
			if drops[m[1]] == nil {
				drops[m[1]] = map[int]string{}
			}
			if _, seen := drops[m[1]][i]; !seen {
				drops[m[1]][i] = p.String()
			}
			dropped = true
			continue
		}
		if im.clearKept(p) {
			dropped = true
		}
	}
	for _, name := range sortedKeys(drops) {
		im.dropEntries(name, drops[name])
	}
	return dropped
}

var diagramLists = map[string]bool{"elements": true, "flows": true, "boundaries": true}

// clearKept empties a kept field with a problem: the scoring scheme, the
// packs, any other optional part; false when the problem is elsewhere.
func (im *tdImport) clearKept(p model.Problem) bool {
	top, _, _ := strings.Cut(p.Path, "[")
	top, _, _ = strings.Cut(top, ".")
	if strings.HasPrefix(p.Path, "project.packs") && im.p.Meta.Packs != nil {
		im.p.Meta.Packs = nil
		im.fid.dropped(modelLabel, "packs", "the kept catalogue packs are not valid (%s); none are switched on", p)
		return true
	}
	f, ok := projectField(im.p, top)
	if !ok || diagramLists[top] || top == "project" || f.IsZero() || f.Kind() != reflect.Pointer && f.Kind() != reflect.Slice {
		return false
	}
	f.SetZero()
	im.fid.dropped(modelLabel, top, "the kept %s is not valid (%s); left out", top, p)
	return true
}

// dropEntries removes the listed entries from the project's list name.
func (im *tdImport) dropEntries(name string, drop map[int]string) {
	f, ok := projectField(im.p, name)
	if !ok || f.Kind() != reflect.Slice {
		return
	}
	out := reflect.MakeSlice(f.Type(), 0, f.Len())
	for i := range f.Len() {
		why, gone := drop[i]
		switch {
		case !gone:
			out = reflect.Append(out, f.Index(i))
		case name == "risks" && i < len(im.riskLabel):
			im.fid.dropped(im.riskLabel[i], "risk", "left out: %s", why)
		default:
			im.fid.dropped(modelLabel, name, "a kept entry was left out: %s", why)
		}
	}
	f.Set(out)
}

// projectField finds the project's field by its name in the file.
func projectField(p *model.Project, name string) (reflect.Value, bool) {
	v := reflect.ValueOf(p).Elem()
	for i := range v.NumField() {
		if n, _, ok := yamlField(v.Type().Field(i)); ok && n == name {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var entryPath = regexp.MustCompile(`^(elements|flows|boundaries)\[(\d+)\]\.?(.*)$`)

// problemsError names each remaining problem by the cell it came from.
func (im *tdImport) problemsError(ps model.Problems) error {
	out := &Error{File: im.name, Kind: ErrInvalid}
	var paths []string
	for _, p := range ps {
		prob := Problem{Path: p.Path, Message: p.Message}
		if n, field := im.sourceOf(p.Path); n != nil {
			prob.Path = n.path()
			prob.Message = fmt.Sprintf("%s: %s: %s", n.label, field, p.Message)
			paths = append(paths, prob.Path)
		}
		out.Problems = append(out.Problems, prob)
	}
	lines := jsonLocator(im.data)(paths)
	for i := range out.Problems {
		out.Problems[i].Line = lines[out.Problems[i].Path]
	}
	return out
}

func (im *tdImport) sourceOf(path string) (*tdNode, string) {
	m := entryPath.FindStringSubmatch(path)
	if m == nil {
		return nil, ""
	}
	i, _ := strconv.Atoi(m[2])
	list := map[string][]*tdNode{"elements": im.elementNode, "flows": im.flowNode, "boundaries": im.boundaryNode}[m[1]]
	if i >= len(list) {
		return nil, ""
	}
	return list[i], m[3]
}
