package cite

import (
	"path"
	"sort"
	"strings"
	"sync"

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

	suffixOnce sync.Once
	suffixes   map[string]string
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

// Style returns s with this bibliography's year letters (APA's 1999a and
// 1999b), so citations and reference lists agree on them on every page.
// Numeric styles come back unchanged.
func (b *Bibliography) Style(s Style) Style {
	if s.Numeric() {
		return s
	}
	return WithYearSuffixes(s, b.yearSuffixes())
}

// YearSuffix returns the APA year letter of an entry ("a" for 1999a), or
// "" when it needs none.
func (b *Bibliography) YearSuffix(id string) string { return b.yearSuffixes()[id] }

// yearSuffixes returns the APA year letters for this bibliography, worked
// out once over all its entries so they are the same on every page.
func (b *Bibliography) yearSuffixes() map[string]string {
	b.suffixOnce.Do(func() { b.suffixes = YearSuffixes(b.Entries()) })
	return b.suffixes
}

// DefaultFiles are the bibliography files a site has without saying so,
// relative to content/.
var DefaultFiles = []string{"references.bib", "references.json"}

// Parse reads a bibliography file by its extension: .json is CSL-JSON,
// anything else BibTeX. Each entry it returns caches its formatted forms
// (see reference), for as long as the entry is kept.
func Parse(file string, src []byte) ([]Entry, diag.List) {
	var entries []Entry
	var diags diag.List
	if strings.EqualFold(path.Ext(file), ".json") {
		entries, diags = ParseCSLJSON(file, src)
	} else {
		entries, diags = ParseBibTeX(file, src)
	}
	forms := make([]formCache, len(entries))
	for i := range entries {
		entries[i].forms = &forms[i]
	}
	return entries, diags
}

// sortEntries orders entries for an author-date reference list.
func sortEntries(s Style, list []Listed) {
	sort.SliceStable(list, func(i, j int) bool {
		return s.SortKey(list[i].Entry) < s.SortKey(list[j].Entry)
	})
}
