package cite

import (
	"strconv"
	"strings"
)

// vancouverStyle is the ICMJE "Vancouver" style as the US National Library
// of Medicine sets it out in Citing Medicine (2nd ed.): numbers in square
// brackets, and references such as
//
//	Bateman A, Fonagy P. Title. Am J Psychiatry. 1999;156(10):1563-9.
//
// with the journal abbreviation in roman, the date as "2002 Jul 25",
// elided page ranges, and up to 6 authors before "et al.". Titles are
// printed as the bibliography gives them (NLM wants sentence case, which
// cannot be made reliably without knowing proper nouns).
type vancouverStyle struct{}

var _ Style = vancouverStyle{}

// Name implements Style.Name.
func (vancouverStyle) Name() string { return "vancouver" }

// Numeric implements Style.Numeric.
func (vancouverStyle) Numeric() bool { return true }

// SortKey implements Style.SortKey.
func (vancouverStyle) SortKey(e *Entry) string { return sortKey(e, "") }

// Missing implements Style.Missing: NLM needs the place of publication of
// books and the date a web page was cited.
func (vancouverStyle) Missing(e *Entry) []string { return missingFields(e, true, true) }

// Cluster implements Style.Cluster: "[1]", "[1-3,5]", "[1, p. 33]",
// "[see 1,2]"; prefix and suffix text go inside the brackets. A locator
// ends its number's part of the list with ";" ("[1, p. 33; 2]"). A
// narrative citation names the authors first: "Bateman and Fonagy [1]".
func (vancouverStyle) Cluster(items []Item, narrative bool, link func(i int, labelHTML string) string) string {
	if len(items) == 0 {
		return ""
	}
	if link == nil {
		link = noLink
	}
	if narrative {
		parts := make([]string, 0, len(items))
		for i, it := range items {
			num := link(i, strconv.Itoa(it.Number)) + vancouverLocator(parseLocator(it.Locator)) + prefixed(", ", esc(trimSuffixText(it.Suffix)))
			who := narrativeWho(it, "et al.")
			parts = append(parts, join(" ", esc(it.Prefix), who, "["+num+"]"))
		}
		return narrativeJoin(parts)
	}
	if itemwise(items) {
		// "[see 1, pp. 3-5; also 2]": each work keeps its own words.
		parts := make([]string, len(items))
		for i, it := range items {
			num := link(i, strconv.Itoa(it.Number)) + vancouverLocator(parseLocator(it.Locator))
			parts[i] = join(" ", esc(strings.TrimSpace(it.Prefix)), num+prefixed(", ", esc(trimSuffixText(it.Suffix))))
		}
		return "[" + strings.Join(parts, "; ") + "]"
	}
	nums := numberList(items, link, vancouverLocator, "; ")
	return "[" + join(" ", clusterText(items, false), nums+prefixed(", ", clusterText(items, true))) + "]"
}

// vancouverLocator writes a locator after a number: ", p. 33", ", pp. 3-5",
// ", chap. 2".
func vancouverLocator(l locator) string {
	switch {
	case l.value == "":
		return ""
	case l.page && l.plural:
		return ", pp. " + esc(l.value)
	case l.page:
		return ", p. " + esc(l.value)
	}
	return ", " + esc(join(" ", l.label, l.value))
}

// Reference implements Style.Reference, after the examples of Citing
// Medicine and NLM's "Samples of Formatted References" (see
// testdata/styles/vancouver.golden for which).
func (vancouverStyle) Reference(e *Entry) string {
	authors := vancouverAuthors(e)
	title := esc(e.Title)
	internet := false
	var parts []string
	switch k := kindOf(e); k {
	case kindArticle:
		parts = []string{sentence(authors), sentence(title), sentence(esc(journalAbbrev(e))), sentence(vancouverIssue(e))}
	case kindChapter:
		parts = []string{sentence(authors), sentence(title), vancouverIn(e), sentence(amaEdition(e)),
			sentence(vancouverPublisher(e, esc(yearText(e.Issued)))), sentence(prefixed("p. ", esc(elidePages(e.Page))))}
	case kindReport, kindWeb:
		internet = strings.TrimSpace(e.URL) != ""
		if internet && title != "" {
			title += " [Internet]"
		}
		date := nlmDate(e.Issued)
		if internet && !e.Accessed.IsZero() {
			if date == "" {
				date = "[date unknown; cited " + nlmDate(e.Accessed) + "]"
			} else {
				date += " [cited " + nlmDate(e.Accessed) + "]"
			}
		}
		publisher := e.Publisher
		if publisher == "" && k == kindWeb {
			publisher = e.ContainerTitle // the site
		}
		parts = []string{sentence(authors), sentence(title), sentence(amaEdition(e)), sentence(vancouverPlace(e.PublisherPlace, publisher, date))}
		if k == kindReport {
			parts = append(parts, sentence(reportNumber(e, "Report No.: ")))
		}
	case kindThesis:
		if title != "" {
			title += " [" + vancouverThesis(e.Genre) + "]"
		}
		parts = []string{sentence(authors), sentence(title), sentence(vancouverPublisher(e, esc(yearText(e.Issued))))}
	default:
		parts = []string{sentence(authors), sentence(title), sentence(amaEdition(e)), sentence(vancouverPublisher(e, esc(yearText(e.Issued)))), sentence(documentGenre(e))}
	}
	if d := doiOf(e); d != "" {
		parts = append(parts, "doi: "+linkTo(doiURL(d), esc(d))+".")
	}
	parts = append(parts, sentence(prefixed("PMID: ", pmidLink(e))))
	if doiOf(e) == "" || internet {
		// Citing Medicine ends a URL with a full stop only when it ends
		// with a slash, where the stop cannot be taken for part of it.
		avail := prefixed("Available from: ", urlLink(e))
		if avail != "" && strings.HasSuffix(strings.TrimSpace(e.URL), "/") {
			avail += "."
		}
		parts = append(parts, avail)
	}
	return joinSentences(parts...)
}

// vancouverAuthors returns "Halpern SD, Ubel PA, Caplan AL": up to 6 names,
// else the first 6 and "et al."; for an edited book the editors with ",
// editors".
func vancouverAuthors(e *Entry) string {
	if hasAuthor(e) {
		return vancouverNames(e.Author, e.AuthorsTruncated)
	}
	if isEditedBook(e) {
		return edsLabel(vancouverNames(e.Editor, e.EditorsTruncated), len(e.Editor), ", editor", ", editors")
	}
	return ""
}

func vancouverNames(names []Name, truncated bool) string {
	list := make([]string, 0, len(names))
	for _, n := range names {
		if s := amaName(n, nlmSuffix); s != "" {
			list = append(list, s)
		}
	}
	shown, etAl := nameList(list, truncated, 6, 6)
	if etAl {
		shown = append(shown, "et al")
	}
	return strings.Join(shown, ", ")
}

// nlmSuffix writes a name suffix the NLM way: "Jr", "Sr", and numerals as
// ordinals ("Gilstrap LC 3rd").
func nlmSuffix(s string) string {
	s = strings.TrimSuffix(s, ".")
	switch strings.ToUpper(s) {
	case "II":
		return "2nd"
	case "III":
		return "3rd"
	case "IV":
		return "4th"
	case "V":
		return "5th"
	}
	return s
}

var monthShort = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// nlmDate writes a date the NLM way: "2002 Jul 25", "2002 Jul", "2002".
func nlmDate(d Date) string {
	if d.Year == 0 {
		return esc(d.Literal)
	}
	s := strconv.Itoa(d.Year)
	if d.Month >= 1 && d.Month <= 12 {
		s += " " + monthShort[d.Month-1]
		if d.Day > 0 {
			s += " " + strconv.Itoa(d.Day)
		}
	}
	return s
}

// vancouverIssue returns "2002 Jul 25;347(4):284-7": date, volume, issue
// and elided pages (an article number when there are none). Without a
// volume the issue follows the date ("1995;(320):110-4").
func vancouverIssue(e *Entry) string {
	pages := elidePages(e.Page)
	if n, ok := articleNumber(e); ok {
		pages = n
	}
	head := join(";", nlmDate(e.Issued), esc(e.Volume)+wrap("(", esc(e.Issue), ")"))
	return join(":", head, esc(pages))
}

// vancouverPublisher returns "New York: McGraw-Hill; 2002": place,
// publisher and the date given as HTML.
func vancouverPublisher(e *Entry, dateHTML string) string {
	return vancouverPlace(e.PublisherPlace, e.Publisher, dateHTML)
}

func vancouverPlace(place, publisher, dateHTML string) string {
	return join("; ", join(": ", esc(place), esc(publisher)), dateHTML)
}

// vancouverIn returns "In: Vogelstein B, Kinzler KW, editors. Book." for
// a chapter; NLM sets the book title in roman.
func vancouverIn(e *Entry) string {
	eds := edsLabel(vancouverNames(e.Editor, e.EditorsTruncated), len(e.Editor), ", editor", ", editors")
	book := esc(e.ContainerTitle)
	if eds == "" {
		return sentence(prefixed("In: ", book))
	}
	return joinSentences(sentence("In: "+eds), sentence(book))
}

// vancouverThesis names the kind of thesis in NLM's words:
// "dissertation", "master's thesis", or the genre as written.
func vancouverThesis(genre string) string {
	switch t := amaThesis(genre); t {
	case "Dissertation":
		return "dissertation"
	case "Master's thesis":
		return "master's thesis"
	default:
		return t
	}
}

// elidePages writes page ranges the NLM way, leaving out the leading digits
// the last page shares with the first: "1563-1569" -> "1563-9", "631-638"
// -> "631-8", "36-42" stays. Ranges whose pages differ in length or are
// not numbers ("S12-S15" -> "S12-5" keeps a shared letter) are kept whole.
func elidePages(p string) string {
	p = normalizePages(strings.TrimSpace(p))
	if p == "" {
		return ""
	}
	parts := strings.Split(p, ",")
	for i, part := range parts {
		part = strings.TrimSpace(part)
		if a, b, ok := strings.Cut(part, "-"); ok {
			part = a + "-" + elideEnd(a, b)
		}
		parts[i] = part
	}
	return strings.Join(parts, ", ")
}

// elideEnd returns the last page b of a range starting at a, without the
// leading digits they share.
func elideEnd(a, b string) string {
	pa, na := splitPagePrefix(a)
	pb, nb := splitPagePrefix(b)
	if pb != "" && pb != pa || !isDigits(na) || !isDigits(nb) || len(na) != len(nb) || nb <= na {
		return b
	}
	i := 0
	for i < len(na) && na[i] == nb[i] {
		i++
	}
	return nb[i:]
}

// splitPagePrefix splits "S12" into "S" and "12".
func splitPagePrefix(s string) (prefix, num string) {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}
