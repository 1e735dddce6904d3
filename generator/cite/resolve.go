package cite

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"pamphlet/generator/diag"
)

// Cited is what one page cites: its reference list in the order the style
// shows it, and the problems found. Resolve makes it.
type Cited struct {
	List     []Listed
	Problems []Problem
	Clusters int // number of citation clusters on the page

	style *Style // the style the page was formatted with
}

// Listed is one entry of a page's reference list.
type Listed struct {
	Entry       *Entry
	Number      int      // 1-based position in the reference list (the cite's number in numeric styles)
	Occurrences []string // ids of the places that cite it, in page order
	// HTML is the entry as the style formats it, with its DOI, PubMed and
	// web links; Popup is the same without links, for the citations'
	// popups (a tooltip must hold no controls).
	HTML, Popup string
}

// Problem is something wrong with a citation, at a byte offset of the
// page's source; the caller turns the offset into a line and column.
type Problem struct {
	Offset   int
	Severity diag.Severity
	Message  string
}

// Anchor returns the id of an entry's item in the reference list.
func Anchor(key string) string { return "ref-" + sanitizeID(key) }

// ListAnchor is the id of the reference list's heading.
const ListAnchor = "references"

// Resolve looks up every citation of a parsed document in bib, gives each
// citation an id for the back-links, formats the page as one CSL document
// (its clusters cited in order, so that positions, disambiguation and
// numbering are the page's own), and returns the page's reference list in
// the style's order. It changes the Citation nodes in place, so it runs
// once per parse, before rendering.
func Resolve(doc ast.Node, bib *Bibliography, style *Style) *Cited {
	c := &Cited{style: style}
	byKey := map[string]int{} // index in c.List
	occ := 0
	var inLinks, clusters []*Citation
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		cit, ok := n.(*Citation)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if insideLink(cit) {
			inLinks = append(inLinks, cit) // a link inside a link is not HTML
			return ast.WalkSkipChildren, nil
		}
		c.Clusters++
		cit.ID = fmt.Sprintf("citation-%d", c.Clusters)
		known := true
		for _, r := range cit.Refs {
			e := bib.Lookup(r.Key)
			if e == nil {
				known = false
				msg := fmt.Sprintf("unknown citation key %q", r.Key)
				if s := bib.Suggest(r.Key); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				} else {
					msg += "; add the work to the bibliography (content/references.bib) or check the key"
				}
				c.Problems = append(c.Problems, Problem{Offset: r.Offset, Severity: diag.Error, Message: msg})
				continue
			}
			i, ok := byKey[e.ID]
			if !ok {
				i = len(c.List)
				byKey[e.ID] = i
				c.List = append(c.List, Listed{Entry: e, Number: i + 1})
			}
			l := &c.List[i]
			occ++
			r.Entry, r.Number, r.ID = e, l.Number, fmt.Sprintf("cite-%d", occ)
			l.Occurrences = append(l.Occurrences, r.ID)
		}
		if known {
			clusters = append(clusters, cit)
		}
		return ast.WalkSkipChildren, nil
	})
	for _, cit := range inLinks {
		cit.Parent().ReplaceChild(cit.Parent(), cit, ast.NewString([]byte(cit.Source)))
	}
	// A cluster with an unknown key is an error and is not formatted; the
	// page is not published, but its other works were listed.
	if len(clusters) > 0 {
		if err := format(c, clusters, bib, style); err != nil {
			c.Problems = append(c.Problems, Problem{Offset: clusters[0].Refs[0].Offset, Severity: diag.Error, Message: fmt.Sprintf("the citation style %s could not format this page's citations: %v", style.Name, err)})
		}
	}
	return c
}

// insideLink reports whether a node is part of a link's text.
func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindLink {
			return true
		}
	}
	return false
}

// contextKey holds the per-document state under parser.Context.
var contextKey = parser.NewContextKey()

type docState struct {
	bib   *Bibliography
	cited *Cited
}

// SetBibliography sets the bibliography for the document parsed with pc,
// replacing the extension's own. Call it before parsing, or from an AST
// transformer that runs before the citation transformer (priority < 100).
func SetBibliography(pc parser.Context, b *Bibliography) {
	pc.Set(contextKey, &docState{bib: b})
}

// Result returns what the document parsed with pc cites, or nil if it was
// not resolved.
func Result(pc parser.Context) *Cited {
	if s, ok := pc.Get(contextKey).(*docState); ok {
		return s.cited
	}
	return nil
}

// transformer resolves citations after parsing (see Resolve).
type transformer struct{ ext *Extender }

// Transform implements parser.ASTTransformer.
func (t transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	s, _ := pc.Get(contextKey).(*docState)
	if s == nil {
		s = &docState{bib: t.ext.bib}
		pc.Set(contextKey, s)
	}
	if s.bib == nil {
		s.bib = &Bibliography{}
	}
	s.cited = Resolve(doc, s.bib, t.ext.style)
	if t.ext.style.Superscript {
		closeUp(doc, reader.Source())
	}
}

// closeUp removes the space before each bracketed citation, so "disorder
// [@key]" prints "disorder¹" as superscript styles (AMA) ask, not "disorder ¹".
func closeUp(doc ast.Node, source []byte) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		c, ok := n.(*Citation)
		if !ok || !entering || c.Narrative || c.Refs[0].Prefix != "" {
			return ast.WalkContinue, nil
		}
		if t, ok := c.PreviousSibling().(*ast.Text); ok && !t.SoftLineBreak() && !t.HardLineBreak() {
			t.Segment = t.Segment.TrimRightSpace(source)
		}
		return ast.WalkSkipChildren, nil
	})
}
