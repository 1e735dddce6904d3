package site

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

const threeLanguages = `title: Understanding MBT
languages:
  - en-GB
  - tag: es
    title: Entender la MBT
    crisis_page: es/ayuda.md
  - ar
`

func TestLanguages(t *testing.T) {
	cfg, diags := ParseConfig([]byte(threeLanguages), "")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var tags []string
	for _, l := range cfg.Languages() {
		tags = append(tags, l.Tag+"="+l.Prefix())
	}
	if want := []string{"en-GB=", "es=es/", "ar=ar/"}; !slices.Equal(tags, want) {
		t.Errorf("languages %v, want %v", tags, want)
	}
	if cfg.DefaultLanguage() != "en-GB" || !cfg.Multilingual() {
		t.Errorf("default %q, multilingual %v", cfg.DefaultLanguage(), cfg.Multilingual())
	}
	for rel, want := range map[string][3]string{
		"therapy/x.md":       {"en-GB", "therapy/x.md", "therapy/x/"},
		"therapy/x.es.md":    {"es", "therapy/x.md", "es/therapy/x/"},
		"therapy/x.ES.md":    {"es", "therapy/x.md", "es/therapy/x/"},
		"es/therapy/x.md":    {"es", "therapy/x.md", "es/therapy/x/"},
		"ar/_index.md":       {"ar", "_index.md", "ar/"},
		"_index.ar.md":       {"ar", "_index.md", "ar/"},
		"x.en-GB.md":         {"en-GB", "x.md", "x/"},
		"x.fr.md":            {"en-GB", "x.fr.md", "x.fr/"}, // fr is not one of the site's
		"esperanza/x.md":     {"en-GB", "esperanza/x.md", "esperanza/x/"},
		"therapy/.es.md":     {"en-GB", "therapy/.es.md", "therapy/.es/"},
		"es/images/a.png":    {"es", "images/a.png", ""},
		"en-gb/therapy/x.md": {"en-GB", "en-gb/therapy/x.md", "en-gb/therapy/x/"}, // the default has no folder
	} {
		tag, key := cfg.LanguageOf(rel)
		if tag != want[0] || key != want[1] {
			t.Errorf("LanguageOf(%s) = %s, %s; want %s, %s", rel, tag, key, want[0], want[1])
		}
		if want[2] != "" && cfg.URLOf(rel) != want[2] {
			t.Errorf("URLOf(%s) = %s, want %s", rel, cfg.URLOf(rel), want[2])
		}
	}
	if got := cfg.TranslationPaths("therapy/x.md", "es"); !slices.Equal(got, []string{"es/therapy/x.md", "therapy/x.es.md"}) {
		t.Errorf("TranslationPaths = %v", got)
	}
	es := cfg.In("es")
	if es.Title != "Entender la MBT" || es.CrisisPage != "es/ayuda.md" || cfg.In("ar").Title != "Understanding MBT" {
		t.Errorf("In: es %+v, ar %+v", es, cfg.In("ar"))
	}
	if got := cfg.SynonymsFileIn("es"); got != "search/synonyms.es.yaml" {
		t.Errorf("SynonymsFileIn(es) = %s", got)
	}
	if got := cfg.SynonymsFileIn("en-GB"); got != SynonymsFile {
		t.Errorf("SynonymsFileIn(en-GB) = %s", got)
	}
	extra := cfg.ExtraFiles()
	if !slices.Contains(extra, "search/synonyms.ar.yaml") || !slices.Contains(extra, SynonymsFile) {
		t.Errorf("ExtraFiles = %v", extra)
	}
	if !cfg.PolicyPage("references.es.md") || cfg.PolicyPage("therapy/x.es.md") {
		t.Error("PolicyPage does not know the references page's translation")
	}
}

// TestOneLanguage: a site that names no languages has one, language:,
// and every page is its own key at the root.
func TestOneLanguage(t *testing.T) {
	cfg, diags := ParseConfig([]byte("title: T\nlanguage: cy\n"), "")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if cfg.Multilingual() || cfg.DefaultLanguage() != "cy" || len(cfg.Languages()) != 1 {
		t.Errorf("languages %+v", cfg.Languages())
	}
	if tag, key := cfg.LanguageOf("es/x.md"); tag != "cy" || key != "es/x.md" || cfg.URLOf("x.es.md") != "x.es/" {
		t.Errorf("LanguageOf(es/x.md) = %s, %s", tag, key)
	}
	cfg, _ = ParseConfig([]byte("title: T\n"), "")
	if cfg.DefaultLanguage() != "en" {
		t.Errorf("default language %q, want en", cfg.DefaultLanguage())
	}
}

func TestLanguagesBad(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"languages:\n  - en-GB\n  - español\n", `site.yaml:3:5: error: languages[2] is "español", which is not a language tag`},
		{"languages:\n  - en-GB\n  - es\n  - ES\n", "site.yaml:4:5: error: languages[3]: ES is listed twice (first as languages[2]); keep one"},
		{"languages:\n  - en-GB\n  - title: Sin etiqueta\n", "site.yaml:3:5: error: languages[2] has no tag"},
		{"language: en-US\nlanguages:\n  - en-GB\n  - es\n", "site.yaml:1:11: error: language is en-US but the first of languages: is en-GB"},
		{"language: english\n", `site.yaml:1:11: error: language "english" is not a language tag`},
		{"languages:\n  - en-GB\n  - tag: es\n    crisis:\n      - name: Línea\n        phone: \"llame al 024\"\n", "site.yaml:6:16: error: languages[2].crisis[1] (Línea): phone \"llame al 024\""},
		{"languages:\n  - en-GB\n  - tag: es\n    titel: x\n", `site.yaml:4:5: warning: unknown key "languages[2].titel" in the site settings is ignored: did you mean "title"?`},
	} {
		_, diags := ParseConfig([]byte("title: T\n"+tt.yaml), "")
		got := diags.String()
		want := shiftLine(tt.want) // the lines above count from under the title

		if !strings.Contains(got, want) {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.yaml, got, want)
		}
	}
}

// shiftLine adds one to the line of a "site.yaml:L:C:" diagnostic, for
// the title line put before each case.
func shiftLine(s string) string {
	rest, ok := strings.CutPrefix(s, "site.yaml:")
	if !ok {
		return s
	}
	line, rest, _ := strings.Cut(rest, ":")
	n, _ := strconv.Atoi(line)
	return "site.yaml:" + strconv.Itoa(n+1) + ":" + rest
}
