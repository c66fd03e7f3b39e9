package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

// maxCitingShown bounds the catalogue threats listed under a provision.
const maxCitingShown = 8

// provisionDetail is the right-hand pane of the checklist: what the
// provision asks, the project's answer and evidence, and the controls and
// risks that address it.
type provisionDetail struct {
	s        *checklistScreen
	id       string
	updating bool

	title    *widget.Label
	sub      *quietText
	facts    *widget.Label
	summary  *widget.Label
	state    *widget.Select
	stateTag *chip
	evidence *commitEntry
	controls *widget.RichText
	citing   *widget.RichText
	empty    *quietText
	page     *fyne.Container
	content  fyne.CanvasObject
}

func newProvisionDetail(s *checklistScreen) *provisionDetail {
	d := &provisionDetail{s: s}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.title.Wrapping = fyne.TextWrapWord
	d.sub = newSubText()
	d.facts = widget.NewLabel("")
	d.facts.Wrapping = fyne.TextWrapWord
	d.summary = widget.NewLabel("")
	d.summary.Wrapping = fyne.TextWrapWord
	var states []string
	for _, st := range model.ProvisionStates {
		states = append(states, provisionStateLabel(st))
	}
	d.state = widget.NewSelect(states, d.onState)
	d.stateTag = newChip("", neutral)
	d.stateTag.minWidth = 104
	d.evidence = newCommitEntry(true, s.setEvidence)
	d.evidence.SetMinRowsVisible(5)
	d.evidence.SetPlaceHolder("What shows this provision is met: a policy, a test report, a ticket, a link...")
	d.evidence.Validator = evidenceValidator
	d.controls = widget.NewRichText()
	d.controls.Wrapping = fyne.TextWrapWord
	d.citing = widget.NewRichText()
	d.citing.Wrapping = fyne.TextWrapWord
	d.empty = newQuietText("Select a provision to record where the project stands on it.")
	d.page = d.layout()
	d.content = container.NewStack(container.NewPadded(d.page), paneMessage(d.empty))
	return d
}

func evidenceValidator(text string) error {
	if n := len([]rune(text)); n > model.MaxTextLength {
		return fmt.Errorf("the evidence is %d characters long; the limit is %d", n, model.MaxTextLength)
	}
	return nil
}

func (d *provisionDetail) layout() *fyne.Container {
	status := container.NewBorder(nil, nil, nil, container.NewCenter(d.stateTag), d.state)
	form := widget.NewForm(
		widget.NewFormItem("Status", status),
		widget.NewFormItem("Evidence", d.evidence))
	head := container.NewVBox(d.title, d.sub.RichText, widget.NewSeparator())
	body := container.NewVBox(d.facts, d.summary, form,
		sectionTitle("Addressed by"), d.controls,
		sectionTitle("Catalogue threats it helps against"), d.citing)
	return container.NewBorder(head, nil, nil, nil, container.NewVScroll(body))
}

// show fills the pane with a provision (nil empties it).
func (d *provisionDetail) show(pc *threats.ProvisionCoverage, st *workspaceState) {
	d.page.Hidden, d.empty.Hidden = pc == nil, pc != nil
	if pc == nil {
		d.evidence.show("", "")
		d.id = ""
		d.content.Refresh()
		return
	}
	p := pc.Provision
	d.id = p.ID
	d.title.SetText(p.ID + "  " + p.Title)
	d.sub.SetText(d.subText(p, st))
	d.facts.SetText(fmt.Sprintf("Falls on: %s\nPhases: %s", stakeholderList(p.Stakeholders), phaseList(p.Phases)))
	d.summary.SetText(p.Summary)
	d.updating = true
	d.state.SetSelected(provisionStateLabel(pc.State))
	d.updating = false
	d.stateTag.set(provisionStateLabel(pc.State), provisionStateColor(pc.State))
	d.evidence.show(p.ID, pc.Evidence)
	d.showControls(pc)
	d.showCiting(threatsCiting(st.Catalogue, p.ID))
	d.content.Refresh()
}

func (d *provisionDetail) subText(p *threats.Provision, st *workspaceState) string {
	level := "Shall (required)"
	if p.Level == threats.LevelShould {
		level = "Should (recommended)"
	}
	text := fmt.Sprintf("%s · ETSI EN 304 223 %s", level, p.ETSI)
	if st.Catalogue != nil {
		if pr, ok := st.Catalogue.Code.Principle(p.Principle); ok {
			text += fmt.Sprintf(" · Principle %d: %s", pr.Number, pr.Title)
		}
	}
	return text
}

// showControls lists the controls that name the provision, each a link to
// its risk in the register.
func (d *provisionDetail) showControls(pc *threats.ProvisionCoverage) {
	var segs []widget.RichTextSegment
	if len(pc.Controls) == 0 {
		segs = quietLine("No risk control names this provision yet. " +
			"Name it in a control's provisions in the register to count it as addressed.")
	}
	for _, ref := range pc.Controls {
		text := fmt.Sprintf("%s  %s: %s (%s)", ref.RiskID, ref.RiskTitle, ref.Control, words(string(ref.Status)))
		segs = append(segs, linkLine(text, func() { d.s.openRisk(ref.RiskID) })...)
	}
	d.controls.Segments = segs
	d.controls.Refresh()
}

// showCiting lists the catalogue threats whose mitigations implement the
// provision, each a link to the threat in the catalogue browser.
func (d *provisionDetail) showCiting(ts []*threats.Threat) {
	var segs []widget.RichTextSegment
	if len(ts) == 0 {
		segs = quietLine("No threat of the catalogue names this provision among its mitigations.")
	}
	for i, t := range ts {
		if i == maxCitingShown {
			segs = append(segs, para(fmt.Sprintf("and %d more", len(ts)-maxCitingShown)))
			break
		}
		segs = append(segs, linkLine(t.ID+"  "+t.Title, func() { d.s.openThreat(t.ID) })...)
	}
	d.citing.Segments = segs
	d.citing.Refresh()
}

func (d *provisionDetail) onState(label string) {
	if d.updating || d.id == "" {
		return
	}
	d.s.setState(d.id, provisionStateOf(label))
}

// openThreat shows a threat in the catalogue browser.
func (s *checklistScreen) openThreat(id string) {
	if c, ok := findScreen[*catalogueScreen](s.ws); ok {
		s.ws.show(c)
		c.showThreat(id)
	}
}

// openRisk shows a risk in the register.
func (s *checklistScreen) openRisk(id string) {
	if s.ws.register != nil {
		s.ws.register.openRisk(id)
	}
}
