package generator

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const handoutSite = `
-- site.yaml --
title: Clinic
base_url: https://clinic.example/
handouts: true
privacy_page: privacy.md
-- content/_index.md --
---
title: Home
last_reviewed: 2025-01-31
reviewed_by:
  - name: Dr R Reviewer
---
Welcome.
-- content/therapy.md --
---
title: Talking therapy
---
## What happens

Weekly sessions.
-- content/privacy.md --
---
title: Privacy
---
What we keep.
-- content/notes.md --
---
title: Notes for staff
handout: false
---
Not a handout.
`

// TestHandoutsBesideMedicalPages: with handouts: true, each page of medical
// information has a PDF beside it, which the page links with its number of
// pages and size; a policy page and a page with handout: false have none.
func TestHandoutsBesideMedicalPages(t *testing.T) {
	s := newTestSite(t, handoutSite)
	s.mustBuild()
	for _, p := range []string{"handout.pdf", "therapy/handout.pdf"} {
		if !strings.HasPrefix(s.read(p), "%PDF-") {
			t.Errorf("%s is not a PDF", p)
		}
	}
	for _, p := range []string{"privacy/handout.pdf", "notes/handout.pdf"} {
		if s.exists(p) {
			t.Errorf("%s was made", p)
		}
	}
	size := len(s.read("therapy/handout.pdf"))
	assertContains(t, s.read("therapy/index.html"), fmt.Sprintf(`<p class="handout-link"><a href="/therapy/handout.pdf" download>Download this page as a PDF handout</a> (1 page, %d kB)</p>`, (size+500)/1000))
	assertNotContains(t, s.read("privacy/index.html"), "handout")
}

// TestHandoutSettings: a paper size Pamphlet does not print on is an error
// at its line in site.yaml.
func TestHandoutSettings(t *testing.T) {
	runBreakCases(t, handoutSite, []breakCase{
		{name: "paper size", files: map[string]string{"site.yaml": "title: Clinic\nbase_url: https://clinic.example/\nhandouts: true\npaper: A5\n"}, want: []string{`site.yaml:4:8: error: paper "A5" is not a paper size Pamphlet prints handouts on: write A4 (the default) or letter`}, fails: true},
		{name: "letter", files: map[string]string{"site.yaml": "title: Clinic\nbase_url: https://clinic.example/\nhandouts: true\npaper: letter\n"}, fails: false},
	})
}

// TestServeEqualsBuildWithHandouts holds the dev server's handouts equal to
// a build's, after an edit of a page and of the settings.
func TestServeEqualsBuildWithHandouts(t *testing.T) {
	s := newTestSite(t, handoutSite)
	b := NewBuilder(Options{Site: s.root, Theme: defaultTheme, Workers: 2})
	if u, err := b.Build(context.Background()); err != nil || u.Failed {
		t.Fatalf("first build: %v\n%v", err, u.Diagnostics)
	}
	assertServeEqualsBuild(t, "first build", s.root, b)
	u := rebuild(t, s, b, map[string]string{"content/therapy.md": "---\ntitle: Talking therapy\n---\n## What happens\n\nWeekly sessions, and a group.\n"})
	if u.Failed || !slices.Contains(u.Changed, "therapy/handout.pdf") {
		t.Fatalf("a page edit: changed %v: %s", u.Changed, u.Diagnostics)
	}
	assertServeEqualsBuild(t, "a page edited", s.root, b)
	settings, err := os.ReadFile(filepath.Join(s.root, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	u = rebuild(t, s, b, map[string]string{"site.yaml": string(bytes.Replace(settings, []byte("title: Clinic"), []byte("title: Our clinic"), 1))})
	if u.Failed || !slices.Contains(u.Changed, "handout.pdf") {
		t.Fatalf("a settings edit: changed %v: %s", u.Changed, u.Diagnostics)
	}
	assertServeEqualsBuild(t, "settings edited", s.root, b)
}
