package csl_test

import (
	"strings"
	"testing"

	"pamphlet/generator/cite/csl"
)

// TestAPAYearSuffix checks APA 7's disambiguation of the same authors in
// the same year (letters after the year, in citations and bibliography) and
// of first authors sharing a surname (initials in every citation).
func TestAPAYearSuffix(t *testing.T) {
	p, err := csl.NewProcessor(loadStyle(t, "apa.csl"), embeddedLocales(t), "")
	if err != nil {
		t.Fatal(err)
	}
	items, err := csl.ParseItems([]byte(`[
	{"id":"b","type":"article-journal","title":"Beta study","container-title":"Journal","author":[{"family":"Okafor","given":"Chidi"},{"family":"Smith","given":"Jane"}],"issued":{"date-parts":[[2020]]}},
	{"id":"a","type":"article-journal","title":"Alpha study","container-title":"Journal","author":[{"family":"Okafor","given":"Chidi"},{"family":"Smith","given":"Jane"}],"issued":{"date-parts":[[2020]]}},
	{"id":"c","type":"book","title":"Gamma","author":[{"family":"Okafor","given":"Ngozi"}],"issued":{"date-parts":[[2021]]},"publisher":"Press"},
	{"id":"d","type":"book","title":"Delta","author":[{"family":"Okafor","given":"Chidi"}],"issued":{"date-parts":[[2021]]},"publisher":"Press"}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	p.Register(items)
	cits := []csl.Citation{{Items: []csl.CitationItem{{ID: "b"}, {ID: "a"}}}, {Items: []csl.CitationItem{{ID: "c"}, {ID: "d"}}}}
	out, err := p.Cite(cits...)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out[0].Text(), "(C. Okafor & Smith, 2020a, 2020b)"; got != want {
		t.Errorf("citation = %q, want %q", got, want)
	}
	if got, want := out[1].Text(), "(C. Okafor, 2021; N. Okafor, 2021)"; got != want {
		t.Errorf("citation = %q, want %q", got, want)
	}
	bib, _ := p.Bibliography(cits...)
	var texts []string
	for _, e := range bib {
		texts = append(texts, e.Text())
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Okafor, C., & Smith, J. (2020a). Alpha study. Journal.", "Okafor, C., & Smith, J. (2020b). Beta study. Journal."} {
		if !strings.Contains(all, want) {
			t.Errorf("bibliography lacks %q:\n%s", want, all)
		}
	}
}
