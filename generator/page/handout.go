package page

import (
	"bytes"
	"path"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark/ast"

	"pamphlet/generator/handout"
	"pamphlet/generator/site"
)

// HandoutFile is the name of a page's PDF handout, beside its index.html.
const HandoutFile = "handout.pdf"

// Handout is a page's PDF handout: made as the page is parsed, from its
// AST, and kept like its body (or spilled: see Bytes).
type Handout struct {
	Pages, Size int
	pdf         []byte
	stored      *spillRef
}

// Bytes returns the handout's PDF, from the spill file if it was spilled
// (read into scratch, valid until scratch is next used).
func (h *Handout) Bytes(scratch *bytes.Buffer) ([]byte, error) {
	if h.stored == nil {
		return h.pdf, nil
	}
	b, _, _, err := h.stored.read(scratch)
	return b, err
}

// Handouts is what a parser needs to make handouts: the site's folder
// (images beside the pages are read from its content/) and the logo's
// file ("" for none).
type Handouts struct {
	Root, Logo string
}

// MakeHandouts makes ps make a PDF handout of each page that has one (see
// wantsHandout). Its error is the handout renderer's, which cannot start
// without its fonts: a bug in Pamphlet's build.
func (ps *Parser) MakeHandouts(h Handouts) error {
	r, err := handout.NewRenderer(handout.WithHTMLRenderer(ps.readers(ps.cfg.DefaultLanguage()).md.Renderer()))
	if err != nil {
		return err
	}
	ps.handouts, ps.handoutSite = r, h
	return nil
}

// wantsHandout reports whether the page has a handout: a page of medical
// information (not one of the site's policies) whose front matter does
// not say handout: false, in a language written left to right (the PDF
// writer cannot yet set right-to-left text: see docs/handouts.md).
func (ps *Parser) wantsHandout(p *Page) bool {
	f := &p.Front
	return ps.handouts != nil && !ps.discard && !ps.cfg.PolicyPage(p.Key) && (f.Handout == nil || *f.Handout) && ps.strings(p.Lang).Dir() == "ltr"
}

// makeHandout lays out and draws the page's handout from its AST (after
// the citations are resolved), and turns what it had to leave out into
// warnings at their place in the source.
func (ps *Parser) makeHandout(s *parseState, doc ast.Node, source []byte) {
	p, cfg := s.page, ps.cfg
	f := &p.Front
	in, words := cfg.In(p.Lang), ps.strings(p.Lang)
	d := &handout.Document{
		Lang: p.Lang, Title: f.Title, Description: f.Description,
		SiteName: in.Title, URL: cfg.AbsURL(p.URL), Logo: ps.handoutSite.Logo,
		Source: source, Body: doc, Paper: cfg.Paper, Brand: cfg.Theme().Print.Heading.String(),
		Images: func(dest string) string {
			if strings.Contains(dest, "://") || strings.HasPrefix(dest, "/") {
				return ""
			}
			rel := path.Join(path.Dir(p.Rel), dest)
			return filepath.Join(ps.handoutSite.Root, site.ContentDir, filepath.FromSlash(rel))
		},
		Unreviewed: len(f.ReviewedBy) == 0,
		Words: handout.Words{
			References: words["references"], LastReviewed: words["page_last_reviewed"], NextReview: words["next_review_due"],
			WrittenBy: words["written_by"], ReviewedBy: words["reviewed_by"], Scan: words["handout_scan"], PageOf: words["handout_page_of"],
			CrisisHeading: words["crisis_heading"], Unreviewed: words["unreviewed"],
		},
	}
	if d.URL == "" {
		d.URL = site.Href(cfg.BasePath(), p.URL)
	}
	if p.Cited != nil {
		numeric := ps.bibs.Style().Numeric
		for _, l := range p.Cited.List {
			r := handout.Reference{HTML: l.HTML}
			if numeric {
				r.Number = l.Number
			}
			d.References = append(d.References, r)
		}
	}
	for _, who := range []struct {
		people []site.Person
		to     *[]string
	}{{f.Authors, &d.Authors}, {f.ReviewedBy, &d.Reviewers}} {
		for _, person := range who.people {
			name := person.Name
			if person.Credentials != "" {
				name += " (" + person.Credentials + ")"
			}
			*who.to = append(*who.to, name)
		}
	}
	if f.LastReviewed != nil {
		d.LastReviewed = words.Date(f.LastReviewed.Time)
		d.Date = f.LastReviewed.Time
		d.NextReview = words.Date(cfg.ReviewEvery().AddTo(f.LastReviewed.Time))
	} else if f.Published != nil {
		d.Date = f.Published.Time
	}
	if f.NextReview != nil {
		d.NextReview = words.Date(f.NextReview.Time)
	}
	if f.Safety == "crisis" || (in.CrisisPage != "" && (p.Rel == site.PageRel(in.CrisisPage) || p.Key == site.PageRel(in.CrisisPage))) {
		for _, l := range in.Crisis {
			d.Crisis = append(d.Crisis, handout.CrisisLine{Region: l.Region, When: l.When, Name: l.Name, Phone: l.Phone, Text: l.Text, Contact: l.Contact})
		}
	}
	h, err := ps.handouts.Render(d)
	if err != nil {
		p.Diags.Errorf(p.Path, 0, 0, "cannot make this page's PDF handout: %v", err)
		return
	}
	for _, w := range h.Warnings {
		line, col := 0, 0
		if w.Offset >= 0 {
			line, col = s.pos(w.Offset)
		}
		p.Diags.Warnf(p.Path, line, col, "PDF handout: %s", w.Message)
	}
	p.Handout = &Handout{Pages: h.Pages, Size: len(h.PDF)}
	if ps.spill == nil {
		p.Handout.pdf = h.PDF
		return
	}
	ref, err := ps.spill.put(h.PDF, nil, nil)
	if err != nil && ps.err == nil {
		ps.err = err
	}
	p.Handout.stored = &ref
}
