package i18n

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// selfName returns what a language calls itself, by CLDR, with a capital
// first letter as in a menu ("Español", "Polski", "اردو"), or "" when
// CLDR does not know it.
func selfName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	return capitalise(display.Self.Name(t))
}

// capitalise puts the first letter of s in title case.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToTitle(r)) + s[n:]
}

// LanguageName returns another language's name in this one's words, as
// CLDR gives it, for the {language} of the translation_* words: "Welsh"
// in English, "galés" in Spanish, "Englisch" in German. It names the
// language, not its region (en-GB is "English"), and gives the
// language's own name when CLDR has no name for it in this one.
func (s Strings) LanguageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	base, _ := t.Base()
	if namer := display.Languages(tagOf(s.Lang())); namer != nil {
		if name := namer.Name(base); name != "" {
			return name
		}
	}
	if name := selfName(base.String()); name != "" {
		return name
	}
	return tag
}
