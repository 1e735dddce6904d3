package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// appendFolded appends r to dst as the index compares letters: lower case,
// accents removed (é -> e, ﬁ -> fi). search.js does the same with
// normalize("NFKD"), dropping \p{M} and toLowerCase().
func appendFolded(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	var it norm.Iter
	it.Init(norm.NFKD, buf[:n])
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			c, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			if unicode.Is(unicode.M, c) {
				continue
			}
			dst = utf8.AppendRune(dst, unicode.ToLower(c))
		}
	}
	return dst
}

// Fold returns s as the index compares words: lower case, accents removed.
// It does not split words; see Words for that.
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = appendFolded(b, r)
	}
	return string(b)
}

// isWordRune reports whether r belongs to a word: a letter, a decimal
// digit, or a combining mark after one (an accent typed separately).
// search.js uses \p{L}, \p{Nd} and \p{M}.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.M, r)
}

// isHyphen reports whether r joins the parts of a compound (self-harm).
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isApostrophe reports whether r is an apostrophe inside a word (don't,
// patient's), which is dropped: "dont", "patients".
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }
