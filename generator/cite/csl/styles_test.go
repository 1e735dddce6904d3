package csl_test

import (
	"flag"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	csldata "pamphlet/third_party/csl"

	"pamphlet/generator/cite/csl"
)

var update = flag.Bool("update", false, "rewrite testdata/styles/*.golden")

// sampleCitations cites the sample references in a small document.
var sampleCitations = []csl.Citation{
	{NoteIndex: 1, Items: []csl.CitationItem{{ID: "smith2020"}}},
	{NoteIndex: 2, Items: []csl.CitationItem{{ID: "brown2018", Locator: "12", Label: "page"}, {ID: "lee2019"}}},
	{NoteIndex: 3, Items: []csl.CitationItem{{ID: "nhs2023"}}},
	{NoteIndex: 4, Items: []csl.CitationItem{{ID: "who2022"}}},
	{NoteIndex: 5, Items: []csl.CitationItem{{ID: "smith2020", Locator: "225"}}},
}

func loadStyle(t testing.TB, file string) *csl.Style {
	src, err := fs.ReadFile(csldata.FS, "styles/"+file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := csl.ParseStyle(file, src)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func loadRefs(t testing.TB) []csl.Item {
	src, err := os.ReadFile("testdata/styles/refs.json")
	if err != nil {
		t.Fatal(err)
	}
	items, err := csl.ParseItems(src)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// TestBundledStyles formats the sample references with each bundled style
// and compares with testdata/styles/<style>.golden (-update rewrites them).
func TestBundledStyles(t *testing.T) {
	files, _ := fs.Glob(csldata.FS, "styles/*.csl")
	if len(files) != 7 {
		t.Fatalf("want 7 bundled styles, have %d", len(files))
	}
	refs := loadRefs(t)
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".csl")
		t.Run(name, func(t *testing.T) {
			p, err := csl.NewProcessor(loadStyle(t, path.Base(f)), embeddedLocales(t), "")
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Register(refs); err != nil {
				t.Fatal(err)
			}
			cites, err := p.Cite(sampleCitations...)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString("# citations (HTML)\n")
			for _, c := range cites {
				b.WriteString(c.HTML() + "\n")
			}
			entries, err := p.Bibliography(sampleCitations...)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString("# bibliography (HTML)\n")
			for _, e := range entries {
				b.WriteString(e.HTML() + "\n")
			}
			b.WriteString("# bibliography (text)\n")
			for _, e := range entries {
				b.WriteString(e.Text() + "\n")
			}
			golden := "testdata/styles/" + name + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(want) != b.String() {
				t.Errorf("%s differs:\n--- want\n%s\n--- got\n%s", golden, want, b.String())
			}
		})
	}
}
