package cite

import (
	"strings"

	"pamphlet/generator/cite/csl"
)

// CSLItem maps an entry to the CSL-JSON item the processor formats. This is
// the one place where Pamphlet's Entry meets CSL: BibTeX and CSL-JSON are
// both read into Entry (bibtex.go, csljson.go; the BibTeX field mapping,
// which follows Zotero, pandoc and citeproc-js, is there and in
// docs/citations.md), and every entry reaches the processor through here.
// Entry is modelled on CSL-JSON, so the mapping is field for field; what
// it adds is dropping empty fields and writing dates as date-parts.
func CSLItem(e *Entry) csl.Item {
	it := csl.Item{
		ID:    e.ID,
		Type:  e.Type,
		Vars:  make(map[string]string, 16),
		Names: map[string][]csl.Name{},
		Dates: map[string]*csl.Date{},
	}
	if it.Type == "" {
		it.Type = "document"
	}
	set := func(name, v string) {
		if v = strings.TrimSpace(v); v != "" {
			it.Vars[name] = v
		}
	}
	set("title", e.Title)
	set("container-title", e.ContainerTitle)
	set("container-title-short", e.ContainerTitleShort)
	set("collection-title", e.Collection)
	set("publisher", e.Publisher)
	set("publisher-place", e.PublisherPlace)
	set("volume", e.Volume)
	set("issue", e.Issue)
	set("page", e.Page)
	set("edition", e.Edition)
	set("genre", e.Genre)
	set("number", e.Number)
	set("DOI", e.DOI)
	set("PMID", e.PMID)
	set("ISBN", e.ISBN)
	set("ISSN", e.ISSN)
	set("URL", e.URL)
	set("note", e.Note)
	// A journal article's article number (Cochrane's CD012955, an
	// e-locator) is its page for CSL styles: they print "page" where the
	// pages go, and "number" not at all for articles.
	if strings.HasPrefix(it.Type, "article") && it.Vars["page"] == "" && it.Vars["number"] != "" {
		it.Vars["page"] = it.Vars["number"]
	}
	if n := cslNames(e.Author); len(n) > 0 {
		it.Names["author"] = n
	}
	if n := cslNames(e.Editor); len(n) > 0 {
		it.Names["editor"] = n
	}
	if d := toCSLDate(e.Issued); d != nil {
		it.Dates["issued"] = d
	}
	if d := toCSLDate(e.Accessed); d != nil {
		it.Dates["accessed"] = d
	}
	return it
}

// cslNames maps names part for part. A list that BibTeX ended with "and
// others" has no CSL equivalent; the names that are known are given.
func cslNames(names []Name) []csl.Name {
	if len(names) == 0 {
		return nil
	}
	out := make([]csl.Name, 0, len(names))
	for _, n := range names {
		out = append(out, csl.Name{
			Family:              n.Family,
			Given:               n.Given,
			Literal:             n.Literal,
			NonDroppingParticle: n.Particle,
			DroppingParticle:    n.DroppingParticle,
			Suffix:              n.Suffix,
		})
	}
	return out
}

// toCSLDate writes a date as CSL date-parts, or a literal ("in press").
func toCSLDate(d Date) *csl.Date {
	switch {
	case d.Year != 0:
		parts := []int{d.Year}
		if d.Month != 0 {
			parts = append(parts, d.Month)
			if d.Day != 0 {
				parts = append(parts, d.Day)
			}
		}
		return &csl.Date{Parts: [][]int{parts}}
	case d.Literal != "":
		return &csl.Date{Literal: d.Literal}
	}
	return nil
}
