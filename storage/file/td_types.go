package file

import (
	"encoding/json"
	"strconv"

	"airisk/model"
)

// Threat Dragon v2 model, as read. Only the fields the import uses are
// declared; the rest of a cell (ports, styling) is skipped. Fields that
// files in the wild write with varying JSON types are looseText.
type tdIn struct {
	Version looseText `json:"version"`
	Summary struct {
		Title       string `json:"title"`
		Owner       string `json:"owner"`
		Description string `json:"description"`
	} `json:"summary"`
	Detail struct {
		Contributors []struct {
			Name string `json:"name"`
		} `json:"contributors"`
		Reviewer string        `json:"reviewer"`
		Diagrams []tdInDiagram `json:"diagrams"`
	} `json:"detail"`
	Airisk json.RawMessage `json:"airisk"`
}

type tdInDiagram struct {
	Title       string          `json:"title"`
	Description string          `json:"description"`
	DiagramType string          `json:"diagramType"`
	DiagramJSON json.RawMessage `json:"diagramJson"` // version 1 models
	Cells       []tdInCell      `json:"cells"`
}

type tdInCell struct {
	ID       looseText       `json:"id"`
	Shape    string          `json:"shape"`
	Position *tdPoint        `json:"position"`
	Size     *tdSize         `json:"size"`
	Attrs    json.RawMessage `json:"attrs"`
	Labels   json.RawMessage `json:"labels"`
	Source   *tdEnd          `json:"source"`
	Target   *tdEnd          `json:"target"`
	Data     *tdInData       `json:"data"`
	// Threats at the cell level is the schema's form; the app writes them
	// under data.threats. Both are read.
	Threats []tdInThreat `json:"threats"`
}

type tdPoint struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

type tdSize struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

type tdEnd struct {
	Cell string   `json:"cell,omitempty"`
	X    *float64 `json:"x,omitempty"`
	Y    *float64 `json:"y,omitempty"`
}

type tdInData struct {
	Type                   string          `json:"type"`
	Name                   string          `json:"name"`
	Description            string          `json:"description"`
	OutOfScope             bool            `json:"outOfScope"`
	ReasonOutOfScope       string          `json:"reasonOutOfScope"`
	ProvidesAuthentication bool            `json:"providesAuthentication"`
	HandlesCardPayment     bool            `json:"handlesCardPayment"`
	HandlesGoodsOrServices bool            `json:"handlesGoodsOrServices"`
	IsWebApplication       bool            `json:"isWebApplication"`
	PrivilegeLevel         string          `json:"privilegeLevel"`
	IsALog                 bool            `json:"isALog"`
	IsEncrypted            bool            `json:"isEncrypted"`
	IsSigned               bool            `json:"isSigned"`
	StoresCredentials      bool            `json:"storesCredentials"`
	StoresInventory        bool            `json:"storesInventory"`
	IsBidirectional        bool            `json:"isBidirectional"`
	IsPublicNetwork        bool            `json:"isPublicNetwork"`
	Protocol               string          `json:"protocol"`
	Threats                []tdInThreat    `json:"threats"`
	Airisk                 json.RawMessage `json:"airisk"`
}

// tdDataKeys are the data fields the import understands; tdDerivedKeys
// are fields Threat Dragon works out itself, which the import works out
// again. Any other data field is reported as not carried.
var (
	tdDataKeys = map[string]bool{
		"type": true, "name": true, "description": true, "outOfScope": true, "reasonOutOfScope": true,
		"providesAuthentication": true, "handlesCardPayment": true, "handlesGoodsOrServices": true,
		"isWebApplication": true, "privilegeLevel": true, "isALog": true, "isEncrypted": true,
		"isSigned": true, "storesCredentials": true, "storesInventory": true, "isBidirectional": true,
		"isPublicNetwork": true, "protocol": true, "threats": true, "airisk": true,
	}
	tdDerivedKeys = map[string]bool{
		"hasOpenThreats": true, "isTrustBoundary": true, "trustBoundaryIds": true,
		"crossingFlows": true, "containedElements": true,
	}
)

type tdInThreat struct {
	ID          string          `json:"id"`
	ThreatID    string          `json:"threatId"`
	Number      looseText       `json:"number"`
	Title       string          `json:"title"`
	Type        string          `json:"type"`
	ModelType   string          `json:"modelType"`
	Status      string          `json:"status"`
	Severity    string          `json:"severity"`
	Score       looseText       `json:"score"`
	Description string          `json:"description"`
	Mitigation  string          `json:"mitigation"`
	Airisk      json.RawMessage `json:"airisk"`
}

// looseText accepts any JSON value as text: strings as they are, numbers
// and booleans written out, null as "", objects and lists as their JSON.
type looseText string

func (t *looseText) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case string:
		*t = looseText(x)
	case float64:
		*t = looseText(strconv.FormatFloat(x, 'f', -1, 64))
	case bool:
		*t = looseText(strconv.FormatBool(x))
	case nil:
		*t = ""
	default:
		*t = looseText(b) // an object or a list: keep its JSON text
	}
	return nil
}

// What the export keeps in Threat Dragon's data (under the key "airisk")
// so that a re-import restores what Threat Dragon cannot hold.
// Drawn is where the export drew the cell and Model where the project had
// it (zero: not placed): while the cell stays where it was drawn, the
// import restores Model and the kept Boundary or Parent instead of working
// them out from the drawing, which cannot always say the same thing.
type tdCellExtra struct {
	ID       string      `json:"id"`
	Kind     string      `json:"kind,omitempty"` // element kind or boundary kind
	Props    model.Props `json:"props,omitempty"`
	Parent   string      `json:"parent,omitempty"`   // boundaries
	Boundary string      `json:"boundary,omitempty"` // elements
	Drawn    *tdRect     `json:"drawn,omitempty"`
	Model    *tdRect     `json:"model,omitempty"`
}

type tdRect struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w,omitempty"`
	H float64 `json:"h,omitempty"`
}

func (r *tdRect) rect() rect { return rect{r.X, r.Y, r.W, r.H} }
