package cite

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"pamphlet/generator/cite/csl"
)

// Extender is the goldmark extension for citations: the [@key] syntax, the
// resolver that formats them, and their HTML.
type Extender struct {
	style *Style
	bib   *Bibliography
}

// Option configures the extension.
type Option func(*Extender)

// WithStyle sets the citation style (default AMA).
func WithStyle(s *Style) Option { return func(e *Extender) { e.style = s } }

// WithBibliography sets the bibliography that documents cite from, unless
// SetBibliography gives a document its own.
func WithBibliography(b *Bibliography) Option { return func(e *Extender) { e.bib = b } }

// New returns the citation extension. Without WithStyle it loads the
// default style (AMA); that cannot fail for an embedded style, so a
// failure is a broken build of Pamphlet and panics.
func New(opts ...Option) *Extender {
	e := &Extender{}
	for _, o := range opts {
		o(e)
	}
	if e.style == nil {
		s, err := LoadBuiltin("", "")
		if err != nil {
			panic(err)
		}
		e.style = s
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
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(citationRenderer{}, 100)))
}

// citationRenderer renders Citation nodes.
type citationRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r citationRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitation, r.render)
}

// render writes a cluster as Resolve formatted it, each cited work linked
// to its entry in the reference list, followed by a popup with the full
// references that shows on hover and keyboard focus (CSS only).
func (r citationRenderer) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	c := n.(*Citation)
	if c.html == "" {
		// Unknown key (reported as an error), or a style that failed:
		// show what was written.
		fmt.Fprintf(w, `<span class="cite-missing">%s</span>`, html.EscapeString(c.Source))
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<span class="citation">`)
	w.WriteString(c.html)
	fmt.Fprintf(w, `<span class="cite-popup" role="tooltip" id="%s-refs">`, c.ID)
	for _, p := range c.popups {
		w.WriteString(`<span class="cite-popup-entry">`)
		w.WriteString(p)
		w.WriteString(`</span>`)
	}
	w.WriteString(`</span></span>`)
	return ast.WalkSkipChildren, nil
}

// Marks around each cite of an author-date cluster (see format). They are
// characters of Unicode's private use area, which no bibliography or page
// has a reason to contain: an opening mark U+E000+i for the cluster's i-th
// cite and a closing mark U+E800+i.
const (
	markOpen  = 0xE000
	markClose = 0xE800
	markMax   = 0x800
)

// format formats a page's clusters as one CSL document and its reference
// list, and stores the results on the Citation nodes and in c.List.
//
// CSL output has no links, and Pamphlet links the clickable part of each
// cite to its reference-list entry. How it finds that part:
//
//   - Numeric styles: the reference list is formatted first, so each
//     work's number is known; in the cluster's HTML each run of digits
//     outside tags that is the number of one of its works is linked to
//     that work (the first run for each), so "1–3" links 1 and 3. Marks
//     would not do here: the processor does not collapse cites with affixes
//     into ranges.
//   - Author-date styles: each cite is given a private-use mark as the
//     last character of its prefix and another as the first of its suffix
//     (the processor places affixes around the cite's own output and keeps
//     grouping and year collapsing with them), so the text between the
//     marks is that cite's author-date text; it is linked, and the marks
//     removed. Marks that enclose unbalanced tags are dropped without a
//     link.
//
// A work shown without a link of its own (the 2 in "1–3") still gets its
// id in an empty span, so the reference list's back-links land.
//
// Author-in-text citations (@key) are an author-only cite followed by a
// suppress-author cite, as pandoc does. Numeric styles have no names in
// their citation layout, so their author-in-text names are Pamphlet's own
// ("Bateman and Fonagy", see namesInText).
func format(c *Cited, clusters []*Citation, bib *Bibliography, style *Style) error {
	proc, err := bib.processor(style)
	if err != nil {
		return err
	}
	type job struct {
		cit        *Citation
		main       int // index in cits of the cluster's cites
		authorOnly int // index of its author-only cite, or -1
	}
	jobs := make([]job, 0, len(clusters))
	cits := make([]csl.Citation, 0, len(clusters))
	var docCits []csl.Citation // the clusters without author-only cites, for the bibliography
	marks := !style.Numeric
	for _, cit := range clusters {
		j := job{cit: cit, authorOnly: -1}
		// Numeric styles have no names to give an author-only cite (see
		// namesInText), so they are asked for none.
		if cit.Narrative && !cit.Refs[0].SuppressAuthor && marks {
			j.authorOnly = len(cits)
			ao := csl.Citation{ID: cit.ID + "-author"}
			for i, r := range cit.Refs {
				it := csl.CitationItem{ID: r.Entry.ID, AuthorOnly: true}
				if marks && i < markMax {
					it.Prefix, it.Suffix = string(rune(markOpen+i)), string(rune(markClose+i))
				}
				ao.Items = append(ao.Items, it)
			}
			cits = append(cits, ao)
		}
		j.main = len(cits)
		main := csl.Citation{ID: cit.ID}
		for i, r := range cit.Refs {
			it := csl.CitationItem{ID: r.Entry.ID, SuppressAuthor: r.SuppressAuthor || cit.Narrative}
			it.Label, it.Locator = cslLocator(r.Locator)
			it.Prefix, it.Suffix = strings.TrimSpace(r.Prefix), strings.TrimSpace(r.Suffix)
			if it.Prefix != "" {
				it.Prefix += " "
			}
			if it.Suffix != "" && !strings.ContainsRune(",;.:", rune(it.Suffix[0])) {
				it.Suffix = " " + it.Suffix
			}
			if marks && i < markMax {
				it.Prefix += string(rune(markOpen + i))
				it.Suffix = string(rune(markClose+i)) + it.Suffix
			}
			main.Items = append(main.Items, it)
		}
		cits = append(cits, main)
		docCits = append(docCits, main)
		jobs = append(jobs, j)
	}
	// The reference list in the style's order; numbers are positions in it.
	pos := make(map[string]int, len(c.List))
	if style.independent {
		// The style's entries do not depend on the document (see
		// Style.independent): the list is in order of first citation,
		// as c.List is, and each entry is formatted once per
		// bibliography, not once per page.
		for i := range c.List {
			l := &c.List[i]
			f, err := bib.formatted(style, proc, l.Entry)
			if err != nil {
				return err
			}
			pos[l.Entry.ID] = i
			l.Number, l.HTML, l.Popup = i+1, f.html, f.popup
		}
	} else {
		entries, err := proc.Bibliography(docCits...)
		if err != nil {
			return err
		}
		listed := make(map[string]int, len(c.List))
		for i, l := range c.List {
			listed[l.Entry.ID] = i
		}
		// The list is the processor's, in its order, of the works this
		// page lists: only those, should the processor give others.
		list := make([]Listed, 0, len(c.List))
		for _, e := range entries {
			i, ok := listed[e.ID]
			if !ok {
				continue
			}
			l := c.List[i]
			pos[e.ID] = len(list)
			l.Number = len(list) + 1
			l.HTML = referenceHTML(e.HTML(), l.Entry)
			l.Popup = popupHTML(l.HTML)
			list = append(list, l)
		}
		for _, l := range c.List {
			if _, ok := pos[l.Entry.ID]; !ok {
				return fmt.Errorf("the processor left %q out of the reference list", l.Entry.ID)
			}
		}
		c.List = list
	}
	outs, err := proc.Cite(cits...)
	if err != nil {
		return err
	}
	for _, j := range jobs {
		cit := j.cit
		for _, r := range cit.Refs {
			r.Number = pos[r.Entry.ID] + 1
		}
		lk := linker{cit: cit, linked: make([]bool, len(cit.Refs))}
		// The names first, so that their link carries the cite's id.
		names := ""
		if cit.Narrative && !cit.Refs[0].SuppressAuthor {
			if j.authorOnly >= 0 {
				// Only the marked text: the layout's affixes (APA's
				// parentheses) belong around a citation, not a name.
				names = lk.markedOnly(outs[j.authorOnly].HTML())
			}
			if names == "" {
				names = lk.link(0, namesInText(cit.Refs[0].Entry))
			}
		}
		var h string
		if marks {
			h = lk.marked(outs[j.main].HTML())
		} else {
			h = lk.numbers(outs[j.main].HTML())
		}
		if names != "" {
			sep := " "
			if style.Superscript {
				sep = ""
			}
			h = names + sep + h
		}
		var b strings.Builder
		b.WriteString(h)
		for i, r := range cit.Refs {
			if !lk.linked[i] {
				fmt.Fprintf(&b, `<span id="%s"></span>`, r.ID)
			}
		}
		cit.html = b.String()
		seen := map[string]bool{}
		for _, r := range cit.Refs {
			if !seen[r.Entry.ID] {
				seen[r.Entry.ID] = true
				cit.popups = append(cit.popups, c.List[r.Number-1].Popup)
			}
		}
	}
	return nil
}

// linker links the cites of one cluster to their reference-list entries.
type linker struct {
	cit    *Citation
	linked []bool
}

// link returns label linked to the entry of the cluster's i-th cite. The
// first link of a cite carries the cite's id, the target of back-links.
func (lk *linker) link(i int, label string) string {
	r := lk.cit.Refs[i]
	id := ""
	if !lk.linked[i] {
		id = ` id="` + r.ID + `"`
	}
	lk.linked[i] = true
	return `<a class="cite" href="#` + Anchor(r.Entry.ID) + `"` + id + ` aria-describedby="` + lk.cit.ID + `-refs">` + label + `</a>`
}

// numbers links the runs of digits in a numeric cluster's HTML that are
// the numbers of its works (see format).
func (lk *linker) numbers(h string) string {
	var b strings.Builder
	used := make([]bool, len(lk.cit.Refs)) // whose number is linked
	for i := 0; i < len(h); {
		switch c := h[i]; {
		case c == '<' || c == '&':
			end := byte('>')
			if c == '&' {
				end = ';'
			}
			j := strings.IndexByte(h[i:], end)
			if j < 0 {
				b.WriteString(h[i:])
				return b.String()
			}
			b.WriteString(h[i : i+j+1])
			i += j + 1
		case c >= '0' && c <= '9':
			j := i
			for j < len(h) && h[j] >= '0' && h[j] <= '9' {
				j++
			}
			n, _ := strconv.Atoi(h[i:j])
			ref := -1
			for k, r := range lk.cit.Refs {
				if r.Number == n && !used[k] {
					ref = k
					break
				}
			}
			if ref >= 0 {
				used[ref] = true
				b.WriteString(lk.link(ref, h[i:j]))
			} else {
				b.WriteString(h[i:j])
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// marked links the text between each cite's marks and removes the marks
// (see format).
func (lk *linker) marked(h string) string {
	var b strings.Builder
	for i := 0; i < len(h); {
		r, size := utf8.DecodeRuneInString(h[i:])
		switch {
		case r >= markOpen && r < markOpen+markMax:
			k := int(r - markOpen)
			closing := string(rune(markClose + k))
			j := strings.Index(h[i+size:], closing)
			if j < 0 || k >= len(lk.cit.Refs) {
				i += size
				continue
			}
			inner := stripMarks(h[i+size : i+size+j])
			if balanced(inner) && strings.TrimSpace(inner) != "" {
				b.WriteString(lk.link(k, inner))
			} else {
				b.WriteString(inner)
			}
			i += size + j + len(closing)
		case r >= markOpen && r < markClose+markMax:
			i += size // a stray closing mark
		default:
			b.WriteString(h[i : i+size])
			i += size
		}
	}
	return b.String()
}

// markedOnly returns the linked text between the marks of h, and nothing
// else: the names of an author-only cite without the layout's affixes. It
// returns "" when h has no marked text.
func (lk *linker) markedOnly(h string) string {
	var parts []string
	for i := 0; i < len(h); {
		r, size := utf8.DecodeRuneInString(h[i:])
		if r < markOpen || r >= markOpen+markMax || int(r-markOpen) >= len(lk.cit.Refs) {
			i += size
			continue
		}
		k := int(r - markOpen)
		closing := string(rune(markClose + k))
		j := strings.Index(h[i+size:], closing)
		if j < 0 {
			break
		}
		if inner := stripMarks(h[i+size : i+size+j]); balanced(inner) && strings.TrimSpace(inner) != "" {
			parts = append(parts, lk.link(k, inner))
		}
		i += size + j + len(closing)
	}
	return strings.Join(parts, ", ")
}

// stripMarks removes the marks from h.
func stripMarks(h string) string {
	return strings.Map(func(r rune) rune {
		if r >= markOpen && r < markClose+markMax {
			return -1
		}
		return r
	}, h)
}

// balanced reports whether every tag opened in h is closed in h, so that
// h can be wrapped in a link.
func balanced(h string) bool {
	depth := 0
	for i := strings.IndexByte(h, '<'); i >= 0; i = strings.IndexByte(h, '<') {
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			return false
		}
		tag := h[i : i+j+1]
		switch {
		case strings.HasPrefix(tag, "</"):
			depth--
			if depth < 0 {
				return false
			}
		case !strings.HasSuffix(tag, "/>"):
			depth++
		}
		h = h[i+j+1:]
	}
	return depth == 0
}

// cslLocator splits a locator as written ("p. 33", "pp. 3-5", "chap. 2",
// "33") into a CSL locator label and value. A bare number is a page; a
// label Pamphlet does not know leaves the whole text as a page locator.
func cslLocator(s string) (label, value string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	if i <= 0 {
		return "page", s
	}
	word := strings.ToLower(strings.TrimRight(s[:i], "."))
	if l, ok := locatorLabels[word]; ok {
		return l, strings.TrimSpace(s[i:])
	}
	return "page", s
}

// locatorLabels are the locator labels pandoc recognises, in their short
// and long forms, mapped to CSL's locator types.
var locatorLabels = map[string]string{
	"p": "page", "pp": "page", "pg": "page", "pgs": "page", "page": "page", "pages": "page",
	"chap": "chapter", "chaps": "chapter", "ch": "chapter", "chapter": "chapter", "chapters": "chapter",
	"sec": "section", "secs": "section", "section": "section", "sections": "section",
	"fig": "figure", "figs": "figure", "figure": "figure", "figures": "figure",
	"para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "paragraphs": "paragraph",
	"vol": "volume", "vols": "volume", "volume": "volume", "volumes": "volume",
	"l": "line", "ll": "line", "line": "line", "lines": "line",
	"n": "note", "nn": "note", "note": "note", "notes": "note",
	"col": "column", "cols": "column", "column": "column", "columns": "column",
	"art": "article", "article": "article", "no": "issue", "bk": "book", "book": "book",
	"v": "verse", "vv": "verse", "verse": "verse", "verses": "verse",
	"op": "opus", "sv": "sub-verbo", "s.v": "sub-verbo", "tit": "title",
}

var (
	leftMargin  = regexp.MustCompile(`^<div class="csl-left-margin">[^<]*</div>`)
	rightInline = regexp.MustCompile(`^<div class="csl-right-inline">(.*)</div>$`)
)

// referenceHTML returns a bibliography entry as a reference list shows it:
// without the number the style puts in a csl-left-margin div (the list is
// an <ol> whose numbers are the same), and with links on the DOI, the
// PubMed id and the URL where the style prints them. A PMID the style does
// not print is added, linked, since PubMed is where patients' clinicians
// look a paper up.
func referenceHTML(h string, e *Entry) string {
	h = strings.TrimSpace(h)
	h = leftMargin.ReplaceAllString(h, "")
	if m := rightInline.FindStringSubmatch(h); m != nil {
		h = m[1]
	}
	if doi := strings.TrimSpace(e.DOI); doi != "" {
		h = linkText(h, doiURL(doi), "https://doi.org/"+doi, "http://doi.org/"+doi, "http://dx.doi.org/"+doi, "doi:"+doi, "DOI: "+doi, doi)
	}
	if u := strings.TrimSpace(e.URL); u != "" && isWebURL(u) {
		h = linkText(h, u, u)
	}
	if p := strings.TrimSpace(e.PMID); isDigits(p) {
		pub := "https://pubmed.ncbi.nlm.nih.gov/" + p + "/"
		if l := linkText(h, pub, "PMID: "+p, "PMID "+p); l != h {
			h = l
		} else {
			h += ` PMID: ` + linkTo(pub, p)
		}
	}
	return h
}

// linkText links the first of texts (plain text, escaped here) that h
// shows outside a tag and outside a link, to href; h is returned as it is
// when it shows none of them.
func linkText(h, href string, texts ...string) string {
	for _, t := range texts {
		for _, et := range [2]string{html.EscapeString(t), cslEscaper.Replace(t)} {
			if l, ok := linkFirst(h, href, et); ok {
				return l
			}
		}
	}
	return h
}

// cslEscaper escapes text the way the processor's HTML output does.
var cslEscaper = strings.NewReplacer("&", "&#38;", "<", "&#60;", ">", "&#62;")

// linkFirst links the first occurrence of et in h that is outside a tag
// and outside a link.
func linkFirst(h, href, et string) (string, bool) {
	{
		for from := 0; ; {
			i := strings.Index(h[from:], et)
			if i < 0 {
				break
			}
			i += from
			if !insideTagOrLink(h, i) {
				return h[:i] + linkTo(href, et) + h[i+len(et):], true
			}
			from = i + len(et)
		}
	}
	return h, false
}

// insideTagOrLink reports whether offset i of h is inside a tag or inside
// an <a> element.
func insideTagOrLink(h string, i int) bool {
	before := h[:i]
	if lt, gt := strings.LastIndexByte(before, '<'), strings.LastIndexByte(before, '>'); lt > gt {
		return true
	}
	return strings.LastIndex(before, "<a ") > strings.LastIndex(before, "</a>")
}

var (
	anchorTag = regexp.MustCompile(`</?a\b[^>]*>`)
	divTag    = regexp.MustCompile(`<(/?)div\b`)
)

// popupHTML returns a reference for a popup: without links (a tooltip
// holds no controls) and with the style's display divs as spans (a popup
// is a span, which may not hold a div).
func popupHTML(h string) string {
	return divTag.ReplaceAllString(anchorTag.ReplaceAllString(h, ""), "<${1}span")
}

// WriteList writes the HTML of a page's reference list to b: an <ol> for
// numeric styles (its numbers are the cites' numbers), a <ul> in the
// style's order for author-date ones, each entry with its DOI, PMID or URL
// links and a link back to every place that cites it. It writes nothing
// when the page cites nothing. A parser writes every page's list into one
// buffer of its own. words are the list's words in the page's language.
func WriteList(b *bytes.Buffer, c *Cited, words ListWords) {
	if c == nil || len(c.List) == 0 || c.style == nil {
		return
	}
	tag, kind := "ol", "numeric"
	if !c.style.Numeric {
		tag, kind = "ul", "author-date"
	}
	fmt.Fprintf(b, "<section class=\"references references-%s\" aria-labelledby=\"%s\">\n<h2 id=\"%s\">%s</h2>\n<%s>\n", kind, ListAnchor, ListAnchor, html.EscapeString(words.Heading), tag)
	back, _, _ := strings.Cut(words.BackTo, "{n}")
	backAfter := ""
	if i := strings.Index(words.BackTo, "{n}"); i >= 0 {
		backAfter = words.BackTo[i+3:]
	}
	var num []byte
	for _, l := range c.List {
		b.WriteString(`<li id="`)
		b.WriteString(Anchor(l.Entry.ID))
		b.WriteString(`">`)
		b.WriteString(l.HTML)
		b.WriteString(` <span class="backlinks">`)
		for i, id := range l.Occurrences {
			num = strconv.AppendInt(num[:0], int64(i+1), 10)
			b.WriteString(`<a href="#`)
			b.WriteString(id)
			b.WriteString(`" aria-label="`)
			b.WriteString(html.EscapeString(back))
			b.Write(num)
			b.WriteString(html.EscapeString(backAfter))
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

// ListWords are the words of a reference list in the page's language,
// from the theme's words (package i18n): its heading ("References") and
// the label of a link back to a citation ("Back to citation {n}").
type ListWords struct {
	Heading, BackTo string
}

// FormatAll formats the reference list of the given entries as one
// document that cites each once, in the order given: the site-wide
// references page. It returns them in the style's bibliography order, each
// with its HTML (links included, no number).
func FormatAll(bib *Bibliography, style *Style, entries []*Entry) ([]Listed, error) {
	if len(entries) == 0 {
		return nil, nil
	}
	proc, err := bib.processor(style)
	if err != nil {
		return nil, err
	}
	if style.independent {
		// In order of first citation, each entry as the pages show it.
		list := make([]Listed, len(entries))
		for i, e := range entries {
			f, err := bib.formatted(style, proc, e)
			if err != nil {
				return nil, err
			}
			list[i] = Listed{Entry: e, Number: i + 1, HTML: f.html}
		}
		return list, nil
	}
	// One citation per work: a single cluster of thousands of cites
	// would be sorted and collapsed as a cluster, for nothing.
	cits := make([]csl.Citation, len(entries))
	byID := make(map[string]*Entry, len(entries))
	for i, e := range entries {
		cits[i] = csl.Citation{ID: e.ID, Items: []csl.CitationItem{{ID: e.ID}}}
		byID[e.ID] = e
	}
	out, err := proc.Bibliography(cits...)
	if err != nil {
		return nil, err
	}
	list := make([]Listed, 0, len(out))
	for i, o := range out {
		e := byID[o.ID]
		if e == nil {
			continue
		}
		list = append(list, Listed{Entry: e, Number: i + 1, HTML: referenceHTML(o.HTML(), e)})
	}
	return list, nil
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
