package generator

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pamphlet/generator/write"
)

const goodSite = `
-- site.yaml --
title: Clinic leaflets
base_url: https://clinic.example/patient-info/
language: en-GB
menu:
  - title: Therapy
    page: therapy/_index.md
  - title: NHS
    url: https://www.nhs.uk/
-- content/_index.md --
---
title: Welcome
description: Leaflets about therapy.
---
Start with [what to expect](therapy/what-to-expect.md#first-meeting).
-- content/therapy/_index.md --
---
title: Therapy
---
All about therapy.
-- content/therapy/what-to-expect.md --
---
title: What to expect
description: The first weeks of therapy.
weight: 10
published: 2025-03-01
last_reviewed: 2025-09-14
next_review: 2028-09-14
authors:
  - name: A. Writer
    credentials: RMN
---
## First meeting

See [the groups](groups.md) and ![A room with chairs](room.png).
-- content/therapy/groups.md --
---
title: Groups
weight: 20
last_reviewed: 2025-01-31
---
Back to [the first meeting](what-to-expect.md#first-meeting).
-- content/therapy/room.png --
PNG
`

func TestBuildGoodSite(t *testing.T) {
	s := newTestSite(t, goodSite)
	res := s.mustBuild()
	if len(res.Diagnostics) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", res.Diagnostics)
	}
	if res.Pages != 6 { // home, section, two pages, 404, search
		t.Errorf("Pages = %d, want 6", res.Pages)
	}
	page := s.read("therapy/what-to-expect/index.html")
	assertContains(t, page,
		`<html lang="en-GB">`,
		`<title>What to expect | Clinic leaflets</title>`,
		`<meta name="description" content="The first weeks of therapy.">`,
		`<link rel="canonical" href="https://clinic.example/patient-info/therapy/what-to-expect/">`,
		`<meta property="og:title" content="What to expect">`,
		`<link rel="stylesheet" href="/patient-info/css/style.css">`,
		`<h2 id="first-meeting">First meeting</h2>`,
		`<a href="/patient-info/therapy/groups/">the groups</a>`,
		`<img src="/patient-info/therapy/room.png" alt="A room with chairs">`,
		`<a href="/patient-info/therapy/" aria-current="true">Therapy</a>`,
		`<a href="https://www.nhs.uk/">NHS</a>`,
		`<li><a href="/patient-info/">Home</a></li>`,
		`<a href="/patient-info/therapy/groups/" rel="next">`,
		`Page last reviewed: <time datetime="2025-09-14">14 September 2025</time>`,
		`Next review due: <time datetime="2028-09-14">14 September 2028</time>`,
		`A. Writer (RMN)`,
	)
	if strings.Count(page, "<h1") != 1 {
		t.Errorf("want exactly one h1")
	}
	assertContains(t, s.read("index.html"), `<a href="/patient-info/therapy/what-to-expect/#first-meeting">what to expect</a>`)
	assertContains(t, s.read("therapy/groups/index.html"), `rel="prev"`, `<a href="/patient-info/therapy/what-to-expect/#first-meeting">`,
		// No next_review: last reviewed plus the default interval of 3 years.
		`Page last reviewed: <time datetime="2025-01-31">31 January 2025</time> · Next review due: <time datetime="2028-01-31">31 January 2028</time>`)
	assertContains(t, s.read("therapy/index.html"), `<a href="/patient-info/therapy/what-to-expect/">What to expect</a>`, `aria-current="page">Therapy</a>`)
	if s.read("therapy/room.png") != "PNG\n" {
		t.Error("room.png not copied beside the page")
	}
	assertContains(t, s.read("sitemap.xml"),
		`<url><loc>https://clinic.example/patient-info/therapy/what-to-expect/</loc><lastmod>2025-09-14</lastmod></url>`,
		`<url><loc>https://clinic.example/patient-info/</loc></url>`)
	assertContains(t, s.read("robots.txt"), "Sitemap: https://clinic.example/patient-info/sitemap.xml")
	assertContains(t, s.read("404.html"), `<h1>Page not found</h1>`, `href="/patient-info/css/style.css"`)
	if !s.exists("css/style.css") {
		t.Error("theme stylesheet not copied")
	}
}

func TestBaseURLFlagOverridesConfig(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.mustBuild(func(o *Options) { o.BaseURL = "https://other.example/leaflets" })
	assertContains(t, s.read("therapy/index.html"),
		`<link rel="canonical" href="https://other.example/leaflets/therapy/">`,
		`href="/leaflets/css/style.css"`)
}

func TestSectionOrderAndPrevNext(t *testing.T) {
	s := newTestSite(t, `
-- content/_index.md --
---
title: Home
---
-- content/s/c.md --
---
title: Charlie
---
-- content/s/b.md --
---
title: Bravo
weight: 2
---
-- content/s/a.md --
---
title: Alpha
---
-- content/s/z.md --
---
title: Zulu
weight: 1
---
`)
	s.mustBuild()
	sec := s.read("s/index.html")
	// A folder without _index.md still gets a section page, titled from its name.
	assertContains(t, sec, "<h1>S</h1>")
	order := []string{"Zulu", "Bravo", "Alpha", "Charlie"}
	last := -1
	for _, title := range order {
		i := strings.Index(sec, ">"+title+"</a>")
		if i < last {
			t.Errorf("%s out of order in section list", title)
		}
		last = i
	}
	b := s.read("s/b/index.html")
	assertContains(t, b, `rel="prev"><span class="label">Previous</span> <span class="title">Zulu</span>`, `<span class="title">Alpha</span>`)
}

func TestDrafts(t *testing.T) {
	s := newTestSite(t, `
-- content/_index.md --
---
title: Home
---
-- content/wip.md --
---
title: Work in progress
draft: true
---
[broken](nowhere.md)
`)
	res := s.mustBuild()
	if s.exists("wip/index.html") {
		t.Error("draft page was published")
	}
	assertContains(t, res.Diagnostics.String(), "content/wip.md:5:1: warning: link to \"nowhere.md\": there is no page content/nowhere.md (this page is a draft and is not published)")
	// With --drafts the page is published, so its broken link is an error.
	res, err := s.build(func(o *Options) { o.Drafts = true })
	assertContains(t, diagnostics(res, err), "content/wip.md:5:1: error: link to \"nowhere.md\"")
	if err == nil {
		t.Error("build with drafts succeeded despite a broken link")
	}
}

// TestBadInputs builds a good site, breaks it one way, and checks the
// message, that the build fails (or only warns), and that public/ is left
// byte-for-byte as it was.
func TestBadInputs(t *testing.T) {
	tests := []breakCase{
		{
			name:  "malformed YAML",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nweight: [1, 2\n---\nText\n"},
			want:  []string{"content/therapy/groups.md:3: error: this YAML cannot be read (did not find expected ',' or ']')"},
			fails: true,
		},
		{
			name:  "front matter never closed",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n\nText\n"},
			want:  []string{"content/therapy/groups.md:1:1: error: the front matter that starts on line 1 is never closed"},
			fails: true,
		},
		{
			name:  "wrong type",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nweight: ten\n---\n"},
			want:  []string{`content/therapy/groups.md:3:9: error: "weight" should be a whole number, not the text "ten"; for example: weight: 10`},
			fails: true,
		},
		{
			name:  "a list where text should be",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: [a, b]\n---\n"},
			want:  []string{`content/therapy/groups.md:2:8: error: "title" should be text, not a list`},
			fails: true,
		},
		{
			name:  "unknown key",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nreviwed_by: Someone\n---\n"},
			want:  []string{`content/therapy/groups.md:3:1: warning: unknown key "reviwed_by" in the front matter is ignored: did you mean "reviewed_by"?`},
		},
		{
			name:  "unknown nested key",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nauthors:\n  - name: A\n    credential: RMN\n---\n"},
			want:  []string{`content/therapy/groups.md:5:5: warning: unknown key "authors[1].credential" in the front matter is ignored: did you mean "credentials"?`},
		},
		{
			name:  "key given twice",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\ntitle: Other\n---\n"},
			want:  []string{`content/therapy/groups.md:3:1: error: "title" is given twice in the front matter (first on line 2); keep one`},
			fails: true,
		},
		{
			name:  "bad date",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\npublished: 2025-02-30\n---\n"},
			want:  []string{`content/therapy/groups.md:3:12: error: "published" is "2025-02-30", which is not a date: write it as YYYY-MM-DD`},
			fails: true,
		},
		{
			name:  "date in words",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nlast_reviewed: March 2025\n---\n"},
			want:  []string{`content/therapy/groups.md:3:16: error: "last_reviewed" is "March 2025", which is not a date`},
			fails: true,
		},
		{
			name:  "no title",
			files: map[string]string{"content/therapy/groups.md": "---\nweight: 3\n---\n"},
			want:  []string{`content/therapy/groups.md:1: error: this page has no title`},
			fails: true,
		},
		{
			name:  "missing link target",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\nSee [crisis plans](crisis.md) or [plans](../therapy/what-to-expet.md).\n"},
			want: []string{
				`content/therapy/groups.md:4:5: error: link to "crisis.md": there is no page content/therapy/crisis.md`,
				`content/therapy/groups.md:4:34: error: link to "../therapy/what-to-expet.md": there is no page content/therapy/what-to-expet.md (did you mean content/therapy/what-to-expect.md?)`,
			},
			fails: true,
		},
		{
			name:  "missing anchor",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\n\nSee [the meeting](what-to-expect.md#first-meting) and [top](#nothing).\n"},
			want: []string{
				`content/therapy/groups.md:5:5: error: there is no heading with the anchor #first-meting in content/therapy/what-to-expect.md (did you mean #first-meeting?)`,
				`content/therapy/groups.md:5:55: error: there is no heading with the anchor #nothing on this page; that page has no headings to link to`,
			},
			fails: true,
		},
		{
			name:  "missing image",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\n![Chairs](chairs.png)\n"},
			want:  []string{`content/therapy/groups.md:4:1: error: image to "chairs.png": there is no file content/therapy/chairs.png`},
			fails: true,
		},
		{
			name:  "image without alt text",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\nText\n\n![](room.png)\n"},
			want:  []string{`content/therapy/groups.md:6:1: warning: image "room.png" has no alt text`},
		},
		{
			name:  "link outside content",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\n[x](../../site.yaml)\n"},
			want:  []string{`content/therapy/groups.md:4:1: error: link "../../site.yaml" points outside the content folder`},
			fails: true,
		},
		{
			name:  "two pages at one URL",
			files: map[string]string{"content/therapy/groups/_index.md": "---\ntitle: More groups\n---\n"},
			want:  []string{`error: this page and content/therapy/groups.md would both be published at /therapy/groups/: rename one of them`},
			fails: true,
		},
		{
			name:  "template error",
			files: map[string]string{"templates/page.html": "{{define \"main\"}}\n<h1>{{.Page.Title}</h1>\n{{end}}\n"},
			want:  []string{`templates/page.html:2: error: template error: bad character U+007D '}'`},
			fails: true,
		},
		{
			name:  "partialCached without the page's data",
			files: map[string]string{"templates/page.html": "{{define \"main\"}}\n{{partialCached \"footer.html\" .Page}}\n{{end}}\n"},
			want:  []string{`templates/page.html:2:2: error: template error: executing "main" at <partialCached "footer.html" .Page>: error calling partialCached: partialCached "footer.html": the second argument must be the page's data, a dot: {{partialCached "footer.html" .}}`},
			fails: true,
		},
		{
			name:  "partialCached of a template that does not exist",
			files: map[string]string{"templates/page.html": "{{define \"main\"}}\n{{partialCached \"fotter.html\" .}}\n{{end}}\n"},
			want:  []string{`templates/page.html:2:2: error: template error: executing "main" at <partialCached "fotter.html" .>: error calling partialCached: html/template: "fotter.html" is undefined`},
			fails: true,
		},
		{
			name:  "template execution error",
			files: map[string]string{"templates/page.html": "{{define \"main\"}}\n<h1>{{.Page.Titel}}</h1>\n{{end}}\n"},
			want:  []string{`templates/page.html:2:11: error: template error: executing "main" at <.Page.Titel>: can't evaluate field Titel`, `(first seen while rendering /therapy/groups/index.html)`},
			fails: true,
		},
		{
			name:  "non-UTF-8 file",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\nCaf\xe9\n"},
			want:  []string{`content/therapy/groups.md:4:4: error: this file is not UTF-8 text (it may be saved as Windows-1252 or Latin-1): save it again as UTF-8 in your editor`},
			fails: true,
		},
		{
			name:  "raw HTML",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\nHello <script>alert(1)</script>\n"},
			want:  []string{`content/therapy/groups.md:4:7: warning: raw HTML is shown as text, not used`},
		},
		{
			name:  "javascript link",
			files: map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\n[click](javascript:alert(1))\n"},
			want:  []string{`content/therapy/groups.md:4:1: warning: a javascript: address was removed from this link`},
		},
		{
			name:  "site.yaml menu page missing",
			files: map[string]string{"site.yaml": "title: Clinic\nmenu:\n  - title: Therapy\n    page: therapy/index.md\n"},
			want:  []string{`site.yaml:4:11: error: menu[1].page: there is no page content/therapy/index.md; name a .md file inside content/, e.g. page: about/contact.md`},
			fails: true,
		},
		{
			name:  "site.yaml malformed",
			files: map[string]string{"site.yaml": "title: Clinic\nmenu:\n  - title: Therapy\n   page: x.md\n"},
			want:  []string{`site.yaml:3: error: this YAML cannot be read (did not find expected '-' indicator)`},
			fails: true,
		},
		{
			name:  "site.yaml without title",
			files: map[string]string{"site.yaml": "base_url: https://clinic.example/\n"},
			want:  []string{`site.yaml:1: error: the site has no title`},
			fails: true,
		},
		{
			name:  "site.yaml bad base_url",
			files: map[string]string{"site.yaml": "title: Clinic\nbase_url: ftp://clinic.example/\n"},
			want:  []string{`site.yaml:2:11: error: base_url "ftp://clinic.example/" is not a web address`},
			fails: true,
		},
	}
	runBreakCases(t, goodSite, tests)
}

func TestTextEncodings(t *testing.T) {
	s := newTestSite(t, "")
	s.write("content/_index.md", "\xEF\xBB\xBF---\r\ntitle: Home\r\n---\r\nLine one\r\nsee [b](b.md#part-two)\r\n")
	s.write("content/b.md", "---\r\ntitle: B\r\n---\r\n## Part two\r\n")
	res := s.mustBuild()
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics: %s", res.Diagnostics)
	}
	home := s.read("index.html")
	assertContains(t, home, "<h1>Home</h1>", `<a href="/b/#part-two">b</a>`)
	assertNotContains(t, home, "\r", "\uFEFF")
}

func TestNamesWithSpacesAndNonASCII(t *testing.T) {
	s := newTestSite(t, `
-- content/_index.md --
---
title: Home
---
[Über uns](über uns.md) and [leaflet](My Leaflet.pdf)

[ok](<über uns.md>)
-- content/über uns.md --
---
title: Über uns
---
-- content/My Leaflet.pdf --
%PDF
`)
	res, err := s.build()
	got := diagnostics(res, err)
	// A space ends a bare link destination in CommonMark; angle brackets are the way.
	if err == nil {
		t.Log(got)
	}
	s.write("content/_index.md", "---\ntitle: Home\n---\n[Über uns](<über uns.md>) and [leaflet](<My Leaflet.pdf>)\n")
	s.mustBuild()
	assertContains(t, s.read("index.html"), `href="/%C3%BCber-uns/"`, `href="/My-Leaflet.pdf"`)
	if !s.exists("über-uns/index.html") || !s.exists("My-Leaflet.pdf") {
		t.Error("outputs with spaces and non-ASCII names missing")
	}
}

func TestEmptyContent(t *testing.T) {
	s := newTestSite(t, "")
	if err := os.Mkdir(filepath.Join(s.root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := s.build()
	assertContains(t, diagnostics(res, err), "content: error: the content folder has no pages")
	if err == nil {
		t.Error("build of an empty site succeeded")
	}
	if s.exists("") {
		t.Error("public/ was made")
	}
}

func TestNoContentFolder(t *testing.T) {
	s := newTestSite(t, "")
	res, err := s.build()
	assertContains(t, diagnostics(res, err), "content: error: the site has no content folder")
}

func TestNoSiteYAML(t *testing.T) {
	root := t.TempDir()
	res, err := Build(context.Background(), Options{Site: root, Theme: defaultTheme})
	assertContains(t, diagnostics(res, err), "site.yaml: error: there is no site.yaml in")
}

func TestSymlinks(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.mustBuild()
	before := s.snapshot()
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: Secret\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(s.root, "content", "secret.md")
	if err := os.Symlink(outside, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	res, err := s.build()
	assertContains(t, diagnostics(res, err), "content/secret.md: error: this is a link to "+outside+", which is outside the site")
	if err == nil {
		t.Fatal("a symlink out of the site was followed")
	}
	if s.snapshot() != before {
		t.Error("public/ changed")
	}
	// A link inside the site is fine.
	os.Remove(link)
	if err := os.Symlink(filepath.Join(s.root, "content", "therapy", "groups.md"), filepath.Join(s.root, "content", "therapy", "alias.md")); err != nil {
		t.Fatal(err)
	}
	s.mustBuild()
	if !s.exists("therapy/alias/index.html") {
		t.Error("symlink inside the site not followed")
	}
	// A link that loops cannot be read.
	loop := filepath.Join(s.root, "content", "loop.md")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	res, err = s.build()
	assertContains(t, diagnostics(res, err), "content/loop.md: error: this link leads round in a loop (it points, through other links, back to itself)")
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any file; TestSymlinks covers a file that cannot be read")
	}
	s := newTestSite(t, goodSite)
	p := filepath.Join(s.root, "content", "therapy", "groups.md")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	res, err := s.build()
	assertContains(t, diagnostics(res, err), "content/therapy/groups.md: error: cannot read this file: permission denied")
}

func TestRefusedOutputFolders(t *testing.T) {
	s := newTestSite(t, goodSite)
	home, _ := os.UserHomeDir()
	notOurs := filepath.Join(t.TempDir(), "docs")
	if err := os.MkdirAll(notOurs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notOurs, "thesis.txt"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ out, want string }{
		{"/", "is the root of the file system"},
		{home, "is your home folder"},
		{s.root, "is the site folder or holds it"},
		{filepath.Dir(s.root), "is the site folder or holds it"},
		{filepath.Join(s.root, "content", "out"), "is inside the site's content folder"},
		{filepath.Join(s.root, "static"), "is inside the site's static folder"},
		{notOurs, "already holds files that pamphlet did not write"},
	} {
		_, err := s.build(func(o *Options) { o.Out = tt.out })
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("--out %s: err = %v, want %q", tt.out, err, tt.want)
		}
	}
	if b, err := os.ReadFile(filepath.Join(notOurs, "thesis.txt")); err != nil || string(b) != "precious" {
		t.Error("a folder pamphlet did not write was touched")
	}
	// An empty folder, and one pamphlet wrote before, are fine.
	empty := filepath.Join(t.TempDir(), "site-out")
	s.mustBuild(func(o *Options) { o.Out = empty })
	s.mustBuild(func(o *Options) { o.Out = empty })
	entries, _ := os.ReadDir(filepath.Dir(empty))
	for _, e := range entries {
		if e.Name() != "site-out" && e.Name() != ".site-out.manifest.json" && e.Name() != ".site-out.lock" {
			t.Errorf("left beside the output: %s", e.Name())
		}
	}
}

func TestUnsafeHTML(t *testing.T) {
	s := newTestSite(t, `
-- site.yaml --
title: T
unsafe_html: true
-- content/_index.md --
---
title: Home
---
<div class="note">Hello</div>

[x](javascript:alert(1))
`)
	res := s.mustBuild()
	home := s.read("index.html")
	assertContains(t, home, `<div class="note">Hello</div>`)
	assertNotContains(t, home, "javascript:")
	assertContains(t, res.Diagnostics.String(), "site.yaml: warning: base_url is not set")
}

func TestEscaping(t *testing.T) {
	s := newTestSite(t, `
-- site.yaml --
title: T & "Q" <script>
base_url: https://clinic.example/
-- content/_index.md --
---
title: Home </title><script>alert(1)</script>
description: '"><script>alert(2)</script>'
authors:
  - name: <b>Bold</b>
    url: javascript:alert(3)
---
Text with <script>alert(4)</script> and <img src=x onerror=alert(5)>.
`)
	s.mustBuild()
	home := s.read("index.html")
	assertNotContains(t, home, "<script>", "javascript:", "<img src=x", "<b>Bold")
	assertContains(t, home, "&lt;script&gt;alert(4)&lt;/script&gt;", "T &amp; &#34;Q&#34; &lt;script&gt;")
}

func TestTablesScrollInALabelledRegion(t *testing.T) {
	s := newTestSite(t, `
-- content/_index.md --
---
title: Home
---
## The main trials

| Study | People |
|---|---|
| 1999 | 38 |

| A |
|---|
| b |
`)
	s.mustBuild()
	assertContains(t, s.read("index.html"),
		`<div class="table-wrap" role="region" tabindex="0" aria-label="The main trials">`+"\n<table>",
		"</table>\n</div>",
		`aria-label="Table 2"`)
}

func TestJSONLDStaysInert(t *testing.T) {
	hostile := `Quote " back \ </script><script>alert(1)</script> <!-- x --> non-ASCII: Storebø, 東京`
	s := newTestSite(t, `
-- site.yaml --
title: T
base_url: https://clinic.example/
editorial_policy_page: policy.md
organisation:
  name: '`+strings.ReplaceAll(hostile, "'", "''")+`'
-- content/policy.md --
---
title: Policy
---
-- content/_index.md --
---
title: '`+strings.ReplaceAll(hostile, "'", "''")+`'
description: "line\Lseparators\P</script>"
about: Borderline personality disorder
audience: [patients, carers]
authors:
  - name: '`+strings.ReplaceAll(hostile, "'", "''")+`'
    credentials: '</script>'
    url: javascript:alert(1)
published: 2025-01-02
last_reviewed: 2025-03-04
---
Hello.
`)
	s.mustBuild()
	home := s.read("index.html")
	start := strings.Index(home, `<script type="application/ld+json">`)
	if start < 0 {
		t.Fatal("no JSON-LD")
	}
	start += len(`<script type="application/ld+json">`)
	end := strings.Index(home[start:], "</script>")
	raw := home[start : start+end]
	var doc map[string]any
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatalf("JSON-LD is not valid JSON: %v\n%s", err, raw)
	}
	for _, bad := range []string{"<", ">", "\u2028", "\u2029", "javascript:"} {
		if strings.Contains(raw, bad) {
			t.Errorf("JSON-LD holds %q raw:\n%s", bad, raw)
		}
	}
	if doc["description"] != "line\u2028separators\u2029</script>" {
		t.Errorf("description: %q", doc["description"])
	}
	if doc["name"] != hostile || doc["@type"] != "MedicalWebPage" || doc["lastReviewed"] != "2025-03-04" || doc["datePublished"] != "2025-01-02" {
		t.Errorf("values did not round-trip: %v", doc)
	}
	author := doc["author"].([]any)[0].(map[string]any)
	if author["name"] != hostile || author["hasCredential"].(map[string]any)["name"] != "</script>" {
		t.Errorf("author: %v", author)
	}
	if a := doc["medicalAudience"].([]any); len(a) != 2 || a[1].(map[string]any)["audienceType"] != "Caregiver" {
		t.Errorf("audience: %v", a)
	}
	if doc["publishingPrinciples"] != "https://clinic.example/policy/" {
		t.Errorf("publishingPrinciples: %v", doc["publishingPrinciples"])
	}
	// Only the JSON-LD's script element and the search box's: the
	// hostile values closed nothing.
	if n := strings.Count(home, "<script"); n != 2 {
		t.Errorf("%d script elements, want 2", n)
	}
}

func TestNoChangeRebuild(t *testing.T) {
	s := newTestSite(t, goodSite)
	first := s.mustBuild()
	if first.UpToDate {
		t.Fatal("first build reported up to date")
	}
	before := s.snapshot()
	res := s.mustBuild()
	if !res.UpToDate || res.Pages != first.Pages {
		t.Errorf("second build: up to date %v, pages %d", res.UpToDate, res.Pages)
	}
	if s.snapshot() != before {
		t.Error("an up-to-date build changed the output")
	}
	// Any input changing means a real build: content, templates, static, options.
	for _, change := range []func(){
		func() { s.write("content/therapy/groups.md", "---\ntitle: Groups\nweight: 20\n---\nEdited.\n") },
		func() { s.write("static/extra.css", "p{}") },
		func() { s.write("templates/404.html", `{{define "main"}}<h1>Lost</h1>{{end}}`) },
	} {
		change()
		if res := s.mustBuild(); res.UpToDate {
			t.Error("a change was not noticed")
		}
		if res := s.mustBuild(); !res.UpToDate {
			t.Error("second build after a change was not up to date")
		}
	}
	if res := s.mustBuild(func(o *Options) { o.BaseURL = "https://other.example/" }); res.UpToDate {
		t.Error("a new --base-url was not noticed")
	}
	// The record of the build is kept beside the output, never published.
	if s.exists(".public.manifest.json") || !fileExists(filepath.Join(s.root, ".public.manifest.json")) {
		t.Error("the manifest is not beside the output folder")
	}
	// An output folder someone else replaced or emptied is built again.
	os.RemoveAll(filepath.Join(s.root, "public"))
	if res := s.mustBuild(func(o *Options) { o.BaseURL = "https://other.example/" }); res.UpToDate || !s.exists("index.html") {
		t.Error("a deleted output folder was taken as up to date")
	}
	assertContains(t, s.read("404.html"), "<h1>Lost</h1>")
	// A build with no record of the output folder hashes the sources as it
	// parses them (a byte-order mark and CRLF line ends included); the
	// build after it must see the same digest.
	s.write("content/therapy/groups.md", "\ufeff---\r\ntitle: Groups\r\n---\r\nWindows line ends.\r\n")
	os.RemoveAll(filepath.Join(s.root, "public"))
	if res := s.mustBuild(); res.UpToDate {
		t.Error("a deleted output folder was taken as up to date")
	}
	if res := s.mustBuild(); !res.UpToDate {
		t.Error("the build after a build from scratch was not up to date")
	}
}

func TestSymlinkedOutputFolder(t *testing.T) {
	s := newTestSite(t, goodSite)
	target := filepath.Join(t.TempDir(), "www")
	if err := os.MkdirAll(filepath.Join(target, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(target, write.Marker), []byte("{}"), 0o644)
	link := filepath.Join(t.TempDir(), "public")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	s.mustBuild(func(o *Options) { o.Out = link })
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the output link was replaced: %v", err)
	}
	if _, err := os.Stat(filepath.Join(link, "therapy", "groups", "index.html")); err != nil {
		t.Errorf("the new site is not behind the link: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 1 {
		t.Errorf("left beside the target: %v", entries)
	}
}

func TestPageBibliographyMustBeInContent(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write("refs/extra.bib", "@misc{x, title = {X}, year = 2020}\n")
	s.write("content/therapy/groups.md", "---\ntitle: Groups\nbibliography: ../../refs/extra.bib\n---\nText.\n")
	res, err := s.build()
	assertContains(t, diagnostics(res, err), `content/therapy/groups.md:3: error: bibliography file "../../refs/extra.bib" is outside the content folder`)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestPartialCached: a cached partial is rendered once per layout and set
// of keys; the keys decide what may differ between pages.
func TestPartialCached(t *testing.T) {
	s := newTestSite(t, goodSite+`
-- templates/partials/bykind.html --
<p class="bykind">{{.Page.Title}}</p>
-- templates/partials/bytitle.html --
<p class="bytitle">{{.Page.Title}}</p>
-- templates/page.html --
{{define "main"}}{{partialCached "bykind.html" . .Page.Kind}}{{partialCached "bytitle.html" . .Page.Title}}{{end}}
`)
	s.mustBuild()
	first, second := s.read("therapy/groups/index.html"), s.read("therapy/what-to-expect/index.html")
	// Keyed by kind only: both pages show whichever page rendered it first.
	kind := regexp.MustCompile(`<p class="bykind">([^<]*)</p>`)
	if a, b := kind.FindStringSubmatch(first), kind.FindStringSubmatch(second); a == nil || b == nil || a[1] != b[1] {
		t.Errorf("a partial keyed by kind differs between pages: %q, %q", a, b)
	}
	// Keyed by title: each page its own.
	assertContains(t, first, `<p class="bytitle">Groups</p>`)
	assertContains(t, second, `<p class="bytitle">What to expect</p>`)
}

// TestOwnLayoutShowsEachPagesBody builds with a page layout of the site's
// own, on one worker, so that every page's body is read back from the
// spill file into the same buffer: each page, and each partial keyed by
// page, must still show its own body, not the one read after it.
func TestOwnLayoutShowsEachPagesBody(t *testing.T) {
	s := newTestSite(t, goodSite+`
-- templates/partials/body-again.html --
<div class="again">{{.Page.Content}}</div>
-- templates/page.html --
{{define "main"}}<div class="own">{{.Page.Content}}</div>{{partialCached "body-again.html" . .Page.Title}}{{end}}
`)
	s.mustBuild(func(o *Options) { o.Workers = 1 })
	for _, tt := range []struct{ page, own, other string }{
		{"therapy/what-to-expect/index.html", "See <a href=", "Back to"},
		{"therapy/groups/index.html", "Back to <a href=", "See <a href="},
	} {
		got := s.read(tt.page)
		for _, class := range []string{"own", "again"} {
			m := regexp.MustCompile(`(?s)<div class="` + class + `">(.*?)</div>`).FindStringSubmatch(got)
			if m == nil || !strings.Contains(m[1], tt.own) || strings.Contains(m[1], tt.other) {
				t.Errorf("%s: the %s copy of the body is %q, want the page's own", tt.page, class, m)
			}
		}
	}
}

// TestPartialSeesBodyInDefaultLayout: a partial of the site's own,
// cached, still sees the page's content.
func TestPartialSeesBodyInDefaultLayout(t *testing.T) {
	s := newTestSite(t, goodSite+`
-- templates/partials/sitefooter.html --
<div class="footer-body">{{.Page.Content}}</div>
`)
	s.mustBuild(func(o *Options) { o.Workers = 1 })
	got := s.read("therapy/groups/index.html")
	// Cached once for the whole site: the body of whichever page came first.
	if !regexp.MustCompile(`<div class="footer-body">\s*<p>(See|Back to) <a href=`).MatchString(got) {
		t.Errorf("the footer partial shows no body:\n%s", got)
	}
}
