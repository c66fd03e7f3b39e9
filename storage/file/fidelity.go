package file

import (
	"fmt"
	"strings"
)

// Fidelity is the report of a foreign-format import: for each thing in the
// source file, what was carried over into the project and what could not
// be, and why. Nothing is dropped without an item here.
type Fidelity struct {
	Items []FidelityItem
}

// FidelityItem is one finding of the report. Element names the thing in the
// source file and what it became ("process \"Web server\" -> element
// web-server"); Field is the source field or aspect ("name",
// "isEncrypted"); Carried says whether it made it into the project; Note
// says how, or why not.
type FidelityItem struct {
	Element string
	Field   string
	Carried bool
	Note    string
}

func (f *Fidelity) add(element, field string, carried bool, format string, args ...any) {
	f.Items = append(f.Items, FidelityItem{Element: element, Field: field, Carried: carried, Note: fmt.Sprintf(format, args...)})
}

func (f *Fidelity) carried(element, field, format string, args ...any) {
	f.add(element, field, true, format, args...)
}

func (f *Fidelity) dropped(element, field, format string, args ...any) {
	f.add(element, field, false, format, args...)
}

// Counts returns how many items were carried over and how many were not.
func (f *Fidelity) Counts() (carried, notCarried int) {
	for _, it := range f.Items {
		if it.Carried {
			carried++
		} else {
			notCarried++
		}
	}
	return carried, notCarried
}

// String is the report for people: a summary line, then the items grouped
// by element in the order the elements were met, not-carried items marked.
func (f *Fidelity) String() string {
	if f == nil {
		return ""
	}
	carried, notCarried := f.Counts()
	var b strings.Builder
	fmt.Fprintf(&b, "Carried over: %d. Not carried: %d (marked \"not carried\", with the reason).\n", carried, notCarried)
	var order []string
	groups := map[string][]FidelityItem{}
	for _, it := range f.Items {
		if _, ok := groups[it.Element]; !ok {
			order = append(order, it.Element)
		}
		groups[it.Element] = append(groups[it.Element], it)
	}
	for _, el := range order {
		fmt.Fprintf(&b, "\n%s\n", el)
		for _, it := range groups[el] {
			mark := "carried    "
			if !it.Carried {
				mark = "not carried"
			}
			fmt.Fprintf(&b, "  %s  %s: %s\n", mark, it.Field, it.Note)
		}
	}
	return b.String()
}
