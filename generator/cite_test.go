package generator

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"pamphlet/generator/resolve"
	csldata "pamphlet/third_party/csl"
)

const citingSite = `
-- site.yaml --
title: Clinic leaflets
base_url: https://clinic.example/
-- content/_index.md --
---
title: Home
---
MBT helped [@bateman1999, p. 1565] and @bateman2009 agreed [@bateman1999; @nice].
See [the list](#references) and [the trial](#ref-bateman1999).
-- content/therapy.md --
---
title: Therapy
bibliography: [extra.bib]
---
Groups help [@extra2020].
-- content/extra.bib --
@article{extra2020,
  author = {Doe, Jane},
  title = {Groups},
  journal = {Journal of Groups},
  year = {2020},
}
-- content/references.bib --
@article{bateman1999,
  author = {Bateman, Anthony and Fonagy, Peter},
  title = {Effectiveness of partial hospitalization},
  journal = {American Journal of Psychiatry},
  shortjournal = {Am J Psychiatry},
  year = {1999},
  volume = {156},
  number = {10},
  pages = {1563--1569},
  doi = {10.1176/ajp.156.10.1563},
}
@article{bateman2009,
  author = {Bateman, Anthony and Fonagy, Peter},
  title = {Randomized controlled trial of outpatient MBT},
  journal = {American Journal of Psychiatry},
  year = {2009},
  volume = {166},
  pages = {1355--1364},
}
@techreport{nice,
  author = {{National Institute for Health and Care Excellence}},
  title = {Borderline personality disorder: recognition and management},
  institution = {NICE},
  year = {2009},
  url = {https://www.nice.org.uk/guidance/cg78},
}
`

func TestCitations(t *testing.T) {
	s := newTestSite(t, citingSite)
	res := s.mustBuild()
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics:\n%s", res.Diagnostics)
	}
	home := s.read("index.html")
	assertContains(t, home,
		// AMA: numbers in order of first citation, locator in the superscript.
		`<sup><a class="cite" href="#ref-bateman1999" id="cite-1" aria-describedby="citation-1-refs">1</a>(p1565)</sup>`,
		// Author in text: the names link too, and carry the cite's id.
		`<a class="cite" href="#ref-bateman2009" id="cite-2" aria-describedby="citation-2-refs">Bateman and Fonagy</a><sup><a class="cite" href="#ref-bateman2009" aria-describedby="citation-2-refs">2</a></sup>`,
		// The same work keeps its number; the popup holds the full reference.
		`>1</a>,<a class="cite" href="#ref-nice"`,
		`<span class="cite-popup" role="tooltip" id="citation-1-refs"><span class="cite-popup-entry">Bateman A, Fonagy P. Effectiveness of partial hospitalization.`,
		// The reference list, with DOI links and back-links.
		`<section class="references references-numeric" aria-labelledby="references">`,
		`<li id="ref-bateman1999">Bateman A, Fonagy P. Effectiveness of partial hospitalization. <i>Am J Psychiatry</i>. 1999;156(10):1563-1569. <a href="https://doi.org/10.1176/ajp.156.10.1563">doi:10.1176/ajp.156.10.1563</a>`,
		`<a href="#cite-1" aria-label="Back to citation 1">↩1</a> <a href="#cite-3" aria-label="Back to citation 2">↩2</a>`,
		`<script src="/js/cite.js" defer></script>`,
	)
	// A page's own bibliography adds to the site's.
	assertContains(t, s.read("therapy/index.html"), `<li id="ref-extra2020">Doe J. Groups. <i>Journal of Groups</i>. Published online 2020.`)
	assertNotContains(t, s.read("404.html"), "cite.js")
	// The site-wide list: every work once, with the pages that cite it.
	refs := s.read("references/index.html")
	assertContains(t, refs, `<h1>References</h1>`, `<li id="ref-bateman1999">`, `Cited on: <a href="/">Home</a>`, `Cited on: <a href="/therapy/">Therapy</a>`,
		`<li id="ref-extra2020">Doe J. Groups. <i>Journal of Groups</i>. Published online 2020.`,
		`References formatted with the Citation Style Language (<a href="https://citationstyles.org/">citationstyles.org</a>), style: AMA Manual of Style 11th edition.`)
	if strings.Count(refs, `<li id="ref-bateman1999">`) != 1 {
		t.Error("a work is listed twice on the references page")
	}
}

func TestCitationStyles(t *testing.T) {
	for _, tt := range []struct {
		style string
		want  []string
	}{
		{"vancouver", []string{`(<a class="cite" href="#ref-bateman1999" id="cite-1" aria-describedby="citation-1-refs">1</a>)`, "references-numeric", "<ol>"}},
		{"apa", []string{
			`(<a class="cite" href="#ref-bateman1999" id="cite-1" aria-describedby="citation-1-refs">Bateman &#38; Fonagy, 1999, p. 1565</a>)`,
			// Author in text: the names, then the year in parentheses.
			`<a class="cite" href="#ref-bateman2009" id="cite-2" aria-describedby="citation-2-refs">Bateman &#38; Fonagy</a> (<a class="cite" href="#ref-bateman2009" aria-describedby="citation-2-refs">2009</a>)`,
			"references-author-date", "<ul>",
			// Alphabetical: Bateman before NICE.
			`<li id="ref-bateman1999">Bateman, A., &#38; Fonagy, P. (1999).`,
		}},
		{"harvard", []string{`(<a class="cite" href="#ref-bateman1999" id="cite-1" aria-describedby="citation-1-refs">Bateman and Fonagy, 1999, p. 1565</a>)`, "references-author-date"}},
		{"chicago-author-date", []string{`(<a class="cite" href="#ref-bateman1999" id="cite-1" aria-describedby="citation-1-refs">Bateman and Fonagy 1999, 1565</a>)`}},
		{"bmj", []string{`[<a class="cite" href="#ref-bateman1999" id="cite-1"`, "references-numeric"}},
		{"lancet", []string{`<a class="cite" href="#ref-bateman1999" id="cite-1"`}},
	} {
		t.Run(tt.style, func(t *testing.T) {
			s := newTestSite(t, citingSite)
			s.write("site.yaml", "title: T\nbase_url: https://clinic.example/\ncitation_style: "+tt.style+"\n")
			res := s.mustBuild()
			if len(res.Diagnostics) != 0 {
				t.Errorf("diagnostics:\n%s", res.Diagnostics)
			}
			assertContains(t, s.read("index.html"), tt.want...)
		})
	}
}

// myClinicCSL is a small independent style of a site's own: numbers in
// brackets, and a reference list of author, title and year.
const myClinicCSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never">
  <info>
    <title>Riverside Clinic</title>
    <id>http://clinic.example/styles/riverside</id>
    <category citation-format="numeric"/>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author"><name initialize-with="" name-as-sort-order="all" sort-separator=" " delimiter=", "/></names>
  </macro>
  <citation collapse="citation-number">
    <sort><key variable="citation-number"/></sort>
    <layout prefix="[" suffix="]" delimiter=",">
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text variable="title"/>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </bibliography>
</style>
`

// TestSiteStyleFile: a site's own .csl file, and one that depends on a
// built-in style.
func TestSiteStyleFile(t *testing.T) {
	s := newTestSite(t, citingSite)
	s.write("styles/my-clinic.csl", myClinicCSL)
	s.write("site.yaml", "title: T\nbase_url: https://clinic.example/\ncitation_style: styles/my-clinic.csl\n")
	if res := s.mustBuild(); len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics:\n%s", res.Diagnostics)
	}
	assertContains(t, s.read("index.html"),
		`[<a class="cite" href="#ref-bateman1999" id="cite-1" aria-describedby="citation-1-refs">1</a>]`,
		`<li id="ref-bateman1999">Bateman A, Fonagy P. Effectiveness of partial hospitalization. 1999. <span class="backlinks"><a href="#cite-1"`)
	assertContains(t, s.read("references/index.html"), "style: Riverside Clinic.")

	s.write("styles/dependent.csl", `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info>
    <title>Riverside Clinic (APA)</title>
    <id>http://clinic.example/styles/riverside-apa</id>
    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
    <category citation-format="author-date"/>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
</style>
`)
	s.write("site.yaml", "title: T\nbase_url: https://clinic.example/\ncitation_style: styles/dependent.csl\n")
	if res := s.mustBuild(); len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics:\n%s", res.Diagnostics)
	}
	assertContains(t, s.read("index.html"), `Bateman &#38; Fonagy, 1999, p. 1565</a>)`, "references-author-date")
	assertContains(t, s.read("references/index.html"), "style: Riverside Clinic (APA).")
}

func TestCitationDiagnostics(t *testing.T) {
	tests := []breakCase{
		{
			name:  "unknown key",
			files: map[string]string{"content/therapy.md": "---\ntitle: Therapy\n---\nGroups help, says the trial [@bateman1998].\n"},
			want:  []string{`content/therapy.md:4:30: error: unknown citation key "bateman1998" (did you mean "bateman1999"?)`},
			fails: true,
		},
		{
			// Found by fuzzing: the cluster was left out, its known work was
			// listed, and formatting the list with no cluster panicked.
			name:  "an unknown key beside a known one",
			files: map[string]string{"content/therapy.md": "---\ntitle: Therapy\n---\n[@zzz; @nice]\n", "site.yaml": "title: T\nbase_url: https://clinic.example/\ncitation_style: apa\n"},
			want:  []string{`content/therapy.md:4:2: error: unknown citation key "zzz"`},
			fails: true,
		},
		{
			name:  "unknown key far from any",
			files: map[string]string{"content/therapy.md": "---\ntitle: Therapy\n---\n[@zzz]\n"},
			want:  []string{`content/therapy.md:4:2: error: unknown citation key "zzz"; add the work to the bibliography (content/references.bib) or check the key`},
			fails: true,
		},
		{
			name:  "key defined in two files",
			files: map[string]string{"content/references.json": `[{"id": "bateman1999", "type": "book", "title": "Dup", "issued": {"date-parts": [[1999]]}}]`},
			want:  []string{`content/references.json:1: error: the key "bateman1999" is defined twice: here and at content/references.bib:1`},
			fails: true,
		},
		{
			name:  "malformed BibTeX",
			files: map[string]string{"content/references.bib": "@article{bateman1999,\n  title = {Unclosed,\n  year = 1999\n"},
			want:  []string{`content/references.bib:`, `error:`},
			fails: true,
		},
		{
			name:  "unused entry",
			files: map[string]string{"content/references.bib": citedBib + "@article{lonely, title = {Alone}, year = 2001}\n"},
			want: []string{
				`warning: no page cites "lonely": cite it with [@lonely], or remove it from the bibliography`,
			},
		},
		{
			name:  "missing field of a cited entry",
			files: map[string]string{"content/references.bib": strings.NewReplacer("journal = {American Journal of Psychiatry},", "", "shortjournal = {Am J Psychiatry},", "").Replace(citedBib)},
			want:  []string{`content/references.bib:1: warning: entry "bateman1999" has no journal`},
		},
		{
			name:  "unknown style",
			files: map[string]string{"site.yaml": "title: T\ncitation_style: mla\n"},
			want:  []string{`site.yaml:2:17: error: citation_style "mla" is not a style Pamphlet knows: use ama, apa, bmj, chicago-author-date, harvard, harvard-cite-them-right, lancet, vancouver, or the path of a .csl file in the site (e.g. styles/my-clinic.csl)`},
			fails: true,
		},
		{
			name:  "missing style file",
			files: map[string]string{"site.yaml": "title: T\ncitation_style: styles/nope.csl\n"},
			want:  []string{`site.yaml:2:17: error: citation_style "styles/nope.csl": there is no such file`},
			fails: true,
		},
		{
			name:  "style file outside the site",
			files: map[string]string{"site.yaml": "title: T\ncitation_style: ../shared/ama.csl\n"},
			want:  []string{`site.yaml:2:17: error: citation_style "../shared/ama.csl" is outside the site folder`},
			fails: true,
		},
		{
			name:  "style file that is not XML",
			files: map[string]string{"site.yaml": "title: T\ncitation_style: styles/bad.csl\n", "styles/bad.csl": "<style>\n<info>\n<title>Bad</title>\n</style\n"},
			want:  []string{`styles/bad.csl:`, `error: this is not a citation style Pamphlet can use:`},
			fails: true,
		},
		{
			name: "style file with an unknown macro",
			files: map[string]string{
				"site.yaml":            "title: T\ncitation_style: styles/my-clinic.csl\n",
				"styles/my-clinic.csl": strings.Replace(myClinicCSL, `<text macro="author"/>`, `<text macro="authors"/>`, 1),
			},
			want:  []string{`styles/my-clinic.csl:21: error: this is not a citation style Pamphlet can use:`, `authors`},
			fails: true,
		},
		{
			name:  "missing page bibliography",
			files: map[string]string{"content/therapy.md": "---\ntitle: Therapy\nbibliography: nope.bib\n---\nText.\n"},
			want:  []string{`content/therapy.md:3: error: bibliography file "nope.bib" does not exist`},
			fails: true,
		},
		{
			name:  "link to a reference that is not cited",
			files: map[string]string{"content/therapy.md": "---\ntitle: Therapy\n---\nSee [NICE](index.md#ref-nice) and [x](_index.md#ref-nobody).\n"},
			want:  []string{`error: there is no heading with the anchor #ref-nobody in content/_index.md`},
			fails: true,
		},
	}
	runBreakCases(t, citingSite, tests)
}

// TestManyUncitedEntriesAreSummedUp: a clinic's whole reference library
// as the bibliography, of which the site cites one, gives a few warnings
// and a sum, not one warning an entry; Verbose lists them all.
func TestManyUncitedEntriesAreSummedUp(t *testing.T) {
	var lib strings.Builder
	lib.WriteString(citedBib)
	for i := range 2000 {
		fmt.Fprintf(&lib, "@book{lib%d, title = {Book %d}, year = 2001}\n", i, i)
	}
	s := newTestSite(t, citingSite)
	s.write("content/references.bib", lib.String())
	got := s.mustBuild().Diagnostics.String()
	if n := strings.Count(got, "warning: no page cites"); n != resolve.UncitedListed-1 {
		t.Errorf("%d entries listed one by one, want %d:\n%s", n, resolve.UncitedListed-1, got)
	}
	assertContains(t, got, `content/references.bib:31: warning: 1996 more entries in this file are cited by no page ("lib4", "lib5", "lib6" and 1993 more): cite them, or remove them; pamphlet check --verbose lists each one`)
	if strings.Contains(got, `"lib9" has no`) {
		t.Errorf("missing fields of entries no page shows are reported:\n%s", got)
	}
	r, err := Check(context.Background(), Options{Site: s.root, Theme: defaultTheme, Workers: 2, Verbose: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(r.Site.String(), "warning: no page cites"); n != 2000 {
		t.Errorf("verbose: %d entries listed, want 2000", n)
	}
}

// citedBib is the bibliography of citingSite.
var citedBib = citingSite[strings.Index(citingSite, "@article{bateman1999"):]

// TestLinksToReferenceAnchors: links to a page's reference list and its
// entries are checked against what the page cites.
func TestLinksToReferenceAnchors(t *testing.T) {
	s := newTestSite(t, citingSite)
	s.mustBuild()
	s.write("content/about.md", "---\ntitle: About\n---\nSee [the trial](_index.md#ref-bateman199), [the list](_index.md#references) and [nothing](therapy.md#ref-bateman1999) or [a list](about.md#references).\n")
	res, err := s.build()
	got := diagnostics(res, err)
	assertContains(t, got, `content/about.md:4:5: error: there is no heading with the anchor #ref-bateman199 in content/_index.md (did you mean #ref-bateman1999?)`)
	assertContains(t, got, `error: there is no heading with the anchor #ref-bateman1999 in content/therapy.md; its anchors are #ref-extra2020, #references`)
	assertContains(t, got, `error: there is no heading with the anchor #references on this page; that page has no headings to link to`)
	if strings.Contains(got, "_index.md#references") || strings.Count(got, "error:") != 3 {
		t.Errorf("want exactly the three errors above:\n%s", got)
	}
}

// TestSiteStyleFileIsAnInput: editing a site's own .csl file, outside the
// site's folders, makes the next build rebuild, not call it up to date.
func TestSiteStyleFileIsAnInput(t *testing.T) {
	s := newTestSite(t, citingSite)
	src, err := csldata.FS.ReadFile("styles/american-medical-association.csl")
	if err != nil {
		t.Fatal(err)
	}
	s.write("styles/clinic.csl", string(src))
	s.write("site.yaml", "title: T\nbase_url: https://clinic.example/\ncitation_style: styles/clinic.csl\n")
	s.mustBuild()
	if !s.mustBuild().UpToDate {
		t.Fatal("a second build with nothing changed was not up to date")
	}
	s.write("styles/clinic.csl", strings.Replace(string(src), "<title>", "<title>Our ", 1))
	if s.mustBuild().UpToDate {
		t.Error("an edit to the site's own .csl was taken for no change")
	}
}
