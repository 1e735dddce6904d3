package cite

import (
	"html"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Style formats citations and reference lists. Implementations are safe for
// concurrent use.
//
// There is no maintained citation-style processor (CSL) in Go, so the three
// styles medical readers expect are written out by hand, one file each:
// style_ama.go, style_vancouver.go and style_apa.go. Every field of an Entry
// is plain text and is escaped here; the HTML returned is safe to insert as
// it is. A missing field never leaves a stray separator, empty brackets or
// doubled punctuation behind: the parts that are present are joined, the
// rest left out.
type Style interface {
	// Name returns the name the style is chosen by: "ama", "vancouver" or
	// "apa".
	Name() string
	// Numeric reports whether entries are numbered in order of first
	// citation on the page (true), or cited by author and date with the
	// list sorted alphabetically (false).
	Numeric() bool
	// Cluster returns the HTML of one citation cluster ([@a; @b, p. 3]).
	// narrative is true for an author-in-text citation (@a). link(i,
	// labelHTML) returns labelHTML wrapped in the link to items[i]'s
	// reference-list entry; Cluster calls it for the part of each item that
	// should be clickable (the number, or the author-date text). A nil link
	// leaves the labels unlinked.
	Cluster(items []Item, narrative bool, link func(i int, labelHTML string) string) string
	// Reference returns the HTML of one reference-list entry, without
	// number, <li> or links other than those of its DOI, PMID or URL.
	Reference(e *Entry) string
	// SortKey orders the reference list of author-date styles: authors'
	// family names, year, year suffix, title. Keys compare with <.
	SortKey(e *Entry) string
	// Missing lists the fields this style needs that e lacks, in words
	// ("journal", "year", "publisher"), for warnings.
	Missing(e *Entry) []string
}

// Item is one cited work in a cluster, as Style.Cluster receives it.
// Prefix, Locator and Suffix are plain text, as written; Cluster escapes
// them.
type Item struct {
	Entry          *Entry
	Number         int    // 1-based number in the page's list (numeric styles)
	Prefix         string // text before the key: "see"
	Locator        string // as written: "p. 33", "pp. 3-5", "chap. 2", "33" (a bare number is a page)
	Suffix         string // other text after the key and locator: "emphasis added"
	SuppressAuthor bool   // [-@key]: APA gives "(1999)"
	// YearSuffix is APA's "a" or "b" (see YearSuffixes). When empty, a
	// style made by WithYearSuffixes uses its own.
	YearSuffix string
}

// styles are the styles by name. Each is a stateless value.
var styles = map[string]Style{
	"ama":       amaStyle{},
	"vancouver": vancouverStyle{},
	"apa":       apaStyle{},
}

// StyleByName returns the style called name (in any case): "ama",
// "vancouver" or "apa". The empty name gives AMA, the default; an unknown
// name gives false.
func StyleByName(name string) (Style, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		name = "ama"
	}
	s, ok := styles[name]
	return s, ok
}

// StyleNames returns the names StyleByName knows, sorted.
func StyleNames() []string {
	names := make([]string, 0, len(styles))
	for n := range styles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// WithYearSuffixes returns s with the year suffixes of a whole bibliography
// (as YearSuffixes returns them), so that its reference list reads
// "(1999a)" and sorts by them, and its citations use them when an Item has
// no YearSuffix. Numeric styles need none and are returned as they are.
// The map is copied.
//
// Style.Reference takes only the entry, so this is how an author-date
// reference list learns its letters.
func WithYearSuffixes(s Style, suffixes map[string]string) Style {
	a, ok := s.(apaStyle)
	if !ok {
		return s
	}
	a.suffixes = make(map[string]string, len(suffixes))
	for id, x := range suffixes {
		a.suffixes[id] = x
	}
	return a
}

// YearSuffixes returns the APA letters ("a", "b", ...) that tell apart
// entries with the same author list and year, keyed by entry ID. They are
// decided over the whole bibliography, not per page, so that a work has
// the same letter everywhere; within a group the order is by title (then
// ID). Entries that need no letter are not in the map.
func YearSuffixes(entries []*Entry) map[string]string {
	groups := map[string][]*Entry{}
	var keys []string
	for _, e := range entries {
		if e == nil {
			continue
		}
		k := authorSortKey(e) + "\x00" + yearSortKey(e.Issued)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], e)
	}
	m := map[string]string{}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool {
			ti, tj := titleSortKey(g[i].Title), titleSortKey(g[j].Title)
			if ti != tj {
				return ti < tj
			}
			return g[i].ID < g[j].ID
		})
		for i, e := range g {
			m[e.ID] = suffixLetters(i)
		}
	}
	return m
}

// suffixLetters returns "a" for 0, "b" for 1, ..., "z", "aa", "ab", ...
func suffixLetters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('a'+(i-1)%26)) + s
	}
	return s
}

// sortKey is Style.SortKey for every style: the author list (family
// names, then initials; a single author before the same author with
// others), the year (no date first, "in press" last), the year suffix and
// the title, each folded to lower-case ASCII.
func sortKey(e *Entry, yearSuffix string) string {
	return authorSortKey(e) + "\x00" + yearSortKey(e.Issued) + "\x00" + yearSuffix + "\x00" + titleSortKey(e.Title)
}

// authorSortKey is the author part of a sort key: the authors, else the
// editors, else the title (APA files a work without an author under its
// title).
func authorSortKey(e *Entry) string {
	names := e.Author
	if len(names) == 0 {
		names = e.Editor
	}
	if len(names) == 0 {
		return titleSortKey(e.Title)
	}
	parts := make([]string, 0, len(names))
	for _, n := range names {
		if n.Literal != "" {
			parts = append(parts, foldForSort(n.Literal))
			continue
		}
		parts = append(parts, foldForSort(familyName(n))+"\x02"+foldForSort(initials(n.Given, initialsPlain)))
	}
	return strings.Join(parts, "\x01")
}

func yearSortKey(d Date) string {
	switch {
	case d.Year != 0:
		return strconv.Itoa(10000 + d.Year)[1:]
	case d.Literal != "":
		return "9999" + foldForSort(d.Literal)
	}
	return "0000"
}

// titleSortKey folds a title for sorting, without a leading article.
func titleSortKey(t string) string {
	t = foldForSort(t)
	for _, a := range []string{"a ", "an ", "the "} {
		if strings.HasPrefix(t, a) {
			return t[len(a):]
		}
	}
	return t
}

// foldForSort lower-cases s and spells accented letters in ASCII ("ø" ->
// "o"), so that "Storebø" files with "Storebo" as readers expect.
func foldForSort(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if a := asciiLetters(r); a != "" {
			b.WriteString(a)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// workKind is the shape of a reference: which template a style uses.
type workKind int

const (
	kindOther   workKind = iota // a document of some sort: formatted like a book
	kindArticle                 // journal, magazine or newspaper article
	kindBook                    // book, or edited book when it has only editors
	kindChapter                 // chapter, conference paper, encyclopaedia entry
	kindReport                  // report, guideline, standard
	kindWeb                     // web page
	kindThesis                  // thesis or dissertation
)

// kindOf maps an entry's CSL type to the template that formats it.
func kindOf(e *Entry) workKind {
	switch e.Type {
	case "article-journal", "article-magazine", "article-newspaper", "review", "review-book":
		return kindArticle
	case "article":
		if e.ContainerTitle != "" || e.ContainerTitleShort != "" {
			return kindArticle
		}
	case "book", "classic", "collection":
		return kindBook
	case "chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia":
		if e.ContainerTitle != "" || len(e.Editor) > 0 {
			return kindChapter
		}
		return kindBook
	case "report", "standard":
		return kindReport
	case "webpage", "post", "post-weblog":
		return kindWeb
	case "thesis":
		return kindThesis
	}
	// An unknown or missing type: a work inside another is an article,
	// or a chapter when the container has editors or a publisher.
	if e.ContainerTitle != "" || e.ContainerTitleShort != "" {
		if len(e.Editor) > 0 || e.Publisher != "" {
			return kindChapter
		}
		return kindArticle
	}
	return kindOther
}

// hasAuthor reports whether e has at least one author with a name.
func hasAuthor(e *Entry) bool { return len(e.Author) > 0 }

// isEditedBook reports whether e is a book known by its editors: the
// editors stand where the authors would.
func isEditedBook(e *Entry) bool {
	k := kindOf(e)
	return !hasAuthor(e) && len(e.Editor) > 0 && (k == kindBook || k == kindOther || k == kindReport)
}

// isCochrane reports whether e is in the Cochrane Database of Systematic
// Reviews, which has issues and article numbers but no volumes.
func isCochrane(e *Entry) bool {
	return strings.Contains(strings.ToLower(e.ContainerTitle+" "+e.ContainerTitleShort), "cochrane database")
}

// articleNumber returns the article number of a journal article that has
// one instead of pages: Page equal to Number ("CD012955"), a Number with
// no Page, or an e-locator ("e124").
func articleNumber(e *Entry) (string, bool) {
	page := strings.TrimSpace(e.Page)
	num := strings.TrimSpace(e.Number)
	switch {
	case page == "" && num != "":
		return num, true
	case page != "" && page == num:
		return page, true
	case len(page) > 1 && (page[0] == 'e' || page[0] == 'E') && isDigits(page[1:]):
		return page, true
	}
	return "", false
}

// missingFields returns the fields a style needs that e lacks. needPlace
// asks for the place of publication of books (Vancouver), needAccessed the
// date a web page was read (AMA and Vancouver).
func missingFields(e *Entry, needPlace, needAccessed bool) []string {
	var m []string
	need := func(ok bool, field string) {
		if !ok {
			m = append(m, field)
		}
	}
	k := kindOf(e)
	if k != kindWeb {
		need(hasAuthor(e) || (isEditedBook(e) && len(e.Editor) > 0), "author")
	}
	need(e.Title != "", "title")
	switch k {
	case kindArticle:
		need(e.ContainerTitle != "" || e.ContainerTitleShort != "", "journal")
		need(!e.Issued.IsZero(), "year")
		need(e.Page != "" || e.Number != "", "pages")
	case kindBook, kindOther:
		need(e.Publisher != "", "publisher")
		if needPlace {
			need(e.PublisherPlace != "", "place")
		}
		need(!e.Issued.IsZero(), "year")
	case kindChapter:
		need(e.ContainerTitle != "", "book title")
		need(e.Publisher != "", "publisher")
		if needPlace {
			need(e.PublisherPlace != "", "place")
		}
		need(!e.Issued.IsZero(), "year")
		need(e.Page != "", "pages")
	case kindReport:
		need(e.Publisher != "", "publisher")
		need(!e.Issued.IsZero(), "year")
	case kindWeb:
		need(e.URL != "", "URL")
		if needAccessed {
			need(!e.Accessed.IsZero(), "accessed date")
		}
	case kindThesis:
		need(e.Publisher != "", "university")
		need(!e.Issued.IsZero(), "year")
	}
	return m
}

// Text and punctuation helpers. Parts are HTML from here on: esc turns
// plain text into HTML, and the joiners leave out empty parts so that a
// missing field takes its separator with it.

// esc returns the field s as HTML text.
func esc(s string) string { return html.EscapeString(strings.TrimSpace(s)) }

// italic returns h in italics, or "" for "".
func italic(h string) string {
	if h == "" {
		return ""
	}
	return "<i>" + h + "</i>"
}

// wrap returns open+h+close, or "" when h is "", so that no empty
// brackets are left.
func wrap(open, h, close string) string {
	if h == "" {
		return ""
	}
	return open + h + close
}

// prefixed returns p+h, or "" when h is "".
func prefixed(p, h string) string { return wrap(p, h, "") }

// join joins the non-empty parts with sep.
func join(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

// sentence ends h with a full stop unless its last visible character
// already ends a sentence ("et al.", "Why?"), or returns "" for "".
func sentence(h string) string {
	if h == "" {
		return ""
	}
	switch lastVisible(h) {
	case '.', '?', '!':
		return h
	}
	return h + "."
}

// lastVisible returns the last character h shows: trailing tags are
// skipped and a trailing character reference is decoded.
func lastVisible(h string) rune {
	for strings.HasSuffix(h, ">") {
		i := strings.LastIndexByte(h, '<')
		if i < 0 {
			break
		}
		h = h[:i]
	}
	if strings.HasSuffix(h, ";") {
		if i := strings.LastIndexByte(h, '&'); i >= 0 && len(h)-i <= 12 {
			if u := html.UnescapeString(h[i:]); u != h[i:] {
				r, _ := utf8.DecodeLastRuneInString(u)
				return r
			}
		}
	}
	r, _ := utf8.DecodeLastRuneInString(h)
	return r
}

// joinSentences joins parts that each end with their own punctuation.
func joinSentences(parts ...string) string { return join(" ", parts...) }

// Names.

// initialsStyle says how initials are written.
type initialsStyle int

const (
	initialsPlain  initialsStyle = iota // AMA, NLM: "JPA", "JP" for Jean-Paul
	initialsPeriod                      // APA: "J. P. A.", "J.-P." for Jean-Paul
)

// initials turns given names into initials: "John P. A." -> "JPA" or "J.
// P. A.". Given names already written as capitals ("OJ") are taken letter
// by letter; lower-case words ("van" when a particle was left in the given
// name) are skipped when there are others.
func initials(given string, st initialsStyle) string {
	given = strings.TrimSpace(given)
	if given == "" {
		return ""
	}
	// Each word gives one initial, or several when hyphenated (Jean-Paul).
	var words [][]rune
	for _, w := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' || r == ',' || r == '\u00a0' }) {
		if isCapitals(w) {
			for _, r := range w {
				words = append(words, []rune{r})
			}
			continue
		}
		var parts []rune
		for _, p := range strings.Split(w, "-") {
			if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError && unicode.IsLetter(r) {
				parts = append(parts, r)
			}
		}
		if len(parts) > 0 {
			words = append(words, parts)
		}
	}
	upper := 0
	for _, w := range words {
		if unicode.IsUpper(w[0]) {
			upper++
		}
	}
	var b strings.Builder
	for _, w := range words {
		if upper > 0 && !unicode.IsUpper(w[0]) {
			continue
		}
		if st == initialsPeriod && b.Len() > 0 {
			b.WriteByte(' ')
		}
		for i, r := range w {
			r = unicode.ToUpper(r)
			switch st {
			case initialsPeriod:
				if i > 0 {
					b.WriteByte('-')
				}
				b.WriteRune(r)
				b.WriteByte('.')
			default:
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// isCapitals reports whether w is two or three capitals and nothing else,
// the way PubMed writes initials ("OJ").
func isCapitals(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// familyName returns the family name with its particles ("van Gogh"), or
// the literal name.
func familyName(n Name) string {
	if n.Literal != "" {
		return strings.TrimSpace(n.Literal)
	}
	return join(" ", strings.TrimSpace(n.DroppingParticle), strings.TrimSpace(n.Particle), strings.TrimSpace(n.Family))
}

// citeName is how a name is cited in running text: the family name with a
// non-dropping particle ("van Gogh"), the literal name, or, for a person
// known by one name, the given name.
func citeName(n Name) string {
	if n.Literal != "" {
		return strings.TrimSpace(n.Literal)
	}
	if f := join(" ", strings.TrimSpace(n.Particle), strings.TrimSpace(n.Family)); f != "" {
		return f
	}
	return strings.TrimSpace(n.Given)
}

// namesInText returns the HTML of the authors (else the editors) as cited
// in running text: "A", "A and B", "A et al"; and and etAl are HTML.
// It returns "" when the entry has no names.
func namesInText(e *Entry, and, etAl string) string {
	names, truncated := e.Author, e.AuthorsTruncated
	if len(names) == 0 {
		names, truncated = e.Editor, e.EditorsTruncated
	}
	var list []string
	for _, n := range names {
		if s := citeName(n); s != "" {
			list = append(list, esc(s))
		}
	}
	switch {
	case len(list) == 0:
		return ""
	case len(list) >= 3 || truncated:
		return list[0] + " " + etAl
	case len(list) == 2:
		return list[0] + and + list[1]
	}
	return list[0]
}

// shortTitle returns the HTML of the title that stands in for a missing
// author in running text: the main title (before a colon), in italics for
// a work that stands alone and in quotation marks for a part of one
// (quoted reports whether it is quoted, so that APA can put its comma
// inside the marks).
func shortTitle(e *Entry) (h string, quoted bool) {
	t := strings.TrimSpace(e.Title)
	if i := strings.Index(t, ": "); i > 0 {
		t = t[:i]
	}
	if t == "" {
		return "", false
	}
	switch kindOf(e) {
	case kindArticle, kindChapter, kindWeb:
		return esc(t), true
	}
	return italic(esc(t)), false
}

// nameList shortens a formatted name list the way numeric styles do: more
// than limit names, or a list known to be incomplete, keeps the first
// keep and reports that "et al." must follow.
func nameList(names []string, truncated bool, limit, keep int) ([]string, bool) {
	if len(names) > limit || (truncated && len(names) > 0) {
		return names[:min(len(names), keep)], true
	}
	return names, false
}

// Dates.

var monthLong = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// monthName returns the English name of month m (1-12), or "".
func monthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthLong[m-1]
}

// yearText returns the year, or the literal date ("in press"), as text.
func yearText(d Date) string {
	if d.Year != 0 {
		return strconv.Itoa(d.Year)
	}
	return strings.TrimSpace(d.Literal)
}

// longDate writes d the American way AMA and APA use: "January 28, 2009",
// "January 2009", "2009".
func longDate(d Date) string {
	if d.Year == 0 {
		return strings.TrimSpace(d.Literal)
	}
	y := strconv.Itoa(d.Year)
	switch m := monthName(d.Month); {
	case m != "" && d.Day > 0:
		return m + " " + strconv.Itoa(d.Day) + ", " + y
	case m != "":
		return m + " " + y
	}
	return y
}

// Locators.

// locator is a pinpoint in a cited work.
type locator struct {
	page   bool   // a page or pages
	plural bool   // more than one page: a range or a list
	label  string // for other locators, the label as written ("chap.")
	value  string // "33", "3-5" (page ranges with a plain hyphen)
}

// parseLocator reads a locator as written: "p. 33", "pp. 3-5", "33" (a
// bare number is a page), "chap. 2". Text that is not a label and a value
// is kept whole as the value.
func parseLocator(s string) locator {
	s = strings.TrimSpace(s)
	if s == "" {
		return locator{}
	}
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	label, value := "", s
	if i > 0 {
		label, value = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
	} else if i < 0 {
		return locator{value: s}
	}
	if value == "" || !unicode.IsDigit(firstRune(value)) && !isRoman(value) {
		return locator{value: s}
	}
	l := locator{label: label, value: value}
	switch strings.ToLower(strings.TrimRight(label, ".")) {
	case "":
		l.page = true
	case "p", "pg", "page":
		l.page = true
	case "pp", "pgs", "pages":
		l.page, l.plural = true, true
	}
	if l.page {
		l.label = ""
		l.value = normalizePages(value)
		if strings.ContainsAny(l.value, "-,&") {
			l.plural = true
		}
	}
	return l
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isRoman reports whether s starts with a lower-case roman numeral page
// ("xii").
func isRoman(s string) bool {
	n := 0
	for _, r := range s {
		if !strings.ContainsRune("ivxlcdm", r) {
			break
		}
		n++
	}
	return n > 0
}

// Links.

// linkTo returns textHTML linked to href, or textHTML alone when href is
// not a web address (a javascript: URL from a bibliography must not become
// a link).
func linkTo(href, textHTML string) string {
	if !isWebURL(href) {
		return textHTML
	}
	return `<a href="` + html.EscapeString(href) + `">` + textHTML + `</a>`
}

// isWebURL reports whether u is an absolute http or https address.
func isWebURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (strings.EqualFold(p.Scheme, "https") || strings.EqualFold(p.Scheme, "http")) && p.Host != ""
}

// urlLink returns the entry's URL as a link whose text is the URL.
func urlLink(e *Entry) string {
	u := strings.TrimSpace(e.URL)
	if u == "" {
		return ""
	}
	return linkTo(u, esc(u))
}

// doiOf returns the entry's bare DOI.
func doiOf(e *Entry) string { return normalizeDOI(e.DOI) }

// doiURL returns the https://doi.org/ address of a DOI, percent-escaping
// the characters that cannot stand in a URL path (DOIs may contain "<",
// "#", "%", ...), as the DOI Handbook asks.
func doiURL(doi string) string {
	const keep = "-._~/:;()!$*+,=@'"
	var b strings.Builder
	b.WriteString("https://doi.org/")
	for i := 0; i < len(doi); i++ {
		c := doi[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%")
		b.WriteString(strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
	}
	return b.String()
}

// pmidLink returns the entry's PMID linked to PubMed, or as text when it
// is not a number.
func pmidLink(e *Entry) string {
	p := strings.TrimSpace(e.PMID)
	if p == "" {
		return ""
	}
	if !isDigits(p) {
		return esc(p)
	}
	return linkTo("https://pubmed.ncbi.nlm.nih.gov/"+p+"/", p)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Editions.

var ordinalWords = map[string]string{
	"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
	"sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
}

// editionText returns an edition as the styles print it before "ed.":
// "2" and "second" become "2nd", "3rd ed." loses its "ed.", other words
// are kept ("Revised"). A first edition gives "": no style shows it.
func editionText(ed string) string {
	ed = strings.TrimSpace(ed)
	low := strings.ToLower(ed)
	for _, s := range []string{" edition", " ed.", " ed"} {
		if strings.HasSuffix(low, s) {
			ed, low = strings.TrimSpace(ed[:len(ed)-len(s)]), strings.TrimSpace(low[:len(low)-len(s)])
			break
		}
	}
	if o, ok := ordinalWords[low]; ok {
		ed = o
	} else if isDigits(ed) {
		ed = ordinal(ed)
	}
	if ed == "1st" {
		return ""
	}
	return ed
}

// ordinal returns "1st", "2nd", "3rd", "4th", "11th", "21st" for a number.
func ordinal(n string) string {
	suffix := "th"
	if len(n) < 2 || n[len(n)-2] != '1' {
		switch n[len(n)-1] {
		case '1':
			suffix = "st"
		case '2':
			suffix = "nd"
		case '3':
			suffix = "rd"
		}
	}
	return n + suffix
}

// Numeric clusters.

// numberedItem is one number of a numeric cluster.
type numberedItem struct {
	index int    // in the cluster's items, for link
	num   int    // in the reference list
	loc   string // the formatted locator, "" for none
}

// numberList writes the numbers of a numeric cluster in ascending order,
// with three or more consecutive numbers as a range ("1,3-5"): the first
// and last numbers of a range are linked, the ones between are cited but
// not shown. A number with a locator stands alone; sepAfterLocator follows
// it instead of ",". Repeats of the same number and locator are dropped.
func numberList(items []Item, link func(int, string) string, loc func(locator) string, sepAfterLocator string) string {
	list := make([]numberedItem, 0, len(items))
	seen := map[numberedItem]bool{}
	for i, it := range items {
		n := numberedItem{num: it.Number, loc: loc(parseLocator(it.Locator))}
		if seen[n] {
			continue
		}
		seen[n] = true
		n.index = i
		list = append(list, n)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].num < list[j].num })
	var b strings.Builder
	sep := ""
	for i := 0; i < len(list); {
		j := i
		for j+1 < len(list) && list[j].loc == "" && list[j+1].loc == "" && list[j+1].num == list[j].num+1 {
			j++
		}
		b.WriteString(sep)
		if j-i >= 2 {
			b.WriteString(link(list[i].index, strconv.Itoa(list[i].num)))
			b.WriteString("-")
			b.WriteString(link(list[j].index, strconv.Itoa(list[j].num)))
			sep = ","
			i = j + 1
			continue
		}
		b.WriteString(link(list[i].index, strconv.Itoa(list[i].num)) + list[i].loc)
		sep = ","
		if list[i].loc != "" {
			sep = sepAfterLocator
		}
		i++
	}
	return b.String()
}

// clusterText returns the prefixes or suffixes of a cluster's items as one
// HTML text, in order, joined with "; ". A suffix's leading comma is
// dropped: the style puts in its own.
func clusterText(items []Item, suffix bool) string {
	var parts []string
	for _, it := range items {
		s := it.Prefix
		if suffix {
			s = trimSuffixText(it.Suffix)
		}
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, esc(s))
		}
	}
	return join("; ", parts...)
}

// itemwise reports whether a numeric cluster must be written item by item,
// because text belongs to a work in its middle: a prefix on any work but
// the first, or a suffix on any but the last ("[see @a; also @b]").
// Otherwise the numbers can be sorted and merged into ranges.
func itemwise(items []Item) bool {
	for i, it := range items {
		if (i > 0 && strings.TrimSpace(it.Prefix) != "") || (i < len(items)-1 && trimSuffixText(it.Suffix) != "") {
			return true
		}
	}
	return false
}

// trimSuffixText removes the comma that separates a suffix from the key
// when it was kept as written.
func trimSuffixText(s string) string {
	return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), ",;"))
}

// noLink is the link function used when Cluster is given none.
func noLink(_ int, label string) string { return label }

// entryOf returns the item's entry, or an empty one for a nil entry, so
// that a caller's mistake shows as a bare number and not a crash.
func entryOf(it Item) *Entry {
	if it.Entry == nil {
		return &Entry{}
	}
	return it.Entry
}

// narrativeJoin joins the author-in-text parts of a cluster: "A and B",
// "A, B, and C".
func narrativeJoin(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + " and " + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", and " + parts[len(parts)-1]
}

// narrativeWho is what a numeric style's author-in-text citation names:
// the authors ("Bateman and Fonagy", "Storebø et al"), or the title when
// there are none, or nothing for [-@key].
func narrativeWho(it Item, etAl string) string {
	if it.SuppressAuthor {
		return ""
	}
	e := entryOf(it)
	if who := namesInText(e, " and ", etAl); who != "" {
		return who
	}
	return titleInText(e)
}
