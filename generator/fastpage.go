package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// The default theme's layout of an ordinary page, written in Go.
//
// html/template calls every escaper and every method through reflection,
// and a page of the default theme runs about eighty of them: executing the
// templates was a fifth of a build's CPU time. writeDefaultPage writes the
// same bytes as base.html and page.html with their partials, using the
// same escaping, at a fraction of the cost. It is used only while the
// templates it mirrors are exactly the default theme's (defaultPageSum):
// a site that replaces any of them, or a theme that differs, is rendered
// by html/template as before. The partials it does not mirror (header,
// assets, site footer) are still executed as templates, through
// partialCached, so replacing them needs no care. TestDefaultPageLayout
// holds the two renderings byte for byte equal on real sites.

// defaultPageTemplates are the templates writeDefaultPage mirrors.
var defaultPageTemplates = []string{
	"allrefs.html", "base.html", "body.html", "breadcrumbs.html",
	"footer.html", "page.html", "pagemeta.html", "pagenav.html",
}

// defaultPageSum is templateSum of the default theme's
// defaultPageTemplates. When a change to one of them makes
// TestDefaultPageLayout fail, change writeDefaultPage to match, then set
// this to the sum the test prints.
const defaultPageSum = "ec15639f7192369bf0e2a638d46c3ba1036c7ec5874facd8818f80b3056aa06a"

// templateSum fingerprints the texts of defaultPageTemplates.
func templateSum(texts map[string]string) string {
	h := sha256.New()
	for _, name := range defaultPageTemplates {
		h.Write([]byte(name + "\x00" + texts[name] + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeDefaultPage writes a page of kind "page" as the default theme's
// templates would. It returns false, having written nothing, for the pages
// whose part it does not mirror (the crisis card), which the templates
// render.
func writeDefaultPage(w *bytes.Buffer, d *pageData) (bool, error) {
	p, s := d.Page, d.Site
	if p.Kind != KindPage || p.Crisis {
		return false, nil
	}
	assets, err := partialCached("assets.html", d, len(p.refs) == 0)
	if err != nil {
		return false, err
	}
	header, err := partialCached("header.html", d, p.Kind, p.Menu)
	if err != nil {
		return false, err
	}
	siteFooter, err := partialCached("sitefooter.html", d)
	if err != nil {
		return false, err
	}
	e := htmlWriter{w}

	// base.html
	e.raw("<!DOCTYPE html>\n<html lang=\"")
	e.text(s.Lang)
	e.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	e.text(p.Title)
	e.raw(" | ")
	e.text(s.Title)
	e.raw("</title>\n")
	if p.Description != "" {
		e.raw("<meta name=\"description\" content=\"")
		e.text(p.Description)
		e.raw("\">\n")
	}
	if p.Permalink != "" {
		e.raw("<link rel=\"canonical\" href=\"")
		e.url(p.Permalink)
		e.raw("\">\n")
	}
	e.raw("<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"")
	e.text(p.Title)
	e.raw("\">\n")
	if p.Description != "" {
		e.raw("<meta property=\"og:description\" content=\"")
		e.text(p.Description)
		e.raw("\">\n")
	}
	if p.Permalink != "" {
		e.raw("<meta property=\"og:url\" content=\"")
		e.text(p.Permalink)
		e.raw("\">\n")
	}
	e.raw("<meta property=\"og:site_name\" content=\"")
	e.text(s.Title)
	e.raw("\">\n<meta name=\"color-scheme\" content=\"light dark\">\n")
	if len(p.jsonld) > 0 {
		e.raw("<script type=\"application/ld+json\">")
		e.b.Write(p.jsonld)
		e.raw("</script>\n")
	}
	e.raw("\n")
	e.raw(string(assets))
	e.raw("</head>\n<body class=\"kind-")
	e.text(p.Kind)
	e.raw("\">\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n")
	e.raw(string(header))
	e.raw("\n<main id=\"main\" tabindex=\"-1\">\n")

	// page.html's "main"
	e.raw("\n")
	e.breadcrumbs(p)
	e.raw("\n<article class=\"page\">\n")
	// body.html
	e.raw("<h1>")
	e.text(p.Title)
	e.raw("</h1>\n")
	if p.Description != "" {
		e.raw("<p class=\"lead\">")
		e.text(p.Description)
		e.raw("</p>\n")
	}
	e.raw("\n<div class=\"content\">\n")
	e.b.Write(p.body)
	e.raw("\n</div>\n")
	e.b.Write(p.refs)
	e.allRefs(p)
	e.raw("\n")
	e.pageMeta(p)
	e.raw("\n</article>\n")
	e.pageNav(p)
	e.raw("\n\n</main>\n")

	// footer.html
	e.raw("<footer class=\"site-footer\">\n<div class=\"wrap\">\n")
	e.raw(string(siteFooter))
	e.raw("<p class=\"print-only print-source\">")
	e.text(p.Title)
	if p.LastReviewed != nil {
		e.raw(" · Page last reviewed: ")
		e.text(p.LastReviewed.Human())
	}
	if p.Permalink != "" {
		e.raw(" · ")
		e.text(p.Permalink)
	}
	e.raw("</p>\n</div>\n</footer>\n\n</body>\n</html>\n\n")
	return true, nil
}

// breadcrumbs writes breadcrumbs.html.
func (e htmlWriter) breadcrumbs(p *pageView) {
	if len(p.Breadcrumbs) > 0 {
		e.raw("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol>\n")
		for _, l := range p.Breadcrumbs {
			e.raw("<li><a href=\"")
			e.url(l.URL)
			e.raw("\">")
			e.text(l.Title)
			e.raw("</a></li>\n")
		}
		e.raw("<li><span aria-current=\"page\">")
		e.text(p.Title)
		e.raw("</span></li>\n</ol>\n</nav>")
	}
	e.raw("\n")
}

// allRefs writes allrefs.html, the site-wide list of references: on a
// large site, the one page that took longest to render through the
// templates (2.5 s of a 100,000-page build, whose list links 450,000
// times to the pages that cite each work).
func (e htmlWriter) allRefs(p *pageView) {
	if len(p.AllReferences) == 0 {
		return
	}
	e.raw("<section class=\"references references-all\" aria-labelledby=\"all-references\">\n<h2 id=\"all-references\">Every work cited on this site</h2>\n<ul>\n")
	for _, r := range p.AllReferences {
		e.raw("<li id=\"")
		e.text(r.ID)
		e.raw("\">")
		e.raw(string(r.HTML))
		if len(r.CitedOn) > 0 {
			e.raw(" <span class=\"cited-on\">Cited on: ")
			for i, l := range r.CitedOn {
				if i > 0 {
					e.raw(", ")
				}
				e.raw("<a href=\"")
				e.url(l.URL)
				e.raw("\">")
				e.text(l.Title)
				e.raw("</a>")
			}
			e.raw("</span>")
		}
		e.raw("</li>\n")
	}
	e.raw("</ul>\n</section>")
}

// pageMeta writes pagemeta.html.
func (e htmlWriter) pageMeta(p *pageView) {
	if len(p.Authors) > 0 || len(p.ReviewedBy) > 0 || p.Published != nil || p.LastReviewed != nil {
		e.raw("<aside class=\"page-meta\" aria-label=\"About this page\">\n")
		if len(p.Authors) > 0 {
			e.raw("<p class=\"byline\">Written by ")
			e.people(p.Authors)
			e.raw("</p>\n")
		}
		if len(p.ReviewedBy) > 0 {
			e.raw("<p class=\"byline\">Reviewed by ")
			e.people(p.ReviewedBy)
			e.raw("</p>\n")
		}
		if p.LastReviewed != nil || p.NextReview != nil {
			e.raw("<p class=\"review-dates\">")
			e.date("Page last reviewed: ", p.LastReviewed)
			if p.LastReviewed != nil && p.NextReview != nil {
				e.raw(" · ")
			}
			e.date("Next review due: ", p.NextReview)
			e.raw("</p>\n")
		}
		if p.Published != nil || p.Updated != nil {
			e.raw("<p class=\"pub-dates\">")
			e.date("First published: ", p.Published)
			if p.Published != nil && p.Updated != nil {
				e.raw(" · ")
			}
			e.date("Last updated: ", p.Updated)
			e.raw("</p>\n")
		}
		if p.EditorialURL != "" {
			e.raw("<p class=\"policy-link\"><a href=\"")
			e.url(p.EditorialURL)
			e.raw("\">How we write and review our pages</a></p>\n")
		}
		e.raw("</aside>")
	}
	e.raw("\n\n")
}

// people writes a byline's names, as pagemeta.html's "person".
func (e htmlWriter) people(ps []Person) {
	for i, a := range ps {
		if i > 0 {
			e.raw(", ")
		}
		if a.URL != "" {
			e.raw("<a href=\"")
			e.url(a.URL)
			e.raw("\">")
			e.text(a.Name)
			e.raw("</a>")
		} else {
			e.text(a.Name)
		}
		if a.Credentials != "" {
			e.raw(" (")
			e.text(a.Credentials)
			e.raw(")")
		}
		if a.Role != "" {
			e.raw(", ")
			e.text(a.Role)
		}
	}
}

// date writes a labelled <time>, or nothing without a date.
func (e htmlWriter) date(label string, d *Date) {
	if d == nil {
		return
	}
	e.raw(label)
	e.raw("<time datetime=\"")
	e.text(d.ISO())
	e.raw("\">")
	e.text(d.Human())
	e.raw("</time>")
}

// pageNav writes pagenav.html.
func (e htmlWriter) pageNav(p *pageView) {
	if p.Prev != nil || p.Next != nil {
		e.raw("<nav class=\"pagenav\" aria-label=\"More in ")
		if p.Section != nil {
			e.text(p.Section.Title)
		} else {
			e.raw("this section")
		}
		e.raw("\">\n<ul>\n")
		if l := p.Prev; l != nil {
			e.raw("<li class=\"prev\"><a href=\"")
			e.url(l.URL)
			e.raw("\" rel=\"prev\"><span class=\"label\">Previous</span> <span class=\"title\">")
			e.text(l.Title)
			e.raw("</span></a></li>\n")
		}
		if l := p.Next; l != nil {
			e.raw("<li class=\"next\"><a href=\"")
			e.url(l.URL)
			e.raw("\" rel=\"next\"><span class=\"label\">Next</span> <span class=\"title\">")
			e.text(l.Title)
			e.raw("</span></a></li>\n")
		}
		e.raw("</ul>\n</nav>")
	}
	e.raw("\n")
}

// htmlWriter writes HTML with html/template's escaping of plain strings.
type htmlWriter struct{ b *bytes.Buffer }

func (e htmlWriter) raw(s string) { e.b.WriteString(s) }

// text writes s escaped as html/template escapes a string in text, in a
// quoted attribute and in <title>: the same seven characters, the same
// way.
func (e htmlWriter) text(s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		e.b.WriteString(s[start:i])
		e.b.WriteString(r)
		start = i + 1
	}
	e.b.WriteString(s[start:])
}

// url writes s as the whole value of a URL attribute (href), as
// html/template does for a string: an address with a scheme other than
// http, https or mailto becomes "#ZgotmplZ", bytes that may not appear in
// an address are percent-encoded (a '%' too, unless two hexadecimal digits
// follow it), and the
// result is escaped for the attribute.
func (e htmlWriter) url(s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	const hex = "0123456789abcdef"
	var enc []byte
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if urlKeeps(c) || c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]) {
			continue
		}
		if enc == nil {
			enc = make([]byte, 0, len(s)+16)
		}
		enc = append(enc, s[start:i]...)
		enc = append(enc, '%', hex[c>>4], hex[c&15])
		start = i + 1
	}
	if enc != nil {
		s = string(append(enc, s[start:]...))
	}
	e.text(s)
}

// urlKeeps reports whether html/template's URL normalizer leaves byte c
// as it is: letters, digits, and RFC 3986's unreserved and reserved
// characters.
func urlKeeps(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
