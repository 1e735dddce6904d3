package handout

import (
	"strings"
	"testing"
)

// FuzzLayout lays out any Markdown: it must not panic, and every item it
// makes must have a height a page can hold.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{typical, "# x\n\n> > > - 1. [a](b) **c** `d`", "| a |\n|---|\n| " + strings.Repeat("w", 300) + " |", "![x](y.png)\n\n***\n\n    code\n", "a\\\nb &amp; &#1234; \u00ad\u200b"} {
		f.Add(s)
	}
	parse, r := pages(f, testBib, "")
	f.Fuzz(func(t *testing.T, md string) {
		doc := parse(md)
		doc.References = []Reference{{Number: 1, HTML: md}}
		l, err := r.layout(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range l.items {
			if it.h < 0 || it.h > l.paper.h || it.before < 0 {
				t.Fatalf("an item of %s is %.1f high, after %.1f", it.kind, it.h, it.before)
			}
		}
		pages := flow(l.items, marginTop, marginTop, l.paper.h-marginBottom)
		if len(pages) == 0 {
			t.Fatal("no pages")
		}
	})

}

// FuzzMarkupRuns reads any HTML as a reference: it must not panic, and
// text outside tags must come through.
func FuzzMarkupRuns(f *testing.F) {
	for _, s := range []string{`Smith A. <i>Title</i>. <a href="https://doi.org/x">doi</a>`, `<span style="font-style:normal;">x</span>`, `<div class="csl-left-margin">1.</div>a`, `a < b &amp; <`, `<span role="tooltip"><b>x</b></span>y`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		runs := markupRuns(h, 0, -1)
		if !strings.Contains(h, "<") && runText(runs) == "" && strings.TrimSpace(h) != "" && !strings.Contains(h, "&") {
			t.Fatalf("%q lost its text", h)
		}
	})
}
