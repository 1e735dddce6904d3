package generator

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"pamphlet/generator/trust"
)

// trustSite meets every principle on its one medical page.
const trustSite = `
-- site.yaml --
title: Clinic leaflets
base_url: https://clinic.example/
organisation:
  name: Example clinic
  email: info@clinic.example
contact_page: contact.md
privacy_page: privacy.md
editorial_policy_page: editorial.md
crisis_page: help.md
disclaimer: This supports, and does not replace, care from your clinician.
funding: The clinic pays for this site.
advertising: This site carries no advertising.
-- content/_index.md --
---
title: Home
authors: [{name: A. Writer, credentials: RMN}]
reviewed_by: [{name: B. Doctor, credentials: "MD, consultant psychiatrist"}]
published: 2024-01-10
last_reviewed: 2025-06-01
---
Talking treatment can help you feel better [@trial].
-- content/help.md --
---
title: Help now
authors: [{name: A. Writer, credentials: RMN}]
reviewed_by: [{name: B. Doctor, credentials: MD}]
published: 2024-01-10
last_reviewed: 2025-06-01
safety: crisis
---
Call someone.
-- content/contact.md --
---
title: Contact
---
-- content/privacy.md --
---
title: Privacy
---
-- content/editorial.md --
---
title: Editorial policy
---
-- content/references.bib --
@article{trial, author = {Doe, J}, title = {A trial}, journal = {J}, year = 2020, volume = 1, pages = {1--2}}
`

func checkSite(t *testing.T, s *testSite, today string) *trust.Report {
	t.Helper()
	d, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Check(context.Background(), Options{Site: s.root, Theme: defaultTheme, Today: d})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func pageReport(t *testing.T, r *trust.Report, file string) trust.PageReport {
	t.Helper()
	for _, p := range r.Pages {
		if p.File == file {
			return p
		}
	}
	t.Fatalf("no report for %s", file)
	return trust.PageReport{}
}

func principle(p trust.PageReport, name string) trust.PrincipleStatus {
	for _, s := range p.Principles {
		if s.Name == name {
			return s
		}
	}
	return trust.PrincipleStatus{}
}

func TestCheckAllPrinciplesMet(t *testing.T) {
	s := newTestSite(t, trustSite)
	r := checkSite(t, s, "2026-01-01")
	home := pageReport(t, r, "content/_index.md")
	for _, st := range home.Principles {
		if !st.Met {
			t.Errorf("%s not met: %v", st.Name, st.Reasons)
		}
	}
	if home.Review.State != trust.ReviewCurrent || home.Review.NextReview != "2028-06-01" {
		t.Errorf("review = %+v, want current until 2028-06-01 (3 years)", home.Review)
	}
	if r.Summary.Errors != 0 || r.Summary.Warnings != 0 {
		t.Errorf("summary %+v; diagnostics: %v %v", r.Summary, r.Site, home.Diagnostics)
	}
	// Policy pages are not held to the medical-content principles.
	if p := pageReport(t, r, "content/privacy.md"); p.Medical || !principle(p, trust.Authority).Met {
		t.Errorf("privacy page checked as medical content: %+v", p)
	}
}

func TestCheckPrinciplesMissing(t *testing.T) {
	tests := []struct {
		name      string
		file      string // file to write
		data      string
		principle string
		reason    string
	}{
		{"no author", "content/_index.md", "---\ntitle: Home\nreviewed_by: [{name: B, credentials: MD}]\npublished: 2024-01-10\nlast_reviewed: 2025-06-01\n---\nText.\n", trust.Authority, "no author named"},
		{"author without credentials", "content/_index.md", "---\ntitle: Home\nauthors: [{name: A. Writer}]\nreviewed_by: [{name: B, credentials: MD}]\npublished: 2024-01-10\nlast_reviewed: 2025-06-01\n---\nText.\n", trust.Authority, `author "A. Writer" has no credentials`},
		{"no reviewer", "content/_index.md", "---\ntitle: Home\nauthors: [{name: A, credentials: RMN}]\npublished: 2024-01-10\nlast_reviewed: 2025-06-01\n---\nText.\n", trust.Authority, "no clinical reviewer named"},
		{"no disclaimer", "site.yaml", strings.Replace(siteYAML(), "disclaimer:", "#", 1), trust.Complementarity, "the site has no disclaimer"},
		{"no privacy page", "site.yaml", strings.Replace(siteYAML(), "privacy_page: privacy.md", "", 1), trust.Privacy, "no privacy policy is linked"},
		{"no dates", "content/_index.md", "---\ntitle: Home\nauthors: [{name: A, credentials: RMN}]\nreviewed_by: [{name: B, credentials: MD}]\n---\nText.\n", trust.Attribution, "no last-reviewed date"},
		{"claim without citation", "content/_index.md", "---\ntitle: Home\nauthors: [{name: A, credentials: RMN}]\nreviewed_by: [{name: B, credentials: MD}]\npublished: 2024-01-10\nlast_reviewed: 2025-06-01\n---\nThis therapy can help most people recover.\n", trust.Justifiability, "page describes treatment benefits but cites nothing"},
		{"no contact", "site.yaml", strings.NewReplacer("contact_page: contact.md", "", "  email: info@clinic.example", "").Replace(siteYAML()), trust.Transparency, "no contact page or address"},
		{"no funding", "site.yaml", strings.Replace(siteYAML(), "funding:", "#", 1), trust.FinancialDisclosure, "the site does not say who funds it"},
		{"no advertising policy", "site.yaml", strings.Replace(siteYAML(), "advertising:", "#", 1), trust.AdvertisingPolicy, "the site states no advertising policy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, trustSite)
			s.write(tt.file, tt.data)
			r := checkSite(t, s, "2026-01-01")
			home := pageReport(t, r, "content/_index.md")
			st := principle(home, tt.principle)
			if st.Met || !strings.Contains(strings.Join(st.Reasons, "; "), tt.reason) {
				t.Errorf("%s: met=%v reasons=%v, want missing with %q", tt.principle, st.Met, st.Reasons, tt.reason)
			}
			if !strings.Contains(home.Diagnostics.String(), "warning: "+tt.principle+": "+tt.reason) {
				t.Errorf("no warning diagnostic for it:\n%s", home.Diagnostics)
			}
		})
	}
}

func siteYAML() string {
	i := strings.Index(trustSite, "-- site.yaml --\n") + len("-- site.yaml --\n")
	j := strings.Index(trustSite, "-- content/")
	return trustSite[i:j]
}

func TestCheckReviewDates(t *testing.T) {
	s := newTestSite(t, trustSite)
	for _, tt := range []struct{ today, state string }{
		{"2026-01-01", trust.ReviewCurrent},
		{"2028-03-10", trust.ReviewDueSoon}, // 83 days before 2028-06-01
		{"2028-06-02", trust.ReviewOverdue},
	} {
		r := checkSite(t, s, tt.today)
		if got := pageReport(t, r, "content/_index.md").Review.State; got != tt.state {
			t.Errorf("today %s: state %s, want %s", tt.today, got, tt.state)
		}
	}
	r := checkSite(t, s, "2028-06-02")
	assertContains(t, pageReport(t, r, "content/_index.md").Diagnostics.String(), "content/_index.md:6: warning: Review: the page was due for review on 2028-06-01 (1 days ago)")
	if r.Summary.Overdue != 2 {
		t.Errorf("overdue = %d, want 2", r.Summary.Overdue)
	}
	// An explicit next_review wins over the interval; a site interval changes the default.
	s.write("content/help.md", "---\ntitle: Help now\nauthors: [{name: A, credentials: RMN}]\nreviewed_by: [{name: B, credentials: MD}]\npublished: 2024-01-10\nlast_reviewed: 2025-06-01\nnext_review: 2026-02-01\nsafety: crisis\n---\n")
	s.write("site.yaml", siteYAML()+"review_interval: 18 months\n")
	r = checkSite(t, s, "2026-01-01")
	if got := pageReport(t, r, "content/help.md").Review; got.State != trust.ReviewDueSoon || got.NextReview != "2026-02-01" {
		t.Errorf("help: %+v", got)
	}
	if got := pageReport(t, r, "content/_index.md").Review.NextReview; got != "2026-12-01" {
		t.Errorf("home next review %s, want 2026-12-01 (18 months)", got)
	}
	// A date in the future is an error.
	r = checkSite(t, s, "2025-01-01")
	assertContains(t, pageReport(t, r, "content/_index.md").Diagnostics.String(), "content/_index.md:6: error: last_reviewed is 2025-06-01, which is in the future (today is 2025-01-01)")
	if r.Summary.Errors == 0 {
		t.Error("a future date is not an error")
	}
}

func TestCheckSafetyAndReadability(t *testing.T) {
	s := newTestSite(t, trustSite)
	s.write("content/_index.md", "---\ntitle: Home\nauthors: [{name: A, credentials: RMN}]\nreviewed_by: [{name: B, credentials: MD}]\npublished: 2024-01-10\nlast_reviewed: 2025-06-01\n---\nSome people think about suicide.\n\nThe multidimensional epidemiological characterisation of psychopathological heterogeneity necessitates comprehensive individualised psychotherapeutic conceptualisation.\n")
	r := checkSite(t, s, "2026-01-01")
	home := pageReport(t, r, "content/_index.md")
	assertContains(t, home.Diagnostics.String(),
		"content/_index.md:8: warning: Safety: this page mentions suicide or self-harm but shows no crisis support",
		"warning: Readability: Flesch-Kincaid grade",
		`start with the hardest sentence: "The multidimensional`)
	if home.Readability == nil || home.Readability.Met || home.Readability.Sentences != 2 {
		t.Errorf("readability %+v", home.Readability)
	}
	// A link to the crisis page is enough.
	s.write("content/_index.md", "---\ntitle: Home\n---\nSome people think about suicide. [Get help now](help.md).\n")
	r = checkSite(t, s, "2026-01-01")
	assertNotContains(t, pageReport(t, r, "content/_index.md").Diagnostics.String(), "Safety:")
}

func TestCheckIncludesBuildProblems(t *testing.T) {
	s := newTestSite(t, trustSite)
	s.write("content/help.md", "---\ntitle: Help now\n---\n[x](missing.md) ![](nope.png)\n")
	r := checkSite(t, s, "2026-01-01")
	assertContains(t, pageReport(t, r, "content/help.md").Diagnostics.String(),
		`content/help.md:4:1: error: link to "missing.md"`, `content/help.md:4:17: error: image to "nope.png"`)
	if r.Summary.Errors < 2 {
		t.Errorf("errors = %d", r.Summary.Errors)
	}
}

func TestCheckJSONIsStable(t *testing.T) {
	s := newTestSite(t, trustSite)
	r := checkSite(t, s, "2026-01-01")
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"version", "today", "summary", "site", "pages"} {
		if _, ok := back[k]; !ok {
			t.Errorf("JSON report lacks %q", k)
		}
	}
	page := back["pages"].([]any)[0].(map[string]any)
	for _, k := range []string{"file", "url", "title", "medical", "principles", "review", "diagnostics"} {
		if _, ok := page[k]; !ok {
			t.Errorf("JSON page lacks %q", k)
		}
	}
}

// TestBuildSummaryMatchesCheck checks that the summary a build keeps (it
// drops the report's pages, and the sentences they would quote) counts what
// the whole check counts, on a site with readability, safety and missing
// principles among its findings.
func TestBuildSummaryMatchesCheck(t *testing.T) {
	s := newTestSite(t, trustSite)
	s.write("content/_index.md", "---\ntitle: Home\n---\nSome people think about suicide.\n\nThe multidimensional epidemiological characterisation of psychopathological heterogeneity necessitates comprehensive individualised psychotherapeutic conceptualisation.\n")
	today := "2026-01-01"
	want := checkSite(t, s, today)
	d, _ := time.Parse(time.DateOnly, today)
	res, err := Build(context.Background(), Options{Site: s.root, Out: filepath.Join(t.TempDir(), "public"), Theme: defaultTheme, Today: d})
	if err != nil {
		t.Fatal(err)
	}
	if want.Summary.Warnings == 0 || want.Summary.Pages == 0 {
		t.Fatalf("the check found nothing to compare: %+v", want.Summary)
	}
	if !reflect.DeepEqual(res.Trust.Summary, want.Summary) {
		t.Errorf("build's summary %+v, check's %+v", res.Trust.Summary, want.Summary)
	}
	if res.Trust.Pages != nil || res.Trust.Site != nil {
		t.Errorf("build kept the report's pages or site findings")
	}
}
