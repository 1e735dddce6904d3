package search

import (
	"strings"
)

// Indexer makes builders and merges them. It holds the rules of one build
// (synonyms, crisis page) and is safe for concurrent use.
type Indexer struct {
	rules *rules
}

// NewIndexer returns an indexer for a site with the given settings.
func NewIndexer(c Config) *Indexer { return &Indexer{rules: newRules(c)} }

// Builder indexes pages one at a time. It is not safe for concurrent use:
// give each parse worker its own (Indexer.NewBuilder), and merge them with
// Indexer.Merge when every page is parsed.
type Builder struct {
	rules *rules
	tok   tokenizer

	// words are the words seen so far (and their other spellings), by
	// their index in entries; terms the stems and concepts, likewise.
	words   map[string]int32
	entries []entry
	terms   []string
	termIDs map[string]int32

	pages []record
	ids   []int32 // the entries of the words of the field being added

	// The page being added: weighted counts by term, the terms touched,
	// and a count of pages to tell this page's words from the last's.
	tf      []float32
	touched []int32
	seq     int32
}

// entry is one word of the builder's vocabulary.
type entry struct {
	terms   []int32 // its stem and concepts; none for a stop word
	other   int32   // its other spelling's entry, or -1
	canon   string  // what phrases are matched on: in English, its American spelling
	phrase  bool    // canon begins a phrase of the synonyms
	lastSeq int32   // the last page it was seen on (see Builder.seq)
}

// record is what the index keeps of a page: its address, its excerpt
// file (made by the parse worker, which is parallel, not by Merge, which
// is not) and what it adds to the index, by the builder's ids.
type record struct {
	url     string
	section string // its section's address (Document.Section)
	excerpt []byte
	crisis  bool
	terms   []termWeight
	words   []int32
	from    *Builder // whose ids terms and words are
}

// termWeight is a term of a page and its weight there (see weight).
type termWeight struct {
	term   int32
	weight uint8
}

// NewBuilder returns an empty builder.
func (ix *Indexer) NewBuilder() *Builder {
	return &Builder{rules: ix.rules, words: map[string]int32{}, termIDs: map[string]int32{}}
}

// Add indexes a page. A page added twice (same URL) is kept once, the
// later one, when the builders are merged.
func (b *Builder) Add(d Document) {
	b.seq++
	r := record{url: strings.Clone(d.URL), section: strings.Clone(d.Section), excerpt: mustJSON(newExcerpt(d)), crisis: d.Crisis, from: b}
	length := 0
	length += b.field(d.Title, weightTitle, &r)
	length += b.field(d.Description, weightDescription, &r)
	for _, bl := range d.Blocks {
		length += b.field(bl.Heading, weightHeading, &r)
		length += b.field(bl.Text, weightBody, &r)
	}
	r.terms = make([]termWeight, 0, len(b.touched))
	norm := lengthNorm(length)
	for _, t := range b.touched {
		r.terms = append(r.terms, termWeight{t, weight(b.tf[t], norm)})
		b.tf[t] = 0
	}
	b.touched = b.touched[:0]
	b.pages = append(b.pages, r)
}

// field indexes one field of a page, each word counted as w, and returns
// how many words it has.
func (b *Builder) field(text string, w float32, r *record) int {
	if text == "" {
		return 0
	}
	b.tok.split(text)
	// Every word's entry first: a phrase is matched on the words after it.
	b.ids = b.ids[:0]
	for _, s := range b.tok.words {
		b.ids = append(b.ids, b.entry(b.tok.word(s)))
	}
	n := 0
	for i, s := range b.tok.words {
		id := b.ids[i]
		e := &b.entries[id]
		if e.lastSeq != b.seq {
			e.lastSeq = b.seq
			r.words = append(r.words, id)
		}
		for _, t := range e.terms {
			b.count(t, w)
		}
		if s.joined {
			continue
		}
		n++
		if e.phrase {
			b.phrasesAt(i, w)
		}
	}
	return n
}

func (b *Builder) count(t int32, w float32) {
	if b.tf[t] == 0 {
		b.touched = append(b.touched, t)
	}
	b.tf[t] += w
}

// phrasesAt counts the synonym phrases that start at the i-th word of
// the tokenizer ("borderline personality disorder").
func (b *Builder) phrasesAt(i int, w float32) {
	words := b.tok.words
next:
	for _, p := range b.rules.phrases[b.entries[b.ids[i]].canon] {
		j := i
		for _, pw := range p.words {
			for j < len(words) && words[j].joined {
				j++
			}
			if j == len(words) || b.entries[b.ids[j]].canon != pw {
				continue next
			}
			j++
		}
		b.count(b.term(p.concept), w)
	}
}

// entry returns the id of a word's entry, making it (and its other
// spelling's) the first time the word is seen.
func (b *Builder) entry(w []byte) int32 {
	if id, ok := b.words[string(w)]; ok {
		return id
	}
	word := string(w)
	id := b.newEntry(word)
	if others := b.rules.lang.spellings(word); len(others) > 0 {
		if _, ok := b.words[others[0]]; !ok {
			o := b.newEntry(others[0])
			b.entries[o].other = id
			b.entries[id].other = o
		}
	}
	return id
}

func (b *Builder) newEntry(word string) int32 {
	id := int32(len(b.entries))
	lang := b.rules.lang
	canon := lang.canon(word)
	e := entry{other: -1, canon: canon, lastSeq: -1}
	_, e.phrase = b.rules.phrases[canon]
	if !lang.isStop(word) {
		e.terms = append(e.terms, b.term(lang.term(word)))
	}
	for _, c := range b.rules.concepts[canon] {
		e.terms = append(e.terms, b.term(c))
	}
	b.words[word] = id
	b.entries = append(b.entries, e)
	return id
}

// term returns the id of a stem or concept.
func (b *Builder) term(t string) int32 {
	if id, ok := b.termIDs[t]; ok {
		return id
	}
	id := int32(len(b.terms))
	b.terms = append(b.terms, t)
	b.termIDs[t] = id
	b.tf = append(b.tf, 0)
	return id
}

// clip returns s cut to at most n bytes at a word boundary, and whether
// it was cut.
func clip(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			cut--
		}
	}
	return s[:cut], true
}
