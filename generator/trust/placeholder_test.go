package trust

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFindPlaceholders(t *testing.T) {
	tests := []struct {
		name string
		src  string
		yaml bool
		want []Placeholder
	}{
		{"none", "Call Samaritans on 116 123.\nSee [the plan](plan.md) [@bateman1999].", false, nil},
		{"note", "- **Post:** [REPLACE: your postal address]\n", false,
			[]Placeholder{{Line: 1, Col: 13, Text: "[REPLACE: your postal address]"}}},
		{"note in any case, second line", "Hello.\nWe reply within [replace: how many days].", false,
			[]Placeholder{{Line: 2, Col: 17, Text: "[replace: how many days]"}}},
		{"note without its bracket ends at the line", "[REPLACE: who pays\nNext line.", false,
			[]Placeholder{{Line: 1, Col: 1, Text: "[REPLACE: who pays"}}},
		{"columns count characters", "Ø [REPLACE: x]", false,
			[]Placeholder{{Line: 1, Col: 3, Text: "[REPLACE: x]"}}},
		{"mailto link", "- Email: [contact@example.org](mailto:contact@example.org)\n", false, []Placeholder{
			{Line: 1, Col: 11, Text: "contact@example.org", Address: true},
			{Line: 1, Col: 32, Text: "mailto:contact@example.org", Address: true},
		}},
		{"web address ending a sentence", "Go to https://www.example.com/help.", false,
			[]Placeholder{{Line: 1, Col: 7, Text: "https://www.example.com/help", Address: true}}},
		{"bare domain and capitals", "The domain Example.NET is kept aside.", false,
			[]Placeholder{{Line: 1, Col: 12, Text: "Example.NET", Address: true}}},
		{"an address found in both cases is one", "See example.org/EXAMPLE.com today.", false,
			[]Placeholder{{Line: 1, Col: 5, Text: "example.org/EXAMPLE.com", Address: true}}},
		{"address inside a note is the note", "[REPLACE: not info@example.org]", false,
			[]Placeholder{{Line: 1, Col: 1, Text: "[REPLACE: not info@example.org]"}}},
		{"not example domains", "counterexample.org, example.org.uk, example.organic, example.co, clinic.example, an example. Org", false, nil},
		{"yaml value", "base_url: https://example.org/patient-info/\n", true,
			[]Placeholder{{Line: 1, Col: 11, Text: "https://example.org/patient-info/", Address: true}}},
		{"yaml comments are skipped", "# replace example.org\ntitle: A # or [REPLACE: x]\nurl: \"https://a.test/#x example.com\"\n", true,
			[]Placeholder{{Line: 3, Col: 25, Text: "example.com", Address: true}}},
		{"a # that starts no comment", "url: https://a.test/#example.org\n", true,
			[]Placeholder{{Line: 1, Col: 6, Text: "https://a.test/#example.org", Address: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindPlaceholders(tt.src, tt.yaml)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FindPlaceholders(%q) =\n%+v\nwant\n%+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestCheckPlaceholders(t *testing.T) {
	t.Run("a page with a note or an example address does not meet Transparency", func(t *testing.T) {
		r := checkOne(SiteFacts{}, PageFacts{Placeholders: []Placeholder{
			{Line: 16, Col: 13, Text: "[REPLACE: your postal address]"},
			{Line: 20, Col: 11, Text: "contact@example.org", Address: true},
		}})
		p := r.Pages[0]
		if principleMet(p, Transparency) {
			t.Errorf("Transparency met with placeholders on the page")
		}
		assertDiags(t, p.Diagnostics.String(),
			`content/contact.md:16:13: warning: Transparency: starter text that readers would see, "[REPLACE: your postal address]"; write what the note asks for in its place`,
			`content/contact.md:20:11: warning: Transparency: "contact@example.org" is at a domain kept for examples, so nobody reads mail sent there; put your clinic's own address in its place`)
	})
	t.Run("an example address is no contact address", func(t *testing.T) {
		r := checkOne(SiteFacts{ContactEmail: "contact@example.org",
			ConfigPlaceholders: []Placeholder{{Line: 21, Col: 10, Text: "contact@example.org", Address: true}}}, PageFacts{})
		if !principleMet(r.Pages[0], Transparency) {
			t.Errorf("the contact page should still meet Transparency: %v", r.Pages[0].Diagnostics)
		}
		assertDiags(t, r.Site.String(), `site.yaml:21:10: warning: Placeholder: "contact@example.org" is at a domain kept for examples`)
		// Without a contact page, the site has no way to get in touch.
		r2 := Check(SiteFacts{ContactEmail: "contact@example.org", Disclaimer: "x", Funding: "x", Advertising: "x", PrivacyPage: "/p/", ReadabilityTarget: 8},
			[]PageFacts{{Path: "content/a.md"}}, nil, time.Now())
		assertDiags(t, r2.Pages[0].Diagnostics.String(), "warning: Transparency: no contact page or address")
	})
	t.Run("site statements that are notes say nothing yet", func(t *testing.T) {
		r := checkOne(SiteFacts{Funding: "[REPLACE: who pays]"}, PageFacts{})
		if principleMet(r.Pages[0], FinancialDisclosure) {
			t.Error("Financial disclosure met by a placeholder")
		}
		assertDiags(t, r.Pages[0].Diagnostics.String(), "Financial disclosure: the funding statement in site.yaml is a placeholder")
	})
	t.Run("crisis lines", func(t *testing.T) {
		national := []Helpline{{Name: "Emergency services", Phone: "999"}, {Name: "Samaritans", Phone: "116 123"}, {Name: "Shout", Text: "85258"}, {Name: "988 Lifeline", Phone: "988", Text: "988"}}
		r := checkOne(SiteFacts{Helplines: national, CrisisAt: 40}, PageFacts{})
		assertDiags(t, r.Site.String(), "site.yaml:40: warning: Placeholder: the crisis block lists only national services (Emergency services, Samaritans, Shout, 988 Lifeline); add your own crisis team")
		if r.Summary.Warnings != 1 {
			t.Errorf("%d warnings, want 1: %v", r.Summary.Warnings, r.Site)
		}
		for _, local := range []Helpline{{Name: "Crisis team", Phone: "+44 1234 000000"}, {Name: "Your care team", Phone: ""}} {
			r := checkOne(SiteFacts{Helplines: append(national[:2:2], local), CrisisAt: 40}, PageFacts{})
			if len(r.Site) != 0 {
				t.Errorf("with %+v: %v", local, r.Site)
			}
		}
		if r := checkOne(SiteFacts{}, PageFacts{}); len(r.Site) != 0 {
			t.Errorf("no crisis block: %v", r.Site)
		}
	})
}

// FuzzFindPlaceholders checks that any text can be searched, and that each
// placeholder is where its line and column say.
func FuzzFindPlaceholders(f *testing.F) {
	for _, s := range []string{"[REPLACE: x]", "a@example.org.", "x\n[replace:", "EXAMPLE.COM/example.net", "# example.org\nk: 'a # example.com'", "example.", "[", "xample.org"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, yaml bool) {
		for _, ph := range FindPlaceholders(src, yaml) {
			lines := strings.Split(src, "\n")
			if ph.Line < 1 || ph.Line > len(lines) {
				t.Fatalf("%+v: no line %d", ph, ph.Line)
			}
			line, at, col := lines[ph.Line-1], -1, 0
			for i := range line { // by character, as Col counts
				if col++; col == ph.Col {
					at = i
					break
				}
			}
			if at < 0 || !strings.HasPrefix(line[at:], ph.Text) {
				t.Fatalf("%+v is not at its line and column in %q", ph, src)
			}
		}
	})
}
