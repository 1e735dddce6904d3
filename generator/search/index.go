package search

import (
	"iter"
	"maps"
	"slices"
	"strings"
)

// Index is the search index of a whole site, made by Indexer.Merge. Its
// files are made once, when it is made or updated. It is not safe for
// concurrent use while Update runs.
type Index struct {
	rules *rules

	// pages are the site's pages by URL; a page's id is its place here.
	pages []record
	// words and terms are the vocabulary of every builder, merged.
	words     []string
	wordTerms [][]int32
	wordOther []int32
	wordIDs   map[string]int32
	terms     []string
	termIDs   map[string]int32
	// pinned are the words of the synonyms file: the dictionary lists
	// them even when no page uses them, so that "EUPD" finds the pages
	// that say "BPD", and "overdose" finds the crisis page.
	pinned []int32

	// sections are the sections' titles, by address (Document.Section).
	sections map[string]string

	files map[string][]byte
}

// Merge makes the index of the pages added to the builders, with the
// sections' titles by address. A URL added more than once is indexed as it
// was added last, in the order of builders given. The builders must not be
// used afterwards.
func (ix *Indexer) Merge(sections map[string]string, builders ...*Builder) *Index {
	x := &Index{rules: ix.rules, wordIDs: map[string]int32{}, termIDs: map[string]int32{}, sections: sections}
	byURL := map[string]int{}
	for _, b := range builders {
		x.adopt(b, byURL)
	}
	x.pin()
	slices.SortFunc(x.pages, func(a, b record) int { return strings.Compare(a.url, b.url) })
	x.files = x.encode()
	return x
}

// adopt takes a builder's pages into the index, turning its ids into the
// index's.
func (x *Index) adopt(b *Builder, byURL map[string]int) {
	termOf := make([]int32, len(b.terms))
	for i, t := range b.terms {
		termOf[i] = x.term(t)
	}
	wordOf := make([]int32, len(b.entries))
	for w, id := range b.words {
		wordOf[id] = x.word(w, b.entries[id].terms, termOf)
	}
	for id, e := range b.entries {
		if e.other >= 0 {
			x.wordOther[wordOf[id]] = wordOf[e.other]
		}
	}
	for _, r := range b.pages {
		for i := range r.terms {
			r.terms[i].term = termOf[r.terms[i].term]
		}
		for i := range r.words {
			r.words[i] = wordOf[r.words[i]]
		}
		r.from = nil
		if at, ok := byURL[r.url]; ok {
			x.pages[at] = r
			continue
		}
		byURL[r.url] = len(x.pages)
		x.pages = append(x.pages, r)
	}
}

func (x *Index) term(t string) int32 {
	if id, ok := x.termIDs[t]; ok {
		return id
	}
	id := int32(len(x.terms))
	x.terms = append(x.terms, t)
	x.termIDs[t] = id
	return id
}

// word returns the index's id of a word, given its terms by a builder's
// ids and the map from those to the index's.
func (x *Index) word(w string, terms []int32, termOf []int32) int32 {
	if id, ok := x.wordIDs[w]; ok {
		return id
	}
	id := int32(len(x.words))
	ts := make([]int32, len(terms))
	for i, t := range terms {
		ts[i] = termOf[t]
	}
	x.words = append(x.words, w)
	x.wordTerms = append(x.wordTerms, ts)
	x.wordOther = append(x.wordOther, -1)
	x.wordIDs[w] = id
	return id
}

// pin adds the single words of the synonyms file to the vocabulary, with
// their stems and concepts, through a builder of their own.
func (x *Index) pin() {
	b := (&Indexer{rules: x.rules}).NewBuilder()
	for _, w := range slices.Sorted(maps.Keys(x.rules.concepts)) {
		for _, v := range append([]string{w}, x.rules.lang.spellings(w)...) {
			b.entry([]byte(v))
		}
	}
	n := len(x.pages)
	x.adopt(b, nil)
	x.pages = x.pages[:n]
	for w := range b.words {
		x.pinned = append(x.pinned, x.wordIDs[w])
	}
	slices.Sort(x.pinned)
}

// Shards returns the index's files: path (under Config.Dir, slash-
// separated) to bytes. The map and bytes are the index's: do not change
// them.
func (x *Index) Shards() map[string][]byte { return x.files }

// URLs returns the addresses of the pages the index holds.
func (x *Index) URLs() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, r := range x.pages {
			if !yield(r.url) {
				return
			}
		}
	}
}

// Pages returns how many pages the index holds.
func (x *Index) Pages() int { return len(x.pages) }

// Update re-indexes one page (a page of the same URL is replaced; a new
// URL is added) and returns the paths of the files whose bytes changed,
// or were added, and of those removed, sorted. The files are those a
// fresh build of the same pages would make.
func (x *Index) Update(d Document) (changed, removed []string) {
	return x.Apply([]Document{d}, nil, x.sections)
}

// Apply re-indexes the pages docs (as Update does), takes out those at
// the addresses in gone, and sets the sections' titles, making the files
// once for all of it; it returns what Update does.
func (x *Index) Apply(docs []Document, gone []string, sections map[string]string) (changed, removed []string) {
	if len(docs) > 0 {
		ix := &Indexer{rules: x.rules}
		b := ix.NewBuilder()
		for _, d := range docs {
			b.Add(d)
		}
		byURL := make(map[string]int, len(x.pages))
		for i, r := range x.pages {
			byURL[r.url] = i
		}
		x.adopt(b, byURL)
	}
	if len(gone) > 0 {
		drop := make(map[string]bool, len(gone))
		for _, u := range gone {
			drop[u] = true
		}
		x.pages = slices.DeleteFunc(x.pages, func(r record) bool { return drop[r.url] })
	}
	slices.SortFunc(x.pages, func(a, b record) int { return strings.Compare(a.url, b.url) })
	x.sections = sections
	return x.refresh()
}

// Remove takes the page at url out of the index and returns the files
// changed and removed, as Update does.
func (x *Index) Remove(url string) (changed, removed []string) {
	if !slices.ContainsFunc(x.pages, func(r record) bool { return r.url == url }) {
		return nil, nil
	}
	return x.Apply(nil, []string{url}, x.sections)
}

// refresh makes the files anew and compares them with the last ones.
func (x *Index) refresh() (changed, removed []string) {
	old := x.files
	x.files = x.encode()
	for p, b := range x.files {
		if ob, ok := old[p]; !ok || string(ob) != string(b) {
			changed = append(changed, p)
		}
	}
	for p := range old {
		if _, ok := x.files[p]; !ok {
			removed = append(removed, p)
		}
	}
	slices.Sort(changed)
	slices.Sort(removed)
	return changed, removed
}
