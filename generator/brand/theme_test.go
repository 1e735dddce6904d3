package brand

import (
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestDeriveBrands derives the theme of real brand colours. Colours that
// pass 4.5:1 on white are accepted as they are; the others are refused with
// one problem naming the nearest colour of the same hue that passes. Dark
// mode never fails: its colours are derived to pass.
func TestDeriveBrands(t *testing.T) {
	tests := []struct {
		name, colour string
		nearest      string // "" if accepted
		darkLink     string // the derived link colour in dark mode
	}{
		{"NHS blue, passes at 6.3:1", "#005eb8", "", "#3b89e6"},
		{"Pamphlet's default blue", "#1d4f91", "", "#568ad1"},
		{"dark navy, passes at 16.5:1; lightened for dark mode", "#001f3f", "", "#688bb2"},
		{"NHS dark green, passes at 5.1:1", "#007f3b", "", "#329b55"},
		{"purple, passes at 9.3:1", "#6a1b9a", "", "#ae67e5"},
		{"black, passes at 21:1; a mid grey in dark mode", "#000000", "", "#898989"},
		{"yellow, 1.5:1: darkened to a dark gold", "#ffcc00", "#917300", "#ffcc00"},
		{"pale pink, 1.5:1: darkened to a dusky rose", "#f4c2c2", "#986b6c", "#f4c2c2"},
		{"pure red, 3.9:1: only just too light", "#ff0000", "#ee0000", "#ff392b"},
		{"white, 1:1: the nearest passing grey", "#ffffff", "#767676", "#ffffff"},
		{"teal, 3.1:1", "#00a499", "#00857c", "#00a499"},
		{"orange, 2.9:1", "#e87722", "#bd5a00", "#e87722"},
		{"#777, 4.48:1, shown as 4.4:1", "#777777", "#767676", "#898989"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := hex(t, tt.colour)
			th, problems := Derive(Brand{Colour: c, ColourSet: true})
			if tt.nearest == "" {
				if len(problems) != 0 {
					t.Fatalf("Derive(%s): %v", tt.colour, problems)
				}
				if th.Light.Link != c || th.Light.Header != c || th.Light.Button != c {
					t.Errorf("light mode does not use %s as given: %+v", tt.colour, th.Light)
				}
			} else {
				if len(problems) != 1 {
					t.Fatalf("Derive(%s): %d problems, want 1: %v", tt.colour, len(problems), problems)
				}
				p := problems[0]
				if p.Setting != "colour" || p.Mode != Light || p.Value != c || p.What != "links on the white page" ||
					p.Need != TextRatio || p.Nearest.String() != tt.nearest || p.Found >= TextRatio {
					t.Errorf("Derive(%s): %+v; want links on the white page, nearest %s", tt.colour, p, tt.nearest)
				}
			}
			if got := th.Dark.Link.String(); got != tt.darkLink {
				t.Errorf("dark link = %s, want %s", got, tt.darkLink)
			}
			for _, p := range th.Pairings() {
				if p.Mode != Light && !p.Passes() {
					t.Errorf("%s mode: %s %v on %v: %.2f, needs %v", p.Mode, p.What, p.Foreground, p.Background, p.Contrast(), p.Need)
				}
			}
		})
	}
}

func TestProblemMessages(t *testing.T) {
	tests := []struct {
		brand Brand
		want  []string
	}{
		{Brand{Colour: Colour{0xff, 0xcc, 0x00}, ColourSet: true}, []string{
			"brand colour #ffcc00 is too light for links on the white page in light mode: contrast 1.5:1, needs 4.5:1; the nearest colour of the same hue that passes is #917300",
		}},
		{Brand{Colour: Colour{0x77, 0x77, 0x77}, ColourSet: true, Accent: Colour{0xff, 0xd7, 0x00}, AccentSet: true}, []string{
			"brand colour #777777 is too light for links on the white page in light mode: contrast 4.4:1, needs 4.5:1; the nearest colour of the same hue that passes is #767676",
			"brand accent #ffd700 is too light for the focus ring on the white page in light mode: contrast 1.4:1, needs 3:1; the nearest colour of the same hue that passes is #af9300",
		}},
		{Brand{Accent: Colour{0xf0, 0xf0, 0xf0}, AccentSet: true}, []string{
			"brand accent #f0f0f0 is too light for the focus ring on the white page in light mode: contrast 1.1:1, needs 3:1; the nearest colour of the same hue that passes is #949494",
		}},
		{Default(), nil},
	}
	for _, tt := range tests {
		_, problems := Derive(tt.brand)
		var got []string
		for _, p := range problems {
			got = append(got, p.Error())
			if p.String() != p.Error() {
				t.Errorf("String() %q differs from Error() %q", p.String(), p.Error())
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Derive(%+v):\n got %q\nwant %q", tt.brand, got, tt.want)
		}
	}
}

// TestDeriveProperties derives themes from random brand colours and
// accents: dark and print modes always pass; problems are only ever about
// light mode; a brand Derive accepts passes every pairing; and the colour
// a problem suggests is accepted.
func TestDeriveProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	rnd := func() Colour { return Colour{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256))} }
	n := 400
	if testing.Short() {
		n = 50
	}
	for range n {
		b := Brand{Colour: rnd(), ColourSet: true}
		if rng.IntN(2) == 0 {
			b.Accent, b.AccentSet = rnd(), true
		}
		th, problems := Derive(b)
		for _, p := range th.Pairings() {
			if (p.Mode != Light || len(problems) == 0) && !p.Passes() {
				t.Errorf("%+v: %s mode: %s %v on %v: %.2f, needs %v (problems: %v)", b, p.Mode, p.What, p.Foreground, p.Background, p.Contrast(), p.Need, problems)
			}
		}
		fixed := b
		for _, p := range problems {
			if p.Mode != Light {
				t.Errorf("%+v: problem in %s mode: %v", b, p.Mode, p)
			}
			if p.Found >= p.Need || Contrast(p.Nearest, white()) < p.Need {
				t.Errorf("%+v: %v", b, p)
			}
			if p.Setting == "colour" {
				fixed.Colour = p.Nearest
			} else {
				fixed.Accent = p.Nearest
			}
		}
		if _, still := Derive(fixed); len(still) != 0 {
			t.Errorf("%+v: the suggested colours are refused too: %v", fixed, still)
		}
	}
}

func TestDefault(t *testing.T) {
	th, problems := Derive(Default())
	if len(problems) != 0 {
		t.Fatalf("Default() has problems: %v", problems)
	}
	for _, p := range th.Pairings() {
		if !p.Passes() {
			t.Errorf("%s mode: %s: %.2f", p.Mode, p.What, p.Contrast())
		}
	}
	// An empty Brand is the default brand.
	if got, _ := Derive(Brand{}); got != th {
		t.Errorf("Derive(Brand{}) differs from Derive(Default())")
	}
}

func TestCSSGolden(t *testing.T) {
	th, _ := Derive(Default())
	got := th.CSS()
	golden := filepath.Join("testdata", "default.css")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("Default().CSS() differs from %s (run go test -update if the change is meant):\n%s", golden, got)
	}
	// Every custom property the package doc promises is in every block.
	for _, block := range strings.Split(got, "@media")[0:] {
		for _, v := range (Palette{}).vars() {
			if !strings.Contains(block, "--"+v.name+": #") {
				t.Errorf("--%s missing from a block", v.name)
			}
		}
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range (Palette{}).vars() {
		if !strings.Contains(string(doc), "--"+v.name+" ") {
			t.Errorf("doc.go does not describe --%s", v.name)
		}
	}
}
