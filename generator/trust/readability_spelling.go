package trust

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// lettersLang is letters for Spanish, German and French: the syllables of
// a run of letters, perhaps with apostrophes and dots inside.
//
// An abbreviation said letter by letter (see spelled) has the syllables of
// the letters' names. Otherwise the parts between apostrophes are counted
// apart, and a part without a vowel adds nothing: French elisions and
// German contractions ("l'hôpital", "qu'il", "aujourd'hui", "geht's") are
// one word with the syllables of what is said. A word with no vowel at all
// ("hm", "z") has one syllable.
func (c *counter) lettersLang(w string) int {
	if spelled(w) {
		n := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				n += letterSyllables(c.lang, r)
			}
		}
		return n
	}
	total := 0
	for {
		k, size := firstApostrophe(w)
		if k < 0 {
			total += c.partLang(w)
			break
		}
		total += c.partLang(w[:k])
		w = w[k+size:]
	}
	return max(total, 1)
}

// partLang counts the syllables of letters without apostrophes by the
// rules of the counter's language.
func (c *counter) partLang(p string) int {
	if p == "" {
		return 0
	}
	c.runes = lowerRunes(c.runes[:0], p)
	switch c.lang {
	case langSpanish:
		return spanishSyllables(c.runes)
	case langGerman:
		return germanSyllables(c.runes)
	case langFrench:
		return frenchSyllables(c.runes)
	}
	return 0
}

// firstApostrophe returns the index and size of the first apostrophe in w
// (' ’ ʼ), or -1.
func firstApostrophe(w string) (int, int) {
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == '\'':
			return i, 1
		case w[i] == 0xE2 && i+3 <= len(w) && w[i:i+3] == "’":
			return i, 3
		case w[i] == 0xCA && i+2 <= len(w) && w[i:i+2] == "ʼ":
			return i, 2
		}
	}
	return -1, 0
}

// lowerRunes appends the letters of w to dst in lower case, accents
// composed ("e\u0301" is "é"), with the ligatures œ and æ written out and
// any dots dropped.
func lowerRunes(dst []rune, w string) []rune {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			if !norm.NFC.IsNormalString(w) {
				w = norm.NFC.String(w)
			}
			break
		}
	}
	for _, r := range w {
		switch r = unicode.ToLower(r); {
		case r == 'œ':
			dst = append(dst, 'o', 'e')
		case r == 'æ':
			dst = append(dst, 'a', 'e')
		case unicode.IsLetter(r):
			dst = append(dst, r)
		}
	}
	return dst
}

// letterSyllables returns the syllables of the name of the letter r in
// language l, for abbreviations said letter by letter: one for most, more
// for Spanish "efe", "hache", "uve doble" and others, German "Ypsilon",
// French "double vé" and "i grec".
func letterSyllables(l langKind, r rune) int {
	r = unicode.ToLower(r)
	switch l {
	case langSpanish:
		switch r {
		case 'f', 'h', 'j', 'l', 'm', 'n', 'ñ', 'r', 's', 'v', 'x', 'z':
			return 2 // efe, hache, jota, ele, eme, ene, eñe, erre, ese, uve, equis, zeta
		case 'w':
			return 4 // uve doble
		}
	case langGerman:
		if r == 'y' {
			return 3 // Ypsilon
		}
	case langFrench:
		switch r {
		case 'w':
			return 3 // double vé
		case 'y':
			return 2 // i grec
		}
	}
	return 1
}
