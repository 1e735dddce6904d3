package trust

import "unicode/utf8"

// germanSyllables counts the syllables of a German word, in lower case, by
// vowel groups:
//
//   - The vowels are a e i o u ä ö ü and y ("Sys-tem", "Psy-che"); y
//     before a vowel at the start of a word is a consonant ("Yo-ga"), and
//     so is the u of "qu" ("Qua-li-tät").
//   - The diphthongs ei ey ai ay au eu äu, the long ie, the doubled aa ee
//     oo and the ou of loanwords ("Tour") are one syllable each; any other
//     two vowels are two ("Si-tu-a-ti-on", "The-o-rie", "Di-ät", "Ru-i-ne"),
//     as is a vowel after a diphthong ("Feu-er", "bau-en", "Ei-er").
//   - A final -e counts ("Hil-fe", "Schu-le").
//   - Some ie, ee and eu are two syllables after all: "-ien" at the end of
//     a word ("Fa-mi-li-en", "The-ra-pi-en", but "schien"), "-iell"
//     ("spe-zi-ell"), "-ient" ("Pa-ti-ent", "Kli-en-tin", but "dient"),
//     "-een" at the end ("I-de-en"), "-eum" and "-äum" at the end
//     ("Mu-se-um", "Ju-bi-lä-um").
//   - Two vowels after the prefixes be- and ge- are said apart before
//     what cannot follow a long vowel: "be-ein-träch-ti-gen",
//     "ge-eig-net", "Be-er-di-gung", "be-ur-tei-len", "be-un-ru-higt";
//     not "Beere", "Beet", "Beu-te". So are "Ko-o-pe-ra-ti-on",
//     "ko-or-di-nie-ren" and "Zo-o-lo-gie".
//   - Words ending in an unstressed -ie, said i-e, are listed in
//     germanIE ("Fa-mi-li-e", "Stu-di-e", "Richt-li-ni-e"); the stressed
//     -ie of "The-ra-pie" and "Al-ler-gie" is one syllable.
//
// It returns 0 for a word without a vowel.
func germanSyllables(w []rune) int {
	for _, e := range germanIE {
		if k := len(w) - len(e.word); k >= 0 && runesHaveSuffix(w, e.word) {
			return germanGroups(w[:k], false) + e.syllables
		}
	}
	return germanGroups(w, true)
}

// germanGroups counts the vowel groups of w; whole says w is a whole word,
// not the start of one.
func germanGroups(w []rune, whole bool) int {
	n := len(w)
	count := 0
	for i := 0; i < n; {
		if !germanVowelAt(w, i) {
			i++
			continue
		}
		count++
		if i+1 < n && germanVowelAt(w, i+1) && germanPair(w[i], w[i+1]) && !germanApart(w, i, whole) {
			i += 2
		} else {
			i++
		}
	}
	return count
}

// germanVowelAt reports whether w[i] is said as a vowel.
func germanVowelAt(w []rune, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'ä', 'ö', 'ü', 'é', 'è', 'à', 'á', 'ê', 'â', 'ô', 'ó', 'í', 'ú':
		return true
	case 'u':
		return i == 0 || w[i-1] != 'q'
	case 'y':
		return i > 0 || len(w) == 1 || !germanVowelAt(w, 1)
	}
	return false
}

// germanPair reports whether the vowels a and b are written together for
// one sound.
func germanPair(a, b rune) bool {
	switch a {
	case 'a':
		return b == 'a' || b == 'i' || b == 'y' || b == 'u'
	case 'e':
		return b == 'e' || b == 'i' || b == 'y' || b == 'u'
	case 'i':
		return b == 'e'
	case 'o':
		return b == 'o' || b == 'u'
	case 'ä':
		return b == 'u'
	}
	return false
}

// germanApart reports whether the pair of vowels at w[i] and w[i+1], which
// are usually one sound, is said as two here.
func germanApart(w []rune, i int, whole bool) bool {
	n := len(w)
	a, b := w[i], w[i+1]
	rest := w[i+2:]
	if i == 1 && (w[0] == 'b' || w[0] == 'g') && a == 'e' {
		// be-, ge-: "be-ein-", "ge-eig-net", "be-en-den", "ge-ehrt",
		// "Be-er-di-gung", "ge-erbt", "be-ur-tei-len", "be-un-ru-higt".
		var c, d rune
		if len(rest) > 0 {
			c = rest[0]
		}
		if len(rest) > 1 {
			d = rest[1]
		}
		switch b {
		case 'e':
			if c == 'i' || c == 'n' || c == 'h' || c == 'r' && d != 0 && !germanVowelAt(w, i+3) {
				return true
			}
		case 'u':
			if c == 'r' || c == 'n' {
				return true
			}
		}
	}
	if a == 'o' && b == 'o' && i >= 1 && (runesHavePrefix(w, "koop") || runesHavePrefix(w, "koord") || runesHavePrefix(w, "zoolog")) {
		return true
	}
	switch {
	case a == 'i' && b == 'e':
		switch {
		case whole && len(rest) == 1 && rest[0] == 'n' && i >= 1 && !germanVowelAt(w, i-1) &&
			germanGroups(w[:i], false) > 0 && !(i >= 3 && string(w[i-3:i]) == "sch"):
			return true // "Fa-mi-li-en", "The-ra-pi-en"; not "Wien", "schien"
		case len(rest) >= 2 && rest[0] == 'l' && rest[1] == 'l':
			return true // "spe-zi-ell"
		case len(rest) >= 2 && rest[0] == 'n' && rest[1] == 't' && i >= 1 && w[i-1] != 'd' && !germanVowelAt(w, i-1):
			return true // "Pa-ti-ent"; not "dient", "ver-dient"
		}
	case a == 'e' && b == 'e':
		return whole && len(rest) == 1 && rest[0] == 'n' && i >= 1 // "I-de-en", "Se-en"
	case (a == 'e' || a == 'ä') && b == 'u':
		return whole && i+3 == n && rest[0] == 'm' && i >= 1 // "Mu-se-um"
	}
	return false
}

// germanIE are word endings with an unstressed -ie said i-e, with their
// syllables: the -ie of most words is a long, stressed i ("The-ra-pie"),
// and spelling does not tell them apart. A word ending in one of them is
// counted as its beginning and the ending ("Gast|fa-mi-li-e").
var germanIE = [...]struct {
	word      string
	syllables int
}{
	{"familie", 4}, {"studie", 3}, {"linie", 3}, {"serie", 3},
	{"materie", 4}, {"arie", 3}, {"folie", 3}, {"lilie", 3}, {"prämie", 3},
	{"komödie", 4}, {"tragödie", 4}, {"bakterie", 4}, {"aktie", 3}, {"petersilie", 5},
	{"hostie", 3}, {"akazie", 4}, {"grazie", 3}, {"historie", 4}, {"kastanie", 4},
	{"hygiene", 4}, {"milieu", 2},
}

func runesHaveSuffix(w []rune, s string) bool {
	i := len(w)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		i--
		if i < 0 || w[i] != r {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}

func runesHavePrefix(w []rune, s string) bool {
	i := 0
	for _, r := range s {
		if i >= len(w) || w[i] != r {
			return false
		}
		i++
	}
	return true
}
