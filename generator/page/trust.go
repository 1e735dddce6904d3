package page

import (
	"time"

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
	for _, d := range []struct {
		src *site.Date
		dst **time.Time
	}{{f.Published, &tf.Published}, {f.Updated, &tf.Updated}, {f.LastReviewed, &tf.LastReviewed}, {f.NextReview, &tf.NextReview}} {
		if d.src != nil {
			t := d.src.Time
			*d.dst = &t
		}
	}
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
