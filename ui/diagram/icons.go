package diagram

import (
	"embed"
	"fmt"
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"airisk/model"
)

// iconFS holds one 24x24 SVG icon per element kind (file name = kind) and
// boundary.svg for trust boundaries. They are drawn with currentColor,
// which KindIcon replaces with the colour asked for.
//
//go:embed icons/*.svg
var iconFS embed.FS

// BoundaryIconName is the icon name of a trust boundary, for palettes.
const BoundaryIconName = "boundary"

var iconCache sync.Map // "name#rrggbbaa" -> fyne.Resource

// KindIcon returns the icon of an element kind drawn in colour c, for the
// diagram and for the palette. Unknown kinds get the generic process icon.
func KindIcon(k model.Kind, c color.Color) fyne.Resource {
	return namedIcon(iconName(k), c)
}

// BoundaryIcon returns the trust-boundary icon drawn in colour c.
func BoundaryIcon(c color.Color) fyne.Resource { return namedIcon(BoundaryIconName, c) }

func iconName(k model.Kind) string {
	if _, ok := model.LookupKind(k); ok {
		return string(k)
	}
	return string(model.KindProcess)
}

func namedIcon(name string, c color.Color) fyne.Resource {
	hex := hexColor(c)
	key := name + "#" + hex
	if r, ok := iconCache.Load(key); ok {
		return r.(fyne.Resource)
	}
	data, err := iconFS.ReadFile("icons/" + name + ".svg")
	if err != nil {
		data, _ = iconFS.ReadFile("icons/process.svg")
	}
	svg := strings.ReplaceAll(string(data), "currentColor", hex)
	r := fyne.NewStaticResource(name+"-"+strings.TrimPrefix(hex, "#")+".svg", []byte(svg))
	iconCache.Store(key, r)
	return r
}

// iconBody returns the drawing inside an icon's root element, for
// embedding the icon in an SVG picture, with currentColor left in place.
func iconBody(k model.Kind) string {
	data, err := iconFS.ReadFile("icons/" + iconName(k) + ".svg")
	if err != nil {
		return ""
	}
	s := string(data)
	start := strings.Index(s, ">")
	end := strings.LastIndex(s, "</svg>")
	if start < 0 || end <= start {
		return ""
	}
	return strings.TrimSpace(s[start+1 : end])
}

// hexColor writes c as #rrggbb, or #rrggbbaa when it is not opaque.
func hexColor(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if n.A == 0xff {
		return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
	}
	return fmt.Sprintf("#%02x%02x%02x%02x", n.R, n.G, n.B, n.A)
}
