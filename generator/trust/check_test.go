package trust

import (
	"strings"
	"testing"
	"time"
)

// checkOne checks one page of a site that otherwise meets every principle.
func checkOne(site SiteFacts, p PageFacts) *Report {
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if site.Disclaimer == "" {
		site.Disclaimer = "This supports your care."
	}
	if site.Funding == "" {
		site.Funding = "The clinic pays."
	}
	site.Advertising, site.PrivacyPage, site.ContactPage, site.ConfigFile = "No adverts.", "/privacy/", "/contact/", "site.yaml"
	if site.ReadabilityTarget == 0 {
		site.ReadabilityTarget = 8
	}
	if p.Path == "" {
		p.Path, p.URL, p.Title = "content/contact.md", "/contact/", "Contact"
	}
	return Check(site, []PageFacts{p}, nil, day)
}

func TestCheckReadabilityVerdict(t *testing.T) {
	page := func(n int, sentence string) PageFacts {
		return PageFacts{Path: "content/a.md", Readability: Measure([]string{strings.Repeat(sentence+" ", n)})}
	}
	const easy = "We all do it each day."
	const long = "It is a personality disorder." // 2 long words in 5
	tests := []struct {
		name     string
		p        PageFacts
		met      bool
		estimate bool
		warning  string
	}{
		{"both under", page(30, easy), true, false, ""},
		{"SMOG over, Flesch-Kincaid under, on 30 sentences", page(30, easy+" "+long), false, false,
			"content/a.md: warning: Readability: SMOG grade"},
		{"SMOG over on a short page still counts, as an estimate", page(3, easy+" "+long), false, true,
			"(an estimate: the page has 6 sentences, SMOG is defined on 30) is above the target of grade 8; use fewer long words"},
		{"both over", page(2, "Multidimensional epidemiological characterisation necessitates comprehensive individualised conceptualisation."), false, true,
			"Readability: Flesch-Kincaid grade"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkOne(SiteFacts{}, tt.p)
			rd := r.Pages[0].Readability
			if rd == nil {
				t.Fatal("no readability report")
			}
			if rd.Met != tt.met || rd.SMOGEstimate != tt.estimate || rd.SMOGStable == tt.estimate || rd.Grade != max(rd.FleschKincaidGrade, rd.SMOGGrade) {
				t.Errorf("%+v", rd)
			}
			diags := r.Pages[0].Diagnostics.String()
			if tt.warning == "" && strings.Contains(diags, "Readability") {
				t.Errorf("unexpected warning: %s", diags)
			}
			if tt.warning != "" {
				assertDiags(t, diags, tt.warning)
			}
		})
	}
	// Policy pages are measured too: patients read them.
	p := page(30, easy)
	p.Medical = false
	if r := checkOne(SiteFacts{}, p); r.Pages[0].Readability == nil {
		t.Error("a policy page was not measured")
	}
}

func principleMet(p PageReport, name string) bool {
	for _, s := range p.Principles {
		if s.Name == name {
			return s.Met
		}
	}
	return false
}

func assertDiags(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, got)
		}
	}
}
