package html

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

	"pamphlet/generator/i18n"
	"pamphlet/generator/page"
	"pamphlet/generator/resolve"
	"pamphlet/generator/search"
	"pamphlet/generator/site"
)

// views works out what the templates see of a resolved site: the methods
// that make the views are the output stage's, on the resolve stage's Site.
type views struct{ *resolve.Site }

// SiteView is what templates see as .Site: the site as pages in one of
// its languages show it.
type SiteView struct {
	Title       string
	Description string
	// Lang is the language's BCP 47 tag, Dir its direction ("ltr" or
	// "rtl"), for <html lang dir>.
	Lang, Dir string
	BaseURL   string
	// HomeURL and SearchURL link to the home page and the search page of
	// the language.
	HomeURL, SearchURL string
	// SearchWords are the search script's words in the language, as JSON.
	SearchWords string
	// T are the theme's words in the language: {{.T.on_this_page}} (see
	// package i18n). They are the settings', which the dev server's
	// settings generation covers.
	T            i18n.Strings `fingerprint:"settings"`
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
	// Lang is the language of the page linked to, where it is not the
	// language of the page the link is on (a page not yet translated):
	// the link's text is in that language.
	Lang string
}

// menuItem is one entry of the site menu on a given page.
type menuItem struct {
	Title string
	URL   string
	Lang  string // the page's language, where it is not the menu's

	Current  bool // this entry is the page being shown
	Ancestor bool // the page being shown is inside this entry's section
}

// PageView is what templates see as .Page. docs/templates.md lists every
// field.
type PageView struct {
	Kind string
	// Lang is the page's language (its BCP 47 tag): the page is shown
	// with the SiteView of that language.
	Lang        string
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
	// Translations lists the page in every language it is in, this one
	// too (Current), in site.yaml's order, for the language switcher and
	// <link rel="alternate" hreflang>; XDefault is the address of the
	// page in the default language. Both are empty on a site of one
	// language, and on a page that has no translation.
	Translations []translationView
	XDefault     string
	// Outdated, on a translation whose source page changed after the
	// date it was translated from, says so to its readers.
	Outdated *outdatedView
}

// translationView is the page in one language.
type translationView struct {
	Lang, Name string // tag, the language's name in itself
	// Dir is "rtl" for a language written right to left, else "" (the
	// link needs no dir of its own).
	Dir       string
	URL, Href string // link under the base path; Href the full address when there is one, for hreflang
	Current   bool
}

// outdatedView is the notice on a translation whose source changed: the
// date it was translated from, in the page's language, and the source
// page's language and address.
type outdatedView struct {
	Date     string
	Language string // the source's language, named in the page's language where the theme can
	URL      string
	Lang     string // the source's tag
	Text     string // the notice, in the page's language
	Link     string // the link's words
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
// datetime attributes) and .Human ("14 September 2025", in the page's
// language). Both are made
// once, as fields: a method that a template calls costs it a lookup and a
// call through reflection each time.
type dateView struct {
	ISO, Human string
}

// newDateView returns the view of d in the words of a language, or nil
// for no date.
func newDateView(d *site.Date, words i18n.Strings) *dateView {
	if d == nil {
		return nil
	}
	return &dateView{ISO: d.ISO(), Human: words.Date(d.Time)}
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
	// T are the theme's words in the page's language (Site.T).
	T i18n.Strings

	kind string             // the layout being executed
	tpl  *template.Template // and its template set, for partialCached
}

// SiteViews are the site-wide part of every page's data, one for each of
// the site's languages.
type SiteViews struct {
	def   *SiteView
	langs map[string]*SiteView
}

// In returns the view of the site in the language tag (the default
// language's for a tag the site does not have).
func (v *SiteViews) In(tag string) *SiteView {
	if sv, ok := v.langs[tag]; ok {
		return sv
	}
	return v.def
}

// NewSiteViews makes the site-wide part of every page's data, in each of
// the site's languages.
func NewSiteViews(s *resolve.Site) *SiteViews {
	v := &SiteViews{langs: map[string]*SiteView{}}
	for _, l := range s.Config.Languages() {
		v.langs[l.Tag] = newSiteView(s, l.Tag)
	}
	v.def = v.langs[s.Config.DefaultLanguage()]
	return v
}

// newSiteView makes the site-wide part of the data of pages in one
// language: the site's settings for it, and its policy and crisis pages
// in that language where they are translated.
func newSiteView(s *resolve.Site, tag string) *SiteView {
	c := s.Config
	in := c.In(tag)
	words := s.Strings(tag)
	v := &SiteView{
		Title:         in.Title,
		Description:   in.Description,
		Lang:          tag,
		Dir:           words.Dir(),
		BaseURL:       c.AbsURL(""),
		HomeURL:       site.Href(c.BasePath(), in.Prefix()),
		SearchURL:     site.Href(c.BasePath(), in.Prefix()+SearchPage),
		T:             words,
		Organisation:  c.Organisation,
		Disclaimer:    in.Disclaimer,
		Funding:       c.Funding,
		Advertising:   c.Advertising,
		CrisisGroups:  crisisGroups(in.Crisis),
		LogoAlt:       c.Brand.LogoAlt,
		CitationStyle: s.CitationStyle,
	}
	v.SearchWords = words.JSON(search.ScriptWords()...)
	if c.Brand.Logo != "" {
		v.Logo = site.Href(c.BasePath(), site.PageRel(c.Brand.Logo))
	}
	for _, k := range []string{in.ContactPage, in.PrivacyPage, in.EditorialPg, in.DisclaimerPg} {
		if p := s.In(s.Page(k), tag); k != "" && p != nil {
			l := views{s}.link(p)
			if p.Lang != tag {
				l.Lang = p.Lang
			}
			v.FooterLinks = append(v.FooterLinks, l)
		}
	}
	if p := s.In(s.Page(in.CrisisPage), tag); in.CrisisPage != "" && p != nil {
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
	words := s.Strings(p.Lang)
	in := s.Config.In(p.Lang)
	v := &PageView{
		Kind:         p.Kind,
		Lang:         p.Lang,
		Title:        f.Title,
		Description:  f.Description,
		URL:          s.Href(p),
		Permalink:    s.Config.AbsURL(p.URL),
		Authors:      f.Authors,
		ReviewedBy:   f.ReviewedBy,
		Published:    newDateView(f.Published, words),
		Updated:      newDateView(f.Updated, words),
		LastReviewed: newDateView(f.LastReviewed, words),
		NextReview:   newDateView(f.NextReview, words),
		Audience:     f.Audience,
		About:        f.About,
		Crisis:       f.Safety == "crisis",
	}
	if v.NextReview == nil && f.LastReviewed != nil {
		// Next review due: last reviewed plus the site's review interval.
		v.NextReview = newDateView(&site.Date{Time: s.Config.ReviewEvery().AddTo(f.LastReviewed.Time)}, words)
	}
	if ed := s.In(s.Page(in.EditorialPg), p.Lang); in.EditorialPg != "" && ed != nil {
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
			l.Title = words["home"]
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
	v.Menu = s.menu(p, p.Lang)
	s.translations(p, v)
	return v
}

// menu returns the site menu of pages in the language tag as it shows on
// p (nil: a page in no section, on which no entry is current). An entry
// that names a page links to its translation into the language, and,
// unless the language has a menu of its own, shows the translation's
// title.
func (s views) menu(p *page.Page, tag string) []menuItem {
	own := s.Config.Lang(tag).Menu != nil
	var menu []menuItem
	for _, m := range s.Config.In(tag).Menu {
		item := menuItem{Title: m.Title, URL: m.URL}
		if m.Page != "" {
			t := s.Page(m.Page)
			if t == nil {
				continue
			}
			if tr := s.In(t, tag); tr != t {
				t = tr
				if !own {
					item.Title = t.Title()
				}
			}
			item.URL = s.Href(t)
			if t.Lang != tag {
				item.Lang = t.Lang
			}
			if p != nil {
				item.Current = t == p
				item.Ancestor = !item.Current && t.Kind != page.KindHome && s.isAncestor(t, p)
			}
		}
		menu = append(menu, item)
	}
	return menu
}

// translations fills in the page's translations and, on a translation
// whose source changed after it was made, the notice for its readers.
func (s views) translations(p *page.Page, v *PageView) {
	ts := s.TranslationsOf(p)
	for _, t := range ts {
		href := s.Config.AbsURL(t.URL)
		if href == "" {
			href = s.Href(t)
		}
		tv := translationView{Lang: t.Lang, Name: s.Words.Name(t.Lang), URL: s.Href(t), Href: href, Current: t == p}
		if s.Strings(t.Lang).Dir() == "rtl" {
			tv.Dir = "rtl"
		}
		v.Translations = append(v.Translations, tv)
		if t.Lang == s.Config.DefaultLanguage() {
			v.XDefault = href
		}
	}
	src := s.SourceOf(p)
	if src == nil || !p.Outdated(src) {
		return
	}
	words := s.Strings(p.Lang)
	name := words.LanguageName(src.Lang)
	o := &outdatedView{Date: words.Date(p.Front.TranslatedFrom.Time), Language: name, URL: s.Href(src), Lang: src.Lang}
	o.Text = words.Fill("translation_outdated", "language", name, "date", o.Date)
	o.Link = words.Fill("translation_read_current", "language", name)
	v.Outdated = o
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
	def := s.Config.DefaultLanguage()
	v := &PageView{Kind: page.Kind404, Lang: def, Title: s.Strings(def)["not_found_title"], URL: site.Href(s.Config.BasePath(), "404.html")}
	v.Menu = s.menu(nil, def)
	return v
}

// searchView is the data of the search page: every page of the site by
// section, in the order the site lists them, for readers without
// JavaScript, whose search box brings them here.
func (s views) searchView(tag string) *PageView {
	words := s.Strings(tag)
	prefix := s.Config.Lang(tag).Prefix()
	v := &PageView{Kind: KindSearch, Lang: tag, Title: words["search_title"], URL: site.Href(s.Config.BasePath(), prefix+SearchPage)}
	v.Permalink = s.Config.AbsURL(prefix + SearchPage)
	v.Menu = s.menu(nil, tag)
	var walk func(p *page.Page)
	walk = func(p *page.Page) {
		sec := sectionView{Title: p.Title(), URL: s.Href(p)}
		if p.Kind == page.KindHome {
			sec.Title = words["home"]
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
	if home := s.ByURL[prefix]; home != nil {
		walk(home)
	}
	return v
}

// sitemap returns sitemap.xml for the published pages, with each page's own
// latest date (reviewed, updated or published) as lastmod.
func (s views) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`)
	if s.Translations != nil {
		b.WriteString(` xmlns:xhtml="http://www.w3.org/1999/xhtml"`)
	}
	b.WriteString(">\n")
	for _, p := range s.Pages {
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(s.Config.AbsURL(p.URL)))
		b.WriteString("</loc>")
		if d := p.Front.LastModified(); d != nil {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>", d.ISO())
		}
		// Every version of a translated page lists every version,
		// itself too, and the default language's as x-default (as
		// Google documents for sitemaps).
		ts := s.TranslationsOf(p)
		for _, t := range ts {
			s.alternate(&b, t.Lang, t)
		}
		if len(ts) > 0 && ts[0].Lang == s.Config.DefaultLanguage() {
			s.alternate(&b, "x-default", ts[0])
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// alternate writes one <xhtml:link rel="alternate"> of a sitemap entry.
func (s views) alternate(b *bytes.Buffer, hreflang string, t *page.Page) {
	b.WriteString(`<xhtml:link rel="alternate" hreflang="`)
	_ = xml.EscapeText(b, []byte(hreflang))
	b.WriteString(`" href="`)
	_ = xml.EscapeText(b, []byte(s.Config.AbsURL(t.URL)))
	b.WriteString(`"/>`)
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
