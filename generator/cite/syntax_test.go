package cite

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"golang.org/x/tools/txtar"
)

var updateSyntax = flag.Bool("update-syntax", false, "rewrite testdata/syntax.txtar with the current output")

// debugRenderer shows the parsed parts of each citation, so the syntax
// spec tests the parser alone, whatever the styles print. It takes the
// place of the extension's renderer (a higher priority: goldmark keeps the
// last renderer registered for a kind, and registers by priority).
type debugRenderer struct{}

func (debugRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitation, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		c := n.(*Citation)
		var parts []string
		for _, r := range c.Refs {
			if r.Entry == nil {
				fmt.Fprintf(w, `<span class="cite-missing">%s</span>`, html.EscapeString(c.Source))
				return ast.WalkSkipChildren, nil
			}
			s := ""
			if r.SuppressAuthor {
				s = "-"
			}
			s += html.EscapeString(r.Prefix) + "|" + html.EscapeString(r.Entry.ID) + "|" + html.EscapeString(r.Locator) + "|" + html.EscapeString(r.Suffix)
			parts = append(parts, s)
		}
		out := "{" + strings.Join(parts, "; ") + "}"
		if c.Narrative {
			out = "N" + out
		}
		w.WriteString(out)
		return ast.WalkSkipChildren, nil
	})
}

// debugMarkdown is goldmark with the citation extension and debugRenderer.
// The style is APA's: a superscript style would also close up the space
// before each citation (see closeUp).
func debugMarkdown(t testing.TB, bib *Bibliography) goldmark.Markdown {
	apa, err := LoadBuiltin("apa", "")
	if err != nil {
		t.Fatal(err)
	}
	return goldmark.New(
		goldmark.WithExtensions(extension.Linkify, New(WithStyle(apa), WithBibliography(bib))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(debugRenderer{}, 50))),
	)
}

var (
	popupRE = regexp.MustCompile(`<span class="cite-popup"[^>]*>(?:<span class="cite-popup-entry">.*?</span>)*</span></span>`)
	citeRE  = regexp.MustCompile(`<span class="citation">|<a class="cite"[^>]*>|</a>(\|)`)
)

// simplify drops the popup and link markup that every citation carries,
// leaving the cluster text.
func simplify(s string) string {
	s = popupRE.ReplaceAllString(s, "")
	return citeRE.ReplaceAllString(s, "$1")
}

func testBibliography(t testing.TB) *Bibliography {
	var entries []Entry
	for _, k := range []string{"bateman1999", "bateman2009", "storebo2020", "key.with:odd/chars", "smith04", "nice"} {
		entries = append(entries, Entry{ID: k, Type: "article-journal", Title: "T " + k})
	}
	b, diags := NewBibliography(nil, entries)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return b
}

// TestSyntaxSpec runs the cases of testdata/syntax.txtar.
func TestSyntaxSpec(t *testing.T) {
	path := filepath.Join("testdata", "syntax.txtar")
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	md := debugMarkdown(t, testBibliography(t))
	for i := 0; i+1 < len(a.Files); i += 2 {
		in, want := a.Files[i], &a.Files[i+1]
		name := strings.TrimSuffix(in.Name, ".md")
		var buf bytes.Buffer
		if err := md.Convert(in.Data, &buf); err != nil {
			t.Fatal(err)
		}
		got := simplify(buf.String())
		if *updateSyntax {
			want.Data = []byte(got)
			continue
		}
		if got != string(want.Data) {
			t.Errorf("case %s:\n--- markdown\n%s--- got\n%s--- want\n%s", name, in.Data, got, want.Data)
		}
	}
	if *updateSyntax {
		if err := os.WriteFile(path, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzCitationSyntax checks that no Markdown makes the citation parser
// panic, that what it reports is inside the text, and that every citation
// it renders is closed.
func FuzzCitationSyntax(f *testing.F) {
	a, err := txtar.ParseFile(filepath.Join("testdata", "syntax.txtar"))
	if err != nil {
		f.Fatal(err)
	}
	for i := 0; i < len(a.Files); i += 2 {
		f.Add(string(a.Files[i].Data))
	}
	for _, s := range []string{"[@a", "[[@a]]", "@a [p. 1", "[see @a; @b, p. 3; -@c]", "\\[@a]", "[@a](x)", "@{a b}", "[" + strings.Repeat("[@a; ", 50)} {
		f.Add(s)
	}
	md := debugMarkdown(f, testBibliography(f))
	f.Fuzz(func(t *testing.T, src string) {
		var buf bytes.Buffer
		if err := md.Convert([]byte(src), &buf); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if o, c := strings.Count(out, `<span class="citation">`), strings.Count(out, "</span>"); c < o {
			t.Fatalf("%d citations opened, %d spans closed:\n%s", o, c, out)
		}
	})
}
