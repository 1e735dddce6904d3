package page

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"pamphlet/generator/cite"
	"pamphlet/generator/diag"
	"pamphlet/generator/handout"
	"pamphlet/generator/i18n"
	"pamphlet/generator/load"
	"pamphlet/generator/search"
	"pamphlet/generator/site"
	"pamphlet/internal/yamldecode"
)

// Page kinds.
const (
	KindHome    = "home"
	KindSection = "section"
	KindPage    = "page"
	Kind404     = "404"
)

// Page is one parsed page: its front matter, its body rendered to HTML
// with links already rewritten, and what the resolve stage needs to check
// links into it. A Page is made by Parse and not changed after that.
type Page struct {
	Path string // site-relative source path, for diagnostics
	Rel  string // content-relative source path
	URL  string // site-relative output folder: "therapy/what-to-expect/"
	Kind string
	// Lang is the page's language, a tag of site.yaml's languages; Key
	// the content-relative path of the page as the default language has
	// it, which its translations share (see site.Config.LanguageOf).
	// Source is Key when the page is a translation and the default
	// language has the page: the page it was translated from.
	Lang, Key, Source string
	Front             site.FrontMatter
	Body              []byte // rendered Markdown
	Anchors           string // ids of headings and elements with {#id}, each ended by a NUL (see hasAnchor)
	// Contents lists the page's second-level headings, for the theme's
	// "On this page" list; Related the pages front matter's related:
	// names (content-relative), checked like links.
	Contents []Heading
	Related  []string
	Links    []pageLink // links to pages, checked by Resolve
	Diags    diag.List

	// Cited is what the page cites (nil when it cites nothing), and
	// References its reference list, rendered; citations counts the
	// places that cite (Cited's lists of them are dropped once rendered).
	Cited      *cite.Cited
	References []byte
	citations  int
	// jsonld is the page's schema.org data (see JSONLD), kept like Body.
	jsonld []byte

	// KeyLines gives the line of each front-matter key, for the trust
	// checks' diagnostics; facts is what those checks need from the text.
	KeyLines map[string]int
	facts    Facts
	// Generated marks pages Pamphlet made itself: a folder's list page, the
	// site-wide references page.
	Generated bool
	// Targets lists every file of the site the page links to or shows,
	// found or not (content-relative), so adding or removing a file redoes
	// the pages that point to it. Gen tells one parse from the next: the
	// dev server numbers each page it parses (see Builder.parse).
	Targets []string
	Gen     uint64
	stored  *spillRef // where Body, References and jsonld went, when spilled
	// Handout is the page's PDF handout, when site.yaml asks for them and
	// the page has one (see Parser.MakeHandouts).
	Handout *Handout
	// href is the link to the page, under the site's base path, made as
	// the page is parsed: once, on the core that parsed it, where a map
	// of them took a tenth of a second to fill at 100,000 pages, on one
	// core, and a lookup in memory long cold for every link to the page.
	// The pages Pamphlet makes itself have none (Site.href makes theirs).
	href string
}

// HasAnchor reports whether the page has an element with this id: a
// heading or element with {#id}, or its reference list and entries. Those
// are worked out from what it cites rather than kept in Anchors, which
// would double its size on most pages. Anchors is one string, not a map of
// strings: a page has a dozen ids, and a map of them was a tenth of what a
// page held until it was rendered.
func (p *Page) HasAnchor(id string) bool {
	for ids := p.Anchors; ids != ""; {
		k := strings.IndexByte(ids, 0)
		if ids[:k] == id {
			return true
		}
		ids = ids[k+1:]
	}
	if p.Cited == nil || len(p.Cited.List) == 0 {
		return false
	}
	if id == cite.ListAnchor {
		return true
	}
	for _, l := range p.Cited.List {
		if cite.Anchor(l.Entry.ID) == id {
			return true
		}
	}
	return false
}

// AnchorList lists every id HasAnchor knows, sorted.
func (p *Page) AnchorList() []string {
	ids := strings.Split(strings.TrimSuffix(p.Anchors, "\x00"), "\x00")
	if p.Anchors == "" {
		ids = nil
	}
	if p.Cited != nil && len(p.Cited.List) > 0 {
		ids = append(ids, cite.ListAnchor)
		for _, l := range p.Cited.List {
			ids = append(ids, cite.Anchor(l.Entry.ID))
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Title returns the page's title.
func (p *Page) Title() string { return p.Front.Title }

// Href returns the link to the page under the site's base path, made as
// it was parsed, or "" for a page Pamphlet made (whose link the site
// makes).
func (p *Page) Href() string { return p.href }

// Release drops what only the checks needed (anchors, links, key lines,
// the facts of its text, diagnostics, and what it cites, whose reference
// list and JSON-LD are made by now), once the checks have taken their
// facts: rendering needs none of it.
func (p *Page) Release() {
	p.Anchors, p.Links, p.KeyLines, p.Targets, p.Diags, p.Cited = "", nil, nil, nil, nil, nil
	p.facts = Facts{}
}

// Parser parses pages. One Parser belongs to one goroutine; make one per
// worker with NewParser.
type Parser struct {
	cfg   *site.Config
	files map[string]bool
	bibs  *load.Bibliographies
	words *i18n.Catalog // the theme's words in each language
	// md holds the Markdown readers of each language the parser met
	// (the citation style differs by the CSL locale of the language).
	md    map[string]*readers
	buf   bytes.Buffer
	out   *bufio.Writer // goldmark's writer, into buf
	refs  bytes.Buffer  // the page's reference list
	ld    bytes.Buffer  // the page's JSON-LD
	lines []int         // where the page's lines start (parseState.lines)
	prose proseScratch  // the page's prose, for collectProse
	src   []byte        // the page's source, as read by parseAll
	// frontMatter decodes the pages' front matter.
	frontMatter *yamldecode.Decoder[site.FrontMatter]

	// spill, when set, takes each page's rendered body, reference list
	// and JSON-LD instead of the Page (see spill); discard drops them (for
	// check).
	spill   *spill
	discard bool
	err     error // the first error writing to spill
	// summary says the trust checks' report will be only summarised (as
	// by build), so the sentences it would quote are not kept.
	summary bool
	// searched, when set, takes each page's entry for the search index
	// (see IndexInto).
	searched func(lang string, d search.Document)
	// handouts, when set, makes the pages' PDF handouts (MakeHandouts).
	handouts    *handout.Renderer
	handoutSite Handouts
}

// Bodies says what parsing does with the pages' rendered bodies: keep
// them on the Page (the zero value: the dev server), spill them to disk
// until rendering (a build), or drop them (check).
type Bodies struct {
	Spill   *Spills
	Discard bool
	// Summary says the trust checks' report will be only summarised (as
	// by build), so the sentences it would quote are not kept.
	Summary bool
}

// Treat makes ps treat bodies as b says. Its error is for a spill file
// that cannot be made.
func (ps *Parser) Treat(b Bodies) error {
	ps.summary, ps.discard = b.Summary, b.Discard
	if b.Spill != nil && !b.Discard {
		sp, err := b.Spill.new()
		if err != nil {
			return err
		}
		ps.spill = sp
	}
	return nil
}

// Err returns the first error writing to the spill file.
func (ps *Parser) Err() error { return ps.err }

// NewParser returns a Parser for the pages of a site whose content folder
// holds files (content-relative paths of every page and file), citing from
// bibs, in the words of the site's languages (nil: the theme's own).
func NewParser(cfg *site.Config, files map[string]bool, bibs *load.Bibliographies, words *i18n.Catalog) *Parser {
	if words == nil {
		words = i18n.Theme(cfg.Tags())
	}
	return &Parser{cfg: cfg, files: files, bibs: bibs, words: words, frontMatter: yamldecode.New[site.FrontMatter](), md: map[string]*readers{}}
}

// strings returns the theme's words in the language tag.
func (ps *Parser) strings(tag string) i18n.Strings { return ps.words.Strings(tag) }

// readers are the Markdown readers of one language: with GFM's Linkify,
// and without it, for pages with nothing to link.
type readers struct {
	md, plain goldmark.Markdown
}

// readers returns the Markdown readers for pages in the language tag,
// made the first time the parser meets the language.
func (ps *Parser) readers(tag string) *readers {
	r, ok := ps.md[tag]
	if !ok {
		style := ps.bibs.StyleIn(tag)
		r = &readers{md: newMarkdown(ps.cfg, style, true), plain: newMarkdown(ps.cfg, style, false)}
		ps.md[tag] = r
	}
	return r
}

// Parse turns one source into a Page. It depends only on the source, the
// site settings, the list of files and the bibliographies, so pages can be
// parsed in any order, in parallel, and one page can be parsed again alone.
func (ps *Parser) Parse(src load.Source) *Page {
	lang, key := ps.cfg.LanguageOf(src.Rel)
	p := &Page{Path: src.Path, Rel: src.Rel, URL: ps.cfg.Lang(lang).Prefix() + site.PageURL(key), Kind: KindPage, Lang: lang, Key: key}
	p.href = site.Href(ps.cfg.BasePath(), p.URL)
	if lang != ps.cfg.DefaultLanguage() {
		// Whether the page translates another depends on that page's
		// file: parse it again when the file comes or goes.
		p.Targets = append(p.Targets, key)
		if ps.files[key] {
			p.Source = key
		}
	}
	switch {
	case key == "_index.md" || key == "index.md":
		p.Kind = KindHome
	case site.IsSection(key):
		p.Kind = KindSection
	}
	ps.lines = lineStarts(ps.lines, src.Data)
	if line, n := longestLine(ps.lines, len(src.Data)); n > maxLine {
		p.Diags.Errorf(p.Path, line, 0, "this line is %d characters long, and Pamphlet reads lines of up to %d: break it into paragraphs, with a blank line between them (the Markdown reader can take minutes over a line this long)", n, maxLine)
		return p
	}
	state := &parseState{page: p, cfg: ps.cfg, frontMatter: ps.frontMatter, files: ps.files, bibs: ps.bibs, source: src.Data, lines: ps.lines, summary: ps.summary}
	if !ps.frontMatterClosed(src, p) {
		return p
	}
	pc := parser.NewContext()
	pc.Set(parseStateKey, state)
	rd := ps.readers(lang)
	md := rd.plain
	if mayLinkify(src.Data) {
		md = rd.md
	}
	doc := md.Parser().Parse(text.NewReader(src.Data), parser.WithContext(pc))
	if state.badFrontMatter {
		return p
	}
	p.Links = state.pending
	var refs []byte // the reference list, in the parser's buffer: copied or spilled below
	if cited := cite.Result(pc); cited != nil && cited.Clusters > 0 {
		p.Cited = cited
		for _, pr := range cited.Problems {
			line, col := state.pos(pr.Offset)
			p.Diags.Add(diag.Diagnostic{File: p.Path, Line: line, Col: col, Severity: pr.Severity, Message: pr.Message})
		}
		ps.refs.Reset()
		words := ps.strings(lang)
		cite.WriteList(&ps.refs, cited, cite.ListWords{Heading: words["references"], BackTo: words["back_to_citation"]})
		refs = ps.refs.Bytes()
		// With the list rendered, the ids of the places that cite each
		// work are needed no more: only how many there are.
		for i := range cited.List {
			p.citations += len(cited.List[i].Occurrences)
			cited.List[i].Occurrences = nil
		}
	}
	prose := collectProse(doc, src.Data, &ps.prose)
	if ps.searched != nil && p.Front.Searchable() && !state.badFrontMatter {
		ps.searched(p.Lang, searchDocument(p, prose))
	}
	p.facts = state.facts(prose, &ps.prose)
	ps.buf.Reset()
	if ps.out == nil {
		ps.out = bufio.NewWriter(&ps.buf)
	}
	err := md.Renderer().Render(ps.out, src.Data, doc)
	if err == nil {
		err = ps.out.Flush()
	}
	if err != nil {
		ps.out.Reset(&ps.buf)
		p.Diags.Errorf(p.Path, 0, 0, "cannot render this page: %v", err)
		return p
	}
	if ps.wantsHandout(p) && !state.badFrontMatter {
		ps.makeHandout(state, doc, src.Data)
	}
	switch {
	case ps.discard:
	case ps.spill != nil:
		ps.ld.Reset()
		writeJSONLD(&ps.ld, ps.cfg, p)
		ref, err := ps.spill.put(ps.buf.Bytes(), refs, bytes.TrimSpace(ps.ld.Bytes()))
		if err != nil && ps.err == nil {
			ps.err = err
		}
		p.stored = &ref
	default:
		p.Body = bytes.Clone(ps.buf.Bytes())
		p.References = bytes.Clone(refs)
		p.jsonld = JSONLD(ps.cfg, p)
	}
	return p
}

// Content returns the page's rendered body and reference list as HTML,
// and its schema.org data, from the spill file if they were spilled (see
// spillRef.read for scratch).
func (p *Page) Content(scratch *bytes.Buffer) (body, refs, jsonld []byte, err error) {
	if p.stored != nil {
		return p.stored.read(scratch)
	}
	return p.Body, p.References, p.jsonld, nil
}

// decodeFrontMatter fills the page's front matter from the YAML that
// frontMatterParser found, and gives the citation resolver the page's
// bibliography. It runs as the first AST transformer, because resolving
// citations needs the page's own bibliography: key.
func (s *parseState) decodeFrontMatter(pc parser.Context) {
	p := s.page
	yamlText, _ := pc.Get(frontMatterKey).([]byte)
	pos, diags := s.frontMatter.Decode(yamldecode.Source{File: p.Path, Line: 1, What: "front matter"}, yamlText, &p.Front)
	p.Diags.Add(diags...)
	for _, d := range diags {
		if yamldecode.IsSyntaxError(d) {
			s.badFrontMatter = true
		}
	}
	if s.badFrontMatter {
		return // nothing below could be trusted; the page is not rendered
	}
	checkFrontMatter(p, pos)
	s.related(pos)
	p.KeyLines = map[string]int{}
	pos.Keys(func(key string, line int) { p.KeyLines[key] = line })
	if s.bibs != nil {
		bib, d := s.bibs.ForPage(p.Path, p.Front.Bibliography, pos.Line("bibliography"))
		p.Diags.Add(d...)
		cite.SetBibliography(pc, bib)
	}
}

// related resolves front matter's related: pages as links from the page,
// so that a missing page or a draft is reported at its line.
func (s *parseState) related(pos yamldecode.Positions) {
	for i, r := range s.page.Front.Related {
		at := pos.At(fmt.Sprintf("related[%d]", i+1))
		n := len(s.pending)
		s.rewrite([]byte(r), at.Line, at.Col, "related page")
		if len(s.pending) > n && s.pending[n].Fragment == "" {
			s.page.Related = append(s.page.Related, s.pending[n].Target)
		} else if len(s.pending) > n || !strings.HasSuffix(r, ".md") {
			s.errorf(at.Line, at.Col, "related[%d] is %q: name a page of this site by its .md file, e.g. related: [what-to-expect.md]", i+1, r)
		}
	}
}

// frontMatterClosed reports whether a page that opens a front matter block
// with "---" also closes it; goldmark-meta would otherwise read the whole
// page as YAML.
func (ps *Parser) frontMatterClosed(src load.Source, p *Page) bool {
	first, rest, _ := bytes.Cut(src.Data, []byte("\n"))
	if !isSeparator(first) {
		p.Diags.Warnf(p.Path, 1, 1, "this page has no front matter: start it with a block such as\n---\ntitle: What is mentalizing?\n---")
		return true
	}
	for len(rest) > 0 {
		var l []byte
		l, rest, _ = bytes.Cut(rest, []byte("\n"))
		if isSeparator(l) {
			return true
		}
	}
	p.Diags.Errorf(p.Path, 1, 1, "the front matter that starts on line 1 is never closed: add a line with three hyphens (---) after its last key")
	return false
}

// frontMatterEnd returns the offset just after the line that closes the
// front matter as frontMatterParser reads it, or 0 when src has no closed
// front matter.
func frontMatterEnd(src []byte) int {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if !isSeparator(first) {
		return 0
	}
	for i := len(first) + 1; i < len(src); {
		l, _, _ := bytes.Cut(src[i:], []byte("\n"))
		i += len(l) + 1
		if isSeparator(l) {
			return min(i, len(src))
		}
	}
	return 0
}

// isSeparator reports whether a line closes the front matter: three or
// more hyphens, with spaces around them allowed.
func isSeparator(l []byte) bool {
	t := bytes.TrimSpace(l)
	return len(t) >= 3 && len(bytes.Trim(t, "-")) == 0
}

// checkFrontMatter reports what the typed decode cannot: a missing title,
// values outside their list of choices.
func checkFrontMatter(p *Page, pos yamldecode.Positions) {
	f := &p.Front
	if strings.TrimSpace(f.Title) == "" {
		p.Diags.Errorf(p.Path, max(1, pos.Line("title")), 0, "this page has no title: add a line such as \"title: What is mentalizing?\" to its front matter")
		f.Title = strings.TrimSuffix(p.Rel, ".md")
	}
	for i, a := range f.Audience {
		switch a {
		case "patients", "carers", "professionals":
		default:
			p.Diags.Errorf(p.Path, pos.Line(fmt.Sprintf("audience[%d]", i+1)), 0, "audience[%d] is %q: use patients, carers or professionals", i+1, a)
		}
	}
	if f.Safety != "" && f.Safety != "crisis" {
		p.Diags.Errorf(p.Path, pos.Line("safety"), 0, "safety is %q: the only value is crisis, which shows the crisis-support box", f.Safety)
	}
	for _, pair := range []struct {
		name string
		d    *site.Date
	}{{"updated", f.Updated}, {"last_reviewed", f.LastReviewed}} {
		if f.Published != nil && pair.d != nil && pair.d.Before(f.Published.Time) {
			p.Diags.Errorf(p.Path, pos.Line(pair.name), 0, "%s (%s) is before published (%s): check both dates", pair.name, pair.d.ISO(), f.Published.ISO())
		}
	}
	if f.LastReviewed != nil && f.NextReview != nil && !f.NextReview.After(f.LastReviewed.Time) {
		p.Diags.Errorf(p.Path, pos.Line("next_review"), 0, "next_review (%s) is not after last_reviewed (%s): check both dates", f.NextReview.ISO(), f.LastReviewed.ISO())
	}
}

// maxLine is the longest line, in bytes, that a page may have. Goldmark
// looks for the end of a link from each "](" or "<" to the end of the
// line, so a line of thousands of them costs the square of its length
// (50,000 took seven seconds); prose has no lines this long.
const maxLine = 10000

// longestLine returns the 1-based number and the length of the longest
// line, given where each line starts and the length of the text.
func longestLine(starts []int, size int) (line, n int) {
	for i, start := range starts {
		end := size
		if i+1 < len(starts) {
			end = starts[i+1] - 1
		}
		if end-start > n {
			line, n = i+1, end-start
		}
	}
	return line, n
}

// lineStarts returns the byte offset at which each line starts, in
// starts (which it empties first) if there is room.
func lineStarts(starts []int, src []byte) []int {
	starts = append(starts[:0], 0)
	for i := 0; ; {
		k := bytes.IndexByte(src[i:], '\n')
		if k < 0 {
			return starts
		}
		i += k + 1
		starts = append(starts, i)
	}
}
