package site

import (
	"cmp"
	"fmt"
	"path"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"pamphlet/generator/diag"
)

// Language is one of the site's languages (site.yaml's languages:), with
// what the site says differently in it. Anything left out is the default
// language's. In site.yaml a language is its tag alone ("- es") or a
// group of keys:
//
//	languages:
//	  - en-GB
//	  - tag: es
//	    title: Entender la terapia MBT
//	    crisis_page: es/ayuda-urgente.md
type Language struct {
	Tag          string       `yaml:"tag"` // BCP 47: en-GB, cy, es, ar
	Title        string       `yaml:"title"`
	Description  string       `yaml:"description"`
	Disclaimer   string       `yaml:"disclaimer"`
	Crisis       []CrisisLine `yaml:"crisis"`
	Menu         []MenuEntry  `yaml:"menu"`
	ContactPage  string       `yaml:"contact_page"`
	PrivacyPage  string       `yaml:"privacy_page"`
	EditorialPg  string       `yaml:"editorial_policy_page"`
	DisclaimerPg string       `yaml:"disclaimer_page"`
	CrisisPage   string       `yaml:"crisis_page"`

	// prefix is where its pages go: "" for the default language, the
	// tag in lower case and a slash for the others ("es/").
	prefix string
	// at is its key path in site.yaml, "languages[2]", for diagnostics.
	at string
}

// Prefix returns the folder the language's pages are published under:
// "" for the default language, "es/" for Spanish.
func (l *Language) Prefix() string { return l.prefix }

// At returns the language's key path in site.yaml ("languages[2]"), or
// "" for the one language of a site that lists none.
func (l *Language) At() string { return l.at }

// Languages returns the site's languages, the default first. A site that
// names none has one, its language: (English when that is not set).
func (c *Config) Languages() []Language { return c.Langs }

// Tags returns the tags of the site's languages, the default first.
func (c *Config) Tags() []string {
	tags := make([]string, len(c.Langs))
	for i, l := range c.Langs {
		tags[i] = l.Tag
	}
	return tags
}

// DefaultLanguage returns the tag of the site's default language, whose
// pages are at the root of the site.
func (c *Config) DefaultLanguage() string { return c.Language }

// Multilingual reports whether the site has more than one language.
func (c *Config) Multilingual() bool { return len(c.Langs) > 1 }

// Lang returns the settings of the language with this tag (as site.yaml
// writes it), or the default language's when the site has no such one.
func (c *Config) Lang(tag string) *Language {
	for i := range c.Langs {
		if c.Langs[i].Tag == tag {
			return &c.Langs[i]
		}
	}
	return &c.Langs[0]
}

// LanguageOf tells the language of a page from its content-relative path,
// and its key: the path of the page it translates, as the default
// language has it. A translation is either the same path under the
// language's folder (es/therapy/x.md) or the page's file with the tag
// before .md (therapy/x.es.md); everything else is in the default
// language, and is its own key.
func (c *Config) LanguageOf(rel string) (tag, key string) {
	if len(c.Langs) > 1 {
		if top, rest, ok := strings.Cut(rel, "/"); ok {
			for _, l := range c.Langs[1:] {
				if strings.EqualFold(top, l.Tag) {
					return l.Tag, rest
				}
			}
		}
	}
	if name, ok := strings.CutSuffix(rel, ".md"); ok {
		if i := strings.LastIndexByte(name, '.'); i > 0 && !strings.HasSuffix(name[:i], "/") {
			for _, l := range c.Langs {
				if strings.EqualFold(name[i+1:], l.Tag) {
					return l.Tag, name[:i] + ".md"
				}
			}
		}
	}
	return c.Language, rel
}

// URLOf returns the site-relative output folder of the page at
// content-relative path rel: PageURL of its key, under its language's
// folder.
func (c *Config) URLOf(rel string) string {
	tag, key := c.LanguageOf(rel)
	return c.Lang(tag).prefix + PageURL(key)
}

// TranslationPaths returns the content-relative paths a page of key may
// have in the language tag: under the language's folder, or beside the
// page with the tag before .md (each as site.yaml writes the tag, and in
// lower case). For the default language it is the key itself.
func (c *Config) TranslationPaths(key, tag string) []string {
	if tag == c.Language {
		return []string{key}
	}
	dir, file := path.Split(key)
	name := strings.TrimSuffix(file, ".md")
	out := []string{tag + "/" + key, dir + name + "." + tag + ".md"}
	if low := strings.ToLower(tag); low != tag {
		out = append(out, low+"/"+key, dir+name+"."+low+".md")
	}
	return out
}

// checkLanguages checks language: and languages:. Each tag must be a BCP
// 47 tag, named once; the first of languages: is the default, and
// language: (kept for sites of one language) must agree with it.
func (c *Config) checkLanguages() []diag.Diagnostic {
	var diags []diag.Diagnostic
	if d := c.checkLanguage(); d != nil {
		diags = append(diags, *d)
	}
	seen := map[string]int{}
	var langs []Language
	for i, l := range c.Langs {
		at := fmt.Sprintf("languages[%d]", i+1)
		tag := strings.TrimSpace(l.Tag)
		switch {
		case tag == "":
			diags = append(diags, diag.Errorf(ConfigFile, c.Line(at), c.Col(at), "%s has no tag: write the language's BCP 47 tag, e.g. - es, or tag: es", at))
			continue
		case !isTag(tag):
			diags = append(diags, diag.Errorf(ConfigFile, c.Line(at), c.Col(at), "%s is %q, which is not a language tag: write a BCP 47 tag such as en-GB, cy, es, pl or ar", at, tag))
			continue
		}
		key := strings.ToLower(tag)
		if prev, ok := seen[key]; ok {
			diags = append(diags, diag.Errorf(ConfigFile, c.Line(at), c.Col(at), "%s: %s is listed twice (first as languages[%d]); keep one", at, tag, prev))
			continue
		}
		seen[key] = i + 1
		l.Tag, l.at = tag, at
		langs = append(langs, l)
	}
	switch {
	case len(langs) == 0:
		langs = []Language{{Tag: c.Language}}
	case c.languageSet && !strings.EqualFold(c.Language, langs[0].Tag):
		diags = append(diags, diag.Errorf(ConfigFile, c.Line("language"), c.Col("language"), "language is %s but the first of languages: is %s: the first of languages: is the site's default language, so remove language:, or make the two the same", c.Language, langs[0].Tag))
	}
	c.Language = langs[0].Tag
	for i := range langs {
		if i > 0 {
			langs[i].prefix = strings.ToLower(langs[i].Tag) + "/"
		}
		for j, m := range langs[i].Menu {
			langs[i].Menu[j].Page = strings.TrimSpace(m.Page)
		}
	}
	c.Langs = langs
	return diags
}

// checkLanguage checks that language is a BCP 47 tag (it becomes the
// pages' <html lang>), and defaults it to "en".
func (c *Config) checkLanguage() *diag.Diagnostic {
	c.languageSet = strings.TrimSpace(c.Language) != ""
	if !c.languageSet {
		c.Language = "en"
		return nil
	}
	c.Language = strings.TrimSpace(c.Language)
	if !isTag(c.Language) {
		bad := c.Language
		c.Language, c.languageSet = "en", false
		d := diag.Errorf(ConfigFile, c.Line("language"), c.Col("language"), "language %q is not a language tag: write a BCP 47 tag such as en-GB, en-US, cy, es or pl", bad)
		return &d
	}
	return nil
}

// isTag reports whether s is a BCP 47 language tag, written as one:
// letters, digits and hyphens, starting with a language of 2 to 3
// letters, that golang.org/x/text can read.
func isTag(s string) bool {
	if _, err := language.Parse(s); err != nil {
		return false
	}
	lang, _, _ := strings.Cut(s, "-")
	if len(lang) < 2 || len(lang) > 3 {
		return false
	}
	for _, r := range lang {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// In returns the site's settings for pages in the language tag: the
// language's own where site.yaml gives them, the site's otherwise. Pages
// named are as site.yaml names them: the views link to their translation
// in the language where there is one.
func (c *Config) In(tag string) Language {
	l := *c.Lang(tag)
	l.Title = cmp.Or(l.Title, c.Title)
	l.Description = cmp.Or(l.Description, c.Description)
	l.Disclaimer = cmp.Or(l.Disclaimer, c.Disclaimer)
	if l.Crisis == nil {
		l.Crisis = c.Crisis
	}
	if l.Menu == nil {
		l.Menu = c.Menu
	}
	l.ContactPage = cmp.Or(l.ContactPage, c.ContactPage)
	l.PrivacyPage = cmp.Or(l.PrivacyPage, c.PrivacyPage)
	l.EditorialPg = cmp.Or(l.EditorialPg, c.EditorialPg)
	l.DisclaimerPg = cmp.Or(l.DisclaimerPg, c.DisclaimerPg)
	l.CrisisPage = cmp.Or(l.CrisisPage, c.CrisisPage)
	return l
}

// SynonymsFileIn returns where the site keeps its own search synonyms for
// pages in the language tag: SynonymsFile for the default language,
// search/synonyms.es.yaml for Spanish.
func (c *Config) SynonymsFileIn(tag string) string {
	if tag == c.Language {
		return SynonymsFile
	}
	return strings.TrimSuffix(SynonymsFile, ".yaml") + "." + strings.ToLower(tag) + ".yaml"
}

// LanguageName names a language in English for Pamphlet's own messages:
// "Spanish (es)".
func LanguageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if name := display.English.Tags().Name(t); name != "" {
		return name + " (" + tag + ")"
	}
	return tag
}
