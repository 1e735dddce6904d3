package cite

import (
	"fmt"
	"strings"
	"testing"
)

// TestBibTeXToCSL checks each row of the BibTeX-to-CSL mapping table in
// docs/citations.md: an entry with the row's fields, read by the BibTeX
// reader and mapped by CSLItem, has the row's CSL variable. Keep the two
// in step.
func TestBibTeXToCSL(t *testing.T) {
	for _, tc := range []struct {
		entry string // the BibTeX entry, without its key
		csl   string // CSL variable: "type", a text variable, a name variable or a date
		want  string
	}{
		{`@article{, title={T}}`, "type", "article-journal"},
		{`@article{, entrysubtype={magazine}}`, "type", "article-magazine"},
		{`@book{, title={T}}`, "type", "book"},
		{`@incollection{, booktitle={The book}}`, "type", "chapter"},
		{`@incollection{, booktitle={The book}}`, "container-title", "The book"},
		{`@inbook{, title={T}}`, "type", "book"},
		{`@inproceedings{, booktitle={Proceedings of X}}`, "type", "paper-conference"},
		{`@inproceedings{, booktitle={Proceedings of X}}`, "container-title", "Proceedings of X"},
		{`@techreport{, institution={NICE}}`, "type", "report"},
		{`@techreport{, institution={NICE}}`, "publisher", "NICE"},
		{`@techreport{, type={Clinical guideline}}`, "genre", "Clinical guideline"},
		{`@phdthesis{, school={UCL}}`, "type", "thesis"},
		{`@phdthesis{, school={UCL}}`, "publisher", "UCL"},
		{`@phdthesis{, school={UCL}}`, "genre", "PhD thesis"},
		{`@online{, url={https://nhs.uk/}}`, "type", "webpage"},
		{`@misc{, title={T}}`, "type", "document"},
		{`@article{, journaltitle={Journal A}}`, "container-title", "Journal A"},
		{`@article{, journal={Journal B}}`, "container-title", "Journal B"},
		{`@article{, shortjournal={J Abbr}}`, "container-title-short", "J Abbr"},
		{`@article{, author={Bateman, Anthony and Fonagy, Peter}}`, "author", "Bateman, Anthony; Fonagy, Peter"},
		{`@article{, author={van Gogh, Vincent}}`, "author", "van Gogh, Vincent"},
		{`@article{, author={{World Health Organization}}}`, "author", "World Health Organization"},
		{`@book{, editor={Bateman, Anthony}}`, "editor", "Bateman, Anthony"},
		{`@article{, volume={156}}`, "volume", "156"},
		{`@article{, number={10}}`, "issue", "10"},
		{`@techreport{, number={CG78}}`, "number", "CG78"},
		{`@article{, pages={1563--1569}}`, "page", "1563-1569"},
		{`@article{, eid={e124}}`, "page", "e124"},
		{`@book{, edition={2}}`, "edition", "2"},
		{`@book{, publisher={Oxford University Press}}`, "publisher", "Oxford University Press"},
		{`@book{, address={Oxford}}`, "publisher-place", "Oxford"},
		{`@book{, location={London}}`, "publisher-place", "London"},
		{`@book{, series={Oxford Guides}}`, "collection-title", "Oxford Guides"},
		{`@article{, doi={https://doi.org/10.1176/ajp.156.10.1563}}`, "DOI", "10.1176/ajp.156.10.1563"},
		{`@article{, pmid={30852694}}`, "PMID", "30852694"},
		{`@article{, eprint={30852694}, eprinttype={pubmed}}`, "PMID", "30852694"},
		{`@article{, url={https://example.org/a}}`, "URL", "https://example.org/a"},
		{`@misc{, howpublished={\url{https://example.org/b}}}`, "URL", "https://example.org/b"},
		{`@book{, isbn={9780198570905}}`, "ISBN", "9780198570905"},
		{`@article{, issn={0002-953X}}`, "ISSN", "0002-953X"},
		{`@article{, note={Epub ahead of print}}`, "note", "Epub ahead of print"},
		{`@article{, year={1999}}`, "issued", "1999"},
		{`@article{, year={2009}, month=jan}`, "issued", "2009-1"},
		{`@article{, date={2020-11-12}}`, "issued", "2020-11-12"},
		{`@article{, year={in press}}`, "issued", "in press"},
		{`@online{, urldate={2024-01-15}}`, "accessed", "2024-1-15"},
	} {
		src := strings.Replace(tc.entry, "{,", "{key,", 1)
		entries, diags := ParseBibTeX("t.bib", []byte(src))
		if diags.HasErrors() || len(entries) != 1 {
			t.Errorf("%s: %v", tc.entry, diags)
			continue
		}
		it := CSLItem(&entries[0])
		var got string
		switch {
		case tc.csl == "type":
			got = it.Type
		case it.Names[tc.csl] != nil:
			var names []string
			for _, n := range it.Names[tc.csl] {
				names = append(names, strings.Trim(n.Literal+strings.TrimSpace(n.NonDroppingParticle+" "+n.Family)+", "+n.Given, ", "))
			}
			got = strings.Join(names, "; ")
		case it.Dates[tc.csl] != nil:
			d := it.Dates[tc.csl]
			got = d.Literal
			if len(d.Parts) > 0 {
				got = strings.Trim(strings.Join(strings.Fields(fmt.Sprint(d.Parts[0])), "-"), "[]")
			}
		default:
			got = it.Vars[tc.csl]
		}
		if got != tc.want {
			t.Errorf("%s -> %s = %q, want %q", tc.entry, tc.csl, got, tc.want)
		}
	}
}
