package resolve

import (
	"fmt"
	"strconv"
	"strings"

	"pamphlet/generator/cite"
	"pamphlet/generator/load"
	"pamphlet/generator/page"
	"pamphlet/generator/site"
)

// UncitedListed is how many entries that no page cites are warned about
// one by one, in each bibliography file, before the rest are summed up in
// one warning (all of them with Options.Verbose).
const UncitedListed = 5

// checkBibliography reports the site's entries that no page cites, and the
// fields the style needs that a cited entry lacks (or any entry, when
// verbose). A large bibliography of which a site cites a few is common
// (a clinic's whole reference library): its uncited entries are summed
// up per file, unless verbose.
func (s *Site) checkBibliography(b *load.Bibliographies, verbose bool) {
	cited := map[string]bool{}
	for _, p := range s.Pages {
		if p.Cited == nil {
			continue
		}
		for _, l := range p.Cited.List {
			cited[l.Entry.ID] = true
		}
	}
	uncited := map[string][]*cite.Entry{} // by file, in file order
	var files []string
	for _, e := range b.Site().Entries() {
		if !cited[e.ID] {
			if uncited[e.File] == nil {
				files = append(files, e.File)
			}
			uncited[e.File] = append(uncited[e.File], e)
			if !verbose {
				continue
			}
		}
		if missing := b.Style().Missing(e); len(missing) > 0 {
			s.Diags.Warnf(e.File, e.Line, 0, "entry %q has no %s, which its citation style (%s) shows: add it if you can, or the reference will be shown without it", e.ID, strings.Join(missing, " or "), b.Style().Title)
		}
	}
	for _, f := range files {
		list := uncited[f]
		shown := list
		if !verbose && len(list) > UncitedListed {
			shown = list[:UncitedListed-1]
		}
		for _, e := range shown {
			s.Diags.Warnf(e.File, e.Line, 0, "no page cites %q: cite it with [@%s], or remove it from the bibliography", e.ID, e.ID)
		}
		if rest := list[len(shown):]; len(rest) > 0 {
			keys := make([]string, 0, 3)
			for _, e := range rest[:min(3, len(rest))] {
				keys = append(keys, strconv.Quote(e.ID))
			}
			more := ""
			if len(rest) > len(keys) {
				more = fmt.Sprintf(" and %d more", len(rest)-len(keys))
			}
			s.Diags.Warnf(f, rest[0].Line, 0, "%d more entries in this file are cited by no page (%s%s): cite them, or remove them; pamphlet check --verbose lists each one", len(rest), strings.Join(keys, ", "), more)
		}
	}
}

// Reference is one work on the site-wide references page.
type Reference struct {
	ID      string
	HTML    string
	CitedOn []*page.Page
}

// siteReferences lists every work cited anywhere on the site once, in the
// style's bibliography order, with the pages that cite it: the works are
// formatted as one document that cites each once, in the order of first
// citation over the pages (which is the order of numeric styles).
func (s *Site) siteReferences(b *load.Bibliographies) []Reference {
	byKey := map[string]*Reference{}
	var entries []*cite.Entry
	for _, p := range s.Pages {
		if p.Cited == nil {
			continue
		}
		for _, l := range p.Cited.List {
			r, ok := byKey[l.Entry.ID]
			if !ok {
				r = &Reference{ID: cite.Anchor(l.Entry.ID)}
				byKey[l.Entry.ID] = r
				entries = append(entries, l.Entry)
			}
			r.CitedOn = append(r.CitedOn, p)
		}
	}
	// A page's own bibliography file may define entries the site's does
	// not: they are formatted with a bibliography that holds them all.
	bib := b.Site()
	var extra [][]cite.Entry
	for _, e := range entries {
		if b.Site().Lookup(e.ID) != e {
			extra = append(extra, []cite.Entry{*e})
		}
	}
	if len(extra) > 0 {
		bib, _ = cite.NewBibliography(nil, append([][]cite.Entry{entryValues(b.Site().Entries())}, extra...)...)
	}
	list, err := cite.FormatAll(bib, b.Style(), entries)
	if err != nil {
		s.Diags.Errorf(site.ConfigFile, 0, 0, "the citation style %s could not format the site-wide reference list: %v", b.Style().Name, err)
		return nil
	}
	out := make([]Reference, 0, len(list))
	for _, l := range list {
		r := byKey[l.Entry.ID]
		r.HTML = l.HTML
		out = append(out, *r)
	}
	return out
}

// entryValues copies entries into a slice of values, for NewBibliography.
func entryValues(es []*cite.Entry) []cite.Entry {
	out := make([]cite.Entry, len(es))
	for i, e := range es {
		out[i] = *e
	}
	return out
}
