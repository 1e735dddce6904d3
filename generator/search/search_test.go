package search

import (
	"bytes"
	"encoding/hex"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "update golden files")

func TestWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Self-harm, don't Mentalising café", "self harm selfharm dont mentalising cafe"},
		{"black-and-white thinking", "black and white blackandwhite thinking"},
		{"— -dash- ’quoted’ patient’s", "dash quoted patients"},
		{"ÉMOTIONS naïve 999 CG78", "emotions naive 999 cg78"},
		{"", ""},
	} {
		if got := strings.Join(Words(c.in), " "); got != c.want {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSpellings(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"behaviour", "behavior"}, {"behavioural", "behavioral"}, {"behavior", "behaviour"},
		{"mentalising", "mentalizing"}, {"mentalization", "mentalisation"}, {"organisations", "organizations"},
		{"counselling", "counseling"}, {"paediatric", "pediatric"}, {"analyse", "analyze"},
		{"exercise", ""}, {"laboratory", ""}, {"crisis", ""}, {"raise", ""}, {"hour", ""},
	} {
		got := strings.Join(Spellings(c.in), " ")
		if got != c.want {
			t.Errorf("Spellings(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStem(t *testing.T) {
	same := [][]string{
		{"mentalising", "mentalizing", "mentalization", "mentalize"},
		{"behaviour", "behavior", "behaviours"},
		{"therapies", "therapy"},
		{"feelings", "feeling", "feel"},
	}
	for _, ws := range same {
		for _, w := range ws[1:] {
			if Stem(w) != Stem(ws[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want the same", w, Stem(w), ws[0], Stem(ws[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"mentalizing", "mental"}, {"personality", "person"}} {
		if Stem(pair[0]) == Stem(pair[1]) {
			t.Errorf("Stem(%q) = Stem(%q) = %q: a search for one would find the other", pair[0], pair[1], Stem(pair[0]))
		}
	}
}

func TestParseSynonyms(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"good", "synonyms:\n  - [BPD, EUPD]\ncrisis: [overdose]\n", ""},
		{"not yaml", "synonyms:\n  - [BPD, EUPD\n", "error: this is not valid YAML (did not find expected ',' or ']')"},
		{"unknown key", "synonym:\n  - [BPD, EUPD]\n", `s.yaml:1:1: error: unknown key "synonym"`},
		{"one word", "synonyms:\n  - [BPD]\n", "s.yaml:2:5: error: this group has only one usable word"},
		{"not a group", "synonyms:\n  - BPD\n", `s.yaml:2:5: error: "BPD" is not a group`},
		{"stop words", "synonyms:\n  - [BPD, EUPD, the and]\n", `s.yaml:2:17: error: "the and" is made only of words too common`},
		{"nested", "crisis:\n  - [a, b]\n", "s.yaml:2:5: error: a crisis entry should be a word or phrase"},
		{"not a mapping", "- [a, b]\n", "s.yaml:1:1: error: the file should start with synonyms:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := ParseSynonyms("s.yaml", []byte(c.in))
			got := diags.String()
			if c.want == "" && got != "" || !strings.Contains(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	t.Run("site joins theme", func(t *testing.T) {
		site, _ := ParseSynonyms("s.yaml", []byte("synonyms:\n  - [EUPD, emotional intensity disorder]\n  - [splitting, all or nothing thinking]\n"))
		got := DefaultSynonyms().With(site).String()
		if !strings.Contains(got, "=bpd: [bpd]") || !strings.Contains(got, "[emotional intensity disorder]") || strings.Count(got, "=bpd") != 1 {
			t.Errorf("the site's group did not join the theme's:\n%s", got)
		}
	})
}

// search runs one query on an index and returns the URLs found.
func search(t *testing.T, x *Index, q string) string {
	t.Helper()
	rs, err := searcher(t, x).Search(Query{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	return urls(rs)
}

func TestMatching(t *testing.T) {
	x := buildTiny(t, tinySite())
	for _, c := range []struct{ q, first, has string }{
		{"EUPD", "/understanding/mentalizing-and-bpd/", ""},
		{"emotionally unstable personality disorder", "/understanding/mentalizing-and-bpd/", ""},
		{"mentalizng", "/understanding/what-is-mentalizing/", ""},
		{"mentalising", "/understanding/what-is-mentalizing/", ""},
		{"Mentalisation", "/understanding/what-is-mentalizing/", ""},
		{"self harm", "/get-help-now/", "/understanding/mentalizing-and-bpd/"},
		{"selfharm", "/get-help-now/", "/understanding/mentalizing-and-bpd/"},
		{"self-injury", "/understanding/mentalizing-and-bpd/", ""},
		{"sucide", "/get-help-now/", ""},
		{"I want to kill myself", "/get-help-now/", ""},
		{"overdose", "/get-help-now/", ""},
		{"behavior", "/therapy/what-to-expect/", "/understanding/what-is-mentalizing/"},
		{"DBT", "/therapy/what-to-expect/", ""},
		{"therapies", "/", "/therapy/what-to-expect/"},
		{"cookies", "/about/privacy/", ""},
	} {
		got := search(t, x, c.q)
		if !strings.HasPrefix(got+" ", c.first+" ") || !strings.Contains(got, c.has) {
			t.Errorf("%q found %q; want %s first and %s among them", c.q, got, c.first, c.has)
		}
	}
	for _, q := range []string{"", "the", "zzzzqqq", "!!!", strings.Repeat("a", 500)} {
		if got := search(t, x, q); got != "" {
			t.Errorf("%q found %q, want nothing", q, got)
		}
	}
}

func TestRanking(t *testing.T) {
	docs := []Document{
		{URL: "a/", Title: "Sleep", Blocks: []Block{{Text: "How to sleep better."}}},
		{URL: "b/", Title: "Food", Blocks: []Block{{Text: "Eating well helps sleep, and sleep helps mood."}}},
		{URL: "c/", Title: "Anger", Blocks: []Block{{Heading: "Anger and sleep", Text: "Strong feelings."}}},
		{URL: "d/", Title: "Warning signs", Crisis: true, Blocks: []Block{{Text: "Not sleeping for days can be a warning sign."}}},
		{URL: "get-help-now/", Title: "Get help now", Blocks: []Block{{Text: "Call 999."}}},
	}
	x := buildTiny(t, docs)
	if got, want := search(t, x, "sleep"), "/d/ /a/ /c/ /b/"; got != want {
		t.Errorf("sleep: %q, want %q (the crisis page first, then title, heading, body)", got, want)
	}
	if got, want := search(t, x, "sleep anger"), "/c/"; got != want {
		t.Errorf("sleep anger: %q, want %q (pages with both words only)", got, want)
	}
	if got, want := search(t, x, "anger mood"), "/c/ /b/"; got != want {
		t.Errorf("anger mood: %q, want %q (no page has both: pages with either)", got, want)
	}
	if got := search(t, x, "suicidal sleep"); !strings.HasPrefix(got, "/get-help-now/ /d/") {
		t.Errorf("suicidal sleep: %q, want the crisis page first even though it says neither", got)
	}
}

// TestBuildersInParallel adds pages from goroutines, one builder each, as
// parse workers do (run with -race).
func TestBuildersInParallel(t *testing.T) {
	docs := tinySite()
	ix := NewIndexer(Config{CrisisURL: "get-help-now/"})
	builders := make([]*Builder, 3)
	var wg sync.WaitGroup
	for w := range builders {
		builders[w] = ix.NewBuilder()
		wg.Go(func() {
			for i := w; i < len(docs); i += len(builders) {
				builders[w].Add(docs[i])
			}
		})
	}
	wg.Wait()
	x := ix.Merge(testSections, builders...)
	if !maps.EqualFunc(x.Shards(), buildTiny(t, docs).Shards(), bytes.Equal) {
		t.Error("the files depend on how pages were shared among builders")
	}
}

func TestUpdate(t *testing.T) {
	docs := tinySite()
	x := buildTiny(t, docs)
	edited := docs[4]
	edited.Blocks = append([]Block(nil), edited.Blocks...)
	edited.Blocks[0].Text += " Sessions are on Tuesdays."
	changed, removed := x.Update(edited)
	docs[4] = edited
	fresh := buildTiny(t, docs)
	if !maps.EqualFunc(x.Shards(), fresh.Shards(), bytes.Equal) {
		t.Fatal("after Update the files differ from a fresh build's")
	}
	if len(removed) != 0 || len(changed) > 8 {
		t.Errorf("an edit of one page changed %d files (%v) and removed %v", len(changed), changed, removed)
	}
	if !slices.Contains(changed, "search/x/3.json") || !slices.Contains(changed, "search/meta.json") {
		t.Errorf("changed %v: want the page's excerpt and meta.json", changed)
	}
	if got := search(t, x, "tuesdays"); got != "/therapy/what-to-expect/" {
		t.Errorf("tuesdays after the edit: %q", got)
	}
	changed, removed = x.Remove("about/privacy/")
	if len(removed) == 0 || search(t, x, "cookies") != "" {
		t.Errorf("after Remove: changed %v, removed %v, cookies finds %q", changed, removed, search(t, x, "cookies"))
	}
}

// TestGolden compares the tiny site's files with testdata/tiny.txtar
// (go test -update writes it): review its diff like code.
func TestGolden(t *testing.T) {
	x := buildTiny(t, tinySite())
	files := x.Shards()
	var a txtar.Archive
	a.Comment = []byte("The index of the tiny site of site_test.go; postings shards in hex.\n")
	for _, p := range slices.Sorted(maps.Keys(files)) {
		b := files[p]
		if strings.HasSuffix(p, ".bin") {
			b = []byte(hex.Dump(b))
		} else {
			b = append(bytes.Clone(b), '\n')
		}
		a.Files = append(a.Files, txtar.File{Name: p, Data: b})
	}
	got := txtar.Format(&a)
	golden := filepath.Join("testdata", "tiny.txtar")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to make it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the index differs from %s: run go test -update and review the diff", golden)
	}
}

func TestDecodeDamaged(t *testing.T) {
	x := buildTiny(t, tinySite())
	for p, b := range x.Shards() {
		if !strings.HasSuffix(p, ".bin") {
			continue
		}
		for n := 0; n < len(b); n++ {
			if _, err := decodePostings(b[:n]); err == nil && n > 0 {
				t.Errorf("%s cut to %d bytes: no error", p, n)
				break
			}
		}
		if _, err := decodePostings(b); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if _, err := decodePostings([]byte{5, 200}); err == nil {
		t.Error("a damaged shard gave no error")
	}
	_ = fmt.Sprint()
}
