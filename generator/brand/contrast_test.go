package brand

import (
	"math"
	"math/rand/v2"
	"testing"
)

func hex(t testing.TB, s string) Colour {
	t.Helper()
	c, err := ParseColour(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64 // to two decimals, as WCAG tools show it
		pass bool    // reaches 4.5:1
	}{
		{"#ffffff", "#000000", 21, true},
		{"#000000", "#ffffff", 21, true},
		{"#777777", "#ffffff", 4.48, false},
		{"#767676", "#ffffff", 4.54, true},
		{"#005eb8", "#ffffff", 6.38, true},
		{"#ff0000", "#ffffff", 4.00, false},
		{"#ffcc00", "#ffffff", 1.51, false},
		{"#0000ff", "#ffffff", 8.59, true},
		{"#808080", "#808080", 1, false},
		{"#1c252e", "#ffffff", 15.52, true}, // the default theme's own table
		{"#8cc4ff", "#14191f", 9.64, true},
	}
	for _, tt := range tests {
		got := Contrast(hex(t, tt.a), hex(t, tt.b))
		if math.Abs(got-tt.want) > 0.005 {
			t.Errorf("Contrast(%s, %s) = %.4f, want %.2f", tt.a, tt.b, got, tt.want)
		}
		if (got >= TextRatio) != tt.pass {
			t.Errorf("Contrast(%s, %s) = %.4f: pass = %v, want %v", tt.a, tt.b, got, !tt.pass, tt.pass)
		}
	}
}

func TestRatio(t *testing.T) {
	for _, tt := range []struct {
		r    float64
		want string
	}{
		{21, "21:1"}, {4.5, "4.5:1"}, {3, "3:1"}, {4.478, "4.4:1"}, {4.4999, "4.4:1"},
		{2.96, "2.9:1"}, {1.51, "1.5:1"}, {1, "1:1"}, {6.38, "6.3:1"},
	} {
		if got := Ratio(tt.r); got != tt.want {
			t.Errorf("Ratio(%v) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

// TestOKLCHRoundTrip checks the conversion to OKLCH and back returns every
// colour unchanged.
func TestOKLCHRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		c := Colour{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256))}
		if got := toLCH(c).colour(); got != c {
			t.Fatalf("%v -> %+v -> %v", c, toLCH(c), got)
		}
	}
}

// hueDiff is the angle between two hues, in radians.
func hueDiff(a, b float64) float64 {
	d := math.Abs(a - b)
	for d > math.Pi {
		d = math.Abs(d - 2*math.Pi)
	}
	return d
}

// checkNearest checks that r = Nearest(c, bg, need) passes, keeps c's hue
// and is the closest: every lightness step between c and r, in either
// direction, fails.
func checkNearest(t *testing.T, c, bg Colour, need float64) Colour {
	t.Helper()
	r := Nearest(c, bg, need)
	if Contrast(c, bg) >= need {
		if r != c {
			t.Errorf("Nearest(%v, %v, %v) = %v; want the colour itself, which passes", c, bg, need, r)
		}
		return r
	}
	got := Contrast(r, bg)
	if got < need {
		// Only allowed when nothing of that hue passes: then r is black or white.
		if r != black() && r != white() || math.Max(Contrast(black(), bg), Contrast(white(), bg)) >= need {
			t.Errorf("Nearest(%v, %v, %v) = %v, contrast %.3f", c, bg, need, r, got)
		}
		return r
	}
	p, q := toLCH(c), toLCH(r)
	// Hue: kept wherever the result still has visible colour (near black
	// or white, or for greys, 8-bit rounding leaves hue undefined).
	if p.C > 0.04 && q.C > 0.04 && hueDiff(p.H, q.H) > 0.06 {
		t.Errorf("Nearest(%v, %v, %v) = %v: hue moved %.3f rad", c, bg, need, r, hueDiff(p.H, q.H))
	}
	// Closest: walk from c towards r one step at a time; every colour
	// before r fails, and as many steps the other way fail too.
	dir := 1.0
	if q.L < p.L {
		dir = -1
	}
	steps := 0
	for i := 1; ; i++ {
		s := p
		s.L += dir * float64(i) * step
		sc := s.colour()
		if Contrast(sc, bg) >= need {
			if sc != r {
				t.Errorf("Nearest(%v, %v, %v) = %v, but %v is %d steps nearer and passes", c, bg, need, r, sc, i)
			}
			break
		}
		steps = i
		if s.L < 0 || s.L > 1 {
			t.Fatalf("walked past the end looking for %v", r)
		}
	}
	for i := 1; i <= steps; i++ {
		s := p
		s.L -= dir * float64(i) * step
		if sc := s.colour(); Contrast(sc, bg) >= need {
			t.Errorf("Nearest(%v, %v, %v) = %v, %d steps away, but %v is %d steps the other way and passes", c, bg, need, r, steps+1, sc, i)
			break
		}
	}
	return r
}

func TestNearest(t *testing.T) {
	tests := []struct {
		c, bg string
		need  float64
		want  string
	}{
		{"#ffcc00", "#ffffff", 4.5, "#917300"}, // yellow darkens to olive gold
		{"#777777", "#ffffff", 4.5, "#767676"}, // one step darker
		{"#ffffff", "#ffffff", 4.5, "#767676"},
		{"#ff0000", "#ffffff", 4.5, "#ee0000"},
		{"#005eb8", "#ffffff", 4.5, "#005eb8"}, // passes already
		{"#005eb8", "#14191f", 4.5, ""},        // lighter on a dark page
		{"#000000", "#14191f", 4.5, ""},
		{"#ffcc00", "#000000", 4.5, "#ffcc00"},
		{"#f4c2c2", "#ffffff", 3, ""},
		{"#808080", "#808080", 3, ""},  // both ways possible: the nearer
		{"#ff0000", "#808080", 21, ""}, // impossible: the best extreme
	}
	for _, tt := range tests {
		c, bg := hex(t, tt.c), hex(t, tt.bg)
		r := checkNearest(t, c, bg, tt.need)
		if tt.want != "" && r.String() != tt.want {
			t.Errorf("Nearest(%s, %s, %v) = %v, want %s", tt.c, tt.bg, tt.need, r, tt.want)
		}
		if bg == hex(t, "#14191f") && luminance(r) < luminance(c) {
			t.Errorf("Nearest(%s, %s, %v) = %v: darker on a dark page", tt.c, tt.bg, tt.need, r)
		}
		if bg == white() && luminance(r) > luminance(c) {
			t.Errorf("Nearest(%s, %s, %v) = %v: lighter on a white page", tt.c, tt.bg, tt.need, r)
		}
	}
}

func TestNearestRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	rnd := func() Colour { return Colour{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256))} }
	for range 300 {
		need := []float64{3, 4.5, 7}[rng.IntN(3)]
		checkNearest(t, rnd(), rnd(), need)
	}
}
