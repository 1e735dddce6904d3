package trust

// frenchSyllables counts the syllables of a French word, in lower case, as
// it is said with care: by vowel groups, less the final mute e.
//
//   - The vowels are a e i o u y and their accented forms; œ and æ are
//     written out. The u of "qu", and of "gu" before e, i or y, is not said
//     ("que", "guerre", "lan-gue"). y is a consonant between vowels and
//     before a vowel at the start of a word ("pa-yer", "cra-yon", "yeux"),
//     a vowel elsewhere ("ty-pe", "psy-chia-tre", "il y a").
//   - Vowels written together are one syllable ("eau", "oi", "ou", "ai",
//     "œu", "ui"), and so are i, u and ou before another vowel, said as a
//     glide ("na-tion", "pa-tient", "nua-ge", "jouer", "so-cial"), except:
//   - after a consonant and l or r, where the glide cannot be said
//     ("cli-ent", "ou-bli-er", "cru-el", "pri-è-re"; but "pluie");
//   - after é, and before é or è after a, o or e ("ré-el", "cré-er",
//     "thé-â-tre", "a-é-ro-port", "po-è-me"), but for the é of a final
//     -ée, -ées or -éent ("an-née", "cré-ée");
//   - before a diaeresis ("na-ïf", "No-ël", "am-bi-gu-ï-té");
//   - in "ao" ("cha-os", "a-orte"; but "paon", "août") and after the
//     prefix co- ("co-opé-rer", "co-a-li-tion", "co-ef-fi-cient"; but
//     "cœur").
//   - A final e after a consonant is mute, and so is -es ("ta-ble",
//     "per-son-nes"), unless it is the word's only vowel ("le", "les").
//     So is the -ent of the third person plural, but only in spellings
//     that are always verbs, since that of nouns, adjectives and adverbs
//     is said ("mo-ment", "sou-vent", "pa-rent"): after nn, ss, tt, ch, gn,
//     ill, nd, rd, rt, st, gu, qu and a consonant with l or r ("pren-nent",
//     "lais-sent", "tra-vail-lent", "sem-blent", "ex-pli-quent"; but
//     "fré-quent", "é-lo-quent"). Others ("par-lent", "doi-vent") are
//     counted as said in full, which errs on the side of harder.
//   - An e inside a word is counted, as a careful speaker and the
//     dictionary's syllable breaks have it ("sa-me-di", "mé-de-cin").
//
// The exceptions are in frenchWords ("pays" is pe-i). It returns 0 for a
// word without a vowel.
func frenchSyllables(w []rune) int {
	if n, ok := frenchWords[string(w)]; ok {
		return n
	}
	n := len(w)
	var buf [32]bool
	vowel := buf[:0]
	if n <= len(buf) {
		vowel = buf[:n]
	} else {
		vowel = make([]bool, n)
	}
	for i, r := range w {
		switch r {
		case 'a', 'à', 'â', 'e', 'é', 'è', 'ê', 'ë', 'i', 'î', 'ï', 'o', 'ô', 'ö', 'ù', 'û', 'ü', 'ÿ', 'á', 'í', 'ó', 'ú':
			vowel[i] = true
		case 'u':
			vowel[i] = !(i > 0 && (w[i-1] == 'q' || w[i-1] == 'g' && i+1 < n && frenchSoftens(w[i+1])))
		}
	}
	for i, r := range w {
		if r == 'y' {
			before := i > 0 && vowel[i-1]
			after := i+1 < n && isFrenchVowelLetter(w[i+1])
			vowel[i] = !(after && (before || i == 0))
		}
	}

	count := 0
	lastStart := -1 // where the last syllable's vowels begin
	lastLen := 0
	for i := 0; i < n; {
		if !vowel[i] {
			i++
			continue
		}
		count++
		start := i
		j := i
		for j+1 < n && vowel[j+1] && !frenchApart(w, j, start) {
			j++
		}
		lastStart, lastLen = start, j-start+1
		i = j + 1
	}

	// The final mute e.
	if count > 1 && lastLen == 1 && w[lastStart] == 'e' && !vowel[lastStart-1] {
		switch rest := string(w[lastStart+1:]); {
		case rest == "" || rest == "s":
			count--
		case rest == "nt" && frenchVerbEnt(w[:lastStart]):
			count--
		}
	}
	return count
}

// frenchApart reports whether the vowels w[j] and w[j+1] are said in two
// syllables; start is where their group of vowels begins.
func frenchApart(w []rune, j, start int) bool {
	a, b := w[j], w[j+1]
	n := len(w)
	switch b {
	case 'ë', 'ï', 'ü', 'ÿ':
		return true
	}
	if a == 'é' {
		if b == 'e' {
			switch string(w[j+2:]) {
			case "", "s", "nt":
				return false // "an-née", "cré-ées", "ils cré-ent"
			}
		}
		return true
	}
	if (b == 'é' || b == 'è') && (a == 'a' || a == 'o' || a == 'e') {
		return true
	}
	if a == 'a' && b == 'o' {
		return !(j+2 < n && (w[j+2] == 'n' || w[j+2] == 'û'))
	}
	if j == 1 && w[0] == 'c' && a == 'o' {
		switch b {
		case 'o', 'a':
			return true
		case 'e':
			return !(j+2 < n && w[j+2] == 'u')
		}
	}
	// A glide that opens the group: i, u, y, or the u of ou.
	glide := j == start && (a == 'i' || a == 'u' || a == 'y') || j == start+1 && w[start] == 'o' && a == 'u'
	if glide && !(a == 'u' && (b == 'i' || b == 'î')) && start >= 2 {
		if l := w[start-1]; (l == 'l' || l == 'r') && !isFrenchVowelLetter(w[start-2]) && w[start-2] != 'l' && w[start-2] != 'r' {
			return true // "cli-ent", "ou-bli-er", "cru-el", "trou-er"
		}
	}
	return false
}

// frenchVerbEnt reports whether a word that is stem + "ent" has a stem
// that only verbs end in, so that its -ent is mute.
func frenchVerbEnt(stem []rune) bool {
	s := string(stem)
	for _, end := range []string{"nn", "ss", "tt", "ch", "gn", "ill", "nd", "rd", "rt", "st", "gu"} {
		if hasSuffixString(s, end) {
			return true
		}
	}
	if hasSuffixString(s, "qu") {
		return !hasSuffixString(s, "équ") && !hasSuffixString(s, "oqu") // "fré-quent", "é-lo-quent"
	}
	if k := len(stem); k >= 2 && (stem[k-1] == 'l' || stem[k-1] == 'r') {
		switch stem[k-2] {
		case 'b', 'c', 'd', 'f', 'g', 'p', 't', 'v':
			return true // "sem-blent", "mon-trent", "ou-vrent"
		}
	}
	return false
}

func hasSuffixString(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// frenchSoftens reports whether r after "gu" makes its u silent.
func frenchSoftens(r rune) bool {
	switch r {
	case 'e', 'é', 'è', 'ê', 'i', 'î', 'y':
		return true
	}
	return false
}

func isFrenchVowelLetter(r rune) bool {
	switch r {
	case 'a', 'à', 'â', 'e', 'é', 'è', 'ê', 'ë', 'i', 'î', 'ï', 'o', 'ô', 'u', 'ù', 'û', 'ü', 'y', 'ÿ':
		return true
	}
	return false
}

// frenchWords are words the rules count wrongly, with their syllables.
var frenchWords = map[string]int{
	"pays": 2, "paysage": 3, "paysages": 3, "paysan": 3, "paysans": 3, "paysanne": 3,
}
