package trust

// Readability scores are estimates: they count words, sentences and
// syllables, and know nothing of meaning. What makes them worth reporting is
// that the counting is careful and documented, so an editor who disagrees
// with a grade can see why it came out that way:
//
//   - Sentences end at . ! ? and … and at the end of a block, but not at
//     abbreviations, decimals, initials, URLs or e-mail addresses. When a
//     full stop is ambiguous the sentence goes on: joining two sentences
//     makes a page look harder than it is, splitting one makes it look
//     easier, and a checker for patient information should err on the side
//     of caution.
//   - Syllables are counted by English spelling rules with a short list of
//     exceptions (see CountSyllables). testdata/syllables.txt and
//     testdata/syllables-sample.txt hold dictionary counts to check them.
//     Spanish, German and French have rules of their own (readability_es.go,
//     readability_de.go, readability_fr.go), checked against
//     testdata/syllables-es.txt, -de.txt and -fr.txt.
//   - Each language is measured by a formula made for it, or not at all
//     (see readability_lang.go): MeasureLang.
//
// Non-goals: parsing Markdown or HTML (the caller passes plain text), and
// telling a page's language from its words (the caller says which it is).

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Readability is how hard the prose of a page is to read, by the formula
// for its language, and as a US school grade. Health-information standards
// ask for grade 8 or below (NIH, CDC), or grade 6 (AMA).
//
// The counts the scores come from are kept, so that a report can show its
// working. Every field is zero when the text has no words.
type Readability struct {
	// Lang is the language tag the text was measured as ("en-GB", "es").
	Lang string

	// Formula names the formula the text was measured by:
	// FormulaFleschKincaid for English (with SMOG and Flesch's reading ease
	// beside it), FormulaSzigriszt for Spanish, FormulaAmstad for German,
	// FormulaKandelMoles for French. It is "" when Pamphlet has no formula
	// for the language, and NotMeasured then says so in a sentence for the
	// page's editor; the words and sentences are still counted.
	Formula     string
	NotMeasured string

	// Score is the formula's own figure: the Flesch-Kincaid grade for
	// English; for the other languages a reading ease on Flesch's scale,
	// about 0 to 100, higher is easier. Band names its band on the
	// formula's own scale ("normal" on the INFLESZ scale for Spanish,
	// Flesch's "fairly easy" and so on for German and French); English
	// grades need none, and have "".
	Score float64
	Band  string

	// FernandezHuerta is Spanish text's reading ease by Fernández Huerta's
	// formula, corrected (see fernandezHuerta), reported beside the
	// Szigriszt-Pazos score; 0 for other languages.
	FernandezHuerta float64

	// Grade is the US school grade to compare with a target. For English
	// it is the higher of the Flesch-Kincaid and SMOG grades. For the other
	// languages it is read off Flesch's table of reading ease and grade
	// (see gradeFromEase), and GradeApprox is true: it is an approximation,
	// and reports give the formula's own Score and Band first.
	Grade       float64
	GradeApprox bool

	// Words, Sentences and Syllables are totals for the page;
	// Polysyllables counts the words of three or more syllables. Texts in
	// languages that are not measured have their words and sentences
	// counted, but not their syllables.
	Words, Sentences, Syllables, Polysyllables int

	// FleschKincaidGrade is 0.39*ASL + 11.8*ASW - 15.59, where ASL is the
	// average sentence length in words and ASW the average number of
	// syllables per word. It can be below zero for very easy text. It and
	// the next two are for English only, and 0 for other languages.
	FleschKincaidGrade float64

	// FleschReadingEase is 206.835 - 1.015*ASL - 84.6*ASW: about 0 to 100,
	// higher is easier; 60 to 70 is plain English.
	FleschReadingEase float64

	// SMOGGrade is 1.0430*sqrt(Polysyllables*30/Sentences) + 3.1291
	// (McLaughlin 1969). It is the grade preferred for health material,
	// because Flesch-Kincaid tends to underestimate difficulty, but it
	// needs about 30 sentences to be stable: see Stable.
	SMOGGrade float64

	// Hardest holds the sentences with the highest grades of their own
	// (for languages other than English, the lowest scores), hardest
	// first, at most three of them, so that an editor knows where to
	// start. Ties go to the longer sentence. Sentences of fewer than five
	// words come after all longer ones, as their grade says nothing but how
	// long their words are (a one-word heading such as "Assessment" has a
	// grade of 20).
	Hardest []Sentence
}

// Measured reports whether the text was measured by a formula: false for
// a language Pamphlet has no formula for, and for a text without words.
func (r Readability) Measured() bool { return r.Formula != "" }

// Stable reports whether the text has the 30 sentences that SMOG was
// validated on. Reports should give the sentence count with the grade when
// it is not.
func (r Readability) Stable() bool { return r.Sentences >= 30 }

// Sentence is one sentence of a page and its counts.
type Sentence struct {
	// Text is the sentence as it was written, with closing quotes and
	// brackets, trimmed of the space around it.
	Text string

	Words, Syllables, Polysyllables int

	// Grade is the Flesch-Kincaid grade of the sentence on its own:
	// 0.39*Words + 11.8*Syllables/Words - 15.59. For other languages it is
	// the grade Flesch's table gives Score, an approximation.
	Grade float64

	// Score is the sentence's own reading ease by the formula for its
	// language; 0 for English, whose sentences are graded by Grade.
	Score float64
}

// Measure returns the readability of the prose of a page.
//
// Each block is the plain text of one paragraph, list item, heading or
// table cell, with the Markdown taken out; the caller leaves out code,
// navigation and the reference list. A sentence never runs from one block
// into the next, and a block without a full stop (a heading, a list item)
// is still a sentence. Citations in square brackets, such as
// "[@bateman1999; @bateman2009]", and bare "@key" citations are skipped if
// the caller has left them in.
//
// How words are counted:
//   - A word is a run of letters (in any script) and digits. Apostrophes
//     and hyphens inside it do not split it: "people's" and "self-harm" are
//     one word each; dashes such as "—" separate words.
//   - A number ("18", "2.5", "1,000", "24/7") is one word of one syllable,
//     whatever its length, the usual convention. (SMOG's own instructions
//     say to read numbers aloud; crisis pages are full of phone numbers
//     that are easy to read but would count as long words that way.)
//   - A URL or e-mail address ("samaritans.org") is likewise one word of
//     one syllable: readers copy it rather than read it.
//   - Abbreviations said letter by letter ("MBT", "NHS", "U.S.", "e.g.")
//     have a syllable per letter (W has three). SMOG's instructions ask
//     for abbreviations to be read in full, which needs to know what they
//     stand for; the letters are the nearest measure, and like the full
//     words they make most initialisms count as long words. See
//     CountSyllables.
//
// Measure is safe for concurrent use. It measures English text: it is
// MeasureLang("en", blocks).
func Measure(blocks []string) Readability {
	return MeasureLang("en", blocks)
}

// MeasureLang returns the readability of the prose of a page written in
// the language lang, a BCP 47 tag such as "en-GB", "es-MX", "de" or "cy".
// Blocks are as Measure takes them.
//
// English is measured as Measure documents. Spanish, German and French are
// measured by formulas made for them, with syllables counted by their own
// spelling rules (see readability_lang.go, and CountSyllablesLang); their
// grade is an approximation (see Readability.Grade). Sentences end as in
// English, with each language's abbreviations ("z. B.", "p. ex.", "Sra."),
// its quotation marks (« », „ “) and Spanish's opening ¿ and ¡ taken into
// account. Any other language is not measured: MeasureLang counts its
// words and sentences and says, in NotMeasured, why it has no score.
//
// MeasureLang is safe for concurrent use.
func MeasureLang(lang string, blocks []string) Readability {
	l := langOf(lang)
	m := measurer{lang: l}
	if l != langOther {
		m.c = getCounter(l)
		defer counters[l].Put(m.c)
	}
	for _, b := range blocks {
		m.block(b)
	}
	r := m.result()
	if r.Words > 0 {
		r.Lang = lang
		if r.Lang == "" {
			r.Lang = "en"
		}
		if l == langOther {
			r.NotMeasured = notMeasured(lang)
		}
	}
	return r
}

// CountSyllables returns the number of syllables in word, as Measure counts
// them. It is meant for one word; given more, it returns the total for the
// words it finds, and 0 when there are none.
//
// English spelling is counted by vowel groups with the usual corrections: a
// silent final e ("make") except in "-le" and "-re" after a consonant
// ("table", "centre"); "-ed" that adds no syllable ("helped", but "wanted");
// "-es" that does ("places", but "makes"); y as a vowel ("therapy") or a
// consonant ("yes", "beyond"); vowel pairs said as two syllables ("area",
// "anxiety", "suicide", "psychiatric", "curious") or one ("social",
// "patient", "question"); suffixes that keep a silent e silent ("lonely",
// "careful", "statement"); and compounds ("someone", "guideline"). A short
// list covers common words the rules get wrong ("people", "maybe",
// "business"). Forms of words that dictionaries give two counts for
// ("every", "family", "different") get the count of their spelling:
// every = 3.
//
// A word of two to six capitals with no vowel between its first and last
// letters ("MBT", "NHS", "UK", "OK", "WHO") is read letter by letter; one
// with a vowel inside ("NICE", "SHOUT") is read as a word. Dotted
// abbreviations ("e.g.", "U.S.") are read letter by letter too.
func CountSyllables(word string) int {
	return countSyllables(langEnglish, word)
}

// CountSyllablesLang returns the number of syllables in word by the rules
// of the language lang (a BCP 47 tag), as MeasureLang counts them; for a
// language Pamphlet does not measure, it returns 0.
//
// Spanish, German and French words are counted by vowel groups with the
// rules of each language; see spanishSyllables, germanSyllables and
// frenchSyllables. In every language a number, a URL or an e-mail address
// is one syllable, and an abbreviation said letter by letter ("OMS",
// "ADHS", "z.B.") has the syllables of the letters' names.
func CountSyllablesLang(lang, word string) int {
	l := langOf(lang)
	if l == langOther {
		return 0
	}
	return countSyllables(l, word)
}

func countSyllables(l langKind, word string) int {
	c := counter{lang: l}
	total := 0
	for i := 0; i < len(word); {
		r, size := utf8.DecodeRuneInString(word[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		if startsChunk(word, i) {
			if n := urlLen(word[i:]); n > 0 {
				total++
				i += n
				continue
			}
		}
		n := wordLen(word[i:])
		total += c.token(word[i : i+n])
		i += n
	}
	return total
}

// measurer accumulates the counts of a page, block by block.
type measurer struct {
	r       Readability
	hardest [3]Sentence
	nh      int
	c       *counter
	lang    langKind
	all     *[]Sentence // every sentence, for tests
}

func (m *measurer) result() Readability {
	r := m.r
	if r.Words == 0 || r.Sentences == 0 {
		return Readability{}
	}
	r.Formula = m.lang.formula()
	switch m.lang {
	case langOther:
		return r
	case langEnglish:
		asl := float64(r.Words) / float64(r.Sentences)
		asw := float64(r.Syllables) / float64(r.Words)
		r.FleschKincaidGrade = 0.39*asl + 11.8*asw - 15.59
		r.FleschReadingEase = 206.835 - 1.015*asl - 84.6*asw
		r.SMOGGrade = 1.0430*math.Sqrt(float64(r.Polysyllables)*30/float64(r.Sentences)) + 3.1291
		r.Score = r.FleschKincaidGrade
		r.Grade = max(r.FleschKincaidGrade, r.SMOGGrade)
	default:
		r.Score = m.lang.ease(r.Words, r.Sentences, r.Syllables)
		r.Band = m.lang.band(r.Score)
		r.Grade, r.GradeApprox = gradeFromEase(r.Score), true
		if m.lang == langSpanish {
			r.FernandezHuerta = fernandezHuerta(r.Words, r.Sentences, r.Syllables)
		}
	}
	if m.nh > 0 {
		r.Hardest = append([]Sentence(nil), m.hardest[:m.nh]...)
	}
	return r
}

// sentence adds a finished sentence to the totals and, if it is among the
// hardest so far, to Hardest.
func (m *measurer) sentence(s Sentence) {
	if s.Words == 0 {
		return
	}
	m.r.Sentences++
	m.r.Words += s.Words
	m.r.Syllables += s.Syllables
	m.r.Polysyllables += s.Polysyllables
	switch m.lang {
	case langEnglish:
		s.Grade = fkGrade(s.Words, s.Syllables)
	case langOther:
		// Nothing to rank sentences by.
	default:
		s.Score = m.lang.ease(s.Words, 1, s.Syllables)
		s.Grade = gradeFromEase(s.Score)
	}
	s.Text = strings.TrimSpace(s.Text)
	if m.all != nil {
		*m.all = append(*m.all, s)
	}
	if m.lang == langOther {
		return
	}

	// Insert into the sorted top three; on a tie the earlier sentence stays
	// ahead, so the result does not depend on anything but the text.
	byScore := m.lang != langEnglish
	i := m.nh
	for i > 0 && harder(s, m.hardest[i-1], byScore) {
		i--
	}
	if i == len(m.hardest) {
		return
	}
	if m.nh < len(m.hardest) {
		m.nh++
	}
	copy(m.hardest[i+1:m.nh], m.hardest[i:m.nh-1])
	m.hardest[i] = s
}

// hardestMinWords is the length below which a sentence ranks after all
// longer ones in Hardest. The grade of a few words measures only how long
// those words are: the heading "Assessment" has a grade of 20.2, and an
// editor can do nothing with it.
const hardestMinWords = 5

// harder orders sentences for Hardest: sentences of hardestMinWords or more
// first, then by their own grade (or, byScore, by their own reading ease,
// lowest first: the grade Flesch's table gives stops at 18), then by
// length in words and in bytes.
func harder(a, b Sentence, byScore bool) bool {
	if la, lb := a.Words >= hardestMinWords, b.Words >= hardestMinWords; la != lb {
		return la
	}
	if byScore && a.Score != b.Score {
		return a.Score < b.Score
	}
	if a.Grade != b.Grade {
		return a.Grade > b.Grade
	}
	if a.Words != b.Words {
		return a.Words > b.Words
	}
	return len(a.Text) > len(b.Text)
}

func fkGrade(words, syllables int) float64 {
	return 0.39*float64(words) + 11.8*float64(syllables)/float64(words) - 15.59
}

// block measures one block of text. A block always ends a sentence.
func (m *measurer) block(text string) {
	var (
		cur         Sentence
		start       int    // where the current sentence begins
		lastWord    string // the last word seen, for abbreviations
		lastWordEnd = -1   // and where it ends
	)
	for i := 0; i < len(text); {
		var r rune
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == ' ':
			i++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// An address counts as one word of one syllable. A word that
			// ends the text or a space cannot start one (see
			// FuzzWordEndsBeforeURL), which spares most words the search.
			n := wordLen(text[i:])
			syl := 0
			if i+n < len(text) && !isASCIISpace(text[i+n]) && startsChunk(text, i) {
				if u := urlLen(text[i:]); u > 0 {
					n, syl = u, 1
				}
			}
			if syl == 0 && m.c != nil {
				syl = m.c.token(text[i : i+n])
			}
			cur.Words++
			cur.Syllables += syl
			if syl >= 3 {
				cur.Polysyllables++
			}
			lastWord, lastWordEnd = text[i:i+n], i+n
			i += n
		case r == '[':
			if n := citationLen(text[i:]); n > 0 {
				i += n
			} else {
				i += size
			}
		case r == '@' && i+1 < len(text) && !precededByWord(text, i):
			i += citationKeyLen(text[i:])
		case r == '.' || r == '!' || r == '?' || r == '…':
			word := ""
			if lastWordEnd == i {
				word = lastWord
			}
			end, next := sentenceEnd(text, i, word, m.lang)
			if end {
				cur.Text = text[start:next]
				m.sentence(cur)
				cur = Sentence{}
				start = next
			}
			i = next
		default:
			i += size
		}
	}
	cur.Text = text[start:]
	m.sentence(cur)
}

// sentenceEnd looks at the stops that begin at text[i] (". ! ? …") and
// reports whether they end a sentence, and the offset just past them and
// any closing quotes and brackets that follow. word is the word the stops
// are attached to, if there is one, for telling abbreviations apart; lang
// is the text's language, whose abbreviations and quotation marks differ.
func sentenceEnd(text string, i int, word string, lang langKind) (end bool, next int) {
	dots, bang := 0, false
	j := i
stops:
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch r {
		case '.':
			dots++
		case '!', '?':
			bang = true
		case '…':
			dots += 3
		default:
			break stops
		}
		j += size
	}
	k := closersEnd(text, j, lang)

	// What follows: nothing (the block ends), a word glued on without a
	// space ("end.Next", which is not prose), or the next word.
	p := k
	for p < len(text) {
		r, size := utf8.DecodeRuneInString(text[p:])
		if !unicode.IsSpace(r) {
			break
		}
		p += size
	}
	if p == len(text) {
		return true, k
	}
	if p == k {
		if r, _ := utf8.DecodeRuneInString(text[p:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false, k
		}
	}
	first := nextWordRune(text[p:])
	// Only the next few characters are looked at: looking through the
	// rest of the text at each sentence end cost the square of its length.
	if q := strings.IndexFunc(text[p:min(len(text), p+8+utf8.UTFMax)], isWordStart); q >= 0 && q < 8 && urlLen(text[p+q:]) > 0 {
		first = 'A' // "Call us. samaritans.org" has a link, not a lower-case word
	}
	lower, upper := unicode.IsLower(first), unicode.IsUpper(first) || unicode.IsTitle(first)

	switch {
	case bang:
		// `"Why?" she asked.` goes on.
		return !lower, k
	case dots > 1:
		// An ellipsis is a pause unless a new sentence clearly starts.
		return upper, k
	}
	if word != "" {
		kind := abbrevNone
		switch lang {
		case langEnglish:
			kind = abbreviation(word, first)
		default:
			kind = abbreviationLang(lang, word, text[p:])
		}
		switch kind {
		case abbrevNeverEnds:
			return false, k
		case abbrevMayEnd:
			return upper, k
		}
	}
	// An unknown abbreviation ("approx. five", "cf. the") is followed by a
	// lower-case word; a new sentence is not.
	return !lower, k
}

// nextWordRune returns the first letter or digit of s, skipping opening
// quotes, brackets and dashes, or 0 if there is none nearby. A citation
// key ("@fonagy2009") stands for a name, so it counts as a capital.
func nextWordRune(s string) rune {
	for n := 0; n < 8 && s != ""; n++ {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		if r == '@' {
			if r2, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsLetter(r2) {
				return 'A'
			}
		}
		s = s[size:]
	}
	return 0
}

func isWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}':
		return true
	}
	return false
}

// closersEnd returns the offset past the closing quotes and brackets at
// text[j:], after a sentence's stops. German closes quotations with “ ‘ «
// and ‹ („So.“, »So.«), which open them in English; French sets a space
// inside its guillemets (« Oui. »).
func closersEnd(text string, j int, lang langKind) int {
	k := j
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		switch {
		case isCloser(r):
		case lang == langGerman && (r == '“' || r == '‘' || r == '«' || r == '‹'):
		case lang == langFrench && unicode.IsSpace(r):
			// Spaces count only before a closing guillemet.
			q := k + size
			for q < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[q:])
				if !unicode.IsSpace(r2) {
					break
				}
				q += s2
			}
			if r2, _ := utf8.DecodeRuneInString(text[q:]); q == len(text) || (r2 != '»' && r2 != '›') {
				return k
			}
			size = q - k
		default:
			return k
		}
		k += size
	}
	return k
}

type abbrevKind int

const (
	abbrevNone      abbrevKind = iota
	abbrevNeverEnds            // "Dr.", "e.g.", "U.S.", "A. Bateman"
	abbrevMayEnd               // "etc.", "et al.", "a.m.": end when a capital follows
)

// abbreviation reports whether word, followed by a full stop and then a
// word that starts with next, is an abbreviation rather than the end of a
// sentence.
func abbreviation(word string, next rune) abbrevKind {
	if strings.Contains(word, ".") {
		// Dotted: "e.g", "i.e", "U.S", "a.m". Lower-case ones other than
		// e.g. and i.e. often end sentences ("at 9 a.m."), capitals rarely.
		lw := strings.ToLower(word)
		if lw == "e.g" || lw == "i.e" || strings.ToUpper(word) == word {
			return abbrevNeverEnds
		}
		return abbrevMayEnd
	}
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) {
		return abbrevNeverEnds // an initial: "A. Bateman"
	}
	if len(word) > 6 {
		return abbrevNone
	}
	var buf [6]byte
	lw := buf[:0]
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lw = append(lw, c)
	}
	switch string(lw) {
	case "dr", "mr", "mrs", "ms", "mx", "prof", "st", "vs", "fig", "figs",
		"approx", "cf", "incl", "eg", "ie", "viz":
		return abbrevNeverEnds
	case "no", "nos", "p", "pp", "vol", "ch":
		// "No. 5", "p. 12"; but "The answer was no."
		if unicode.IsDigit(next) {
			return abbrevNeverEnds
		}
	case "etc", "al":
		return abbrevMayEnd
	}
	return abbrevNone
}

// startsChunk reports whether text[i] begins a run of non-space text,
// perhaps after opening punctuation: the only places a URL can start.
func startsChunk(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '<', '"', '\'', '“', '‘', '«', '„', '‚', '»', '¿', '¡':
		return true
	}
	return false
}

func isASCIISpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func precededByWord(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// maxURLLen is the longest address urlLen finds.
const maxURLLen = 512

// urlLen returns the length of the URL or e-mail address at the start of
// s, without trailing punctuation, or 0 if there is none. It knows
// "https://…", "www.…", "mailto:…", "name@host.org" and bare domains with
// a lower-case top-level domain ("samaritans.org", "nhs.uk/111").
func urlLen(s string) int {
	// An address is looked for from every place a chunk of text may
	// start ("[a][a][a]..." has one at each "a"), and each look reads to
	// the end of the chunk: a bound on its length keeps a long chunk
	// without spaces from costing the square of its length. No address a
	// patient is asked to type is longer.
	if len(s) > maxURLLen {
		s = s[:maxURLLen]
	}
	// Most words are not URLs: find the end of the chunk and give up early
	// if it has no . @ or : inside it, as every URL has.
	end, marks := len(s), false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			end = i
			break
		}
		if c >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				end = i
				break
			}
		}
		// Every URL has a . @ or : with a letter or digit after it, or
		// a :/ ("samaritans.org", "a@b.org", "mailto:x", "https://").
		if (c == '.' || c == '@' || c == ':') && i+1 < len(s) {
			n := s[i+1]
			marks = marks || 'a' <= n && n <= 'z' || 'A' <= n && n <= 'Z' || '0' <= n && n <= '9' || c == ':' && n == '/'
		}
	}
	if !marks {
		return 0
	}
	core := strings.TrimRight(s[:end], `.,;:!?"')]}>»”’…`)
	if core == "" {
		return 0
	}
	if strings.Contains(core, "://") || hasPrefixFold(core, "www.") || hasPrefixFold(core, "mailto:") {
		return len(core)
	}
	if at := strings.IndexByte(core, '@'); at > 0 {
		if isDomain(core[at+1:]) {
			return len(core)
		}
		return 0
	}
	host := core
	if k := strings.IndexByte(core, '/'); k >= 0 {
		host = core[:k]
	}
	if isDomain(host) {
		return len(core)
	}
	return 0
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isDomain reports whether h looks like a host name: two or more labels of
// ASCII letters, digits and hyphens, the last one two or more lower-case
// letters. "e.g", "U.S" and "2.5" are not.
func isDomain(h string) bool {
	labels := 0
	for h != "" {
		label := h
		if k := strings.IndexByte(h, '.'); k >= 0 {
			label, h = h[:k], h[k+1:]
		} else {
			h = ""
		}
		if label == "" || len(label) > 63 {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
		labels++
		if h == "" {
			if labels < 2 || len(label) < 2 {
				return false
			}
			for i := 0; i < len(label); i++ {
				if c := label[i]; c < 'a' || c > 'z' {
					return false
				}
			}
		}
	}
	return labels >= 2
}

// citationLen returns the length of a bracketed citation such as
// "[@bateman1999; @bateman2009, p. 3]" at the start of s, or 0.
func citationLen(s string) int {
	for i := 1; i < len(s) && i < 500; i++ {
		switch s[i] {
		case ']':
			if strings.IndexByte(s[:i], '@') > 0 {
				return i + 1
			}
			return 0
		case '[', '\n':
			return 0
		}
	}
	return 0
}

// citationKeyLen returns the length of a bare citation key such as
// "@bateman1999" at the start of s.
func citationKeyLen(s string) int {
	i := 1
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
		case r == '-' || r == ':' || r == '.' || r == '/':
			// Inside the key only: "@smith:2020", not the full stop after it.
			r2, _ := utf8.DecodeRuneInString(s[i+size:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				return i
			}
		default:
			return i
		}
		i += size
	}
	return i
}

// wordLen returns the length of the word at the start of s, which starts
// with a letter or digit. Apostrophes, hyphens and "&" join letters
// ("people's", "self-harm", "A&E"); full stops join single letters
// ("e.g", "U.S"); . , : / join digits ("2.5", "1,000", "24/7"); and a full
// stop joins a Spanish ordinal's ending to its number ("1.º", "3.ª").
func wordLen(s string) int {
	i := 0
	var prev rune // the last rune of the word so far
	run := 0      // letters since the last joiner
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			run++ // the common case, without decoding
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u00ad' {
			if unicode.IsLetter(r) {
				run++
			} else if unicode.IsDigit(r) {
				run = 0
			}
			prev = r
			i += size
			continue
		}
		if i == 0 || i+size >= len(s) {
			break
		}
		next, nsize := utf8.DecodeRuneInString(s[i+size:])
		joined := false
		switch r {
		case '\'', '’', 'ʼ':
			joined = unicode.IsLetter(prev) && unicode.IsLetter(next)
		case '-', '‐', '‑':
			joined = (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next))
		case '&':
			joined = unicode.IsUpper(prev) && unicode.IsUpper(next)
		case '.':
			joined = unicode.IsDigit(prev) && (unicode.IsDigit(next) || next == 'º' || next == 'ª') ||
				run == 1 && unicode.IsLetter(prev) && unicode.IsLetter(next) && singleLetterFollows(s[i+size:])
		case ',', ':', '/':
			joined = unicode.IsDigit(prev) && unicode.IsDigit(next)
		}
		if !joined {
			break
		}
		run = 0
		prev = next
		i += size + nsize
		if unicode.IsLetter(next) {
			run = 1
		}
	}
	return i
}

// singleLetterFollows reports whether s starts with one letter and then not
// another letter: the "S" in "U.S", not the "Then" in "A.Then".
func singleLetterFollows(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	r, _ := utf8.DecodeRuneInString(s[size:])
	return !unicode.IsLetter(r)
}

// counter counts syllables by the rules of one language. Its buffers are
// reused from word to word, so a counter is not safe for concurrent use;
// MeasureLang takes one from counters.
type counter struct {
	buf   []byte
	runes []rune // the word being counted, for languages other than English
	// cache holds the syllables of each token seen, by its spelling: pages
	// repeat their words, and sites their vocabulary. Nil means no cache.
	cache map[string]int
	lang  langKind
}

// counters holds counters with caches, about one per core for each
// language measured: a cache holds one language's counts ("come" has one
// syllable in English and two in Spanish). A plain map per counter costs a
// fifth of a shared sync.Map, which took 4% of a build.
var counters [numMeasured]sync.Pool

// getCounter returns a counter for l from counters, or a new one.
func getCounter(l langKind) *counter {
	if c, ok := counters[l].Get().(*counter); ok {
		return c
	}
	return &counter{cache: make(map[string]int), lang: l}
}

// maxCached bounds a counter's cache: a site's vocabulary is a few tens of
// thousands of spellings, but a long-running server sees edits come and go.
const maxCached = 1 << 17

// token returns the syllables of a word as wordLen found it: the sum of its
// hyphenated parts, with "&" read as "and".
//
// Tokens that start with a digit are counted afresh each time: numbers are
// an open vocabulary (years, doses, page numbers) that would fill the
// cache, and a run of digits is quick to count. On a 100,000-page site
// whose links each named a page by number, caching them made the cache
// too big for the processor's caches, and looking words up in it cost
// fifteen times what it did at 10,000 pages.
func (c *counter) token(tok string) int {
	if c.cache == nil || tok != "" && '0' <= tok[0] && tok[0] <= '9' {
		return c.count(tok)
	}
	if n, ok := c.cache[tok]; ok {
		return n
	}
	n := c.count(tok)
	if len(c.cache) >= maxCached {
		clear(c.cache)
	}
	c.cache[strings.Clone(tok)] = n
	return n
}

// count is token without the cache.
func (c *counter) count(tok string) int {
	total := 0
	for {
		k := strings.IndexFunc(tok, isPartSeparator)
		if k < 0 {
			return total + c.part(tok)
		}
		total += c.part(tok[:k])
		r, size := utf8.DecodeRuneInString(tok[k:])
		if r == '&' {
			total++
		}
		tok = tok[k+size:]
	}
}

func isPartSeparator(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '&'
}

// part returns the syllables of one part of a word: runs of digits are
// numbers of one syllable; runs of letters are words.
func (c *counter) part(p string) int {
	total := 0
	afterNumber := false
	for p != "" {
		r, _ := utf8.DecodeRuneInString(p)
		if unicode.IsDigit(r) {
			n := numberLen(p)
			total++
			p = p[n:]
			afterNumber = true
			continue
		}
		n := strings.IndexFunc(p, unicode.IsDigit)
		if n < 0 {
			n = len(p)
		}
		letters := p[:n]
		p = p[n:]
		if afterNumber && isNumberSuffix(c.lang, letters) {
			continue // "18th", "1990s", "1er", "2ª"
		}
		total += c.letters(letters)
		afterNumber = false
	}
	return total
}

func numberLen(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if '0' <= c && c <= '9' || (c == '.' || c == ',' || c == ':' || c == '/') && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsDigit(r) {
			break
		}
		i += size
	}
	return i
}

func isNumberSuffix(l langKind, s string) bool {
	s = strings.ToLower(s)
	switch l {
	case langSpanish:
		s = strings.TrimPrefix(s, ".") // "1.º"
		switch s {
		case "º", "ª", "o", "a", "os", "as", "er", "s":
			return true
		}
		return false
	case langGerman:
		return s == "er" || s == "s" // "80er", "1990s"
	case langFrench:
		switch s {
		case "e", "er", "re", "ème", "eme", "es", "ers", "res", "nd", "nde", "s":
			return true
		}
		return false
	}
	switch s {
	case "st", "nd", "rd", "th", "s":
		return true
	}
	return false
}

// letters returns the syllables of a run of letters, perhaps with
// apostrophes and dots inside.
func (c *counter) letters(w string) int {
	if w == "" {
		return 0
	}
	if c.lang != langEnglish {
		return c.lettersLang(w)
	}
	// Contractions and possessives: count the word, then what the ending
	// adds ("isn't" = is + n't, "nurse's" = nurse + 's).
	if k, size := lastApostrophe(w); k > 0 {
		base, end := w[:k], w[k+size:]
		switch {
		case strings.EqualFold(end, "t") && hasSuffixFold(base, "n"):
			stem := base[:len(base)-1]
			n := c.letters(stem)
			if stem != "" && (!isVowelByte(stem[len(stem)-1]|0x20) || hasSuffixFold(stem, "ve")) {
				n++ // "is-n't", "could-n't", "have-n't"; not "don't", "can't"
			}
			return n
		case strings.EqualFold(end, "s"):
			n := c.letters(base)
			for _, s := range []string{"s", "x", "z", "ch", "sh", "ce", "se", "ge", "ze"} {
				if hasSuffixFold(base, s) {
					n++ // "nurse's"
					break
				}
			}
			return n
		case strings.EqualFold(end, "re") || strings.EqualFold(end, "ve") || strings.EqualFold(end, "ll") ||
			strings.EqualFold(end, "d") || strings.EqualFold(end, "m"):
			return c.letters(base)
		}
	}
	if spelled(w) {
		n := 0
		for _, r := range w {
			switch {
			case r == 'W' || r == 'w':
				n += 3
			case unicode.IsLetter(r):
				n++
			}
		}
		return n
	}
	c.buf = fold(c.buf[:0], w)
	if len(c.buf) == 0 {
		return 0
	}
	return syllables(c.buf)
}

// lastApostrophe returns the index and size of the last apostrophe in w
// (' ’ ʼ), or -1.
func lastApostrophe(w string) (int, int) {
	for i := len(w) - 1; i >= 0; i-- {
		switch {
		case w[i] == '\'':
			return i, 1
		case w[i] == 0x99 && i >= 2 && w[i-2:i+1] == "’":
			return i - 2, 3
		case w[i] == 0xBC && i >= 1 && w[i-1:i+1] == "ʼ":
			return i - 1, 2
		}
	}
	return -1, 0
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// spelled reports whether w is read letter by letter: dotted ("e.g",
// "U.S") or in capitals with no vowel between its first and last letter
// ("MBT", "NHS", "UK", "WHO", but not "NICE" or "SHOUT").
func spelled(w string) bool {
	if strings.Contains(w, ".") {
		return true
	}
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	if n < 2 || n > 6 {
		return false
	}
	for i := 1; i < len(w)-1; i++ {
		switch w[i] {
		case 'A', 'E', 'I', 'O', 'U':
			return false
		}
	}
	return true
}

// latin1 maps U+00C0 to U+00FF to the letters syllables works on: accented
// vowels become upper-case vowels, which mark a vowel that is sounded on
// its own ("café", "naïve", "Zoë"); other letters lose their accent.
// '?' marks Æ, æ, and the two signs, which are handled apart.
const latin1 = "AAAAAA?cEEEEIIIIdnOOOOO?OUUUUYtsAAAAAA?cEEEEIIIIdnOOOOO?OUUUUYtY"

// fold appends the lower-case ASCII spelling of w to dst for counting:
// apostrophes, dots and combining marks go, accented vowels become marked
// vowels, and letters of other scripts become '#', a consonant.
func fold(dst []byte, w string) []byte {
	for _, r := range w {
		switch {
		case 'a' <= r && r <= 'z':
			dst = append(dst, byte(r))
		case 'A' <= r && r <= 'Z':
			dst = append(dst, byte(r)+'a'-'A')
		case r == 'æ' || r == 'Æ':
			dst = append(dst, 'a', 'e')
		case r == 'œ' || r == 'Œ':
			dst = append(dst, 'o', 'e')
		case 0xC0 <= r && r <= 0xFF:
			dst = append(dst, latin1[r-0xC0])
		case unicode.IsMark(r):
			// A combining accent on a vowel: "e\u0301" is "é".
			if n := len(dst); n > 0 && isVowelByte(dst[n-1]) {
				dst[n-1] = upper(dst[n-1])
			}
		case unicode.IsLetter(r):
			dst = append(dst, '#')
		}
	}
	return dst
}

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O', 'U', 'Y':
		return true
	}
	return false
}

// isMarked reports whether c is a vowel that is sounded on its own (an
// accented vowel, folded to upper case).
func isMarked(c byte) bool {
	return 'A' <= c && c <= 'Z'
}

// exceptions are words whose spelling misleads the rules below, with their
// dictionary counts (Merriam-Webster). They are checked for every stem too,
// so "elements" and "businesses" follow from "element" and "business".
var exceptions = map[string]int{
	"aches":         1,
	"acne":          2,
	"aisle":         1,
	"apostrophe":    4,
	"argue":         2,
	"business":      2,
	"cashier":       2,
	"catastrophe":   4,
	"conscience":    2,
	"conscientious": 4,
	"convenient":    3,
	"creature":      2,
	"crooked":       2,
	"diabetes":      4,
	"element":       3,
	"embed":         2,
	"familiar":      3,
	"frontier":      2,
	"headaches":     2,
	"inconvenient":  4,
	"isle":          1,
	"lenient":       3,
	"maybe":         2,
	"naive":         2,
	"naked":         2,
	"nevertheless":  4,
	"ninety":        2,
	"nonetheless":   3,
	"peculiar":      3,
	"people":        2,
	"persuade":      2,
	"psyche":        2,
	"recipe":        3,
	"rugged":        2,
	"safety":        2,
	"soldier":       2,
	"theater":       3,
	"theatre":       3,
	"whereas":       2,
	"wicked":        2,
}

// compoundEnds are second halves of compounds whose first half ends in a
// silent e ("some|one", "guide|line", "there|fore"), which the vowel rules
// would otherwise sound.
var compoundEnds = []string{
	"body", "care", "day", "fore", "free", "giver", "holder", "how", "life", "like",
	"line", "long", "one", "over", "side", "style", "thing", "time", "what",
	"where", "wise", "work",
}

// syllables counts the syllables of a folded word (lower-case ASCII, with
// upper-case marked vowels). It may change w.
func syllables(w []byte) int {
	if c, ok := exceptions[string(w)]; ok {
		return c
	}
	n := len(w)
	if n <= 3 {
		return vowelGroups(w)
	}

	// Plurals and the third person: "therapies", "places", "makes".
	switch {
	case hasSuffix(w, "ies"):
		w[n-3] = 'y'
		return syllables(w[:n-2])
	case hasSuffix(w, "es"):
		stem := w[:n-2]
		switch {
		case hasSuffix(stem, "ch") || hasSuffix(stem, "sh") || hasSuffix(stem, "ss") ||
			hasSuffix(stem, "zz") || hasSuffix(stem, "x"):
			return syllables(stem) + 1 // "wish-es"
		case w[n-3] == 'c' || w[n-3] == 'g' || w[n-3] == 's' || w[n-3] == 'z':
			return syllables(w[:n-1]) + 1 // "plac-es", "us-es"
		}
		return syllables(w[:n-1]) // "makes", "tables", "goes"
	case w[n-1] == 's' && !hasSuffix(w, "ss") && !hasSuffix(w, "us") && !hasSuffix(w, "is"):
		return syllables(w[:n-1])
	}

	if c, ok := compound(w); ok {
		return c
	}

	switch {
	case hasSuffix(w, "eed"):
		// "agreed", "needs" no special care.
	case hasSuffix(w, "ied"):
		w[n-3] = 'y'
		return syllables(w[:n-2]) // "tried", "studied"
	case hasSuffix(w, "ed") && hasVowel(w[:n-2]):
		if c := w[n-3]; c == 't' || c == 'd' {
			return syllables(w[:n-2]) + 1 // "want-ed", "need-ed"
		}
		return syllables(w[:n-1]) // "helped" as "helpe", "used" as "use"
	case hasSuffix(w, "being") && n > 5:
		return syllables(w[:n-5]) + 2 // "well-be-ing"
	case hasSuffix(w, "ing") && n >= 5 && hasVowel(w[:n-3]):
		return syllables(w[:n-3]) + 1
	case hasSuffix(w, "ment") && n >= 6 && hasVowel(w[:n-4]):
		return syllables(w[:n-4]) + 1
	case hasSuffix(w, "iness") && n >= 7:
		w[n-5] = 'y'
		return syllables(w[:n-4]) + 1 // "happiness" as "happy" + "ness"
	case (hasSuffix(w, "ness") || hasSuffix(w, "less")) && n >= 6 && hasVowel(w[:n-4]):
		return syllables(w[:n-4]) + 1
	case hasSuffix(w, "some") && n >= 7 && hasVowel(w[:n-4]):
		return syllables(w[:n-4]) + 1 // "awe-some"
	case hasSuffix(w, "ful") && n >= 5 && hasVowel(w[:n-3]):
		return syllables(w[:n-3]) + 1
	case hasSuffix(w, "ly") && hasVowel(w[:n-2]):
		return syllables(w[:n-2]) + 1 // "lone-ly", "sim-ply"
	}
	return vowelGroups(w)
}

// compound splits a compound whose first half ends in a silent e.
func compound(w []byte) (int, bool) {
	for _, end := range compoundEnds {
		k := len(w) - len(end)
		if k < 3 || w[k-1] != 'e' || !hasSuffix(w, end) {
			continue
		}
		first := w[:k]
		if isVowelByte(first[k-2]) || !hasVowel(first[:k-2]) {
			continue
		}
		if (first[k-2] == 'l' || first[k-2] == 'r') && !isVowelByte(first[k-3]) {
			continue // "-ble", "-tre": the e is sounded
		}
		return syllables(first) + syllables(w[len(first):]), true
	}
	return 0, false
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

func hasVowel(w []byte) bool {
	for _, c := range w {
		if isVowelByte(c) {
			return true
		}
	}
	return false
}

// vowelGroups counts the vowel sounds of a word with no suffix left to
// take off: groups of vowel letters, split where two vowels are said apart,
// less a silent final e.
func vowelGroups(w []byte) int {
	n := len(w)
	count := 0
	// v0, v1, v2: whether w[i], w[i-1], w[i-2] are vowels.
	var v0, v1, v2 bool
	for i := 0; i < n; i++ {
		v := isVowelAt(w, i, v0)
		if v && (!v0 || splits(w, i-1)) {
			count++
		}
		v2, v1, v0 = v1, v0, v
	}
	if count == 0 {
		return 1
	}
	// A final e on its own after a consonant is silent ("make"), unless it
	// makes the syllable of "-le" or "-re" after another consonant ("ta-ble",
	// "cen-tre").
	if n >= 2 && w[n-1] == 'e' && v0 && !v1 && count > 1 {
		c := w[n-2]
		syllabic := (c == 'l' || c == 'r') && n >= 3 && !v2 && w[n-3] != c
		if !syllabic {
			count--
		}
	}
	// "-ism", "-asm": the m is a syllable of its own ("au-tis-m").
	if n >= 3 && w[n-1] == 'm' && w[n-2] == 's' && isVowelByte(w[n-3]) {
		count++
	}
	// "rhythm", "algorithm".
	if n >= 4 && hasSuffix(w, "thm") && isVowelByte(w[n-4]) {
		count++
	}
	return count
}

// isVowelAt reports whether w[i] is said as a vowel; prevVowel is whether
// w[i-1] is.
func isVowelAt(w []byte, i int, prevVowel bool) bool {
	c := w[i]
	switch c {
	case 'a', 'e', 'i', 'o', 'A', 'E', 'I', 'O', 'U', 'Y':
		return true
	case 'u':
		if i == 0 {
			return true
		}
		p := w[i-1]
		if p == 'q' {
			return false // "question"
		}
		if p == 'g' {
			next := byte(0)
			if i+1 < len(w) {
				next = w[i+1]
			}
			// "guide", "language", "league".
			if isVowelByte(next) && (i == 1 || w[i-2] == 'n') {
				return false
			}
			if i >= 2 && i == len(w)-2 && next == 'e' {
				return false
			}
		}
		return true
	case 'y':
		if i == 0 {
			return false // "yes"
		}
		// After a vowel and before one, y is a consonant ("beyond",
		// "player", "lawyer"); otherwise a vowel ("therapy", "style").
		afterVowel := prevVowel || w[i-1] == 'w' && i >= 2 && isVowelByte(w[i-2])
		if afterVowel && i+1 < len(w) && isVowelByte(w[i+1]) {
			return false
		}
		return true
	}
	return false
}

// hiatusPrefixes are beginnings of words where two vowels that usually
// make one sound make two: "re|act", "co|operate", "cre|ate".
var hiatusPrefixes = []struct {
	prefix string
	at     int // the index of the second vowel
}{
	{"coauth", 2}, {"coex", 2}, {"coinc", 2}, {"coop", 2}, {"coord", 2},
	{"creat", 3}, {"deact", 2}, {"deesc", 2}, {"geog", 2}, {"geol", 2},
	{"geom", 2}, {"ideat", 3}, {"preex", 3}, {"preoc", 3}, {"psychoan", 6}, {"react", 2},
	{"reali", 2}, {"reapp", 2}, {"reass", 2}, {"reeng", 2}, {"reent", 2},
	{"reeval", 2}, {"reinf", 2}, {"reint", 2}, {"reinv", 2}, {"reop", 2},
	{"reorg", 2}, {"reus", 2}, {"zool", 2},
}

// splits reports whether the vowels w[i] and w[i+1] are said apart.
func splits(w []byte, i int) bool {
	a, b := w[i], w[i+1]
	n := len(w)
	if isMarked(b) {
		return true // "naïve", "Zoë"
	}
	switch w[0] {
	case 'c', 'd', 'g', 'i', 'p', 'r', 'z':
		for _, h := range hiatusPrefixes {
			if i+1 == h.at && n >= len(h.prefix) && string(w[:len(h.prefix)]) == h.prefix {
				return true
			}
		}
	}
	var prev, next, next2 byte
	if i > 0 {
		prev = w[i-1]
	}
	if i+2 < n {
		next = w[i+2]
	}
	if i+3 < n {
		next2 = w[i+3]
	}
	atEnd := i+2 == n // b is the last letter
	switch {
	case a == 'i' && b == 'a':
		// "so-cial", "phy-si-cian", "bril-liant"; but "me-di-a", "gi-ant",
		// "con-fi-den-ti-al-i-ty".
		if (prev == 'c' || prev == 't' || prev == 's' || prev == 'x') && (next == 'l' || next == 'n') &&
			!(next == 'l' && next2 == 'i' && i+4 < n && w[i+4] == 't') {
			return false
		}
		return !(prev == 'l' && i >= 2 && w[i-2] == 'l')
	case a == 'i' && b == 'o':
		switch {
		case (prev == 'c' || prev == 't' || prev == 's' || prev == 'x' || prev == 'g') && (next == 'n' || next == 'u'):
			return false // "-tion", "-sion", "anxious", "religious"
		case prev == 'l' && i >= 2 && w[i-2] == 'l' && next == 'n':
			return false // "million"
		case prev == 'n' && i >= 2 && isVowelByte(w[i-2]) && next == 'n':
			return false // "union", "opinion"
		case (prev == 'v' || prev == 'n') && (next == 'r' || next == 'u' && next2 == 'r'):
			return false // "behaviour", "senior"
		case prev == 'h' && i >= 2 && w[i-2] == 's' && next == 'n':
			return false // "fashion", "cushion"
		}
		return true // "pe-ri-od", "cu-ri-ous", "bi-ol-o-gy"
	case a == 'i' && b == 'u':
		return true // "me-di-um"
	case a == 'i' && b == 'e':
		switch {
		case atEnd:
			return false // "movie"
		case hasVowel(w[:i]) && (string(w[i+2:]) == "r" || string(w[i+2:]) == "st"):
			return true // "eas-i-er", "hap-pi-est"; not "pier", "priest"
		case next == 't':
			return true // "qui-et", "so-ci-e-ty"
		case next == 'n' && i+3 == n:
			return true // "a-li-en"
		case next == 'n' && (next2 == 't' || next2 == 'c'):
			// "pa-tient", "ef-fi-cient"; but "cli-ent", "sci-ence".
			if prev == 't' || prev == 'c' && !(i >= 2 && w[i-2] == 's') {
				return false
			}
			return true
		}
		return false // "friend", "believe", "review"
	case a == 'e' && b == 'a':
		return atEnd && hasVowel(w[:i]) // "i-de-a", "ar-e-a"; not "tea"
	case a == 'e' && b == 'o':
		return prev != 'g' && prev != 'c' // "vid-e-o"; not "sur-geon"
	case a == 'e' && b == 'u':
		return next == 'm' && i+3 == n // "mu-se-um"
	case a == 'u' && (b == 'a' || b == 'o'):
		return true // "sit-u-a-tion", "con-tin-u-ous"
	case a == 'u' && b == 'e':
		return !atEnd && (next == 'n' || next == 't') // "in-flu-ence", "du-et"; not "true"
	case a == 'u' && b == 'i':
		// "su-i-cide", "ru-in", "flu-id", "in-tu-i-tion"; not "fruit", "juice".
		return next == 'n' || next == 'd' || (next == 'c' || next == 't') && next2 == 'i'
	case a == 'o' && b == 'e':
		switch next {
		case 'm', 't', 'v', 'l', 'r':
			return true // "po-em", "po-et", "who-ev-er"
		}
		return false // "does", "toe"
	case (a == 'o' || a == 'a') && b == 'i':
		return next == 'c' && i+3 == n // "he-ro-ic", "mo-sa-ic"
	case a == 'a' && b == 'o':
		return true // "cha-os"
	case a == 'y':
		// y as a vowel before another: "fly-er", "em-bry-o"; but "goodbye".
		return !(b == 'e' && atEnd)
	}
	return false
}
