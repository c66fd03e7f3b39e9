package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

// workshopCard is one suggested threat in large type: where the room is,
// the threat, its scores and what was decided, then in two columns how it
// works, why it was suggested here and an example beside the mitigations,
// so a whole card fits on a projector without scrolling.
type workshopCard struct {
	where   *widget.Label
	title   *widget.Label
	status  *workshopTag
	score   *workshopTag
	scores  *widget.Label
	outcome *widget.Label
	body    *widget.RichText
	mitig   *widget.RichText
	scroll  *container.Scroll
	scrollM *container.Scroll
	empty   *widget.Label
	page    *fyne.Container
	content fyne.CanvasObject
	// key is the finding shown, so the body scrolls back to the top only
	// when the card changes.
	key string
}

func newWorkshopCard() *workshopCard {
	c := &workshopCard{status: newWorkshopTag(), score: newWorkshopTag()}
	c.where = widget.NewLabel("")
	c.where.Truncation = fyne.TextTruncateEllipsis
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.title.SizeName = theme.SizeNameHeadingText
	c.title.Wrapping = fyne.TextWrapWord
	c.scores = widget.NewLabel("")
	c.scores.Wrapping = fyne.TextWrapWord
	c.outcome = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.outcome.Wrapping = fyne.TextWrapWord
	c.body = widget.NewRichText()
	c.body.Wrapping = fyne.TextWrapWord
	c.scroll = container.NewVScroll(container.NewPadded(c.body))
	c.mitig = widget.NewRichText()
	c.mitig.Wrapping = fyne.TextWrapWord
	c.scrollM = container.NewVScroll(container.NewPadded(c.mitig))
	c.empty = widget.NewLabel("No suggested threats to discuss: the catalogue finds nothing on this diagram.")
	c.empty.Wrapping = fyne.TextWrapWord
	tags := container.NewHBox(c.score, c.status)
	head := container.NewVBox(container.NewBorder(nil, nil, nil, tags, c.where), c.title,
		c.scores, c.outcome, widget.NewSeparator())
	c.page = container.NewBorder(head, nil, nil, nil, container.NewGridWithColumns(2, c.scroll, c.scrollM))
	c.content = container.NewStack(container.NewPadded(c.page), container.NewVBox(layout.NewSpacer(), c.empty, layout.NewSpacer()))
	c.empty.Hide()
	return c
}

// showNone says there is nothing to discuss.
func (c *workshopCard) showNone() {
	c.page.Hide()
	c.empty.Show()
	c.key = ""
}

// show shows card i of a stop.
func (c *workshopCard) show(st *workspaceState, s agendaStop, i int, skipped bool) {
	c.page.Show()
	c.empty.Hide()
	key := s.Cards[i]
	f, ok := st.Finding(key)
	if !ok {
		c.showNone()
		return
	}
	p := st.Project
	d, _ := p.Decision(key)
	c.where.SetText(fmt.Sprintf("%s · threat %d of %d · %s", s.Name, i+1, len(s.Cards), key))
	c.title.SetText(f.Threat.Title)
	l, im := defaultScores(f.Threat, d)
	score := model.Score(l, im)
	c.score.set(fmt.Sprintf("%d %s", score, st.Scoring.BandName(score)), scoreColor(st.Scoring, score))
	c.scores.SetText(fmt.Sprintf("Likelihood %d %s  ×  Impact %d %s  =  %d",
		l, labelAt(st.Scoring.LikelihoodLabels, l), im, labelAt(st.Scoring.ImpactLabels, im), score))
	st2 := cardStatus(d)
	c.status.set(statusLabel(st2), statusColor(st2))
	c.outcome.SetText(outcomeText(p, key, d, skipped))
	c.outcome.Hidden = c.outcome.Text == ""
	body, mitig := cardSegments(f)
	c.body.Segments, c.mitig.Segments = flatSegments(body), flatSegments(mitig)
	c.body.Refresh()
	c.mitig.Refresh()
	if key != c.key {
		c.scroll.ScrollToTop()
		c.scrollM.ScrollToTop()
		c.key = key
	}
}

// cardStatus is the status shown on a card.
func cardStatus(d *model.Decision) findingStatus {
	if openDecision(d) {
		return statusProposed
	}
	return findingStatus(d.Status)
}

// outcomeText says what was decided: "Accepted into the register as R-012,
// owned by Priya", "Dismissed: Out of scope", or "Skipped for now".
func outcomeText(p *model.Project, key string, d *model.Decision, skipped bool) string {
	switch {
	case d != nil && d.Status == model.DecisionAccepted:
		r, ok := riskFor(p, key)
		if !ok {
			return "Accepted."
		}
		text := "Accepted into the register as " + r.ID
		if r.Owner != "" {
			text += ", owned by " + r.Owner
		} else {
			text += " · press O to give it an owner"
		}
		return text + "."
	case d != nil && d.Status == model.DecisionDismissed:
		return "Dismissed: " + d.Reason
	case skipped:
		return "Skipped for now."
	}
	return ""
}

// cardSegments writes the threat out for the room: what it is, then what
// to do about it, with the Code of Practice provisions of each mitigation.
func cardSegments(f *threats.Finding) (threat, mitigations []widget.RichTextSegment) {
	t := f.Threat
	if f.Why != "" {
		threat = append(threat, blockHeading("Why here"), para(sentence(f.Why)))
	}
	threat = append(threat, blockHeading("How it works"), para(t.Description))
	if t.Example != "" {
		threat = append(threat, blockHeading("Example"), para(t.Example))
	}
	mitigations = []widget.RichTextSegment{blockHeading("Mitigations")}
	if m := mitigationSegments(t); len(m) > 1 {
		mitigations = append(mitigations, m[1:]...)
	} else {
		mitigations = append(mitigations, para("The catalogue suggests none for this threat."))
	}
	if refs := strings.Join(t.References, " · "); refs != "" {
		mitigations = append(mitigations, &widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder,
			SizeName: theme.SizeNameCaptionText}, Text: t.ID + " · " + refs})
	}
	return threat, mitigations
}

// flatSegments lays paragraphs and lists out as top-level text segments, a
// line each, bullets written out. Fyne 2.8 sizes only top-level text
// segments by the theme of their widget; nested ones take the app's theme,
// so in the workshop window (a theme override at a larger scale) they
// would come out small.
func flatSegments(segs []widget.RichTextSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ListSegment:
			for _, it := range s.Items {
				out = append(out, &widget.TextSegment{Style: widget.RichTextStyleStrong, Text: "•  "})
				out = append(out, lineOf(it)...)
			}
		case *widget.ParagraphSegment:
			out = append(out, lineOf(s)...)
		default:
			out = append(out, s)
		}
	}
	return out
}

// lineOf returns the text segments of s as one line: all inline but the
// last, which ends the line.
func lineOf(s widget.RichTextSegment) []widget.RichTextSegment {
	parts := inlineParts(s)
	if n := len(parts); n > 0 {
		last := *parts[n-1].(*widget.TextSegment)
		last.Style.Inline = false
		parts[n-1] = &last
	}
	return parts
}

// inlineParts returns copies of the text segments in s, all inline.
func inlineParts(s widget.RichTextSegment) []widget.RichTextSegment {
	var parts []widget.RichTextSegment
	switch s := s.(type) {
	case widget.RichTextBlock:
		for _, c := range s.Segments() {
			parts = append(parts, inlineParts(c)...)
		}
	case *widget.TextSegment:
		c := *s
		c.Style.Inline = true
		parts = append(parts, &c)
	}
	return parts
}
