package search

import (
	"path"
	"strings"
)

// Config is what the index of one language needs of the site. A site in
// several languages has an index per language, each made by an Indexer
// of its own: the default language's at "search/", the others' in the
// language's folder ("es/search/": see site.Config.SynonymsFileIn and
// the generator's searchindex.go).
type Config struct {
	// Language is the BCP 47 tag of the pages indexed ("en-GB", "es",
	// "ar"); "" means English, as a site without languages is. It decides
	// how words are stemmed and which are too common to index (see
	// language.go); with "" the index's bytes are what they were before
	// there were languages.
	Language string
	// Synonyms are the theme's and the site's synonyms for the language:
	// DefaultSynonymsFor(Language).With(the site's file for it, read with
	// ParseSynonymsFor). nil means DefaultSynonymsFor(Language): the
	// theme's for English, none for any other language.
	Synonyms *Synonyms
	// CrisisURL is the address of the language's crisis page (site.yaml's
	// crisis_page, as Document.URL), put first by a query with crisis
	// words; "" when the site has none.
	CrisisURL string
	// Dir is the folder of the index in the output, site-relative, with
	// or without its final slash: "search/" if empty, "es/search/" for a
	// language's own. The script finds the site's root from it (meta.json's
	// root), so it must be a folder inside the site.
	Dir string
}

// phrase is a synonym or crisis phrase of two or more words, as the
// index matches it: each word as language.canon gives it (in English, its
// American spelling).
type phrase struct {
	words   []string
	concept string
}

// rules is a Config made ready for indexing, shared read-only by the
// builders of one build.
type rules struct {
	Config
	lang *language
	// root is the way from Dir back to the site's root ("../../").
	root string
	// concepts gives the concepts of single words (language.canon):
	// "bpd" is "=bpd"; "selfharm" is "=selfharm" and "=crisis".
	concepts map[string][]string
	// phrases gives the phrases of two or more words by their first word.
	phrases map[string][]phrase
}

func newRules(c Config) *rules {
	lang := languageOf(c.Language)
	if c.Synonyms == nil {
		c.Synonyms = DefaultSynonymsFor(c.Language)
	}
	c.Dir = cleanDir(c.Dir)
	r := &rules{Config: c, lang: lang, root: rootOf(c.Dir), concepts: map[string][]string{}, phrases: map[string][]phrase{}}
	for _, g := range c.Synonyms.groups {
		for _, p := range g.phrases {
			words := make([]string, len(p))
			for i, w := range p {
				words[i] = lang.canon(w)
			}
			if len(words) == 1 {
				r.addConcept(words[0], g.concept)
				continue
			}
			r.phrases[words[0]] = append(r.phrases[words[0]], phrase{words, g.concept})
		}
	}
	return r
}

// cleanDir returns the index's folder as the files are named under it:
// "search/" for "", no leading slash, one final slash.
func cleanDir(dir string) string {
	dir = path.Clean("/" + strings.Trim(dir, "/"))
	if dir == "/" {
		return "search/"
	}
	return dir[1:] + "/"
}

// rootOf returns the relative address of the site's root from a folder
// of it ("search/" gives "../", "es/search/" "../../").
func rootOf(dir string) string {
	return strings.Repeat("../", strings.Count(dir, "/"))
}

func (r *rules) addConcept(w, concept string) {
	for _, c := range r.concepts[w] {
		if c == concept {
			return
		}
	}
	r.concepts[w] = append(r.concepts[w], concept)
}
