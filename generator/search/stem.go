package search

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// stemOverrides are words that Snowball's English stemmer cuts back to a
// shorter, different word, which would make a search for one find the
// other: "mentalizing" to "mental" (as in mental health), "personality"
// to "person". A folded American word beginning with one of these is
// stemmed to it.
var stemOverrides = [...]string{"mentaliz", "personalit", "organiz", "generaliz"}

// Stem returns the stem an English index files a folded word under: its
// American spelling, stemmed by Snowball's English stemmer (Porter2).
// Stop words are not indexed (see IsStopWord). Other languages have their
// own rules (language.go).
func Stem(w string) string {
	a := american(w)
	for _, o := range stemOverrides {
		if strings.HasPrefix(a, o) {
			return o
		}
	}
	return english.Stem(a, true)
}

// IsStopWord reports whether a folded word is one of the common English
// words that are not indexed ("the", "and", "myself"): Snowball's list.
// A query drops them, except inside a phrase of the synonyms file
// ("kill myself").
func IsStopWord(w string) bool { return english.IsStopWord(w) }
