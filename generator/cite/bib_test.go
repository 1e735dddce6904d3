package cite

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLineIndex asks for positions in random order, so that the
// remembered last position is sometimes on the same line, before or after,
// and sometimes not, and compares with counting from the start.
func TestLineIndex(t *testing.T) {
	src := "ab\nStorebø, Völlm\r\n\n" + strings.Repeat("é", 50) + "\nlast"
	x := newLineIndex(src)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		off := rng.IntN(len(src) + 1)
		for off < len(src) && !utf8.RuneStart(src[off]) {
			off++
		}
		wantLine := strings.Count(src[:off], "\n") + 1
		wantCol := utf8.RuneCountInString(src[strings.LastIndexByte(src[:off], '\n')+1:off]) + 1
		if line, col := x.pos(off); line != wantLine || col != wantCol {
			t.Fatalf("pos(%d) = %d:%d, want %d:%d", off, line, col, wantLine, wantCol)
		}
		if line := x.line(off); line != wantLine {
			t.Fatalf("line(%d) = %d, want %d", off, line, wantLine)
		}
	}
}

func TestDates(t *testing.T) {
	iso := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2020", Date{Year: 2020}, true},
		{"2020-05", Date{Year: 2020, Month: 5}, true},
		{"2020-05-04", Date{Year: 2020, Month: 5, Day: 4}, true},
		{"2020-05-04T10:00:00Z", Date{Year: 2020, Month: 5, Day: 4}, true},
		{"2020-05-04/2021", Date{Year: 2020, Month: 5, Day: 4}, true},
		{"2020~", Date{Year: 2020}, true},
		{"2021-02-29", Date{}, false},
		{"2020-02-29", Date{Year: 2020, Month: 2, Day: 29}, true},
		{"2020-5-4", Date{}, false},
		{"20", Date{}, false},
		{"May 2020", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range iso {
		if got, ok := parseISODate(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("parseISODate(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	months := map[string]int{"5": 5, "05": 5, "May": 5, "sep": 9, "Sept.": 9, "September": 9, "DEC": 12, "13": 0, "Ma": 0, "Mai": 0, "": 0}
	for in, want := range months {
		if got := monthNumber(in); got != want {
			t.Errorf("monthNumber(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	pages := map[string]string{"1563–1569": "1563-1569", "36 -- 51": "36-51", "e123": "e123", "S1—S5": "S1-S5", "12-": "12", "-": "-"}
	for in, want := range pages {
		if got := normalizePages(in); got != want {
			t.Errorf("normalizePages(%q) = %q, want %q", in, got, want)
		}
	}
	dois := map[string]string{"https://doi.org/10.1/x": "10.1/x", "HTTP://DX.DOI.ORG/10.1/x": "10.1/x", "doi:10.1/x": "10.1/x", " 10.1/x ": "10.1/x"}
	for in, want := range dois {
		if got := normalizeDOI(in); got != want {
			t.Errorf("normalizeDOI(%q) = %q, want %q", in, got, want)
		}
	}
}
