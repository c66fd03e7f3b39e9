package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The diagram arrives as SVG from the diagram renderer. Before it is
// inlined in the HTML (or written next to the Markdown) it is rewritten
// through an allow-list, so the report can promise it runs nothing and
// fetches nothing whatever the picture holds: scripts, animation and
// foreign content are dropped with everything inside them, event handler
// attributes are dropped, and links or url() references that point outside
// the picture (anything but "#id" and data:image/ pictures) are removed.
// Comments, processing instructions and doctypes go too.

// droppedElements are skipped with their whole subtree.
var droppedElements = map[string]bool{
	"script": true, "foreignobject": true, "iframe": true, "object": true, "embed": true,
	"audio": true, "video": true, "animate": true, "animatemotion": true, "animatetransform": true,
	"set": true, "discard": true, "handler": true, "listener": true,
}

const svgNamespace = "http://www.w3.org/2000/svg"

// xmlEscaper escapes text and attribute values; line breaks stay as they
// are (the decoder has already normalised them).
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// cleanSVG returns the diagram ready to inline: an <svg> element with a
// viewBox, its namespace declared, and nothing that runs or fetches.
func cleanSVG(data []byte) (string, error) {
	c := svgCleaner{d: xml.NewDecoder(bytes.NewReader(data))}
	for {
		tok, err := c.d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrDiagram, err)
		}
		if err := c.token(tok); err != nil {
			return "", err
		}
	}
	if !c.root || len(c.open) != 0 {
		return "", fmt.Errorf("%w: no complete <svg> element", ErrDiagram)
	}
	return c.out.String(), nil
}

// svgCleaner copies the allowed tokens of one SVG document.
type svgCleaner struct {
	d    *xml.Decoder
	out  strings.Builder
	open []string // lower-case local names of the open elements
	skip int      // depth inside a dropped element, 0 when copying
	root bool     // the root element has been seen
	// style collects a <style> element's text, which is checked as a whole
	// when the element ends (character data may come in several tokens).
	style   strings.Builder
	inStyle bool
}

func (c *svgCleaner) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return c.start(t)
	case xml.EndElement:
		if len(c.open) > 0 {
			c.open = c.open[:len(c.open)-1]
		}
		if c.skip > 0 {
			c.skip--
			return nil
		}
		c.endStyle()
		c.out.WriteString("</" + qualified(t.Name) + ">")
	case xml.CharData:
		c.text(t)
	}
	return nil
}

func (c *svgCleaner) start(t xml.StartElement) error {
	local := strings.ToLower(t.Name.Local)
	switch {
	case c.root && len(c.open) == 0:
		return fmt.Errorf("%w: more than one root element", ErrDiagram)
	case !c.root && local != "svg":
		return fmt.Errorf("%w: the root element is <%s>, not <svg>", ErrDiagram, t.Name.Local)
	}
	c.open = append(c.open, local)
	if c.skip > 0 || c.inStyle || droppedElements[local] {
		c.skip++
		return nil
	}
	writeStart(&c.out, t, !c.root)
	c.root = true
	c.inStyle = local == "style"
	return nil
}

// text copies character data inside the root.
func (c *svgCleaner) text(t xml.CharData) {
	switch {
	case c.skip > 0 || len(c.open) == 0:
	case c.inStyle:
		c.style.Write(t)
	default:
		c.out.WriteString(xmlEscaper.Replace(string(t)))
	}
}

// endStyle writes a style sheet that has just ended, unless it would fetch
// something.
func (c *svgCleaner) endStyle() {
	if !c.inStyle {
		return
	}
	if css := c.style.String(); safeCSS(css) {
		c.out.WriteString(xmlEscaper.Replace(css))
	}
	c.style.Reset()
	c.inStyle = false
}

func qualified(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// writeStart writes a start tag with its safe attributes; the root also
// gets its namespace and a viewBox when it lacks them, so it scales.
func writeStart(out *strings.Builder, t xml.StartElement, isRoot bool) {
	out.WriteString("<" + qualified(t.Name))
	var hasNS, hasViewBox bool
	var width, height string
	for _, a := range t.Attr {
		name := qualified(a.Name)
		if !safeAttr(name, a.Value) {
			continue
		}
		switch strings.ToLower(name) {
		case "xmlns":
			hasNS = true
		case "viewbox":
			hasViewBox = true
		case "width":
			width = a.Value
		case "height":
			height = a.Value
		}
		writeAttr(out, name, a.Value)
	}
	if isRoot && !hasNS {
		writeAttr(out, "xmlns", svgNamespace)
	}
	if isRoot && !hasViewBox {
		w, okW := svgLength(width)
		h, okH := svgLength(height)
		if okW && okH {
			writeAttr(out, "viewBox", fmt.Sprintf("0 0 %s %s", w, h))
		}
	}
	out.WriteString(">")
}

func writeAttr(out *strings.Builder, name, value string) {
	out.WriteString(" " + name + `="` + xmlEscaper.Replace(value) + `"`)
}

// svgLength reads a plain or pixel length ("800", "800px").
func svgLength(s string) (string, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return "", false
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}

// safeAttr reports whether an attribute may stay: no event handlers, links
// only inside the picture or to data:image/ pictures, and values that are
// safe as CSS (presentation attributes are read as CSS values).
func safeAttr(name, value string) bool {
	lower := strings.ToLower(name)
	local := lower[strings.LastIndex(lower, ":")+1:]
	switch {
	case strings.HasPrefix(local, "on"):
		return false
	case local == "href" || local == "src":
		return localLink(value)
	}
	return safeCSS(value)
}

// localLink reports whether a link stays inside the document.
func localLink(v string) bool {
	v = strings.TrimSpace(v)
	return strings.HasPrefix(v, "#") || strings.HasPrefix(strings.ToLower(v), "data:image/")
}

// cssFetchers are CSS constructs that can load something without url().
var cssFetchers = []string{"@import", "expression(", "image-set(", "image(", "cross-fade(", "element("}

// safeCSS reports whether a value (an attribute or a style sheet) fetches
// nothing: every url() points at "#id", none of cssFetchers appears, and no
// backslash escape can hide a function name before a parenthesis.
func safeCSS(v string) bool {
	lower := strings.ToLower(v)
	if strings.Contains(lower, "\\") && strings.Contains(lower, "(") {
		return false
	}
	for _, f := range cssFetchers {
		if strings.Contains(lower, f) {
			return false
		}
	}
	for rest := lower; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return true
		}
		rest = strings.TrimLeft(rest[i+4:], " \t\r\n\"'")
		if !strings.HasPrefix(rest, "#") {
			return false
		}
	}
}

// wideSVG reports whether a cleaned picture is clearly wider than tall, by
// its viewBox, so that print gives it a landscape page.
func wideSVG(svg string) bool {
	tok, err := xml.NewDecoder(strings.NewReader(svg)).RawToken()
	start, ok := tok.(xml.StartElement)
	if err != nil || !ok {
		return false
	}
	for _, a := range start.Attr {
		if !strings.EqualFold(a.Name.Local, "viewBox") {
			continue
		}
		f := strings.Fields(strings.ReplaceAll(a.Value, ",", " "))
		if len(f) != 4 {
			return false
		}
		w, errW := strconv.ParseFloat(f[2], 64)
		h, errH := strconv.ParseFloat(f[3], 64)
		return errW == nil && errH == nil && h > 0 && w/h > 1.3
	}
	return false
}
