package cite

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"pamphlet/generator/diag"
)

// genBib writes a .bib file of n entries shaped like real exports, mixing
// every quirk ParseBibTeX must read, and the entries it must give. The same
// seed gives the same file. Every entry is valid, so no diagnostics are
// expected.
func genBib(n int, seed uint64) ([]byte, []Entry) {
	g := &bibGen{rng: rand.New(rand.NewPCG(seed, 1))}
	g.write("% Exported by a reference manager. Text outside entries is ignored.\n")
	g.write("@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n")
	for _, j := range genJournals {
		if j.def != "" {
			g.write(j.def + "\n")
		}
	}
	for i := range n {
		g.between()
		g.entry(i)
	}
	return []byte(g.b.String()), g.want
}

type bibGen struct {
	rng  *rand.Rand
	b    strings.Builder
	line int // lines written so far
	want []Entry
}

func (g *bibGen) write(s string) {
	g.b.WriteString(s)
	g.line += strings.Count(s, "\n")
}

func pick[T any](g *bibGen, xs []T) T { return xs[g.rng.IntN(len(xs))] }

func (g *bibGen) chance(percent int) bool { return g.rng.IntN(100) < percent }

// genJournals are journals as exports write them: an @string abbreviation
// (def) used by name, or the text itself in braces or quotes.
var genJournals = []struct{ def, tex, want string }{
	{`@string{ajp = {American Journal of Psychiatry}}`, "ajp", "American Journal of Psychiatry"},
	{`@STRING(jpd = "Journal of Personality " # "Disorders")`, "jpd", "Journal of Personality Disorders"},
	{`@string{bmj = "BMJ"}`, `bmj # { Open}`, "BMJ Open"},
	{"", "{The {Lancet}}", "The Lancet"},
	{"", `"Psychological Medicine"`, "Psychological Medicine"},
	{"", `{Acta Psychiatrica Scandinavica}`, "Acta Psychiatrica Scandinavica"},
	{"", `{Journal of Clinical Psychology: In Session}`, "Journal of Clinical Psychology: In Session"},
}

var genNames = []struct {
	tex  string
	want Name
}{
	{`Bateman, Anthony`, Name{Family: "Bateman", Given: "Anthony"}},
	{`Peter Fonagy`, Name{Family: "Fonagy", Given: "Peter"}},
	{`Storeb{\o}, Ole Jakob`, Name{Family: "Storebø", Given: "Ole Jakob"}},
	{`V\"{o}llm, Birgit A.`, Name{Family: "Völlm", Given: "Birgit A."}},
	{`J{\o}rgensen, M. S.`, Name{Family: "Jørgensen", Given: "M. S."}},
	{`van der Berg, Jan`, Name{Family: "Berg", Given: "Jan", Particle: "van der"}},
	{`de la Fontaine, Jr., Jean`, Name{Family: "Fontaine", Given: "Jean", Particle: "de la", Suffix: "Jr."}},
	{`{National Institute for Health and Care Excellence}`, Name{Literal: "National Institute for Health and Care Excellence"}},
	{`Garc{\'\i}a M{\'a}rquez, Gabriel`, Name{Family: "García Márquez", Given: "Gabriel"}},
	{`Dvo\v{r}{\'a}k, Anton{\'\i}n`, Name{Family: "Dvořák", Given: "Antonín"}},
	{`{\AA}ngstr{\"o}m, A.~J.`, Name{Family: "Ångström", Given: "A. J."}},
	{`Stra\ss er, Mark`, Name{Family: "Straßer", Given: "Mark"}},
	{`Nu\~{n}ez, Jos\'e`, Name{Family: "Nuñez", Given: "José"}},
	{`\O stergaard, S{\o}ren`, Name{Family: "Østergaard", Given: "Søren"}},
	{`Wa{\l}\k{e}sa, Lech`, Name{Family: "Wałęsa", Given: "Lech"}},
	{`Ludwig van Beethoven`, Name{Family: "Beethoven", Given: "Ludwig", Particle: "van"}},
	{`Smith, J.`, Name{Family: "Smith", Given: "J."}},
	{`{World Health Organization}`, Name{Literal: "World Health Organization"}},
}

var genWords = []struct{ tex, want string }{
	{"Mentalization-based", "Mentalization-based"}, {"treatment", "treatment"}, {"for", "for"},
	{"{BPD}", "BPD"}, {"{MBT}", "MBT"}, {"borderline", "borderline"}, {"personality", "personality"},
	{"disorder", "disorder"}, {`caf\'{e}`, "café"}, {`na\"{\i}ve`, "naïve"}, {`{\&}`, "&"}, {`\&`, "&"},
	{`50\%`, "50%"}, {"1999--2001", "1999–2001"}, {"---", "—"}, {"{R}andomized", "Randomized"},
	{"``trial''", "“trial”"}, {`$\beta$-blockers`, "β-blockers"}, {`self\_harm`, "self_harm"},
	{`{\em in vivo}`, "in vivo"}, {`\emph{et al.}`, "et al."}, {"Type~II", "Type\u00a0II"},
	{`{\noopsort{a}}first`, "first"}, {"a", "a"}, {"of", "of"}, {"the", "the"}, {"outcomes:", "outcomes:"},
	{"{\\\"U}bersicht", "Übersicht"}, {`Stra\ss e`, "Straße"}, {"CO$_2$", "CO₂"},
}

var genTypes = []string{"article", "article", "article", "ARTICLE", "Article", "book", "incollection", "inproceedings", "techreport", "phdthesis", "misc", "online"}

// between writes what exporters put between entries.
func (g *bibGen) between() {
	switch g.rng.IntN(10) {
	case 0:
		g.write("\n% Comment line with an address: someone@example.org\n")
	case 1:
		g.write("\n@comment{jabref-meta: grouping:\n0 AllEntriesGroup:;\n}\n")
	case 2:
		g.write("\nSome text between entries, which BibTeX ignores.\n\n")
	case 3:
		g.write("\n") // none: one entry right after the other
	default:
		g.write("\n\n")
	}
}

func (g *bibGen) entry(i int) {
	typ := pick(g, genTypes)
	e := Entry{Type: bibTypes[strings.ToLower(typ)], File: "big.bib"}
	type field struct{ name, value string }
	var fields []field
	add := func(name, value string) { fields = append(fields, field{name, value}) }

	// Authors, sometimes cut short with "and others".
	var authors []string
	for range 1 + g.rng.IntN(7) {
		n := pick(g, genNames)
		authors = append(authors, n.tex)
		e.Author = append(e.Author, n.want)
	}
	if g.chance(15) {
		authors = append(authors, "others")
		e.AuthorsTruncated = true
	}
	sep := " and "
	if g.chance(20) {
		sep = "\n    and "
	}
	add("author", "{"+strings.Join(authors, sep)+"}")

	// The title: words joined by spaces or line breaks, in one of three
	// kinds of delimiter.
	var tex, want []string
	for range 3 + g.rng.IntN(8) {
		w := pick(g, genWords)
		tex, want = append(tex, w.tex), append(want, w.want)
	}
	e.Title = strings.Join(want, " ")
	joined := strings.Join(tex, " ")
	if g.chance(20) {
		joined = strings.Join(tex, "\n    ")
	}
	switch g.rng.IntN(3) {
	case 0:
		add("title", "{"+joined+"}")
	case 1:
		add("title", "{{"+joined+"}}")
	default:
		add("title", `"`+joined+`"`)
	}

	// The date: year and month in their many spellings, or a biblatex date.
	year := 1980 + g.rng.IntN(45)
	e.Issued.Year = year
	switch g.rng.IntN(4) {
	case 0:
		add("year", fmt.Sprint(year))
	case 1:
		add("year", fmt.Sprintf("{%d}", year))
		month := 1 + g.rng.IntN(12)
		e.Issued.Month = month
		add("month", pick(g, []string{englishMonths[month-1][:3], fmt.Sprintf("{%d}", month), "{" + strings.ToUpper(englishMonths[month-1][:1]) + englishMonths[month-1][1:] + "}"}))
	case 2:
		add("year", fmt.Sprintf(`"%d"`, year))
	default:
		month, day := 1+g.rng.IntN(12), 1+g.rng.IntN(28)
		e.Issued = Date{Year: year, Month: month, Day: day}
		add("date", fmt.Sprintf("{%d-%02d-%02d}", year, month, day))
	}

	switch e.Type {
	case "article-journal":
		j := pick(g, genJournals)
		add(pick(g, []string{"journal", "journaltitle"}), j.tex)
		e.ContainerTitle = j.want
		e.Volume = fmt.Sprint(1 + g.rng.IntN(400))
		add("volume", pick(g, []string{e.Volume, "{" + e.Volume + "}"}))
		e.Issue = fmt.Sprint(1 + g.rng.IntN(12))
		add("number", "{"+e.Issue+"}")
		first := 1 + g.rng.IntN(2000)
		e.Page = fmt.Sprintf("%d-%d", first, first+g.rng.IntN(30))
		add("pages", pick(g, []string{"{" + strings.Replace(e.Page, "-", "--", 1) + "}", `"` + strings.Replace(e.Page, "-", " -- ", 1) + `"`}))
	case "book":
		e.Publisher, e.PublisherPlace = "Oxford University Press", "Oxford"
		add("publisher", "{Oxford University Press}")
		add(pick(g, []string{"address", "location"}), "{Oxford}")
	case "chapter":
		e.ContainerTitle = "Handbook of Mentalizing in Mental Health Practice"
		add("booktitle", "{Handbook of Mentalizing in Mental Health Practice}")
		e.Editor = []Name{{Family: "Bateman", Given: "Anthony"}, {Family: "Fonagy", Given: "Peter"}}
		add("editor", "{Bateman, Anthony and Fonagy, Peter}")
		e.Page = "3-42"
		add("pages", "{3--42}")
	case "paper-conference":
		e.ContainerTitle = "Proceedings of the International Congress"
		add("booktitle", `"Proceedings of the International Congress"`)
	case "report":
		e.Publisher, e.Number, e.Genre = "NHS England", fmt.Sprintf("TR-%d", i), "Technical report"
		add("institution", "{NHS England}")
		add("number", "{"+e.Number+"}")
	case "thesis":
		e.Publisher, e.Genre = "University College London", "PhD thesis"
		add("school", "{University College London}")
	case "webpage":
		e.URL = fmt.Sprintf("https://example.org/pages/%d/a_b?x=1&y=%%20", i)
		add("url", `{`+strings.NewReplacer("_", `\_`, "%", `\%`).Replace(e.URL)+`}`)
		e.Accessed = Date{Year: 2024, Month: 3, Day: 5}
		add("urldate", "{2024-03-05}")
	}
	if g.chance(60) {
		e.DOI = fmt.Sprintf("10.%d/gen.%d", 1000+g.rng.IntN(9000), i)
		add("doi", pick(g, []string{"{" + e.DOI + "}", "{https://doi.org/" + e.DOI + "}"}))
	}
	// Fields that Zotero, Mendeley and JabRef add and that are ignored.
	if g.chance(50) {
		add("abstract", "{Background: 50\\% of {patients} improved; contact x@y.org.\nMethods: {nested {braces}} and \"quotes\".}")
	}
	if g.chance(40) {
		add("file", `{Full Text:C\:\\Users\\me\\Zotero\\storage\\X.pdf:application/pdf}`)
	}
	if g.chance(30) {
		add("keywords", "{Adult, Female, Humans}")
	}
	if g.chance(20) {
		add("mendeley-tags", "{MBT}")
	}
	g.rng.Shuffle(len(fields), func(a, b int) { fields[a], fields[b] = fields[b], fields[a] })

	e.ID = fmt.Sprintf("%s%d_%d", strings.ToLower(pick(g, []string{"bateman", "Fonagy", "storebo"})), year, i)
	open, closer := "{", "}"
	if g.chance(10) {
		open, closer = "(", ")"
	}
	e.Line = g.line + 1
	g.write("@" + typ + open + e.ID + ",\n")
	for k, f := range fields {
		name := f.name
		switch g.rng.IntN(6) {
		case 0:
			name = strings.ToUpper(name)
		case 1:
			name = strings.ToUpper(name[:1]) + name[1:]
		}
		g.write("  " + name + " = " + f.value)
		if k < len(fields)-1 || g.chance(50) {
			g.write(",")
		}
		g.write("\n")
	}
	g.write(closer + "\n")
	g.want = append(g.want, e)
}

// TestGeneratedBib parses hundreds of generated entries, as exported and
// after a trip through Windows (CRLF line endings and a byte order mark),
// and checks that every entry comes out whole.
func TestGeneratedBib(t *testing.T) {
	src, want := genBib(800, 42)
	variants := map[string][]byte{
		"lf":       src,
		"crlf+bom": append([]byte("\uFEFF"), strings.ReplaceAll(string(src), "\n", "\r\n")...),
	}
	for name, src := range variants {
		t.Run(name, func(t *testing.T) {
			got, diags := ParseBibTeX("big.bib", src)
			if len(diags) > 0 {
				t.Errorf("unexpected diagnostics:\n%s", diags)
			}
			if len(got) != len(want) {
				t.Fatalf("got %d entries, want %d", len(got), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("entry %d:\n got %+v\nwant %+v", i, got[i], want[i])
				}
			}
		})
	}
}

// TestGeneratedBibErrors breaks one entry in every ten of a generated file,
// in one of three ways, and checks that each break gives exactly one
// error, placed inside the broken entry, and that no other entry is lost:
// one mistake must not hide the rest of the file.
func TestGeneratedBibErrors(t *testing.T) {
	src, want := genBib(300, 7)
	lines := strings.SplitAfter(string(src), "\n")
	broken := map[int]string{} // entry index -> how
	for i, e := range want {
		if i%10 != 5 {
			continue
		}
		at := e.Line - 1 // the line with "@type{key,"
		switch i / 10 % 3 {
		case 0:
			lines[at] = lines[at][:strings.IndexAny(lines[at], "{(")+1] + "\n"
			broken[i] = "no key"
		case 1:
			// The first field's value loses its closing delimiter (a
			// one-line value that does not use #).
			l := lines[at+1]
			j := strings.LastIndexAny(l, `}"`)
			if j < 0 || strings.Contains(l, "#") || strings.Count(l, "{") != strings.Count(l, "}") || (l[j] == '"' && strings.Count(l, `"`) != 2) {
				continue
			}
			lines[at+1] = l[:j] + l[j+1:]
			broken[i] = "value not closed"
		default:
			for k := at + 1; k < len(lines); k++ {
				if t := strings.TrimSpace(lines[k]); t == "}" || t == ")" {
					lines[k] = "\n"
					break
				}
			}
			broken[i] = "entry not closed"
		}
	}
	got, diags := ParseBibTeX("big.bib", []byte(strings.Join(lines, "")))
	if len(broken) < 25 {
		t.Fatalf("only %d entries broken", len(broken))
	}
	ids := map[string]bool{}
	for _, e := range got {
		ids[e.ID] = true
	}
	for i, e := range want {
		if !ids[e.ID] && broken[i] != "no key" {
			t.Errorf("entry %d (%s) was lost", i, e.ID)
		}
	}
	errsIn := map[int]int{} // entry index -> errors reported inside it
	for _, d := range diags {
		i := sort.Search(len(want), func(i int) bool { return want[i].Line > d.Line }) - 1
		if d.Severity != diag.Error || i < 0 || broken[i] == "" {
			t.Errorf("a diagnostic outside the broken entries: %s", d)
			continue
		}
		errsIn[i]++
	}
	for i, how := range broken {
		if errsIn[i] != 1 {
			t.Errorf("entry %d (%s, %s): %d errors, want 1", i, want[i].ID, how, errsIn[i])
		}
	}
	if t.Failed() {
		t.Logf("diagnostics:\n%s", diags)
	}
}

// TestParseBibTeXLinearTime parses inputs that once took time quadratic
// in their size (each of these took from 5 to 75 seconds at 200 KB). At
// 500 KB each must now take well under the budget, even with -race.
func TestParseBibTeXLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const n = 500_000
	inputs := map[string]string{
		"many @ on one line":      "x" + strings.Repeat("@", n),
		"deeply nested braces":    "@a{k, title = {" + strings.Repeat("{", n/2) + strings.Repeat("}", n/2) + "}}",
		"a chain of accents":      "@a{k, title = {" + strings.Repeat(`\"`, n/2) + "o}}",
		"nested braced accents":   "@a{k, title = {" + strings.Repeat(`\"{`, n/3) + "o" + strings.Repeat("}", n/3) + "}}",
		"nested superscripts":     "@a{k, title = {$" + strings.Repeat("x^{", n/3) + strings.Repeat("}", n/3) + "$}}",
		"unclosed comments":       strings.Repeat("@comment{", n/9),
		"unclosed comments (":     strings.Repeat("@comment(", n/9),
		"fields on one line":      "@a{k," + strings.Repeat("a=1,", n/4) + "}",
		"many fields":             "@a{k," + strings.Repeat("a=1,b=2,c=3,d=4,", n/16) + "}",
		"duplicate keys":          strings.Repeat("@a{k}", n/5),
		"one long name":           "@a{k, author = {" + strings.Repeat("a ", n/2) + "}}",
		"many authors":            "@a{k, author = {" + strings.Repeat("A and ", n/6) + "}}",
		"unclosed values":         strings.Repeat("@a{k,t={\n", n/9),
		"at signs at line starts": strings.Repeat("@x\n", n/3),
		"many pieces joined":      "@string{x = {abcdefghij}}\n@a{k, title = x" + strings.Repeat(" # x", n/4) + "}",
	}
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			done := make(chan struct{})
			go func() {
				defer close(done)
				ParseBibTeX("x.bib", []byte(src))
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("still parsing after 10s: quadratic time is back")
			}
		})
	}
}

// TestStringsThatDoubleEachOther checks that @string definitions that
// double in size at each step stop with an error, not by filling memory.
func TestStringsThatDoubleEachOther(t *testing.T) {
	var b strings.Builder
	b.WriteString("@string{s0 = {0123456789abcdef}}\n")
	for i := 1; i <= 40; i++ { // 16 bytes * 2^40 = 16 TB
		fmt.Fprintf(&b, "@string{s%d = s%d # s%d}\n", i, i-1, i-1)
	}
	b.WriteString("@article{k, title = s40, year = 2000}\n@article{after, title = {After}, year = 2001}\n")
	entries, diags := ParseBibTeX("x.bib", []byte(b.String()))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "too long once its abbreviations are put in") {
		t.Errorf("want one error, got:\n%s", diags)
	}
	if len(entries) != 2 || entries[1].ID != "after" {
		t.Errorf("the entries after the definitions were lost: %+v", entries)
	}
}

// BenchmarkParseBibTeX parses a generated file of 5,000 entries.
func BenchmarkParseBibTeX(b *testing.B) {
	src, want := genBib(5000, 1)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		entries, _ := ParseBibTeX("big.bib", src)
		if len(entries) != len(want) {
			b.Fatalf("got %d entries", len(entries))
		}
	}
}

// FuzzParseBibTeX checks that no input makes the parser panic or return
// an entry without a key, and that every position it reports is in the
// file.
func FuzzParseBibTeX(f *testing.F) {
	_, cases := readSpec(f, specFile)
	for _, c := range cases {
		f.Add(c.input())
	}
	src, _ := genBib(5, 3)
	f.Add(src)
	for _, s := range []string{"@", "@a{", "@a{k,", "@a{k, t = {", `@a{k, t = "`, "@string{x = y # z}", "@a(k, t = a # b)", "\uFEFF@a{k}\r\n", "@comment{", "@a{k, author = { and and {} , , }"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		entries, diags := ParseBibTeX("f.bib", src)
		lines := strings.Count(string(src), "\n") + 1
		for _, e := range entries {
			if e.ID == "" {
				t.Fatalf("an entry without a key: %+v", e)
			}
			if e.Line < 1 || e.Line > lines {
				t.Fatalf("entry %q on line %d of %d", e.ID, e.Line, lines)
			}
			if !utf8.ValidString(e.Title) && utf8.Valid(src) {
				t.Fatalf("title %q is not UTF-8", e.Title)
			}
		}
		for _, d := range diags {
			if d.File != "f.bib" || d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Fatalf("diagnostic out of the file: %s", d)
			}
		}
	})
}
