package handout

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "update golden files")

// layoutLog writes what goes on which page: each block's kind, its first
// words and which of its lines, so that a diff of it shows a layout
// decision that changed.
func layoutLog(pages [][]placed) string {
	var b strings.Builder
	for i, page := range pages {
		fmt.Fprintf(&b, "page %d\n", i+1)
		for j := 0; j < len(page); {
			k := j
			for k+1 < len(page) && page[k+1].block == page[j].block {
				k++
			}
			label := page[j].label
			if utf8.RuneCountInString(label) > 48 {
				label = string([]rune(label)[:48]) + "…"
			}
			fmt.Fprintf(&b, "  %-11s %q", page[j].kind, label)
			if k > j {
				fmt.Fprintf(&b, " ×%d", k-j+1)
			}
			b.WriteByte('\n')
			j = k + 1
		}
	}
	return b.String()
}

// TestLayoutGolden lays out the pages in testdata/*.txtar and compares
// what goes on which page with the .golden file beside each. Each archive
// holds page.md and may hold refs.bib; an image "dot.png" is made by the
// test. Run with -update to rewrite the golden files, and review the
// diff.
func TestLayoutGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			md, bib := "", testBib
			for _, f := range ar.Files {
				switch f.Name {
				case "page.md":
					md = string(f.Data)
				case "refs.bib":
					bib = string(f.Data)
				}
			}
			if name == "references" {
				md, bib = manyReferences(40)
			}
			d, r := page(t, md, bib, "")
			img := writePNG(t, 640, 360)
			d.Images = func(dest string) string {
				if dest == "dot.png" {
					return img
				}
				return ""
			}
			l, err := r.layout(d)
			if err != nil {
				t.Fatal(err)
			}
			pages := flow(l.items, marginTop, marginTop, l.paper.h-marginBottom)
			got := layoutLog(pages)
			checkKeeps(t, pages)
			if name == "long" {
				// The page is made so that, without the rule, its h3 would
				// end page 2: the rule must have made a decision.
				for i := range l.items {
					l.items[i].keep = false
				}
				loose := layoutLog(flow(l.items, marginTop, marginTop, l.paper.h-marginBottom))
				if !strings.Contains(loose, "A heading that falls near the foot of a page\"\npage 3") {
					t.Errorf("testdata/long.txtar no longer puts its h3 at the foot of page 2 when headings are not kept with their text; adjust it so the test tests something:\n%s", loose)
				}
			}
			golden := strings.TrimSuffix(file, ".txtar") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("layout of %s changed (go test -update rewrites %s; review its diff):\n%s", file, golden, got)
			}
			if h, err := r.Render(d); err != nil || h.Pages != len(pages) {
				t.Errorf("Render: %d pages, %v; the layout has %d", h.Pages, err, len(pages))
			}
		})
	}
}

// checkKeeps fails if a page ends with an item that is kept with the
// next (a heading, the first line of a paragraph) while the next fitted
// on a page of its own.
func checkKeeps(t *testing.T, pages [][]placed) {
	t.Helper()
	for i, page := range pages[:len(pages)-1] {
		last := page[len(page)-1]
		if last.keep {
			t.Errorf("page %d ends with %s %q, which should have moved on with what follows it", i+1, last.kind, last.label)
		}
	}
}

// manyReferences returns a page that cites n works, one a paragraph, and
// their bibliography.
func manyReferences(n int) (md, bib string) {
	var m, b strings.Builder
	m.WriteString("## Evidence\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&m, "Placeholder finding number %d is reported here [@work%d].\n\n", i, i)
		fmt.Fprintf(&b, "@article{work%d,\n  author = {Author%d, Alex and Second, Sam and Third, Tam},\n  title = {Placeholder article number %d with a title long enough to wrap onto a second line},\n  journal = {Journal of Placeholders},\n  year = {%d},\n  volume = {%d},\n  pages = {%d--%d},\n  doi = {10.1000/placeholder.%d}\n}\n", i, i, i, 1990+i%30, i, i*10, i*10+9, i)
	}
	return m.String(), b.String()
}

// writePNG writes a w×h grey PNG and returns its path.
func writePNG(t testing.TB, w, h int) string {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i % 251)
	}
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return writeTemp(t, b.Bytes(), "dot.png")
}
