package i18n

// resolve makes the Strings of a language from its own layers (the
// site's files, then the theme's, most specific tag first) and the
// Strings it falls back to (the default language's; nil for none). It
// also returns the keys that the own layers give.
//
// A key's words are those of the first own layer that gives it, else the
// fallback's, with three exceptions. A language that gives a plural
// word's "other" form keeps to its own forms, since another language's
// "one" is no answer to its "few" (its "other" is); one that lacks
// "other" takes the fallback's forms that it lacks, so that every number
// is written in some words. The day.N words
// are one language's way of writing a date, and language_name is one
// language's name: neither is borrowed; a language with no
// language_name of its own gets the name CLDR gives it, or its tag.
func resolve(tag string, own []*layer, fallback Strings) (Strings, map[string]bool) {
	s := Strings{}
	ownWords := map[string]bool{} // plural words whose "other" form the own layers give
	for _, l := range own {
		for _, key := range l.keys {
			if _, ok := s[key]; ok || reserved(key) {
				continue
			}
			s[key] = l.words[key]
			if word, cat, ok := splitPlural(key); ok && cat == "other" {
				ownWords[word] = true
			}
		}
	}
	given := make(map[string]bool, len(s))
	for key := range s {
		given[key] = true
	}
	for key, text := range fallback {
		if _, ok := s[key]; ok || reserved(key) || isDay(key) || key == "language_name" {
			continue
		}
		if word, _, ok := splitPlural(key); ok && ownWords[word] {
			continue
		}
		s[key] = text
	}
	if _, ok := s["language_name"]; !ok {
		s["language_name"] = selfName(tag)
		if s["language_name"] == "" {
			s["language_name"] = tag
		}
	}
	s[langKey] = tag
	s[dirKey] = Dir(tag)
	return s, given
}
