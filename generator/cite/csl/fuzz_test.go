package csl_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	csldata "pamphlet/third_party/csl"

	"pamphlet/generator/cite/csl"
)

// FuzzParseStyle checks that style parsing never panics, that errors name
// a line, and that a parsed style can format a reference without panicking.
// Run it with -fuzzminimizetime 0 (minimizing the long XML inputs is slow),
// and FUZZ_BIG_SEEDS=1 to start from the bundled styles.
func FuzzParseStyle(f *testing.F) {
	if os.Getenv("FUZZ_BIG_SEEDS") != "" {
		// the bundled styles are large seeds: slow to mutate, but thorough
		files, _ := fs.Glob(csldata.FS, "styles/*.csl")
		for _, file := range files {
			src, _ := fs.ReadFile(csldata.FS, file)
			f.Add(src)
		}
	}
	f.Add([]byte(`<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
<macro name="a"><names variable="author"><name initialize-with="." and="text"/><label prefix=" (" suffix=")"/><substitute><text variable="title"/></substitute></names></macro>
<citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" disambiguate-add-year-suffix="true" collapse="year">
<sort><key macro="a"/><key variable="issued"/></sort>
<layout delimiter="; " prefix="(" suffix=")"><group delimiter=", "><text macro="a"/><date variable="issued" form="text"/><choose><if position="ibid"><text term="ibid"/></if><else-if is-numeric="volume"><number variable="volume" form="ordinal"/></else-if></choose><label variable="locator" form="short"/><text variable="locator"/></group></layout></citation>
<bibliography second-field-align="flush" subsequent-author-substitute="---"><layout><text variable="citation-number" prefix="[" suffix="]"/><text macro="a" font-variant="small-caps"/><date variable="issued"><date-part name="year"/><date-part name="month" form="short" prefix=" "/></date><text variable="page" prefix=", "/></layout></bibliography>
</style>`))
	f.Add([]byte(`<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><citation><layout><text macro="nope"/></layout></citation></style>`))
	f.Add([]byte(`<style><citation><layout><names variable="author"><name/></names></layout></citation></style>`))
	f.Add([]byte(`<style`))
	item := csl.Item{ID: "a", Type: "book",
		Vars:  map[string]string{"title": "A <i>title</i>", "page": "1-5", "volume": "2"},
		Names: map[string][]csl.Name{"author": {{Family: "Doe", Given: "Jane"}, {Literal: "WHO"}}},
		Dates: map[string]*csl.Date{"issued": {Parts: [][]int{{2020, 1, 2}, {2021}}}}}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := csl.ParseStyle("fuzz.csl", src)
		if err != nil {
			var pe *csl.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || !strings.HasPrefix(err.Error(), "fuzz.csl:") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if s.IsDependent() {
			return
		}
		p, err := csl.NewProcessor(s, nil, "")
		if err != nil {
			return
		}
		if err := p.Register([]csl.Item{item}); err != nil {
			t.Fatal(err)
		}
		_, _ = p.Cite(csl.Citation{Items: []csl.CitationItem{{ID: "a", Locator: "3"}}})
		_, _ = p.Bibliography()
	})
}

func TestParseStyleErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"<style>\n<citation><layout>\n<text macro=\"nope\"/></layout></citation></style>", `x.csl:3: unknown macro "nope"`},
		{"<style>\n<citation><layout>\n<txt/></layout></citation></style>", "x.csl:3: <txt> is not a CSL element"},
		{"<style>\n<citation>\n<layout></citation></style>", "x.csl:3: invalid XML"},
		{"<style>\n</style>", "x.csl:1: the style has no <citation>"},
	}
	for _, c := range cases {
		_, err := csl.ParseStyle("x.csl", []byte(c.src))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ParseStyle(%q) = %v, want prefix %q", c.src, err, c.want)
		}
	}
}

func TestMacroCycle(t *testing.T) {
	src := "<style>\n<macro name=\"a\"><text macro=\"b\"/></macro>\n<macro name=\"b\"><text macro=\"a\"/></macro>\n<citation><layout><text macro=\"a\"/></layout></citation></style>"
	_, err := csl.ParseStyle("x.csl", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "calls itself") {
		t.Fatalf("got %v", err)
	}
}
