package i18n

import (
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Plural returns the form of a plural word for the number n, by CLDR's
// rules for the language: key.one, key.few, ... It falls back to
// key.other, then to key itself. It fills in {n} with the number and the
// other placeholders from args (pairs of name and value, as for Fill):
//
//	Plural("search_count", 3, "query", "sleep") // "3 results for sleep"
func (s Strings) Plural(key string, n int, args ...string) string {
	cat := category(tagOf(s.Lang()), n)
	text, ok := s[key+"."+cat]
	if !ok {
		text, ok = s[key+".other"]
	}
	if !ok {
		text, ok = s[key]
	}
	if !ok {
		return key
	}
	return fill(text, append([]string{"n", strconv.Itoa(n)}, args...))
}

// categoryNames are CLDR's plural categories, in CLDR's order.
const categoryNames = "zero one two few many other"

// category returns the plural category of a whole number in a language.
func category(tag language.Tag, n int) string {
	if n < 0 {
		n = -n
	}
	return formName(plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0))
}

// formName returns the category name of a plural.Form.
func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// pluralRules says which plural forms a language's words need.
type pluralRules struct {
	// used are the categories that CLDR's rules give for some number,
	// whole or not, in CLDR's order; always with "other", the last resort.
	used []string
	// single are the categories that stand for one whole number only
	// (Arabic "two" is only 2), whose forms may leave out {n}.
	single map[string]bool
}

// rulesFor works out a language's plural categories by asking CLDR's
// rules about numbers that tell every rule's cases apart: whole numbers
// to 200 and a few large ones, and numbers with one or two decimals.
func rulesFor(tag language.Tag) pluralRules {
	seen := map[string]int{} // whole numbers of each category
	add := func(cat string, whole bool) {
		if whole {
			seen[cat]++
		} else if seen[cat] == 0 {
			seen[cat] = -1 // used, by fractions only
		}
	}
	for n := 0; n <= 200; n++ {
		add(category(tag, n), true)
	}
	for _, n := range []int{1000, 10000, 100000, 1000000, 2000000, 1000001, 1000000000} {
		add(category(tag, n), true)
	}
	for i := 0; i <= 2; i++ {
		for f := 0; f < 100; f++ { // i.0 to i.9 with one decimal, i.10 to i.99 with two
			v, w, t := 1, 1, f
			if f >= 10 {
				v, w = 2, 2
			}
			if f%10 == 0 {
				w, t = v-1, f/10
				if t%10 == 0 {
					w, t = 0, 0
				}
			}
			add(formName(plural.Cardinal.MatchPlural(tag, i, v, w, f, t)), false)
		}
	}
	r := pluralRules{single: map[string]bool{}}
	for _, c := range strings.Fields(categoryNames) {
		if seen[c] != 0 || c == "other" {
			r.used = append(r.used, c)
		}
		if seen[c] == 1 {
			r.single[c] = true
		}
	}
	return r
}

// uses reports whether the language has the category cat.
func (r pluralRules) uses(cat string) bool {
	for _, c := range r.used {
		if c == cat {
			return true
		}
	}
	return false
}

// splitPlural splits a plural form's key, "handout_pages.few", into the
// word and its category. It reports false for a key that does not end in
// a category.
func splitPlural(key string) (word, cat string, ok bool) {
	i := strings.LastIndexByte(key, '.')
	if i <= 0 {
		return "", "", false
	}
	switch cat := key[i+1:]; cat {
	case "zero", "one", "two", "few", "many", "other":
		return key[:i], cat, true
	}
	return "", "", false
}

// tagOf parses a tag, giving language.Und for one that cannot be read.
func tagOf(tag string) language.Tag {
	t, err := language.Parse(tag)
	if err != nil {
		return language.Und
	}
	return t
}
