package csl_test

import (
	"fmt"
	"testing"

	"pamphlet/generator/cite/csl"
)

// bigLibrary makes n references by varying the sample references.
func bigLibrary(b *testing.B, n int) ([]csl.Item, []csl.Citation) {
	base := loadRefs(b)
	items := make([]csl.Item, 0, n)
	var cits []csl.Citation
	for i := 0; i < n; i++ {
		src := base[i%len(base)]
		it := csl.Item{ID: fmt.Sprintf("ref%d", i), Type: src.Type,
			Vars: map[string]string{}, Names: map[string][]csl.Name{}, Dates: map[string]*csl.Date{}}
		for k, v := range src.Vars {
			it.Vars[k] = v
		}
		it.Vars["title"] = fmt.Sprintf("%s, part %d", src.Vars["title"], i)
		for k, v := range src.Names {
			ns := append([]csl.Name(nil), v...)
			if ns[0].Literal == "" {
				ns[0].Family = fmt.Sprintf("%s%d", ns[0].Family, i%700)
			}
			it.Names[k] = ns
		}
		for k, v := range src.Dates {
			d := *v
			d.Parts = [][]int{{1990 + i%35, 1 + i%12}}
			it.Dates[k] = &d
		}
		items = append(items, it)
		cits = append(cits, csl.Citation{NoteIndex: i + 1, Items: []csl.CitationItem{{ID: it.ID}}})
	}
	return items, cits
}

func benchStyle(b *testing.B, file string) {
	items, cits := bigLibrary(b, 5000)
	p, err := csl.NewProcessor(loadStyle(b, file), embeddedLocales(b), "")
	if err != nil {
		b.Fatal(err)
	}
	if err := p.Register(items); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		entries, err := p.Bibliography(cits...)
		if err != nil {
			b.Fatal(err)
		}
		if len(entries) != 5000 {
			b.Fatalf("%d entries", len(entries))
		}
		for _, e := range entries {
			_ = e.HTML()
		}
	}
}

// BenchmarkBibliography5000 formats a 5,000-reference bibliography (sorting,
// disambiguation and HTML rendering included) with AMA and APA.
func BenchmarkBibliography5000(b *testing.B) {
	b.Run("AMA", func(b *testing.B) { benchStyle(b, "american-medical-association.csl") })
	b.Run("APA", func(b *testing.B) { benchStyle(b, "apa.csl") })
}
