package trust

// Which formula measures a text depends on its language. Readability
// formulas are fitted to one language's words and sentences: Flesch's
// reading ease, fitted to English, calls most Spanish or German text hard
// because their words are longer. So each language Pamphlet measures has a
// formula made for it, and its own rules for counting syllables:
//
//   - English (en, en-*): Flesch-Kincaid grade and SMOG, with Flesch's
//     reading ease beside them (Flesch 1948; Kincaid et al. 1975;
//     McLaughlin 1969).
//   - Spanish (es, es-*): Szigriszt-Pazos's index of perspicuity (1993),
//     206.835 - 62.3*syllables/words - words/sentences, read on the INFLESZ
//     scale that Barrio-Cantalejo et al. (2008) validated on patient
//     information; and, beside it, Fernández Huerta's formula (1959) as
//     corrected (see fernandezHuerta).
//   - German (de, de-*): Amstad's reading ease (1978),
//     180 - ASL - 58.5*ASW.
//   - French (fr, fr-*): Kandel and Moles's reading ease (1958),
//     207 - 1.015*ASL - 73.6*ASW.
//
// ASL is the average sentence length in words, ASW the average number of
// syllables per word. The constants were checked against the koRpus
// reference manual (flesch(): "de" Amstad, "fr" Kandel-Moles, "es"
// Fernández Huerta, "es-s" Szigriszt), Yoast's table of Flesch
// adaptations (YoastSEO.js issue 267), legible.es's pages on the
// Szigriszt-Pazos and Fernández Huerta formulas, and Gwillim Law's note on
// the error in Fernández Huerta's formula (LINGUIST List 22.2332, 2011).
//
// Every other language is not measured: no number is better than a number
// from a formula that does not fit the language. Formulas have been
// proposed for others (Welsh, Polish, Arabic), but Pamphlet knows none well
// established enough to judge patient information by.

import "strings"

// Formula names, as Readability.Formula and the check's report give them.
const (
	FormulaFleschKincaid = "Flesch-Kincaid"
	FormulaSzigriszt     = "Szigriszt-Pazos (INFLESZ)"
	FormulaAmstad        = "Amstad"
	FormulaKandelMoles   = "Kandel-Moles"
)

// langKind is a language as far as readability goes: one with its own
// formula and syllable rules, or one that is not measured.
type langKind uint8

const (
	langEnglish langKind = iota
	langSpanish
	langGerman
	langFrench
	langOther // not measured

	numMeasured = langOther // the languages with a formula
)

// langOf returns the kind of a BCP 47 tag, by its primary language subtag
// ("es" of "es-MX"), without regard to case. An empty tag is English, the
// site's default language.
func langOf(tag string) langKind {
	base, _, _ := strings.Cut(tag, "-")
	base, _, _ = strings.Cut(base, "_")
	switch strings.ToLower(base) {
	case "", "en":
		return langEnglish
	case "es":
		return langSpanish
	case "de":
		return langGerman
	case "fr":
		return langFrench
	}
	return langOther
}

// formula returns the name of the formula a language is measured by, or ""
// when it is not measured.
func (l langKind) formula() string {
	switch l {
	case langEnglish:
		return FormulaFleschKincaid
	case langSpanish:
		return FormulaSzigriszt
	case langGerman:
		return FormulaAmstad
	case langFrench:
		return FormulaKandelMoles
	}
	return ""
}

// ease returns the reading ease of words in sentences with syllables by
// the language's formula: about 0 to 100, higher is easier. For English it
// is Flesch's reading ease, which Pamphlet reports beside the grades.
func (l langKind) ease(words, sentences, syllables int) float64 {
	asl := float64(words) / float64(sentences)
	asw := float64(syllables) / float64(words)
	switch l {
	case langSpanish:
		return 206.835 - 62.3*asw - asl
	case langGerman:
		return 180 - asl - 58.5*asw
	case langFrench:
		return 207 - 1.015*asl - 73.6*asw
	}
	return 206.835 - 1.015*asl - 84.6*asw
}

// fernandezHuerta returns Fernández Huerta's reading ease for Spanish:
//
//	206.84 - 0.60*P - 1.02*F
//
// where P is the number of syllables per 100 words and F the average
// number of words per sentence; that is 206.84 - 60*ASW - 1.02*ASL.
//
// This is the corrected form. The formula is usually quoted with F as the
// number of sentences per 100 words, as Fernández Huerta printed it (1959),
// but then more, shorter sentences would make a text harder, and the
// formula would not be the adaptation of Flesch's it was meant to be, whose
// term is 1.015 times the words per sentence. Gwillim Law pointed out the
// error (LINGUIST List 22.2332, 2011), and legible.es and koRpus use the
// corrected form, as Pamphlet does. Quotations that take P as syllables per
// word rather than per 100 words are wrong too: 0.60 per word would hardly
// move the score.
func fernandezHuerta(words, sentences, syllables int) float64 {
	asl := float64(words) / float64(sentences)
	asw := float64(syllables) / float64(words)
	return 206.84 - 60*asw - 1.02*asl
}

// band names the band of an ease score on the formula's own scale: for
// Spanish the INFLESZ scale (Barrio-Cantalejo et al. 2008), for German and
// French Flesch's own table, which Amstad and Kandel and Moles kept.
func (l langKind) band(score float64) string {
	if l == langSpanish {
		switch {
		case score > 80:
			return "very easy"
		case score >= 65:
			return "fairly easy"
		case score >= 55:
			return "normal"
		case score >= 40:
			return "somewhat difficult"
		}
		return "very difficult"
	}
	switch {
	case score >= 90:
		return "very easy"
	case score >= 80:
		return "easy"
	case score >= 70:
		return "fairly easy"
	case score >= 60:
		return "standard"
	case score >= 50:
		return "fairly difficult"
	case score >= 30:
		return "difficult"
	}
	return "very difficult"
}

// fleschTable is Flesch's table of reading ease and school grade (The Art
// of Readable Writing, 1949): 90-100 grade 5, 80-90 grade 6, 70-80 grade 7,
// 60-70 grades 8 and 9, 50-60 grades 10 to 12, 30-50 college (grades 13 to
// 16), 0-30 college graduate. Each band's scores are spread evenly over
// its grades, so that 65 is grade 9 and 55 grade 11.5, and the bottom band
// ends at grade 18, the highest readability_target takes.
var fleschTable = [...]struct{ ease, grade float64 }{
	{100, 5}, {90, 6}, {80, 7}, {70, 8}, {60, 10}, {50, 13}, {30, 17}, {0, 18},
}

// gradeFromEase converts a reading ease on Flesch's 0-100 scale to an
// approximate US school grade by Flesch's table, linearly between its
// points; scores above 100 are grade 5 and scores below 0 grade 18.
//
// It is an approximation: the formulas for other languages share Flesch's
// scale, but they were not fitted to school grades, and a grade is not
// the same thing in every school system. It is what lets a site keep one
// readability_target for pages in several languages.
func gradeFromEase(ease float64) float64 {
	t := fleschTable
	if ease >= t[0].ease {
		return t[0].grade
	}
	for i := 1; i < len(t); i++ {
		if ease >= t[i].ease {
			hi, lo := t[i-1], t[i]
			return lo.grade + (ease-lo.ease)*(hi.grade-lo.grade)/(hi.ease-lo.ease)
		}
	}
	return t[len(t)-1].grade
}

// notMeasured says why a text in the language tag was not measured.
func notMeasured(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	name := languageNames[strings.ToLower(base)]
	if name == "" {
		name = "this language"
	}
	return "Pamphlet has no well-established formula for " + name + " (" + tag + ")"
}

// languageNames are the English names of languages patient information is
// often written in, by primary language subtag, for saying which language
// was not measured.
var languageNames = map[string]string{
	"am": "Amharic", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali",
	"bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
	"da": "Danish", "de": "German", "el": "Greek", "en": "English",
	"es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
	"fi": "Finnish", "fr": "French", "ga": "Irish", "gd": "Scottish Gaelic",
	"gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi",
	"hr": "Croatian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian",
	"is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
	"ko": "Korean", "ku": "Kurdish", "lt": "Lithuanian", "lv": "Latvian",
	"mk": "Macedonian", "ms": "Malay", "mt": "Maltese", "nb": "Norwegian Bokmål",
	"ne": "Nepali", "nl": "Dutch", "nn": "Norwegian Nynorsk", "no": "Norwegian",
	"pa": "Punjabi", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese",
	"ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
	"so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish",
	"sw": "Swahili", "ta": "Tamil", "th": "Thai", "ti": "Tigrinya",
	"tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
	"vi": "Vietnamese", "yi": "Yiddish", "yo": "Yoruba", "zh": "Chinese",
}
