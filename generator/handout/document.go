package handout

import (
	"time"

	"github.com/yuin/goldmark/ast"
)

// Document is everything one handout shows. The build fills it in from a
// page while the page's AST is at hand (see Renderer.Render).
type Document struct {
	// Lang is the page's language tag (en-GB), written into the PDF for
	// screen readers.
	Lang string
	// Title and Description head the first page and are the PDF's title
	// and subject.
	Title, Description string
	// SiteName heads the first page and ends every footer.
	SiteName string
	// URL is the page's address on the site (base_url + the page's
	// path): the QR code opens it, and it is printed under the code.
	// Relative links in the body are made absolute against it.
	URL string
	// Logo is the path of the site's logo, a PNG or JPEG file. An SVG
	// logo is left out with a warning: no pure-Go SVG rasteriser is kept
	// well enough to depend on.
	Logo string
	// Source and Body are the page's Markdown and its goldmark AST (the
	// document node, after the build's transformers have run).
	Source []byte
	Body   ast.Node
	// Images maps an image's destination, as written in the Markdown, to
	// its file; an image it does not map is read from its destination
	// as a path. Images that cannot be read are left out with a warning.
	Images func(dest string) string
	// References is the page's reference list, in the style's order.
	References []Reference
	// Authors and Reviewers are the people who wrote and reviewed the
	// page, each as the page shows them ("Dr A Jones (MD)").
	Authors, Reviewers []string
	// LastReviewed and NextReview are dates as the page shows them
	// ("13 February 2025"), or "".
	LastReviewed, NextReview string
	// Unreviewed says the page has not been clinically reviewed: the
	// handout says so, in the words of Words.Unreviewed.
	Unreviewed bool
	// Crisis lists the crisis lines shown in a box near the top, for a
	// crisis page, under Words.CrisisHeading.
	Crisis []CrisisLine
	// Paper is "A4" (the default) or "letter".
	Paper string
	// Brand is the brand colour as #rrggbb, for headings and rules; ""
	// prints them black.
	Brand string
	// Words are the handout's own words, in the page's language.
	Words Words
	// Date is written as the PDF's creation and modification date. Give
	// a date of the page (its last review) so that the same page makes
	// the same bytes; the zero time writes 1 January 2000.
	Date time.Time
}

// Words are the words a handout prints around the page, in the page's
// language: the build takes them from the theme's words (package i18n),
// as the web page does.
type Words struct {
	References    string // "References"
	LastReviewed  string // "Page last reviewed"
	NextReview    string // "Next review due"
	WrittenBy     string // "Written by"
	ReviewedBy    string // "Reviewed by"
	Scan          string // "To read this page online, scan the code or type the address under it."
	PageOf        string // the footer's "Page {n} of {total}"
	CrisisHeading string // "If you need help now"
	Unreviewed    string // "This page has not yet been reviewed by a clinician."
}

// Reference is one entry of a page's reference list.
type Reference struct {
	// Number is the entry's number in a numeric style (the number its
	// citations show), or 0 in an author-date style, whose list has none.
	Number int
	// HTML is the entry as the CSL processor formats it: text with a few
	// inline tags (<i>, <b>, <span>, <a>, <sup>, <sub>, <div>) and
	// entities.
	HTML string
}

// CrisisLine is a service to call or text in a crisis, as site.yaml lists
// it.
type CrisisLine struct {
	Region  string // lines are grouped under it: "UK"
	When    string // "If you need to talk to someone"
	Name    string // "Samaritans"
	Phone   string // "116 123"
	Text    string // a number to text: "85258"
	Contact string // anything else: "free, day or night"
}
