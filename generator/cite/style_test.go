package cite

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"

	"pamphlet/generator/cite/csl"
)

// The -update flag (var update, declared in spec_test.go) also rewrites
// testdata/styles/*.golden. The comment block at the top of a golden file
// is kept as it is.

// styleFixtures are entries of every shape the styles format. Most are the
// style manuals' own examples, so that a golden line can be compared with
// the published one; the ones marked invented exist to hit an author-count
// boundary.
func styleFixtures() []*Entry {
	names := func(s string) []Name {
		// "Family, Given; Family, Given, Suffix; {Literal}"
		var list []Name
		for _, p := range strings.Split(s, "; ") {
			if strings.HasPrefix(p, "{") {
				list = append(list, Name{Literal: strings.Trim(p, "{}")})
				continue
			}
			f := strings.Split(p, ", ")
			n := Name{Family: f[0]}
			if len(f) > 1 {
				n.Given = f[1]
			}
			if len(f) > 2 {
				n.Suffix = f[2]
			}
			list = append(list, n)
		}
		return list
	}
	return []*Entry{
		{ // 1 author, e-locator (PLoS Med 2005).
			ID: "ioannidis2005", Type: "article-journal", Author: names("Ioannidis, John P. A."),
			Title: "Why most published research findings are false", ContainerTitle: "PLoS Medicine", ContainerTitleShort: "PLoS Med",
			Volume: "2", Issue: "8", Page: "e124", DOI: "10.1371/journal.pmed.0020124", PMID: "16060722",
			Issued: Date{Year: 2005, Month: 8},
		},
		{ // 2 authors: AMA 11's journal example.
			ID: "hamburg2010", Type: "article-journal", Author: names("Hamburg, Margaret A.; Collins, Francis S."),
			Title: "The path to personalized medicine", ContainerTitle: "New England Journal of Medicine", ContainerTitleShort: "N Engl J Med",
			Volume: "363", Issue: "4", Page: "301-304", DOI: "10.1056/NEJMp1006304", Issued: Date{Year: 2010, Month: 7, Day: 22},
		},
		{ // 3 authors: NLM's standard journal article sample.
			ID: "halpern2002", Type: "article-journal", Author: names("Halpern, Scott D.; Ubel, Peter A.; Caplan, Arthur L."),
			Title: "Solid-organ transplantation in HIV-infected patients", ContainerTitle: "New England Journal of Medicine", ContainerTitleShort: "N Engl J Med",
			Volume: "347", Issue: "4", Page: "284-287", PMID: "12140307", Issued: Date{Year: 2002, Month: 7, Day: 25},
		},
		{ // 6 authors (invented).
			ID: "ahmed2021", Type: "article-journal", Author: names("Ahmed, Sara; Brown, Thomas J.; Chen, Li; Dubois, Marie-Claire; Eriksen, Kari; Fischer, Hans"),
			Title: "Group therapy for adolescents who self-harm: a pilot trial", ContainerTitle: "Psychological Medicine", ContainerTitleShort: "Psychol Med",
			Volume: "51", Issue: "6", Page: "1004-1012", Issued: Date{Year: 2021},
		},
		{ // 7 authors (invented).
			ID: "garcia2022", Type: "article-journal", Author: names("García, Rosa; Ahmed, Sara; Brown, Thomas J.; Chen, Li; Dubois, Marie-Claire; Eriksen, Kari; Fischer, Hans"),
			Title: "Mentalizing in families: a cohort study", ContainerTitle: "The Lancet Psychiatry", ContainerTitleShort: "Lancet Psychiatry",
			Volume: "9", Issue: "2", Page: "120-131", DOI: "10.1016/S2215-0366(21)00001-X", Issued: Date{Year: 2022},
		},
		{ // 21 authors (invented): APA's boundary, first 19, "…", last.
			ID: "consortium2023", Type: "article-journal",
			Author: names("Adams, A.; Baker, B.; Clark, C.; Davis, D.; Evans, E.; Foster, F.; Green, G.; Hughes, H.; Irwin, I.; Jones, J.; King, K.; Lewis, L.; Moore, M.; Nash, N.; Owen, O.; Price, P.; Quinn, Q.; Reed, R.; Scott, S.; Turner, T.; Underwood, U."),
			Title:  "Twenty-one authors on one paper", ContainerTitle: "BMJ Open", Volume: "13", Issue: "1", Page: "e061234", Issued: Date{Year: 2023},
		},
		{ // 22 authors: the reanalysis paper APA 7 shows for 21 or more; its DOI has "<" and ">".
			ID: "kalnay1996", Type: "article-journal",
			Author: names("Kalnay, E.; Kanamitsu, M.; Kistler, R.; Collins, W.; Deaven, D.; Gandin, L.; Iredell, M.; Saha, S.; White, G.; Woollen, J.; Zhu, Y.; Chelliah, M.; Ebisuzaki, W.; Higgins, W.; Janowiak, J.; Mo, K. C.; Ropelewski, C.; Wang, J.; Leetmaa, A.; Reynolds, R.; Jenne, R.; Joseph, D."),
			Title:  "The NCEP/NCAR 40-year reanalysis project", ContainerTitle: "Bulletin of the American Meteorological Society", ContainerTitleShort: "Bull Am Meteorol Soc",
			Volume: "77", Issue: "3", Page: "437-471", DOI: "10.1175/1520-0477(1996)077<0437:TNYRP>2.0.CO;2", Issued: Date{Year: 1996},
		},
		{ // Book, 2nd edition: APA 7's book example.
			ID: "jackson2019", Type: "book", Author: names("Jackson, Lynne M."),
			Title: "The psychology of prejudice: From attitudes to social action", Edition: "2",
			Publisher: "American Psychological Association", PublisherPlace: "Washington, DC", DOI: "10.1037/0000168-000", Issued: Date{Year: 2019},
		},
		{ // Edited book: NLM's sample (an editor with a suffix).
			ID: "gilstrap2002", Type: "book", Editor: names("Gilstrap, Larry C., III; Cunningham, F. Gary; VanDorsten, J. Peter"),
			Title: "Operative obstetrics", Edition: "2nd", Publisher: "McGraw-Hill", PublisherPlace: "New York", Issued: Date{Year: 2002},
		},
		{ // Chapter: NLM's sample.
			ID: "meltzer2002", Type: "chapter", Author: names("Meltzer, Paul S.; Kallioniemi, Anne; Trent, Jeffrey M."),
			Title: "Chromosome alterations in human solid tumors", Editor: names("Vogelstein, Bert; Kinzler, Kenneth W."),
			ContainerTitle: "The genetic basis of human cancer", Publisher: "McGraw-Hill", PublisherPlace: "New York", Page: "93-113", Issued: Date{Year: 2002},
		},
		{ // Chapter with one editor and an edition: AMA 11's sample.
			ID: "solensky2004", Type: "chapter", Author: names("Solensky, R."),
			Title: "Drug allergy: desensitization and treatment of reactions to antibiotics and aspirin", Editor: names("Lockey, P."),
			ContainerTitle: "Allergens and Allergen Immunotherapy", Edition: "3", Publisher: "Marcel Dekker", PublisherPlace: "New York", Page: "585-606", Issued: Date{Year: 2004},
		},
		{ // Chapter with three editors: APA 7's sample.
			ID: "aron2019", Type: "chapter", Author: names("Aron, L.; Botella, M.; Lubart, T."),
			Title: "Culinary arts: Talent and their development", Editor: names("Subotnik, R. F.; Olszewski-Kubilius, P.; Worrell, F. C."),
			ContainerTitle: "The psychology of high performance: Developing human potential into domain-specific talent",
			Publisher:      "American Psychological Association", PublisherPlace: "Washington, DC", Page: "345-359", DOI: "10.1037/0000120-016", Issued: Date{Year: 2019},
		},
		{ // Report with a number: NLM's sample.
			ID: "page2001", Type: "report", Author: names("Page, E.; Harney, J. M."),
			Title: "Health hazard evaluation report", Publisher: "National Institute for Occupational Safety and Health (US)",
			PublisherPlace: "Cincinnati (OH)", Number: "HETA2000-0139-2824", Issued: Date{Year: 2001, Month: 2},
		},
		{ // Web page without a date, with an access date: APA 7's sample.
			ID: "census2019", Type: "webpage", Author: names("{U.S. Census Bureau}"),
			Title: "U.S. and world population clock", Publisher: "U.S. Department of Commerce",
			URL: "https://www.census.gov/popclock/", Accessed: Date{Year: 2019, Month: 7, Day: 3},
		},
		{ // Web page with a date and an access date, on a site that is its author.
			ID: "nhs2023", Type: "webpage", Author: names("{NHS}"),
			Title: "Borderline personality disorder: treatment", ContainerTitle: "NHS", PublisherPlace: "London",
			URL:    "https://www.nhs.uk/mental-health/conditions/borderline-personality-disorder/treatment/",
			Issued: Date{Year: 2023, Month: 5, Day: 11}, Accessed: Date{Year: 2024, Month: 1, Day: 15},
		},
		{ // Thesis: NLM's sample.
			ID: "borkowski2002", Type: "thesis", Author: names("Borkowski, Mary M."), Genre: "PhD thesis",
			Title:     "Infant sleep and feeding: a telephone survey of Hispanic Americans",
			Publisher: "Central Michigan University", PublisherPlace: "Mount Pleasant (MI)", Issued: Date{Year: 2002},
		},
	}
}

// mbtEntries returns the project's 12 verified references, read by the
// package's CSL-JSON reader.
func mbtEntries(t testing.TB) []*Entry {
	t.Helper()
	src, err := os.ReadFile("testdata/mbt-references.json")
	if err != nil {
		t.Fatal(err)
	}
	list, diags := ParseCSLJSON("references.json", src)
	if len(diags) > 0 {
		t.Fatalf("reading the references: %s", diags)
	}
	if len(list) != 12 {
		t.Fatalf("got %d references, want 12", len(list))
	}
	entries := make([]*Entry, len(list))
	for i := range list {
		entries[i] = &list[i]
	}
	return entries
}

// goldenStyles are the built-in styles with a golden file each: every
// name but the alias "harvard".
func goldenStyles() []string {
	var names []string
	for _, n := range StyleNames() {
		if n != "harvard" {
			names = append(names, n)
		}
	}
	return names
}

func mustStyle(t testing.TB, name string) *Style {
	t.Helper()
	s, err := LoadBuiltin(name, "en-US")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// clusterCases are the citations of the README's table, as a page writes
// them, cited in this order on one page.
var clusterCases = []string{
	"MBT helped [@bateman1999].",
	"[@bateman1999; @storebo2020]",
	"[@bateman2008, p. 635]",
	"[see @bateman1999, pp. 3-5; also @storebo2020]",
	"@bateman1999 found ...",
	"@bateman2008 [p. 635] said",
	"Bateman and Fonagy [-@bateman1999]",
}

// renderPage converts Markdown with the citation extension.
func renderPage(t testing.TB, s *Style, bib *Bibliography, src string) string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(New(WithStyle(s), WithBibliography(bib))))
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestStyleGolden formats, in each built-in style, the README's citations
// (one page, popups left out) and the reference list of every fixture and
// verified reference (as the site-wide references page does), and compares
// them with testdata/styles/<style>.golden.
func TestStyleGolden(t *testing.T) {
	entries := append(styleFixtures(), mbtEntries(t)...)
	bib := entriesBibliography(t, entries)
	for _, name := range goldenStyles() {
		t.Run(name, func(t *testing.T) {
			s := mustStyle(t, name)
			var b strings.Builder
			page := renderPage(t, s, bib, strings.Join(clusterCases, "\n\n"))
			for i, line := range strings.Split(strings.TrimSpace(page), "\n") {
				fmt.Fprintf(&b, "%s => %s\n", clusterCases[i], showLinks(line))
			}
			list, err := FormatAll(bib, s, entries)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range list {
				fmt.Fprintf(&b, "%s -> %s\n", l.Entry.ID, l.HTML)
			}
			got := b.String()
			file := "testdata/styles/" + name + ".golden"
			old, err := os.ReadFile(file)
			if err != nil && !(*update && os.IsNotExist(err)) {
				t.Fatal(err)
			}
			header, want := splitGolden(string(old))
			if header == "" {
				header = "# " + s.Title + ", formatted by the CSL processor from the official style file.\n# `go test ./generator/cite -update` rewrites the lines after this comment; review the diff.\n# First the README's citations (one page, popups left out), then every fixture and\n# verified reference as the site-wide references page lists them.\n\n"
			}
			if *update {
				if err := os.WriteFile(file, []byte(header+got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("%s differs (run go test -update and review the diff):\n%s", file, lineDiff(want, got))
			}
		})
	}
}

// showLinks drops a citation's popup and shows each link to the
// reference list as [text].
func showLinks(h string) string {
	h = popupRE.ReplaceAllString(h, "")
	h = citeLinkRE.ReplaceAllString(h, "[")
	return strings.NewReplacer(`<span class="citation">`, "", "</a>", "]").Replace(h)
}

var citeLinkRE = regexp.MustCompile(`<a class="cite"[^>]*>`)

func entriesBibliography(t testing.TB, entries []*Entry) *Bibliography {
	t.Helper()
	vals := make([]Entry, len(entries))
	for i, e := range entries {
		vals[i] = *e
	}
	bib, diags := NewBibliography(nil, vals)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return bib
}

// splitGolden separates a golden file's leading comment block (lines
// starting with "#", and blank lines) from its entries.
func splitGolden(s string) (header, body string) {
	i := 0
	for i < len(s) {
		end := strings.IndexByte(s[i:], '\n')
		if end < 0 {
			end = len(s) - i - 1
		}
		line := s[i : i+end+1]
		if !strings.HasPrefix(line, "#") && strings.TrimSpace(line) != "" {
			break
		}
		i += end + 1
	}
	return s[:i], s[i:]
}

// lineDiff lists the lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// TestStyleNames checks the built-in names, the default, and the errors.
func TestStyleNames(t *testing.T) {
	want := "ama apa bmj chicago-author-date harvard harvard-cite-them-right lancet vancouver"
	if got := strings.Join(StyleNames(), " "); got != want {
		t.Errorf("StyleNames() = %s, want %s", got, want)
	}
	for name, title := range map[string]string{
		"":          "AMA Manual of Style 11th edition",
		"AMA":       "AMA Manual of Style 11th edition",
		"apa":       "APA Style 7th edition",
		"vancouver": "NLM/Vancouver: Citing Medicine 2nd edition (citation-sequence)",
		"harvard":   "Cite Them Right 12th edition (author-date/Harvard)",
	} {
		s, err := LoadBuiltin(name, "en-GB")
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if s.Title != title {
			t.Errorf("%q: title %q, want %q", name, s.Title, title)
		}
	}
	for name, numeric := range map[string]bool{"ama": true, "vancouver": true, "bmj": true, "lancet": true, "apa": false, "harvard": false, "chicago-author-date": false} {
		if s := mustStyle(t, name); s.Numeric != numeric {
			t.Errorf("%s: Numeric = %v", name, s.Numeric)
		}
	}
	if !mustStyle(t, "ama").Superscript || mustStyle(t, "vancouver").Superscript {
		t.Error("AMA cites in superscript, Vancouver does not")
	}
	if _, err := LoadBuiltin("mla", ""); err == nil || !strings.Contains(err.Error(), "ama, apa") {
		t.Errorf("an unknown name: %v", err)
	}
	if !IsStyleFile("styles/My.CSL") || IsStyleFile("ama") || !IsBuiltin("") || IsBuiltin("x.csl") {
		t.Error("IsStyleFile or IsBuiltin")
	}
}

// TestLoadStyleErrors checks that a file that is not CSL, and a style
// with an unknown macro, are errors with the file's line.
func TestLoadStyleErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
	}{
		{"not xml", "<style\n  <info>", 0},
		{"unknown macro", `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>X</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text macro="nowhere"/></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`, 4},
	} {
		_, err := LoadStyle("x.csl", "styles/x.csl", []byte(tc.src), "")
		var pe *csl.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: %v is not a ParseError", tc.name, err)
			continue
		}
		if pe.File != "styles/x.csl" || (tc.line > 0 && pe.Line != tc.line) {
			t.Errorf("%s: %s:%d, want line %d", tc.name, pe.File, pe.Line, tc.line)
		}
	}
	dependent := `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info><title>My clinic</title><id>http://example.org/styles/my-clinic</id>
    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
    <category citation-format="author-date"/><updated>2020-01-01T00:00:00+00:00</updated></info>
</style>`
	s, err := LoadStyle("styles/my-clinic.csl", "styles/my-clinic.csl", []byte(dependent), "")
	if err != nil || s.Title != "My clinic" || s.Numeric {
		t.Fatalf("a dependent style of APA: %+v, %v", s, err)
	}
	orphan := strings.Replace(dependent, "zotero.org/styles/apa", "zotero.org/styles/mla", 1)
	if _, err := LoadStyle("o.csl", "o.csl", []byte(orphan), ""); err == nil || !strings.Contains(err.Error(), "not one of Pamphlet's built-in styles") {
		t.Errorf("a dependent style whose parent is not built in: %v", err)
	}
}

// TestStyleMissing checks the missing-field warnings: fields the style
// shows that a reader needs to find the work.
func TestStyleMissing(t *testing.T) {
	ama := mustStyle(t, "ama")
	for _, tc := range []struct {
		e    Entry
		want string
	}{
		{Entry{ID: "a", Type: "article-journal", Title: "T", Author: []Name{{Family: "X"}}}, "journal year pages"},
		{Entry{ID: "b", Type: "article-journal", Title: "T", Author: []Name{{Family: "X"}}, ContainerTitleShort: "J", Number: "e1", Issued: Date{Year: 2000}}, ""},
		{Entry{ID: "c", Type: "book", Title: "T"}, "author publisher year"},
		{Entry{ID: "d", Type: "webpage", Title: "T"}, "URL"},
		{Entry{ID: "e", Type: "chapter", Editor: []Name{{Family: "E"}}, Issued: Date{Literal: "in press"}}, "title book title publisher pages"},
	} {
		if got := strings.Join(ama.Missing(&tc.e), " "); got != tc.want {
			t.Errorf("%s: missing %q, want %q", tc.e.ID, got, tc.want)
		}
	}
}

// TestStyleConcurrent formats pages in every style from many goroutines
// at once, sharing the bibliography's processor.
func TestStyleConcurrent(t *testing.T) {
	entries := append(styleFixtures(), mbtEntries(t)...)
	var src strings.Builder
	for _, e := range entries {
		fmt.Fprintf(&src, "Text [@%s].\n\n", e.ID)
	}
	for _, name := range goldenStyles() {
		s := mustStyle(t, name)
		bib := entriesBibliography(t, entries)
		want := renderPage(t, s, bib, src.String())
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if got := renderPage(t, s, bib, src.String()); got != want {
					t.Errorf("%s: a page differs when formatted concurrently", name)
				}
			}()
		}
		wg.Wait()
	}
}

// TestIndependentStyles checks which styles format each entry once per
// bibliography, and that doing so gives the pages what formatting each
// page as a whole document gives them.
func TestIndependentStyles(t *testing.T) {
	entries := append(styleFixtures(), mbtEntries(t)...)
	var src strings.Builder
	for i, e := range entries {
		fmt.Fprintf(&src, "Text [@%s; @%s].\n\n", e.ID, entries[(i*7)%len(entries)].ID)
	}
	for _, name := range goldenStyles() {
		s := mustStyle(t, name)
		want := map[string]bool{"ama": true, "vancouver": true, "bmj": true, "lancet": true}[name]
		if s.independent != want {
			t.Errorf("%s: independent = %v, want %v", name, s.independent, want)
		}
		if !s.independent {
			continue
		}
		whole := *s
		whole.independent = false
		got := renderPage(t, s, entriesBibliography(t, entries), src.String())
		if w := renderPage(t, &whole, entriesBibliography(t, entries), src.String()); got != w {
			t.Errorf("%s: formatting entries once differs from formatting the page:\n%s", name, lineDiff(w, got))
		}
	}
}
