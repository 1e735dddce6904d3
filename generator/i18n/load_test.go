package i18n

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// writeSite writes a txtar archive's files into a new folder and
// returns it.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		name := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestOverridesAndMissing(t *testing.T) {
	c, diags := load(t, `
-- i18n/es.yaml --
# Our own words in Spanish.
on_this_page: En esta hoja
clinic_hours: Horario de la clínica
-- i18n/en.yaml --
clinic_hours: Opening hours
-- i18n/ur.yaml --
home: ہوم
handout_pages.one: "{n} صفحہ"
search_count.other: "{n} نتائج برائے {query}"
`, "en", "es", "ur")
	// A site's own word is one the theme does not know: said, and kept.
	if len(diags) != 2 || diags.HasErrors() || !strings.Contains(diags[0].String(), `i18n/en.yaml:1:1: warning: "clinic_hours" is not one of the theme's words`) {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	es, ur, en := c.Strings("es"), c.Strings("ur"), c.Strings("en")
	for _, x := range []struct {
		s         Strings
		key, want string
	}{
		{es, "on_this_page", "En esta hoja"},          // the site's
		{es, "home", "Inicio"},                        // the theme's
		{es, "clinic_hours", "Horario de la clínica"}, // the site's own word
		{en, "clinic_hours", "Opening hours"},         //
		{ur, "clinic_hours", "Opening hours"},         // from the default language
		{ur, "home", "ہوم"},                           //
		{ur, "on_this_page", "On this page"},          // falls back to English
		{ur, "language_name", "اردو"},                 // not borrowed: CLDR's
		{ur, "dir", "rtl"},                            //
		{ur, "handout_pages.other", "{n} pages"},      // no "other" of its own: the fallback's
		{ur, "search_count.other", "{n} نتائج برائے {query}"},
		{ur, "search_count.one", ""}, // its own "other" stands for every number
	} {
		if got := x.s[x.key]; got != x.want {
			t.Errorf("%s: %s = %q, want %q", x.s.Lang(), x.key, got, x.want)
		}
	}
	if got := ur.Plural("handout_pages", 3); got != "3 pages" {
		t.Errorf("ur: Plural(handout_pages, 3) = %q: with no \"other\" form of its own, it should take English's", got)
	}
	if got := ur.Plural("search_count", 1, "query", "x"); got != "1 نتائج برائے x" {
		t.Errorf("ur: Plural(search_count, 1) = %q: it should take its own \"other\", not English's \"one\"", got)
	}
	if got := c.Strings("de").Lang(); got != "en" {
		t.Errorf("Strings(de), not a site language, gives %q's words, want the default's", got)
	}
	if got := c.Strings("ES")["home"]; got != "Inicio" {
		t.Errorf("Strings(ES) home = %q", got)
	}
	if got, want := c.Files(), []string{"i18n/en.yaml", "i18n/es.yaml", "i18n/ur.yaml"}; !slices.Equal(got, want) {
		t.Errorf("Files() = %q, want %q", got, want)
	}

	missing := c.Missing()
	if len(missing) != 1 || missing[0].Lang != "ur" || missing[0].File != "i18n/ur.yaml" {
		t.Fatalf("Missing() = %+v, want ur alone, to add to i18n/ur.yaml", missing)
	}
	keys := missing[0].Keys
	if !slices.IsSorted(keys) {
		t.Errorf("missing keys are not sorted: %q", keys)
	}
	for _, k := range []string{"clinic_hours", "on_this_page", "handout_pages.other", "search_count.one", "month.9", "date_format"} {
		if !slices.Contains(keys, k) {
			t.Errorf("missing keys lack %s", k)
		}
	}
	for _, k := range []string{"home", "handout_pages.one", "search_count.other", "language_name", "language", "dir"} {
		if slices.Contains(keys, k) {
			t.Errorf("missing keys have %s, which ur gives or does not need", k)
		}
	}
	if want := len(themeLayer("en").keys) + 1 - 4; len(keys) != want { // English + clinic_hours - home, handout_pages.one, search_count.other, language_name
		t.Errorf("%d keys missing, want %d: %q", len(keys), want, keys)
	}
}

// TestLookupChain: es-MX takes the site's es-MX words (its file named in
// any case), then the site's es, then the theme's es.
func TestLookupChain(t *testing.T) {
	c, diags := load(t, `
-- i18n/es-mx.yaml --
home: Página principal
-- i18n/es.yaml --
home: Portada
menu: Menú del sitio
handout_pages.one: "{n} hoja"
handout_pages.other: "{n} hojas"
`, "cy", "es-MX")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	s := c.Strings("es-MX")
	for key, want := range map[string]string{"home": "Página principal", "menu": "Menú del sitio", "next": "Siguiente", "language_name": "Español", "language": "es-MX"} {
		if s[key] != want {
			t.Errorf("es-MX %s = %q, want %q", key, s[key], want)
		}
	}
	if got := s.Plural("handout_pages", 2); got != "2 hojas" {
		t.Errorf("es-MX Plural = %q", got)
	}
	if m := c.Missing(); len(m) != 0 {
		t.Errorf("Missing() = %+v, want nothing: Welsh and Spanish are whole", m)
	}
}

// TestDefaultWithoutTheme: a default language that the theme does not
// have takes English's words, and Missing says so.
func TestDefaultWithoutTheme(t *testing.T) {
	c, diags := load(t, `
-- i18n/UR.yaml --
home: ہوم
`, "ur", "pl")
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if got := c.Strings("ur")["next"]; got != "Next" {
		t.Errorf("ur next = %q, want English's", got)
	}
	if got := c.Strings("pl")["home"]; got != "Strona główna" {
		t.Errorf("pl home = %q", got)
	}
	m := c.Missing()
	if len(m) != 1 || m[0].Lang != "ur" || m[0].File != "i18n/UR.yaml" || slices.Contains(m[0].Keys, "home") || !slices.Contains(m[0].Keys, "next") {
		t.Errorf("Missing() = %+v, want ur's keys but home, in i18n/UR.yaml", m)
	}
	// Polish lacks nothing: every word of the default language (English's
	// but one) is in the theme's Polish.
	c, _ = Load(t.TempDir(), []string{"pl", "en"})
	if m := c.Missing(); len(m) != 0 {
		t.Errorf("Missing() = %+v, want nothing", m)
	}
	// A new language lacks every word, in its own plural forms.
	c, _ = Load(t.TempDir(), []string{"en", "ru"})
	m = c.Missing()
	if len(m) != 1 || m[0].File != "i18n/ru.yaml" || !slices.Contains(m[0].Keys, "handout_pages.few") || slices.Contains(m[0].Keys, "language_name") {
		t.Errorf("Missing() = %+v", m)
	}
}

// TestDiagnostics: every problem a clinic's file can have, with its
// place and what to do.
func TestDiagnostics(t *testing.T) {
	for _, c := range []struct {
		name, archive string
		tags          []string
		want          []string
	}{
		{"unknown key", `
-- i18n/es.yaml --
home: Portada
on_this_pge: En esta página
horario: Lunes a viernes
`, []string{"en", "es"}, []string{
			`i18n/es.yaml:2:1: warning: "on_this_pge" is not one of the theme's words, so the theme does not show it: did you mean "on_this_page"? If it is a word for your own templates, keep it`,
			`i18n/es.yaml:3:1: warning: "horario" is not one of the theme's words, so the theme does not show it: if it is for your own templates, keep it; if not, check its spelling`,
		}},
		{"value not text", `
-- i18n/es.yaml --
home:
  - Portada
menu: {a: b}
next: 3
`, []string{"en", "es"}, []string{
			`i18n/es.yaml:2:3: error: "home" should be text, not a list; for example: home: "..."`,
			`i18n/es.yaml:3:7: error: "menu" should be text, not a group of keys; for example: menu: "..."`,
		}},
		{"placeholders", `
-- i18n/es.yaml --
more_in_section: Más sobre {sectoin}
crisis_call: llame al número
home: Inicio {section}
search_count.one: "{query}: {n} resultado {x}"
handout_page_of: Página {n}
`, []string{"en", "es"}, []string{
			`i18n/es.yaml:1:18: warning: "more_in_section" has {sectoin}, which Pamphlet does not fill in, and leaves out {section}: the English words ("More in {section}") use {section}; use the same names in braces, spelt the same, wherever the sentence needs them`,
			`i18n/es.yaml:2:14: warning: "crisis_call" leaves out {number}: the English words ("call {number}") use {number}; use the same names in braces, spelt the same, wherever the sentence needs them`,
			`i18n/es.yaml:3:7: warning: "home" has {section}, which Pamphlet does not fill in: the English words ("Home") have no names in braces; use the same names in braces, spelt the same, wherever the sentence needs them`,
			`i18n/es.yaml:4:19: warning: "search_count.one" has {x}, which Pamphlet does not fill in: the English words ("{n} result for {query}") use {n} and {query}; use the same names in braces, spelt the same, wherever the sentence needs them`,
			`i18n/es.yaml:5:18: warning: "handout_page_of" leaves out {total}: the English words ("Page {n} of {total}") use {n} and {total}; use the same names in braces, spelt the same, wherever the sentence needs them`,
		}},
		{"single-number plural forms may leave out {n}", `
-- i18n/ar.yaml --
handout_pages.two: صفحتان
handout_pages.few: صفحات
`, []string{"en", "ar"}, []string{
			`i18n/ar.yaml:2:20: warning: "handout_pages.few" leaves out {n}: the English words ("{n} pages") use {n}; use the same names in braces, spelt the same, wherever the sentence needs them`,
		}},
		{"file for another language", `
-- i18n/it.yaml --
home: Home
-- i18n/spanish.yaml --
home: Inicio
-- i18n/es.yml --
home: Inicio
-- i18n/notes.txt --
to do
-- i18n/.DS_Store --
x
`, []string{"en", "es"}, []string{
			`i18n/es.yml: warning: this file is not read: Pamphlet reads strings files ending in .yaml; rename it i18n/es.yaml`,
			`i18n/it.yaml: warning: this file is for it, which is not one of the site's languages (en, es), so it is not used: add it to languages: in site.yaml, or remove the file`,
			`i18n/notes.txt: warning: this is not read: the i18n folder holds one strings file per language, named after the language, such as i18n/en.yaml`,
			`i18n/spanish.yaml: warning: "spanish" is not a language tag, so this file is not read: name it after one of the site's languages (en, es), such as i18n/en.yaml`,
		}},
		{"bad YAML", `
-- i18n/es.yaml --
home: Inicio
menu: "Menú
next: Siguiente
`, []string{"en", "es"}, []string{
			`i18n/es.yaml:2: error: this YAML cannot be read (found unexpected end of stream): check the indentation (spaces, not tabs) and that every "key: value" pair has a colon and a space; put values that contain a colon or start with a quote in quotes`,
		}},
		{"not a map", `
-- i18n/es.yaml --
- home
- menu
`, []string{"en", "es"}, []string{
			`i18n/es.yaml:1:1: error: the strings file should be lines of "key: value", such as "on_this_page: On this page", not a list`,
		}},
		{"plural forms", `
-- i18n/en.yaml --
handout_pages.one: "{n} sheet"
handout_pages.few: "{n} sheets"
-- i18n/pl.yaml --
search_count.two: "{n} wyniki dla {query}"
search_count: "{n} wyników"
`, []string{"en", "pl"}, []string{
			`i18n/en.yaml:2:1: warning: "handout_pages.few" is a plural form that English (en) does not use, so it is never shown: this language uses handout_pages.one and handout_pages.other; remove it`,
			`i18n/pl.yaml:1:1: warning: "search_count.two" is a plural form that Polish (pl) does not use, so it is never shown: this language uses search_count.one, search_count.few, search_count.many and search_count.other; remove it`,
			`i18n/pl.yaml:2:1: warning: "search_count" changes with the number it counts, so it is given in plural forms: write search_count.one, search_count.few, search_count.many and search_count.other instead; this line is kept only for your own templates`,
		}},
		{"twice, reserved, empty", `
-- i18n/es.yaml --
home: Inicio
dir: ltr
home: Portada
menu:
`, []string{"en", "es"}, []string{
			`i18n/es.yaml:2:1: warning: "dir" is set by Pamphlet itself (the page's language tag or its writing direction), so this line is ignored: remove it`,
			`i18n/es.yaml:3:1: error: "home" is given twice (first on line 1); keep one`,
			`i18n/es.yaml:4:1: warning: "menu" has no words after the colon, so it is left out and the theme's words are used: write the words after the colon, or remove the line`,
		}},
		{"not UTF-8", "\n-- i18n/es.yaml --\nhome: P\xe1gina\n", []string{"en", "es"}, []string{
			`i18n/es.yaml:1:8: error: this file is not UTF-8 text (it may be saved as Windows-1252 or Latin-1): save it again as UTF-8 in your editor`,
		}},
		{"two files for one language", `
-- i18n/ES.yaml --
home: Portada
-- i18n/es.yaml --
home: Inicio
`, []string{"en", "es"}, []string{
			`i18n/es.yaml: error: this file and i18n/ES.yaml are both for es, so this one is not read: keep one of them`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := load(t, c.archive, c.tags...)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestKeptDespiteWarnings: a site's own word is kept, and a file with an
// error keeps the words it could read.
func TestKeptDespiteWarnings(t *testing.T) {
	c, diags := load(t, `
-- i18n/es.yaml --
horario: Lunes a viernes
home:
  - Portada
menu: Menú del sitio
`, "en", "es")
	if !diags.HasErrors() {
		t.Fatalf("want an error for home, got:\n%s", diags)
	}
	s := c.Strings("es")
	if s["horario"] != "Lunes a viernes" || s["home"] != "Inicio" || s["menu"] != "Menú del sitio" {
		t.Errorf("horario %q, home %q, menu %q", s["horario"], s["home"], s["menu"])
	}
}

func TestUnreadableFolder(t *testing.T) {
	root := writeSite(t, "-- i18n --\nnot a folder\n")
	_, diags := Load(root, []string{"en"})
	if len(diags) != 1 || diags[0].File != "i18n" || !diags.HasErrors() {
		t.Errorf("diagnostics:\n%s", diags)
	}
}
