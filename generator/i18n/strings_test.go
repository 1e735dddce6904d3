package i18n

import (
	"html/template"
	"strings"
	"testing"
	"time"
)

// themeStrings returns the theme's words in a language, as a site with
// that language alone gets them.
func themeStrings(t *testing.T, tag string) Strings {
	t.Helper()
	c, diags := Load(t.TempDir(), []string{tag})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	return c.Strings(tag)
}

func TestDate(t *testing.T) {
	dates := []time.Time{
		time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 9, 14, 23, 59, 0, 0, time.UTC),
		time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC),
	}
	for tag, want := range map[string][3]string{
		"en": {"1 September 2025", "14 September 2025", "3 May 2026"},
		"cy": {"1 Medi 2025", "14 Medi 2025", "3 Mai 2026"},
		"es": {"1 de septiembre de 2025", "14 de septiembre de 2025", "3 de mayo de 2026"},
		"pl": {"1 września 2025", "14 września 2025", "3 maja 2026"},
		"ar": {"1 سبتمبر 2025", "14 سبتمبر 2025", "3 مايو 2026"},
		"fr": {"1er septembre 2025", "14 septembre 2025", "3 mai 2026"},
		"de": {"1. September 2025", "14. September 2025", "3. Mai 2026"},
	} {
		s := themeStrings(t, tag)
		for i, d := range dates {
			if got := s.Date(d); got != want[i] {
				t.Errorf("%s: Date(%s) = %q, want %q", tag, d.Format(time.DateOnly), got, want[i])
			}
		}
	}
}

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		tag  string
		n    int
		want string
	}{
		{"pl", 1, "1 strona"}, {"pl", 2, "2 strony"}, {"pl", 5, "5 stron"}, {"pl", 22, "22 strony"}, {"pl", 25, "25 stron"},
		{"pl", 12, "12 stron"}, {"pl", 0, "0 stron"},
		{"ar", 0, "0 صفحة"}, {"ar", 1, "صفحة واحدة"}, {"ar", 2, "صفحتان"}, {"ar", 3, "3 صفحات"}, {"ar", 11, "11 صفحة"}, {"ar", 100, "100 صفحة"},
		{"cy", 0, "0 tudalen"}, {"cy", 1, "1 tudalen"}, {"cy", 2, "2 tudalen"}, {"cy", 3, "3 tudalen"}, {"cy", 6, "6 tudalen"}, {"cy", 7, "7 tudalen"},
		{"en", 1, "1 page"}, {"en", 0, "0 pages"}, {"fr", 0, "0 page"}, {"fr", 2, "2 pages"}, {"de", 1, "1 Seite"},
	} {
		if got := themeStrings(t, c.tag).Plural("handout_pages", c.n); got != c.want {
			t.Errorf("%s: Plural(handout_pages, %d) = %q, want %q", c.tag, c.n, got, c.want)
		}
	}
	// The category each number picks, where the Welsh words do not show it.
	for _, c := range []struct {
		tag  string
		n    int
		want string
	}{
		{"pl", 1, "one"}, {"pl", 2, "few"}, {"pl", 5, "many"}, {"pl", 22, "few"}, {"pl", 25, "many"},
		{"ar", 0, "zero"}, {"ar", 1, "one"}, {"ar", 2, "two"}, {"ar", 3, "few"}, {"ar", 11, "many"}, {"ar", 100, "other"},
		{"cy", 0, "zero"}, {"cy", 1, "one"}, {"cy", 2, "two"}, {"cy", 3, "few"}, {"cy", 6, "many"}, {"cy", 7, "other"},
	} {
		if got := category(tagOf(c.tag), c.n); got != c.want {
			t.Errorf("%s: category(%d) = %s, want %s", c.tag, c.n, got, c.want)
		}
	}
	en := themeStrings(t, "en")
	if got := en.Plural("search_count", 1, "query", "sleep"); got != "1 result for sleep" {
		t.Errorf("Plural(search_count, 1) = %q", got)
	}
	if got := themeStrings(t, "ar").Plural("search_count", 2, "query", "النوم"); got != "نتيجتان عن النوم" {
		t.Errorf("Arabic Plural(search_count, 2) = %q", got)
	}
	if got := en.Plural("no_such_word", 3); got != "no_such_word" {
		t.Errorf("Plural of an unknown word = %q, want the key", got)
	}
}

func TestFill(t *testing.T) {
	en := themeStrings(t, "en")
	for _, c := range []struct {
		key  string
		args []string
		want string
	}{
		{"more_in_section", []string{"section", "Therapy"}, "More in Therapy"},
		{"more_in_section", nil, "More in {section}"},                                         // not given: left as written
		{"more_in_section", []string{"section", "{n} ways"}, "More in {n} ways"},              // filled once
		{"handout_page_of", []string{"total", "3", "n", "2"}, "Page 2 of 3"},                  // any order
		{"crisis_call", []string{"number", "116 123", "unused"}, "call 116 123"},              // an odd arg is ignored
		{"home", []string{"section", "x"}, "Home"},                                            // nothing to fill
		{"no_such_key", nil, "no_such_key"},                                                   // a gap shows
		{"search_no_results", []string{"query", "{x} {query}"}, "No results for {x} {query}"}, // braces in a value
	} {
		if got := en.Fill(c.key, c.args...); got != c.want {
			t.Errorf("Fill(%q, %q) = %q, want %q", c.key, c.args, got, c.want)
		}
	}
	if got := placeholders("{a} {b_2} {a} {not a name} {} {c"); len(got) != 2 || got[0] != "a" || got[1] != "b_2" {
		t.Errorf("placeholders = %q", got)
	}
}

func TestStringsLangDirJSON(t *testing.T) {
	ar := themeStrings(t, "ar")
	if ar.Lang() != "ar" || ar.Dir() != "rtl" || ar["dir"] != "rtl" || ar["language"] != "ar" {
		t.Errorf("Arabic: Lang %q, Dir %q", ar.Lang(), ar.Dir())
	}
	en := themeStrings(t, "en-GB")
	if en.Lang() != "en-GB" || en.Dir() != "ltr" {
		t.Errorf("British English: Lang %q, Dir %q", en.Lang(), en.Dir())
	}
	want := `{"search_count.one":"{n} result for {query}","search_count.other":"{n} results for {query}","search_no_results":"No results for {query}"}`
	if got := en.JSON("search_count", "search_no_results"); got != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
	if got := (Strings{"x_a": "<b>&", "x_b": "no"}).JSON("x_a"); got != `{"x_a":"\u003cb\u003e\u0026"}` {
		t.Errorf("JSON escapes = %s", got)
	}
}

func TestDir(t *testing.T) {
	for tag, want := range map[string]string{
		"ar": "rtl", "he": "rtl", "fa": "rtl", "ur": "rtl", "ar-EG": "rtl", "az-Arab": "rtl",
		"yi": "rtl", "dv": "rtl", "ps": "rtl", "ckb": "rtl", "syr": "rtl", "nqo": "rtl", "ff-Adlm": "rtl",
		"en-GB": "ltr", "es": "ltr", "az": "ltr", "cy": "ltr", "pl": "ltr", "ku": "ltr", "ar-Latn": "ltr",
		"": "ltr", "not a tag": "ltr",
	} {
		if got := Dir(tag); got != want {
			t.Errorf("Dir(%q) = %s, want %s", tag, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	c, _ := Load(t.TempDir(), []string{"en-GB", "es-MX", "ur", "cy"})
	for tag, want := range map[string]string{
		"en-GB": "English", "es-MX": "Español", "ur": "اردو", "cy": "Cymraeg",
		"pt-BR": "Português", "de": "Deutsch", "qaa": "qaa",
	} {
		if got := c.Name(tag); got != want {
			t.Errorf("Name(%q) = %q, want %q", tag, got, want)
		}
	}
	for _, x := range []struct{ reader, tag, want string }{
		{"en-GB", "cy", "Welsh"}, {"es-MX", "en-GB", "inglés"}, {"cy", "en", "Saesneg"}, {"ur", "ar", "عربی"}, {"en-GB", "qaa", "qaa"},
	} {
		if got := c.Strings(x.reader).LanguageName(x.tag); got != x.want {
			t.Errorf("%s: LanguageName(%q) = %q, want %q", x.reader, x.tag, got, x.want)
		}
	}
}

// TestInTemplate: a template reads words as map keys and calls the
// methods, as docs/i18n.md shows.
func TestInTemplate(t *testing.T) {
	tmpl := template.Must(template.New("t").Parse(`<html lang="{{.T.language}}" dir="{{.T.dir}}">` +
		`{{.T.on_this_page}}|{{.T.languages}}|{{.T.Fill "more_in_section" "section" "A & B"}}|{{.T.Plural "handout_pages" 2}}|{{.T.Date .When}}|{{.T.Lang}}`))
	var b strings.Builder
	data := map[string]any{"T": themeStrings(t, "en-GB"), "When": time.Date(2025, 9, 14, 0, 0, 0, 0, time.UTC)}
	if err := tmpl.Execute(&b, data); err != nil {
		t.Fatal(err)
	}
	want := `<html lang="en-GB" dir="ltr">On this page|Languages|More in A &amp; B|2 pages|14 September 2025|en-GB`
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}
