package generator

import (
	"strings"
	"testing"

	"pamphlet/generator/cite"
	"pamphlet/generator/load"
	"pamphlet/generator/page"
	"pamphlet/generator/site"
)

// FuzzParsePage checks that no page, front matter included, makes the
// parser panic, and that every problem it reports names the page and a
// line of it.
func FuzzParsePage(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\n---\nText [@a] and [link](b.md#x).\n",
		"---\ntitle: [a\n---\n",
		"---\ntitle: T\nauthors:\n  - name: A\n    credentials: B\npublished: 2025-01-01\naudience: [patients]\n---\n# H {#h}\n",
		"---\n---\n",
		"---\ntitle: T\n",
		"no front matter\n",
		"---\ntitle: T\nweight: x\nsafety: y\nnext_review: 2020-01-01\nlast_reviewed: 2021-01-01\n---\n![](x.png)\n<b>raw</b>\n",
		"---\ntitle: &a T\nabout: *a\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	} {
		f.Add(s)
	}
	cfg, diags := site.ParseConfig([]byte("title: T\nbase_url: https://clinic.example/\n"), "")
	if diags.HasErrors() {
		f.Fatal(diags)
	}
	files := map[string]bool{"a.md": true, "b.md": true, "x.png": true}
	siteBib, _ := cite.NewBibliography(nil, []cite.Entry{{ID: "a", Type: "book", Title: "A"}})
	style, err := cite.LoadBuiltin("", "")
	if err != nil {
		f.Fatal(err)
	}
	bibs := load.NewBibliographies("", style, siteBib)
	f.Fuzz(func(t *testing.T, src string) {
		data, d := site.CleanText("content/a.md", []byte(src))
		if d != nil {
			return // not text: load.Load reports it
		}
		p := page.NewParser(cfg, files, bibs, nil).Parse(load.Source{Path: "content/a.md", Rel: "a.md", Data: data})
		lines := strings.Count(string(data), "\n") + 1
		for _, d := range p.Diags {
			if d.File != "content/a.md" || d.Line > lines || d.Message == "" {
				t.Fatalf("diagnostic out of the page (%d lines): %s", lines, d)
			}
		}
	})
}

// FuzzParseConfig checks that no site.yaml makes the settings reader
// panic, and that every problem it reports names site.yaml.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"title: T\nbase_url: https://clinic.example/x/\nlanguage: en-GB\n",
		"title: T\ncrisis:\n  - name: A\n    phone: \"111, option 2\"\n  - text: x\n",
		"title: T\nmenu:\n  - title: M\n    page: a.md\n  - url: https://x/\n",
		"title: [a\n",
		"- a\n",
		"title: T\nreview_interval: 18 months\nreadability_target: 7.5\ncitation_style: apa\n",
		"title: T\nbase_url: \"%zz\"\nlanguage: 42\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, diags := site.ParseConfig([]byte(src), "")
		for _, d := range diags {
			if d.File != site.ConfigFile || d.Message == "" {
				t.Fatalf("diagnostic without site.yaml: %s", d)
			}
		}
	})
}
