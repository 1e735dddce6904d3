package cite

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extender is the goldmark extension for citations: the [@key] syntax, the
// resolver that numbers them, and their HTML.
type Extender struct {
	style Style
	bib   *Bibliography
}

// Option configures the extension.
type Option func(*Extender)

// WithStyle sets the citation style (default AMA).
func WithStyle(s Style) Option { return func(e *Extender) { e.style = s } }

// WithBibliography sets the bibliography that documents cite from, unless
// SetBibliography gives a document its own.
func WithBibliography(b *Bibliography) Option { return func(e *Extender) { e.bib = b } }

// New returns the citation extension.
func New(opts ...Option) *Extender {
	e := &Extender{}
	for _, o := range opts {
		o(e)
	}
	if e.style == nil {
		e.style, _ = StyleByName("")
	}
	return e
}

var _ goldmark.Extender = (*Extender)(nil)

// Extend implements goldmark.Extender. The inline parser runs before
// goldmark's link parser (priority 200), so "[@key]" is a citation and not
// a link label; citations are resolved by a transformer at priority 100.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(NewParser(), 150)),
		parser.WithASTTransformers(util.Prioritized(transformer{ext: e}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&citationRenderer{style: e.style}, 100)))
}

// citationRenderer renders Citation nodes.
type citationRenderer struct{ style Style }

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *citationRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitation, r.render)
}

// render writes a cluster as the style formats it, each cited work linked
// to its entry in the reference list, followed by a popup with the full
// references that shows on hover and keyboard focus (CSS only).
func (r *citationRenderer) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	c := n.(*Citation)
	items := make([]Item, 0, len(c.Refs))
	for _, ref := range c.Refs {
		if ref.Entry == nil {
			// Unknown key (reported as an error): show what was written.
			fmt.Fprintf(w, `<span class="cite-missing">%s</span>`, html.EscapeString(c.Source))
			return ast.WalkSkipChildren, nil
		}
		items = append(items, Item{
			Entry: ref.Entry, Number: ref.Number, Prefix: ref.Prefix, Locator: ref.Locator,
			Suffix: ref.Suffix, SuppressAuthor: ref.SuppressAuthor,
		})
	}
	style := r.style
	if c.style != nil {
		style = c.style
	}
	popup := c.ID + "-refs"
	linked := make([]bool, len(c.Refs))
	link := func(i int, label string) string {
		ref := c.Refs[i]
		linked[i] = true
		return fmt.Sprintf(`<a class="cite" href="#%s" id="%s" aria-describedby="%s">%s</a>`,
			Anchor(ref.Key), ref.ID, popup, label)
	}
	w.WriteString(`<span class="citation">`)
	w.WriteString(style.Cluster(items, c.Narrative, link))
	// Works a style shows without a link of their own (the 2 in "1-3")
	// still get their id, so the reference list's back-links land.
	for i, ref := range c.Refs {
		if !linked[i] {
			fmt.Fprintf(w, `<span id="%s"></span>`, ref.ID)
		}
	}
	fmt.Fprintf(w, `<span class="cite-popup" role="tooltip" id="%s">`, popup)
	seen := map[string]bool{}
	for _, ref := range c.Refs {
		if seen[ref.Entry.ID] {
			continue
		}
		seen[ref.Entry.ID] = true
		w.WriteString(`<span class="cite-popup-entry">`)
		w.WriteString(reference(style, ref.Entry, true))
		w.WriteString(`</span>`)
	}
	w.WriteString(`</span></span>`)
	return ast.WalkSkipChildren, nil
}

var anchorTag = regexp.MustCompile(`</?a\b[^>]*>`)

// formCache holds an entry's formatted forms: a page cites the same work
// several times, and a site cites the same works on many pages. Only
// numeric styles are cached; APA's depend on the bibliography's year
// letters. Parse gives each entry its own, so the cache goes when the
// entries do, and a lookup is one pointer load: a sync.Map keyed by entry
// cost 3% of a 100,000-page build, thirty times what it cost at 10,000.
type formCache struct{ p atomic.Pointer[refForms] }

// refForms is an entry formatted by one style, for a reference list and,
// without its links, for a popup.
type refForms struct {
	style       string
	list, popup string
}

// FormatReference returns e formatted by s for a reference list, from a
// cache for numeric styles. Safe for concurrent use.
func FormatReference(s Style, e *Entry) string { return reference(s, e, false) }

// reference returns e formatted by s, for a popup or for a list.
func reference(s Style, e *Entry, popup bool) string {
	if !s.Numeric() || e.forms == nil {
		if popup {
			return stripLinks(s.Reference(e))
		}
		return s.Reference(e)
	}
	name := s.Name()
	f := e.forms.p.Load()
	if f == nil || f.style != name {
		list := s.Reference(e)
		f = &refForms{style: name, list: list, popup: stripLinks(list)}
		e.forms.p.Store(f)
	}
	if popup {
		return f.popup
	}
	return f.list
}

// stripLinks removes the links from a formatted reference for its popup:
// the popup is a tooltip, which must hold no controls of its own.
func stripLinks(s string) string { return anchorTag.ReplaceAllString(s, "") }

// WriteList writes the HTML of a page's reference list to b: numbered for
// numeric styles, alphabetical with a hanging indent for author-date ones,
// each entry with its DOI, PMID or URL links and a link back to every
// place that cites it. It writes nothing when the page cites nothing. The
// style is the one the citations were resolved with, when there was one.
// A parser writes every page's list into one buffer of its own.
func WriteList(b *bytes.Buffer, c *Cited, style Style) {
	if c == nil || len(c.List) == 0 {
		return
	}
	if c.style != nil {
		style = c.style
	}
	tag := "ol"
	if !style.Numeric() {
		tag = "ul"
	}
	fmt.Fprintf(b, "<section class=\"references references-%s\" aria-labelledby=\"%s\">\n<h2 id=\"%s\">References</h2>\n<%s>\n", style.Name(), ListAnchor, ListAnchor, tag)
	var num []byte
	for _, l := range c.List {
		b.WriteString(`<li id="`)
		b.WriteString(Anchor(l.Entry.ID))
		b.WriteString(`">`)
		b.WriteString(reference(style, l.Entry, false))
		b.WriteString(` <span class="backlinks">`)
		for i, id := range l.Occurrences {
			num = strconv.AppendInt(num[:0], int64(i+1), 10)
			b.WriteString(`<a href="#`)
			b.WriteString(id)
			b.WriteString(`" aria-label="Back to citation `)
			b.Write(num)
			b.WriteString(`">↩`)
			if len(l.Occurrences) > 1 {
				b.Write(num)
			}
			b.WriteString("</a>")
			if i+1 < len(l.Occurrences) {
				b.WriteString(" ")
			}
		}
		b.WriteString("</span></li>\n")
	}
	fmt.Fprintf(b, "</%s>\n</section>\n", tag)
}

// sanitizeID turns a citation key into something safe in an id and a URL
// fragment: letters, digits, "-", "_", "." and ":" are kept, the rest
// become "-".
func sanitizeID(key string) string {
	var b strings.Builder
	for _, r := range key {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.', r == ':':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}
