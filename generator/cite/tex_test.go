package cite

import (
	"reflect"
	"testing"
)

func TestTeXToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain text`, "plain text"},
		{`  spaces   and` + "\n\t" + `lines  `, "spaces and lines"},
		{`{\"o} \"{o} \"o {\o} {\O} \aa\ \AA{} \ss{} \'e \^{e} \~n \c{c} \v{s} \H{o} \k{a} \r{u} \=a \.z \u{g}`, "ö ö ö ø Ø å Å ß é ê ñ ç š ő ą ů ā ż ğ"},
		{`{\'\i} \'{\i} \"\i`, "í í ï"},
		{`a \" o, \~\^e, \"{}, \"`, "a ö, ê\u0303, ¨, ¨"},
		{`\"{{{\"{o}}}}`, "ö\u0308"},
		{`Stra\ss e, \aa rhus, {\ae}on`, "Straße, århus, æon"},
		{`\& \% \_ \$ \# \{ \}`, "& % _ $ # { }"},
		{`1999--2001, a---b, a-b`, "1999–2001, a—b, a-b"},
		{`a~b`, "a\u00a0b"},
		{"``quoted'' and `single' and Freud's and `Freud's view'", "“quoted” and ‘single’ and Freud's and ‘Freud's view’"},
		{`{BPD} in {{MBT}}`, "BPD in MBT"},
		{`\emph{a} \textit{b} \textbf{c} {\em d} {\bf e} \textsc{f}`, "a b c d e f"},
		{`$\alpha$-$\beta$ $x^2$ H$_2$O 37$^\circ$`, "α-β x² H₂O 37°"},
		{`\url{https://a.org/x_y} \href{https://a.org}{the site}`, "https://a.org/x_y the site"},
		{`{\noopsort{b}}Name \unknown{kept} \alsounknown`, "Name kept"},
		{`\c{X} \'{}`, "X\u0327 ´"},
		{`unclosed {brace`, "unclosed brace"},
		{`stray } brace \`, "stray brace"},
		{`Übung – already Unicode`, "Übung – already Unicode"},
	}
	for _, tt := range tests {
		if got := texToText(tt.in); got != tt.want {
			t.Errorf("texToText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestVerbatimText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`https://example.org/~user/a_b`, "https://example.org/~user/a_b"},
		{`https://example.org/a\_b\%20c\&d`, "https://example.org/a_b%20c&d"},
		{`\url{https://example.org}`, "https://example.org"},
		{"https://example.org/very/\n   long", "https://example.org/very/long"},
	}
	for _, tt := range tests {
		if got := verbatimText(tt.in); got != tt.want {
			t.Errorf("verbatimText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseNames(t *testing.T) {
	tests := []struct {
		in        string
		want      []Name
		truncated bool
		problems  int
	}{
		{"Fonagy, Peter", []Name{{Family: "Fonagy", Given: "Peter"}}, false, 0},
		{"Peter Fonagy", []Name{{Family: "Fonagy", Given: "Peter"}}, false, 0},
		{"Fonagy", []Name{{Family: "Fonagy"}}, false, 0},
		{"van der Berg, Jan", []Name{{Family: "Berg", Given: "Jan", Particle: "van der"}}, false, 0},
		{"Jan van der Berg", []Name{{Family: "Berg", Given: "Jan", Particle: "van der"}}, false, 0},
		{"von Hippel, Jr., A. R.", []Name{{Family: "Hippel", Given: "A. R.", Particle: "von", Suffix: "Jr."}}, false, 0},
		{"{\\\"U}ber, Anna and {\\\"u}ber Lang, Ben", []Name{{Family: "Über", Given: "Anna"}, {Family: "Lang", Given: "Ben", Particle: "über"}}, false, 0},
		{"{World Health Organization} AND Smith, J. and others", []Name{{Literal: "World Health Organization"}, {Family: "Smith", Given: "J."}}, true, 0},
		{"{Barnes and Noble}, Inc.", []Name{{Family: "Barnes and Noble", Given: "Inc."}}, false, 0},
		{"Smith, J.~R.", []Name{{Family: "Smith", Given: "J. R."}}, false, 0},
		{"Smith and", []Name{{Family: "Smith"}}, false, 1},
		{"Alexander Sanders and Andy Anderson", []Name{{Family: "Sanders", Given: "Alexander"}, {Family: "Anderson", Given: "Andy"}}, false, 0},
		{"Smith and  and Jones", []Name{{Family: "Smith"}, {Family: "Jones"}}, false, 1},
		{"", nil, false, 0},
	}
	for _, tt := range tests {
		got, truncated, problems := parseNames(tt.in)
		if !reflect.DeepEqual(got, tt.want) || truncated != tt.truncated || len(problems) != tt.problems {
			t.Errorf("parseNames(%q)\n got %+v, %v, %q\nwant %+v, %v, %d problems", tt.in, got, truncated, problems, tt.want, tt.truncated, tt.problems)
		}
	}
}
