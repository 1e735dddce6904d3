package generator

import (
	"bytes"
	"context"
	"html/template"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"testing"

	"pamphlet/internal/corpus"
)

// TestDefaultPageLayout holds writeDefaultPage to the default theme's
// templates: the same bytes for every ordinary page of the bundled site,
// of a generated corpus, and of a site of awkward values.
func TestDefaultPageLayout(t *testing.T) {
	texts := map[string]string{}
	_ = fs.WalkDir(defaultTheme, TemplatesDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".html" {
			b, _ := fs.ReadFile(defaultTheme, p)
			texts[d.Name()] = string(b)
		}
		return nil
	})
	if sum := templateSum(texts); sum != defaultPageSum {
		t.Fatalf("the default theme's page templates changed, so pages are rendered by html/template: make writeDefaultPage (fastpage.go) write what they now write, then set defaultPageSum to %q", sum)
	}

	corpusDir := t.TempDir()
	if err := corpus.Write(corpusDir, corpus.Options{Pages: 200, Citations: true, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	awkward := newTestSite(t, awkwardSite)
	for _, dir := range []string{"..", corpusDir, awkward.root, newTestSite(t, goodSite).root} {
		samePages(t, dir)
	}
}

// samePages renders every ordinary page of the site in dir with and
// without writeDefaultPage and compares the two.
func samePages(t *testing.T, dir string) {
	t.Helper()
	an, err := analyse(context.Background(), Options{Site: dir, Theme: defaultTheme}, bodyMode{})
	if err != nil || an.site == nil {
		t.Fatalf("%s: %v %v", dir, err, an.diags)
	}
	if !an.tpl.defaultPage {
		t.Fatalf("%s: the default theme's page layout was not recognised", dir)
	}
	slow := *an.tpl
	slow.defaultPage = false
	plan, _ := planOutputs(an.site, an.in)
	fastView, slowView := an.site.newSiteView(), an.site.newSiteView()
	n := 0
	for _, o := range plan {
		if o.page == nil || o.page.Kind != KindPage {
			continue
		}
		var fb, sb renderBuffers
		fast, d, err := o.produce(an.site, fastView, an.tpl, &fb)
		if d != nil || err != nil {
			t.Fatalf("%s: %v %v", o.path, d, err)
		}
		want, d, err := o.produce(an.site, slowView, &slow, &sb)
		if d != nil || err != nil {
			t.Fatalf("%s: %v %v", o.path, d, err)
		}
		if !bytes.Equal(fast, want) {
			t.Errorf("%s %s: writeDefaultPage differs from the templates:\n%s", dir, o.path, firstDifference(string(fast), string(want)))
		}
		n++
	}
	if n == 0 {
		t.Fatalf("%s: no pages compared", dir)
	}
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return "line " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(g)) + " (got) and " + strconv.Itoa(len(w)) + " (want):\n got: " + strconv.Quote(gl) + "\nwant: " + strconv.Quote(wl)
		}
	}
	return ""
}

// awkwardSite has values that need every kind of escaping the page layout
// does, and pages with some of their parts missing.
const awkwardSite = `
-- site.yaml --
title: Q+A & "Quotes" <Clinic> it's
base_url: https://clinic.example/leaflets über/
language: en-GB
editorial_page: about/how.md
-- content/_index.md --
---
title: Home
---
Home.
-- content/about/how.md --
---
title: How we write
---
We write with care.
-- content/a b/_index.md --
---
title: Sect+ion <one>
---
A section.
-- content/a b/über uns.md --
---
title: 'Über "uns" & <others> + more'
description: "It's <b>bold</b> & 1+1"
weight: 1
authors:
  - name: Jo <Smith>
    credentials: MD+PhD
    role: Nurse & "lead"
    url: https://example.org/a b?x=1&y=(2)'z
  - name: Sam
    url: javascript:alert(1)
  - name: Ann
    url: /people/ann%20b
  - name: Ed
    url: mailto:ed@example.org
reviewed_by:
  - Kim
published: 2024-01-02
updated: 2024-03-04
last_reviewed: 2025-05-06
---
Body with [a link](../about/how.md).
-- content/a b/second.md --
---
title: Second
weight: 2
updated: 2024-03-04
next_review: 2027-01-01
---
Second.
-- content/a b/third.md --
---
title: Third
weight: 3
---
No dates, no authors.
-- content/lonely/only.md --
---
title: Only page
description: Alone in its section.
published: 2020-02-29
---
Nothing before or after.
`

// escapeContexts is html/template escaping a string in each context that
// writeDefaultPage writes strings in.
var escapeContexts = template.Must(template.New("").Parse(`<title>{{.}}</title><p class="x-{{.}}">{{.}}</p><meta content="{{.}}"><a href="{{.}}">x</a>`))

// FuzzHTMLWriter checks htmlWriter's escaping against html/template's.
func FuzzHTMLWriter(f *testing.F) {
	for _, s := range []string{"", "plain", `Q+A & "x" <y> it's`, "\x00", "\xff\xfe", "javascript:alert(1)", "JavaScript:x", "mailto:a@b", "HTTPS://x/y z?a=(1)&b=%20", "/a/b c/ü", "%", "a%2", "%2g%41", "a:b/c", "/x:y", "\ufdd0\uffff", "data:text/html"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want, got bytes.Buffer
		if err := escapeContexts.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		e := htmlWriter{&got}
		e.raw("<title>")
		e.text(s)
		e.raw(`</title><p class="x-`)
		e.text(s)
		e.raw(`">`)
		e.text(s)
		e.raw(`</p><meta content="`)
		e.text(s)
		e.raw(`"><a href="`)
		e.url(s)
		e.raw(`">x</a>`)
		if got.String() != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, got.String(), want.String())
		}
	})
}

// TestDefaultPageLayoutOnlyWhenUnchanged checks that a site's own
// templates turn writeDefaultPage off when they could change what it
// mirrors, and not otherwise.
func TestDefaultPageLayoutOnlyWhenUnchanged(t *testing.T) {
	page := "-- content/_index.md --\n---\ntitle: Home\n---\nHi.\n-- content/a.md --\n---\ntitle: A\nauthors:\n  - name: Jo\n---\nText.\n"
	for _, tt := range []struct {
		name, files string
		fast        bool
		want        string
	}{
		{"no templates", "", true, "Written by Jo"},
		{"own header", "-- templates/partials/header.html --\n<header>Our clinic</header>\n", true, "<header>Our clinic</header>"},
		{"own page layout", "-- templates/page.html --\n{{define \"main\"}}Custom {{.Page.Title}}{{end}}\n", false, "Custom A"},
		{"own byline", "-- templates/partials/pagemeta.html --\nBy us.\n", false, "By us."},
		{"person redefined elsewhere", "-- templates/partials/zz.html --\n{{define \"person\"}}Someone{{end}}\n", false, "Written by Someone"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, page+tt.files)
			tpl, diags := LoadTemplates(s.root, defaultTheme, Funcs(&Config{}))
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if tpl.defaultPage != tt.fast {
				t.Errorf("defaultPage = %v, want %v", tpl.defaultPage, tt.fast)
			}
			s.mustBuild()
			assertContains(t, s.read("a/index.html"), tt.want)
		})
	}
}
