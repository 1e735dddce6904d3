package trust

// spanishSyllables counts the syllables of a Spanish word, in lower case,
// by the Real Academia's rules for vowels in contact (Ortografía, 2010):
//
//   - The strong vowels a, e, o (and á, é, ó) each make a syllable of their
//     own next to another strong vowel: "le-er", "po-e-ta", "a-é-re-o".
//   - The weak vowels i, u, ü join a strong vowel, or each other, in one
//     syllable, a diphthong or triphthong: "cui-da-do", "ciu-dad",
//     "a-ve-ri-guáis".
//   - An accent on a weak vowel (í, ú) breaks the diphthong: "dí-a",
//     "pa-ís", "ba-úl", "o-í-do". Next to another weak vowel it does not:
//     "huí", "lin-güís-ti-ca".
//   - The u of "qu" and of "gu" before e or i is not said: "que", "quien",
//     "gue-rra", "se-guir"; with a diaeresis it is: "pin-güi-no".
//   - y is a vowel at the end of a word ("muy", "hoy", "ley", "U-ru-guay")
//     and a consonant elsewhere ("ma-yo", "a-yu-da").
//   - An unstressed i or u between two strong vowels is said as a
//     consonant and opens the second one's syllable: "pa-ra-no-ia".
//   - h between vowels is a consonant for counting: "a-ho-ra", "pro-hí-be"
//     (the Academia lets it sit inside a diphthong in "prohi-bir"; the
//     counts of school syllabification, used here, do not).
//
// It returns 0 for a word without a vowel.
func spanishSyllables(w []rune) int {
	const (
		none = iota
		strong
		weak
	)
	n, prev, prev2 := 0, none, none
	for i, r := range w {
		cls := none
		switch r {
		case 'a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú', 'à', 'è', 'ò':
			cls = strong // accented i and u stand on their own, as strong vowels do
		case 'i', 'ï', 'ü':
			cls = weak
		case 'u':
			cls = weak
			if i > 0 && (w[i-1] == 'q' || w[i-1] == 'g' && i+1 < len(w) && isFrontVowelES(w[i+1])) {
				cls = none // "que", "guerra"
			}
		case 'y':
			if i == len(w)-1 {
				cls = weak
			}
		}
		switch {
		case cls == none:
		case prev == none, cls == strong && prev == strong,
			cls == strong && prev == weak && prev2 == strong:
			n++
		}
		prev, prev2 = cls, prev
	}
	return n
}

func isFrontVowelES(r rune) bool {
	switch r {
	case 'e', 'i', 'é', 'í':
		return true
	}
	return false
}
