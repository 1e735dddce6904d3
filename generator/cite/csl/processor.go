package csl

import (
	"fmt"
	"strconv"
	"strings"
)

// Position is a cite's position in the document (CSL "position").
type Position int

// The positions of a cite.
const (
	// PositionFirst is the first cite of an item in the document.
	PositionFirst Position = iota
	// PositionSubsequent is a later cite of an item.
	PositionSubsequent
	// PositionIbid is a cite of the item cited just before, with the same locator.
	PositionIbid
	// PositionIbidWithLocator is a cite of the item cited just before, with another locator.
	PositionIbidWithLocator
)

// CitationItem is one cite in a citation cluster.
type CitationItem struct {
	ID             string `json:"id"`
	Locator        string `json:"locator,omitempty"`
	Label          string `json:"label,omitempty"` // locator type, e.g. "page", "chapter"
	Prefix         string `json:"prefix,omitempty"`
	Suffix         string `json:"suffix,omitempty"`
	SuppressAuthor bool   `json:"suppress-author,omitempty"`
	AuthorOnly     bool   `json:"author-only,omitempty"`
	// Position, when set, overrides the position computed from the document.
	Position *Position `json:"position,omitempty"`
}

// Citation is a cluster of cites at one place in the document.
type Citation struct {
	ID        string
	NoteIndex int // footnote number; 0 for in-text citations
	Items     []CitationItem
}

// Output is formatted rich text.
type Output struct{ n *node }

// HTML returns the output as HTML (escaped; <i>, <b>, small-caps spans,
// <sup>, <sub>, and csl-* divs for display attributes).
func (o Output) HTML() string { return o.n.html() }

// Text returns the output as plain text.
func (o Output) Text() string {
	var b strings.Builder
	o.n.writeText(&b)
	return strings.TrimSpace(b.String())
}

// Entry is one formatted bibliography entry.
type Entry struct {
	ID string
	Output
}

// BibOptions are the bibliography's layout options, for the caller's CSS.
type BibOptions struct {
	HangingIndent    bool
	SecondFieldAlign string // "", "flush" or "margin"
	LineSpacing      int    // 1 when unset
	EntrySpacing     int    // 1 when unset
}

// Processor formats citations and bibliographies for one style and locale.
type Processor struct {
	style          *Style
	lc             *localeChain
	items          []*Item
	byID           map[string]int
	usesYearSuffix bool
}

// NewProcessor makes a processor for a style. lang overrides the style's
// default-locale when not empty; locales supplies locale files (it may be
// nil, then only the style's own cs:locale terms are known).
func NewProcessor(style *Style, locales Locales, lang string) (*Processor, error) {
	if style == nil {
		return nil, fmt.Errorf("csl: nil style")
	}
	if style.IsDependent() {
		return nil, fmt.Errorf("csl: style %q is dependent; resolve it with ResolveParent first", style.ID)
	}
	if lang == "" {
		lang = style.DefaultLocale
	}
	p := &Processor{style: style, lc: buildLocale(style, lang, locales), byID: map[string]int{}}
	p.usesYearSuffix = usesVar(style.root, "year-suffix")
	return p, nil
}

func usesVar(e *element, v string) bool {
	if e.name == "text" && e.a("variable") == v {
		return true
	}
	for _, k := range e.kids {
		if usesVar(k, v) {
			return true
		}
	}
	return false
}

// Register adds items (replacing items with the same id). It must not run
// concurrently with other methods.
func (p *Processor) Register(items []Item) error {
	for i := range items {
		it := items[i]
		if it.ID == "" {
			return fmt.Errorf("csl: item %d has no id", i)
		}
		if j, ok := p.byID[it.ID]; ok {
			p.items[j] = &it
			continue
		}
		p.byID[it.ID] = len(p.items)
		p.items = append(p.items, &it)
	}
	return nil
}

// BibliographyOptions returns the style's bibliography layout options.
func (p *Processor) BibliographyOptions() BibOptions {
	o := BibOptions{LineSpacing: 1, EntrySpacing: 1}
	b := p.style.bibliography
	if b == nil {
		return o
	}
	o.HangingIndent = b.a("hanging-indent") == "true"
	o.SecondFieldAlign = b.a("second-field-align")
	if n, err := strconv.Atoi(b.a("line-spacing")); err == nil {
		o.LineSpacing = n
	}
	if n, err := strconv.Atoi(b.a("entry-spacing")); err == nil {
		o.EntrySpacing = n
	}
	return o
}

// run is the state of one Cite or Bibliography call.
type run struct {
	p      *Processor
	states map[string]*itemState
	order  []*itemState // cited order
	// hasSubsequent is set when some item is cited more than once
	hasSubsequent bool
	bib           []*itemState // bibliography order
}

func (p *Processor) newRun(cits []Citation) (*run, error) {
	r := &run{p: p, states: map[string]*itemState{}}
	add := func(id string) error {
		if _, ok := r.states[id]; ok {
			return nil
		}
		j, ok := p.byID[id]
		if !ok {
			return fmt.Errorf("csl: cited item %q is not registered", id)
		}
		st := &itemState{item: p.items[j], index: j}
		r.states[id] = st
		r.order = append(r.order, st)
		st.citationNumber = len(r.order)
		return nil
	}
	if len(cits) == 0 {
		for _, it := range p.items {
			if err := add(it.ID); err != nil {
				return nil, err
			}
		}
	}
	for _, c := range cits {
		for _, ci := range c.Items {
			if _, seen := r.states[ci.ID]; seen {
				r.hasSubsequent = true
			}
			if err := add(ci.ID); err != nil {
				return nil, err
			}
		}
	}
	r.bib = append([]*itemState(nil), r.order...)
	if b := p.style.bibliography; b != nil {
		if s := b.child("sort"); s != nil {
			r.sortStates(r.bib, s, b)
			byNumber := false
			for _, k := range s.kids {
				if k.a("variable") == "citation-number" {
					byNumber = true
				}
			}
			if !byNumber {
				for i, st := range r.bib {
					st.citationNumber = i + 1
				}
			}
		}
	}
	r.disambiguate()
	return r, nil
}

func (r *run) newCtx(st *itemState, mode string) *ctx {
	c := &ctx{r: r, lc: r.p.lc, it: st, mode: mode, suppressed: map[string]bool{}}
	if mode == "bibliography" {
		c.section = r.p.style.bibliography
	} else {
		c.section = r.p.style.citation
	}
	return c
}

// Cite formats the citation clusters, given in document order.
func (p *Processor) Cite(cits ...Citation) ([]Output, error) {
	r, err := p.newRun(cits)
	if err != nil {
		return nil, err
	}
	return r.cite(cits), nil
}

// Bibliography formats the bibliography of the items cited in the
// clusters (all registered items when none are given).
func (p *Processor) Bibliography(cits ...Citation) ([]Entry, error) {
	if p.style.bibliography == nil {
		return nil, nil
	}
	r, err := p.newRun(cits)
	if err != nil {
		return nil, err
	}
	return r.bibliography(), nil
}

type citeInfo struct {
	pos      Position
	nearNote bool
}

func (r *run) positions(cits []Citation) [][]citeInfo {
	out := make([][]citeInfo, len(cits))
	lastNote := map[string]int{}
	dist := 5
	if v := r.p.style.citation.a("near-note-distance"); v != "" {
		dist = atoi(v)
	}
	for k, cl := range cits {
		note := cl.NoteIndex
		if note == 0 {
			note = k + 1
		}
		out[k] = make([]citeInfo, len(cl.Items))
		for j, ci := range cl.Items {
			info := citeInfo{}
			ln, seen := lastNote[ci.ID]
			if !seen {
				info.pos = PositionFirst
				if st := r.states[ci.ID]; st != nil && st.firstNote == 0 {
					st.firstNote = note
				}
			} else {
				var prev *CitationItem
				if j > 0 {
					prev = &cl.Items[j-1]
				} else if pk := prevCitation(cits, k); pk >= 0 {
					// the previous citation (of the same kind, note or in-text)
					// must cite only this item; for a footnote, so must every
					// citation in that note
					pcs := []Citation{cits[pk]}
					if pn := cits[pk].NoteIndex; pn > 0 && pn != cl.NoteIndex {
						for q := pk - 1; q >= 0 && cits[q].NoteIndex == pn; q-- {
							pcs = append(pcs, cits[q])
						}
					}
					same := len(cits[pk].Items) > 0
					for _, pc := range pcs {
						for _, x := range pc.Items {
							if x.ID != ci.ID {
								same = false
							}
						}
					}
					if same {
						prev = &cits[pk].Items[len(cits[pk].Items)-1]
					}
				}
				switch {
				case prev == nil || prev.ID != ci.ID:
					info.pos = PositionSubsequent
				case ci.Locator == "" && prev.Locator == "":
					info.pos = PositionIbid
				case ci.Locator == "":
					info.pos = PositionSubsequent
				case ci.Locator == prev.Locator && ci.Label == prev.Label:
					info.pos = PositionIbid
				default:
					info.pos = PositionIbidWithLocator
				}
				info.nearNote = note-ln <= dist
			}
			lastNote[ci.ID] = note
			if ci.Position != nil {
				info.pos = *ci.Position
			}
			out[k][j] = info
		}
	}
	return out
}

// prevCitation returns the index of the citation before k of the same kind
// (in a footnote or in the text), or -1.
func prevCitation(cits []Citation, k int) int {
	inText := cits[k].NoteIndex == 0
	for q := k - 1; q >= 0; q-- {
		if (cits[q].NoteIndex == 0) == inText {
			return q
		}
	}
	return -1
}

func (r *run) cite(cits []Citation) []Output {
	pos := r.positions(cits)
	cit := r.p.style.citation
	layout := cit.child("layout")
	out := make([]Output, len(cits))
	for k, cl := range cits {
		type rc struct {
			ci   CitationItem
			info citeInfo
			st   *itemState
		}
		var cs []rc
		for j, ci := range cl.Items {
			cs = append(cs, rc{ci, pos[k][j], r.states[ci.ID]})
		}
		if s := cit.child("sort"); s != nil && len(cs) > 1 {
			sts := make([]*itemState, len(cs))
			for i := range cs {
				sts[i] = cs[i].st
			}
			perm := r.sortCites(sts, s, cit)
			ncs := make([]rc, len(cs))
			for i, j := range perm {
				ncs[i] = cs[j]
			}
			cs = ncs
		}
		var rendered []*renderedCite
		for i := range cs {
			c := cs[i]
			ci := c.ci
			rc := r.renderCite(c.st, &ci, c.info, layout, false)
			if r.p.style.Class == "note" && rc.n != nil {
				p := strings.TrimRight(ci.Prefix, " \u00a0\"'”’)")
				// a one-word prefix ending in a period is an abbreviation
				oneWord := !strings.ContainsAny(strings.TrimSpace(p), " \u00a0")
				if i == 0 && p == "" || (strings.HasSuffix(p, ".") && !oneWord) || strings.HasSuffix(p, "!") || strings.HasSuffix(p, "?") {
					capitalizeLeadingTerm(rc.n)
				}
			}
			if len(rendered) > 0 {
				rc.prev = rendered[len(rendered)-1]
			}
			rendered = append(rendered, rc)
		}
		n := r.collapse(rendered, cit, layout)
		if n != nil {
			lf := layout.f
			lf.delimiter = ""
			n = applyLayoutFmt(n, &lf, r.p.lc)
		}
		out[k] = Output{finish(n, r.p.lc)}
	}
	return out
}

type renderedCite struct {
	prev  *renderedCite // the cite before in the cluster
	st    *itemState
	ci    *CitationItem
	info  citeInfo
	n     *node
	names string // rendered first names (for collapsing)
}

func (r *run) renderCite(st *itemState, ci *CitationItem, info citeInfo, layout *element, suppressAuthor bool) *renderedCite {
	c := r.newCtx(st, "citation")
	c.cite = ci
	c.position = info.pos
	c.nearNote = info.nearNote
	c.suppressed = map[string]bool{}
	c.suppressAuthor = suppressAuthor || ci.SuppressAuthor
	n := c.renderKids(layout, "")
	rc := &renderedCite{st: st, ci: ci, info: info}
	if ci.AuthorOnly {
		n = findTag(n, tagNames)
	}
	if n == nil && !ci.AuthorOnly && !c.suppressAuthor {
		n = leaf("[CSL STYLE ERROR: reference with no printed form.]")
	}
	if nn := findTag(n, tagNames); nn != nil {
		rc.names = nn.html()
	}
	if n != nil && (ci.Prefix != "" || ci.Suffix != "") {
		var ks []*node
		if ci.Prefix != "" {
			ks = append(ks, &node{kids: []*node{parseRich(ci.Prefix)}, tag: tagPrefix})
		}
		ks = append(ks, n)
		if ci.Suffix != "" {
			ks = append(ks, &node{kids: []*node{parseRich(ci.Suffix)}, tag: tagSuffix})
		}
		n = &node{kids: ks}
	}
	rc.n = n
	return rc
}

// capitalizeLeadingTerm capitalizes a term that begins a note citation
// (or follows a prefix ending a sentence).
func capitalizeLeadingTerm(n *node) {
	var first *node
	var walk func(x *node) bool
	walk = func(x *node) bool {
		if x == nil || x.tag == tagPrefix {
			return false
		}
		if len(x.kids) == 0 {
			if x.text != "" {
				first = x
				return true
			}
			return false
		}
		for _, k := range x.kids {
			if walk(k) {
				return true
			}
		}
		return false
	}
	walk(n)
	if first != nil && first.tag == tagTerm {
		first.text = capFirst(first.text)
	}
}

func findTag(n *node, t nodeTag) *node {
	if n == nil {
		return nil
	}
	if n.tag == t {
		return n
	}
	for _, k := range n.kids {
		if f := findTag(k, t); f != nil {
			return f
		}
	}
	return nil
}

func (r *run) bibliography() []Entry {
	b := r.p.style.bibliography
	layout := b.child("layout")
	sas, hasSAS := b.attr["subsequent-author-substitute"]
	rule := b.a("subsequent-author-substitute-rule")
	if rule == "" {
		rule = "complete-all"
	}
	align := b.a("second-field-align") != ""
	var prevNames []string
	out := make([]Entry, 0, len(r.bib))
	for _, st := range r.bib {
		c := r.newCtx(st, "bibliography")
		c.suppressed = map[string]bool{}
		var n *node
		if align {
			var parts []*node
			for _, k := range layout.kids {
				if x := c.render(k); x != nil {
					parts = append(parts, x)
				}
			}
			if len(parts) > 0 {
				first := &node{kids: []*node{parts[0]}, display: "left-margin"}
				if layout.f.prefix != "" {
					first = &node{kids: []*node{leaf(layout.f.prefix), parts[0]}, display: "left-margin"}
				}
				rest := join(parts[1:], "")
				if layout.f.suffix != "" {
					rest = group(rest, leaf(layout.f.suffix))
				}
				lf := layout.f
				lf.prefix, lf.suffix = "", ""
				if rest != nil {
					rest = applyFmt(rest, &lf, r.p.lc, true)
					n = group(first, &node{kids: []*node{rest}, display: "right-inline"})
				} else {
					n = first
				}
			}
		} else {
			n = c.renderKids(layout, "")
			if n != nil {
				lf := layout.f
				n = applyLayoutFmt(n, &lf, r.p.lc)
			}
		}
		if hasSAS {
			if nn := findTag(n, tagNames); nn != nil {
				cur := nn.names
				substituteAuthor(nn, prevNames, sas, rule)
				prevNames = cur
			} else {
				prevNames = nil
			}
		}
		if n == nil {
			// citeproc-js leaves out entries with no printed form
			continue
		}
		out = append(out, Entry{ID: st.item.ID, Output: Output{finish(n, r.p.lc)}})
	}
	return out
}

func substituteAuthor(nn *node, prev []string, sub, rule string) {
	cur := nn.names
	if len(prev) == 0 || len(cur) == 0 {
		return
	}
	same := len(prev) == len(cur)
	for i := range cur {
		if i >= len(prev) || cur[i] != prev[i] {
			same = false
		}
	}
	switch rule {
	case "complete-all":
		if same {
			lists := collectTag(nn, tagNameList, nil)
			if len(lists) == 0 {
				lists = []*node{nn}
			}
			for i, l := range lists {
				l.text = ""
				l.kids = nil
				if i == 0 && sub != "" {
					l.kids = []*node{leaf(sub)}
				}
			}
		}
	case "complete-each", "partial-each", "partial-first":
		names := collectTag(nn, tagOneName, nil)
		if len(names) == 0 {
			// a substituted title or the like counts as one name
			names = []*node{nn}
		}
		for i, n := range names {
			if i >= len(prev) || i >= len(cur) {
				break
			}
			if rule == "complete-each" && !same {
				break
			}
			if rule != "complete-each" && cur[i] != prev[i] {
				break
			}
			n.kids = []*node{leaf(sub)}
			n.text = ""
			if rule == "partial-first" {
				break
			}
		}
	}
}

func collectTag(n *node, t nodeTag, out []*node) []*node {
	if n == nil {
		return out
	}
	if n.tag == t {
		return append(out, n)
	}
	for _, k := range n.kids {
		out = collectTag(k, t, out)
	}
	return out
}
