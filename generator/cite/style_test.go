package cite

import (
	"fmt"
	"html"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// The -update flag (var update, declared in spec_test.go) also rewrites
// testdata/styles/*.golden. The comment block at the top of a golden file
// is kept as it is: it records, format by format, which published example
// of the style manual the lines were checked against by hand.

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
func mbtEntries(t *testing.T) []*Entry {
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

func fixtureByID(t *testing.T, id string) *Entry {
	t.Helper()
	for _, e := range append(styleFixtures(), mbtEntries(t)...) {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no fixture %q", id)
	return nil
}

func mustStyle(t *testing.T, name string) Style {
	t.Helper()
	s, ok := StyleByName(name)
	if !ok {
		t.Fatalf("no style %q", name)
	}
	return s
}

// TestStyleGolden formats every fixture and every verified reference in
// each style and compares the lines with testdata/styles/<style>.golden.
func TestStyleGolden(t *testing.T) {
	entries := append(styleFixtures(), mbtEntries(t)...)
	for _, name := range StyleNames() {
		t.Run(name, func(t *testing.T) {
			s := mustStyle(t, name)
			var b strings.Builder
			for _, e := range entries {
				fmt.Fprintf(&b, "%s -> %s\n", e.ID, s.Reference(e))
			}
			got := b.String()
			file := "testdata/styles/" + name + ".golden"
			old, err := os.ReadFile(file)
			if err != nil && !(*update && os.IsNotExist(err)) {
				t.Fatal(err)
			}
			header, want := splitGolden(string(old))
			if *update {
				if err := os.MkdirAll("testdata/styles", 0o755); err != nil {
					t.Fatal(err)
				}
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

func TestStyleByName(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		ok         bool
	}{
		{"", "ama", true},
		{"ama", "ama", true},
		{"AMA", "ama", true},
		{" vancouver ", "vancouver", true},
		{"apa", "apa", true},
		{"chicago", "", false},
	} {
		s, ok := StyleByName(tc.name)
		if ok != tc.ok || ok && s.Name() != tc.want {
			t.Errorf("StyleByName(%q) = %v, %v; want %q, %v", tc.name, s, ok, tc.want, tc.ok)
		}
	}
	if got := StyleNames(); !reflect.DeepEqual(got, []string{"ama", "apa", "vancouver"}) {
		t.Errorf("StyleNames() = %q", got)
	}
	for _, n := range StyleNames() {
		s := mustStyle(t, n)
		if s.Numeric() != (n != "apa") {
			t.Errorf("%s: Numeric() = %v", n, s.Numeric())
		}
	}
}

// testLink marks the linked part of a cluster with its item: {0:1}.
func testLink(i int, label string) string { return fmt.Sprintf("{%d:%s}", i, label) }

// clusterCase is one cluster and the HTML each style gives it.
type clusterCase struct {
	name      string
	items     []Item
	narrative bool
	want      string
}

func runClusters(t *testing.T, s Style, cases []clusterCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.Cluster(tc.items, tc.narrative, testLink); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// numbered returns items for the given numbers, each citing an entry with
// two authors.
func numbered(t *testing.T, nums ...int) []Item {
	e := fixtureByID(t, "bateman1999")
	items := make([]Item, len(nums))
	for i, n := range nums {
		items[i] = Item{Entry: e, Number: n}
	}
	return items
}

func withItem(items []Item, i int, f func(*Item)) []Item {
	out := append([]Item(nil), items...)
	f(&out[i])
	return out
}

func TestClusterAMA(t *testing.T) {
	bateman := fixtureByID(t, "bateman1999")
	storebo := fixtureByID(t, "storebo2020")
	nice := fixtureByID(t, "nice2009cg78")
	runClusters(t, mustStyle(t, "ama"), []clusterCase{
		{"one", numbered(t, 1), false, `<sup class="cite">{0:1}</sup>`},
		{"two consecutive stay apart", numbered(t, 1, 2), false, `<sup class="cite">{0:1},{1:2}</sup>`},
		{"three make a range", numbered(t, 1, 2, 3), false, `<sup class="cite">{0:1}-{2:3}</sup>`},
		{"gap", numbered(t, 1, 3), false, `<sup class="cite">{0:1},{1:3}</sup>`},
		{"number and range", numbered(t, 1, 3, 4, 5), false, `<sup class="cite">{0:1},{1:3}-{3:5}</sup>`},
		{"unordered input", numbered(t, 5, 3, 1, 4), false, `<sup class="cite">{2:1},{1:3}-{0:5}</sup>`},
		{"repeated number", numbered(t, 2, 2, 1), false, `<sup class="cite">{2:1},{0:2}</sup>`},
		{"page", withItem(numbered(t, 1), 0, func(it *Item) { it.Locator = "p. 33" }), false, `<sup class="cite">{0:1}(p33)</sup>`},
		{"bare number is a page", withItem(numbered(t, 1), 0, func(it *Item) { it.Locator = "33" }), false, `<sup class="cite">{0:1}(p33)</sup>`},
		{"pages", withItem(numbered(t, 2), 0, func(it *Item) { it.Locator = "pp. 3–5" }), false, `<sup class="cite">{0:2}(pp3-5)</sup>`},
		{"chapter", withItem(numbered(t, 2), 0, func(it *Item) { it.Locator = "chap. 2" }), false, `<sup class="cite">{0:2}(chap 2)</sup>`},
		{"a locator breaks a range", withItem(numbered(t, 1, 2, 3), 1, func(it *Item) { it.Locator = "p. 9" }), false, `<sup class="cite">{0:1},{1:2}(p9),{2:3}</sup>`},
		{"prefix and suffix outside", withItem(numbered(t, 1, 2), 0, func(it *Item) { it.Prefix = "see" }), false, `see<sup class="cite">{0:1},{1:2}</sup>`},
		{"suffix of the first of two stays with it", withItem(numbered(t, 1, 2), 0, func(it *Item) { it.Prefix = "see"; it.Suffix = "emphasis added" }), false, `see<sup class="cite">{0:1}</sup> emphasis added; <sup class="cite">{1:2}</sup>`},
		{"prefix of each", withItem(withItem(numbered(t, 1, 2), 0, func(it *Item) { it.Prefix = "see"; it.Locator = "pp. 3-5" }), 1, func(it *Item) { it.Prefix = "also" }), false, `see<sup class="cite">{0:1}(pp3-5)</sup>; also<sup class="cite">{1:2}</sup>`},
		{"narrative, 2 authors", []Item{{Entry: bateman, Number: 1}}, true, `Bateman and Fonagy<sup class="cite">{0:1}</sup>`},
		{"narrative, 3+ authors", []Item{{Entry: storebo, Number: 4, Locator: "p. 12"}}, true, `Storebø et al<sup class="cite">{0:4}(p12)</sup>`},
		{"narrative, group author", []Item{{Entry: nice, Number: 2}}, true, `National Institute for Health and Care Excellence<sup class="cite">{0:2}</sup>`},
		{"narrative, 1 author", []Item{{Entry: fixtureByID(t, "ioannidis2005"), Number: 3}}, true, `Ioannidis<sup class="cite">{0:3}</sup>`},
		{"narrative, no authors", []Item{{Entry: &Entry{ID: "x", Type: "article-journal", Title: "Anonymous: a study"}, Number: 1}}, true, `“Anonymous”<sup class="cite">{0:1}</sup>`},
		{"narrative, two works", []Item{{Entry: bateman, Number: 1}, {Entry: storebo, Number: 2}}, true, `Bateman and Fonagy<sup class="cite">{0:1}</sup> and Storebø et al<sup class="cite">{1:2}</sup>`},
		{"escaped text", withItem(numbered(t, 1), 0, func(it *Item) { it.Prefix = "<b>"; it.Locator = "p. <1>" }), false, `&lt;b&gt;<sup class="cite">{0:1}(p. &lt;1&gt;)</sup>`},
		{"nil entry", []Item{{Number: 1}}, true, `<sup class="cite">{0:1}</sup>`},
		{"empty", nil, false, ``},
	})
}

func TestClusterVancouver(t *testing.T) {
	bateman := fixtureByID(t, "bateman1999")
	storebo := fixtureByID(t, "storebo2020")
	runClusters(t, mustStyle(t, "vancouver"), []clusterCase{
		{"one", numbered(t, 1), false, `[{0:1}]`},
		{"two consecutive", numbered(t, 1, 2), false, `[{0:1},{1:2}]`},
		{"range", numbered(t, 3, 1, 2), false, `[{1:1}-{0:3}]`},
		{"gap", numbered(t, 1, 3), false, `[{0:1},{1:3}]`},
		{"range and number", numbered(t, 1, 2, 3, 5), false, `[{0:1}-{2:3},{3:5}]`},
		{"page", withItem(numbered(t, 1), 0, func(it *Item) { it.Locator = "p. 33" }), false, `[{0:1}, p. 33]`},
		{"pages from a bare range", withItem(numbered(t, 1), 0, func(it *Item) { it.Locator = "3-5" }), false, `[{0:1}, pp. 3-5]`},
		{"locator then more", withItem(numbered(t, 1, 2), 0, func(it *Item) { it.Locator = "p. 33" }), false, `[{0:1}, p. 33; {1:2}]`},
		{"prefix and suffix inside", withItem(withItem(numbered(t, 1, 2, 3), 0, func(it *Item) { it.Prefix = "see" }), 2, func(it *Item) { it.Suffix = ", emphasis added" }), false, `[see {0:1}-{2:3}, emphasis added]`},
		{"prefix of each", withItem(withItem(numbered(t, 1, 2), 0, func(it *Item) { it.Prefix = "see"; it.Locator = "pp. 3-5" }), 1, func(it *Item) { it.Prefix = "also" }), false, `[see {0:1}, pp. 3-5; also {1:2}]`},
		{"narrative", []Item{{Entry: bateman, Number: 1}}, true, `Bateman and Fonagy [{0:1}]`},
		{"narrative, et al., locator", []Item{{Entry: storebo, Number: 2, Locator: "p. 8"}}, true, `Storebø et al. [{0:2}, p. 8]`},
	})
}

func TestClusterAPA(t *testing.T) {
	b1999 := fixtureByID(t, "bateman1999")
	b2008 := fixtureByID(t, "bateman2008")
	b2009 := fixtureByID(t, "bateman2009")
	storebo := fixtureByID(t, "storebo2020")
	nice := fixtureByID(t, "nice2009cg78")
	leich := fixtureByID(t, "leichsenring2011")
	noDate := &Entry{ID: "nd", Type: "article-journal", Author: []Name{{Family: "Smith", Given: "J."}}, Title: "Undated"}
	noAuthor := &Entry{ID: "na", Type: "article-journal", Title: "Anonymous: a study", Issued: Date{Year: 2001}}
	noAuthorBook := &Entry{ID: "nb", Type: "book", Title: "A handbook", Issued: Date{Year: 2002}}
	runClusters(t, mustStyle(t, "apa"), []clusterCase{
		{"two authors", []Item{{Entry: b1999}}, false, `({0:Bateman &amp; Fonagy, 1999})`},
		{"group author written out", []Item{{Entry: nice}}, false, `({0:National Institute for Health and Care Excellence, 2009})`},
		{"3+ authors", []Item{{Entry: leich}}, false, `({0:Leichsenring et al., 2011})`},
		{"same authors grouped, sorted", []Item{{Entry: storebo}, {Entry: b2009}, {Entry: b1999}}, false,
			`({2:Bateman &amp; Fonagy, 1999}, {1:2009}; {0:Storebø et al., 2020})`},
		{"different initials are different authors", []Item{{Entry: fixtureByID(t, "bateman2004")}, {Entry: b2009}, {Entry: b1999}}, false,
			`({2:Bateman &amp; Fonagy, 1999}, {1:2009}; {0:Bateman &amp; Fonagy, 2004})`},
		{"locator", []Item{{Entry: b2008, Locator: "p. 635"}}, false, `({0:Bateman &amp; Fonagy, 2008}, p. 635)`},
		{"page range gets an en dash", []Item{{Entry: b2008, Locator: "635-7"}}, false, `({0:Bateman &amp; Fonagy, 2008}, pp. 635–7)`},
		{"locator inside a group", []Item{{Entry: b2008, Locator: "p. 635"}, {Entry: b2009}}, false, `({0:Bateman &amp; Fonagy, 2008}, p. 635; {1:2009})`},
		{"prefix", []Item{{Entry: b1999, Prefix: "see"}}, false, `(see {0:Bateman &amp; Fonagy, 1999})`},
		{"first prefix leads the sorted cluster", []Item{{Entry: storebo, Prefix: "see"}, {Entry: b1999}}, false,
			`(see {1:Bateman &amp; Fonagy, 1999}; {0:Storebø et al., 2020})`},
		{"later prefix stays with its item", []Item{{Entry: storebo}, {Entry: b1999, Prefix: "cf."}}, false,
			`(cf. {1:Bateman &amp; Fonagy, 1999}; {0:Storebø et al., 2020})`},
		{"suffix", []Item{{Entry: b1999, Locator: "p. 3", Suffix: "emphasis added"}}, false, `({0:Bateman &amp; Fonagy, 1999}, p. 3, emphasis added)`},
		{"suppress author", []Item{{Entry: b1999, SuppressAuthor: true}}, false, `({0:1999})`},
		{"suppress author with locator", []Item{{Entry: b1999, SuppressAuthor: true, Locator: "33"}}, false, `({0:1999}, p. 33)`},
		{"narrative", []Item{{Entry: b1999}}, true, `{0:Bateman and Fonagy (1999)}`},
		{"narrative with locator", []Item{{Entry: b2008, Locator: "p. 635"}}, true, `{0:Bateman and Fonagy (2008, p. 635)}`},
		{"narrative, 3+ authors", []Item{{Entry: storebo}}, true, `{0:Storebø et al. (2020)}`},
		{"year suffixes", []Item{{Entry: b1999, YearSuffix: "b"}, {Entry: b1999, YearSuffix: "a"}}, false,
			`({1:Bateman &amp; Fonagy, 1999a}, {0:1999b})`},
		{"no date", []Item{{Entry: noDate}}, false, `({0:Smith, n.d.})`},
		{"no date with suffix", []Item{{Entry: noDate, YearSuffix: "a"}}, false, `({0:Smith, n.d.-a})`},
		{"no author: article title in quotes", []Item{{Entry: noAuthor}}, false, `({0:“Anonymous,” 2001})`},
		{"no author: book title in italics", []Item{{Entry: noAuthorBook}}, false, `({0:<i>A handbook</i>, 2002})`},
		{"no author, narrative", []Item{{Entry: noAuthor}}, true, `{0:“Anonymous” (2001)}`},
		{"nil entry", []Item{{}}, false, `({0:n.d.})`},
		{"empty", nil, false, ``},
	})
}

func TestYearSuffixes(t *testing.T) {
	a := []Name{{Family: "Bateman", Given: "A."}, {Family: "Fonagy", Given: "P."}}
	entries := []*Entry{
		{ID: "b", Author: a, Issued: Date{Year: 1999}, Title: "Zebra"},
		{ID: "a", Author: a, Issued: Date{Year: 1999}, Title: "The apple"},
		{ID: "c", Author: a, Issued: Date{Year: 2000}, Title: "Alone in its year"},
		{ID: "d", Author: a[:1], Issued: Date{Year: 1999}, Title: "Other author list"},
		{ID: "e", Author: a, Title: "Undated one"},
		{ID: "f", Author: a, Title: "Undated two"},
		{ID: "g", Author: []Name{{Family: "Bateman", Given: "A. W."}, {Family: "Fonagy", Given: "P."}}, Issued: Date{Year: 1999}, Title: "Other initials"},
		nil,
	}
	got := YearSuffixes(entries)
	want := map[string]string{"a": "a", "b": "b", "e": "a", "f": "b"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("YearSuffixes = %v, want %v", got, want)
	}
	// The letters do not depend on the order of the entries.
	rev := make([]*Entry, len(entries))
	for i, e := range entries {
		rev[len(entries)-1-i] = e
	}
	if got := YearSuffixes(rev); !reflect.DeepEqual(got, want) {
		t.Errorf("reversed: YearSuffixes = %v, want %v", got, want)
	}
	if got := suffixLetters(26); got != "aa" {
		t.Errorf("suffixLetters(26) = %q", got)
	}
	if got := YearSuffixes(mbtEntries(t)); len(got) != 0 {
		t.Errorf("the verified references need no letters, got %v", got)
	}

	// A style given the letters shows them in the list and sorts by them.
	apa := WithYearSuffixes(mustStyle(t, "apa"), got)
	apa = WithYearSuffixes(apa, want)
	if r := apa.Reference(entries[1]); !strings.Contains(r, "(1999a).") {
		t.Errorf("Reference = %s; want the year 1999a", r)
	}
	if r := apa.Reference(entries[4]); !strings.Contains(r, "(n.d.-a).") {
		t.Errorf("Reference = %s; want n.d.-a", r)
	}
	if !(apa.SortKey(entries[1]) < apa.SortKey(entries[0])) {
		t.Error("1999a does not sort before 1999b")
	}
	if c := apa.Cluster([]Item{{Entry: entries[0]}}, false, nil); c != "(Bateman &amp; Fonagy, 1999b)" {
		t.Errorf("Cluster = %s; want the style's letter", c)
	}
	if ama := WithYearSuffixes(mustStyle(t, "ama"), want); ama.Name() != "ama" || ama.Reference(entries[1]) != mustStyle(t, "ama").Reference(entries[1]) {
		t.Error("WithYearSuffixes changed a numeric style")
	}
}

func TestSortKey(t *testing.T) {
	apa := mustStyle(t, "apa")
	// APA 7 §9.44-9.47: letter by letter; one author before the same
	// author with others; no date first; folded accents.
	ordered := []*Entry{
		{ID: "1", Author: []Name{{Family: "Bateman", Given: "A."}}, Title: "Undated"},
		{ID: "2", Author: []Name{{Family: "Bateman", Given: "A."}}, Issued: Date{Year: 2001}},
		{ID: "3", Author: []Name{{Family: "Bateman", Given: "A."}, {Family: "Fonagy", Given: "P."}}, Issued: Date{Year: 1999}},
		{ID: "4", Author: []Name{{Family: "Bateman", Given: "A."}, {Family: "Fonagy", Given: "P."}}, Issued: Date{Year: 2008}},
		{ID: "5", Title: "The handbook of things", Issued: Date{Year: 1990}},
		{ID: "6", Author: []Name{{Family: "Storebø", Given: "O. J."}}, Issued: Date{Year: 2020}},
		{ID: "7", Author: []Name{{Family: "Storey", Given: "A."}}, Issued: Date{Year: 2020}},
	}
	for i := 1; i < len(ordered); i++ {
		a, b := apa.SortKey(ordered[i-1]), apa.SortKey(ordered[i])
		if !(a < b) {
			t.Errorf("entry %s does not sort before %s: %q >= %q", ordered[i-1].ID, ordered[i].ID, a, b)
		}
	}
}

// badOutput lists what a reference or cluster must never contain, in its
// HTML or its visible text.
var badOutput = []string{
	"undefined", "()", "[]", "..", ",,", ";;", "::", ". .", " ,", " .", " ;", " :", ", .", "; .", ",.", ";.", ":.",
	"( ", " )", "[ ", " ]", "  ", "<i></i>", `<sup class="cite"></sup>`, "<a", // "<a" is checked on the text only
}

var tags = regexp.MustCompile(`<[^>]*>`)

// checkClean reports what is wrong with out: a pattern of badOutput, or a
// separator at either end.
func checkClean(out string) []string {
	var problems []string
	text := html.UnescapeString(tags.ReplaceAllString(out, ""))
	for _, bad := range badOutput {
		if bad != "<a" && strings.Contains(out, bad) {
			problems = append(problems, fmt.Sprintf("HTML contains %q", bad))
		} else if strings.Contains(text, bad) {
			problems = append(problems, fmt.Sprintf("text contains %q", bad))
		}
	}
	if text != "" && strings.ContainsAny(text[:1], ",.;:)] ") {
		problems = append(problems, "starts with a separator")
	}
	if text != "" && strings.ContainsAny(text[len(text)-1:], ",;:([ ") {
		problems = append(problems, "ends with a separator")
	}
	return problems
}

// TestStyleMissingFields removes every field of every fixture in turn and
// checks that each style still writes clean references and clusters, and
// names the missing field when it needs it.
func TestStyleMissingFields(t *testing.T) {
	entries := append(styleFixtures(), mbtEntries(t)...)
	entries = append(entries, &Entry{ID: "empty"}, &Entry{ID: "empty-article", Type: "article-journal"})
	typ := reflect.TypeOf(Entry{})
	for _, name := range StyleNames() {
		s := WithYearSuffixes(mustStyle(t, name), map[string]string{"bateman1999": "a"})
		for _, base := range entries {
			for f := -1; f < typ.NumField(); f++ {
				e := *base
				field := "nothing"
				if f >= 0 {
					field = typ.Field(f).Name
					if field == "ID" || !typ.Field(f).IsExported() {
						continue
					}
					v := reflect.ValueOf(&e).Elem().Field(f)
					v.Set(reflect.Zero(v.Type()))
				}
				check := func(what, out string) {
					t.Helper()
					if p := checkClean(out); len(p) > 0 {
						t.Errorf("%s: %s without %s: %s\n%s", name, e.ID, field, strings.Join(p, "; "), out)
					}
				}
				check("reference", s.Reference(&e))
				items := []Item{{Entry: &e, Number: 1, Locator: "p. 3"}}
				check("cluster", s.Cluster(items, false, nil))
				check("narrative", s.Cluster(items, true, nil))
				check("cluster with another", s.Cluster(append(items, Item{Entry: base, Number: 2}), false, nil))
			}
		}
	}
}

func TestStyleMissing(t *testing.T) {
	for _, tc := range []struct {
		style, id string
		drop      func(*Entry)
		want      []string
	}{
		{"ama", "bateman1999", func(e *Entry) {}, nil},
		{"ama", "bateman1999", func(e *Entry) { e.ContainerTitle, e.ContainerTitleShort = "", "" }, []string{"journal"}},
		{"ama", "bateman1999", func(e *Entry) { e.Issued = Date{} }, []string{"year"}},
		{"ama", "bateman1999", func(e *Entry) { e.Author = nil; e.Title = "" }, []string{"author", "title"}},
		{"ama", "bateman1999", func(e *Entry) { e.Page = "" }, []string{"pages"}},
		{"ama", "storebo2020", func(e *Entry) { e.Page = "" }, nil}, // the article number stands for pages
		{"ama", "bateman2006guide", func(e *Entry) {}, nil},
		{"vancouver", "bateman2006guide", func(e *Entry) {}, []string{"place"}},
		{"apa", "bateman2006guide", func(e *Entry) { e.Publisher = "" }, []string{"publisher"}},
		{"ama", "census2019", func(e *Entry) {}, nil},
		{"ama", "census2019", func(e *Entry) { e.Accessed = Date{} }, []string{"accessed date"}},
		{"apa", "census2019", func(e *Entry) { e.Accessed = Date{} }, nil},
		{"vancouver", "census2019", func(e *Entry) { e.URL = "" }, []string{"URL"}},
		{"ama", "gilstrap2002", func(e *Entry) {}, nil}, // editors stand for authors
		{"ama", "meltzer2002", func(e *Entry) { e.ContainerTitle = "" }, []string{"book title"}},
		{"apa", "borkowski2002", func(e *Entry) { e.Publisher = "" }, []string{"university"}},
		{"apa", "nice2009cg78", func(e *Entry) {}, nil},
	} {
		e := *fixtureByID(t, tc.id)
		tc.drop(&e)
		if got := mustStyle(t, tc.style).Missing(&e); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Missing(%s) = %q, want %q", tc.style, tc.id, got, tc.want)
		}
	}
}

// TestReferenceDegrades checks what takes the place of a missing author
// or date: the title moves to the front, and APA writes "n.d.".
func TestReferenceDegrades(t *testing.T) {
	noAuthor := *fixtureByID(t, "bateman1999")
	noAuthor.Author = nil
	noDate := *fixtureByID(t, "bateman1999")
	noDate.Issued = Date{}
	for _, tc := range []struct {
		style string
		e     *Entry
		want  string
	}{
		{"ama", &noAuthor, "Effectiveness of partial hospitalization in the treatment of borderline personality disorder: a randomized controlled trial. <i>Am J Psychiatry</i>. 1999;156(10)"},
		{"vancouver", &noAuthor, "Effectiveness of partial hospitalization in the treatment of borderline personality disorder: a randomized controlled trial. Am J Psychiatry. 1999;156(10)"},
		{"apa", &noAuthor, "Effectiveness of partial hospitalization in the treatment of borderline personality disorder: a randomized controlled trial. (1999). <i>American Journal of Psychiatry</i>"},
		{"ama", &noDate, "Bateman A, Fonagy P. Effectiveness"},
		{"apa", &noDate, "Bateman, A., &amp; Fonagy, P. (n.d.). Effectiveness"},
	} {
		if got := mustStyle(t, tc.style).Reference(tc.e); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s:\ngot  %s\nwant %s...", tc.style, got, tc.want)
		}
	}
	if got := mustStyle(t, "ama").Reference(&noDate); !strings.Contains(got, "<i>Am J Psychiatry</i>. 156(10):1563-1569.") {
		t.Errorf("ama without a year: %s", got)
	}
}

// TestStyleEscaping checks that text from a bibliography cannot become
// markup, and that a URL that is not a web address is not linked.
func TestStyleEscaping(t *testing.T) {
	evil := &Entry{
		ID: "evil", Type: "webpage", Author: []Name{{Family: "<b>Smith</b>", Given: "J"}},
		Title: `<script>alert("x")</script> & "friends"`, ContainerTitle: "A & B <site>",
		URL: "javascript:alert(1)", Issued: Date{Year: 2020}, Accessed: Date{Year: 2021, Month: 2, Day: 3},
	}
	article := &Entry{
		ID: "evil2", Type: "article-journal", Author: []Name{{Literal: "R&D <Group>"}},
		Title: "Fish & chips <i>", ContainerTitle: "J <Evil>", Volume: "1", Page: "1-2",
		DOI: `10.1000/"x"<y>#z`, PMID: "12<3>",
	}
	for _, name := range StyleNames() {
		s := mustStyle(t, name)
		for _, e := range []*Entry{evil, article} {
			outs := []string{s.Reference(e), s.Cluster([]Item{{Entry: e, Number: 1, Prefix: "<em>", Locator: "p. <2>", Suffix: "&c"}}, false, nil),
				s.Cluster([]Item{{Entry: e, Number: 1}}, true, nil)}
			for _, out := range outs {
				for _, bad := range []string{"<script", "<b>", "<site>", "<Group>", "<Evil>", "<em>", "<y>", "<2>", "&c", `"x"`, "<i>\u003c/i>"} {
					if strings.Contains(out, bad) {
						t.Errorf("%s: %q is not escaped or not dropped:\n%s", name, bad, out)
					}
				}
				if strings.Contains(tags.ReplaceAllString(out, ""), "<") {
					t.Errorf("%s: stray markup in %s", name, out)
				}
			}
		}
		r := s.Reference(evil)
		if !strings.Contains(r, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;friends&#34;") {
			t.Errorf("%s: title not escaped as expected: %s", name, r)
		}
		if !strings.Contains(r, "javascript:alert(1)") || strings.Contains(r, "href") {
			t.Errorf("%s: a javascript: URL must be shown as text, not linked: %s", name, r)
		}
		if r := s.Reference(article); !strings.Contains(r, `href="https://doi.org/10.1000/%22x%22%3Cy%3E%23z"`) {
			t.Errorf("%s: DOI href not percent-escaped: %s", name, r)
		}
	}
}

func TestInitials(t *testing.T) {
	for _, tc := range []struct{ given, plain, period string }{
		{"A.", "A", "A."},
		{"A. W.", "AW", "A. W."},
		{"A.W.", "AW", "A. W."},
		{"John P. A.", "JPA", "J. P. A."},
		{"OJ", "OJ", "O. J."},
		{"Jean-Paul", "JP", "J.-P."},
		{"Marie-Claire", "MC", "M.-C."},
		{"Ludwig van", "L", "L."},
		{"Ömer", "Ö", "Ö."},
		{"al", "A", "A."},
		{"", "", ""},
	} {
		if got := initials(tc.given, initialsPlain); got != tc.plain {
			t.Errorf("initials(%q, plain) = %q, want %q", tc.given, got, tc.plain)
		}
		if got := initials(tc.given, initialsPeriod); got != tc.period {
			t.Errorf("initials(%q, period) = %q, want %q", tc.given, got, tc.period)
		}
	}
}

func TestNames(t *testing.T) {
	n := []Name{
		{Family: "Gilstrap", Given: "Larry C.", Suffix: "III"},
		{Family: "Smith", Given: "John", Suffix: "Jr."},
		{Family: "Gogh", Particle: "van", Given: "Vincent"},
		{Literal: "World Health Organization"},
		{Given: "Plato"},
	}
	for _, tc := range []struct{ name, got, want string }{
		{"ama", amaName(n[0], amaSuffix), "Gilstrap LC III"},
		{"ama", amaName(n[1], amaSuffix), "Smith J Jr"},
		{"ama", amaName(n[2], amaSuffix), "van Gogh V"},
		{"ama", amaName(n[3], amaSuffix), "World Health Organization"},
		{"ama", amaName(n[4], amaSuffix), "Plato"},
		{"vancouver", amaName(n[0], nlmSuffix), "Gilstrap LC 3rd"},
		{"apa", apaName(n[0]), "Gilstrap, L. C., III"},
		{"apa", apaName(n[1]), "Smith, J., Jr."},
		{"apa", apaName(n[2]), "van Gogh, V."},
		{"apa editor", apaNameGivenFirst(n[0]), "L. C. Gilstrap, III"},
		{"in text", citeName(n[2]), "van Gogh"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}

	list := func(k int) []Name {
		out := make([]Name, k)
		for i := range out {
			out[i] = Name{Family: fmt.Sprintf("F%02d", i+1), Given: "A."}
		}
		return out
	}
	for _, tc := range []struct {
		style     string
		n         int
		truncated bool
		want      string
	}{
		{"ama", 6, false, "F01 A, F02 A, F03 A, F04 A, F05 A, F06 A"},
		{"ama", 7, false, "F01 A, F02 A, F03 A, et al"},
		{"ama", 2, true, "F01 A, F02 A, et al"},
		{"ama", 5, true, "F01 A, F02 A, F03 A, et al"},
		{"vancouver", 6, false, "F01 A, F02 A, F03 A, F04 A, F05 A, F06 A"},
		{"vancouver", 7, false, "F01 A, F02 A, F03 A, F04 A, F05 A, F06 A, et al"},
		{"apa", 1, false, "F01, A."},
		{"apa", 2, false, "F01, A., &amp; F02, A."},
		{"apa", 2, true, "F01, A., F02, A., et al."},
		{"apa", 20, false, "F01, A., F02, A., F03, A., F04, A., F05, A., F06, A., F07, A., F08, A., F09, A., F10, A., F11, A., F12, A., F13, A., F14, A., F15, A., F16, A., F17, A., F18, A., F19, A., &amp; F20, A."},
		{"apa", 21, false, "F01, A., F02, A., F03, A., F04, A., F05, A., F06, A., F07, A., F08, A., F09, A., F10, A., F11, A., F12, A., F13, A., F14, A., F15, A., F16, A., F17, A., F18, A., F19, A., … F21, A."},
	} {
		var got string
		switch tc.style {
		case "ama":
			got = amaNames(list(tc.n), tc.truncated)
		case "vancouver":
			got = vancouverNames(list(tc.n), tc.truncated)
		case "apa":
			got = apaNames(list(tc.n), tc.truncated)
		}
		if got != tc.want {
			t.Errorf("%s, %d names (truncated %v):\ngot  %s\nwant %s", tc.style, tc.n, tc.truncated, got, tc.want)
		}
	}
}

func TestElidePages(t *testing.T) {
	for in, want := range map[string]string{
		"1563-1569": "1563-9",
		"36-42":     "36-42",
		"631-638":   "631-8",
		"1355-1364": "1355-64",
		"284-287":   "284-7",
		"93-113":    "93-113",
		"98-102":    "98-102",
		"110-114":   "110-4",
		"S12-S15":   "S12-5",
		"e1-e8":     "e1-8",
		"33":        "33",
		"33-33":     "33-33",
		"10-5":      "10-5",
		"1-3, 7-9":  "1-3, 7-9",
		"1563–1569": "1563-9",
		"":          "",
	} {
		if got := elidePages(in); got != want {
			t.Errorf("elidePages(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseLocator(t *testing.T) {
	for in, want := range map[string]locator{
		"":           {},
		"33":         {page: true, value: "33"},
		"p. 33":      {page: true, value: "33"},
		"p 33":       {page: true, value: "33"},
		"pp. 3-5":    {page: true, plural: true, value: "3-5"},
		"3–5":        {page: true, plural: true, value: "3-5"},
		"p. 3-5":     {page: true, plural: true, value: "3-5"},
		"p. xii":     {page: true, value: "xii"},
		"chap. 2":    {label: "chap.", value: "2"},
		"sec. 4.2":   {label: "sec.", value: "4.2"},
		"as quoted":  {value: "as quoted"},
		"throughout": {value: "throughout"},
	} {
		if got := parseLocator(in); got != want {
			t.Errorf("parseLocator(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestEdition(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "1": "", "first": "", "2": "2nd", "2nd": "2nd", "2nd ed.": "2nd", "Second edition": "2nd",
		"3": "3rd", "11": "11th", "21": "21st", "112": "112th", "Revised": "Revised",
	} {
		if got := editionText(in); got != want {
			t.Errorf("editionText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestStyleConcurrent uses each style from many goroutines at once, for
// the race detector.
func TestStyleConcurrent(t *testing.T) {
	entries := append(styleFixtures(), mbtEntries(t)...)
	var wg sync.WaitGroup
	for _, name := range StyleNames() {
		s := WithYearSuffixes(mustStyle(t, name), YearSuffixes(entries))
		want := make([]string, len(entries))
		for i, e := range entries {
			want[i] = s.Reference(e)
		}
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i, e := range entries {
					if got := s.Reference(e); got != want[i] {
						t.Errorf("%s: %s differs when run concurrently", name, e.ID)
					}
					s.Cluster([]Item{{Entry: e, Number: i + 1}}, g%2 == 0, nil)
					s.SortKey(e)
					s.Missing(e)
				}
			}()
		}
	}
	wg.Wait()
}

// TestFormatReferenceCache checks the formatted forms an entry caches: the
// same as formatting afresh, replaced when another numeric style asks, never
// kept for APA (its year letters depend on the whole bibliography), and
// absent from entries that Parse did not make.
func TestFormatReferenceCache(t *testing.T) {
	src, err := os.ReadFile("testdata/mbt-references.bib")
	if err != nil {
		t.Fatal(err)
	}
	entries, diags := Parse("references.bib", src)
	if len(diags) > 0 || len(entries) == 0 {
		t.Fatalf("reading the references: %d entries, %s", len(entries), diags)
	}
	for _, name := range []string{"ama", "vancouver", "apa", "ama"} {
		s := mustStyle(t, name)
		for i := range entries {
			e := &entries[i]
			want := s.Reference(e)
			for range 2 {
				if got := FormatReference(s, e); got != want {
					t.Errorf("%s, %s: FormatReference = %q, want %q", name, e.ID, got, want)
				}
			}
			if got, want := reference(s, e, true), stripLinks(want); got != want {
				t.Errorf("%s, %s: the popup form = %q, want %q", name, e.ID, got, want)
			}
			f := e.forms.p.Load()
			switch {
			case s.Numeric() && (f == nil || f.style != name):
				t.Errorf("%s, %s: the entry did not cache its forms", name, e.ID)
			case !s.Numeric() && f != nil && f.style == name:
				t.Errorf("%s, %s: the entry cached an author-date form", name, e.ID)
			}
		}
	}
	loose := Entry{ID: "loose", Type: "book", Title: "A handbook", Issued: Date{Year: 2002}}
	s := mustStyle(t, "ama")
	if got, want := FormatReference(s, &loose), s.Reference(&loose); got != want {
		t.Errorf("an entry Parse did not make: %q, want %q", got, want)
	}
}
