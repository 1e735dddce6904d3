package html

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

	"pamphlet/generator/page"
	"pamphlet/generator/resolve"
	"pamphlet/generator/site"
)

// views works out what the templates see of a resolved site: the methods
// that make the views are the output stage's, on the resolve stage's Site.
type views struct{ *resolve.Site }

// SiteView is what templates see as .Site.
type SiteView struct {
	Title        string
	Description  string
	Lang         string
	BaseURL      string
	Organisation site.Organisation
	Disclaimer   string
	Funding      string
	Advertising  string
	FooterLinks  []linkView
	CrisisGroups []crisisGroup
	CrisisURL    string
	// Logo is the address of the brand's logo (site.yaml brand.logo),
	// LogoAlt its text for people who cannot see it.
	Logo, LogoAlt string
	// CitationStyle is the title of the site's CSL citation style, for the
	// credit the styles' licence asks for on the references page.
	CitationStyle string

	// partials holds what partialCached rendered during this build, by
	// layout, partial and key (see partialCached).
	partials sync.Map
}

// crisisGroup is the crisis lines of one region, in site.yaml's order.
type crisisGroup struct {
	Region string
	Lines  []crisisView
}

// crisisView is a crisis line with its phone and text links made safe for
// the template (html/template allows only http, https and mailto links
// unless told otherwise).
type crisisView struct {
	site.CrisisLine
	PhoneURL template.URL
	TextURL  template.URL
}

// dialURL returns "tel:116123" for "116 123": digits and a leading + only.
func dialURL(scheme, number string) template.URL {
	var b strings.Builder
	for i, r := range number {
		if r >= '0' && r <= '9' || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return template.URL(scheme + ":" + b.String())
}

// crisisGroups groups the crisis lines by region, keeping their order.
func crisisGroups(lines []site.CrisisLine) []crisisGroup {
	var groups []crisisGroup
	for _, l := range lines {
		v := crisisView{CrisisLine: l, PhoneURL: dialURL("tel", l.Phone), TextURL: dialURL("sms", l.Text)}
		if n := len(groups); n > 0 && groups[n-1].Region == l.Region {
			groups[n-1].Lines = append(groups[n-1].Lines, v)
			continue
		}
		groups = append(groups, crisisGroup{Region: l.Region, Lines: []crisisView{v}})
	}
	return groups
}

// linkView is a link to a page of the site, as templates see it.
type linkView struct {
	Title       string
	URL         string
	Description string
}

// menuItem is one entry of the site menu on a given page.
type menuItem struct {
	Title    string
	URL      string
	Current  bool // this entry is the page being shown
	Ancestor bool // the page being shown is inside this entry's section
}

// PageView is what templates see as .Page. The README lists every
// field.
type PageView struct {
	Kind        string
	Title       string
	Description string
	URL         string // link to the page, under the base path
	Permalink   string // full address, when base_url has a host
	// Content, References and JSONLD are made from the page's own source
	// alone, which its fingerprint covers by the page's parse generation.
	Content     template.HTML `fingerprint:"source"`
	Breadcrumbs []linkView
	Section     *linkView
	Children    []linkView
	// Contents links the page's sections ("On this page"), on pages with
	// three or more; Related the pages front matter names in related:,
	// else up to three others of its section.
	Contents     []linkView
	Related      []linkView
	Prev, Next   *linkView
	Menu         []menuItem
	Authors      []site.Person
	ReviewedBy   []site.Person
	Published    *dateView
	Updated      *dateView
	LastReviewed *dateView
	NextReview   *dateView
	Audience     []string
	About        string
	Crisis       bool
	// References is the page's own reference list, rendered.
	References template.HTML `fingerprint:"source"`
	// JSONLD is the page's schema.org MedicalWebPage, for the head.
	JSONLD template.JS `fingerprint:"source"`
	// EditorialURL links to the editorial policy, from the byline.
	EditorialURL string
	// AllReferences, on the site-wide references page only, lists every
	// work the site cites with the pages that cite it.
	AllReferences []referenceView
	// Sections, on the search page only, lists every page of the site by
	// section, for readers without JavaScript.
	Sections []sectionView
	// Handout is the page's PDF handout, or nil.
	Handout *handoutView
}

// handoutView is a page's PDF handout: where it is, how many pages it
// prints on, and its size as a reader reads it ("84 kB").
type handoutView struct {
	URL   string
	Pages int
	Size  string
}

// sectionView is a section of the site with its pages.
type sectionView struct {
	Title, URL string
	Pages      []linkView
}

// dateView is a date as templates show it: .ISO ("2025-09-14", for
// datetime attributes) and .Human ("14 September 2025"). Both are made
// once, as fields: a method that a template calls costs it a lookup and a
// call through reflection each time.
type dateView struct {
	ISO, Human string
}

// newDateView returns the view of d, or nil for no date.
func newDateView(d *site.Date) *dateView {
	if d == nil {
		return nil
	}
	return &dateView{ISO: d.ISO(), Human: d.Human()}
}

// referenceView is one work on the site-wide references page.
type referenceView struct {
	ID      string
	HTML    template.HTML
	CitedOn []linkView
}

// pageData is the value every layout is executed with.
type pageData struct {
	Site *SiteView
	Page *PageView

	kind string             // the layout being executed
	tpl  *template.Template // and its template set, for partialCached
}

// NewSiteView makes the site-wide part of every page's data.
func NewSiteView(s *resolve.Site) *SiteView {
	c := s.Config
	v := &SiteView{
		Title:         c.Title,
		Description:   c.Description,
		Lang:          c.Language,
		BaseURL:       c.AbsURL(""),
		Organisation:  c.Organisation,
		Disclaimer:    c.Disclaimer,
		Funding:       c.Funding,
		Advertising:   c.Advertising,
		CrisisGroups:  crisisGroups(c.Crisis),
		LogoAlt:       c.Brand.LogoAlt,
		CitationStyle: s.CitationStyle,
	}
	if c.Brand.Logo != "" {
		v.Logo = site.Href(c.BasePath(), site.PageRel(c.Brand.Logo))
	}
	for _, k := range []string{c.ContactPage, c.PrivacyPage, c.EditorialPg, c.DisclaimerPg} {
		if p := s.Page(k); k != "" && p != nil {
			v.FooterLinks = append(v.FooterLinks, views{s}.link(p))
		}
	}
	if p := s.Page(c.CrisisPage); c.CrisisPage != "" && p != nil {
		v.CrisisURL = s.Href(p)
	}
	return v
}

func (s views) link(p *page.Page) linkView {
	return linkView{Title: p.Title(), URL: s.Href(p), Description: p.Front.Description}
}

func (s views) linkPtr(p *page.Page) *linkView {
	if p == nil {
		return nil
	}
	l := s.link(p)
	return &l
}

// newPageView makes the data one page is rendered with.
func (s views) newPageView(p *page.Page) *PageView {
	f := &p.Front
	v := &PageView{
		Kind:         p.Kind,
		Title:        f.Title,
		Description:  f.Description,
		URL:          s.Href(p),
		Permalink:    s.Config.AbsURL(p.URL),
		Authors:      f.Authors,
		ReviewedBy:   f.ReviewedBy,
		Published:    newDateView(f.Published),
		Updated:      newDateView(f.Updated),
		LastReviewed: newDateView(f.LastReviewed),
		NextReview:   newDateView(f.NextReview),
		Audience:     f.Audience,
		About:        f.About,
		Crisis:       f.Safety == "crisis",
	}
	if v.NextReview == nil && f.LastReviewed != nil {
		// Next review due: last reviewed plus the site's review interval.
		v.NextReview = newDateView(&site.Date{Time: s.Config.ReviewEvery().AddTo(f.LastReviewed.Time)})
	}
	if ed := s.Page(s.Config.EditorialPg); s.Config.EditorialPg != "" && ed != nil {
		v.EditorialURL = s.Href(ed)
	}
	if p == s.ReferencesPage {
		for _, r := range s.References {
			rv := referenceView{ID: r.ID, HTML: template.HTML(r.HTML)}
			for _, c := range r.CitedOn {
				rv.CitedOn = append(rv.CitedOn, s.link(c))
			}
			v.AllReferences = append(v.AllReferences, rv)
		}
	}
	for a := s.Parent[p]; a != nil; a = s.Parent[a] {
		l := s.link(a)
		if a.Kind == page.KindHome {
			l.Title = "Home"
		}
		v.Breadcrumbs = append(v.Breadcrumbs, l)
	}
	slices.Reverse(v.Breadcrumbs)
	if parent := s.Parent[p]; parent != nil {
		v.Section = s.linkPtr(parent)
		sibs := s.Children[parent.URL]
		i, ok := s.Place[p]
		if !ok {
			i = -1
		}
		if i > 0 {
			v.Prev = s.linkPtr(sibs[i-1])
		}
		if i >= 0 && i+1 < len(sibs) {
			v.Next = s.linkPtr(sibs[i+1])
		}
	}
	for _, c := range s.Children[p.URL] {
		v.Children = append(v.Children, s.link(c))
	}
	if len(p.Contents) >= minContents {
		for _, h := range p.Contents {
			v.Contents = append(v.Contents, linkView{Title: h.Title, URL: "#" + h.ID})
		}
	}
	v.Related = s.related(p)
	if h := p.Handout; h != nil {
		v.Handout = &handoutView{URL: s.Href(p) + page.HandoutFile, Pages: h.Pages, Size: humanSize(h.Size)}
	}
	for _, m := range s.Config.Menu {
		item := menuItem{Title: m.Title, URL: m.URL}
		if m.Page != "" {
			t := s.Page(m.Page)
			if t == nil {
				continue
			}
			item.URL = s.Href(t)
			item.Current = t == p
			item.Ancestor = !item.Current && t.Kind != page.KindHome && s.isAncestor(t, p)
		}
		v.Menu = append(v.Menu, item)
	}
	return v
}

// minContents is how many sections a page needs for an "On this page"
// list: with fewer, the reader sees them all at once.
const minContents = 3

// maxRelated is how many pages of its section a page shows as related
// when its front matter names none.
const maxRelated = 3

// related returns the pages to show as related to p: those its front
// matter names, or else up to maxRelated others of its section, those
// after it first.
func (s views) related(p *page.Page) []linkView {
	var out []linkView
	if len(p.Related) > 0 {
		for _, rel := range p.Related {
			if t := s.ByRel[rel]; t != nil && t != p {
				out = append(out, s.link(t))
			}
		}
		return out
	}
	parent := s.Parent[p]
	if p.Kind != page.KindPage || parent == nil {
		return nil
	}
	sibs := s.Children[parent.URL]
	i := s.Place[p]
	for k := 1; k < len(sibs) && len(out) < maxRelated; k++ {
		if t := sibs[(i+k)%len(sibs)]; t != p && t.Kind == page.KindPage {
			out = append(out, s.link(t))
		}
	}
	return out
}

// isAncestor reports whether a is a section that holds p, at any depth.
func (s views) isAncestor(a, p *page.Page) bool {
	for q := s.Parent[p]; q != nil; q = s.Parent[q] {
		if q == a {
			return true
		}
	}
	return false
}

// notFoundView is the data of the 404 page.
func (s views) notFoundView() *PageView {
	v := &PageView{Kind: page.Kind404, Title: "Page not found", URL: site.Href(s.Config.BasePath(), "404.html")}
	v.Menu = s.plainMenu()
	return v
}

// plainMenu is the site menu on a page that is in no section: no entry
// is current.
func (s views) plainMenu() []menuItem {
	var menu []menuItem
	for _, m := range s.Config.Menu {
		item := menuItem{Title: m.Title, URL: m.URL}
		if t := s.Page(m.Page); m.Page != "" && t != nil {
			item.URL = s.Href(t)
		}
		menu = append(menu, item)
	}
	return menu
}

// searchView is the data of the search page: every page of the site by
// section, in the order the site lists them, for readers without
// JavaScript, whose search box brings them here.
func (s views) searchView() *PageView {
	v := &PageView{Kind: KindSearch, Title: "Search this site", URL: site.Href(s.Config.BasePath(), SearchPage)}
	v.Permalink = s.Config.AbsURL(SearchPage)
	v.Menu = s.plainMenu()
	var walk func(p *page.Page)
	walk = func(p *page.Page) {
		sec := sectionView{Title: p.Title(), URL: s.Href(p)}
		if p.Kind == page.KindHome {
			sec.Title = "Home"
		}
		var subs []*page.Page
		for _, c := range s.Children[p.URL] {
			if c.Kind == page.KindSection {
				subs = append(subs, c)
				continue
			}
			sec.Pages = append(sec.Pages, s.link(c))
		}
		v.Sections = append(v.Sections, sec)
		for _, c := range subs {
			walk(c)
		}
	}
	if home := s.ByURL[""]; home != nil {
		walk(home)
	}
	return v
}

// sitemap returns sitemap.xml for the published pages, with each page's own
// latest date (reviewed, updated or published) as lastmod.
func (s views) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.Pages {
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(s.Config.AbsURL(p.URL)))
		b.WriteString("</loc>")
		if d := p.Front.LastModified(); d != nil {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>", d.ISO())
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// robots returns robots.txt, pointing crawlers at the sitemap.
func (s views) robots() []byte {
	var b bytes.Buffer
	b.WriteString("User-agent: *\nAllow: /\n")
	if s.Config.Absolute() {
		fmt.Fprintf(&b, "\nSitemap: %s\n", s.Config.AbsURL("sitemap.xml"))
	}
	return b.Bytes()
}

// humanSize writes a file's size as a download link gives it: "84 kB",
// "1.2 MB" (decimal units, as browsers and operating systems show them).
func humanSize(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d kB", (n+500)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}
