package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/threats"
)

// maxTargetsShown bounds the targets listed under "In this project".
const maxTargetsShown = 12

// threatDetail is the right-hand pane of the catalogue browser: one
// threat in full.
type threatDetail struct {
	s      *catalogueScreen
	threat *threats.Threat

	title    *widget.Label
	sub      *quietText
	body     *widget.RichText
	findings *widget.Button
	empty    *quietText
	page     *fyne.Container
	content  fyne.CanvasObject
}

func newThreatDetail(s *catalogueScreen) *threatDetail {
	d := &threatDetail{s: s}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.title.Wrapping = fyne.TextWrapWord
	d.sub = newSubText()
	d.body = widget.NewRichText()
	d.body.Wrapping = fyne.TextWrapWord
	d.findings = widget.NewButtonWithIcon("Show its findings", theme.NavigateNextIcon(), d.onFindings)
	d.empty = newQuietText("Select a threat to read it in full: what it is, when it applies, what to do about it.")
	head := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewCenter(d.findings), d.title),
		d.sub.RichText, widget.NewSeparator())
	d.page = container.NewBorder(head, nil, nil, nil, container.NewVScroll(d.body))
	d.content = container.NewStack(container.NewPadded(d.page), paneMessage(d.empty))
	d.show(nil, nil)
	return d
}

// show fills the pane with a threat (nil empties it).
func (d *threatDetail) show(t *threats.Threat, st *workspaceState) {
	d.threat = t
	d.page.Hidden, d.empty.Hidden = t == nil, t != nil
	if t == nil {
		d.content.Refresh()
		return
	}
	d.title.SetText(t.Title)
	sub := t.ID + " · " + packLabel(t)
	if t.Local && t.File != "" {
		sub += " · from " + t.File
	}
	d.sub.SetText(sub)
	d.body.Segments = threatSegments(t, st, d.s.openProvision)
	d.body.Refresh()
	d.findings.Hidden = len(findingsOf(st, t.ID)) == 0 || d.s.ws.findings == nil
	d.content.Refresh()
}

// onFindings shows the findings screen searched for the threat.
func (d *threatDetail) onFindings() {
	f := d.s.ws.findings
	if d.threat == nil || f == nil {
		return
	}
	d.s.ws.show(f)
	f.search.SetText(d.threat.ID)
}

// threatSegments writes a threat out in full as rich text; open, when
// set, makes each provision a link to it in the checklist.
func threatSegments(t *threats.Threat, st *workspaceState, open func(provision string)) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{blockHeading("Description"), para(t.Description)}
	if t.Example != "" {
		segs = append(segs, blockHeading("Example"), para(t.Example))
	}
	segs = append(segs, blockHeading("When it applies"))
	segs = append(segs, fieldLine("Applies to: ", appliesTo(t))...)
	segs = append(segs, conditionSegments(t)...)
	segs = append(segs, blockHeading("In this project"), para(inProjectText(t, st)))
	segs = append(segs, blockHeading("Default scores"), para(defaultsText(t, st.Scoring)))
	segs = append(segs, provisionMitigationSegments(t, st.Catalogue, open)...)
	segs = append(segs, namedReferenceSegments(t, st.Catalogue)...)
	segs = append(segs, blockHeading("Classification"))
	segs = append(segs, fieldLine("STRIDE: ", strideNamesOf(t))...)
	return append(segs, fieldLine("Lifecycle phases: ", phaseList(t.Phases))...)
}

// fieldLine is a bold label and its text on a line of their own.
func fieldLine(label, text string) []widget.RichTextSegment {
	return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: label},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text}}
}

// namedReferenceSegments lists the references with their names: "LLM01:2025
// · Prompt Injection". A NIST AI 100-2 reference already reads as its
// section, so its name is not repeated.
func namedReferenceSegments(t *threats.Threat, c *threats.Catalogue) []widget.RichTextSegment {
	if len(t.References) == 0 {
		return nil
	}
	list := &widget.ListSegment{}
	for _, r := range t.References {
		text := r
		if name := c.ReferenceName(r); name != "" && !strings.Contains(r, name) {
			text += " · " + name
		}
		list.Items = append(list.Items, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text})
	}
	return []widget.RichTextSegment{blockHeading("References"), list}
}

func conditionSegments(t *threats.Threat) []widget.RichTextSegment {
	conds := []struct{ label, expr string }{
		{"Condition on the element:", t.When},
		{"Condition on the flow:", t.WhenFlow},
		{"Condition on the project:", t.WhenProject},
	}
	var segs []widget.RichTextSegment
	for _, c := range conds {
		if strings.TrimSpace(c.expr) == "" {
			continue
		}
		label := widget.RichTextStyleStrong
		label.Inline = false
		segs = append(segs, &widget.TextSegment{Style: label, Text: c.label},
			&widget.TextSegment{Style: widget.RichTextStyleCodeBlock, Text: strings.TrimSpace(c.expr)})
	}
	if len(segs) == 0 {
		segs = append(segs, para("No condition: it applies to every target listed above."))
	}
	return segs
}

// inProjectText says where the threat fires in the open project, or why
// it does not.
func inProjectText(t *threats.Threat, st *workspaceState) string {
	fs := findingsOf(st, t.ID)
	if len(fs) > 0 {
		names := make([]string, 0, min(len(fs), maxTargetsShown))
		for i, f := range fs {
			if i == maxTargetsShown {
				names = append(names, fmt.Sprintf("and %d more", len(fs)-maxTargetsShown))
				break
			}
			names = append(names, f.TargetName)
		}
		times := "once"
		if len(fs) > 1 {
			times = fmt.Sprintf("%d times", len(fs))
		}
		return fmt.Sprintf("Suggested %s: %s.", times, strings.Join(names, ", "))
	}
	if t.Pack == threats.PackStride && !slices.Contains(st.Project.Meta.Packs, threats.PackStride) {
		return "The STRIDE pack is switched off for this project; switch it on above to be offered these threats."
	}
	return "Not suggested: nothing in the diagram matches where and when it applies."
}

// provisionMitigationSegments lists the mitigations, each with the Code of
// Practice provisions it implements by number and title, as links when
// open is set.
func provisionMitigationSegments(t *threats.Threat, cat *threats.Catalogue, open func(string)) []widget.RichTextSegment {
	if len(t.Mitigations) == 0 {
		return nil
	}
	provision := widget.RichTextStyleEmphasis
	provision.Inline = false
	segs := []widget.RichTextSegment{blockHeading("Mitigations")}
	for _, m := range t.Mitigations {
		// A line ends after a segment that is not inline.
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleStrong, Text: "•  "},
			&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: m.Text})
		for _, id := range m.Provisions {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: "      "})
			text := "Code of Practice " + provisionName(cat, id)
			if open == nil {
				segs = append(segs, &widget.TextSegment{Style: provision, Text: text})
				continue
			}
			segs = append(segs, linkLine(text, func() { open(id) })...)
		}
	}
	return segs
}

// openProvision shows a provision in the Code of Practice checklist.
func (s *catalogueScreen) openProvision(id string) {
	if c, ok := findScreen[*checklistScreen](s.ws); ok {
		s.ws.show(c)
		c.showProvision(id)
	}
}

// provisionName reads "5.4.1 Title", or the bare number when the Code does
// not have it.
func provisionName(cat *threats.Catalogue, id string) string {
	if cat != nil {
		if p, ok := cat.Code.Provision(id); ok {
			return id + " " + p.Title
		}
	}
	return id
}

// strideNamesOf reads "Tampering, Information disclosure".
func strideNamesOf(t *threats.Threat) string {
	names := make([]string, 0, len(t.Stride))
	for _, s := range t.Stride {
		names = append(names, strideNames[s])
	}
	return strings.Join(names, ", ")
}
