package page

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/yuin/goldmark/util"

	"pamphlet/internal/corpus"
)

func TestMayLinkify(t *testing.T) {
	front := "---\ntitle: T\nsources:\n  - url: https://www.nice.org.uk/\n    contact: help@clinic.example\n---\n"
	cases := []struct {
		body string
		want bool
	}{
		{"Plain text with no address.", false},
		{"Studies agree [@bateman1999; @bateman2009].", false},
		{"As @bateman1999 found (@fonagy2016) and [see @a, p. 3].", false},
		{"@start of a line", false},
		{"Visit www.samaritans.org today.", true},
		{"See https://www.nhs.uk/ for more.", true},
		{"Or http://example.org.", true},
		{"Files at ftp://example.org.", true},
		{"Write to help@clinic.example.", true},
		{"Suppress the author: [-@bateman1999].", true}, // "-" can end an e-mail's local part
	}
	for _, c := range cases {
		if got := mayLinkify([]byte(front + c.body)); got != c.want {
			t.Errorf("mayLinkify(%q) = %v, want %v", c.body, got, c.want)
		}
	}
	// The characters that mayLinkify trusts never end an e-mail's local
	// part, as goldmark reads it.
	for _, c := range []byte(" \t\r\n[;(") {
		if util.FindEmailIndex([]byte{c, '@', 'a', '.', 'o', 'r', 'g'}) >= 0 {
			t.Errorf("goldmark reads %q@a.org as an e-mail address; mayLinkify must not skip it", c)
		}
	}
}

// TestParseWithoutLinkifySame parses a corpus site and pages with
// addresses twice, once with Linkify for every page, and checks that
// leaving it out where mayLinkify allows changes no output.
func TestParseWithoutLinkifySame(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Pages: 150, Citations: true, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	extra := map[string]string{
		"addresses.md": "---\ntitle: Addresses\n---\nCall www.samaritans.org, mail help@clinic.example or see https://www.nhs.uk/.\n",
		"cites.md":     "---\ntitle: Cites\nsources:\n  - url: https://www.nice.org.uk/\n---\nAs @x said (@y), [see @z; @w].\n",
	}
	for name, data := range extra {
		if err := os.WriteFile(filepath.Join(dir, "content", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, in, bibs := loadForTest(t, dir)
	fast := NewParser(cfg, in.Files, bibs, nil)
	always := NewParser(cfg, in.Files, bibs, nil)
	rd := always.readers(cfg.DefaultLanguage())
	rd.plain = rd.md
	skipped := 0
	for i := range in.Pages {
		s := in.Pages[i]
		if d := s.Read(); d != nil {
			t.Fatal(d)
		}
		if !mayLinkify(s.Data) {
			skipped++
		}
		a, b := fast.Parse(s), always.Parse(s)
		if !bytes.Equal(a.Body, b.Body) || !bytes.Equal(a.References, b.References) {
			t.Errorf("%s: output differs without Linkify:\n%s\nwith:\n%s", s.Rel, a.Body, b.Body)
		}
		if s.Rel == "addresses.md" && bytes.Count(a.Body, []byte("<a ")) != 3 {
			t.Errorf("addresses.md: want three links, got %s", a.Body)
		}
	}
	if skipped < len(in.Pages)/2 {
		t.Errorf("only %d of %d pages were parsed without Linkify", skipped, len(in.Pages))
	}
}

// TestFrontMatterEnd holds the rule that frontMatterParser, the
// never-closed check and Linkify's scan share: front matter opens and
// closes at a line of three or more hyphens, spaces around them allowed.
func TestFrontMatterEnd(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"---\ntitle: A\nweight: 2\n---\nBody\n", 27},
		{"---\ntitle: A\n---", 16},
		{"---\n---\nBody", 8},
		{"---\ntitle: A\n", 0},
		{"-\n[\n-\n", 0},
		{"--\ntitle: A\n--\n", 0},
		{"---\r\ntitle: A\r\n ---  \r\nBody", 23},
	} {
		if got := frontMatterEnd([]byte(c.src)); got != c.want {
			t.Errorf("frontMatterEnd(%q) = %d, want %d", c.src, got, c.want)
		}
	}
}

func TestLineStarts(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want []int
	}{
		{"", []int{0}}, {"a", []int{0}}, {"\n", []int{0, 1}},
		{"ab\ncd\n", []int{0, 3, 6}}, {"\n\nx", []int{0, 1, 2}},
	} {
		if got := lineStarts(nil, []byte(tt.src)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("lineStarts(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
	// Into a list that held a longer page's lines: only this page's.
	if got := lineStarts([]int{0, 4, 9, 12}, []byte("ab\ncd")); !reflect.DeepEqual(got, []int{0, 3}) {
		t.Errorf("lineStarts into a used list = %v, want [0 3]", got)
	}
}

// TestParseKeepsNoSource checks that a parsed Page holds no bytes of its
// source, which parseAll reads into a buffer it reuses for the next page:
// each page of a corpus and of the bundled site is parsed from a buffer that
// is then overwritten, and must equal the page parsed from its own copy.
func TestParseKeepsNoSource(t *testing.T) {
	for _, site := range []string{"corpus", "../.."} {
		dir := site
		if site == "corpus" {
			dir = t.TempDir()
			if err := corpus.Write(dir, corpus.Options{Pages: 120, Citations: true, Seed: 5}); err != nil {
				t.Fatal(err)
			}
		}
		cfg, in, bibs := loadForTest(t, dir)
		ps := NewParser(cfg, in.Files, bibs, nil)
		var buf []byte
		for _, s := range in.Pages {
			fromBuf := s
			if d := fromBuf.ReadSum(nil, &buf); d != nil {
				t.Fatal(d)
			}
			got := ps.Parse(fromBuf)
			for i := range buf[:cap(buf)] {
				buf[:cap(buf)][i] = 'x'
			}
			if d := s.Read(); d != nil {
				t.Fatal(d)
			}
			want := ps.Parse(s)
			got.Gen, want.Gen = 0, 0
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the page parsed from a buffer changed when the buffer was overwritten:\n%+v\nwant\n%+v", s.Path, got, want)
			}
		}
	}
}

// TestPageAnchors checks the anchors a page keeps as one string: whole ids
// only, duplicates listed once, and its reference list's ids besides.
func TestPageAnchors(t *testing.T) {
	p := &Page{Anchors: "what-is-mbt\x00a\x00what-is-mbt\x00"}
	for id, want := range map[string]bool{"what-is-mbt": true, "a": true, "what": false, "is-mbt": false, "b": false, "what-is-mbt\x00a": false} {
		if got := p.HasAnchor(id); got != want {
			t.Errorf("hasAnchor(%q) = %v, want %v", id, got, want)
		}
	}
	if got, want := p.AnchorList(), []string{"a", "what-is-mbt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("anchors() = %q, want %q", got, want)
	}
	if got := (&Page{}).AnchorList(); len(got) != 0 || (&Page{}).HasAnchor("a") {
		t.Errorf("a page without ids lists %q", got)
	}
}

// TestParserKeepsNothingBetweenPages parses every page of a site with one
// Parser, whose buffers (the source, the prose for the content checks)
// are reused from page to page, and compares each page with the same page
// parsed by a Parser of its own: a page that kept part of a buffer shows
// the next page's text there.
func TestParserKeepsNothingBetweenPages(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Pages: 60, Citations: true, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	for _, site := range []string{dir, "../.."} {
		cfg, in, bibs := loadForTest(t, site)
		shared := NewParser(cfg, in.Files, bibs, nil)
		var got []*Page
		for _, s := range in.Pages {
			if d := s.ReadSum(nil, &shared.src); d != nil {
				t.Fatal(d)
			}
			got = append(got, shared.Parse(s))
		}
		for i, s := range in.Pages {
			if d := s.Read(); d != nil {
				t.Fatal(d)
			}
			want := NewParser(cfg, in.Files, bibs, nil).Parse(s)
			got[i].Gen, want.Gen = 0, 0
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("%s: parsed after other pages by the same Parser, it differs:\n%+v\nwant\n%+v", s.Path, got[i], want)
			}
		}
	}
}
