package cite

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestMBTReferences reads the project's verified references (a copy of
// /work/shared/references/mbt-references.json) and compares every field
// of every entry with a golden file that was checked by hand against the
// JSON. Run with -update to rewrite the golden file, then review it.
func TestMBTReferences(t *testing.T) {
	entries, diags := ParseCSLJSON("content/references.json", readFile(t, "testdata/mbt-references.json"))
	if len(diags) > 0 {
		t.Errorf("unexpected diagnostics:\n%s", diags)
	}
	if len(entries) != 12 {
		t.Fatalf("got %d entries, want 12", len(entries))
	}
	got := formatEntries(t, entries) + "\n"
	const golden = "testdata/mbt-references.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want := string(readFile(t, golden)); got != want {
		t.Errorf("entries differ from %s (run with -update and review the diff):\n%s", golden, got)
	}

	// The facts a reader would most regret getting wrong, checked apart
	// from the golden file.
	byID := make(map[string]Entry)
	for _, e := range entries {
		byID[e.ID] = e
	}
	s := byID["storebo2020"]
	if len(s.Author) != 12 || s.Author[0] != (Name{Family: "Storebø", Given: "O. J."}) || s.Author[2].Family != "Völlm" || s.Author[5].Family != "Jørgensen" {
		t.Errorf("storebo2020 authors = %+v", s.Author)
	}
	if s.Issue != "5" || s.Number != "CD012955" || s.Page != "CD012955" || s.PMID != "32368793" || s.ContainerTitleShort != "Cochrane Database Syst Rev" {
		t.Errorf("storebo2020 = %+v", s)
	}
	n := byID["nice2009cg78"]
	if n.Type != "report" || len(n.Author) != 1 || n.Author[0] != (Name{Literal: "National Institute for Health and Care Excellence"}) ||
		n.Issued != (Date{Year: 2009, Month: 1, Day: 28}) || n.Genre != "Clinical guideline" || n.Number != "CG78" ||
		n.URL != "https://www.nice.org.uk/guidance/cg78" || !strings.HasPrefix(n.Note, "Originally issued January 2009") {
		t.Errorf("nice2009cg78 = %+v", n)
	}
	if b := byID["bateman1999"]; b.Page != "1563-1569" || b.DOI != "10.1176/ajp.156.10.1563" || b.Volume != "156" || b.Issue != "10" || b.Issued != (Date{Year: 1999}) {
		t.Errorf("bateman1999 = %+v", b)
	}
	if b := byID["bateman2006guide"]; b.Type != "book" || b.Publisher != "Oxford University Press" || b.ISBN != "9780198570905" {
		t.Errorf("bateman2006guide = %+v", b)
	}
	if b := byID["bateman2004"]; b.Author[0] != (Name{Family: "Bateman", Given: "A. W."}) || b.DOI != "" || b.Issue != "" {
		t.Errorf("bateman2004 = %+v", b)
	}
	for i, e := range entries {
		if e.File != "content/references.json" || e.Line < 2 {
			t.Errorf("entry %d (%s) at %s:%d", i, e.ID, e.File, e.Line)
		}
	}
	if entries[0].Line != 2 || entries[1].Line != 30 {
		t.Errorf("lines of the first entries = %d, %d; want 2, 30 (where their \"{\" stand)", entries[0].Line, entries[1].Line)
	}
}

// TestBibTeXAgreesWithCSLJSON reads the same twelve references written by
// hand as BibTeX and checks that both readers give the same entries.
func TestBibTeXAgreesWithCSLJSON(t *testing.T) {
	fromJSON, diags := ParseCSLJSON("refs.json", readFile(t, "testdata/mbt-references.json"))
	if len(diags) > 0 {
		t.Fatalf("json: %s", diags)
	}
	fromBib, diags := ParseBibTeX("refs.bib", readFile(t, "testdata/mbt-references.bib"))
	if len(diags) > 0 {
		t.Fatalf("bib: %s", diags)
	}
	if len(fromBib) != len(fromJSON) {
		t.Fatalf("bib has %d entries, json %d", len(fromBib), len(fromJSON))
	}
	for i := range fromJSON {
		j, b := fromJSON[i], fromBib[i]
		if j.File != "refs.json" || b.File != "refs.bib" || j.Line == 0 || b.Line == 0 {
			t.Errorf("entry %d: positions %s:%d and %s:%d", i, j.File, j.Line, b.File, b.Line)
		}
		j.File, j.Line, b.File, b.Line = "", 0, "", 0
		if !reflect.DeepEqual(j, b) {
			t.Errorf("entry %d differs\njson: %+v\nbib:  %+v", i, j, b)
		}
	}
}

func TestParseCSLJSON(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		want  []Entry // File is filled in
		diags string
	}{
		{
			name: "numbers as numbers or strings, date forms, names with particles",
			src: `[
  {"id": "a", "type": "article-journal", "title": " Title ", "volume": 21, "issue": "4", "page": "1563–1569",
   "author": [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
              {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
              {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
              {"literal": "World Health Organization"}],
   "issued": {"date-parts": [["2020", "5", "4"]]}, "accessed": {"raw": "2023-01-02"},
   "doi": "https://doi.org/10.1000/x", "journalAbbreviation": "J Abbr"},
  {"id": 42, "type": "book", "title": "Raw date", "issued": {"raw": "Spring 2020"}, "edition": 2},
  {"id": "c", "type": "webpage", "title": "Literal date", "issued": {"literal": "in press"}},
  {"id": "d", "type": "report", "title": "Range", "issued": {"date-parts": [[2019, 12], [2020, 1]]}, "number": null},
  {"id": "e", "type": "report", "title": "String date", "issued": "2018-07"}
]`,
			want: []Entry{
				{ID: "a", Type: "article-journal", Title: "Title", Volume: "21", Issue: "4", Page: "1563-1569",
					Author: []Name{
						{Family: "Gogh", Given: "Vincent", Particle: "van"},
						{Family: "Beethoven", Given: "Ludwig", DroppingParticle: "van"},
						{Family: "King", Given: "Martin Luther", Suffix: "Jr."},
						{Literal: "World Health Organization"},
					},
					Issued: Date{2020, 5, 4, ""}, Accessed: Date{2023, 1, 2, ""}, DOI: "10.1000/x", ContainerTitleShort: "J Abbr", Line: 2},
				{ID: "42", Type: "book", Title: "Raw date", Issued: Date{Literal: "Spring 2020"}, Edition: "2", Line: 9},
				{ID: "c", Type: "webpage", Title: "Literal date", Issued: Date{Literal: "in press"}, Line: 10},
				{ID: "d", Type: "report", Title: "Range", Issued: Date{Year: 2019, Month: 12}, Line: 11},
				{ID: "e", Type: "report", Title: "String date", Issued: Date{Year: 2018, Month: 7}, Line: 12},
			},
		},
		{
			name: "an entry without id, duplicates, unknown and missing types, missing title and date",
			src: `[
  {"type": "book", "title": "No id"},
  {"id": "", "type": "book", "title": "Empty id"},
  {"id": "x", "type": "book", "title": "First", "issued": {"date-parts": [[2001]]}},
  {"id": "x", "type": "book", "title": "Second", "issued": {"date-parts": [[2002]]}},
  {"id": "X", "type": "book", "title": "Capital", "issued": {"date-parts": [[2003]]}},
  {"id": "t1", "type": "blog", "title": "T", "issued": {"date-parts": [[2004]]}},
  {"id": "t2", "issued": {"date-parts": [[2005]]}}
]`,
			want: []Entry{
				{ID: "x", Type: "book", Title: "First", Issued: Date{Year: 2001}, Line: 4},
				{ID: "t1", Type: "document", Title: "T", Issued: Date{Year: 2004}, Line: 7},
				{ID: "t2", Type: "document", Issued: Date{Year: 2005}, Line: 8},
			},
			diags: `refs.json:2:3: error: entry 1 of the list has no "id", so pages cannot cite it: add one, e.g. "id": "smith2020" (the entry is skipped until then)
refs.json:3:3: error: entry 2 of the list has no "id", so pages cannot cite it: add one, e.g. "id": "smith2020" (the entry is skipped until then)
refs.json:5:3: error: the id "x" is used twice, on lines 4 and 5; each entry needs its own id: rename or delete one (this one is ignored)
refs.json:6:3: error: the id "X" differs from "x" on line 4 only in capitals, so citations cannot tell them apart; rename one (this one is ignored)
refs.json:7:3: warning: entry "t1" has the unknown type "blog" and is shown as a generic document; use a CSL type such as article-journal, book, chapter, report or webpage
refs.json:8:3: warning: entry "t2" has no "type" and is shown as a generic document; add one, e.g. "type": "article-journal"
refs.json:8:3: warning: entry "t2" has no title; add "title": "..."`,
		},
		{
			name: "values of the wrong kind",
			src: `[
  {"id": "a", "type": "book", "title": "T", "author": "Smith, J.", "issued": {"date-parts": [[2001]]}},
  {"id": "b", "type": "book", "title": ["T"], "issued": {"date-parts": [["spring"]]}},
  "not an object"
]`,
			want: []Entry{
				{ID: "a", Type: "book", Title: "T", Issued: Date{Year: 2001}, Line: 2},
				{ID: "b", Type: "book", Line: 3},
			},
			diags: `refs.json:2:45: error: in entry "a" the "author" value is a text, but a list of names, e.g. [{"family": "Fonagy", "given": "P."}] is expected; the value is left out
refs.json:3:3: warning: entry "b" has no title; add "title": "..."
refs.json:3:3: warning: entry "b" has no year; add "issued": {"date-parts": [[YYYY]]} (the reference list shows "n.d." until then)
refs.json:3:3: warning: in entry "b" the "issued" date is not a date; write it as {"date-parts": [[YYYY, M, D]]}
refs.json:3:31: error: in entry "b" the "title" value is a list, but a text or a number is expected; the value is left out
refs.json:4:3: error: entry 3 of the list is not an object in { ... }, so it is skipped; each entry is written {"id": ..., "type": ..., ...}`,
		},
		{
			name: "a syntax error keeps the entries before it",
			src:  "\uFEFF[\r\n  {\"id\": \"a\", \"type\": \"book\", \"title\": \"T\", \"issued\": {\"date-parts\": [[2001]]}},\r\n  {\"id\": \"b\",, \"type\": \"book\"}\r\n]",
			want: []Entry{
				{ID: "a", Type: "book", Title: "T", Issued: Date{Year: 2001}, Line: 2},
			},
			diags: `refs.json:3:14: error: this is not valid JSON (invalid character ',' looking for beginning of object key string): check for a missing or extra ",", quote or bracket just before this point`,
		},
		{
			name:  "a file cut off",
			src:   "[\n  {\"id\": \"a\", \"type\": \"book\"",
			diags: `refs.json:2:29: error: the file ends too early: a "]" or "}" is missing at the end, or the file was cut off; export it again`,
		},
		{
			name:  "not a list",
			src:   `{"id": "a", "type": "book"}`,
			diags: `refs.json:1:1: error: a CSL-JSON file is a list of entries, starting with "["; this one starts with "{". Export the library again as "CSL JSON"`,
		},
		{
			name:  "an empty file",
			src:   " \n",
			diags: `refs.json:1:1: error: the file is empty: a CSL-JSON file is a list of entries in [ ... ]`,
		},
		{
			name: "an empty list",
			src:  "[]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := ParseCSLJSON("refs.json", []byte(tt.src))
			for i := range tt.want {
				tt.want[i].File = "refs.json"
			}
			if len(got) != 0 || len(tt.want) != 0 {
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("entries:\ngot  %+v\nwant %+v", got, tt.want)
				}
			}
			if d := strings.TrimSpace(diags.String()); d != tt.diags {
				t.Errorf("diagnostics:\ngot\n%s\nwant\n%s", d, tt.diags)
			}
		})
	}
}

// TestParseCSLJSONMinified reads a large export written on one line, where
// every entry has a problem: all entries come out, and every message has
// the right column.
func TestParseCSLJSONMinified(t *testing.T) {
	const n = 3000
	var b strings.Builder
	b.WriteString("[")
	var cols []int
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		cols = append(cols, utf8.RuneCountInString(b.String())+1)
		fmt.Fprintf(&b, `{"id":"k%d","type":"book","title":"Stoffers-Winterling: Völlm %d","page":[1]}`, i, i)
	}
	b.WriteString("]")
	entries, diags := ParseCSLJSON("min.json", []byte(b.String()))
	if len(entries) != n {
		t.Fatalf("got %d entries, want %d", len(entries), n)
	}
	// Per entry: the wrong kind of "page" (an error) and no year (a warning).
	if len(diags) != 2*n {
		t.Fatalf("got %d diagnostics, want %d", len(diags), 2*n)
	}
	for i := range n {
		warn := diags[2*i]
		if warn.Line != 1 || warn.Col != cols[i] || !strings.Contains(warn.Message, "has no year") {
			t.Fatalf("entry %d: %s; want column %d", i, warn, cols[i])
		}
	}
}

// FuzzParseCSLJSON checks that no input makes the reader panic or return
// an entry without an id, and that every position it reports is in the
// file.
func FuzzParseCSLJSON(f *testing.F) {
	f.Add(readFile(f, "testdata/mbt-references.json"))
	for _, s := range []string{`[]`, `[{"id": 1}]`, `[{"id": "a", "issued": "2020"}]`, `[{"id": "a", "author": [{}]}, 3]`, `[{"id": "a",`, `{}`, "\uFEFF[]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		entries, diags := ParseCSLJSON("f.json", src)
		lines := strings.Count(string(src), "\n") + 1
		for _, e := range entries {
			if e.ID == "" || e.Line < 1 || e.Line > lines {
				t.Fatalf("entry %q on line %d of %d", e.ID, e.Line, lines)
			}
		}
		for _, d := range diags {
			if d.File != "f.json" || d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Fatalf("diagnostic out of the file: %s", d)
			}
		}
	})
}
