package i18n

import (
	"encoding/json"
	"slices"
	"strings"
)

// JSON returns the words of the given keys as a JSON object, for a
// script, with every plural form of a key ("search_count" gives
// "search_count.one", "search_count.other" and the others the language
// has), for the script to choose from with Intl.PluralRules. The object's
// keys are sorted, and <, > and & are escaped, so it may stand in an HTML
// attribute or a <script> element.
func (s Strings) JSON(keys ...string) string {
	words := map[string]string{}
	for k, v := range s {
		base, _, _ := strings.Cut(k, ".")
		if slices.Contains(keys, base) && !reserved(k) {
			words[k] = v
		}
	}
	b, err := json.Marshal(words)
	if err != nil {
		panic("i18n: " + err.Error()) // a map of strings always marshals
	}
	return string(b)
}
