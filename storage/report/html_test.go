package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"airisk/model"
	"airisk/threats"
)

// renderHTML renders and parses a report.
func renderHTML(t *testing.T, p *model.Project, c *threats.Catalogue, opt Options) (*html.Node, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, p, c, opt); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the report does not parse as HTML: %v", err)
	}
	return doc, buf.String()
}

// walk calls f on every element node.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// externalReferences lists everything in the page that could run code or
// fetch something: scripts, embedding elements, event handlers, links or
// sources that leave the page, and CSS that imports or loads a url().
func externalReferences(doc *html.Node) []string {
	var bad []string
	banned := map[string]bool{"script": true, "iframe": true, "object": true, "embed": true, "link": true,
		"img": true, "base": true, "form": true, "audio": true, "video": true, "foreignobject": true}
	walk(doc, func(n *html.Node) {
		if banned[strings.ToLower(n.Data)] {
			bad = append(bad, "<"+n.Data+">")
		}
		if n.Data == "meta" {
			if v, ok := attr(n, "http-equiv"); ok {
				bad = append(bad, "meta http-equiv="+v)
			}
		}
		if n.Data == "style" && !safeStyle(textOf(n)) {
			bad = append(bad, "style sheet: "+textOf(n))
		}
		for _, a := range n.Attr {
			bad = append(bad, badAttr(n.Data, a)...)
		}
	})
	return bad
}

func badAttr(element string, a html.Attribute) []string {
	key := strings.ToLower(a.Key)
	if a.Namespace != "" {
		key = strings.ToLower(a.Namespace) + ":" + key
	}
	local := key[strings.LastIndex(key, ":")+1:]
	switch {
	case strings.HasPrefix(local, "on"):
		return []string{element + " " + key}
	case local == "href" || local == "src" || local == "action" || local == "srcset" || local == "poster":
		if strings.HasPrefix(a.Val, "#") || (element == "image" && strings.HasPrefix(a.Val, "data:image/")) {
			return nil
		}
		return []string{element + " " + key + "=" + a.Val}
	case local == "style" && !safeStyle(a.Val):
		return []string{element + " style=" + a.Val}
	}
	return nil
}

// safeStyle reports whether CSS loads nothing: no @import and every url()
// points inside the page.
func safeStyle(css string) bool {
	lower := strings.ToLower(css)
	if strings.Contains(lower, "@import") {
		return false
	}
	for rest := lower; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return true
		}
		rest = strings.TrimLeft(rest[i+4:], ` "'`)
		if !strings.HasPrefix(rest, "#") {
			return false
		}
	}
}

// hostileSVG is a diagram that tries everything the report must not carry.
const hostileSVG = `<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" onload="alert(1)">
<!-- a comment -->
<style>@import url(http://evil.example/a.css); rect { fill: red }</style>
<style>.ok { fill: url(#grad) }</style>
<script>alert(2)</script>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="http://evil.example/x.png"/></div></foreignObject>
<a href="https://evil.example/"><rect class="ok" width="10" height="10" onclick="alert(3)"/></a>
<image xlink:href="http://evil.example/y.png" width="5" height="5"/>
<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/>
<use href="#grad"/>
<rect width="5" height="5" fill="url(http://evil.example/z.svg#p)" style="background: url('//evil.example/q')"/>
<animate attributeName="href" to="http://evil.example/"/>
<text x="1" y="20">Chat &amp; app &lt;b&gt;</text>
</svg>`

func TestHTMLIsSelfContained(t *testing.T) {
	p := readSample(t)
	cases := []struct {
		name string
		p    *model.Project
		svg  []byte
	}{
		{"sample with a sketched diagram", p, sketchSVG(p)},
		{"sample with a hostile diagram", p, []byte(hostileSVG)},
		{"hostile project", hostileProject(), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := renderHTML(t, tc.p, bundled(t), Options{Now: fixedNow, DiagramSVG: tc.svg})
			if bad := externalReferences(doc); len(bad) > 0 {
				t.Errorf("the report runs or fetches something:\n%s", strings.Join(bad, "\n"))
			}
		})
	}
}

func TestHTMLHostileDiagramKeepsItsPicture(t *testing.T) {
	doc, _ := renderHTML(t, readSample(t), bundled(t), Options{Now: fixedNow, DiagramSVG: []byte(hostileSVG)})
	var rects, images int
	var text string
	walk(doc, func(n *html.Node) {
		if hasClass(n, "diagram") {
			walk(n, func(m *html.Node) {
				switch m.Data {
				case "rect":
					rects++
				case "image":
					images++
				case "text":
					text = textOf(m)
				}
			})
		}
	})
	if rects != 2 || images != 2 || text != "Chat & app <b>" {
		t.Errorf("got %d rects, %d images and text %q in the diagram, want 2, 2 and %q", rects, images, text, "Chat & app <b>")
	}
}

func TestHTMLSections(t *testing.T) {
	doc, _ := renderHTML(t, readSample(t), bundled(t), Options{Now: fixedNow})
	ids := map[string]bool{}
	var links []string
	walk(doc, func(n *html.Node) {
		if id, ok := attr(n, "id"); ok {
			if ids[id] {
				t.Errorf("id %q is used twice", id)
			}
			ids[id] = true
		}
		if href, ok := attr(n, "href"); ok {
			links = append(links, href)
		}
	})
	for _, id := range []string{"sec-title", "sec-contents", "sec-summary", "sec-system", "sec-elements", "sec-flows",
		"sec-heatmaps", "sec-top", "sec-register", "register-table", "sec-findings", "sec-coverage",
		"sec-open-provisions", "sec-catalogue", "sec-about", "risk-R-001", "threat-AIT-044", "find-chat-app"} {
		if !ids[id] {
			t.Errorf("no element has id %q", id)
		}
	}
	for _, href := range links {
		if !ids[strings.TrimPrefix(href, "#")] {
			t.Errorf("link %q points at no element of the page", href)
		}
	}
}

func TestHTMLCounts(t *testing.T) {
	c := bundled(t)
	cases := []struct {
		name string
		p    *model.Project
	}{
		{"sample", readSample(t)},
		{"hostile", hostileProject()},
		{"large", bigProject(200)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := renderHTML(t, tc.p, c, Options{Now: fixedNow})
			counts := map[string]int{}
			walk(doc, func(n *html.Node) {
				for _, class := range []string{"risk", "finding", "threat", "finding-group"} {
					if hasClass(n, class) {
						counts[class]++
					}
				}
			})
			findings := threats.Analyse(tc.p, c)
			if counts["risk"] != len(tc.p.Risks) {
				t.Errorf("got %d register rows, want %d (one per risk)", counts["risk"], len(tc.p.Risks))
			}
			if counts["finding"] != len(findings) {
				t.Errorf("got %d finding rows, want %d", counts["finding"], len(findings))
			}
			if want := len(citedIDs(tc.p, findings)); counts["threat"] != want {
				t.Errorf("got %d catalogue entries, want %d", counts["threat"], want)
			}
		})
	}
}

// citedIDs is the set of threat ids named by findings and risks.
func citedIDs(p *model.Project, findings []threats.Finding) map[string]bool {
	ids := map[string]bool{}
	for _, f := range findings {
		ids[f.Threat.ID] = true
	}
	for _, r := range p.Risks {
		if r.Threat != "" {
			ids[r.Threat] = true
		}
	}
	return ids
}

func TestHTMLEscapesHostileText(t *testing.T) {
	doc, raw := renderHTML(t, hostileProject(), bundled(t), Options{Now: fixedNow, AppVersion: hostile})
	walk(doc, func(n *html.Node) {
		if n.Data == "script" {
			t.Errorf("the hostile text became a <script> element")
		}
	})
	if strings.Contains(raw, "<script>") {
		t.Errorf("the page holds an unescaped <script>")
	}
	text := textOf(doc)
	for _, want := range []string{"<script>alert(1)</script>", "=cmd|' /C calc'!A0 | pipes |", "&amp; url(http://evil.example/)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page's text lacks %q: user text must show exactly as typed", want)
		}
	}
	if got := strings.Count(text, "\nsecond line"); got == 0 {
		t.Errorf("line breaks in user text were lost")
	}
}

func TestHTMLWithoutCatalogue(t *testing.T) {
	doc, _ := renderHTML(t, readSample(t), nil, Options{Now: fixedNow})
	var findings, risks int
	walk(doc, func(n *html.Node) {
		if hasClass(n, "finding") {
			findings++
		}
		if hasClass(n, "risk") {
			risks++
		}
	})
	if findings != 0 || risks != 3 {
		t.Errorf("without a catalogue got %d findings and %d risks, want 0 and 3", findings, risks)
	}
}

func TestNoProject(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, nil, nil, Options{}); !errors.Is(err, ErrNoProject) {
		t.Errorf("HTML(nil): got %v, want ErrNoProject", err)
	}
	if err := Markdown(&buf, nil, nil, Options{}); !errors.Is(err, ErrNoProject) {
		t.Errorf("Markdown(nil): got %v, want ErrNoProject", err)
	}
	if _, err := MarkdownFiles(t.TempDir()+"/r.md", nil, nil, Options{}); !errors.Is(err, ErrNoProject) {
		t.Errorf("MarkdownFiles(nil): got %v, want ErrNoProject", err)
	}
	if buf.Len() != 0 {
		t.Errorf("got %d bytes written on error, want none", buf.Len())
	}
}

func TestBadDiagramWritesNothing(t *testing.T) {
	var buf bytes.Buffer
	err := HTML(&buf, readSample(t), nil, Options{DiagramSVG: []byte("<svg><g></svg>")})
	if !errors.Is(err, ErrDiagram) {
		t.Errorf("got %v, want ErrDiagram", err)
	}
	if buf.Len() != 0 {
		t.Errorf("got %d bytes written on error, want none", buf.Len())
	}
}
