package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

// onRune takes the letter keys.
func (v *workshopView) onRune(r rune) {
	if v.closed || v.ended || v.prompting() {
		return
	}
	r = unicode.ToLower(r)
	if v.leaving {
		v.answerLeave(r)
		return
	}
	switch r {
	case 'a':
		v.accept()
	case 'd':
		v.askDismiss()
	case 's':
		v.skip()
	case 'o':
		v.askOwner()
	case 'n':
		v.askNote()
	case 'p':
		v.askPark()
	}
}

// onKey takes the digits, arrows, page keys and Escape.
func (v *workshopView) onKey(name fyne.KeyName, shift bool) {
	switch {
	case v.closed || v.prompting():
		return
	case v.ended:
		v.summary.key(name)
		return
	case v.leaving:
		if name == fyne.KeyEscape {
			v.leaving = false
			v.say("Carry on.")
		}
		return
	}
	switch name {
	case fyne.KeyRight:
		v.step(1)
	case fyne.KeyLeft:
		v.step(-1)
	case fyne.KeyDown, fyne.KeyPageDown:
		v.goTo(v.stop+1, 0)
	case fyne.KeyUp, fyne.KeyPageUp:
		v.goTo(v.stop-1, 0)
	case fyne.KeyEscape:
		v.askLeave()
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5:
		field := scoreLikelihood
		if shift {
			field = scoreImpact
		}
		v.score(field, int(name[0]-'0'))
	}
}

// prompting reports whether a prompt is open.
func (v *workshopView) prompting() bool { return v.prompt != nil && !v.prompt.closed }

// current is the finding on the card shown.
func (v *workshopView) current() (*threats.Finding, bool) {
	if v.cardKey == "" {
		return nil, false
	}
	return v.ws.state.Finding(v.cardKey)
}

// apply commits an edit of the workshop with the session record's update.
func (v *workshopView) apply(c model.Change) bool {
	return v.ws.apply(withRecord(v.ws.state.Project, v.id, c))
}

// findingAbout names a finding for messages: "Prompt injection on Chat service".
func findingAbout(f *threats.Finding) string { return f.Threat.Title + " on " + f.TargetName }

// accept accepts the card into the register, with the triage scores.
func (v *workshopView) accept() {
	f, ok := v.current()
	if !ok {
		return
	}
	p := v.ws.state.Project
	if d, ok := p.Decision(f.Key); ok && d.Status == model.DecisionAccepted {
		v.say("Already accepted. Right moves on to the next threat.")
		return
	}
	c := acceptChange(p, []*threats.Finding{f}, v.ws.ui.now().UTC())
	c.Summary = "Accept " + findingAbout(f)
	if !v.apply(c) {
		return
	}
	delete(v.skipped, f.Key)
	if r, ok := riskFor(v.ws.state.Project, f.Key); ok {
		v.say(fmt.Sprintf("Accepted: %s is in the register as %s (score %d). O gives it an owner; Ctrl+Z undoes.",
			f.Threat.Title, r.ID, r.InherentScore()))
	}
}

// askDismiss asks why, then dismisses the card.
func (v *workshopView) askDismiss() {
	f, ok := v.current()
	if !ok {
		return
	}
	key := f.Key
	hint := "Why does this not need treatment? Type a reason, or pick a common one with the Up and Down keys. Enter dismisses, Esc cancels."
	if r, ok := riskFor(v.ws.state.Project, key); ok {
		hint += fmt.Sprintf(" This also takes %s out of the register (Ctrl+Z brings it back).", r.ID)
	}
	v.ask(promptSpec{title: "Dismiss " + f.Threat.Title, hint: hint, choices: dismissReasons}, func(reason string) {
		c := dismissChange(v.ws.state.Project, []string{key}, reason, v.ws.ui.now().UTC())
		c.Summary = "Dismiss " + findingAbout(f)
		if v.apply(c) {
			delete(v.skipped, key)
			v.say("Dismissed: " + reason + ". Ctrl+Z undoes.")
		}
	})
}

// skip leaves the card undecided and moves on.
func (v *workshopView) skip() {
	f, ok := v.current()
	if !ok {
		return
	}
	v.skipped[f.Key] = true
	v.step(1)
	v.say("Skipped " + f.Threat.Title + ": it stays to triage.")
}

// score sets the likelihood or impact of the card (and of its risk).
func (v *workshopView) score(field scoreField, n int) {
	f, ok := v.current()
	if !ok {
		return
	}
	c := scoreChange(v.ws.state.Project, f.Key, field, n, v.ws.ui.now().UTC())
	c.Summary = fmt.Sprintf("Set %s of %s to %d", field, findingAbout(f), n)
	if v.apply(c) {
		labels := v.ws.state.Scoring.LikelihoodLabels
		if field == scoreImpact {
			labels = v.ws.state.Scoring.ImpactLabels
		}
		name := string(field)
		v.say(fmt.Sprintf("%s set to %d (%s).", strings.ToUpper(name[:1])+name[1:], n, labelAt(labels, n)))
	}
}

// askOwner asks who owns the risk accepted from the card.
func (v *workshopView) askOwner() {
	f, ok := v.current()
	if !ok {
		return
	}
	r, ok := riskFor(v.ws.state.Project, f.Key)
	if !ok {
		v.say("Accept the threat first (A): the owner is the owner of its risk.")
		return
	}
	id := r.ID
	spec := promptSpec{title: "Owner of " + r.ID + " " + r.Title, initial: r.Owner, choices: v.people(),
		hint: "Type a name, or pick one with the Up and Down keys. Enter saves, Esc cancels."}
	v.ask(spec, func(owner string) {
		r, ok := v.ws.state.Project.Risk(id)
		if ok && v.apply(ownerChange(*r, owner, v.ws.ui.now().UTC())) {
			v.say(fmt.Sprintf("%s is owned by %s.", id, owner))
		}
	})
}

// people are the names offered as owners: the attendees, the facilitator
// and the owners already in the register.
func (v *workshopView) people() []string {
	var out []string
	if w, ok := v.record(); ok {
		out = append(out, w.Attendees...)
		if w.Facilitator != "" {
			out = append(out, w.Facilitator)
		}
	}
	for _, r := range v.ws.state.Project.Risks {
		if o := strings.TrimSpace(r.Owner); o != "" {
			out = append(out, o)
		}
	}
	seen := map[string]bool{}
	return slices.DeleteFunc(out, func(s string) bool { dup := seen[s]; seen[s] = true; return dup })
}

// askNote takes a note: on the card's risk when it has one, else in the
// session record.
func (v *workshopView) askNote() {
	f, ok := v.current()
	if !ok {
		return
	}
	where := "the session record"
	if r, ok := riskFor(v.ws.state.Project, f.Key); ok {
		where = r.ID
	}
	spec := promptSpec{title: "Note on " + f.Threat.Title, hint: "The note goes to " + where + ". Enter saves, Esc cancels."}
	v.ask(spec, func(text string) {
		p := v.ws.state.Project
		w, ok := v.record()
		if !ok {
			return
		}
		c := workshopNoteChange(w, findingAbout(f), text)
		if r, ok := riskFor(p, f.Key); ok {
			c = riskNoteChange(*r, text, v.ws.ui.now().UTC())
		}
		if v.apply(c) {
			v.say("Note saved to " + where + ".")
		}
	})
}

// askPark puts a question on the parking lot, raised at the current
// element.
func (v *workshopView) askPark() {
	spec := promptSpec{title: "Parking lot", hint: "A question that needs follow-up after the session. Enter parks it, Esc cancels."}
	stop := v.stopID
	v.ask(spec, func(text string) {
		w, ok := v.record()
		if ok && v.apply(parkChange(w, text, stop, v.ws.ui.now().UTC())) {
			v.say(fmt.Sprintf("Parked (%d on the parking lot).", len(w.Parking)+1))
		}
	})
}

// ask opens a prompt over the view; the keyboard comes back when it
// closes.
func (v *workshopView) ask(spec promptSpec, save func(string)) {
	v.prompt = showPrompt(v.win.Canvas(), v.th, spec, save, v.focus)
}

// askLeave asks, at the foot of the window, whether to end the workshop
// or leave it running.
func (v *workshopView) askLeave() {
	v.leaving = true
	v.banner.Importance = widget.WarningImportance
	v.banner.SetText("Leave the workshop view? E ends the workshop and shows what changed · " +
		"L leaves it running · Esc stays.")
}

func (v *workshopView) answerLeave(r rune) {
	switch r {
	case 'e':
		v.leaving = false
		v.end()
	case 'l':
		v.leaving = false
		v.leave()
	}
}
