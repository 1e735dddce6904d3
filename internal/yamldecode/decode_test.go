package yamldecode

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

type day struct{ time.Time }

func (d *day) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return errors.New("is not a date: write it as YYYY-MM-DD, for example 2025-03-01")
	}
	d.Time = t
	return nil
}

type person struct {
	Name string `yaml:"name"`
	Role string `yaml:"role"`
}

type doc struct {
	Title   string            `yaml:"title"`
	Phone   string            `yaml:"phone"`
	Weight  int               `yaml:"weight"`
	Target  float64           `yaml:"target"`
	Draft   bool              `yaml:"draft"`
	When    *day              `yaml:"when"`
	People  []person          `yaml:"people"`
	Tags    []string          `yaml:"tags"`
	Strings map[string]string `yaml:"strings"`
}

var src = Source{File: "content/a.md", Line: 1, What: "front matter"}

var docs = New[doc]()

func TestDecodeGood(t *testing.T) {
	text := `title: 1.10
phone: 01234 567
weight: 3
target: 7.5
draft: yes
when: 2025-03-01
people:
  - Jane Doe
  - name: Sam
    role: reviewer
tags: one
strings:
  a: b
`
	var d doc
	pos, diags := docs.Decode(src, []byte(text), &d)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := doc{Title: "1.10", Phone: "01234 567", Weight: 3, Target: 7.5, Draft: true,
		When:    &day{time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)},
		People:  []person{{Name: "Jane Doe"}, {Name: "Sam", Role: "reviewer"}},
		Tags:    []string{"one"},
		Strings: map[string]string{"a": "b"}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got %+v\nwant %+v", d, want)
	}
	for path, p := range map[string]Pos{"title": {2, 8}, "phone": {3, 8}, "people": {8, 1}, "people[1]": {9, 5}, "nope": {}, "people[3]": {}, "title.x": {}, "people[2].role": {11, 11}, "strings.a": {14, 6}} {
		if got := pos.At(path); got != p {
			t.Errorf("position of %s = %v, want %v", path, got, p)
		}
	}
}

func TestDecodeNumbersAsWritten(t *testing.T) {
	// YAML would read these as numbers (01234 as 1234, 0o17 as 15): a
	// text field keeps what was written, so no digit of a phone number is
	// lost.
	for _, v := range []string{"01234", "0o17", "1e3", "0x1F", "116123", "+44 20"} {
		var d doc
		if _, diags := docs.Decode(src, []byte("phone: "+v), &d); len(diags) > 0 || d.Phone != v {
			t.Errorf("phone: %s decoded as %q (%v)", v, d.Phone, diags)
		}
	}
}

func TestDecodeProblems(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // each a substring of one diagnostic, in order
	}{
		{"unknown key", "titel: x\n", []string{`content/a.md:2:1: warning: unknown key "titel" in the front matter is ignored: did you mean "title"?`}},
		{"twice", "title: a\ntitle: b\n", []string{`content/a.md:3:1: error: "title" is given twice in the front matter (first on line 2); keep one`}},
		{"wrong kind", "weight: ten\ndraft: maybe\ntitle: [a]\n", []string{
			`content/a.md:2:9: error: "weight" should be a whole number, not the text "ten"`,
			`content/a.md:3:8: error: "draft" should be true or false, not the text "maybe"`,
			`content/a.md:4:8: error: "title" should be text, not a list`,
		}},
		{"bad date", "when: 1 March\n", []string{`content/a.md:2:7: error: "when" is "1 March", which is not a date: write it as YYYY-MM-DD`}},
		{"nested", "people:\n  - name: [x]\n", []string{`content/a.md:3:11: error: "people[1].name" should be text, not a list`}},
		{"syntax", "title: a\n  b: c\n", []string{`content/a.md:3: error: this YAML cannot be read (mapping values are not allowed in this context)`}},
		{"not a mapping", "- a\n- b\n", []string{`content/a.md:2:1: error: the front matter should be lines of "key: value"`}},
		{"tab", "title: a\n\tweight: 1\n", []string{"content/a.md:3: error: this YAML cannot be read (found a tab character"}},
		{"open list", "title: a\nweight: [1, 2\n", []string{"content/a.md:3: error: this YAML cannot be read (did not find expected ',' or ']')"}},
		{"open list later", "a: b\nc: d\ne: [x\nf: g\n", []string{"content/a.md:4: error: this YAML cannot be read (did not find expected ',' or ']')"}},
		{"open list on the first line", "title: [broken\n", []string{"content/a.md:2: error: this YAML cannot be read (did not find expected ',' or ']')"}},
		{"open list on the second line", "a: b\ntitle: [broken\nc: d\n", []string{"content/a.md:3: error: this YAML cannot be read (did not find expected ',' or ']')"}},
		{"open group", "title: {a: b\n", []string{"content/a.md:2: error: this YAML cannot be read (did not find expected ',' or '}')"}},
		{"first line", "a: 'x' y\n", []string{"content/a.md:2: error: this YAML cannot be read (did not find expected key)"}},
		{"open quote", "title: a\nphone: \"x\n", []string{"content/a.md:3: error: this YAML cannot be read (found unexpected end of stream)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var d doc
			_, diags := docs.Decode(src, []byte(c.text), &d)
			if len(diags) != len(c.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(diags), len(c.want), diags)
			}
			for i, w := range c.want {
				if got := diags[i].String(); !strings.Contains(got, w) {
					t.Errorf("diagnostic %d:\n got %s\nwant %s", i, got, w)
				}
			}
		})
	}
}

func TestDecodeEmpty(t *testing.T) {
	for _, text := range []string{"", "\n", "# only a comment\n", "~\n"} {
		var d doc
		if _, diags := docs.Decode(src, []byte(text), &d); len(diags) > 0 {
			t.Errorf("%q: %v", text, diags)
		}
	}
}

func TestDecodeAliases(t *testing.T) {
	var d doc
	_, diags := docs.Decode(src, []byte("title: &t Hello\nphone: *t\n"), &d)
	if len(diags) > 0 || d.Phone != "Hello" {
		t.Errorf("alias: %q %v", d.Phone, diags)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"title: a\n", "people:\n  - a\n  - name: b\n", "when: 2025-01-01\nweight: 3\n", "a: &x [*x]\n", "strings: {a: 1}\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var d doc
		_, diags := docs.Decode(src, []byte(text), &d)
		for _, x := range diags {
			if x.File != src.File || x.Message == "" {
				t.Fatalf("diagnostic without a file or message: %+v", x)
			}
		}
	})
}

func TestDecodeManyKeys(t *testing.T) {
	// A mapping of many keys finds the one given twice through a map.
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "k%d: x\n", i)
	}
	b.WriteString("k7: y\n")
	var d doc
	_, diags := docs.Decode(src, []byte(b.String()), &d)
	if !strings.Contains(diags.String(), `content/a.md:202:1: error: "k7" is given twice in the front matter (first on line 9)`) {
		t.Errorf("got %s", diags)
	}
}

// TestDecodeMap: a document of keys of its own (a strings file) decodes
// into a map, with every key's place, dotted keys too; a value that is
// not text is an error at its line and is left out.
func TestDecodeMap(t *testing.T) {
	var m map[string]string
	pos, diags := New[map[string]string]().Decode(Source{File: "i18n/es.yaml", What: "strings file"}, []byte("home: Inicio\nhandout_pages.one: \"{n} página\"\nmenu:\n  - x\n"), &m)
	if len(m) != 2 || m["handout_pages.one"] != "{n} página" || m["home"] != "Inicio" {
		t.Errorf("decoded %v", m)
	}
	if got := diags.String(); !strings.Contains(got, `i18n/es.yaml:4:3: error: "menu" should be text, not a list`) {
		t.Errorf("diagnostics: %s", got)
	}
	var got []string
	pos.Entries(func(key string, k, v Pos) {
		got = append(got, fmt.Sprintf("%s %d:%d %d:%d", key, k.Line, k.Col, v.Line, v.Col))
	})
	if want := "home 1:1 1:7,handout_pages.one 2:1 2:20,menu 3:1 4:3"; strings.Join(got, ",") != want {
		t.Errorf("entries %v, want %s", got, want)
	}
}
