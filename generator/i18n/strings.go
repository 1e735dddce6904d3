package i18n

// Strings are the words of one language, by key, with the default
// language's (and, last, English's) standing in for the words the
// language does not have. It is a map so that a template can write
// {{.T.on_this_page}}.
//
// Two keys are reserved and set by Pamphlet, not by strings files:
// "language", the language's BCP 47 tag as site.yaml writes it, and
// "dir", "rtl" or "ltr", for <html dir="{{.T.dir}}">.
//
// A Strings is shared by every page of its language: read it, never
// change it.
type Strings map[string]string

// The reserved keys of Strings.
const (
	langKey = "language"
	dirKey  = "dir"
)

// reserved reports whether a key is one that Pamphlet sets itself.
func reserved(key string) bool { return key == langKey || key == dirKey }

// Lang returns the language's BCP 47 tag, as site.yaml writes it.
func (s Strings) Lang() string { return s[langKey] }

// Dir returns "rtl" for a language written right to left, else "ltr".
func (s Strings) Dir() string { return s[dirKey] }

// Fill returns the words of key with its placeholders filled in. The
// args are pairs of name and value:
//
//	Fill("more_in_section", "section", "Therapy") // "More in Therapy"
//
// A placeholder that no pair names is left as it is written, and a key
// with no words gives the key itself, so that a gap shows on the page
// rather than hiding.
func (s Strings) Fill(key string, args ...string) string {
	text, ok := s[key]
	if !ok {
		return key
	}
	return fill(text, args)
}
