package report

import (
	"errors"
	"strings"
	"testing"
)

func TestCleanSVG(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		want    []string // substrings the result must hold
		notWant []string // substrings it must not
	}{
		{"keeps a plain picture", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5" fill="#fff"/></svg>`,
			[]string{`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">`, `<rect width="5" height="5" fill="#fff"></rect>`}, nil},
		{"adds the namespace and a viewBox", `<svg width="300px" height="120"><g/></svg>`,
			[]string{`xmlns="http://www.w3.org/2000/svg"`, `viewBox="0 0 300 120"`}, nil},
		{"drops the prolog, doctype and comments", `<?xml version="1.0"?><!DOCTYPE svg><!-- hi --><svg></svg>`,
			[]string{"<svg"}, []string{"<?xml", "DOCTYPE", "hi"}},
		{"drops scripts with their content", `<svg><script>alert(1)</script><g><script><![CDATA[x()]]></script></g></svg>`,
			[]string{"<g></g>"}, []string{"script", "alert", "x()"}},
		{"drops foreign content", `<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
			nil, []string{"foreignObject", "div"}},
		{"drops animation that could rewrite links", `<svg><a href="#a"><set attributeName="href" to="http://e/"/></a></svg>`,
			[]string{`<a href="#a"></a>`}, []string{"set", "http://e"}},
		{"drops event handlers", `<svg onload="a()"><rect onclick="b()" ONMOUSEOVER="c()"/></svg>`,
			[]string{"<rect></rect>"}, []string{"a()", "b()", "c()"}},
		{"keeps local links and data pictures", `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use href="#n"/><image xlink:href="data:image/png;base64,AA=="/></svg>`,
			[]string{`href="#n"`, `xlink:href="data:image/png;base64,AA=="`}, nil},
		{"drops external links", `<svg><a href="https://e/"><image href="//e/x.png" src="http://e/"/></a></svg>`,
			[]string{"<a>", "<image>"}, []string{"e/"}},
		{"drops url() that leaves the picture", `<svg><rect fill="url(#g)" stroke="url( 'http://e/x#p')" style="filter:url(//e/f)"/></svg>`,
			[]string{`fill="url(#g)"`}, []string{"http://e", "//e"}},
		{"drops escaped CSS functions", `<svg><rect style="background:\75 rl(http://e/)" fill="image-set('x.png' 1x)"/></svg>`,
			[]string{"<rect></rect>"}, []string{"http://e", "image-set"}},
		{"drops style sheets that import", `<svg><style>@import 'http://e/a.css';</style><style>.a{fill:url(#g)}</style></svg>`,
			[]string{"<style></style><style>.a{fill:url(#g)}</style>"}, []string{"@import"}},
		{"checks a style sheet whole", `<svg><style>.a{fill:url<![CDATA[(http://e/)]]>}</style></svg>`,
			[]string{"<style></style>"}, []string{"http://e"}},
		{"escapes text", `<svg><text>a &lt;b&gt; &amp; c</text></svg>`, []string{"<text>a &lt;b&gt; &amp; c</text>"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cleanSVG([]byte(tc.in))
			if err != nil {
				t.Fatalf("cleanSVG: %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %s, want it to hold %s", got, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("got %s, want no %s", got, w)
				}
			}
		})
	}
}

func TestCleanSVGRefuses(t *testing.T) {
	cases := []struct{ name, in string }{
		{"empty", ""},
		{"not XML", "just text"},
		{"not SVG", `<html><body/></html>`},
		{"unclosed", `<svg><g></svg>`},
		{"truncated", `<svg><g>`},
		{"two roots", `<svg></svg><svg></svg>`},
		{"unknown entity", `<svg><text>&nbsp;</text></svg>`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := cleanSVG([]byte(tc.in)); !errors.Is(err, ErrDiagram) {
				t.Errorf("got %v, want ErrDiagram", err)
			}
		})
	}
}

func FuzzCleanSVG(f *testing.F) {
	f.Add([]byte(hostileSVG))
	f.Add([]byte(`<svg><a href="#x"><rect/></a></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := cleanSVG(data)
		if err != nil {
			return
		}
		again, err := cleanSVG([]byte(out))
		if err != nil {
			t.Fatalf("the cleaned picture does not parse again: %v\n%s", err, out)
		}
		if again != out {
			t.Errorf("cleaning is not stable:\n%s\n%s", out, again)
		}
	})
}
