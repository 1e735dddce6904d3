package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"slices"
	"strconv"
)

// Version is the index format's version, in meta.json; search.js refuses
// an index of another.
const Version = 1

// meta is meta.json, the one file every query fetches first.
type meta struct {
	Version int `json:"version"`
	// Hash changes whenever any file of the index does; the script adds it
	// to every address it fetches, so a browser never mixes two builds.
	Hash  string `json:"hash"`
	Pages int    `json:"pages"`
	// Lang is the index's language (Config.Language), for the script's
	// plural forms when the page does not say; absent for "".
	Lang string `json:"lang,omitempty"`
	// Root is the address of the site's root relative to the index's
	// folder ("../../" for "es/search/"), which the script resolves the
	// pages' addresses against; absent for "../", the root of "search/".
	Root string `json:"root,omitempty"`
	// Endings are the endings a query word is tried without (see
	// language.endings); absent for English, whose list the script has.
	Endings *[][2]string `json:"endings,omitempty"`
	// Dict and Post are the keys of the dictionary and postings shards.
	Dict []string `json:"dict"`
	Post []string `json:"post"`
	// Phrases are the synonyms and crisis phrases of two or more words:
	// each word's spellings, and the concept.
	Phrases []metaPhrase `json:"phrases"`
	// Marks are, for each concept, the words to mark in a snippet.
	Marks map[string][]string `json:"marks"`
	// Crisis lists the pages marked Document.Crisis; CrisisPage is the
	// crisis page's id, or -1.
	Crisis     []int `json:"crisis"`
	CrisisPage int   `json:"crisisPage"`
	// Sections are the titles of the sections pages are in, by address
	// (an excerpt's "s").
	Sections map[string]string `json:"sections,omitempty"`
}

// usedSections returns the titles of the sections the index's pages are
// in.
func (x *Index) usedSections() map[string]string {
	out := map[string]string{}
	for _, r := range x.pages {
		if t, ok := x.sections[r.section]; ok && t != "" {
			out[r.section] = t
		}
	}
	return out
}

type metaPhrase struct {
	Words   [][]string `json:"w"`
	Concept string     `json:"c"`
}

// posting is one page of a term's postings.
type posting struct {
	page   int32
	weight uint8
}

// encode makes every file of the index.
func (x *Index) encode() map[string][]byte {
	files := make(map[string][]byte, len(x.pages)+64)
	dir := x.rules.Dir
	postings := make([][]posting, len(x.terms))
	crisisPage := -1
	var crisis []int
	for id, r := range x.pages {
		for _, tw := range r.terms {
			postings[tw.term] = append(postings[tw.term], posting{int32(id), tw.weight})
		}
		if r.crisis {
			crisis = append(crisis, id)
		}
		if x.rules.CrisisURL != "" && r.url == x.rules.CrisisURL {
			crisisPage = id
		}
		files[dir+"x/"+strconv.Itoa(id)+".json"] = r.excerpt
	}
	m := meta{Version: Version, Pages: len(x.pages), Crisis: crisis, CrisisPage: crisisPage, Sections: x.usedSections()}
	m.Lang = x.rules.Language
	if x.rules.root != "../" {
		m.Root = x.rules.root
	}
	if e := x.rules.lang.endings; e != nil {
		m.Endings = &e
	}
	if m.Crisis == nil {
		m.Crisis = []int{}
	}
	m.Dict = x.encodeDictionary(files, postings)
	m.Post = x.encodePostings(files, postings)
	m.Phrases, m.Marks = x.metaSynonyms()
	m.Hash = hashFiles(files)
	files[dir+"meta.json"] = mustJSON(m)
	return files
}

// live reports whether a term belongs in the dictionary: it has postings,
// or it is the crisis concept, which the browser acts on without any.
func (x *Index) live(t int32, postings [][]posting) bool {
	return len(postings[t]) > 0 || x.terms[t] == crisisConcept
}

// encodeDictionary writes the dictionary shards (w/<key>.json: each word
// and its terms, [] for a stop word) and returns their keys.
func (x *Index) encodeDictionary(files map[string][]byte, postings [][]posting) []string {
	used := make([]bool, len(x.words))
	for _, r := range x.pages {
		for _, w := range r.words {
			used[w] = true
			if o := x.wordOther[w]; o >= 0 {
				used[o] = true
			}
		}
	}
	for _, w := range x.pinned {
		used[w] = true
	}
	type item struct {
		word  string
		terms []string
	}
	var items []item
	for w, ok := range used {
		if !ok {
			continue
		}
		var terms []string
		for _, t := range x.wordTerms[w] {
			if x.live(t, postings) {
				terms = append(terms, x.terms[t])
			}
		}
		if len(terms) == 0 && len(x.wordTerms[w]) > 0 {
			continue // a word of the synonyms file that no page has
		}
		items = append(items, item{x.words[w], terms})
	}
	slices.SortFunc(items, func(a, b item) int { return compareStrings(a.word, b.word) })
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = it.word
	}
	keys, keyOf := layout(names, func(i int) int {
		n := len(items[i].word) + 6
		for _, t := range items[i].terms {
			n += len(t) + 3
		}
		return n
	})
	shards := map[string]map[string][]string{}
	for i, it := range items {
		k := keyOf[i]
		if shards[k] == nil {
			shards[k] = map[string][]string{}
		}
		t := it.terms
		if t == nil {
			t = []string{}
		}
		shards[k][it.word] = t
	}
	for k, s := range shards {
		files[x.rules.Dir+"w/"+fileName(k)+".json"] = mustJSON(s)
	}
	return keys
}

// encodePostings writes the postings shards (p/<key>.bin) and returns
// their keys. A shard is a uvarint count of terms, then for each term in
// order: its length and bytes, its number of pages, and for each page the
// uvarint difference from the last page's id (the first: the id itself)
// and one byte of weight.
func (x *Index) encodePostings(files map[string][]byte, postings [][]posting) []string {
	var ids []int32
	for t := range x.terms {
		// The crisis concept's pages are never looked up: a query that
		// finds it shows the crisis page, whichever pages use the words.
		if len(postings[t]) > 0 && x.terms[t] != crisisConcept {
			ids = append(ids, int32(t))
		}
	}
	slices.SortFunc(ids, func(a, b int32) int { return compareStrings(x.terms[a], x.terms[b]) })
	names := make([]string, len(ids))
	for i, t := range ids {
		names[i] = x.terms[t]
	}
	keys, keyOf := layout(names, func(i int) int { return len(names[i]) + 4 + 2*len(postings[ids[i]]) })
	var buf []byte
	for a := 0; a < len(ids); {
		b := a
		for b < len(ids) && keyOf[b] == keyOf[a] {
			b++
		}
		buf = binary.AppendUvarint(buf[:0], uint64(b-a))
		for _, t := range ids[a:b] {
			buf = binary.AppendUvarint(buf, uint64(len(x.terms[t])))
			buf = append(buf, x.terms[t]...)
			buf = binary.AppendUvarint(buf, uint64(len(postings[t])))
			prev := int32(0)
			for _, p := range postings[t] {
				buf = binary.AppendUvarint(buf, uint64(p.page-prev))
				buf = append(buf, p.weight)
				prev = p.page
			}
		}
		files[x.rules.Dir+"p/"+fileName(keyOf[a])+".bin"] = bytes.Clone(buf)
		a = b
	}
	return keys
}

// metaSynonyms lists the phrases of the synonyms, each word with its
// other spelling, and the words to mark for each concept.
func (x *Index) metaSynonyms() ([]metaPhrase, map[string][]string) {
	phrases := []metaPhrase{}
	marks := map[string][]string{}
	lang := x.rules.lang
	mark := func(c, w string) {
		if !slices.Contains(marks[c], w) && !lang.isStop(w) {
			marks[c] = append(marks[c], w)
		}
	}
	for _, g := range x.rules.Synonyms.groups {
		for _, p := range g.phrases {
			mp := metaPhrase{Concept: g.concept}
			for _, w := range p {
				mp.Words = append(mp.Words, append([]string{w}, lang.spellings(w)...))
				if g.concept == crisisConcept {
					continue // the crisis page is shown for these, not marked
				}
				mark(g.concept, w)
				for _, s := range lang.spellings(w) {
					mark(g.concept, s)
				}
			}
			if len(p) > 1 {
				phrases = append(phrases, mp)
			}
		}
	}
	return phrases, marks
}

// compareStrings orders strings by their bytes, which is the order of
// their letters (UTF-8 keeps it), as the layout needs.
func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// hashFiles returns a short hash of every file's name and bytes.
func hashFiles(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	slices.Sort(names)
	h := fnv.New64a()
	var sum [4]byte
	for _, p := range names {
		h.Write([]byte(p))
		binary.LittleEndian.PutUint32(sum[:], crc32.ChecksumIEEE(files[p]))
		h.Write(sum[:])
	}
	return fmt.Sprintf("%012x", h.Sum64()&0xffffffffffff)
}

// mustJSON encodes v, which is made only of strings, numbers and lists of
// them, and so cannot fail; HTML is not escaped, as no file is HTML.
func mustJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("search: " + err.Error())
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
