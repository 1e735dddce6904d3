package handout

import (
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"pamphlet/generator/cite"
)

// testBib is a bibliography of placeholder works for the tests.
const testBib = `
@article{smith2020,
  author = {Smith, Anna and Łukasiewicz, Jan},
  title = {A placeholder study of sleep},
  journal = {Journal of Placeholder Studies},
  year = {2020},
  volume = {12},
  pages = {1--10},
  doi = {10.1000/xyz123}
}
@book{jones2018,
  author = {Jones, Bryn},
  title = {A placeholder book},
  publisher = {Placeholder Press},
  address = {Cardiff},
  year = {2018}
}
`

// shared is one Renderer for the package's tests, as a build shares one.
var shared = sync.OnceValues(func() (*Renderer, error) { return NewRenderer() })

func testRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// page parses Markdown as the build does (GFM, typographer, citations
// from bib in style) and returns the Document of its handout, with the
// renderer that shows its citations.
func page(t testing.TB, md, bib, style string) (*Document, *Renderer) {
	t.Helper()
	parse, r := pages(t, bib, style)
	return parse(md), r
}

// pages returns page's parser of Markdown, made once for many pages.
func pages(t testing.TB, bib, style string) (func(md string) *Document, *Renderer) {
	t.Helper()
	entries, diags := cite.ParseBibTeX("refs.bib", []byte(bib))
	if len(diags) > 0 {
		t.Fatalf("bibliography: %v", diags)
	}
	b, diags := cite.NewBibliography(nil, entries)
	if len(diags) > 0 {
		t.Fatalf("bibliography: %v", diags)
	}
	st, err := cite.LoadBuiltin(style, "en-GB")
	if err != nil {
		t.Fatal(err)
	}
	m := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer, cite.New(cite.WithStyle(st), cite.WithBibliography(b))))
	r, err := NewRenderer(WithHTMLRenderer(m.Renderer()))
	if err != nil {
		t.Fatal(err)
	}
	return func(md string) *Document {
		pc := parser.NewContext()
		src := []byte(md)
		doc := m.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
		d := &Document{
			Lang: "en-GB", Title: "Placeholder title", Description: "A page made for the tests.",
			SiteName: "Example Clinic", URL: "https://example.org/patient-info/sleep/",
			Source: src, Body: doc, Brand: "#1d4f91",
			Authors: []string{"Dr Ann Example (MD)"}, Reviewers: []string{"Dr Siân Ŵyn (PhD)"},
			LastReviewed: "13 February 2025", NextReview: "13 February 2028",
			Words: english,
		}
		if c := cite.Result(pc); c != nil {
			for _, l := range c.List {
				n := 0
				if st.Numeric {
					n = l.Number
				}
				d.References = append(d.References, Reference{Number: n, HTML: l.HTML})
			}
		}
		return d
	}, r
}

// tool returns the path of a command the test reads PDFs with, skipping
// the test when it is missing, except in CI, which installs it (.ci/run).
func tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing: CI installs it with Debian's %s (.ci/run)", name, pkg)
		}
		t.Skipf("%s is not installed (Debian's %s); CI runs this test", name, pkg)
	}
	return p
}

// pdfText returns the text of a PDF as pdftotext reads it, in reading
// order, with runs of white space made one space.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin := tool(t, "pdftotext", "poppler-utils")
	f := writeTemp(t, pdf, "handout.pdf")
	out, err := exec.Command(bin, "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func writeTemp(t testing.TB, data []byte, name string) string {
	t.Helper()
	f := t.TempDir() + "/" + name
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

var _ ast.Node // the AST is what a Document carries

// english are the handout's words as the theme has them in English (the
// build takes them from package i18n).
var english = Words{
	References: "References", LastReviewed: "Page last reviewed", NextReview: "Next review due",
	WrittenBy: "Written by", ReviewedBy: "Reviewed by", Scan: "To read this page online, scan the code or type the address under it.",
	PageOf: "Page {n} of {total}", CrisisHeading: "If you need help now", Unreviewed: "This page has not yet been reviewed by a clinician.",
}
