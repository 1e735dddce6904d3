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
	crisis := s.Page(s.Config.CrisisPage)
	for _, l := range p.Links {
		if crisis != nil && l.Target == crisis.Rel {
			tf.LinksToCrisis = true
		}
	}
	if crisis == p {
		tf.LinksToCrisis = true
	}
	return tf
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
	site := trust.SiteFacts{
		Organisation: c.Organisation.Name, ContactEmail: c.Organisation.Email, ContactPhone: c.Organisation.Phone,
		Disclaimer: c.Disclaimer, Funding: c.Funding, Advertising: c.Advertising, CrisisPage: c.CrisisPage,
		ReviewInterval: c.ReviewEvery(), ReadabilityTarget: c.ReadabilityTarget,
		ConfigFile: site.ConfigFile, CrisisAt: c.Line("crisis"),
		ConfigPlaceholders: trust.FindPlaceholders(c.Text(), true),
	}
	for _, l := range c.Crisis {
		site.Helplines = append(site.Helplines, trust.Helpline{Name: l.Name, Phone: l.Phone, Text: l.Text})
	}
	for _, ref := range []struct {
		rel string
		dst *string
	}{{c.ContactPage, &site.ContactPage}, {c.PrivacyPage, &site.PrivacyPage}, {c.EditorialPg, &site.EditorialPage}} {
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
	return site, pages
}
