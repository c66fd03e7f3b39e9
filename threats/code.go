package threats

import (
	"slices"
	"strconv"
	"strings"
)

// Stakeholder is a party the Code of Practice addresses.
type Stakeholder string

// The stakeholders of the Code.
const (
	Developer      Stakeholder = "developer"
	SystemOperator Stakeholder = "system_operator"
	DataCustodian  Stakeholder = "data_custodian"
	EndUser        Stakeholder = "end_user"
	AffectedEntity Stakeholder = "affected_entity"
)

// Stakeholders lists every stakeholder in display order.
var Stakeholders = []Stakeholder{Developer, SystemOperator, DataCustodian, EndUser, AffectedEntity}

// The provision levels.
const (
	LevelShall  = "shall"
	LevelShould = "should"
)

// Principle is one of the Code's 13 principles.
type Principle struct {
	Number         int
	Title, Summary string
}

// Provision is one provision of the Code. Summary paraphrases the published
// text; it is not the Code's wording.
type Provision struct {
	// ID is the UK provision number ("5.4.1"); ETSI the EN 304 223
	// designator.
	ID, ETSI  string
	Principle int
	// Level is "shall" or "should".
	Level        string
	Stakeholders []Stakeholder
	Phases       []Phase
	Title        string
	Summary      string
}

// Code is the UK Code of Practice for the Cyber Security of AI, as bundled.
type Code struct {
	// Note says that the summaries paraphrase the published Code.
	Note       string
	Principles []Principle
	Provisions []Provision

	index map[string]int
}

// Provision returns the provision with the given UK number.
func (c *Code) Provision(id string) (*Provision, bool) {
	if c == nil {
		return nil, false
	}
	if c.index == nil {
		// A Code built by hand (in another package's tests) has no index.
		i := slices.IndexFunc(c.Provisions, func(p Provision) bool { return p.ID == id })
		if i < 0 {
			return nil, false
		}
		return &c.Provisions[i], true
	}
	i, ok := c.index[id]
	if !ok {
		return nil, false
	}
	return &c.Provisions[i], true
}

// Principle returns the principle with the given number.
func (c *Code) Principle(n int) (Principle, bool) {
	if c == nil {
		return Principle{}, false
	}
	for _, p := range c.Principles {
		if p.Number == n {
			return p, true
		}
	}
	return Principle{}, false
}

// ProvisionsOf returns the provisions of principle n, in order.
func (c *Code) ProvisionsOf(n int) []*Provision {
	var out []*Provision
	for i := range c.Provisions {
		if c.Provisions[i].Principle == n {
			out = append(out, &c.Provisions[i])
		}
	}
	return out
}

// For reports whether the provision falls on stakeholder s.
func (p *Provision) For(s Stakeholder) bool { return slices.Contains(p.Stakeholders, s) }

// In reports whether the provision applies in lifecycle phase ph.
func (p *Provision) In(ph Phase) bool { return slices.Contains(p.Phases, ph) }

func (c *Code) buildIndex() {
	c.index = make(map[string]int, len(c.Provisions))
	for i, p := range c.Provisions {
		c.index[p.ID] = i
	}
}

// compareProvisionIDs orders provision numbers numerically part by part, so
// "5.4.1" comes after "5.4" and "10.1" after "9.2".
func compareProvisionIDs(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, errA := strconv.Atoi(pa[i])
		nb, errB := strconv.Atoi(pb[i])
		if errA != nil || errB != nil {
			if c := strings.Compare(pa[i], pb[i]); c != 0 {
				return c
			}
			continue
		}
		if na != nb {
			return na - nb
		}
	}
	return len(pa) - len(pb)
}

func sortProvisionIDs(ids []string) { slices.SortFunc(ids, compareProvisionIDs) }
