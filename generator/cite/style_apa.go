package cite

import (
	"sort"
	"strconv"
	"strings"
)

// apaStyle is APA Style, 7th edition (2020), chapters 8-10: author-date
// citations "(Bateman & Fonagy, 1999)" and an alphabetical list of
// references such as
//
//	Bateman, A., & Fonagy, P. (1999). Title. <i>American Journal of Psychiatry</i>, <i>156</i>(10), 1563–1569. https://doi.org/10.1176/ajp.156.10.1563
//
// APA asks for article and book titles in sentence case. Titles are
// printed as the bibliography gives them all the same: lower-casing a
// title needs to know its proper nouns and acronyms ("Mentalization-based
// treatment of BPD", "Cochrane", "Parkinson's"), which we cannot do
// reliably, and a wrong lower case is worse than the publisher's case.
type apaStyle struct {
	// suffixes are the year letters of the whole bibliography, by entry
	// ID (see WithYearSuffixes); read-only.
	suffixes map[string]string
}

var _ Style = apaStyle{}

// Name implements Style.Name.
func (apaStyle) Name() string { return "apa" }

// Numeric implements Style.Numeric.
func (apaStyle) Numeric() bool { return false }

// SortKey implements Style.SortKey.
func (s apaStyle) SortKey(e *Entry) string { return sortKey(e, s.suffixes[e.ID]) }

// Missing implements Style.Missing: APA needs no place and no access date.
func (apaStyle) Missing(e *Entry) []string { return missingFields(e, false, false) }

// yearSuffix returns the year letter of an item: its own, else the
// bibliography's.
func (s apaStyle) yearSuffix(it Item) string {
	if it.YearSuffix != "" {
		return it.YearSuffix
	}
	if it.Entry == nil {
		return ""
	}
	return s.suffixes[it.Entry.ID]
}

// Cluster implements Style.Cluster.
//
// Parenthetical: "(Bateman & Fonagy, 1999, 2009; Storebø et al., 2020)":
// works in reference-list order, the years of the same authors joined
// with commas (APA 7 §8.12), a locator or suffix after its year ("(Bateman
// & Fonagy, 2008, p. 635)"). The prefix of the first item as written
// introduces the whole cluster ("(see A, 1999; B, 2020)"), because that is
// what "[see @a; @b]" means and sorting would otherwise move it; other
// prefixes stay with their items. Each item's author-date text is its
// link; a later year of the same authors links the year alone. -@key
// gives "(1999)".
//
// Narrative: "Bateman and Fonagy (1999)", the whole of which is the link.
func (s apaStyle) Cluster(items []Item, narrative bool, link func(i int, labelHTML string) string) string {
	if len(items) == 0 {
		return ""
	}
	if link == nil {
		link = noLink
	}
	if narrative {
		parts := make([]string, 0, len(items))
		for i, it := range items {
			date := apaDate(entryOf(it).Issued, s.yearSuffix(it), false)
			tail := apaTail(it)
			if it.SuppressAuthor {
				parts = append(parts, join(" ", esc(it.Prefix), "("+link(i, date)+tail+")"))
				continue
			}
			who := namesInText(entryOf(it), " and ", "et al.")
			if who == "" {
				who = titleInText(entryOf(it))
			}
			parts = append(parts, join(" ", esc(it.Prefix), link(i, join(" ", who, "("+date+tail+")"))))
		}
		return narrativeJoin(parts)
	}

	order := make([]int, len(items))
	keys := make([]string, len(items))
	for i, it := range items {
		order[i] = i
		keys[i] = sortKey(entryOf(it), s.yearSuffix(it))
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })

	var groups []string
	var cur strings.Builder
	curGroup, curTail := "", false
	flush := func() {
		if cur.Len() > 0 {
			groups = append(groups, cur.String())
			cur.Reset()
		}
		curGroup = ""
	}
	for _, i := range order {
		it := items[i]
		e := entryOf(it)
		date := apaDate(e.Issued, s.yearSuffix(it), false)
		tail := apaTail(it)
		pre := ""
		if i != 0 {
			pre = esc(it.Prefix)
		}
		if it.SuppressAuthor {
			flush()
			groups = append(groups, join(" ", pre, link(i, date)+tail))
			continue
		}
		who, quoted := namesInText(e, " &amp; ", "et al."), false
		if who == "" {
			who, quoted = shortTitle(e)
		}
		// Works group when their whole author lists agree, initials too,
		// so that the years stay in order; "Bateman, A." and "Bateman,
		// A. W." are different authors in the reference list.
		group := authorSortKey(e)
		if who != "" && group == curGroup && pre == "" {
			// Same authors: only the year (APA 7 §8.12).
			if curTail {
				cur.WriteString("; ")
			} else {
				cur.WriteString(", ")
			}
			cur.WriteString(link(i, date) + tail)
			curTail = tail != ""
			continue
		}
		flush()
		label := date
		switch {
		case quoted:
			label = "“" + who + ",” " + date
		case who != "":
			label = who + ", " + date
		}
		cur.WriteString(join(" ", pre, link(i, label)+tail))
		curGroup, curTail = group, tail != ""
	}
	flush()
	return "(" + join(" ", esc(items[0].Prefix), strings.Join(groups, "; ")) + ")"
}

// apaTail returns what follows the year of a citation: ", p. 33", ",
// emphasis added".
func apaTail(it Item) string {
	return prefixed(", ", join(", ", apaLocator(parseLocator(it.Locator)), esc(trimSuffixText(it.Suffix))))
}

// apaLocator writes "p. 33", "pp. 3–5" (en dash), "chap. 2".
func apaLocator(l locator) string {
	switch {
	case l.value == "":
		return ""
	case l.page && l.plural:
		return "pp. " + esc(enDash(l.value))
	case l.page:
		return "p. " + esc(l.value)
	}
	return esc(join(" ", l.label, l.value))
}

// enDash writes a page range with an en dash, as APA does.
func enDash(pages string) string { return strings.ReplaceAll(normalizePages(pages), "-", "–") }

// apaDate returns the date of a citation or reference as HTML: "1999",
// "1999a", "n.d.", "n.d.-a", "in press-a"; with full, as for web pages,
// "2009, January 28" ("2009a, January 28").
func apaDate(d Date, suffix string, full bool) string {
	switch {
	case d.Year != 0:
		s := strconv.Itoa(d.Year) + esc(suffix)
		if m := monthName(d.Month); full && m != "" {
			s += ", " + m
			if d.Day > 0 {
				s += " " + strconv.Itoa(d.Day)
			}
		}
		return s
	case strings.TrimSpace(d.Literal) != "":
		return esc(d.Literal) + prefixed("-", esc(suffix))
	}
	return "n.d." + prefixed("-", esc(suffix))
}

// Reference implements Style.Reference, after the examples of APA 7
// chapter 10 (see testdata/styles/apa.golden for which). A work without
// an author starts with its title, then the date, as APA 7 shows for
// works with no author.
func (s apaStyle) Reference(e *Entry) string {
	k := kindOf(e)
	authors := apaAuthors(e)
	date := sentence("(" + apaDate(e.Issued, s.suffixes[e.ID], k == kindWeb) + ")")
	title := esc(e.Title)
	var head string // the title part, with its description
	var rest []string
	switch k {
	case kindArticle:
		head = title
		rest = []string{sentence(join(", ", italic(esc(journalFull(e))), apaVolume(e), apaPages(e)))}
	case kindChapter:
		head = title
		rest = []string{sentence(apaIn(e)), sentence(esc(e.Publisher))}
	case kindReport:
		head = join(" ", italic(title), wrap("(", join(", ", prefixedSuffix(esc(editionText(e.Edition)), " ed."), reportNumber(e, "Report No. ")), ")"))
		rest = []string{sentence(esc(notAuthor(e, e.Publisher)))}
	case kindWeb:
		site := e.ContainerTitle
		if site == "" {
			site = e.Publisher
		}
		head = italic(title)
		rest = []string{sentence(esc(notAuthor(e, site)))}
	case kindThesis:
		head = join(" ", italic(title), wrap("[", join(", ", apaThesis(e.Genre), esc(e.Publisher)), "]"))
	default:
		head = join(" ", italic(title), wrap("(", join(", ", prefixedSuffix(esc(editionText(e.Edition)), " ed."), documentGenre(e)), ")"))
		rest = []string{sentence(esc(notAuthor(e, e.Publisher)))}
	}
	var parts []string
	if authors != "" {
		parts = []string{sentence(authors), date, sentence(head)}
	} else {
		parts = []string{sentence(head), date}
	}
	parts = append(parts, rest...)
	if d := doiOf(e); d != "" {
		parts = append(parts, linkTo(doiURL(d), esc("https://doi.org/"+d)))
	} else if u := urlLink(e); u != "" {
		if k == kindWeb && !e.Accessed.IsZero() {
			u = "Retrieved " + esc(longDate(e.Accessed)) + ", from " + u
		}
		parts = append(parts, u)
	}
	return joinSentences(parts...)
}

// journalFull returns the journal's full name, else its abbreviation.
func journalFull(e *Entry) string {
	if s := strings.TrimSpace(e.ContainerTitle); s != "" {
		return s
	}
	return e.ContainerTitleShort
}

// notAuthor returns publisher, or "" when it only repeats the (group)
// author: APA 7 leaves it out then ("American Psychological Association.
// (2019). Title. https://...").
func notAuthor(e *Entry, publisher string) string {
	if len(e.Author) == 1 && strings.EqualFold(strings.TrimSpace(familyName(e.Author[0])), strings.TrimSpace(publisher)) {
		return ""
	}
	return publisher
}

// apaAuthors returns "Bateman, A., & Fonagy, P.": up to 20 names with "&"
// before the last; 21 or more give the first 19, an ellipsis and the last
// (APA 7 §9.8). For an edited book the editors with "(Ed.)" or "(Eds.)".
func apaAuthors(e *Entry) string {
	if hasAuthor(e) {
		return apaNames(e.Author, e.AuthorsTruncated)
	}
	if isEditedBook(e) {
		return edsLabel(apaNames(e.Editor, e.EditorsTruncated), len(e.Editor), " (Ed.)", " (Eds.)")
	}
	return ""
}

// apaNames formats an inverted name list. The manual's ellipsis is three
// spaced full stops; the single character "…" is used instead, which reads
// the same and cannot be mistaken for doubled punctuation. A list that is
// known to be incomplete (BibTeX "and others") ends in "et al.", as APA
// has no form for it.
func apaNames(names []Name, truncated bool) string {
	list := make([]string, 0, len(names))
	for _, n := range names {
		if s := apaName(n); s != "" {
			list = append(list, s)
		}
	}
	switch n := len(list); {
	case n == 0:
		return ""
	case truncated:
		return strings.Join(list, ", ") + ", et al."
	case n == 1:
		return list[0]
	case n <= 20:
		return strings.Join(list[:n-1], ", ") + ", &amp; " + list[n-1]
	default:
		return strings.Join(list[:19], ", ") + ", … " + list[n-1]
	}
}

// apaName formats "Storebø, O. J.", "Gilstrap, L. C., III", or a group
// name as written.
func apaName(n Name) string {
	if n.Literal != "" {
		return esc(n.Literal)
	}
	fam := familyName(n)
	if fam == "" {
		return esc(n.Given)
	}
	return esc(join(", ", fam, initials(n.Given, initialsPeriod), apaSuffix(n.Suffix)))
}

// apaNameGivenFirst formats an editor's name in a chapter reference: "R. F.
// Subotnik".
func apaNameGivenFirst(n Name) string {
	if n.Literal != "" {
		return esc(n.Literal)
	}
	return esc(join(", ", join(" ", initials(n.Given, initialsPeriod), familyName(n)), apaSuffix(n.Suffix)))
}

// apaSuffix writes "Jr." and "Sr." with a period, numerals as given.
func apaSuffix(s string) string {
	s = strings.TrimSpace(s)
	switch strings.ToLower(strings.TrimSuffix(s, ".")) {
	case "jr":
		return "Jr."
	case "sr":
		return "Sr."
	}
	return s
}

// apaVolume returns "<i>156</i>(10)". A Cochrane review, which has no
// volume, takes its year as the volume, as the Cochrane Library's own PDFs
// and APA Style's guidance on Cochrane reviews do: "<i>2020</i>(5)".
func apaVolume(e *Entry) string {
	vol := strings.TrimSpace(e.Volume)
	if vol == "" && e.Issued.Year != 0 && isCochrane(e) {
		vol = strconv.Itoa(e.Issued.Year)
	}
	return italic(esc(vol)) + wrap("(", esc(e.Issue), ")")
}

// apaPages returns "1563–1569", or "Article CD012955" for an article
// number, as APA 7 writes article numbers.
func apaPages(e *Entry) string {
	if n, ok := articleNumber(e); ok {
		return "Article " + esc(n)
	}
	return esc(enDash(e.Page))
}

// apaIn returns "In R. F. Subotnik & P. Olszewski-Kubilius (Eds.),
// <i>Book</i> (2nd ed., pp. 345–359)" for a chapter.
func apaIn(e *Entry) string {
	var eds []string
	for _, n := range e.Editor {
		if s := apaNameGivenFirst(n); s != "" {
			eds = append(eds, s)
		}
	}
	var names string
	switch n := len(eds); {
	case n == 0:
	case n == 1:
		names = eds[0] + " (Ed.)"
	case n == 2 && !e.EditorsTruncated:
		names = eds[0] + " &amp; " + eds[1] + " (Eds.)"
	case e.EditorsTruncated:
		names = strings.Join(eds, ", ") + ", et al. (Eds.)"
	default:
		names = strings.Join(eds[:n-1], ", ") + ", &amp; " + eds[n-1] + " (Eds.)"
	}
	pages := ""
	if p := enDash(strings.TrimSpace(e.Page)); p != "" {
		if strings.ContainsAny(p, "–,") {
			pages = "pp. " + esc(p)
		} else {
			pages = "p. " + esc(p)
		}
	}
	details := join(", ", prefixedSuffix(esc(editionText(e.Edition)), " ed."), pages)
	book := join(" ", italic(esc(e.ContainerTitle)), wrap("(", details, ")"))
	switch {
	case names == "" && e.ContainerTitle == "":
		return details
	case e.ContainerTitle == "":
		return "In " + join(" ", names, book)
	}
	return "In " + join(", ", names, book)
}

// apaThesis describes a thesis: "Doctoral dissertation", "Master's
// thesis", or the genre as written.
func apaThesis(genre string) string {
	switch t := amaThesis(genre); t {
	case "Dissertation":
		return "Doctoral dissertation"
	default:
		return t
	}
}
