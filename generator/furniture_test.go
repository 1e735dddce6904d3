package generator

import (
	"strings"
	"testing"
)

// TestContentsList: a page with three or more sections lists them under
// "On this page", linking each heading; a page with fewer has no list.
func TestContentsList(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write("content/therapy/groups.md", "---\ntitle: Groups\n---\n## What happens\n\nText.\n\n## Who comes {#who}\n\nText.\n\n### A detail\n\n## After *the* group\n\nText.\n")
	s.mustBuild()
	got := s.read("therapy/groups/index.html")
	assertContains(t, got, `<h2 id="contents-heading">On this page</h2>`, `<li><a href="#what-happens">What happens</a></li>`, `<li><a href="#who">Who comes</a></li>`, `<li><a href="#after-the-group">After the group</a></li>`)
	if strings.Contains(got, "A detail</a>") {
		t.Error("third-level headings are listed")
	}
	s.write("content/therapy/groups.md", "---\ntitle: Groups\n---\n## One\n\n## Two\n")
	s.mustBuild()
	if strings.Contains(s.read("therapy/groups/index.html"), "On this page") {
		t.Error("a page of two sections has a contents list")
	}
}

// TestRelatedPages: front matter's related: names pages, checked like
// links; without it, a page shows others of its section.
func TestRelatedPages(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write("content/therapy/groups.md", "---\ntitle: Groups\nrelated:\n  - ../_index.md\n---\nText.\n")
	s.mustBuild()
	assertContains(t, s.read("therapy/groups/index.html"), `<h2 id="related-heading">Related pages</h2>`, `<li><a href="/patient-info/">Welcome</a><p>Leaflets about therapy.</p></li>`)
	// Without related:, the section's other pages.
	assertContains(t, s.read("therapy/what-to-expect/index.html"), `<li><a href="/patient-info/therapy/groups/">Groups</a></li>`)

	runBreakCases(t, goodSite, []breakCase{
		{
			name:  "a related page that does not exist",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nrelated:\n  - what-to-expct.md\n---\n"},
			want:  []string{`content/therapy/groups.md:4:5: error: related page to "what-to-expct.md": there is no page content/therapy/what-to-expct.md (did you mean content/therapy/what-to-expect.md?)`},
			fails: true,
		},
		{
			name:  "a web address",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nrelated: [https://www.nhs.uk/]\n---\n"},
			want:  []string{`content/therapy/groups.md:3:11: error: related[1] is "https://www.nhs.uk/": name a page of this site by its .md file`},
			fails: true,
		},
		{
			name:  "a draft",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nrelated: [secret.md]\n---\n", "content/therapy/secret.md": "---\ntitle: Secret\ndraft: true\n---\n"},
			want:  []string{`content/therapy/groups.md:3:11: error: link to content/therapy/secret.md, which is a draft`},
			fails: true,
		},
	})
}

// TestHeaderCrisisLink: every page's header links to the crisis page,
// except the crisis page itself, also when it is not in the menu (the
// header is cached, and must be cached apart for it).
func TestHeaderCrisisLink(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write("site.yaml", "title: Clinic\nbase_url: https://clinic.example/\ncrisis_page: help.md\nmenu:\n  - title: Therapy\n    page: therapy/_index.md\n")
	s.write("content/help.md", "---\ntitle: Get help now\n---\nCall 999.\n")
	s.write("content/about.md", "---\ntitle: About\n---\nAbout us.\n")
	s.mustBuild(func(o *Options) { o.Workers = 1 })
	const link = `<a class="help-now" href="/help/">Get help now</a>`
	for _, p := range []string{"about/index.html", "therapy/what-to-expect/index.html", "index.html"} {
		assertContains(t, s.read(p), link)
	}
	if strings.Contains(s.read("help/index.html"), link) {
		t.Error("the crisis page links to itself from its header")
	}
}
