package search

import "strings"

// British and American spellings. The index stems a word's American form
// (the form Snowball's English stemmer was written for), so "mentalising"
// and "mentalizing" get one stem, and it lists each word of the site under
// both spellings, so that the browser finds either one by a plain look-up.
//
// Two kinds of rule: a list of stems that differ (behaviour/behavior,
// paediatric/pediatric, counselling/counseling), each followed only by an
// ending from spellingEndings, so that "labor" does not turn "laboratory"
// into "labouratory"; and the -ise/-ize and -yse/-yze endings, except for
// the words that end in -ise in American English too (advise, exercise).
// A rule that fires on a word it should not (precise -> precize) makes
// only an extra spelling that no one types: it cannot merge two words.

// spellingPairs lists British and American stems, British first.
var spellingPairs = [...][2]string{
	{"behaviour", "behavior"}, {"colour", "color"}, {"favour", "favor"},
	{"honour", "honor"}, {"humour", "humor"}, {"labour", "labor"},
	{"neighbour", "neighbor"}, {"rumour", "rumor"}, {"harbour", "harbor"},
	{"vigour", "vigor"}, {"flavour", "flavor"}, {"endeavour", "endeavor"},
	{"odour", "odor"}, {"tumour", "tumor"}, {"rigour", "rigor"},
	{"vapour", "vapor"}, {"armour", "armor"}, {"savour", "savor"},
	{"paediatric", "pediatric"}, {"orthopaedic", "orthopedic"},
	{"anaesthe", "anesthe"}, {"anaemi", "anemi"}, {"leukaemi", "leukemi"},
	{"haemorrhag", "hemorrhag"}, {"haematolog", "hematolog"},
	{"oesophag", "esophag"}, {"oestrogen", "estrogen"}, {"diarrhoea", "diarrhea"},
	{"foetus", "fetus"}, {"foetal", "fetal"}, {"gynaecolog", "gynecolog"},
	{"programme", "program"}, {"counsell", "counsel"}, {"travell", "travel"},
	{"cancell", "cancel"}, {"labell", "label"}, {"modell", "model"},
	{"signall", "signal"}, {"judgement", "judgment"}, {"ageing", "aging"},
	{"sceptic", "skeptic"}, {"defence", "defense"}, {"offence", "offense"},
	{"licence", "license"}, {"practise", "practice"}, {"practised", "practiced"},
	{"practising", "practicing"}, {"centre", "center"}, {"centred", "centered"},
	{"fibre", "fiber"}, {"theatre", "theater"}, {"grey", "gray"},
	{"catalogue", "catalog"}, {"manoeuvre", "maneuver"}, {"pyjama", "pajama"},
	{"mould", "mold"}, {"enrol", "enroll"}, {"fulfil", "fulfill"},
}

// spellingEndings are what may follow a stem of spellingPairs.
var spellingEndings = map[string]bool{
	"": true, "s": true, "ed": true, "ing": true, "al": true, "ally": true,
	"ful": true, "fully": true, "ite": true, "ites": true, "able": true,
	"ably": true, "er": true, "ers": true, "less": true, "hood": true,
	"hoods": true, "ist": true, "ists": true, "ism": true, "ment": true,
	"ments": true, "ia": true, "ic": true, "ics": true, "y": true, "ies": true,
}

// izeEndings are the endings after -is-/-iz- (organise, organisation).
var izeEndings = [...]string{"e", "es", "ed", "ing", "ation", "ations", "ational", "er", "ers", "able"}

// iseWords begin the words spelt -ise in American English too.
var iseWords = [...]string{
	"advis", "advertis", "chastis", "compris", "compromis", "demis",
	"despis", "devis", "disguis", "enterpris", "excis", "exercis",
	"expertis", "franchis", "improvis", "incis", "merchandis", "premis",
	"promis", "revis", "supervis", "surmis", "surpris", "televis",
	"otherwis", "likewis", "clockwis", "precis", "concis", "paradis",
	"treatis", "cruis", "bruis", "prais", "nois", "pois", "tortois",
	"turquois", "porpois", "appris",
}

// american returns the American spelling of a folded word, or the word.
func american(w string) string {
	for _, p := range spellingPairs {
		if rest, ok := strings.CutPrefix(w, p[0]); ok && spellingEndings[rest] {
			return p[1] + rest
		}
	}
	if v, ok := swapEnding(w, "is", "iz", 3); ok && !isIseWord(w) {
		return v
	}
	if v, ok := swapEnding(w, "ys", "yz", 2); ok {
		return v
	}
	return w
}

// british returns the British spelling of a folded word, or the word.
func british(w string) string {
	for _, p := range spellingPairs {
		if rest, ok := strings.CutPrefix(w, p[1]); ok && spellingEndings[rest] {
			return p[0] + rest
		}
	}
	if v, ok := swapEnding(w, "iz", "is", 3); ok {
		return v
	}
	if v, ok := swapEnding(w, "yz", "ys", 2); ok {
		return v
	}
	return w
}

// swapEnding replaces from with to in w when from is followed by one of
// izeEndings and preceded by at least min letters.
func swapEnding(w, from, to string, min int) (string, bool) {
	for _, e := range izeEndings {
		stem, ok := strings.CutSuffix(w, from+e)
		if ok && len(stem) >= min {
			return stem + to + e, true
		}
	}
	return w, false
}

func isIseWord(w string) bool {
	for _, p := range iseWords {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// Spellings returns a folded word's other spelling (British for an
// American word, American for a British one), or nil when it has none.
func Spellings(w string) []string {
	if a := american(w); a != w {
		return []string{a}
	}
	if b := british(w); b != w {
		return []string{b}
	}
	return nil
}
