package trust

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviationLang is abbreviation for Spanish, German and French: whether
// word, followed by a full stop and then the text after, is an
// abbreviation rather than the end of a sentence.
//
// As in English, a full stop that may or may not end a sentence does not:
// joining two sentences makes a page look harder than it is, and a checker
// should err that way. So:
//   - Dotted abbreviations ("z.B", "d.h", "p.ex", "EE.UU") never end a
//     sentence, but for times ("a.m", "p.m"), which often do.
//   - A single letter never does: an initial ("M. Dupont", "S. 12"), or
//     one letter of "z. B.", "d. h.", "u. a.", "p. ex.", "p. ej.", "c.-à-d.".
//     Spanish "y", "a", "o" and "e" never end a sentence either; French "a"
//     and "y" may ("Il y en a.").
//   - Each language's titles and common abbreviations never end one
//     ("Dr.", "Sra.", "Mme.", "vgl.", "bzw.", "cf."); "etc." and its kin
//     may, when a capital follows, as in English. German "usw." and "etc."
//     are taken the same way, although a capital says less in German, whose
//     nouns have them.
//   - Numbering ("Nr. 5", "n°", "p. 12", "núm. 3") does not end one before
//     a number.
//   - German writes ordinals with a full stop ("am 3. Mai", "im 19.
//     Jahrhundert"): a number does not end a sentence before a month or a
//     word that ordinals count ("Mal", "Lebensjahr", "Klasse"). Before any
//     other word it does, as a phone number at the end of a sentence does
//     ("Wählen Sie die 112.").
func abbreviationLang(l langKind, word, after string) abbrevKind {
	first, size := utf8.DecodeRuneInString(word)
	if unicode.IsDigit(first) {
		if l == langGerman && ordinalNouns[strings.ToLower(leadingWord(after))] {
			return abbrevNeverEnds
		}
		return abbrevNone
	}
	lw := strings.ToLower(word)
	if strings.Contains(word, ".") {
		if lw == "a.m" || lw == "p.m" {
			return abbrevMayEnd
		}
		return abbrevNeverEnds
	}
	if size == len(word) {
		switch {
		case unicode.IsUpper(first):
			return abbrevNeverEnds
		case l == langFrench && (lw == "a" || lw == "y"):
			return abbrevNone
		}
		return abbrevNeverEnds
	}
	var kind abbrevKind
	switch l {
	case langSpanish:
		kind = spanishAbbrev[lw]
	case langGerman:
		kind = germanAbbrev[lw]
	case langFrench:
		kind = frenchAbbrev[lw]
	}
	if kind == abbrevBeforeNumber {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, "°º "))
		if unicode.IsDigit(r) {
			return abbrevNeverEnds
		}
		return abbrevNone
	}
	return kind
}

// abbrevBeforeNumber marks abbreviations that number things ("Nr. 5"):
// they end no sentence before a number, and are words like any other
// before anything else. abbreviationLang turns it into one of the others.
const abbrevBeforeNumber abbrevKind = -1

// leadingWord returns the first word of s, after any opening punctuation.
func leadingWord(s string) string {
	i := strings.IndexFunc(s, unicode.IsLetter)
	if i < 0 || i > 8 {
		return ""
	}
	s = s[i:]
	if j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); j >= 0 {
		s = s[:j]
	}
	return s
}

// Abbreviations of each language, lower-case, without their full stop.
var (
	spanishAbbrev = map[string]abbrevKind{
		"dr": abbrevNeverEnds, "dra": abbrevNeverEnds, "drs": abbrevNeverEnds, "dras": abbrevNeverEnds,
		"sr": abbrevNeverEnds, "sra": abbrevNeverEnds, "sres": abbrevNeverEnds, "sras": abbrevNeverEnds,
		"srta": abbrevNeverEnds, "ud": abbrevNeverEnds, "uds": abbrevNeverEnds, "vd": abbrevNeverEnds,
		"vds": abbrevNeverEnds, "lic": abbrevNeverEnds, "ing": abbrevNeverEnds, "prof": abbrevNeverEnds,
		"aprox": abbrevNeverEnds, "ej": abbrevNeverEnds, "cap": abbrevNeverEnds, "fig": abbrevNeverEnds,
		"tel": abbrevNeverEnds, "tfno": abbrevNeverEnds, "av": abbrevNeverEnds, "avda": abbrevNeverEnds,
		"dcha": abbrevNeverEnds, "izq": abbrevNeverEnds, "ee": abbrevNeverEnds, "máx": abbrevNeverEnds,
		"mín": abbrevNeverEnds, "cf": abbrevNeverEnds, "vs": abbrevNeverEnds, "art": abbrevBeforeNumber,
		"pág": abbrevBeforeNumber, "págs": abbrevBeforeNumber, "núm": abbrevBeforeNumber,
		"nº": abbrevBeforeNumber, "pp": abbrevBeforeNumber, "vol": abbrevBeforeNumber,
		"etc": abbrevMayEnd, "al": abbrevMayEnd, "uu": abbrevMayEnd,
	}
	germanAbbrev = map[string]abbrevKind{
		"dr": abbrevNeverEnds, "prof": abbrevNeverEnds, "hr": abbrevNeverEnds, "hrn": abbrevNeverEnds,
		"fr": abbrevNeverEnds, "frl": abbrevNeverEnds, "dipl": abbrevNeverEnds, "ing": abbrevNeverEnds,
		"med": abbrevNeverEnds, "priv": abbrevNeverEnds, "doz": abbrevNeverEnds, "abs": abbrevNeverEnds,
		"abb": abbrevNeverEnds, "art": abbrevBeforeNumber, "bd": abbrevNeverEnds, "bzgl": abbrevNeverEnds,
		"bzw": abbrevNeverEnds, "ca": abbrevNeverEnds, "ggf": abbrevNeverEnds, "evtl": abbrevNeverEnds,
		"inkl": abbrevNeverEnds, "insb": abbrevNeverEnds, "vgl": abbrevNeverEnds, "sog": abbrevNeverEnds,
		"bspw": abbrevNeverEnds, "bsp": abbrevNeverEnds, "zzgl": abbrevNeverEnds, "allg": abbrevNeverEnds,
		"max": abbrevNeverEnds, "min": abbrevNeverEnds, "mind": abbrevNeverEnds, "gem": abbrevNeverEnds,
		"tel": abbrevNeverEnds, "str": abbrevNeverEnds, "jh": abbrevNeverEnds, "jhd": abbrevNeverEnds,
		"lt": abbrevNeverEnds, "mio": abbrevNeverEnds, "mrd": abbrevNeverEnds, "std": abbrevNeverEnds,
		"tsd": abbrevNeverEnds, "ebd": abbrevNeverEnds, "st": abbrevNeverEnds, "cf": abbrevNeverEnds,
		"nr": abbrevBeforeNumber, "kap": abbrevBeforeNumber, "pp": abbrevBeforeNumber, "vol": abbrevBeforeNumber,
		"usw": abbrevMayEnd, "usf": abbrevMayEnd, "etc": abbrevMayEnd, "al": abbrevMayEnd,
	}
	frenchAbbrev = map[string]abbrevKind{
		"mme": abbrevNeverEnds, "mmes": abbrevNeverEnds, "mlle": abbrevNeverEnds, "mlles": abbrevNeverEnds,
		"mm": abbrevNeverEnds, "dr": abbrevNeverEnds, "dre": abbrevNeverEnds, "pr": abbrevNeverEnds,
		"me": abbrevNeverEnds, "st": abbrevNeverEnds, "ste": abbrevNeverEnds, "cf": abbrevNeverEnds,
		"env": abbrevNeverEnds, "art": abbrevBeforeNumber, "av": abbrevNeverEnds, "apr": abbrevNeverEnds,
		"chap": abbrevNeverEnds, "fig": abbrevNeverEnds, "éd": abbrevNeverEnds, "ibid": abbrevNeverEnds,
		"tél": abbrevNeverEnds, "ex": abbrevNeverEnds, "réf": abbrevNeverEnds, "vs": abbrevNeverEnds,
		"no": abbrevBeforeNumber, "nos": abbrevBeforeNumber, "pp": abbrevBeforeNumber, "vol": abbrevBeforeNumber,
		"etc": abbrevMayEnd, "al": abbrevMayEnd,
	}
	// ordinalNouns are the German words after which a number and a full
	// stop are an ordinal ("am 3. Mai", "zum 2. Mal").
	ordinalNouns = map[string]bool{
		"januar": true, "jänner": true, "februar": true, "märz": true, "april": true, "mai": true,
		"juni": true, "juli": true, "august": true, "september": true, "oktober": true,
		"november": true, "dezember": true, "mal": true, "jahrhundert": true, "jahrhunderts": true,
		"jahrtausend": true, "lebensjahr": true, "lebensjahres": true, "lebensjahrs": true,
		"jahr": true, "jahres": true, "woche": true, "monat": true, "monats": true, "tag": true,
		"tages": true, "klasse": true, "stock": true, "stockwerk": true, "etage": true,
		"auflage": true, "kapitel": true, "platz": true, "stelle": true, "schritt": true,
		"stufe": true, "grad": true, "grades": true, "geburtstag": true, "quartal": true,
		"semester": true, "schwangerschaftswoche": true, "sitzung": true, "termin": true,
	}
)
