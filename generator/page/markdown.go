package page

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"pamphlet/generator/cite"
	"pamphlet/generator/load"
	"pamphlet/generator/site"
	"pamphlet/internal/textdist"
	"pamphlet/internal/yamldecode"
)

// newMarkdown returns the goldmark instance one worker uses for all its
// pages. Instances are not shared between goroutines, so each keeps its
// own buffers.
//
// With linkify false it leaves out GFM's Linkify, which turns bare
// addresses into links: it is tried at every space of every paragraph and
// cost a tenth of parsing, so pages that mayLinkify says have nothing to
// link are parsed without it, with the same result.
func newMarkdown(cfg *site.Config, style *cite.Style, linkify bool) goldmark.Markdown {
	rendererOpts := []renderer.Option{}
	if cfg.UnsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	} else {
		rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(escapedHTMLRenderer{}, 100)))
	}
	rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(tableWrapRenderer{}, 100)))
	return goldmark.New(
		goldmark.WithExtensions(
			gfm(linkify),
			extension.Typographer,
			cite.New(cite.WithStyle(style)),
		),
		goldmark.WithParserOptions(
			parser.WithBlockParsers(util.Prioritized(frontMatterParser{meta.NewParser()}, 0)),
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			parser.WithASTTransformers(
				util.Prioritized(frontMatterTransformer{}, 1), // before citations (100)
				util.Prioritized(pageTransformer{}, 1000),
			),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
}

// gfm returns GitHub Flavored Markdown's extensions, with or without
// Linkify.
func gfm(linkify bool) goldmark.Extender {
	if linkify {
		return extension.GFM
	}
	return extenders{extension.Table, extension.Strikethrough, extension.TaskList}
}

type extenders []goldmark.Extender

func (es extenders) Extend(m goldmark.Markdown) {
	for _, e := range es {
		e.Extend(m)
	}
}

// mayLinkify reports whether GFM's Linkify could find an address to link in
// the body of src (after its front matter). Linkify starts a link only at
// "http:", "https:", "ftp:", "www." or at an e-mail address, whose "@"
// follows a character of its local part, never a space or the "[", ";"
// or "(" before a citation key ("[@key]", "[see @a; @b]").
func mayLinkify(src []byte) bool {
	body := src[frontMatterEnd(src):]
	for _, s := range [...]string{"http", "ftp:", "www."} {
		if bytes.Contains(body, []byte(s)) {
			return true
		}
	}
	for i := 0; ; i++ {
		k := bytes.IndexByte(body[i:], '@')
		if k < 0 {
			return false
		}
		i += k
		if i > 0 && strings.IndexByte(" \t\r\n[;(", body[i-1]) < 0 {
			return true
		}
	}
}

// frontMatterParser is goldmark-meta's block parser, which finds the front
// matter between "---" lines, with one change: it keeps the YAML text for
// the page's front-matter decoder (see parseState.decodeFrontMatter),
// where goldmark-meta's own Close reads it twice with a YAML library that
// gives no positions.
type frontMatterParser struct {
	parser.BlockParser
}

// Open implements parser.BlockParser.Open. goldmark-meta opens front
// matter at any first line of hyphens, a lone "-" included; Pamphlet's
// rule, which frontMatterClosed and the readers of the page share, is a
// line of three or more (isSeparator).
func (p frontMatterParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := reader.PeekLine(); !isSeparator(line) {
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, reader, pc)
}

// Continue implements parser.BlockParser.Continue, closing the front
// matter at the first line of three or more hyphens, as Open opens it.
func (frontMatterParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, segment := reader.PeekLine()
	if isSeparator(line) {
		reader.Advance(segment.Len())
		return parser.Close
	}
	node.Lines().Append(segment)
	return parser.Continue | parser.NoChildren
}

// frontMatterKey holds the YAML text that frontMatterParser found.
var frontMatterKey = parser.NewContextKey()

// Close implements parser.BlockParser.Close.
func (frontMatterParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	var buf bytes.Buffer
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(reader.Source()))
	}
	pc.Set(frontMatterKey, buf.Bytes())
	node.Parent().RemoveChild(node.Parent(), node)
}

// parseStateKey holds the *parseState of the page being parsed.
var parseStateKey = parser.NewContextKey()

// parseState is what the page transformer needs to know about the page it
// works on and what it found there.
type parseState struct {
	page    *Page
	cfg     *site.Config
	files   map[string]bool // content-relative files of the site
	lines   []int           // byte offsets at which each line of the source starts
	source  []byte
	pending []pageLink
	bibs    *load.Bibliographies
	summary bool // see Parser.summary
	// frontMatter decodes the page's front matter (Parser.frontMatter).
	frontMatter *yamldecode.Decoder[site.FrontMatter]

	badFrontMatter bool // the YAML could not be read: the page is not rendered
	// last is the position pos returned last, to count on from.
	last struct{ line, offset, col int }
}

// pageLink is a link from one page to another, checked once every page is
// parsed (the target's anchors are known only then).
// Heading is a section of a page: its id and its text.
type Heading struct {
	ID    string
	Title string
}

type pageLink struct {
	Target   string // content-relative .md path
	Fragment string // without '#', may be ""
	Line     int
	Col      int
}

// pos returns the 1-based line and column of a byte offset in the source.
// Columns count characters, not bytes. Positions are mostly asked for in
// the order of the text, so the column is counted on from the last one
// asked for on the same line: counting from the start of the line each
// time made a long line of citations take quadratic time.
func (s *parseState) pos(offset int) (line, col int) {
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > offset }) - 1
	if i < 0 {
		return 1, 1
	}
	from, col := s.lines[i], 1
	if s.last.line == i+1 && s.last.offset <= offset && s.last.offset >= from {
		from, col = s.last.offset, s.last.col
	}
	col += utf8.RuneCount(s.source[from:offset])
	s.last.line, s.last.offset, s.last.col = i+1, offset, col
	return i + 1, col
}

// nodePos finds where an inline node starts in the source: at its first
// text, less the brackets that open a link ("[" or "!["). A link or image
// with no text ("![](x.png)") is found by its destination in its block.
func (s *parseState) nodePos(n ast.Node, back int) (line, col int) {
	var first *ast.Text
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && first == nil {
			first = t
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if first != nil {
		return s.pos(max(first.Segment.Start-back, 0))
	}
	var dest []byte
	switch x := n.(type) {
	case *ast.Link:
		dest = x.Destination
	case *ast.Image:
		dest = x.Destination
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			start := p.Lines().At(0).Start
			end := p.Lines().At(p.Lines().Len() - 1).Stop
			if i := bytes.Index(s.source[start:end], append([]byte("]("), dest...)); len(dest) > 0 && i >= back {
				return s.pos(start + i - back)
			}
			return s.pos(start)
		}
	}
	return 0, 0
}

func (s *parseState) errorf(line, col int, format string, args ...any) {
	s.page.Diags.Errorf(s.page.Path, line, col, format, args...)
}

func (s *parseState) warnf(line, col int, format string, args ...any) {
	s.page.Diags.Warnf(s.page.Path, line, col, format, args...)
}

// frontMatterTransformer decodes the front matter (see decodeFrontMatter).
type frontMatterTransformer struct{}

// Transform implements parser.ASTTransformer.
func (frontMatterTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if s, _ := pc.Get(parseStateKey).(*parseState); s != nil {
		s.decodeFrontMatter(pc)
	}
}

// pageTransformer checks and rewrites the links of a page, collects its
// anchors, and flags images without alt text and raw HTML. It runs after
// goldmark has parsed the page and before it is rendered.
type pageTransformer struct{}

// Transform implements parser.ASTTransformer.
func (pageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	s, _ := pc.Get(parseStateKey).(*parseState)
	if s == nil {
		return
	}
	var tables []*east.Table
	var anchors []byte
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := n.(*east.Table); ok {
			tables = append(tables, t)
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok && bytes.IndexByte(b, 0) < 0 {
				anchors = append(append(anchors, b...), 0)
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok && n.Level == 2 {
				if b, ok := id.([]byte); ok {
					s.page.Contents = append(s.page.Contents, Heading{ID: string(b), Title: plainText(n, reader.Source())})
				}
			}
		case *ast.Link:
			line, col := s.nodePos(n, 1)
			n.Destination = s.rewrite(n.Destination, line, col, "link")
		case *ast.Image:
			line, col := s.nodePos(n, 2)
			if !hasText(n) {
				s.warnf(line, col, "image %q has no alt text: describe it for people who cannot see it, e.g. ![Diagram of the MBT programme](%s); write ![](file) only for a decorative image and say so in a comment", string(n.Destination), string(n.Destination))
			}
			n.Destination = s.rewrite(n.Destination, line, col, "image")
		case *ast.RawHTML:
			if !s.cfg.UnsafeHTML && n.Segments.Len() > 0 {
				line, col := s.pos(n.Segments.At(0).Start)
				s.warnf(line, col, "raw HTML is shown as text, not used: write it in Markdown, or set unsafe_html: true in site.yaml if you trust every author")
			}
		case *ast.HTMLBlock:
			if !s.cfg.UnsafeHTML && n.Lines().Len() > 0 {
				line, col := s.pos(n.Lines().At(0).Start)
				s.warnf(line, col, "raw HTML is shown as text, not used: write it in Markdown, or set unsafe_html: true in site.yaml if you trust every author")
			}
		}
		return ast.WalkContinue, nil
	})
	s.page.Anchors = string(anchors)
	for i, t := range tables {
		wrapTable(t, i+1, reader.Source())
	}
}

// kindTableWrap is the kind of tableWrap nodes.
var kindTableWrap = ast.NewNodeKind("TableWrap")

// tableWrap holds a table in a scrollable, labelled region, so a wide
// table scrolls by itself on a phone (and by keyboard) instead of pushing
// the page sideways, and keeps its table semantics.
type tableWrap struct {
	ast.BaseBlock
	label string
}

// Kind implements ast.Node.Kind.
func (*tableWrap) Kind() ast.NodeKind { return kindTableWrap }

// Dump implements ast.Node.Dump.
func (n *tableWrap) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.label}, nil)
}

// wrapTable puts a table into a tableWrap named after the heading above
// it, or "Table n" when there is none or another table comes between.
func wrapTable(t *east.Table, n int, source []byte) {
	label := fmt.Sprintf("Table %d", n)
	for p := t.PreviousSibling(); p != nil; p = p.PreviousSibling() {
		if p.Kind() == kindTableWrap {
			break
		}
		if h, ok := p.(*ast.Heading); ok {
			label = plainText(h, source)
			break
		}
	}
	w := &tableWrap{label: label}
	parent := t.Parent()
	parent.ReplaceChild(parent, t, w)
	w.AppendChild(w, t)
}

// plainText returns the text of a node's inline children.
func plainText(n ast.Node, source []byte) string {
	return string(appendPlainText(nil, n, source))
}

// appendPlainText is plainText appending to b.
func appendPlainText(b []byte, n ast.Node, source []byte) []byte {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b = append(b, t.Segment.Value(source)...)
			if t.SoftLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, t.Value...)
		}
		return ast.WalkContinue, nil
	})
	return b
}

// tableWrapRenderer renders tableWrap nodes.
type tableWrapRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (tableWrapRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTableWrap, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<div class="table-wrap" role="region" tabindex="0" aria-label="`)
			w.Write(util.EscapeHTML([]byte(n.(*tableWrap).label)))
			w.WriteString("\">\n")
		} else {
			w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

func hasText(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && t.Segment.Len() > 0 {
			return true
		}
		if c.HasChildren() && hasText(c) {
			return true
		}
	}
	return false
}

// rewrite checks one link destination and returns what the page should
// link to: a page's URL for a .md link, a file's URL for a file beside the
// pages, the destination unchanged for an outside address.
func (s *parseState) rewrite(dest []byte, line, col int, what string) []byte {
	d := strings.TrimSpace(string(dest))
	if d == "" {
		s.warnf(line, col, "this %s has no address: fill in what it should point to", what)
		return dest
	}
	if strings.HasPrefix(d, "//") {
		return dest
	}
	if scheme, ok := site.HasScheme(d); ok {
		switch scheme {
		case "javascript", "vbscript", "data", "file":
			s.warnf(line, col, "a %s: address was removed from this %s, because it can run code or read files in the reader's browser: link to a page or a web address instead", scheme, what)
			return []byte("")
		}
		return dest
	}
	p, frag, _ := strings.Cut(d, "#")
	p, query, _ := strings.Cut(p, "?")
	// A link may be percent-encoded, as Markdown editors write a file
	// name with spaces or accents: über%20uns.md is "über uns.md".
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	if p == "" {
		// "#anchor" on this page.
		s.pending = append(s.pending, pageLink{Target: s.page.Rel, Fragment: frag, Line: line, Col: col})
		return dest
	}
	dir := path.Dir(s.page.Rel)
	target := path.Clean(path.Join(dir, p))
	if strings.HasPrefix(p, "/") {
		target = path.Clean(strings.TrimPrefix(p, "/"))
	}
	if target == ".." || strings.HasPrefix(target, "../") {
		s.page.Targets = append(s.page.Targets, target)
		s.errorf(line, col, "%s %q points outside the content folder: link to a page or file inside content/", what, d)
		return dest
	}
	target = s.localize(target)
	s.page.Targets = append(s.page.Targets, target)
	suffix := ""
	if query != "" {
		suffix += "?" + query
	}
	if frag != "" {
		suffix += "#" + frag
	}
	if strings.HasSuffix(target, ".md") {
		if !s.files[target] {
			s.errorf(line, col, "%s to %q: there is no page %s%s", what, d, site.ContentDir+"/"+target, suggest(target, s.files))
			return dest
		}
		s.pending = append(s.pending, pageLink{Target: target, Fragment: frag, Line: line, Col: col})
		return []byte(site.Href(s.cfg.BasePath(), s.cfg.URLOf(target)) + suffix)
	}
	if target == "." || s.files[target+"/_index.md"] || s.files[target+"/index.md"] || strings.HasSuffix(p, "/") {
		idx := target + "/_index.md"
		if target == "." {
			idx = "_index.md"
		}
		if !s.files[idx] {
			idx = strings.TrimSuffix(idx, "_index.md") + "index.md"
		}
		if s.files[idx] {
			s.pending = append(s.pending, pageLink{Target: idx, Fragment: frag, Line: line, Col: col})
			return []byte(site.Href(s.cfg.BasePath(), s.cfg.URLOf(idx)) + suffix)
		}
	}
	if !s.files[target] {
		s.errorf(line, col, "%s to %q: there is no file %s; link to pages by their .md file, e.g. [What to expect](../therapy/what-to-expect.md)%s", what, d, site.ContentDir+"/"+target, suggest(target, s.files))
		return dest
	}
	if load.IsBibliography(path.Base(target)) {
		s.errorf(line, col, "%s to %q: bibliography files are not published; link to the references page instead", what, d)
		return dest
	}
	return []byte(site.Href(s.cfg.BasePath(), site.AssetURL(target)) + suffix)
}

// localize returns the file that a link from the page to target means
// on a site of several languages: a link from a page in Spanish to a page
// of the default language goes to its Spanish translation where there is
// one; a link from a page under es/ to a page or file that only the
// default language has (an image, a page not yet translated) goes to
// that. Every file it looked for is one of the page's targets, so that
// the page is parsed again when a translation comes or goes.
func (s *parseState) localize(target string) string {
	cfg, lang := s.cfg, s.page.Lang
	if !cfg.Multilingual() || lang == cfg.DefaultLanguage() {
		return target
	}
	tl, key := cfg.LanguageOf(target)
	if strings.HasSuffix(target, ".md") && tl == cfg.DefaultLanguage() {
		for _, t := range cfg.TranslationPaths(key, lang) {
			s.page.Targets = append(s.page.Targets, t)
			if s.files[t] {
				return t
			}
		}
		return target
	}
	if tl == lang && !s.files[target] {
		s.page.Targets = append(s.page.Targets, target)
		if key != target && (s.files[key] || strings.HasSuffix(key, "/") || s.files[key+"/_index.md"] || s.files[key+"/index.md"]) {
			return key
		}
	}
	return target
}

// suggest returns " (did you mean ...?)" naming the site file nearest to a
// missing one, or "".
func suggest(target string, files map[string]bool) string {
	var names []string
	for f := range files {
		if path.Ext(f) == path.Ext(target) {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	if c := textdist.Closest(target, names, 3); c != "" {
		return fmt.Sprintf(" (did you mean %s?)", site.ContentDir+"/"+c)
	}
	return ""
}

// escapedHTMLRenderer shows raw HTML in Markdown as text when unsafe_html
// is off, so an author sees what was not used instead of losing it.
type escapedHTMLRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (escapedHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				w.Write(util.EscapeHTML(seg.Value(source)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			b := n.(*ast.HTMLBlock)
			w.WriteString("<pre class=\"raw-html\"><code>")
			for i := 0; i < b.Lines().Len(); i++ {
				seg := b.Lines().At(i)
				w.Write(util.EscapeHTML(seg.Value(source)))
			}
			if b.HasClosure() {
				w.Write(util.EscapeHTML(b.ClosureLine.Value(source)))
			}
			w.WriteString("</code></pre>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}
