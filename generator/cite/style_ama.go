package cite

import (
	"strconv"
	"strings"
)

// amaStyle is the AMA Manual of Style, 11th edition (2020), chapter 3:
// superscript numbers in order of first citation, and references such as
//
//	Bateman A, Fonagy P. Title. Am J Psychiatry. 1999;156(10):1563-1569. doi:10.1176/ajp.156.10.1563
//
// It is the default style. Titles are printed as the bibliography gives
// them: AMA capitalises book titles and not article titles, but changing
// the case of a title needs knowledge of proper nouns we do not have.
type amaStyle struct{}

var _ Style = amaStyle{}

// Name implements Style.Name.
func (amaStyle) Name() string { return "ama" }

// Numeric implements Style.Numeric.
func (amaStyle) Numeric() bool { return true }

// SortKey implements Style.SortKey.
func (amaStyle) SortKey(e *Entry) string { return sortKey(e, "") }

// Missing implements Style.Missing: AMA needs the date a web page was
// accessed, and no place of publication.
func (amaStyle) Missing(e *Entry) []string { return missingFields(e, false, true) }

// Cluster implements Style.Cluster. Numbers are superscript, ascending,
// with ranges ("1,3-5"); a locator goes in parentheses inside the
// superscript ("1(p33)"); prefix and suffix text stay in
// the line ("see<sup>1</sup>"). A narrative citation names the authors
// before the number: "Bateman and Fonagy<sup>1</sup>", "Storebø et
// al<sup>5</sup>" (AMA writes "et al" without a period in the text).
func (amaStyle) Cluster(items []Item, narrative bool, link func(i int, labelHTML string) string) string {
	if len(items) == 0 {
		return ""
	}
	if link == nil {
		link = noLink
	}
	if narrative {
		parts := make([]string, 0, len(items))
		for i, it := range items {
			sup := `<sup class="cite">` + link(i, strconv.Itoa(it.Number)) + amaLocator(parseLocator(it.Locator)) + `</sup>`
			who := narrativeWho(it, "et al")
			parts = append(parts, join(" ", esc(it.Prefix), who+sup, esc(trimSuffixText(it.Suffix))))
		}
		return narrativeJoin(parts)
	}
	if itemwise(items) {
		// "see<sup>1</sup>; also<sup>2</sup>": each work keeps its own words.
		parts := make([]string, len(items))
		for i, it := range items {
			sup := `<sup class="cite">` + link(i, strconv.Itoa(it.Number)) + amaLocator(parseLocator(it.Locator)) + `</sup>`
			parts[i] = join(" ", esc(strings.TrimSpace(it.Prefix)), "") + sup + prefixed(" ", esc(trimSuffixText(it.Suffix)))
		}
		return strings.Join(parts, "; ")
	}
	sup := `<sup class="cite">` + numberList(items, link, amaLocator, ",") + `</sup>`
	return clusterText(items, false) + sup + prefixed(" ", clusterText(items, true))
}

// amaLocator writes a locator the way AMA puts it in a superscript: "(p33)",
// "(pp3-5)", "(chap 2)": no space after p, no period.
func amaLocator(l locator) string {
	switch {
	case l.value == "":
		return ""
	case l.page && l.plural:
		return "(pp" + esc(l.value) + ")"
	case l.page:
		return "(p" + esc(l.value) + ")"
	}
	return "(" + esc(join(" ", strings.TrimRight(l.label, "."), l.value)) + ")"
}

// Reference implements Style.Reference, after the examples of AMA 11
// chapter 3 (see testdata/styles/ama.golden for which).
func (amaStyle) Reference(e *Entry) string {
	authors := amaAuthors(e)
	title := esc(e.Title)
	year := esc(yearText(e.Issued))
	var parts []string
	switch kindOf(e) {
	case kindArticle:
		parts = []string{sentence(authors), sentence(title), sentence(italic(esc(journalAbbrev(e)))), sentence(amaIssue(e))}
	case kindChapter:
		parts = []string{sentence(authors), sentence(title), amaIn(e), sentence(amaEdition(e)),
			sentence(join("; ", esc(e.Publisher), join(":", year, esc(normalizePages(e.Page)))))}
	case kindReport:
		parts = []string{sentence(authors), sentence(italic(title)), sentence(amaEdition(e)),
			sentence(join("; ", esc(e.Publisher), year)), sentence(reportNumber(e, "Report No. "))}
	case kindWeb:
		site := e.ContainerTitle
		if site == "" {
			site = e.Publisher
		}
		parts = []string{sentence(authors), sentence(title), sentence(esc(site)), sentence(prefixed("Published ", esc(longDate(e.Issued))))}
	case kindThesis:
		parts = []string{sentence(authors), sentence(italic(title)), sentence(amaThesis(e.Genre)), sentence(join("; ", esc(e.Publisher), year))}
	default:
		parts = []string{sentence(authors), sentence(italic(title)), sentence(amaEdition(e)), sentence(join("; ", esc(e.Publisher), year)), sentence(documentGenre(e))}
	}
	parts = append(parts, amaAccess(e))
	return joinSentences(parts...)
}

// amaAuthors returns the author list ("Bateman A, Fonagy P"; more than 6
// names, or a list that ends in "and others", gives the first 3 and "et
// al"), or for an edited book the editors with ", eds".
func amaAuthors(e *Entry) string {
	if hasAuthor(e) {
		return amaNames(e.Author, e.AuthorsTruncated)
	}
	if isEditedBook(e) {
		return edsLabel(amaNames(e.Editor, e.EditorsTruncated), len(e.Editor), ", ed", ", eds")
	}
	return ""
}

// edsLabel adds the label for one or several editors to a name list.
func edsLabel(names string, n int, one, several string) string {
	if names == "" {
		return ""
	}
	if n == 1 {
		return names + one
	}
	return names + several
}

// amaNames formats a name list "Storebø OJ, Stoffers-Winterling JM, Völlm
// BA, et al": all names up to 6, else the first 3.
func amaNames(names []Name, truncated bool) string {
	list := make([]string, 0, len(names))
	for _, n := range names {
		if s := amaName(n, amaSuffix); s != "" {
			list = append(list, s)
		}
	}
	shown, etAl := nameList(list, truncated, 6, 3)
	if etAl {
		shown = append(shown, "et al")
	}
	return strings.Join(shown, ", ")
}

// amaName formats one name "Storebø OJ", "Gilstrap LC III", or a group
// name as written. suffix rewrites "Jr."/"III" for the style.
func amaName(n Name, suffix func(string) string) string {
	if n.Literal != "" {
		return esc(n.Literal)
	}
	fam := familyName(n)
	if fam == "" {
		return esc(n.Given)
	}
	return esc(join(" ", fam, initials(n.Given, initialsPlain), suffix(strings.TrimSpace(n.Suffix))))
}

// amaSuffix writes "Jr" and "Sr" without a period, and numerals as given
// ("III").
func amaSuffix(s string) string { return strings.TrimSuffix(s, ".") }

// journalAbbrev returns the journal's abbreviation, else its full name.
func journalAbbrev(e *Entry) string {
	if s := strings.TrimSpace(e.ContainerTitleShort); s != "" {
		return s
	}
	return e.ContainerTitle
}

// amaIssue returns "1999;156(10):1563-1569": year, volume, issue, and pages
// (an article number when there are none). Without a volume the issue
// follows the year ("2020;(5):CD012955", as AMA prints Cochrane reviews).
func amaIssue(e *Entry) string {
	pages := normalizePages(strings.TrimSpace(e.Page))
	if n, ok := articleNumber(e); ok {
		pages = n
	}
	head := join(";", esc(yearText(e.Issued)), esc(e.Volume)+wrap("(", esc(e.Issue), ")"))
	return join(":", head, esc(pages))
}

// amaIn returns "In: Lockey P, ed. <i>Book</i>." for a chapter.
func amaIn(e *Entry) string {
	eds := edsLabel(amaNames(e.Editor, e.EditorsTruncated), len(e.Editor), ", ed", ", eds")
	book := italic(esc(e.ContainerTitle))
	if eds == "" {
		return sentence(prefixed("In: ", book))
	}
	return joinSentences(sentence("In: "+eds), sentence(book))
}

// amaEdition returns "2nd ed", or "" for a first or unknown edition.
func amaEdition(e *Entry) string {
	return prefixedSuffix(esc(editionText(e.Edition)), " ed.")
}

// prefixedSuffix returns h+s, or "" when h is "".
func prefixedSuffix(h, s string) string { return wrap("", h, s) }

// reportNumber returns a report's genre and number ("Clinical guideline
// CG78"), or noGenre and the number when the genre is unknown.
func reportNumber(e *Entry, noGenre string) string {
	num := esc(e.Number)
	if g := esc(e.Genre); g != "" {
		return join(" ", g, num)
	}
	return prefixed(noGenre, num)
}

// documentGenre returns what kind of document an entry of no known type
// is, with its number ("Policy statement PS-3"), when the genre is given.
func documentGenre(e *Entry) string {
	if kindOf(e) != kindOther || strings.TrimSpace(e.Genre) == "" {
		return ""
	}
	return reportNumber(e, "")
}

// amaThesis names the kind of thesis: "Dissertation" for a doctorate (and
// when unknown), "Master's thesis", or the genre as written.
func amaThesis(genre string) string {
	g := strings.ToLower(genre)
	switch {
	case g == "", strings.Contains(g, "phd"), strings.Contains(g, "doctor"), strings.Contains(g, "dissertation"):
		return "Dissertation"
	case strings.Contains(g, "master"):
		return "Master's thesis"
	}
	return esc(genre)
}

// amaAccess returns the DOI as "doi:10.x" linked to doi.org, or else the
// access date and URL ("Accessed May 4, 2020. https://..."), and the PMID.
// AMA puts no period after a DOI or URL.
func amaAccess(e *Entry) string {
	var link string
	if d := doiOf(e); d != "" {
		link = linkTo(doiURL(d), "doi:"+esc(d))
	} else if u := urlLink(e); u != "" {
		link = joinSentences(sentence(prefixed("Accessed ", esc(longDate(e.Accessed)))), u)
	}
	return join(" ", link, prefixed("PMID: ", pmidLink(e)))
}

// titleInText returns the short title that stands in for missing authors
// in running text, in quotation marks or italics.
func titleInText(e *Entry) string {
	t, quoted := shortTitle(e)
	if quoted {
		return "“" + t + "”"
	}
	return t
}
