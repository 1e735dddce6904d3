package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// appendFolded appends r to dst as the index compares letters: lower case,
// accents and other marks removed (é -> e, ﬁ -> fi, Arabic harakat), and
// a few letters that NFKD leaves alone spelt out (see appendLetter). й
// keeps its mark: it is a letter of its own in every language that has
// it, and Russian's stemmer needs it. search.js does the same (fold).
func appendFolded(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if r == 'й' || r == 'Й' {
		return append(dst, "й"...)
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
			dst = appendLetter(dst, unicode.ToLower(c))
		}
	}
	return dst
}

// appendLetter appends a lower-case letter that NFKD has left, spelling
// out those that searchers write otherwise: Polish ł as l, German ß as
// ss; in Arabic, alef maksura ى as yeh ي and teh marbuta ة as heh ه (the
// alefs with hamza or madda, أ إ آ, are already bare alef ا, their marks
// dropped), the tatweel ـ that stretches a word dropped, and Arabic-Indic
// digits as 0-9. These are what Arabic search engines commonly do
// (Lucene's ArabicNormalizer).
func appendLetter(dst []byte, c rune) []byte {
	switch {
	case c == 'ł':
		return append(dst, 'l')
	case c == 'ß':
		return append(dst, "ss"...)
	case c == '\u0649': // alef maksura
		return append(dst, "\u064a"...)
	case c == '\u0629': // teh marbuta
		return append(dst, "\u0647"...)
	case c == '\u0640': // tatweel
		return dst
	case '\u0660' <= c && c <= '\u0669', '\u06f0' <= c && c <= '\u06f9':
		return append(dst, byte('0'+c&0xf))
	}
	return utf8.AppendRune(dst, c)
}

// Fold returns s as the index compares words: lower case, accents removed
// (see appendFolded).
// It does not split words; see Words for that.
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = appendFolded(b, r)
	}
	return string(b)
}

// isWordRune reports whether r belongs to a word: a letter (Arabic's
// tatweel too, which folds to nothing), a decimal digit, or a combining
// mark after one (an accent typed separately, Arabic harakat). search.js
// uses \p{L}, \p{Nd} and \p{M} (isWordRune).
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
