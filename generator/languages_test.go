package generator

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"pamphlet/generator/i18n"
)

// languagesSite is the site of testdata/languages.txtar: British English,
// Spanish and Arabic.
func languagesSite(t *testing.T) *testSite {
	t.Helper()
	b, err := os.ReadFile("testdata/languages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return newTestSite(t, string(b))
}

// words returns the theme's words of the test site's languages, as the
// build reads them.
func words(t *testing.T, s *testSite, tag string) i18n.Strings {
	t.Helper()
	c, d := i18n.Load(s.root, []string{"en-GB", "es", "ar"})
	if d.HasErrors() {
		t.Fatal(d)
	}
	return c.Strings(tag)
}

// TestLanguagesSite builds a site in three languages and checks what
// readers and search engines get: the pages under each language's
// folder, <html lang dir>, hreflang and the switcher, the theme's words
// and dates in each language, citations in the language's CSL locale,
// links that stay within a language, and the notice on a translation
// that fell behind its source.
func TestLanguagesSite(t *testing.T) {
	s := languagesSite(t)
	res := s.mustBuild()
	es, ar, en := words(t, s, "es"), words(t, s, "ar"), words(t, s, "en-GB")

	t.Run("addresses", func(t *testing.T) {
		for _, p := range []string{"index.html", "mbt/index.html", "es/index.html", "es/mbt/index.html", "es/therapy/what-to-expect/index.html", "es/solo-es/index.html", "ar/index.html", "ar/mbt/index.html", "search/meta.json", "es/search/meta.json", "ar/search/meta.json", "es/search/index.html", "ar/search/index.html"} {
			if !s.exists(p) {
				t.Errorf("no %s", p)
			}
		}
		if s.exists("mbt.es/index.html") || s.exists("es/es/mbt/index.html") {
			t.Error("a translation was published under its file name")
		}
	})

	t.Run("html lang and dir", func(t *testing.T) {
		assertContains(t, s.read("mbt/index.html"), `<html lang="en-GB">`)
		assertContains(t, s.read("es/mbt/index.html"), `<html lang="es">`)
		assertContains(t, s.read("ar/mbt/index.html"), `<html lang="ar" dir="rtl">`)
		assertContains(t, s.read("ar/search/index.html"), `<html lang="ar" dir="rtl">`)
	})

	t.Run("hreflang and switcher", func(t *testing.T) {
		for _, p := range []string{"mbt/index.html", "es/mbt/index.html", "ar/mbt/index.html"} {
			page := s.read(p)
			assertContains(t, page,
				`<link rel="alternate" hreflang="en-GB" href="https://clinic.example/mbt/">`,
				`<link rel="alternate" hreflang="es" href="https://clinic.example/es/mbt/">`,
				`<link rel="alternate" hreflang="ar" href="https://clinic.example/ar/mbt/">`,
				`<link rel="alternate" hreflang="x-default" href="https://clinic.example/mbt/">`,
				`<nav class="language-switcher" aria-label="`,
				`<a href="/es/mbt/" hreflang="es" lang="es"`, `>Español</a>`,
				`<a href="/ar/mbt/" hreflang="ar" lang="ar" dir="rtl"`, `>العربية</a>`,
				`>English</a>`)
		}
		assertContains(t, s.read("es/mbt/index.html"), `<a href="/es/mbt/" hreflang="es" lang="es" aria-current="true">Español</a>`)
		assertContains(t, s.read("es/mbt/index.html"), `aria-label="`+es["languages"]+`"`)
		// A page in one language only has neither.
		assertNotContains(t, s.read("es/solo-es/index.html"), `hreflang=`, `language-switcher`)
		// The three versions of the home page are translations too.
		assertContains(t, s.read("ar/index.html"), `<link rel="alternate" hreflang="es" href="https://clinic.example/es/">`)
		// A section the translation has no page for is made, and is a
		// translation of the section's own page (here index.md), with
		// its title.
		assertContains(t, s.read("es/therapy/index.html"), `<link rel="alternate" hreflang="en-GB" href="https://clinic.example/therapy/">`, `<h1>Therapy</h1>`)
	})

	t.Run("sitemap", func(t *testing.T) {
		sm := s.read("sitemap.xml")
		assertContains(t, sm, `xmlns:xhtml="http://www.w3.org/1999/xhtml"`,
			`<url><loc>https://clinic.example/es/mbt/</loc><xhtml:link rel="alternate" hreflang="en-GB" href="https://clinic.example/mbt/"/><xhtml:link rel="alternate" hreflang="es" href="https://clinic.example/es/mbt/"/><xhtml:link rel="alternate" hreflang="ar" href="https://clinic.example/ar/mbt/"/><xhtml:link rel="alternate" hreflang="x-default" href="https://clinic.example/mbt/"/></url>`,
			`<url><loc>https://clinic.example/es/solo-es/</loc></url>`)
	})

	t.Run("theme words and dates", func(t *testing.T) {
		page := s.read("es/therapy/what-to-expect/index.html")
		assertContains(t, page, `<a class="skip-link" href="#main">`+es["skip_to_content"]+`</a>`,
			es["page_last_reviewed"]+`: <time datetime="2025-10-02">`+es.Date(time.Date(2025, 10, 2, 0, 0, 0, 0, time.UTC))+`</time>`)
		assertContains(t, s.read("ar/mbt/index.html"), `<a class="skip-link" href="#main">`+ar["skip_to_content"]+`</a>`)
		assertContains(t, s.read("mbt/index.html"), `<a class="skip-link" href="#main">Skip to main content</a>`, `Page last reviewed: <time datetime="2025-09-14">14 September 2025</time>`)
		if es["skip_to_content"] == en["skip_to_content"] {
			t.Error("the Spanish words are the English ones")
		}
		// The site's settings for the language: its title and crisis lines.
		help := s.read("es/mbt/index.html")
		assertContains(t, help, `<span>Entender la MBT</span>`, `<title>¿Qué es la MBT? | Entender la MBT</title>`)
		assertContains(t, s.read("es/index.html"), `Esta información no sustituye los consejos de su equipo de salud.`)
	})

	t.Run("citations in the page's language", func(t *testing.T) {
		assertContains(t, s.read("mbt/index.html"), `>Bateman and Fonagy 2009</a>`)
		assertContains(t, s.read("es/mbt/index.html"), `>Bateman y Fonagy 2009</a>`, `<h2 id="references">`+es["references"]+`</h2>`)
		assertContains(t, s.read("ar/mbt/index.html"), `Bateman و Fonagy`)
	})

	t.Run("links stay in the language", func(t *testing.T) {
		page := s.read("es/mbt/index.html")
		// therapy/what-to-expect.md and help.md have Spanish
		// translations; contact.md has none.
		assertContains(t, page, `<a href="/es/therapy/what-to-expect/">qué esperar</a>`, `<a href="/es/help/">ayuda ahora</a>`, `<a href="/contact/">cómo contactarnos</a>`)
		assertContains(t, s.read("es/therapy/what-to-expect/index.html"), `<a href="/es/mbt/">qué es la MBT</a>`)
		// The menu links to the translation, with its title; an entry not
		// translated says which language it is in.
		assertContains(t, page, `<a href="/es/mbt/" aria-current="page">¿Qué es la MBT?</a>`, `<a href="/es/help/">Ayuda ahora</a>`, `<a href="/contact/" lang="en-GB">Contact us</a>`)
		assertContains(t, s.read("ar/mbt/index.html"), `<a href="/help/" lang="en-GB">Getting help now</a>`)
		// The breadcrumbs lead to the language's home.
		assertContains(t, page, `<li><a href="/es/">`+es["home"]+`</a></li>`)
	})

	t.Run("outdated translation", func(t *testing.T) {
		page := s.read("es/mbt/index.html")
		assertContains(t, page, `<aside class="translation-notice" role="note">`, es.Date(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)), `<a href="/mbt/" hreflang="en-GB">`)
		assertNotContains(t, s.read("es/therapy/what-to-expect/index.html"), `translation-notice`)
		assertNotContains(t, s.read("ar/mbt/index.html"), `translation-notice`)
	})

	t.Run("JSON-LD", func(t *testing.T) {
		ld := func(p string) map[string]any {
			m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(s.read(p))
			var v map[string]any
			if m == nil || json.Unmarshal([]byte(m[1]), &v) != nil {
				t.Fatalf("%s: no JSON-LD", p)
			}
			return v
		}
		if v := ld("es/mbt/index.html"); v["inLanguage"] != "es" || v["translationOfWork"].(map[string]any)["@id"] != "https://clinic.example/mbt/" {
			t.Errorf("es/mbt: %v", v)
		}
		if v := ld("mbt/index.html"); v["inLanguage"] != "en-GB" || v["translationOfWork"] != nil {
			t.Errorf("mbt: %v", v)
		}
		if v := ld("es/solo-es/index.html"); v["inLanguage"] != "es" || v["translationOfWork"] != nil {
			t.Errorf("es/solo-es: %v", v)
		}
	})

	t.Run("search index per language", func(t *testing.T) {
		var meta struct {
			Lang string `json:"lang"`
		}
		for _, dir := range []string{"es", "ar"} {
			if err := json.Unmarshal([]byte(s.read(dir+"/search/meta.json")), &meta); err != nil || meta.Lang != dir {
				t.Errorf("%s/search/meta.json: lang %q, %v", dir, meta.Lang, err)
			}
		}
		assertContains(t, s.read("es/mbt/index.html"), `action="/es/search/"`, `data-search-words="`)
		assertContains(t, s.read("es/search/index.html"), `<a href="/es/solo-es/">Solo en español</a>`)
		assertNotContains(t, s.read("es/search/index.html"), `<a href="/mbt/">`)
	})

	t.Run("warnings", func(t *testing.T) {
		got := res.Diagnostics.String()
		assertContains(t, got, "content/orphan.es.md:1: warning: this file is named as the Spanish (es) translation of content/orphan.md, which does not exist")
		// Search in Arabic cannot put the crisis page first: it is not
		// translated. Spanish has it, and its crisis words.
		assertContains(t, got, "site.yaml:9:14: warning: the crisis page (content/help.md) is not translated into Arabic (ar), so a search in ar cannot put it first")
		assertNotContains(t, got, "not translated into Spanish", "search in Spanish (es) has no crisis words")
		assertNotContains(t, got, "solo-es.md")
	})

	t.Run("translated_from on a page that is no translation", func(t *testing.T) {
		one := newTestSite(t, "-- content/_index.md --\n---\ntitle: Home\ntranslated_from: 2025-01-01\n---\nHello.\n")
		res := one.mustBuild()
		assertContains(t, res.Diagnostics.String(), "content/_index.md:3: warning: translated_from is for a translation, and this page is in the site's default language, English (en), so it is ignored")
	})
}

// TestLanguagesServeEqualsBuild: the dev server keeps a site of three
// languages as a build makes it while its pages, their translations and
// the theme's words change.
func TestLanguagesServeEqualsBuild(t *testing.T) {
	s := languagesSite(t)
	b := NewBuilder(Options{Site: s.root, Theme: defaultTheme, Workers: 2})
	if u, err := b.Build(context.Background()); err != nil || u.Failed {
		t.Fatalf("first build: %v\n%s", err, u.Diagnostics)
	}
	assertServeEqualsBuild(t, "first build", s.root, b)
	for _, e := range []struct {
		step  string
		files map[string]string
		want  map[string]string // output path -> what it must now say
	}{
		{"the source of a translation reviewed", map[string]string{"content/therapy/what-to-expect.md": "---\ntitle: What to expect\ndescription: What happens in MBT sessions.\nlast_reviewed: 2025-11-01\n---\nYou meet a therapist each week, alone and in a group.\n"},
			map[string]string{"es/therapy/what-to-expect/index.html": `class="translation-notice"`}},
		{"a translation added", map[string]string{"content/contact.es.md": "---\ntitle: Contacto\ntranslated_from: 2025-09-14\n---\nEscriba a info@clinic.example.\n"},
			map[string]string{"es/mbt/index.html": `<a href="/es/contact/">cómo contactarnos</a>`, "contact/index.html": `hreflang="es" href="https://clinic.example/es/contact/"`}},
		{"the crisis page's translation removed", map[string]string{"content/help.es.md": ""},
			map[string]string{"es/mbt/index.html": `<a href="/help/">ayuda ahora</a>`}},
		{"a translation removed", map[string]string{"content/es/therapy/what-to-expect.md": ""},
			map[string]string{"es/mbt/index.html": `<a href="/therapy/what-to-expect/">qué esperar</a>`}},
		{"the theme's words changed", map[string]string{"i18n/es.yaml": "on_this_page: En esta página\nskip_to_content: Ir al contenido\n"},
			map[string]string{"es/mbt/index.html": `>Ir al contenido</a>`}},
	} {
		u := rebuild(t, s, b, e.files)
		if u.Failed {
			t.Fatalf("%s: %s", e.step, u.Diagnostics)
		}
		assertServeEqualsBuild(t, e.step, s.root, b)
		for p, want := range e.want {
			assertContains(t, string(b.Files()[p]), want)
		}
	}
}

// TestLanguagesCheck: check reports a translation made before its
// source's last review, with both dates, in text and in JSON, and
// measures each page's reading level by its own language.
func TestLanguagesCheck(t *testing.T) {
	s := languagesSite(t)
	rep, err := Check(context.Background(), Options{Site: s.root, Theme: defaultTheme, Workers: 2, Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, p := range rep.Pages {
		if p.File != "content/mbt.es.md" {
			continue
		}
		found = true
		if p.Translation == nil || p.Translation.State != "outdated" || p.Translation.TranslatedFrom != "2025-03-01" || p.Translation.SourceChanged != "2025-09-14" || p.Translation.Source != "content/mbt.md" {
			t.Errorf("translation: %+v", p.Translation)
		}
		assertContains(t, p.Diagnostics.String(), "content/mbt.es.md:4: warning: this translation was made from content/mbt.md as of 2025-03-01")
	}
	if !found {
		t.Fatal("no report for content/mbt.es.md")
	}
	if rep.Summary.OutdatedTranslations != 1 {
		t.Errorf("summary: %d outdated translations, want 1", rep.Summary.OutdatedTranslations)
	}
	b, _ := json.Marshal(rep)
	assertContains(t, string(b), `"translation":{"source":"content/mbt.md","translated_from":"2025-03-01","source_changed":"2025-09-14","state":"outdated"}`)
	for _, p := range rep.Pages {
		want := map[string]string{"content/mbt.md": "Flesch-Kincaid", "content/mbt.es.md": "Szigriszt-Pazos (INFLESZ)", "content/ar/mbt.md": ""}
		if f, ok := want[p.File]; ok && (p.Readability == nil || p.Readability.Formula != f && !(f == "Flesch-Kincaid" && p.Readability.EnglishGrades != nil)) {
			t.Errorf("%s: readability %+v, want formula %q", p.File, p.Readability, f)
		}
	}
}

// TestLanguagesMissingWords: a language the theme has no words for is
// shown in the default language's, and check lists what it lacks and
// where to add it.
func TestLanguagesMissingWords(t *testing.T) {
	s := newTestSite(t, `-- site.yaml --
title: T
base_url: https://clinic.example/
languages: [en-GB, ur]
-- i18n/ur.yaml --
skip_to_content: مرکزی مواد پر جائیں
-- content/_index.md --
---
title: Home
---
Hello.
-- content/_index.ur.md --
---
title: ہوم
translated_from: 2025-01-01
---
سلام۔
`)
	s.mustBuild()
	assertContains(t, s.read("ur/index.html"), `<html lang="ur" dir="rtl">`, `>مرکزی مواد پر جائیں</a>`, `>Search</button>`)
	rep, err := Check(context.Background(), Options{Site: s.root, Theme: defaultTheme, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, rep.Site.String(), "i18n/ur.yaml: warning: the theme has no words in Urdu (ur) for ", "so readers see them in the site's default language: add them to i18n/ur.yaml")
	assertNotContains(t, rep.Site.String(), "skip_to_content")
}

// TestLanguagesHandouts: a translation's handout is in its language (its
// words, and the PDF's language for screen readers); a page written right
// to left has none, which site.yaml's handouts: line says.
func TestLanguagesHandouts(t *testing.T) {
	s := languagesSite(t)
	cfg, err := os.ReadFile(filepath.Join(s.root, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s.write("site.yaml", "handouts: true\n"+string(cfg))
	res := s.mustBuild()
	es := words(t, s, "es")
	pdf := s.read("es/mbt/handout.pdf")
	if !strings.Contains(pdf, "/Lang (es)") {
		t.Error("the Spanish handout does not say it is in Spanish")
	}
	assertContains(t, s.read("es/mbt/index.html"), `<a href="/es/mbt/handout.pdf" download>`+es["handout_download"]+`</a> (`+es.Plural("handout_pages", 1)+`, `)
	if s.exists("ar/mbt/handout.pdf") {
		t.Error("an Arabic page has a handout")
	}
	assertNotContains(t, s.read("ar/mbt/index.html"), "handout-link")
	assertContains(t, res.Diagnostics.String(), "site.yaml:1:11: warning: handouts: pages in Arabic (ar) get no PDF handout")
}
