package csl

import (
	"strings"
)

type term struct {
	single, multiple string
	match            string // for ordinals: last-digit, last-two-digits, whole-number
	gender           string // gender of a noun term
	genderForm       string // gender form of an ordinal term
}

type termKey struct{ name, form, genderForm string }

// Locale holds a CSL locale's terms, date formats and options. It is
// read-only after parsing.
type Locale struct {
	Lang               string
	terms              map[termKey]term
	ordinalsDefined    bool // the locale defines ordinal terms (replacing inherited ones)
	dates              map[string]*element
	punctuationInQuote *bool
	limitOrdinals      *bool
}

// ParseLocale parses a CSL locale file (locales-xx-XX.xml).
func ParseLocale(src []byte) (*Locale, error) {
	root, err := parseTree("locale", src, false)
	if err != nil {
		return nil, err
	}
	if root.name != "locale" {
		return nil, &ParseError{"locale", root.line, "root element is <" + root.name + ">, expected <locale>"}
	}
	return localeFromElement(root), nil
}

func localeFromElement(e *element) *Locale {
	l := &Locale{Lang: e.a("xml:lang"), terms: map[termKey]term{}, dates: map[string]*element{}}
	for _, k := range e.kids {
		switch k.name {
		case "style-options":
			if v, ok := k.attr["punctuation-in-quote"]; ok {
				b := v == "true"
				l.punctuationInQuote = &b
			}
			if v, ok := k.attr["limit-day-ordinals-to-day-1"]; ok {
				b := v == "true"
				l.limitOrdinals = &b
			}
		case "date":
			k.f = parseFmt(k.attr)
			for _, dp := range k.kids {
				dp.f = parseFmt(dp.attr)
			}
			l.dates[k.a("form")] = k
		case "terms":
			for _, t := range k.kids {
				if t.name != "term" {
					continue
				}
				name := t.a("name")
				form := t.a("form")
				if form == "" {
					form = "long"
				}
				tm := term{match: t.a("match"), gender: t.a("gender"), genderForm: t.a("gender-form")}
				if s := t.child("single"); s != nil {
					tm.single = s.text
					if m := t.child("multiple"); m != nil {
						tm.multiple = m.text
					} else {
						tm.multiple = s.text
					}
				} else {
					tm.single = t.text
					tm.multiple = t.text
				}
				if strings.TrimSpace(tm.single) == "" {
					// a term holding only white space is empty
					tm.single, tm.multiple = "", ""
				}
				if strings.HasPrefix(name, "ordinal") {
					l.ordinalsDefined = true
				}
				l.terms[termKey{name, form, tm.genderForm}] = tm
			}
		}
	}
	return l
}

// Locales returns the locale file for a language tag such as "en-US" or
// "de", or nil when there is none.
type Locales func(lang string) *Locale

// localeChain is the merged view of locales in fallback order (most
// specific first).
type localeChain struct {
	lang  string
	chain []*Locale
	// merged
	terms              map[termKey]term
	dates              map[string]*element
	punctuationInQuote bool
	limitOrdinals      bool
}

// primaryDialects gives the default dialect of a language (locales.json).
var primaryDialects = map[string]string{
	"af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ", "cy": "cy-GB",
	"da": "da-DK", "de": "de-DE", "el": "el-GR", "en": "en-US", "es": "es-ES", "et": "et-EE",
	"eu": "eu", "fa": "fa-IR", "fi": "fi-FI", "fr": "fr-FR", "he": "he-IL", "hr": "hr-HR",
	"hu": "hu-HU", "id": "id-ID", "is": "is-IS", "it": "it-IT", "ja": "ja-JP", "km": "km-KH",
	"ko": "ko-KR", "la": "la", "lt": "lt-LT", "lv": "lv-LV", "mn": "mn-MN", "nb": "nb-NO",
	"nl": "nl-NL", "nn": "nn-NO", "pl": "pl-PL", "pt": "pt-PT", "ro": "ro-RO", "ru": "ru-RU",
	"sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS", "sv": "sv-SE", "th": "th-TH", "tr": "tr-TR",
	"uk": "uk-UA", "vi": "vi-VN", "zh": "zh-CN",
}

// buildLocale merges, in the spec's priority order: the style's cs:locale
// for the exact tag, for the language, without xml:lang; then the locale
// files for the tag, for the language's primary dialect, and en-US.
func buildLocale(s *Style, lang string, get Locales) *localeChain {
	if lang == "" {
		lang = "en-US"
	}
	base := lang
	if i := strings.Index(lang, "-"); i > 0 {
		base = lang[:i]
	}
	var chain []*Locale
	for _, pass := range []int{0, 1, 2} {
		for _, le := range s.locales {
			l := le.a("xml:lang")
			if (pass == 0 && l == lang && l != base) || (pass == 1 && l == base) || (pass == 2 && l == "") {
				chain = append(chain, localeFromElement(le))
			}
		}
	}
	seen := map[string]bool{}
	add := func(tag string) {
		if seen[tag] || get == nil {
			return
		}
		seen[tag] = true
		if l := get(tag); l != nil {
			chain = append(chain, l)
		}
	}
	if strings.Contains(lang, "-") {
		add(lang)
	}
	if d, ok := primaryDialects[base]; ok {
		add(d)
	} else {
		add(base)
	}
	add("en-US")
	lc := &localeChain{lang: lang, chain: chain, terms: map[termKey]term{}, dates: map[string]*element{}}
	// merge from least to most specific
	for i := len(chain) - 1; i >= 0; i-- {
		l := chain[i]
		if l.ordinalsDefined {
			for k := range lc.terms {
				if strings.HasPrefix(k.name, "ordinal") {
					delete(lc.terms, k)
				}
			}
		}
		for k, v := range l.terms {
			lc.terms[k] = v
		}
		for k, v := range l.dates {
			lc.dates[k] = v
		}
		if l.punctuationInQuote != nil {
			lc.punctuationInQuote = *l.punctuationInQuote
		}
		if l.limitOrdinals != nil {
			lc.limitOrdinals = *l.limitOrdinals
		}
	}
	return lc
}

var formFallback = map[string][]string{
	"long":       {"long"},
	"short":      {"short", "long"},
	"verb":       {"verb", "long"},
	"verb-short": {"verb-short", "verb", "long"},
	"symbol":     {"symbol", "short", "long"},
}

// term looks up a term; ok is false when the locale lacks it.
func (lc *localeChain) term(name, form string, plural bool, genderForm string) (string, bool) {
	if form == "" {
		form = "long"
	}
	forms := formFallback[form]
	if forms == nil {
		forms = []string{form, "long"}
	}
	for _, f := range forms {
		t, ok := lc.terms[termKey{name, f, genderForm}]
		if !ok && genderForm != "" {
			t, ok = lc.terms[termKey{name, f, ""}]
		}
		if ok {
			if plural {
				return t.multiple, true
			}
			return t.single, true
		}
	}
	return "", false
}

func (lc *localeChain) termGender(name string) string {
	if t, ok := lc.terms[termKey{name, "long", ""}]; ok {
		return t.gender
	}
	return ""
}
