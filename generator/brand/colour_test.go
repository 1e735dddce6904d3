package brand

import (
	"os"
	"strings"
	"testing"
)

func TestParseColour(t *testing.T) {
	tests := []struct {
		in   string
		want Colour
	}{
		{"#005eb8", Colour{0x00, 0x5e, 0xb8}},
		{"#005EB8", Colour{0x00, 0x5e, 0xb8}},
		{"  #005eB8\n", Colour{0x00, 0x5e, 0xb8}},
		{"#fc0", Colour{0xff, 0xcc, 0x00}},
		{"#FC0", Colour{0xff, 0xcc, 0x00}},
		{"#000", Colour{}},
		{"#fff", Colour{255, 255, 255}},
		{"rgb(0, 94, 184)", Colour{0, 94, 184}},
		{"rgb(0,94,184)", Colour{0, 94, 184}},
		{"RGB( 0 , 94 , 184 )", Colour{0, 94, 184}},
		{"rgb(0 94 184)", Colour{0, 94, 184}},
		{"rgb(0 94 184 / 1)", Colour{0, 94, 184}},
		{"rgb(0 94 184 / 100%)", Colour{0, 94, 184}},
		{"rgba(0, 94, 184, 1)", Colour{0, 94, 184}},
		{"rgba(0, 94, 184, 1.0)", Colour{0, 94, 184}},
		{"rgb(100%, 0%, 50%)", Colour{255, 0, 128}},
		{"rgb(100% 80% 0%)", Colour{255, 204, 0}},
		{"rgb(0.4, 93.6, 184)", Colour{0, 94, 184}},
		{"rgb(255, 255, 255)", Colour{255, 255, 255}},
		{"navy", Colour{0, 0, 128}},
		{"Navy", Colour{0, 0, 128}},
		{"REBECCAPURPLE", Colour{0x66, 0x33, 0x99}},
		{"rebeccaPurple", Colour{0x66, 0x33, 0x99}},
		{"grey", Colour{128, 128, 128}},
		{"gray", Colour{128, 128, 128}},
		{"lightgoldenrodyellow", Colour{0xfa, 0xfa, 0xd2}},
		{"yellowgreen", Colour{0x9a, 0xcd, 0x32}},
		{"aliceblue", Colour{0xf0, 0xf8, 0xff}},
	}
	for _, tt := range tests {
		got, err := ParseColour(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseColour(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseColourErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string // the whole message
	}{
		{"", `no colour was given; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"   ", `no colour was given; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"#005eb880", `"#005eb880" is see-through (its last digits set transparency), and contrast can only be checked for a solid colour; leave them off and write #005eb8, or use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"#fc08", `"#fc08" is see-through (its last digits set transparency), and contrast can only be checked for a solid colour; leave them off and write #fc0, or use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"#005eb", `"#005eb" is not a colour: after # write 3 or 6 hexadecimal digits (0-9 and a-f), not 5; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"#", `"#" is not a colour: after # write 3 or 6 hexadecimal digits (0-9 and a-f), not 0; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"#00g", `"#00g" is not a colour: after # write 3 or 6 hexadecimal digits (0-9 and a-f); use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"005eb8", `"005eb8" is not a colour Pamphlet knows; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"nhs blue", `"nhs blue" is not a colour Pamphlet knows; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"transparent", `"transparent" cannot be a brand colour: text on it could not be checked for contrast; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"currentColor", `"currentColor" cannot be a brand colour: it means the colour of the surrounding text, so it cannot be checked for contrast; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgba(0, 94, 184, 0.5)", `"rgba(0, 94, 184, 0.5)" is see-through, and contrast can only be checked for a solid colour; leave out the transparency and write rgb(r, g, b), or use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0 94 184 / 50%)", `"rgb(0 94 184 / 50%)" is see-through, and contrast can only be checked for a solid colour; leave out the transparency and write rgb(r, g, b), or use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0 94 184 / half)", `"rgb(0 94 184 / half)" is not a colour: its transparency "half" is not a number; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0, 94, 300)", `"rgb(0, 94, 300)" is not a colour: each number goes from 0 to 255, not 300; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0, -1, 3)", `"rgb(0, -1, 3)" is not a colour: each number goes from 0 to 255, not -1; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0%, 120%, 3%)", `"rgb(0%, 120%, 3%)" is not a colour: percentages go from 0% to 100%, not 120%; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0, 94)", `"rgb(0, 94)" is not a colour: rgb() takes three numbers, for red, green and blue; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0, 94, blue)", `"rgb(0, 94, blue)" is not a colour: "blue" is not a number; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0, 94, 184", `"rgb(0, 94, 184" is not a colour: it needs a closing bracket; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(nan, 0, 0)", `"rgb(nan, 0, 0)" is not a colour: "nan" is not a number; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"rgb(0x10, 0, 0)", `"rgb(0x10, 0, 0)" is not a colour: "0x10" is not a number; use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"hsl(210 100% 36%)", `"hsl(210 100% 36%)" is written with hsl(), which Pamphlet does not read; write the same colour as #rrggbb or rgb(): use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
		{"oklch(50% 0.1 250)", `"oklch(50% 0.1 250)" is written with oklch(), which Pamphlet does not read; write the same colour as #rrggbb or rgb(): use a colour such as #005eb8, rgb(0, 94, 184) or navy`},
	}
	for _, tt := range tests {
		_, err := ParseColour(tt.in)
		if err == nil {
			t.Errorf("ParseColour(%q) succeeded; want error %q", tt.in, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseColour(%q) error:\n got %s\nwant %s", tt.in, err, tt.want)
		}
	}
}

// TestNamedColours checks the table has the 148 names of CSS Color 4 and
// that every one parses in any case.
func TestNamedColours(t *testing.T) {
	src, err := os.ReadFile("colour.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for line := range strings.Lines(string(src)) {
		name, ok := strings.CutPrefix(strings.TrimSpace(line), `case "`)
		if !ok {
			continue
		}
		name = strings.TrimSuffix(name, `":`)
		n++
		for _, s := range []string{name, strings.ToUpper(name), strings.ToUpper(name[:1]) + name[1:]} {
			if _, err := ParseColour(s); err != nil {
				t.Errorf("ParseColour(%q): %v", s, err)
			}
		}
	}
	if n != 148 {
		t.Errorf("%d colour names, want 148", n)
	}
}

func TestColourString(t *testing.T) {
	for _, tt := range []struct {
		c    Colour
		want string
	}{
		{Colour{}, "#000000"}, {Colour{255, 255, 255}, "#ffffff"}, {Colour{0, 0x5e, 0xb8}, "#005eb8"},
	} {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("%v.String() = %q, want %q", tt.c, got, tt.want)
		}
	}
}

func FuzzParseColour(f *testing.F) {
	for _, s := range []string{"#005eb8", "#fc0", "rgb(0, 94, 184)", "rgb(0 94 184 / 1)", "rgba(1,2,3,0.5)",
		"navy", "transparent", "hsl(1 2% 3%)", "#12345678", "rgb(100%, 0%, 1e2%)", "rgb(,,)", "rgb(/)", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseColour(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseColour(%q): empty error", s)
			}
			return
		}
		// A colour that parses survives a round trip through its String.
		back, err := ParseColour(c.String())
		if err != nil || back != c {
			t.Fatalf("ParseColour(%q) = %v, but ParseColour(%q) = %v, %v", s, c, c.String(), back, err)
		}
	})
}
