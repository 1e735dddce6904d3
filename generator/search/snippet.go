package search

import (
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// How long a snippet is, in words, and how many come before the first
// matched word.
const (
	snippetWords  = 28
	snippetBefore = 8
)

// marks returns the folded words to mark in snippets: every word of the
// loaded dictionary shards that stands for a term the query found, and
// the words of the concepts it found.
func (s *Searcher) marks(hits map[string][]hit) map[string]bool {
	terms := map[string]bool{}
	out := map[string]bool{}
	for w, hs := range hits {
		if len(hs) > 0 && !isConcept(w) {
			out[w] = true
		}
		for _, h := range hs {
			terms[h.term] = true
			for _, m := range s.meta.Marks[h.term] {
				out[m] = true
			}
		}
	}
	for _, d := range s.dict {
		for w, ts := range d {
			for _, t := range ts {
				if terms[t] && t != crisisConcept {
					out[w] = true
				}
			}
		}
	}
	return out
}

// result fetches a page's excerpt and makes its result.
func (s *Searcher) result(r scored, marks map[string]bool) (Result, error) {
	name := "x/" + strconv.Itoa(r.page) + ".json"
	b, err := s.get(name)
	if err != nil {
		return Result{}, err
	}
	var x excerpt
	if err := json.Unmarshal(b, &x); err != nil {
		return Result{}, fmt.Errorf("%s: %w", name, err)
	}
	res := Result{URL: x.URL, Title: x.Title, Section: s.meta.Sections[x.Section], Score: r.score, Crisis: r.crisis}
	best := -1
	text := x.Description
	if n, _ := markedWords(x.Description, marks); n > 0 {
		best = n
	}
	for _, bl := range x.Blocks {
		if n, _ := markedWords(bl[2], marks); n > best {
			best, text, res.Heading, res.Anchor = n, bl[2], bl[0], bl[1]
		}
	}
	if best <= 0 {
		text, res.Heading, res.Anchor = x.Description, "", ""
		if text == "" && len(x.Blocks) > 0 {
			text = x.Blocks[0][2]
		}
	}
	res.Snippet = snippet(text, marks)
	return res, nil
}

// textWord is a word (or compound) of a text, where it is, and whether
// it is marked.
type textWord struct {
	start, end int
	marked     bool
}

// markedWords splits text into words and marks those in marks (a
// compound when it or any part is). It returns how many are marked.
func markedWords(text string, marks map[string]bool) (int, []textWord) {
	var words []textWord
	n := 0
	var t tokenizer
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		i = t.compound(text, i)
		marked, empty := false, len(t.words) == 0
		for _, sp := range t.words {
			marked = marked || marks[string(t.word(sp))]
		}
		t.buf, t.words = t.buf[:0], t.words[:0]
		if empty {
			continue // marks or a tatweel alone: no letters to show
		}
		if marked {
			n++
		}
		words = append(words, textWord{start, i, marked})
	}
	return n, words
}

// snippet returns about snippetWords words of text around its first
// marked word, as HTML with the marked words in <mark>.
func snippet(text string, marks map[string]bool) string {
	_, words := markedWords(text, marks)
	if len(words) == 0 {
		return html.EscapeString(text)
	}
	first := 0
	for i, w := range words {
		if w.marked {
			first = i
			break
		}
	}
	from := max(0, first-snippetBefore)
	to := min(len(words), from+snippetWords)
	var b strings.Builder
	if from > 0 {
		b.WriteString("… ")
	}
	at := words[from].start
	for _, w := range words[from:to] {
		b.WriteString(html.EscapeString(text[at:w.start]))
		if w.marked {
			b.WriteString("<mark>" + html.EscapeString(text[w.start:w.end]) + "</mark>")
		} else {
			b.WriteString(html.EscapeString(text[w.start:w.end]))
		}
		at = w.end
	}
	if to < len(words) {
		b.WriteString(" …")
	} else {
		b.WriteString(html.EscapeString(text[at:]))
	}
	return b.String()
}
