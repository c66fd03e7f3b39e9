package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

// findingDetail is the right-hand pane of the findings screen: what the
// threat is, why it fired, what to do about it, where it comes from, and
// the triage controls.
type findingDetail struct {
	s        *findingsScreen
	item     *findingItem
	updating bool

	title      *widget.Label
	sub        *widget.Label
	status     *chip
	body       *widget.RichText
	accept     *widget.Button
	dismiss    *widget.Button
	drop       *widget.Button
	openRisk   *widget.Button
	likelihood *widget.Select
	impact     *widget.Select
	empty      *widget.Label
	page       *fyne.Container
	content    fyne.CanvasObject
}

func newFindingDetail(s *findingsScreen) *findingDetail {
	d := &findingDetail{s: s}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.title.Wrapping = fyne.TextWrapWord
	d.sub = widget.NewLabel("")
	d.sub.Importance = widget.LowImportance
	d.sub.Wrapping = fyne.TextWrapWord
	d.status = newChip("", neutral)
	d.body = widget.NewRichText()
	d.body.Wrapping = fyne.TextWrapWord
	d.accept = widget.NewButtonWithIcon("Accept (A)", theme.ConfirmIcon(), func() { s.accept([]*findingItem{d.item}) })
	d.accept.Importance = widget.HighImportance
	d.dismiss = widget.NewButtonWithIcon("Dismiss (D)...", theme.CancelIcon(), func() { s.askDismiss([]*findingItem{d.item}) })
	d.drop = widget.NewButtonWithIcon("Drop decision", theme.DeleteIcon(), func() { s.ws.apply(dropChange([]string{d.item.Key})) })
	d.openRisk = widget.NewButtonWithIcon("Open risk", theme.NavigateNextIcon(), d.onOpenRisk)
	d.likelihood = widget.NewSelect(nil, func(v string) { d.onScore(scoreLikelihood, v) })
	d.impact = widget.NewSelect(nil, func(v string) { d.onScore(scoreImpact, v) })
	d.empty = widget.NewLabel("Select a finding to see why it was suggested and what to do about it.")
	d.empty.Wrapping = fyne.TextWrapWord
	scores := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("Likelihood (1-5)"), nil, d.likelihood),
		container.NewBorder(nil, nil, widget.NewLabel("Impact (Shift+1-5)"), nil, d.impact))
	buttons := container.NewHBox(d.accept, d.dismiss, d.drop, d.openRisk)
	head := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewCenter(d.status), d.title), d.sub, buttons, scores, widget.NewSeparator())
	d.page = container.NewBorder(head, nil, nil, nil, container.NewVScroll(d.body))
	d.content = container.NewStack(container.NewPadded(d.page), container.NewCenter(d.empty))
	d.show(nil, nil)
	return d
}

// show fills the pane with an item (nil empties it).
func (d *findingDetail) show(it *findingItem, st *workspaceState) {
	d.item = it
	d.page.Hidden, d.empty.Hidden = it == nil, it != nil
	if it == nil {
		d.content.Refresh()
		return
	}
	d.title.SetText(it.Title())
	d.sub.SetText(it.TargetName + " · " + it.Key)
	d.status.set(statusLabel(it.Status), statusColor(it.Status))
	d.body.Segments = detailSegments(it, st)
	d.body.Refresh()
	_, hasRisk := riskFor(st.Project, it.Key)
	d.accept.Hidden = it.Finding == nil || it.Status == statusAccepted
	d.dismiss.Hidden = it.Finding == nil || it.Status == statusDismissed
	d.drop.Hidden = it.Status != statusStale
	d.openRisk.Hidden = !hasRisk
	d.showScores(it, st.Scoring)
	d.content.Refresh()
}

func (d *findingDetail) showScores(it *findingItem, s model.Scoring) {
	d.updating = true
	defer func() { d.updating = false }()
	d.likelihood.SetOptions(levelOptions(s.LikelihoodLabels))
	d.impact.SetOptions(levelOptions(s.ImpactLabels))
	d.likelihood.SetSelectedIndex(it.Likelihood - 1)
	d.impact.SetSelectedIndex(it.Impact - 1)
	setEnabled(d.likelihood, it.Status != statusStale)
	setEnabled(d.impact, it.Status != statusStale)
}

// levelOptions labels the levels 1-5 ("3 · Possible").
func levelOptions(labels []string) []string {
	out := make([]string, 5)
	for i := range out {
		out[i] = fmt.Sprint(i + 1)
		if i < len(labels) && labels[i] != "" {
			out[i] += " · " + labels[i]
		}
	}
	return out
}

// levelOf reads a level back from its option.
func levelOf(option string) int {
	if option == "" || option[0] < '1' || option[0] > '5' {
		return 0
	}
	return int(option[0] - '0')
}

func (d *findingDetail) onScore(field scoreField, option string) {
	if d.updating || d.item == nil {
		return
	}
	if v := levelOf(option); v > 0 {
		d.s.score(field, v)
	}
}

func (d *findingDetail) onOpenRisk() {
	if d.item == nil {
		return
	}
	if r, ok := riskFor(d.s.state.Project, d.item.Key); ok {
		d.s.ws.register.openRisk(r.ID)
	}
}

// detailSegments writes the finding out as rich text.
func detailSegments(it *findingItem, st *workspaceState) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	if it.Status == statusStale {
		segs = append(segs, para("This decision's finding no longer fires: the diagram changed, or the catalogue did. "+
			"It is kept until you drop it, so nothing decided is silently lost."))
	}
	if it.Decision != nil && it.Decision.Reason != "" {
		segs = append(segs, labelled("Reason for the decision: ", it.Decision.Reason))
	}
	if it.Finding != nil && it.Finding.Why != "" {
		segs = append(segs, labelled("Why it was suggested: ", it.Finding.Why))
	}
	t := it.Threat
	if t == nil {
		return append(segs, para("The threat is no longer in the catalogue."))
	}
	segs = append(segs, heading("Description"), para(t.Description))
	if t.Example != "" {
		segs = append(segs, heading("Example"), para(t.Example))
	}
	segs = append(segs, mitigationSegments(t)...)
	segs = append(segs, referenceSegments(t, st.Catalogue)...)
	segs = append(segs, heading("Default scores"), para(defaultsText(t, st.Scoring)))
	return append(segs, para(classification(t)))
}

func mitigationSegments(t *threats.Threat) []widget.RichTextSegment {
	if len(t.Mitigations) == 0 {
		return nil
	}
	list := &widget.ListSegment{}
	for _, m := range t.Mitigations {
		texts := []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: m.Text}}
		if len(m.Provisions) > 0 {
			texts = append(texts, &widget.TextSegment{Style: widget.RichTextStyleEmphasis,
				Text: "  Code of Practice " + strings.Join(m.Provisions, ", ")})
		}
		list.Items = append(list.Items, &widget.ParagraphSegment{Texts: texts})
	}
	return []widget.RichTextSegment{heading("Mitigations"), list}
}

func referenceSegments(t *threats.Threat, c *threats.Catalogue) []widget.RichTextSegment {
	if len(t.References) == 0 {
		return nil
	}
	list := &widget.ListSegment{}
	for _, r := range t.References {
		text := r
		if c != nil {
			if name := c.ReferenceName(r); name != "" && name != r {
				text += " · " + name
			}
		}
		list.Items = append(list.Items, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: text})
	}
	return []widget.RichTextSegment{heading("References"), list}
}

func defaultsText(t *threats.Threat, s model.Scoring) string {
	text := fmt.Sprintf("Likelihood %d (%s), impact %d (%s): score %d, %s.",
		t.Likelihood, labelAt(s.LikelihoodLabels, t.Likelihood), t.Impact, labelAt(s.ImpactLabels, t.Impact),
		model.Score(t.Likelihood, t.Impact), strings.ToLower(s.BandName(model.Score(t.Likelihood, t.Impact))))
	if t.Rationale != "" {
		text += " " + t.Rationale
	}
	return text
}

// labelAt returns the label of level v (1-5), "" when out of range.
func labelAt(labels []string, v int) string {
	if v < 1 || v > len(labels) {
		return ""
	}
	return labels[v-1]
}

func classification(t *threats.Threat) string {
	var stride, phases []string
	for _, s := range t.Stride {
		stride = append(stride, strideNames[s])
	}
	for _, p := range t.Phases {
		phases = append(phases, phaseNames[p])
	}
	text := fmt.Sprintf("%s · STRIDE: %s · Phases: %s", t.ID, strings.Join(stride, ", "), strings.Join(phases, ", "))
	if t.Local {
		text += " · from a local catalogue (" + t.File + ")"
	}
	return text
}

// headingStyle is a sub-heading on its own line (Fyne's own heading
// styles are inline, for Markdown paragraphs).
var headingStyle = func() widget.RichTextStyle {
	s := widget.RichTextStyleSubHeading
	s.Inline = false
	return s
}()

func heading(text string) widget.RichTextSegment {
	return &widget.TextSegment{Style: headingStyle, Text: text}
}

func para(text string) widget.RichTextSegment {
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text}
}

func labelled(label, text string) widget.RichTextSegment {
	return &widget.ParagraphSegment{Texts: []widget.RichTextSegment{
		&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: label},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text},
	}}
}
