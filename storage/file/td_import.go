package file

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"airisk/model"
)

// ReadThreatDragon reads an OWASP Threat Dragon v2 model (JSON) and turns
// it into a project: actors, processes and stores become elements of the
// generic kinds, flows become flows, trust boundary boxes and lines become
// boundaries (membership worked out from the drawing), threats become
// manual risks. The Fidelity report says, per element, what was carried
// over and what was not, and why. Data written by WriteThreatDragon is
// restored exactly. On error nothing is returned but the error.
func ReadThreatDragon(r io.Reader, name string) (*model.Project, *Fidelity, error) {
	data, err := readLimited(r, name)
	if err != nil {
		return nil, nil, err
	}
	return decodeThreatDragon(data, name)
}

func decodeThreatDragon(data []byte, name string) (*model.Project, *Fidelity, error) {
	data, err := prepareText(data, name)
	if err != nil {
		return nil, nil, err
	}
	if firstByte(data) != '{' {
		return nil, nil, fileError(name, ErrUnknownFormat, 1, "", "a Threat Dragon model is a JSON object; this file is not one")
	}
	if err := checkJSONShape(data, name); err != nil {
		return nil, nil, err
	}
	var in tdIn
	if err := decodeJSONStrict(data, &in); err != nil {
		return nil, nil, jsonError(name, data, err)
	}
	if err := checkThreatDragon(&in, name, data); err != nil {
		return nil, nil, err
	}
	im := newTDImport(name, data)
	im.project(&in)
	im.collect(&in, unknownDataKeys(data))
	if err := im.checkCounts(); err != nil {
		return nil, nil, err
	}
	im.build()
	p, err := im.finish()
	if err != nil {
		return nil, nil, err
	}
	return p, im.fid, nil
}

// checkThreatDragon refuses version 1 models and files that are not
// Threat Dragon models at all.
func checkThreatDragon(in *tdIn, name string, data []byte) error {
	for i, d := range in.Detail.Diagrams {
		if len(d.DiagramJSON) > 0 && string(d.DiagramJSON) != "null" && d.Cells == nil {
			path := fmt.Sprintf("detail.diagrams[%d].diagramJson", i)
			return fileError(name, ErrThreatDragonV1, lineOf(jsonLocator(data)([]string{path}), path), path,
				"this is a Threat Dragon version 1 model; open it in Threat Dragon 2 and save it, then import the saved file")
		}
	}
	if in.Summary.Title == "" && in.Detail.Diagrams == nil {
		return fileError(name, ErrUnknownFormat, 0, "", "this is not a Threat Dragon model: it has neither summary.title nor detail.diagrams")
	}
	return nil
}

// unknownDataKeys lists, per diagram and cell, the data fields the import
// does not understand, so the report can name them.
func unknownDataKeys(data []byte) map[[2]int][]string {
	var raw struct {
		Detail struct {
			Diagrams []struct {
				Cells []struct {
					Data map[string]json.RawMessage `json:"data"`
				} `json:"cells"`
			} `json:"diagrams"`
		} `json:"detail"`
	}
	out := map[[2]int][]string{}
	if json.Unmarshal(data, &raw) != nil {
		return out
	}
	for d, diagram := range raw.Detail.Diagrams {
		for c, cell := range diagram.Cells {
			for k := range cell.Data {
				if !tdDataKeys[k] && !tdDerivedKeys[k] {
					out[[2]int{d, c}] = append(out[[2]int{d, c}], k)
				}
			}
		}
	}
	return out
}

// tdImport holds the state of one Threat Dragon import.
type tdImport struct {
	name  string
	data  []byte
	fid   *Fidelity
	p     *model.Project
	nodes []*tdNode
	byKey map[string]*tdNode // diagram number + cell id
	// nodeIDs holds element and flow ids (one namespace: a flow may not
	// take an element's id); boundaryIDs and riskIDs their own.
	nodeIDs, boundaryIDs, riskIDs *idSet
	extra                         *document
	// Where each project entry came from, for messages.
	elementNode, flowNode, boundaryNode []*tdNode
	riskLabel                           []string
	elementIDs                          map[string]bool // built once the elements are
}

func newTDImport(name string, data []byte) *tdImport {
	return &tdImport{
		name: name, data: data, fid: &Fidelity{}, p: &model.Project{},
		byKey:   map[string]*tdNode{},
		nodeIDs: newIDSet(), boundaryIDs: newIDSet(), riskIDs: newIDSet(),
	}
}

const modelLabel = "model"

// project carries the summary over to the project's own data.
func (im *tdImport) project(in *tdIn) {
	f, m := im.fid, &im.p.Meta
	title := oneLine(in.Summary.Title)
	m.Name = clip(title, model.MaxNameLength)
	if m.Name == "" {
		m.Name = "Imported Threat Dragon model"
		f.carried(modelLabel, "title", "empty; the project is called %q", m.Name)
	} else {
		f.carried(modelLabel, "title", "project name %q", m.Name)
	}
	m.ID = slugOr(title, "threat-dragon-model")
	m.Description = clip(in.Summary.Description, model.MaxTextLength)
	if m.Description != "" {
		f.carried(modelLabel, "description", "project description")
	}
	m.Owner = clip(oneLine(in.Summary.Owner), model.MaxNameLength)
	if m.Owner != "" {
		f.carried(modelLabel, "owner", "project owner %q", m.Owner)
	}
	im.projectDropped(in)
	im.projectExtra(in.Airisk)
}

func (im *tdImport) projectDropped(in *tdIn) {
	f := im.fid
	var names []string
	for _, c := range in.Detail.Contributors {
		if c.Name != "" {
			names = append(names, c.Name)
		}
	}
	if len(names) > 0 {
		f.dropped(modelLabel, "contributors", "%s: a project has an owner but no list of contributors", strings.Join(names, ", "))
	}
	if in.Detail.Reviewer != "" {
		f.dropped(modelLabel, "reviewer", "%q: a project has no reviewer field", in.Detail.Reviewer)
	}
	f.dropped(modelLabel, "drawing details", "colours, line styles, ports, label placement, shape sizes and the bends of flows are not kept; the diagram draws shapes its own way")
	f.dropped(modelLabel, "derived fields", "hasOpenThreats, isTrustBoundary, trustBoundaryIds, crossingFlows and containedElements are worked out again from the drawing and the risks")
	f.dropped(modelLabel, "threat ids and numbers", "risks get register ids (R-001, ...); Threat Dragon's threat ids and numbers are not kept")
}

// projectExtra restores what an earlier export kept of the project.
func (im *tdImport) projectExtra(raw json.RawMessage) {
	if len(raw) == 0 || string(raw) == "null" {
		return
	}
	var x document
	if err := json.Unmarshal(raw, &x); err != nil {
		im.fid.dropped(modelLabel, "airisk", "the AI Risk Workbench data could not be read (%v); ignored", err)
		return
	}
	im.extra = &x
	if id := x.Meta.ID; model.ValidID(id) != "" {
		im.fid.dropped(modelLabel, "airisk", "the kept project id %q is not valid; the id %q was made from the title", clip(id, 70), im.p.Meta.ID)
	}
	im.fid.carried(modelLabel, "airisk", "times, packs, %s, %s, workshops and the scoring scheme restored from the AI Risk Workbench data",
		plural(len(x.Decisions), "triage decision", "triage decisions"), plural(len(x.Provisions), "checklist answer", "checklist answers"))
}

// oneLine joins the lines of s with spaces (Threat Dragon breaks long
// labels with newlines).
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// clip shortens s to at most n characters.
func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-3])) + "..."
}

// slugOr turns a name into an id, or returns fallback when the name has
// nothing usable.
func slugOr(name, fallback string) string {
	s := model.Slug(name)
	if s == "project" && !strings.Contains(strings.ToLower(name), "project") {
		return fallback
	}
	return s
}
