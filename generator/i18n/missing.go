package i18n

import "slices"

// Missing is what one language lacks, for `pamphlet check`: the keys
// whose words it takes from the default language (or, for the default
// language, from English), and the site's file to write them in.
type Missing struct {
	Lang string   // the language's tag, as site.yaml writes it
	Keys []string // sorted
	File string   // site-relative: "i18n/ur.yaml"
}

// missingKeys returns, sorted, the keys of ref that a language's own
// layers (given) do not give. For a plural word it lists the forms the
// language needs by its own rules (Polish handout_pages.few and .many,
// not English's). It leaves out the optional day.N words, and
// language_name when CLDR knows the language's name.
func missingKeys(tag string, ref Strings, given map[string]bool) []string {
	rules := rulesFor(tagOf(tag))
	var keys []string
	words := map[string]bool{}
	for key := range ref {
		switch {
		case reserved(key) || isDay(key) || given[key]:
		case key == "language_name" && selfName(tag) != "":
		default:
			if word, _, ok := splitPlural(key); ok {
				words[word] = true
				continue
			}
			keys = append(keys, key)
		}
	}
	for word := range words {
		for _, cat := range rules.used {
			if !given[word+"."+cat] {
				keys = append(keys, word+"."+cat)
			}
		}
	}
	slices.Sort(keys)
	return keys
}
