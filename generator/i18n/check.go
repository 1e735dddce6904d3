package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language/display"

	"pamphlet/generator/diag"
	"pamphlet/internal/textdist"
)

// checkLayer checks a strings file against the theme's English words: a
// key the theme does not know (kept, for a site's own templates), a
// plural form that the file's language does not use, and placeholders
// that are not the English word's. A reserved key is reported and
// dropped.
func checkLayer(l *layer, rules pluralRules, en *layer, diags *diag.List) {
	words := pluralWords(en)
	for _, key := range l.keys {
		at := l.at[key]
		if reserved(key) {
			diags.Warnf(l.file, at.keyLine, at.keyCol, "%q is set by Pamphlet itself (the page's language tag or its writing direction), so this line is ignored: remove it", key)
			delete(l.words, key)
			continue
		}
		if word, cat, ok := splitPlural(key); ok && words[word] {
			if !rules.uses(cat) {
				diags.Warnf(l.file, at.keyLine, at.keyCol, "%q is a plural form that %s does not use, so it is never shown: this language uses %s; remove it", key, languageLabel(l.tag), formList(word, rules.used))
				continue
			}
			english, ok := en.words[key]
			if !ok {
				english = en.words[word+".other"]
			}
			checkPlaceholders(l, key, english, rules.single[cat], diags)
			continue
		}
		if en.has(key) {
			checkPlaceholders(l, key, en.words[key], false, diags)
			continue
		}
		if isDay(key) {
			continue
		}
		if words[key] {
			diags.Warnf(l.file, at.keyLine, at.keyCol, "%q changes with the number it counts, so it is given in plural forms: write %s instead; this line is kept only for your own templates", key, formList(key, rules.used))
			continue
		}
		hint := "if it is for your own templates, keep it; if not, check its spelling"
		if near := textdist.Closest(key, knownKeys(en, words, rules), 3); near != "" {
			hint = fmt.Sprintf("did you mean %q? If it is a word for your own templates, keep it", near)
		}
		diags.Warnf(l.file, at.keyLine, at.keyCol, "%q is not one of the theme's words, so the theme does not show it: %s", key, hint)
	}
}

// checkPlaceholders warns when the words of key do not have exactly the
// placeholders of the English words; optionalN lets them leave out {n}.
func checkPlaceholders(l *layer, key, english string, optionalN bool, diags *diag.List) {
	want, got := placeholders(english), placeholders(l.words[key])
	var extra, lacking []string
	for _, p := range got {
		if !slices.Contains(want, p) {
			extra = append(extra, "{"+p+"}")
		}
	}
	for _, p := range want {
		if !slices.Contains(got, p) && !(optionalN && p == "n") {
			lacking = append(lacking, "{"+p+"}")
		}
	}
	if extra == nil && lacking == nil {
		return
	}
	var what []string
	if extra != nil {
		what = append(what, "has "+andList(extra)+", which Pamphlet does not fill in")
	}
	if lacking != nil {
		what = append(what, "leaves out "+andList(lacking))
	}
	uses := "have no names in braces"
	if len(want) > 0 {
		uses = "use " + braces(want)
	}
	at := l.at[key]
	diags.Warnf(l.file, at.line, at.col, "%q %s: the English words (%q) %s; use the same names in braces, spelt the same, wherever the sentence needs them", key, strings.Join(what, ", and "), english, uses)
}

// pluralWords returns the words that a strings file gives in plural
// forms ("handout_pages" for handout_pages.one and .other).
func pluralWords(l *layer) map[string]bool {
	words := map[string]bool{}
	for _, key := range l.keys {
		if word, _, ok := splitPlural(key); ok {
			words[word] = true
		}
	}
	return words
}

// knownKeys returns every key the theme knows in a language, sorted: the
// English keys, with the language's plural forms in place of English's.
func knownKeys(en *layer, words map[string]bool, rules pluralRules) []string {
	var keys []string
	for _, key := range en.keys {
		if _, _, ok := splitPlural(key); !ok {
			keys = append(keys, key)
		}
	}
	for word := range words {
		for _, cat := range rules.used {
			keys = append(keys, word+"."+cat)
		}
	}
	slices.Sort(keys)
	return keys
}

// isDay reports whether key is a day of the month's words, day.1 to
// day.31, which a language may give for Strings.Date ("day.1: 1er").
func isDay(key string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(key, "day."))
	return strings.HasPrefix(key, "day.") && err == nil && n >= 1 && n <= 31 && key == "day."+strconv.Itoa(n)
}

// formList writes a plural word's forms: "handout_pages.one and
// handout_pages.other".
func formList(word string, cats []string) string {
	forms := make([]string, len(cats))
	for i, c := range cats {
		forms[i] = word + "." + c
	}
	return andList(forms)
}

// braces writes placeholder names in braces: "{n} and {query}".
func braces(names []string) string {
	b := make([]string, len(names))
	for i, n := range names {
		b[i] = "{" + n + "}"
	}
	return andList(b)
}

// andList joins items as a sentence does: "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// languageLabel names a language for a message: "English (en)", or the
// tag alone when CLDR does not know it.
func languageLabel(tag string) string {
	if name := display.English.Languages().Name(tagOf(tag)); name != "" {
		return name + " (" + tag + ")"
	}
	return tag
}
