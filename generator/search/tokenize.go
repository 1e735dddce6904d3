package search

import "unicode/utf8"

// A tokenizer splits text into words, folded (see appendFolded), into a
// buffer it reuses: a page of text costs no allocation once the buffer
// has grown. It is not safe for concurrent use; each Builder has one.
//
// A compound such as "self-harm" gives its parts, "self" and "harm", as
// words in their place, then the parts joined, "selfharm", as an extra
// word, so that "self harm", "self-harm" and "selfharm" all find it.
// Apostrophes are dropped ("don't" is "dont").
type tokenizer struct {
	buf   []byte
	words []span // into buf
}

// span is one word of a tokenizer's buffer. joined marks the joined
// form of a compound, which is not part of the sequence of words that
// phrases are matched on.
type span struct {
	start, end int32
	joined     bool
}

// split replaces the tokenizer's words with those of text.
func (t *tokenizer) split(text string) {
	t.buf, t.words = t.buf[:0], t.words[:0]
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		i = t.compound(text, i)
	}
}

// compound reads the word or compound starting at text[i] and returns
// where it ends.
func (t *tokenizer) compound(text string, i int) int {
	first := len(t.words)
	start := int32(len(t.buf))
loop:
	for i < len(text) {
		// Most text is small ASCII letters: copy a run of them at once.
		if c := text[i]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			j := i + 1
			for j < len(text) && ('a' <= text[j] && text[j] <= 'z' || '0' <= text[j] && text[j] <= '9') {
				j++
			}
			t.buf = append(t.buf, text[i:j]...)
			i = j
			continue
		} else if 'A' <= c && c <= 'Z' {
			t.buf = append(t.buf, c+'a'-'A')
			i++
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			t.buf = appendFolded(t.buf, r)
			i += size
			continue
		case (isHyphen(r) || isApostrophe(r)) && i+size < len(text):
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if isWordRune(next) {
				if isHyphen(r) {
					t.end(start)
					start = int32(len(t.buf))
				}
				i += size
				continue
			}
		}
		break loop
	}
	t.end(start)
	if parts := t.words[first:]; len(parts) > 1 {
		// The joined form, copied after the parts: buf holds the parts
		// back to back, so it is the bytes from the first to the last.
		a, b := parts[0].start, parts[len(parts)-1].end
		j := int32(len(t.buf))
		t.buf = append(t.buf, t.buf[a:b]...)
		t.words = append(t.words, span{j, int32(len(t.buf)), true})
	}
	return i
}

// end closes the word that began at start, if it has any letters.
func (t *tokenizer) end(start int32) {
	if int(start) < len(t.buf) {
		t.words = append(t.words, span{start, int32(len(t.buf)), false})
	}
}

// word returns the bytes of a word; valid until the next split.
func (t *tokenizer) word(s span) []byte { return t.buf[s.start:s.end] }

// Words returns the folded words of text as the index sees them, joined
// forms of compounds included (after their parts).
func Words(text string) []string {
	var t tokenizer
	t.split(text)
	out := make([]string, len(t.words))
	for i, s := range t.words {
		out[i] = string(t.word(s))
	}
	return out
}
