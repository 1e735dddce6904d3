package search

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"pamphlet/internal/textdist"
)

// Searcher runs queries on an index's files the way search.js does, step
// for step, so that matching and ranking can be tested in Go on the same
// bytes, and so that what a query fetches can be measured. It is not safe
// for concurrent use.
type Searcher struct {
	fetch    func(path string) ([]byte, error)
	meta     meta
	dictKeys map[string]bool
	postKeys map[string]bool
	dict     map[string]map[string][]string
	post     map[string]map[string][]posting
	// endings are the index's language's (meta.json's, or English's).
	endings [][2]string
	// Fetched gives the bytes of each file fetched so far, by path.
	Fetched map[string]int
}

// Query says how to run a query.
type Query struct {
	Text string
	// Limit is how many results to show (with snippets): 0 means 10.
	Limit int
	// Typing marks a query that is still being typed: its last word also
	// matches the words it begins ("menta" finds "mentalizing").
	Typing bool
}

// Result is one page found.
type Result struct {
	URL, Title, Section string
	// Heading and Anchor name the part of the page the snippet is from
	// ("" for its start); Snippet is HTML, matched words in <mark>.
	Heading, Anchor, Snippet string
	Score                    float64
	Crisis                   bool // the crisis page or a page marked crisis
}

// Quality of a match, as a share of an exact one's score.
const (
	qualityExact   = 1.0
	qualityEnding  = 0.9
	qualityTypo1   = 0.7
	qualityTypo2   = 0.5
	qualityPrefix  = 0.6
	prefixMaxWords = 50
	maxQueryWords  = 12
)

// NewSearcher reads meta.json through fetch, which is given paths under
// the index's folder ("meta.json", "w/me.json").
func NewSearcher(fetch func(path string) ([]byte, error)) (*Searcher, error) {
	s := &Searcher{fetch: fetch, dict: map[string]map[string][]string{}, post: map[string]map[string][]posting{}, Fetched: map[string]int{}}
	b, err := s.get("meta.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &s.meta); err != nil {
		return nil, fmt.Errorf("meta.json: %w", err)
	}
	if s.meta.Version != Version {
		return nil, fmt.Errorf("meta.json: index version %d, want %d", s.meta.Version, Version)
	}
	s.dictKeys, s.postKeys = keySet(s.meta.Dict), keySet(s.meta.Post)
	s.endings = endings[:]
	if s.meta.Endings != nil {
		s.endings = *s.meta.Endings
	}
	return s, nil
}

func keySet(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func (s *Searcher) get(path string) ([]byte, error) {
	b, err := s.fetch(path)
	if err != nil {
		return nil, err
	}
	s.Fetched[path] = len(b)
	return b, nil
}

// unit is one thing a query asks for: a word, a compound, or a phrase of
// the synonyms. It matches a page through any of its options, each a list
// of words that must all match.
type unit struct {
	options [][]string
	single  bool // one plain word, which may join the next (self harm -> selfharm)
}

// hit is a term a query word found, and how well.
type hit struct {
	term    string
	quality float64
}

// Search runs a query and returns its results, best first.
func (s *Searcher) Search(q Query) ([]Result, error) {
	if q.Limit == 0 {
		q.Limit = 10
	}
	units, last := s.units(q.Text)
	// Look every word up; then join pairs of words the site writes as one.
	for _, u := range units {
		for _, o := range u.options {
			for _, w := range o {
				if err := s.loadDict(w); err != nil {
					return nil, err
				}
			}
		}
	}
	units, err := s.joinPairs(units)
	if err != nil {
		return nil, err
	}
	hits := map[string][]hit{}
	crisis := false
	var found []unit
	for _, u := range units {
		u, ok := s.resolve(u, last, q.Typing, hits)
		if !ok {
			continue
		}
		found = append(found, u)
		for _, o := range u.options {
			for _, w := range o {
				for _, h := range hits[w] {
					crisis = crisis || h.term == crisisConcept
				}
			}
		}
	}
	if err := s.loadPostings(hits); err != nil {
		return nil, err
	}
	ranked := s.rank(found, hits, crisis)
	if len(ranked) > q.Limit {
		ranked = ranked[:q.Limit]
	}
	marks := s.marks(hits)
	out := make([]Result, 0, len(ranked))
	for _, r := range ranked {
		res, err := s.result(r, marks)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

// units splits a query into units: phrases of the synonyms first (longest
// first), then compounds, then words. It returns the query's last word,
// the one that Query.Typing completes.
func (s *Searcher) units(text string) ([]unit, string) {
	var t tokenizer
	t.split(text)
	type part struct {
		w      string
		joined string // for the first part of a compound: the compound joined
		n      int    // and its number of parts
	}
	var parts []part
	starts := map[int32]int{} // where each part starts in t.buf
	for _, w := range t.words {
		if !w.joined {
			starts[w.start] = len(parts)
			parts = append(parts, part{w: string(t.word(w))})
			continue
		}
		// A compound's joined form follows its parts, which are its
		// bytes back to back just before it.
		first := starts[w.start-(w.end-w.start)]
		parts[first].joined, parts[first].n = string(t.word(w)), len(parts)-first
	}
	// A query is a few words; a pasted paragraph would fetch a shard a
	// word. search.js keeps the same number.
	if len(parts) > maxQueryWords {
		parts = parts[:maxQueryWords]
		for i := range parts {
			if i+parts[i].n > len(parts) { // half a compound: its words alone
				parts[i].joined, parts[i].n = "", 0
			}
		}
	}
	last := ""
	if len(parts) > 0 {
		last = parts[len(parts)-1].w
		if p := parts[len(parts)-1]; p.joined != "" {
			last = p.joined
		}
	}
	var units []unit
	for i := 0; i < len(parts); {
		// The longest phrase here, with every concept of that length
		// ("self harm" is both self-harm and a crisis phrase).
		best, concepts := 0, [][]string(nil)
		for _, ph := range s.meta.Phrases {
			n := len(ph.Words)
			if n < best || i+n > len(parts) || !phraseAt(ph, parts[i:], func(p part) string { return p.w }) {
				continue
			}
			if n > best {
				best, concepts = n, nil
			}
			concepts = append(concepts, []string{ph.Concept})
		}
		switch {
		case best > 0:
			words := make([]string, 0, best)
			for _, p := range parts[i : i+best] {
				words = append(words, p.w)
			}
			units = append(units, unit{options: append(concepts, words)})
			i += best
		case parts[i].joined != "":
			words := make([]string, 0, parts[i].n)
			for _, p := range parts[i : i+parts[i].n] {
				words = append(words, p.w)
			}
			units = append(units, unit{options: [][]string{{parts[i].joined}, words}})
			i += parts[i].n
		default:
			units = append(units, unit{options: [][]string{{parts[i].w}}, single: true})
			i++
		}
	}
	return units, last
}

// phraseAt reports whether the phrase's words begin the list.
func phraseAt[T any](ph metaPhrase, list []T, word func(T) string) bool {
	for k, alts := range ph.Words {
		if !slices.Contains(alts, word(list[k])) {
			return false
		}
	}
	return true
}

// isConcept reports whether a unit's word is a concept put there by a
// phrase ("=bpd"), which is looked up in no dictionary.
func isConcept(w string) bool { return len(w) > 0 && w[0] == '=' }

func (s *Searcher) loadDict(w string) error {
	if isConcept(w) {
		return nil
	}
	k := shardOf(w, s.dictKeys)
	if k == "" || s.dict[k] != nil {
		return nil
	}
	b, err := s.get("w/" + fileName(k) + ".json")
	if err != nil {
		return err
	}
	var m map[string][]string
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("w/%s.json: %w", fileName(k), err)
	}
	s.dict[k] = m
	return nil
}

// lookupExact returns a word's terms from its dictionary shard, and
// whether the shard has the word ([] for a stop word).
func (s *Searcher) lookupExact(w string) ([]string, bool) {
	d := s.dict[shardOf(w, s.dictKeys)]
	terms, ok := d[w]
	return terms, ok
}

// joinPairs merges two single words into one unit when the site writes
// them as one word ("self harm" and "selfharm"): either form matches.
func (s *Searcher) joinPairs(units []unit) ([]unit, error) {
	out := units[:0:0]
	for i := 0; i < len(units); i++ {
		u := units[i]
		if u.single && i+1 < len(units) && units[i+1].single {
			a, b := u.options[0][0], units[i+1].options[0][0]
			if err := s.loadDict(a + b); err != nil {
				return nil, err
			}
			if terms, ok := s.lookupExact(a + b); ok && len(terms) > 0 {
				out = append(out, unit{options: [][]string{{a, b}, {a + b}}})
				i++
				continue
			}
		}
		out = append(out, u)
	}
	return out, nil
}

// resolve finds the terms of a unit's words (into hits) and drops its stop
// words. It reports whether the site has anything for the unit.
func (s *Searcher) resolve(u unit, last string, typing bool, hits map[string][]hit) (unit, bool) {
	var options [][]string
	for _, o := range u.options {
		var words []string
		all := true
		for _, w := range o {
			if _, done := hits[w]; !done {
				h, stop := s.lookup(w, typing && w == last)
				if stop {
					continue
				}
				hits[w] = h
			}
			words = append(words, w)
			all = all && len(hits[w]) > 0
		}
		if len(words) > 0 && all {
			options = append(options, words)
		}
	}
	return unit{options: options}, len(options) > 0
}

// lookup finds what a word stands for: the word itself; else the word
// without a common ending (therapies -> therapy); else, for a word of 5
// letters or more, the words of its shard 1 edit away (2 from 8
// letters). While typing, the words it begins count too. stop reports a
// word too common to be indexed.
func (s *Searcher) lookup(w string, typing bool) (hits []hit, stop bool) {
	if isConcept(w) {
		return []hit{{w, qualityExact}}, false
	}
	add := func(terms []string, q float64) {
		for _, t := range terms {
			i := slices.IndexFunc(hits, func(h hit) bool { return h.term == t })
			if i < 0 {
				hits = append(hits, hit{t, q})
			} else if hits[i].quality < q {
				hits[i].quality = q
			}
		}
	}
	terms, ok := s.lookupExact(w)
	if ok && len(terms) == 0 {
		return nil, true
	}
	add(terms, qualityExact)
	if len(hits) == 0 {
		for _, v := range endingVariants(w, s.endings) {
			if terms, ok := s.lookupExact(v); ok {
				add(terms, qualityEnding)
			}
		}
	}
	n := utf8.RuneCountInString(w)
	if len(hits) == 0 && n >= 5 {
		maxD := 1
		if n >= 8 {
			maxD = 2
		}
		d := s.dict[shardOf(w, s.dictKeys)]
		for _, c := range sortedKeys(d) {
			if len(d[c]) == 0 {
				continue
			}
			if k := textdist.Within(w, c, maxD); k <= maxD {
				add(d[c], []float64{qualityExact, qualityTypo1, qualityTypo2}[k])
			}
		}
	}
	if typing && n >= 3 {
		d := s.dict[shardOf(w, s.dictKeys)]
		var more []string
		for c, terms := range d {
			if len(c) > len(w) && c[:len(w)] == w && len(terms) > 0 {
				more = append(more, c)
			}
		}
		slices.SortFunc(more, func(a, b string) int {
			if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na != nb {
				return na - nb
			}
			return compareStrings(a, b)
		})
		for _, c := range more[:min(len(more), prefixMaxWords)] {
			add(d[c], qualityPrefix)
		}
	}
	return hits, false
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// endings are the common English endings a query word is tried without,
// each with what replaces it: not a stemmer (the index has the stems),
// just enough to find "therapies" when the site only says "therapy".
// Another language's are in its meta.json (language.endings).
var endings = [...][2]string{
	{"ies", "y"}, {"ied", "y"}, {"es", ""}, {"s", ""}, {"ing", ""}, {"ing", "e"},
	{"ed", ""}, {"ed", "e"}, {"ly", ""}, {"er", ""}, {"ers", ""},
}

// endingVariants returns a word without each of the endings it has,
// keeping at least three letters.
func endingVariants(w string, endings [][2]string) []string {
	var out []string
	n := utf8.RuneCountInString(w)
	for _, e := range endings {
		if n >= utf8.RuneCountInString(e[0])+3 && strings.HasSuffix(w, e[0]) {
			out = append(out, w[:len(w)-len(e[0])]+e[1])
		}
	}
	return out
}

func (s *Searcher) loadPostings(hits map[string][]hit) error {
	for _, hs := range hits {
		for _, h := range hs {
			if h.term == crisisConcept {
				continue
			}
			k := shardOf(h.term, s.postKeys)
			if k == "" || s.post[k] != nil {
				continue
			}
			name := "p/" + fileName(k) + ".bin"
			b, err := s.get(name)
			if err != nil {
				return err
			}
			m, err := decodePostings(b)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			s.post[k] = m
		}
	}
	return nil
}

// decodePostings reads a postings shard (see Index.encodePostings).
func decodePostings(b []byte) (map[string][]posting, error) {
	bad := errors.New("postings shard is cut short or damaged")
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	count, ok := next()
	if !ok {
		return nil, bad
	}
	m := make(map[string][]posting, count)
	for range count {
		n, ok := next()
		if !ok || uint64(len(b)) < n {
			return nil, bad
		}
		term := string(b[:n])
		b = b[n:]
		df, ok := next()
		if !ok || df > uint64(len(b)) {
			return nil, bad
		}
		ps := make([]posting, df)
		page := int32(0)
		for i := range ps {
			d, ok := next()
			if !ok || len(b) == 0 {
				return nil, bad
			}
			page += int32(d)
			ps[i] = posting{page, b[0]}
			b = b[1:]
		}
		m[term] = ps
	}
	return m, nil
}

// scored is a page and its score.
type scored struct {
	page   int
	score  float64
	crisis bool
}

// rank scores the pages that match every unit (or, when none does, any
// unit) and orders them: for a query with crisis words the crisis page
// first; then pages marked crisis; then by score, then by id.
func (s *Searcher) rank(units []unit, hits map[string][]hit, crisis bool) []scored {
	n := s.meta.Pages
	unitScores := make([]map[int]float64, len(units))
	for i, u := range units {
		best := map[int]float64{}
		for _, o := range u.options {
			sum := map[int]float64{}
			for k, w := range o {
				word := map[int]float64{}
				for _, h := range hits[w] {
					ps := s.post[shardOf(h.term, s.postKeys)][h.term]
					f := h.quality * idf(len(ps), n) / 255
					for _, p := range ps {
						word[int(p.page)] = math.Max(word[int(p.page)], f*float64(p.weight))
					}
				}
				for p, v := range word {
					if k == 0 {
						sum[p] = v
					} else if old, ok := sum[p]; ok {
						sum[p] = old + v
					}
				}
				for p := range sum {
					if _, ok := word[p]; !ok {
						delete(sum, p)
					}
				}
			}
			for p, v := range sum {
				best[p] = math.Max(best[p], v)
			}
		}
		unitScores[i] = best
	}
	total := func(all bool) map[int]float64 {
		out := map[int]float64{}
		counts := map[int]int{}
		for _, us := range unitScores {
			for p, v := range us {
				out[p] += v
				counts[p]++
			}
		}
		if all {
			for p := range out {
				if counts[p] < len(units) {
					delete(out, p)
				}
			}
		}
		return out
	}
	pages := total(true)
	if len(pages) == 0 {
		pages = total(false)
	}
	crisisPages := keySet(nil)
	for _, id := range s.meta.Crisis {
		crisisPages[strconv.Itoa(id)] = true
	}
	var out []scored
	for p, v := range pages {
		out = append(out, scored{page: p, score: v, crisis: crisisPages[strconv.Itoa(p)]})
	}
	cp := s.meta.CrisisPage
	if crisis && cp >= 0 {
		if _, ok := pages[cp]; !ok {
			out = append(out, scored{page: cp, crisis: true})
		}
	}
	rankOf := func(r scored) int {
		switch {
		case crisis && r.page == cp:
			return 0
		case r.crisis || r.page == cp:
			return 1
		}
		return 2
	}
	slices.SortFunc(out, func(a, b scored) int {
		if ra, rb := rankOf(a), rankOf(b); ra != rb {
			return ra - rb
		}
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.page - b.page
	})
	return out
}
