package diagram

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	graphviz "github.com/goccy/go-graphviz"

	"airisk/model"
)

// graphviz holds the go-graphviz context, created on first use: the wasm
// module behind it is not safe for concurrent use, so every call holds mu.
// (Compiling the module happens in go-graphviz's own package init, about
// 50 ms with its cache under the temp dir warm and 1 s cold.)
var gv struct {
	mu sync.Mutex
	g  *graphviz.Graphviz
}

// PrepareLayout creates the graphviz context ahead of the first layout.
// Call it from a goroutine after the first frame; Layout does it on demand.
func PrepareLayout() error {
	gv.mu.Lock()
	defer gv.mu.Unlock()
	return initGraphviz()
}

func initGraphviz() error {
	if gv.g != nil {
		return nil
	}
	g, err := graphviz.New(context.Background())
	if err != nil {
		return fmt.Errorf("%w: start graphviz: %w", ErrLayout, err)
	}
	gv.g = g
	return nil
}

// Layout places every element and boundary of p with graphviz's dot
// (left to right, boundaries as nested clusters) and returns the new
// positions as one change of PutElement and PutBoundary ops, for the caller
// to apply as a single undoable edit. It blocks until the layout is done or
// ctx is cancelled (then it returns ctx's error at once while graphviz
// finishes in the background and its result is dropped). p is read only
// before Layout returns and must not change meanwhile: pass a clone when
// running it off the UI goroutine.
func Layout(ctx context.Context, p *model.Project) (model.Change, error) {
	dot := LayoutDOT(p)
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := runDot(dot)
		done <- result{out, err}
	}()
	select {
	case <-ctx.Done():
		return model.Change{}, ctx.Err()
	case r := <-done:
		if r.err != nil {
			return model.Change{}, r.err
		}
		pos, err := parseLayout(r.out)
		if err != nil {
			return model.Change{}, err
		}
		return layoutChange(p, pos), nil
	}
}

// runDot lays the graph out and returns graphviz's JSON (json0) output.
// A panic inside go-graphviz becomes an error: it must not take the app
// down with it.
func runDot(dot []byte) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: graphviz stopped: %v", ErrLayout, r)
		}
	}()
	gv.mu.Lock()
	defer gv.mu.Unlock()
	if err := initGraphviz(); err != nil {
		return nil, err
	}
	graph, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("%w: read the layout graph: %w", ErrLayout, err)
	}
	defer graph.Close()
	var buf bytes.Buffer
	if err := gv.g.Render(context.Background(), graph, graphviz.Format("json0"), &buf); err != nil {
		return nil, fmt.Errorf("%w: run dot: %w", ErrLayout, err)
	}
	return buf.Bytes(), nil
}

// layoutPositions is what comes back from graphviz, in diagram
// coordinates: element centres by id and cluster regions by boundary index.
type layoutPositions struct {
	centres  map[string]Point
	clusters map[int]Rect
}

type dotJSON struct {
	BB      string `json:"bb"`
	Objects []struct {
		Name string `json:"name"`
		BB   string `json:"bb"`
		Pos  string `json:"pos"`
	} `json:"objects"`
}

// parseLayout reads graphviz's json0 output, flipping y (graphviz grows
// upwards) and moving the drawing to the layout origin.
func parseLayout(out []byte) (layoutPositions, error) {
	var doc dotJSON
	if err := json.Unmarshal(out, &doc); err != nil {
		return layoutPositions{}, fmt.Errorf("%w: read graphviz output: %w", ErrLayout, err)
	}
	bb, err := parseFloats(doc.BB, 4)
	if err != nil {
		return layoutPositions{}, fmt.Errorf("%w: graph box %q: %w", ErrLayout, doc.BB, err)
	}
	top := bb[3]
	flip := func(x, y float64) Point { return Point{x + layoutOrigin, top - y + layoutOrigin} }
	pos := layoutPositions{centres: map[string]Point{}, clusters: map[int]Rect{}}
	for _, o := range doc.Objects {
		if i, ok := clusterIndex(o.Name); ok && o.BB != "" {
			r, err := parseFloats(o.BB, 4)
			if err != nil {
				return layoutPositions{}, fmt.Errorf("%w: box of %s: %w", ErrLayout, o.Name, err)
			}
			pos.clusters[i] = RectFromPoints(flip(r[0], r[1]), flip(r[2], r[3]))
		} else if o.Pos != "" {
			c, err := parseFloats(o.Pos, 2)
			if err != nil {
				return layoutPositions{}, fmt.Errorf("%w: position of %s: %w", ErrLayout, o.Name, err)
			}
			pos.centres[o.Name] = flip(c[0], c[1])
		}
	}
	return pos, nil
}

func clusterIndex(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, "cluster_")
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(rest)
	return i, err == nil && i >= 0
}

// parseFloats reads n comma-separated numbers.
func parseFloats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	out := make([]float64, n)
	for i, part := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%q is not a number", part)
		}
		out[i] = v
	}
	return out, nil
}

// layoutChange turns the positions into puts for every element and
// boundary that moved, rounded to whole units.
func layoutChange(p *model.Project, pos layoutPositions) model.Change {
	c := model.Change{Summary: "Auto-layout"}
	for i, b := range p.Boundaries {
		r, ok := pos.clusters[i]
		if !ok {
			continue
		}
		b.X, b.Y = math.Round(r.X), math.Round(r.Y)
		b.W, b.H = math.Round(r.W), math.Round(r.H)
		if b != p.Boundaries[i] {
			c.Ops = append(c.Ops, model.PutBoundary(b))
		}
	}
	for _, e := range p.Elements {
		centre, ok := pos.centres[e.ID]
		if !ok {
			continue
		}
		w, h := NodeSize(ShapeOf(e.Kind))
		x, y := math.Round(centre.X-w/2), math.Round(centre.Y-h/2)
		if x != e.X || y != e.Y {
			e.X, e.Y = x, y
			e.Props = e.Props.Clone()
			c.Ops = append(c.Ops, model.PutElement(e))
		}
	}
	return c
}
