package cite

import (
	"fmt"
	"testing"
)

// BenchmarkFormatAll5000 formats a reference list of 5,000 works (the
// fixtures and verified references, each copied with its own key, title
// and first author) as the site-wide references page does: the processor
// with every work registered, then the list with its links. The processor
// is made once per bibliography, as in a build, so each iteration is the
// formatting alone. scripts/bench-pandoc.sh compares the same work with
// pandoc's citeproc.
func BenchmarkFormatAll5000(b *testing.B) {
	base := append(styleFixtures(), mbtEntries(b)...)
	entries := make([]*Entry, 5000)
	for i := range entries {
		e := *base[i%len(base)]
		e.ID = fmt.Sprintf("%s-%d", e.ID, i)
		e.Title = fmt.Sprintf("%s, part %d", e.Title, i)
		if len(e.Author) > 0 {
			e.Author = append([]Name(nil), e.Author...)
			e.Author[0].Family = fmt.Sprintf("%s%d", e.Author[0].Family, i%700)
		}
		entries[i] = &e
	}
	for _, name := range []string{"ama", "apa"} {
		b.Run(name, func(b *testing.B) {
			s := mustStyle(b, name)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				// A new bibliography each time, as each build has: its
				// processor registers the entries, and AMA's cache of
				// formatted entries starts empty.
				bib := entriesBibliography(b, entries)
				list, err := FormatAll(bib, s, entries)
				if err != nil || len(list) != len(entries) {
					b.Fatal(len(list), err)
				}
			}
		})
	}
}
