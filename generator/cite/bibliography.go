package cite

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"pamphlet/generator/cite/csl"
	"pamphlet/generator/diag"
	"pamphlet/internal/textdist"
)

// Bibliography is the set of works pages can cite, by key. A page's own
// bibliography sits on top of the site's: Lookup tries the page's entries
// first, then its parent's. A Bibliography is read-only once made and safe
// for concurrent use.
type Bibliography struct {
	parent  *Bibliography
	entries map[string]*Entry
	order   []*Entry // own entries in file order

	// procs holds a processor (*lazyProcessor) for each style the
	// bibliography is formatted in: the site's style, and that style in
	// each other language of the site (Style.In).
	procs sync.Map
	// forms holds each entry's formatted reference (*formatted, by
	// formKey) for styles whose entries do not depend on the document
	// (Style.independent).
	forms sync.Map
}

// NewBibliography makes a bibliography of the entries read from one or
// more files, on top of parent (which may be nil). A key defined twice,
// in one file or in two, or already in parent, is an error that names both
// places; the first definition is kept.
func NewBibliography(parent *Bibliography, sets ...[]Entry) (*Bibliography, diag.List) {
	var diags diag.List
	b := &Bibliography{parent: parent, entries: map[string]*Entry{}}
	for _, set := range sets {
		for i := range set {
			e := &set[i]
			first := b.entries[e.ID]
			if first == nil && parent != nil {
				first = parent.Lookup(e.ID)
			}
			if first != nil {
				if first.File == e.File {
					continue // the reader has reported it already
				}
				diags.Errorf(e.File, e.Line, 0, "the key %q is defined twice: here and at %s:%d; delete one, or give one a new key", e.ID, first.File, first.Line)
				continue
			}
			b.entries[e.ID] = e
			b.order = append(b.order, e)
		}
	}
	return b, diags
}

// Lookup returns the entry for key, or nil.
func (b *Bibliography) Lookup(key string) *Entry {
	for ; b != nil; b = b.parent {
		if e, ok := b.entries[key]; ok {
			return e
		}
	}
	return nil
}

// Entries returns every entry, the parent's first, each in file order.
func (b *Bibliography) Entries() []*Entry {
	if b == nil {
		return nil
	}
	return append(b.parent.Entries(), b.order...)
}

// Own returns the entries defined in this bibliography itself, without the
// parent's.
func (b *Bibliography) Own() []*Entry { return b.order }

// Suggest returns the key nearest to an unknown one, if one is close
// enough to be a likely typo, or "".
func (b *Bibliography) Suggest(key string) string {
	entries := b.Entries()
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	sort.Strings(ids)
	return textdist.Closest(key, ids, 4)
}

// processor returns the CSL processor for style s with every entry of this
// bibliography (its parent's too) registered, made once: every page that
// cites from the site's bibliography shares it (Cite and Bibliography are
// safe for concurrent use once registered). A page with its own
// bibliography file has a Bibliography of its own, and so a processor of
// its own.
func (b *Bibliography) processor(s *Style) (*csl.Processor, error) {
	v, _ := b.procs.LoadOrStore(s, &lazyProcessor{})
	lp := v.(*lazyProcessor)
	lp.once.Do(func() { lp.proc, lp.err = s.newProcessor(b.Entries()) })
	return lp.proc, lp.err
}

// lazyProcessor is a processor made the first time it is needed.
type lazyProcessor struct {
	once sync.Once
	proc *csl.Processor
	err  error
}

// formatted is an entry's reference as a list shows it and as a popup
// shows it.
type formatted struct{ html, popup string }

// formKey is an entry formatted by a style.
type formKey struct {
	style *Style
	entry *Entry
}

// formatted returns e formatted alone by s's processor proc, once per
// bibliography and style: only for styles whose entries are the same in
// every document.
func (b *Bibliography) formatted(s *Style, proc *csl.Processor, e *Entry) (*formatted, error) {
	key := formKey{s, e}
	if f, ok := b.forms.Load(key); ok {
		return f.(*formatted), nil
	}
	out, err := proc.Bibliography(csl.Citation{ID: "entry", Items: []csl.CitationItem{{ID: e.ID}}})
	if err != nil {
		return nil, err
	}
	if len(out) != 1 {
		return nil, fmt.Errorf("the processor left %q out of the reference list", e.ID)
	}
	h := referenceHTML(out[0].HTML(), e)
	f, _ := b.forms.LoadOrStore(key, &formatted{html: h, popup: popupHTML(h)})
	return f.(*formatted), nil
}

// DefaultFiles are the bibliography files a site has without saying so,
// relative to content/.
var DefaultFiles = []string{"references.bib", "references.json"}

// Parse reads a bibliography file by its extension: .json is CSL-JSON,
// anything else BibTeX.
func Parse(file string, src []byte) ([]Entry, diag.List) {
	var entries []Entry
	var diags diag.List
	if strings.EqualFold(path.Ext(file), ".json") {
		entries, diags = ParseCSLJSON(file, src)
	} else {
		entries, diags = ParseBibTeX(file, src)
	}
	return entries, diags
}
