package handout

import (
	"strings"
	"testing"
)

// BenchmarkRender renders one typical page: the bundled site's kind of
// page (about 600 words, headings, a list, a table, a quote, citations,
// two references), laid out, drawn and written as a PDF.
func BenchmarkRender(b *testing.B) {
	md := typical + strings.Repeat("\nA placeholder paragraph of ordinary length, written to make the page as long as the bundled site's pages are, with a citation [@jones2018] and some *emphasis* in it for good measure.\n", 12)
	d, r := page(b, md, testBib, "")
	b.ReportAllocs()
	var size, pages int
	for b.Loop() {
		h, err := r.Render(d)
		if err != nil {
			b.Fatal(err)
		}
		size, pages = len(h.PDF), h.Pages
	}
	b.ReportMetric(float64(size)/1024, "KiB/pdf")
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkLayout is the layout alone, without drawing: the part of
// Render that is this package's own.
func BenchmarkLayout(b *testing.B) {
	md := typical + strings.Repeat("\nA placeholder paragraph of ordinary length, written to make the page as long as the bundled site's pages are, with a citation [@jones2018] and some *emphasis* in it for good measure.\n", 12)
	d, r := page(b, md, testBib, "")
	b.ReportAllocs()
	for b.Loop() {
		l, err := r.layout(d)
		if err != nil {
			b.Fatal(err)
		}
		flow(l.items, marginTop, marginTop, l.paper.h-marginBottom)
	}
}

// BenchmarkNewRenderer is what a build pays once: reading the fonts.
func BenchmarkNewRenderer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewRenderer(); err != nil {
			b.Fatal(err)
		}
	}
}
