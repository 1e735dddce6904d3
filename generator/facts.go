package generator

import (
	"regexp"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"pamphlet/generator/diag"
	"pamphlet/generator/trust"
)

// proseBlock is one paragraph, heading or list item of a page's prose, as
// plain text, with the offset where it starts in the source.
type proseBlock struct {
	text   string
	offset int
	label  bool // a heading or a lone link
}

// onlyLink reports whether a block holds nothing but one link.
func onlyLink(n ast.Node) bool {
	c := n.FirstChild()
	return c != nil && c.NextSibling() == nil && c.Kind() == ast.KindLink
}

// collectProse returns the prose of a page for the readability and
// content checks: paragraphs, headings and list items, without code,
// tables or citations (the reference list is not part of the body).
func collectProse(doc ast.Node, source []byte) []proseBlock {
	var blocks []proseBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case east.KindTable, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			if t := plainText(n, source); t != "" {
				off := 0
				if n.Lines().Len() > 0 {
					off = n.Lines().At(0).Start
				}
				// A heading, or a list item that is only a link, is a label,
				// not a sentence: kept for the content checks, left out of
				// the readability scores.
				label := n.Kind() == ast.KindHeading || onlyLink(n)
				blocks = append(blocks, proseBlock{t, off, label})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return blocks
}

var (
	// treatmentWords and outcomeWords together mark a sentence that says
	// what a treatment does: such a claim needs a source (HONcode 5).
	treatmentWords = regexp.MustCompile(`(?i)\b(therap(?:y|ies)|treatments?|MBT|medicines?|medication|programmes?|programs?|interventions?)\b`)
	outcomeWords   = regexp.MustCompile(`(?i)\b(can help|helps|helped|effective|effectiveness|improve[sd]?|improvements?|benefits?|reduces?|reduced|recover(?:y|ed)?|did better|does better|outcomes?)\b`)
	// sentenceEnd splits a block into rough sentences for the claim check.
	sentenceEnd = regexp.MustCompile(`[.!?]\s+`)
	// suicideWords mark text that safe-messaging guidance applies to.
	suicideWords = regexp.MustCompile(`(?i)\b(suicid\w*|self-harm\w*|self harm\w*|kill (?:yourself|myself|themselves|himself|herself)|overdos\w*)`)
)

// pageFacts is what the trust checks need from a page's text, worked out
// once while the page is parsed.
type pageFacts struct {
	readability trust.Readability
	claim       string
	claimLine   int
	suicide     string
	suicideLine int
}

func (s *parseState) facts(blocks []proseBlock) pageFacts {
	// Headings are left out of the readability scores: two or three words
	// without a verb are not sentences, and formulas misjudge them.
	var texts []string
	for _, b := range blocks {
		if !b.label {
			texts = append(texts, b.text)
		}
	}
	f := pageFacts{readability: trust.Measure(texts)}
	for _, b := range blocks {
		if f.claim == "" && !b.label {
			for _, sentence := range sentenceEnd.Split(b.text, -1) {
				if treatmentWords.MatchString(sentence) && outcomeWords.MatchString(sentence) {
					f.claim = sentence
					f.claimLine, _ = s.pos(b.offset)
					break
				}
			}
		}
		if f.suicide == "" && suicideWords.MatchString(b.text) {
			f.suicide = b.text
			f.suicideLine, _ = s.pos(b.offset)
		}
	}
	return f
}

// trustFacts returns what the trust checks need to know about a page.
func (s *Site) trustFacts(p *Page) trust.PageFacts {
	f := &p.Front
	tf := trust.PageFacts{
		Path: p.Path, URL: "/" + p.URL, Title: f.Title,
		Medical:   !s.Policy[p],
		Authors:   trustPeople(f.Authors),
		Reviewers: trustPeople(f.ReviewedBy),
		Safety:    f.Safety, KeyLines: p.KeyLines,
		Claim: p.facts.claim, ClaimLine: p.facts.claimLine,
		Suicide: p.facts.suicide, SuicideLn: p.facts.suicideLine,
		Readability: p.facts.readability,
	}
	for _, d := range []struct {
		src *Date
		dst **time.Time
	}{{f.Published, &tf.Published}, {f.Updated, &tf.Updated}, {f.LastReviewed, &tf.LastReviewed}, {f.NextReview, &tf.NextReview}} {
		if d.src != nil {
			t := d.src.Time
			*d.dst = &t
		}
	}
	if p.Cited != nil {
		for _, l := range p.Cited.List {
			tf.Citations += len(l.Occurrences)
		}
	}
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

func trustPeople(ps []Person) []trust.Person {
	out := make([]trust.Person, len(ps))
	for i, p := range ps {
		out[i] = trust.Person{Name: p.Name, Credentials: p.Credentials, Role: p.Role, URL: p.URL}
	}
	return out
}

// TrustReport checks every published page against the HONcode principles,
// its readability and its review dates, as of today. build holds the
// build's own diagnostics, which the report files under their pages.
func (s *Site) TrustReport(build diag.List, today time.Time) *trust.Report {
	c := s.Config
	site := trust.SiteFacts{
		Organisation: c.Organisation.Name, ContactEmail: c.Organisation.Email, ContactPhone: c.Organisation.Phone,
		Disclaimer: c.Disclaimer, Funding: c.Funding, Advertising: c.Advertising, CrisisPage: c.CrisisPage,
		ReviewInterval: c.reviewInterval, ReadabilityTarget: c.ReadabilityTarget,
	}
	for _, ref := range []struct {
		rel string
		dst *string
	}{{c.ContactPage, &site.ContactPage}, {c.PrivacyPage, &site.PrivacyPage}, {c.EditorialPg, &site.EditorialPage}} {
		if p := s.Page(ref.rel); ref.rel != "" && p != nil {
			*ref.dst = s.href(p)
		}
	}
	pages := make([]trust.PageFacts, 0, len(s.Pages))
	for _, p := range s.Pages {
		if p.generated {
			continue // a list page Pamphlet made for a folder: nobody wrote it
		}
		pages = append(pages, s.trustFacts(p))
	}
	return trust.Check(site, pages, build, today)
}
