package file

import (
	"crypto/sha1"
	"fmt"
	"strings"

	"airisk/model"
)

// Threat Dragon v2 model, as written. Field order follows Threat Dragon's
// own files; pointers leave out the fields a cell type does not have.
type tdOut struct {
	Version string       `json:"version"`
	Summary tdOutSummary `json:"summary"`
	Detail  tdOutDetail  `json:"detail"`
	// Airisk is the rest of the project, a portable file without the
	// diagram and the risks, which the cells carry.
	Airisk *document `json:"airisk"`
}

type tdOutSummary struct {
	Title       string `json:"title"`
	Owner       string `json:"owner"`
	Description string `json:"description"`
	ID          int    `json:"id"`
}

type tdOutDetail struct {
	Contributors []struct{}     `json:"contributors"`
	Diagrams     []tdOutDiagram `json:"diagrams"`
	DiagramTop   int            `json:"diagramTop"`
	Reviewer     string         `json:"reviewer"`
	ThreatTop    int            `json:"threatTop"`
}

type tdOutDiagram struct {
	ID          int         `json:"id"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	DiagramType string      `json:"diagramType"`
	Placeholder string      `json:"placeholder"`
	Thumbnail   string      `json:"thumbnail"`
	Version     string      `json:"version"`
	Cells       []tdOutCell `json:"cells"`
}

type tdOutCell struct {
	ID        string         `json:"id"`
	Shape     string         `json:"shape"`
	ZIndex    int            `json:"zIndex"`
	Visible   *bool          `json:"visible,omitempty"`
	Position  *tdPoint       `json:"position,omitempty"`
	Size      *tdSize        `json:"size,omitempty"`
	Attrs     map[string]any `json:"attrs"`
	Labels    []any          `json:"labels,omitempty"`
	Connector string         `json:"connector,omitempty"`
	Source    *tdEnd         `json:"source,omitempty"`
	Target    *tdEnd         `json:"target,omitempty"`
	Vertices  []tdPoint      `json:"vertices,omitempty"`
	Data      tdOutData      `json:"data"`
}

type tdOutData struct {
	Type                   string         `json:"type"`
	Name                   string         `json:"name"`
	Description            string         `json:"description"`
	OutOfScope             *bool          `json:"outOfScope,omitempty"`
	ReasonOutOfScope       *string        `json:"reasonOutOfScope,omitempty"`
	IsTrustBoundary        bool           `json:"isTrustBoundary"`
	HasOpenThreats         bool           `json:"hasOpenThreats"`
	ProvidesAuthentication *bool          `json:"providesAuthentication,omitempty"`
	HandlesCardPayment     *bool          `json:"handlesCardPayment,omitempty"`
	HandlesGoodsOrServices *bool          `json:"handlesGoodsOrServices,omitempty"`
	IsWebApplication       *bool          `json:"isWebApplication,omitempty"`
	PrivilegeLevel         *string        `json:"privilegeLevel,omitempty"`
	IsALog                 *bool          `json:"isALog,omitempty"`
	IsEncrypted            *bool          `json:"isEncrypted,omitempty"`
	IsSigned               *bool          `json:"isSigned,omitempty"`
	StoresCredentials      *bool          `json:"storesCredentials,omitempty"`
	StoresInventory        *bool          `json:"storesInventory,omitempty"`
	IsBidirectional        *bool          `json:"isBidirectional,omitempty"`
	IsPublicNetwork        *bool          `json:"isPublicNetwork,omitempty"`
	Protocol               *string        `json:"protocol,omitempty"`
	Threats                *[]tdOutThreat `json:"threats,omitempty"`
	Airisk                 *tdCellExtra   `json:"airisk,omitempty"`
}

type tdOutThreat struct {
	ID          string      `json:"id"`
	Number      int         `json:"number"`
	Title       string      `json:"title"`
	Status      string      `json:"status"`
	Severity    string      `json:"severity"`
	Type        string      `json:"type"`
	ModelType   string      `json:"modelType"`
	Description string      `json:"description"`
	Mitigation  string      `json:"mitigation"`
	Score       string      `json:"score"`
	Airisk      *model.Risk `json:"airisk"`
}

// tdVersion is the Threat Dragon version the export says it is from.
const tdVersion = "2.2.0"

// tdUUID makes a stable UUID (version 5 layout, SHA-1 of the name) for a
// cell or threat, so the same project exports to the same file.
func tdUUID(what, id string) string {
	h := sha1.Sum([]byte("airisk/" + what + "/" + id))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// tdStatusOf is the Threat Dragon status a risk is exported with; the
// import maps each back to the same status and treatment.
func tdStatusOf(r model.Risk) string {
	switch {
	case r.Status == model.RiskAccepted:
		return "Accepted"
	case r.Status != model.RiskClosed:
		return "Open"
	case r.Treatment == model.TreatmentTransfer:
		return "Transferred"
	case r.Treatment == model.TreatmentTerminate:
		return "Eliminated"
	case r.Treatment == model.TreatmentTolerate:
		return "NotApplicable"
	}
	return "Mitigated"
}

// tdSeverityOf is the Threat Dragon severity of a risk's inherent score,
// by the default bands.
func tdSeverityOf(r model.Risk) string {
	switch s := r.InherentScore(); {
	case s <= 0:
		return "TBD"
	case s <= 4:
		return "Low"
	case s <= 9:
		return "Medium"
	case s <= 16:
		return "High"
	}
	return "Critical"
}

// tdMitigationOf writes a risk's controls as Threat Dragon's mitigation
// text, one control a line.
func tdMitigationOf(r model.Risk) string {
	lines := make([]string, 0, len(r.Controls))
	for _, c := range r.Controls {
		line := fmt.Sprintf("%s (%s", c.Title, strings.ReplaceAll(string(c.Status), "_", " "))
		if len(c.Provisions) > 0 {
			line += "; Code of Practice " + strings.Join(c.Provisions, ", ")
		}
		lines = append(lines, line+")")
	}
	return strings.Join(lines, "\n")
}
