package search

import (
	"strings"

	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// A site may be written in several languages, each with an index of its
// own (Config.Language, Config.Dir). Folding (normalize.go) is the same
// for every language, so that one script serves them all; what differs
// is what the build does with a folded word:
//
//   - English keeps every rule it had before there were languages: its
//     American spelling is stemmed (spelling.go, stem.go), Snowball's
//     stop words are left out, and the theme's synonyms and crisis words
//     apply (synonyms.yaml).
//   - A language that github.com/kljensen/snowball stems (Spanish,
//     French, Russian, Swedish, Norwegian, Hungarian) is stemmed by it,
//     and its commonest words (stopWords) are left out.
//   - Any other language (German, Welsh, Polish, Arabic, ...) is indexed
//     word for word, folded but not stemmed, with no stop words: better
//     to index too much than to drop a word that means something.
//
// Only a site's own synonyms file for the language gives it synonyms or
// crisis words: the theme's are English.

// language is what the index does with the words of one language. A
// language is not changed once made, and is safe for concurrent use.
type language struct {
	// tag is the BCP 47 tag as the site gives it ("es-MX"); "" for the
	// English of a site without languages.
	tag     string
	english bool
	// stem returns a folded word's stem; nil for a language whose words
	// are indexed as they are.
	stem func(string) string
	// stop holds the folded words that are not indexed; nil for English,
	// whose list is Snowball's (IsStopWord).
	stop map[string]bool
	// endings are the endings a query word is tried without when the
	// index does not have it (Searcher.lookup), each with what replaces
	// it; nil for English, whose list the script has (endings in
	// query.go), so that an English meta.json stays as it was.
	endings [][2]string
}

// snowballStemmers are the languages of github.com/kljensen/snowball
// (v0.10.0) other than English, by ISO 639-1 code.
var snowballStemmers = map[string]func(string, bool) string{
	"es": spanish.Stem, "fr": french.Stem, "ru": russian.Stem, "sv": swedish.Stem,
	"no": norwegian.Stem, "nb": norwegian.Stem, "nn": norwegian.Stem, "hu": hungarian.Stem,
}

// stopWords are the commonest words of each stemmed language, folded
// (más is mas, på is pa), taken from Snowball's lists without the words
// that mean something on a health site (Spanish siente, estado, tiene;
// Russian хорошо; Norwegian tilstand, arbeid) and without the folded
// forms that are also another word (Swedish är is ar, as is år).
var stopWords = map[string]string{
	"es": `a al algo algunas algunos ante antes como con contra cual cuando de del desde donde
		durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estan estas
		este esto estos fue ha han hasta hay la las le les lo los me mi mis mas muy nada ni no nos
		nosotros o os otra otras otro otros para pero poco por porque que quien quienes se ser si
		sin sobre son su sus tambien te ti todo todos tu tus un una uno unos y ya yo`,
	"fr": `a ai au aux avec avez avons c ce ces cet cette d dans de des du elle elles en est et
		etait eux il ils j je l la le les leur leurs lui m ma mais me mes moi mon n ne nos notre
		nous on ont ou par pas pour qu que qui s sa se ses son sont sur t ta te tes toi ton tu un
		une vos votre vous y`,
	"ru": `а без бы был была были было в вам вас во вот все всего всех вы где да для до его ее
		ей ему если есть еще же за здесь и из или им их к как когда кто ли мне меня мы на над нас
		не него нее нет ни них но ну о об он она они от перед по под после при про с себе себя со
		так там тебя то того тоже только тот ты у уже чем что чтобы эта эти это этого этой этом
		этот эту я`,
	"sv": `att av de dem den denna deras dess dessa det detta din dina ditt du efter ej eller en
		er era ert ett for fran han hans har hon honom hur i icke inom inte jag ju kan kunde man
		med mellan men mig min mina mitt mot nagon nagot nagra nar ni nu och om oss pa sa sedan
		sig sin sina skulle som till under upp ut utan vad var vara varit vi vid vilka vilken
		vilket`,
	"no": `av da de deg dem den denne deres det dette din disse du eller en er et for fra ha
		hadde han hans har hennes her hun hva hvem hvilken hvis hvor hvordan i ikke jeg kan med
		meg men min mitt na nar og om oss pa sa seg sin sine sitt skal som til var vi vil`,
	"hu": `a az azok azt be de e egy el en es ez ezek ezt ha hogy is ki meg mi mint nem sem
		vagy van volt`,
}

// queryEndings are the endings a query word of a language is tried
// without (see language.endings): the plurals and commonest forms, so
// that "terapias" finds a site that only says "terapia". A language not
// listed has none; English's are endings in query.go.
var queryEndings = map[string][][2]string{
	"es": {{"ces", "z"}, {"es", ""}, {"s", ""}},
	"fr": {{"aux", "al"}, {"s", ""}, {"x", ""}},
	"sv": {{"arna", ""}, {"erna", ""}, {"orna", "a"}, {"ar", ""}, {"er", ""}, {"or", "a"}, {"en", ""}, {"et", ""}},
	"no": {{"ene", ""}, {"er", ""}, {"en", ""}, {"et", ""}},
	"nb": {{"ene", ""}, {"er", ""}, {"en", ""}, {"et", ""}},
	"nn": {{"ane", ""}, {"ene", ""}, {"ar", ""}, {"er", ""}, {"en", ""}, {"et", ""}},
	"de": {{"en", ""}, {"n", ""}, {"e", ""}, {"er", ""}, {"es", ""}, {"s", ""}},
}

// englishLanguage is English: the rules of spelling.go and stem.go.
var englishLanguage = &language{english: true, stem: Stem}

// languageOf returns the rules of a language by its BCP 47 tag ("es",
// "en-GB", "pt-BR"): by its first part, in any case. "" is English.
func languageOf(tag string) *language {
	code := strings.ToLower(tag)
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	if code == "" || code == "en" {
		if tag == "" {
			return englishLanguage
		}
		l := *englishLanguage
		l.tag = tag
		return &l
	}
	l := &language{tag: tag, endings: queryEndings[code]}
	if l.endings == nil {
		l.endings = [][2]string{}
	}
	if st := snowballStemmers[code]; st != nil {
		l.stem = func(w string) string { return st(w, true) }
		l.stop = map[string]bool{}
		for _, w := range strings.Fields(stopWords[code]) {
			l.stop[w] = true
		}
	}
	return l
}

// Stemmed reports whether the index stems the words of a language (BCP
// 47 tag; "" is English) with a Snowball stemmer and leaves out its
// commonest words; the words of any other language are indexed as they
// are, folded.
func Stemmed(tag string) bool { return languageOf(tag).stem != nil }

// isStop reports whether a folded word is not indexed.
func (l *language) isStop(w string) bool {
	if l.english {
		return IsStopWord(w)
	}
	return l.stop[w]
}

// term returns the term a folded word is filed under: its stem, or the
// word itself in a language without a stemmer.
func (l *language) term(w string) string {
	if l.stem == nil {
		return w
	}
	return l.stem(w)
}

// canon returns the form of a folded word that phrases are matched on:
// its American spelling in English, else the word.
func (l *language) canon(w string) string {
	if l.english {
		return american(w)
	}
	return w
}

// spellings returns a folded word's other spelling (English only).
func (l *language) spellings(w string) []string {
	if l.english {
		return Spellings(w)
	}
	return nil
}

// DefaultSynonymsFor returns the theme's synonyms for a language (BCP 47
// tag; "" is English): DefaultSynonyms for English, none for any other,
// which has only the site's (Config.Synonyms).
func DefaultSynonymsFor(tag string) *Synonyms {
	if languageOf(tag).english {
		return DefaultSynonyms()
	}
	return &Synonyms{}
}
