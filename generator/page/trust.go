package page

import (
	"pamphlet/generator/site"
	"pamphlet/generator/trust"
)

// TrustFacts returns what the trust checks need to know about the page
// from itself and the settings; whether it links to the crisis page is
// the site's to say.
func (p *Page) TrustFacts(cfg *site.Config) trust.PageFacts {
	f := &p.Front
	tf := trust.PageFacts{
		Path: p.Path, URL: "/" + p.URL, Title: f.Title,
		Medical:   !cfg.PolicyPage(p.Rel),
		Authors:   trustPeople(f.Authors),
		Reviewers: trustPeople(f.ReviewedBy),
		Safety:    f.Safety, KeyLines: p.KeyLines,
		Claim: p.facts.claim, ClaimLine: p.facts.claimLine,
		Suicide: p.facts.suicide, SuicideLn: p.facts.suicideLine,
		Placeholders: p.facts.placeholders,
		Readability:  p.facts.readability,
	}
	tf.Published, tf.Updated, tf.LastReviewed, tf.NextReview = f.Published.TimePtr(), f.Updated.TimePtr(), f.LastReviewed.TimePtr(), f.NextReview.TimePtr()
	tf.Citations = p.citations
	return tf
}

func trustPeople(ps []site.Person) []trust.Person {
	out := make([]trust.Person, len(ps))
	for i, p := range ps {
		out[i] = trust.Person{Name: p.Name, Credentials: p.Credentials, Role: p.Role, URL: p.URL}
	}
	return out
}

// Outdated reports whether the page, a translation of src, fell behind
// it: src changed after the date the page was translated from (see
// trust.Outdated).
func (p *Page) Outdated(src *Page) bool {
	return trust.Outdated(p.Front.TranslatedFrom.TimePtr(), src.Front.LastModified().TimePtr())
}
