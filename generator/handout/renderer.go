package handout

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"

	"pamphlet/generator/cite"
)

// Renderer makes handouts. Make one per build with NewRenderer: it reads
// the font's metrics once, for every handout of the build. It is safe for
// concurrent use: Render keeps its state in the call.
type Renderer struct {
	fonts [faces]font
	html  renderer.Renderer
}

// Option configures a Renderer.
type Option func(*Renderer)

// WithHTMLRenderer sets the HTML renderer that shows inline nodes this
// package does not lay out itself, such as citations: the node is
// rendered as the web page renders it and its HTML becomes text. Give the
// site's own goldmark renderer, so that a citation reads the same on
// paper as on screen. By default a renderer with GFM and citations is
// used. It must be safe for concurrent use, as goldmark's is.
func WithHTMLRenderer(r renderer.Renderer) Option {
	return func(rr *Renderer) { rr.html = r }
}

// NewRenderer returns a Renderer. It fails only if the embedded font
// cannot be read, a broken build of Pamphlet.
func NewRenderer(opts ...Option) (*Renderer, error) {
	fonts, err := loadFonts()
	if err != nil {
		return nil, err
	}
	r := &Renderer{fonts: fonts}
	for _, o := range opts {
		o(r)
	}
	if r.html == nil {
		r.html = goldmark.New(goldmark.WithExtensions(extension.GFM, cite.New())).Renderer()
	}
	return r, nil
}

// Handout is a rendered handout.
type Handout struct {
	PDF   []byte
	Pages int
	// Warnings says what the handout left out or could not do, in words
	// for the page's author.
	Warnings []Warning
}

// Warning is something a handout left out or could not do.
type Warning struct {
	// Offset is the byte offset in the page's source it is about, or -1
	// when it is not about one place of the body; the build turns it into
	// a line and column.
	Offset  int
	Message string
}

// Render lays out and draws one handout. Its error is a Document it
// cannot make a handout of (an unknown paper size) or a failure of the
// PDF library; everything it can draw around is a warning.
func (r *Renderer) Render(d *Document) (*Handout, error) {
	l, err := r.layout(d)
	if err != nil {
		return nil, err
	}
	pages := flow(l.items, marginTop, marginTop, l.paper.h-marginBottom)
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: l.paper.w, Ht: l.paper.h},
	})
	pdf.SetMargins(marginSide, marginTop, marginSide)
	pdf.SetAutoPageBreak(false, 0)
	// Write fonts and images in a fixed order, not in a map's: the same
	// page must make the same bytes.
	pdf.SetCatalogSort(true)
	pdf.SetTitle(d.Title, true)
	pdf.SetSubject(d.Description, true)
	pdf.SetAuthor(strings.Join(d.Authors, ", "), true)
	pdf.SetCreator(d.SiteName, true)
	pdf.SetProducer("Pamphlet", true)
	if d.Lang != "" {
		pdf.SetLang(d.Lang)
	}
	date := d.Date
	if date.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	dr := &drawer{pdf: pdf, r: r}
	for i, page := range pages {
		pdf.AddPage()
		for _, p := range page {
			p.draw(dr, p.y)
		}
		l.footer(dr, i+1, len(pages))
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("write the PDF handout: %w", err)
	}
	return &Handout{PDF: b.Bytes(), Pages: len(pages), Warnings: l.warnings}, nil
}

// layout lays out a Document's items, top to bottom, ready to cut into
// pages.
func (r *Renderer) layout(d *Document) (*layout, error) {
	p, err := paperSize(d.Paper)
	if err != nil {
		return nil, err
	}
	l := &layout{r: r, doc: d, say: d.Words, paper: p}
	if d.Brand != "" {
		if l.brand, err = parseColour(d.Brand); err != nil {
			l.warn(-1, "%v: the handout's headings and rules are printed black", err)
		}
	}
	if d.URL != "" {
		if l.base, err = url.Parse(d.URL); err != nil || !l.base.IsAbs() {
			l.warn(-1, "the page's address %q is not a full web address (https://...): its handout has no QR code, and its links are printed as written. Check base_url in site.yaml", d.URL)
			l.base = nil
			d2 := *d
			d2.URL = ""
			l.doc = &d2
		}
	}
	l.masthead()
	l.title()
	l.crisisBox()
	if d.Body != nil {
		l.blocks(d.Body, 0, false)
	}
	l.references()
	l.aboutBox()
	l.missingWarning()
	return l, nil
}
