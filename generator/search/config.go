package search

// Config is what the index needs of the site as a whole.
type Config struct {
	// Synonyms are the theme's and the site's synonyms
	// (DefaultSynonyms().With(site's)); nil means DefaultSynonyms.
	Synonyms *Synonyms
	// CrisisURL is the address of the site's crisis page (site.yaml's
	// crisis_page, as Document.URL), put first by a query with crisis
	// words; "" when the site has none.
	CrisisURL string
	// Dir is the folder of the index in the output, "search/" if empty.
	Dir string
}

// phrase is a synonym or crisis phrase of two or more words, as the
// index matches it: each word in its American spelling.
type phrase struct {
	words   []string
	concept string
}

// rules is a Config made ready for indexing, shared read-only by the
// builders of one build.
type rules struct {
	Config
	// concepts gives the concepts of single words (American spelling):
	// "bpd" is "=bpd"; "selfharm" is "=selfharm" and "=crisis".
	concepts map[string][]string
	// phrases gives the phrases of two or more words by their first word.
	phrases map[string][]phrase
}

func newRules(c Config) *rules {
	if c.Synonyms == nil {
		c.Synonyms = DefaultSynonyms()
	}
	if c.Dir == "" {
		c.Dir = "search/"
	}
	r := &rules{Config: c, concepts: map[string][]string{}, phrases: map[string][]phrase{}}
	for _, g := range c.Synonyms.groups {
		for _, p := range g.phrases {
			words := make([]string, len(p))
			for i, w := range p {
				words[i] = american(w)
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

func (r *rules) addConcept(w, concept string) {
	for _, c := range r.concepts[w] {
		if c == concept {
			return
		}
	}
	r.concepts[w] = append(r.concepts[w], concept)
}
