package cite

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"pamphlet/generator/diag"
)

// Name is one author or editor, split into the parts that citation styles
// arrange differently ("Fonagy P", "Fonagy, P.", "P. Fonagy").
//
// The JSON form uses CSL-JSON's names for the parts.
type Name struct {
	Family string `json:"family,omitempty"`
	Given  string `json:"given,omitempty"`
	// Literal is a name that must not be split, such as a corporate author
	// ("National Institute for Health and Care Excellence"). When it is set
	// the other parts are empty.
	Literal string `json:"literal,omitempty"`
	// Particle is a lower-case prefix of the family name that stays with it
	// ("van" in "Vincent van Gogh", "de la" in "Jean de la Fontaine"): the
	// "von" part of a BibTeX name, CSL's non-dropping-particle.
	Particle string `json:"non-dropping-particle,omitempty"`
	// DroppingParticle is CSL's dropping-particle, a prefix that is left out
	// when only the family name is shown. BibTeX names never set it.
	DroppingParticle string `json:"dropping-particle,omitempty"`
	// Suffix follows the whole name ("Jr.", "III"): the "Jr" part of a
	// BibTeX name.
	Suffix string `json:"suffix,omitempty"`
}

// Date is a date of publication or access. Zero parts are unknown: a
// journal article usually has only a Year.
type Date struct {
	Year  int `json:"year,omitempty"`
	Month int `json:"month,omitempty"` // 1-12
	Day   int `json:"day,omitempty"`
	// Literal is a date that is not a number, kept as written ("in press",
	// "forthcoming"); it is set only when Year is 0.
	Literal string `json:"literal,omitempty"`
}

// IsZero reports whether nothing is known about the date.
func (d Date) IsZero() bool { return d == Date{} }

// Entry is one bibliography entry, with the fields that citation styles
// use, modelled on CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
// Text fields hold plain Unicode text: no TeX, no HTML.
//
// The JSON form uses CSL-JSON's field names, but it is not CSL-JSON: dates
// and the fields Pamphlet adds (File, Line, the Truncated flags) differ.
type Entry struct {
	// ID is the key that pages cite the entry by; it is never empty.
	ID string `json:"id"`
	// Type is a CSL type: article-journal, book, chapter, paper-conference,
	// report, webpage, thesis, manuscript, document, ...
	Type string `json:"type"`

	Author []Name `json:"author,omitempty"`
	// AuthorsTruncated records a BibTeX author list that ends in "and
	// others": more authors exist than are listed, so a style must add "et
	// al." even when its own limit is not reached.
	AuthorsTruncated bool   `json:"authors-truncated,omitempty"`
	Editor           []Name `json:"editor,omitempty"`
	// EditorsTruncated is AuthorsTruncated for the editors.
	EditorsTruncated bool `json:"editors-truncated,omitempty"`

	Title               string `json:"title,omitempty"`
	ContainerTitle      string `json:"container-title,omitempty"`       // the journal, book or proceedings
	ContainerTitleShort string `json:"container-title-short,omitempty"` // e.g. "Am J Psychiatry"
	Collection          string `json:"collection-title,omitempty"`      // the series
	Publisher           string `json:"publisher,omitempty"`             // also the institution of a report or thesis
	PublisherPlace      string `json:"publisher-place,omitempty"`
	Volume              string `json:"volume,omitempty"`
	Issue               string `json:"issue,omitempty"`
	// Page is a page or page range with a plain hyphen ("1563-1569"), or an
	// article number ("e12345"); the style chooses the dash.
	Page    string `json:"page,omitempty"`
	Edition string `json:"edition,omitempty"`
	// Genre says what kind of report or thesis this is ("PhD thesis",
	// "Clinical guideline").
	Genre string `json:"genre,omitempty"`
	// Number is a report's number ("CG78"), a book's number in its series,
	// or a journal article's article number ("CD012955").
	Number string `json:"number,omitempty"`
	// DOI is the bare DOI ("10.1176/ajp.156.10.1563"), without a
	// https://doi.org/ prefix.
	DOI  string `json:"DOI,omitempty"`
	PMID string `json:"PMID,omitempty"`
	ISBN string `json:"ISBN,omitempty"`
	ISSN string `json:"ISSN,omitempty"`
	URL  string `json:"URL,omitempty"`
	Note string `json:"note,omitempty"`

	Issued   Date `json:"issued,omitzero"`
	Accessed Date `json:"accessed,omitzero"` // when a web page was read

	// File and Line say where the entry was defined: the site-relative file
	// given to the parser and the 1-based line of BibTeX's "@" or of the
	// CSL-JSON object's "{".
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// lineIndex turns byte offsets in a source into 1-based line and column
// numbers. Columns count characters, not bytes, because that is what
// editors show; a tab counts as one.
//
// A lineIndex is not safe for concurrent use: it remembers the last
// position asked for and counts columns from there when the next is on the
// same line, since a file with many problems on one very long line (as in
// minified JSON) would otherwise cost quadratic time.
type lineIndex struct {
	src    string
	starts []int // offset of the first byte of each line

	lastOff, lastLine, lastCol int
}

func newLineIndex(src string) *lineIndex {
	starts := make([]int, 1, 1+strings.Count(src, "\n"))
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// pos returns the line and column of the byte at off; an offset at or past
// the end is placed just after the last character.
func (x *lineIndex) pos(off int) (line, col int) {
	off = min(max(off, 0), len(x.src))
	switch {
	case x.lastLine == 0 || off < x.starts[x.lastLine-1] || (x.lastLine < len(x.starts) && off >= x.starts[x.lastLine]):
		i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
		line, col = i+1, utf8.RuneCountInString(x.src[x.starts[i]:off])+1
	case off >= x.lastOff: // on the last position's line, after it
		line, col = x.lastLine, x.lastCol+utf8.RuneCountInString(x.src[x.lastOff:off])
	default: // on that line, before it
		line, col = x.lastLine, x.lastCol-utf8.RuneCountInString(x.src[off:x.lastOff])
	}
	x.lastOff, x.lastLine, x.lastCol = off, line, col
	return line, col
}

// line returns the line of the byte at off.
func (x *lineIndex) line(off int) int {
	return sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off })
}

// stripBOM removes a UTF-8 byte order mark, which Windows editors put at
// the start of files and which no reader expects.
func stripBOM(src []byte) []byte {
	return bytes.TrimPrefix(src, []byte("\uFEFF"))
}

// keySet finds keys defined twice in one file. Keys that differ only in
// capitals count as the same, as they do for BibTeX, because a page citing
// one could easily mean the other.
type keySet map[string]keyDef

type keyDef struct {
	id   string
	line int
}

// add records the key of an entry defined at line:col and reports whether
// it is new; a key seen before is reported as an error naming both lines.
// noun is what the format calls a key ("key" in BibTeX, "id" in CSL-JSON).
func (s keySet) add(l *diag.List, file, noun, id string, line, col int) bool {
	k := strings.ToLower(id)
	first, dup := s[k]
	if !dup {
		s[k] = keyDef{id, line}
		return true
	}
	if first.id == id {
		l.Errorf(file, line, col, "the %s %q is used twice, on lines %d and %d; each entry needs its own %s: rename or delete one (this one is ignored)", noun, id, first.line, line, noun)
	} else {
		l.Errorf(file, line, col, "the %s %q differs from %q on line %d only in capitals, so citations cannot tell them apart; rename one (this one is ignored)", noun, id, first.id, first.line)
	}
	return false
}

// parseISODate reads the dates that biblatex and CSL-JSON write: "2020",
// "2020-05", "2020-05-04", a time after the day ("2020-05-04T10:00:00Z"),
// the start of a range ("2020-05-04/2020-05-06") and EDTF's uncertainty
// marks ("2020?", "2020~"), which are dropped.
func parseISODate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexAny(s, "T "); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, "?~%")
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || p == "" || p[0] == '+' || p[0] == '-' || (i > 0 && len(p) != 2) {
			return Date{}, false
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if !validDate(d) {
		return Date{}, false
	}
	return d, true
}

// validDate reports whether the known parts of d make sense together.
func validDate(d Date) bool {
	if d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || (d.Day > 0 && d.Month == 0) {
		return false
	}
	if d.Day > 0 {
		days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[d.Month-1]
		if d.Month == 2 && !(d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0)) {
			days = 28
		}
		return d.Day <= days
	}
	return true
}

// englishMonths are the English month names, whose first three letters are
// also BibTeX's month macros.
var englishMonths = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthNumber reads a month written as a number ("5", "05"), an English
// name ("May") or an abbreviation ("Sep", "Sept."). It returns 0 for
// anything else.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	if len(s) < 3 {
		return 0
	}
	for i, name := range englishMonths {
		if strings.HasPrefix(name, s) {
			return i + 1
		}
	}
	return 0
}

// doiPrefixes are what DOIs are found written with; the bare DOI follows.
var doiPrefixes = []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"}

// normalizeDOI returns the bare DOI, without a resolver address or "doi:".
func normalizeDOI(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range doiPrefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// normalizePages writes every dash in a page range as a plain hyphen without
// spaces around it ("1563 -- 1569", "1563–1569" -> "1563-1569"), so the
// formatter can put in the dash its style asks for.
func normalizePages(s string) string {
	if !strings.ContainsAny(s, "-–—‐‑−") {
		return s
	}
	var b strings.Builder
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("-–—‐‑−", r) }) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(strings.TrimSpace(f))
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}

// checkComplete warns about an entry that a reference list cannot show
// properly: one without a title or a date. The hints say how to add them
// in the entry's format.
func checkComplete(l *diag.List, e *Entry, col int, titleHint, dateHint string) {
	if e.Title == "" {
		l.Warnf(e.File, e.Line, col, "entry %q has no title; add %s", e.ID, titleHint)
	}
	if e.Issued.IsZero() {
		l.Warnf(e.File, e.Line, col, "entry %q has no year; add %s (the reference list shows \"n.d.\" until then)", e.ID, dateHint)
	}
}
