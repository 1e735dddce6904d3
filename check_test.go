package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pamphlet/generator/trust"
)

// TestCheckBundledSiteGolden runs pamphlet check on the bundled site as of
// a fixed date and compares the text and JSON reports with
// testdata/check.txt and testdata/check.json (-update rewrites them).
func TestCheckBundledSiteGolden(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "check", "--today", "2026-12-07", "--format", format)
			if code != 0 {
				t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
			}
			ext := map[string]string{"text": "txt", "json": "json"}[format]
			golden := filepath.Join("testdata", "check."+ext)
			if *update {
				if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if stdout != string(want) {
				t.Errorf("report differs from %s (go test -update . to accept):\n%s", golden, firstDiff(string(want), stdout))
			}
		})
	}
}

// TestCheckBundledSiteIsHonest: the starter lacks what only a clinic can
// give (named clinical reviewers and review dates, funding, contact and
// hosting details, local crisis lines) and the check says so, at the line
// to change; every page meets the readability target on both measures.
func TestCheckBundledSiteIsHonest(t *testing.T) {
	stdout, _, code := runCLI(t, "check", "--today", "2026-12-07", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	type diagnostic struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	}
	var r struct {
		Summary struct {
			Errors  int            `json:"errors"`
			Missing map[string]int `json:"missing"`
		} `json:"summary"`
		Site  []diagnostic `json:"site"`
		Pages []struct {
			File        string `json:"file"`
			Readability *struct {
				Met          bool    `json:"met"`
				Grade        float64 `json:"grade"`
				SMOGEstimate bool    `json:"smog_estimate"`
				Sentences    int     `json:"sentences"`
			} `json:"readability"`
			Diagnostics []diagnostic `json:"diagnostics"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	if r.Summary.Errors != 0 {
		t.Errorf("%d errors", r.Summary.Errors)
	}
	for name := range r.Summary.Missing {
		switch name {
		case "Authority", "Attribution", "Transparency", "Financial disclosure":
		default:
			t.Errorf("the starter misses %s", name)
		}
	}
	// What the starter is expected to lack, and nothing else.
	known := []string{
		"Authority: ", "Attribution: no last-reviewed date",
		"Transparency: starter text that readers would see, \"[REPLACE: ",
		"Financial disclosure: the site does not say who funds it",
	}
	placeholders := map[string]bool{}
	for _, p := range r.Pages {
		if p.Readability == nil || !p.Readability.Met {
			t.Errorf("%s: readability %+v, want both grades at or under 8", p.File, p.Readability)
		} else if p.Readability.SMOGEstimate != (p.Readability.Sentences < 30) {
			t.Errorf("%s: SMOG estimate %v on %d sentences", p.File, p.Readability.SMOGEstimate, p.Readability.Sentences)
		}
	diags:
		for _, d := range p.Diagnostics {
			for _, k := range known {
				if strings.HasPrefix(d.Message, k) {
					if strings.HasPrefix(k, "Transparency") {
						placeholders[p.File] = d.Line > 0
					}
					continue diags
				}
			}
			t.Errorf("%s:%d: %s", p.File, d.Line, d.Message)
		}
	}
	for _, f := range []string{"content/about/contact.md", "content/about/privacy.md", "content/about/editorial-policy.md", "content/about/_index.md", "content/therapy/what-to-expect.md"} {
		if !placeholders[f] {
			t.Errorf("%s: no placeholder warning with its line", f)
		}
	}
	var site []string
	for _, d := range r.Site {
		site = append(site, d.Message)
	}
	all := strings.Join(site, "\n")
	for _, want := range []string{
		`Placeholder: "https://example.org/patient-info/" is at a domain kept for examples`,
		"Placeholder: the crisis block lists only national services",
		`entry "jorgensen2013" has no pages`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("site diagnostics lack %q:\n%s", want, all)
		}
	}
	if len(site) != 3 {
		t.Errorf("%d site diagnostics, want 3:\n%s", len(site), all)
	}
}

func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: T\nbase_url: https://clinic.example/\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "_index.md"), []byte("---\ntitle: Home\n---\nHello.\n"), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", "--site", dir}, 0, "Checked 1 page as of"},
		{[]string{"check", "--site", dir, "--strict"}, 1, "Authority: no author named"},
		{[]string{"check", "--site", dir, "--today", "25/11/2026"}, 2, `--today "25/11/2026" is not a date`},
		{[]string{"check", "--site", dir, "--format", "xml"}, 2, `--format "xml": use text or json`},
		{[]string{"check", "--site", filepath.Join(dir, "nope")}, 2, "there is no such folder; give the folder that holds site.yaml"},
		{[]string{"check", "--site", filepath.Join(dir, "content")}, 1, "there is no site.yaml"},
	}
	for _, tt := range tests {
		stdout, stderr, code := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", tt.args, code, tt.code, tt.want, stdout, stderr)
		}
	}
	os.WriteFile(filepath.Join(dir, "content", "_index.md"), []byte("---\ntitle: Home\npublished: 2030-01-01\n---\n[x](y.md)\n"), 0o644)
	stdout, _, code := runCLI(t, "check", "--site", dir, "--today", "2026-01-01")
	if code != 1 || !strings.Contains(stdout, "published is 2030-01-01, which is in the future") || !strings.Contains(stdout, `link to "y.md"`) {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

// TestPrintReadabilityLang checks that the text report names the formula of
// a page in another language, its score and band, and the grade as an
// approximation, and says plainly when a page was not measured.
func TestPrintReadabilityLang(t *testing.T) {
	score, fh := 58.4, 66.1
	hard := 31.0
	for _, tt := range []struct {
		rd   trust.ReadabilityReport
		want string
	}{
		{trust.ReadabilityReport{Words: 120, Sentences: 9, Lang: "es", Formula: trust.FormulaSzigriszt, Score: &score, Band: "normal",
			FernandezHuerta: &fh, GradeApprox: true, Target: 8, Verdict: &trust.Verdict{Grade: 10.5},
			Hardest: []trust.HardSentence{{Text: "Una frase larga.", Grade: 16.5, Score: &hard}}},
			"  Reading level: Szigriszt-Pazos (INFLESZ) score 58.4 (normal) over 9 sentences, Fernández Huerta 66.1; about grade 10.5 by Flesch's table (an approximation), above the target of grade 8.\n" +
				"    rewrite first (score 31, about grade 16): \"Una frase larga.\"\n"},
		{trust.ReadabilityReport{Words: 40, Sentences: 3, Lang: "cy", NotMeasured: "Pamphlet has no well-established formula for Welsh (cy)", Target: 8},
			"  Reading level not measured: Pamphlet has no well-established formula for Welsh (cy).\n"},
	} {
		var b strings.Builder
		printReadability(&b, &tt.rd)
		if b.String() != tt.want {
			t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
		}
	}
}
