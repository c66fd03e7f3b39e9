package diagram

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"strings"
	"testing"

	"airisk/model"
)

func TestRenderPNGSample(t *testing.T) {
	p := loadSample(t)
	data, err := RenderPNG(p, RenderOptions{Badges: map[string]Badge{"chat-app": {Count: 7, Score: 16}, "agent": {Count: 3, Score: 20}, "f13": {Count: 2, Score: 6}}})
	if err != nil {
		t.Fatalf("RenderPNG: %v", err)
	}
	if out := os.Getenv("DIAGRAM_PNG"); out != "" {
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	assertNotBlank(t, img)
}

// assertNotBlank fails unless the image has a size and many colours.
func assertNotBlank(t *testing.T, img image.Image) {
	t.Helper()
	b := img.Bounds()
	if b.Dx() < 100 || b.Dy() < 100 {
		t.Fatalf("image is %dx%d, want at least 100x100", b.Dx(), b.Dy())
	}
	colours := map[[4]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			colours[[4]uint32{r >> 8, g >> 8, bl >> 8, a >> 8}] = true
		}
	}
	if len(colours) < 20 {
		t.Errorf("image has %d distinct colours, want at least 20 (is it blank?)", len(colours))
	}
}

func TestRenderPNGAfterLayout(t *testing.T) {
	p := loadSample(t)
	for i := range p.Elements {
		p.Elements[i].X, p.Elements[i].Y = 0, 0
	}
	if !NeedsLayout(p) {
		t.Fatal("NeedsLayout is false for a sample with every element at the origin")
	}
	data, err := RenderPNG(p, RenderOptions{})
	if err != nil {
		t.Fatalf("RenderPNG: %v", err)
	}
	if out := os.Getenv("DIAGRAM_LAYOUT_PNG"); out != "" {
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	assertNotBlank(t, img)
}

func TestRenderEmptyProject(t *testing.T) {
	p := &model.Project{Meta: model.ProjectMeta{ID: "empty", Name: "Empty"}}
	data, err := RenderPNG(p, RenderOptions{})
	if err != nil {
		t.Fatalf("RenderPNG: %v", err)
	}
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	svg, err := RenderSVG(p, RenderOptions{})
	if err != nil {
		t.Fatalf("RenderSVG: %v", err)
	}
	if text := svgText(t, svg); !strings.Contains(text, emptyText) {
		t.Errorf("SVG of an empty project says %q, want %q", text, emptyText)
	}
}
