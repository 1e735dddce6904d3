package main

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// blockRE matches the paragraphs, list items and headings of a page, whose
// text a reader takes in as one piece. A list item's text runs to the next
// one, so it takes in nothing nested.
var (
	blockRE = regexp.MustCompile(`(?s)<(p|li|h[1-6])\b[^>]*>(.*?)</(?:p|li|h[1-6])>`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
	wordRE  = regexp.MustCompile(`(?i)\bexamples?\b`)
)

// pageBlocks returns the text of each block of a built page's main content,
// the crisis card from site.yaml included.
func pageBlocks(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if i := strings.Index(s, "<main"); i >= 0 {
		s = s[i:]
	}
	if i := strings.Index(s, "</main>"); i >= 0 {
		s = s[:i]
	}
	var blocks []string
	for _, m := range blockRE.FindAllStringSubmatch(s, -1) {
		text := html.UnescapeString(tagRE.ReplaceAllString(m[2], " "))
		blocks = append(blocks, strings.TrimSpace(spaceRE.ReplaceAllString(text, " ")))
	}
	return blocks
}

// TestBundledCrisisPage reads the bundled crisis page as a reader sees it
// (content/get-help-now.md with the crisis card that site.yaml's crisis
// lines render) and checks what safe-messaging guidance asks of it.
func TestBundledCrisisPage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, stderr, code := runCLI(t, "build", "--out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	blocks := pageBlocks(t, filepath.Join(out, "get-help-now", "index.html"))
	if len(blocks) == 0 {
		t.Fatal("the crisis page has no text")
	}
	has := func(s string, words ...string) bool {
		for _, w := range words {
			if !strings.Contains(strings.ToLower(s), strings.ToLower(w)) {
				return false
			}
		}
		return true
	}
	// Someone who has already hurt themselves or taken an overdose needs
	// emergency help now, even if they feel fine: said plainly, with the
	// number to call, for the UK and the US.
	for _, tt := range []struct {
		where string
		words []string
	}{
		{"the UK", []string{"999", "A&E"}},
		{"the US", []string{"911"}},
	} {
		found := false
		for i, b := range blocks {
			// The line may name the numbers itself, or lead into a list
			// that does (the page's "If a life is at risk" section).
			next := strings.Join(blocks[i:min(i+4, len(blocks))], " ")
			if has(b, "hurt", "overdose") && has(b, "even if") && has(b, "fine") && has(next, tt.words...) {
				found = true
			}
		}
		if !found {
			t.Errorf("no line tells someone in %s who has hurt themselves or taken an overdose to get emergency help (%s) now, even if they feel fine", tt.where, strings.Join(tt.words, ", "))
		}
	}
	// National lines are real services, never "examples" a clinic should
	// swap out: a frightened reader would doubt they work.
	for _, b := range blocks {
		if wordRE.MatchString(b) {
			t.Errorf("the crisis page calls something an example: %q", b)
		}
	}
	// The card from site.yaml says the same as the page: its emergency line
	// covers someone already hurt.
	card := false
	for _, b := range blocks {
		if has(b, "Emergency services", "999", "overdose", "even if you feel fine") {
			card = true
		}
	}
	if !card {
		t.Error("the crisis card's UK emergency line does not cover someone who has hurt themselves or taken an overdose")
	}
}

// TestBundledHomePage: the home page shows the crisis card, and says who the
// pages are written for.
func TestBundledHomePage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, stderr, code := runCLI(t, "build", "--out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `class="crisis-card"`) {
		t.Error("the home page shows no crisis card")
	}
	text := strings.Join(pageBlocks(t, filepath.Join(out, "index.html")), "\n")
	for _, want := range []string{"written for adults", "under 18", "CAMHS"} {
		if !strings.Contains(text, want) {
			t.Errorf("the home page does not say %q", want)
		}
	}
}

// TestBundledPagesKeepReviewFixes guards what the clinical review (issue 21)
// asked of the bundled pages: the unconfirmed bateman2004 is gone, the
// research page gives the general outlook, the outpatient follow-up and the
// independent trials, and there is a way in and a word on medicines.
func TestBundledPagesKeepReviewFixes(t *testing.T) {
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join("content", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if strings.Contains(read("references.bib"), "bateman2004") {
		t.Error("references.bib still holds bateman2004, which could not be confirmed")
	}
	for page, wants := range map[string][]string{
		"therapy/research.md":                  {"@gunderson2018", "@bateman2021", "@jorgensen2013", "@carlyle2020", "day hospital"},
		"understanding/mentalizing-and-bpd.md": {"@gunderson2018", "@bateman2021", "EUPD"},
		"understanding/getting-assessed.md":    {"GP", "CAMHS", "@nice2009cg78"},
		"therapy/_index.md":                    {"## What about medicines?", "## Other treatments", "DBT"},
		"therapy/what-to-expect.md":            {"## While you wait", "## If MBT is not offered near you"},
	} {
		text := read(page)
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("content/%s lacks %q", page, w)
			}
		}
	}
}
