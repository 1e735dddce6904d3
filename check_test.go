package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckBundledSiteGolden runs pamphlet check on the bundled site as of
// a fixed date and compares the text and JSON reports with
// testdata/check.txt and testdata/check.json (-update rewrites them).
func TestCheckBundledSiteGolden(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "check", "--today", "2026-12-04", "--format", format)
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

// TestCheckBundledSiteIsHonest: the starter lacks named clinical reviewers,
// review dates and a funding statement, which only a clinic can give, and
// says so; everything else is met, and every page meets the readability
// target on both measures.
func TestCheckBundledSiteIsHonest(t *testing.T) {
	stdout, _, code := runCLI(t, "check", "--today", "2026-12-04", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var r struct {
		Summary struct {
			Errors  int            `json:"errors"`
			Missing map[string]int `json:"missing"`
		} `json:"summary"`
		Pages []struct {
			File        string `json:"file"`
			Readability *struct {
				Met          bool `json:"met"`
				SMOGEstimate bool `json:"smog_estimate"`
				Sentences    int  `json:"sentences"`
			} `json:"readability"`
			Diagnostics []struct {
				Message string `json:"message"`
			} `json:"diagnostics"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	if r.Summary.Errors != 0 {
		t.Errorf("%d errors", r.Summary.Errors)
	}
	for name := range r.Summary.Missing {
		if name != "Authority" && name != "Attribution" && name != "Financial disclosure" {
			t.Errorf("the starter misses %s", name)
		}
	}
	for _, p := range r.Pages {
		if p.Readability == nil || !p.Readability.Met {
			t.Errorf("%s: readability %+v, want both grades at or under 8", p.File, p.Readability)
		} else if p.Readability.SMOGEstimate != (p.Readability.Sentences < 30) {
			t.Errorf("%s: SMOG estimate %v on %d sentences", p.File, p.Readability.SMOGEstimate, p.Readability.Sentences)
		}
		for _, d := range p.Diagnostics {
			if !strings.HasPrefix(d.Message, "Authority: ") && !strings.HasPrefix(d.Message, "Attribution: no last-reviewed date") &&
				!strings.HasPrefix(d.Message, "Financial disclosure: the site does not say who funds it") {
				t.Errorf("%s: %s", p.File, d.Message)
			}
		}
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
		{[]string{"check", "--site", filepath.Join(dir, "nope")}, 1, "there is no site.yaml"},
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
