package trust

import (
	"encoding/json"
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

func TestCheckReadabilityLang(t *testing.T) {
	page := func(lang string, blocks ...string) PageFacts {
		return PageFacts{Path: "content/a.md", Readability: MeasureLang(lang, blocks)}
	}
	const hardES = "La psicoterapia interpersonal reduce significativamente la sintomatología depresiva."
	tests := []struct {
		name     string
		p        PageFacts
		verdict  bool // a grade is compared with the target
		met      bool
		warning  string
		jsonHas  []string
		jsonLack []string
	}{
		{"Spanish, easy", page("es", "Vamos a casa con mi madre. Su médico le puede ayudar."), true, true, "",
			[]string{`"lang":"es"`, `"formula":"Szigriszt-Pazos (INFLESZ)"`, `"band":"very easy"`, `"fernandez_huerta":`, `"grade_approximate":true`, `"met":true`},
			[]string{`flesch_kincaid_grade`, `smog_grade`, `not_measured`}},
		{"Spanish, hard", page("es", hardES), true, false,
			"content/a.md: warning: Readability: Szigriszt-Pazos (INFLESZ) score -65.9 (very difficult) is about grade 18.0 by Flesch's table of reading ease, above the target of grade 8; use shorter sentences and shorter words; start with the hardest sentence:",
			[]string{`"met":false`, `"score":-65.9`, `"hardest":[{"text":"La psicoterapia`},
			nil},
		{"German", page("de", "Angst ist ein normales Gefühl. Sie hilft uns, in Gefahr schnell zu handeln."), true, true, "",
			[]string{`"formula":"Amstad"`},
			[]string{`fernandez_huerta`}},
		{"Welsh", page("cy", "Mae gorbryder yn deimlad cyffredin. Gall eich meddyg eich helpu."), false, false, "",
			[]string{`"lang":"cy"`, `"not_measured":"Pamphlet has no well-established formula for Welsh (cy)"`, `"target_grade":8`},
			[]string{`"grade"`, `"met"`, `"score"`, `"formula"`, `flesch_kincaid_grade`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkOne(SiteFacts{}, tt.p)
			rd := r.Pages[0].Readability
			if rd == nil {
				t.Fatal("no readability report")
			}
			if (rd.Verdict != nil) != tt.verdict || rd.Verdict != nil && rd.Met != tt.met || rd.EnglishGrades != nil {
				t.Errorf("%+v", rd)
			}
			diags := r.Pages[0].Diagnostics.String()
			if tt.warning == "" && strings.Contains(diags, "Readability") {
				t.Errorf("unexpected warning: %s", diags)
			}
			if tt.warning != "" {
				assertDiags(t, diags, tt.warning)
			}
			b, err := json.Marshal(rd)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.jsonHas {
				if !strings.Contains(string(b), s) {
					t.Errorf("JSON lacks %s:\n%s", s, b)
				}
			}
			for _, s := range tt.jsonLack {
				if strings.Contains(string(b), s) {
					t.Errorf("JSON has %s:\n%s", s, b)
				}
			}
		})
	}
}

// TestReadabilityJSONEnglish checks that an English page's report keeps the
// fields, and their order, that it has always had.
func TestReadabilityJSONEnglish(t *testing.T) {
	r := checkOne(SiteFacts{}, PageFacts{Path: "content/a.md", Readability: Measure([]string{"We can help you. Call us today."})})
	b, err := json.Marshal(r.Pages[0].Readability)
	if err != nil {
		t.Fatal(err)
	}
	// 7 words, 2 sentences, 8 syllables (to-day): ASL 3.5, ASW 1.142857.
	// FK = 1.365 + 13.485714 - 15.59 = -0.74; FRE = 206.835 - 3.5525 -
	// 96.685714 = 106.60; SMOG = 3.13. Sentences: "Call us today." 1.17 +
	// 15.733333 - 15.59 = 1.31; "We can help you." 1.56 + 11.8 - 15.59 = -2.23.
	const want = `{"words":7,"sentences":2,"flesch_kincaid_grade":-0.7,"smog_grade":3.1,"smog_stable":false,"smog_estimate":true,"flesch_reading_ease":106.6,"target_grade":8,"grade":3.1,"met":true,"hardest":[{"text":"Call us today.","grade":1.3},{"text":"We can help you.","grade":-2.2}]}`
	if string(b) != want {
		t.Errorf("JSON:\n got %s\nwant %s", b, want)
	}
}
