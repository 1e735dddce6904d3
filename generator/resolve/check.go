package resolve

import (
	"time"

	"pamphlet/generator/diag"
	"pamphlet/generator/page"
	"pamphlet/generator/site"
	"pamphlet/generator/trust"
)

// checkFacts returns what the trust checks need to know about a page.
func (s *Site) checkFacts(p *page.Page) trust.PageFacts {
	tf := p.TrustFacts(s.Config)
	// The crisis page of the page's language, or the one site.yaml names
	// where it has no translation: a link to either is a link to help.
	crisis := s.Page(s.Config.In(p.Lang).CrisisPage)
	local := s.In(crisis, p.Lang)
	for _, l := range p.Links {
		if crisis != nil && (l.Target == crisis.Rel || l.Target == local.Rel) {
			tf.LinksToCrisis = true
		}
	}
	if crisis == p || local == p {
		tf.LinksToCrisis = true
	}
	if src := s.SourceOf(p); src != nil {
		tf.Translation = translationFacts(p, src)
	}
	return tf
}

// translationFacts returns what the checks need to know of a translation
// and the page it was made from.
func translationFacts(p, src *page.Page) *trust.Translation {
	t := &trust.Translation{Source: src.Path, TranslatedFrom: p.Front.TranslatedFrom.TimePtr()}
	f := &src.Front
	if d := f.LastModified(); d != nil {
		t.SourceChanged = d.TimePtr()
		switch d {
		case f.LastReviewed:
			t.SourceKey = "last_reviewed"
		case f.Updated:
			t.SourceKey = "updated"
		default:
			t.SourceKey = "published"
		}
	}
	return t
}

// TrustReport checks every published page against the HONcode principles,
// its readability and its review dates, as of today. build holds the
// build's own diagnostics, which the report files under their pages.
func (s *Site) TrustReport(build diag.List, today time.Time) *trust.Report {
	site, pages := s.TrustFacts()
	return trust.Check(site, pages, build, today)
}

// TrustFacts returns what the trust checks need to know about the site
// and each published page. It copies or shares what it needs, so the
// pages can be released (see Release) while the checks run.
func (s *Site) TrustFacts() (trust.SiteFacts, []trust.PageFacts) {
	c := s.Config
	sf := trust.SiteFacts{
		Organisation: c.Organisation.Name, ContactEmail: c.Organisation.Email, ContactPhone: c.Organisation.Phone,
		Disclaimer: c.Disclaimer, Funding: c.Funding, Advertising: c.Advertising, CrisisPage: c.CrisisPage,
		ReviewInterval: c.ReviewEvery(), ReadabilityTarget: c.ReadabilityTarget,
		ConfigFile: site.ConfigFile, CrisisAt: c.Line("crisis"),
		ConfigPlaceholders: trust.FindPlaceholders(c.Text(), true),
	}
	if s.Words != nil {
		for _, m := range s.Words.Missing() {
			sf.MissingWords = append(sf.MissingWords, trust.MissingWords{Language: site.LanguageName(m.Lang), File: m.File, Keys: m.Keys})
		}
	}
	for _, l := range c.Crisis {
		sf.Helplines = append(sf.Helplines, trust.Helpline{Name: l.Name, Phone: l.Phone, Text: l.Text})
	}
	for _, ref := range []struct {
		rel string
		dst *string
	}{{c.ContactPage, &sf.ContactPage}, {c.PrivacyPage, &sf.PrivacyPage}, {c.EditorialPg, &sf.EditorialPage}} {
		if p := s.Page(ref.rel); ref.rel != "" && p != nil {
			*ref.dst = s.Href(p)
		}
	}
	pages := make([]trust.PageFacts, 0, len(s.Pages))
	for _, p := range s.Pages {
		if p.Generated {
			continue // a list page Pamphlet made for a folder: nobody wrote it
		}
		pages = append(pages, s.checkFacts(p))
	}
	return sf, pages
}
