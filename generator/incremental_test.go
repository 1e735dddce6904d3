package generator

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const incrementalSite = `
-- site.yaml --
title: Clinic
base_url: https://clinic.example/
menu:
  - title: Therapy
    page: therapy/_index.md
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/therapy/_index.md --
---
title: Therapy
---
-- content/therapy/a.md --
---
title: Alpha
weight: 1
---
Alpha text [@one].
-- content/therapy/b.md --
---
title: Bravo
weight: 2
---
Bravo text.
-- content/therapy/c.md --
---
title: Charlie
weight: 3
---
Charlie text.
-- content/other/x.md --
---
title: X-ray
---
X text.
-- content/other/y.md --
---
title: Yankee
---
Y text.
-- content/references.bib --
@article{one, author = {Doe, J}, title = {One}, journal = {J}, year = 2020, volume = 1, pages = {1--2}}
@article{two, author = {Roe, R}, title = {Two}, journal = {J}, year = 2021, volume = 1, pages = {3--4}}
-- static/css/site.css --
body { color: black; }
`

// builtIncrementalSite builds incrementalSite once and returns the builder.
func builtIncrementalSite(t *testing.T) (*testSite, *Builder) {
	t.Helper()
	s := newTestSite(t, incrementalSite)
	// two is cited nowhere; that warning is expected.
	b := NewBuilder(Options{Site: s.root, Theme: defaultTheme, Workers: 2})
	u, err := b.Build(context.Background())
	if err != nil || u.Failed {
		t.Fatalf("first build: %v\n%s", err, u.Diagnostics)
	}
	return s, b
}

// rebuild writes (or, with data "", removes) files and rebuilds.
func rebuild(t *testing.T, s *testSite, b *Builder, files map[string]string) *Update {
	t.Helper()
	var changed []string
	for name, data := range files {
		if data == "" {
			os.RemoveAll(filepath.Join(s.root, filepath.FromSlash(name)))
		} else {
			s.write(name, data)
		}
		changed = append(changed, name)
	}
	u, err := b.Rebuild(context.Background(), changed)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestRebuildBodyEditRendersOnePage(t *testing.T) {
	s, b := builtIncrementalSite(t)
	u := rebuild(t, s, b, map[string]string{"content/therapy/b.md": "---\ntitle: Bravo\nweight: 2\n---\nNew bravo text.\n"})
	if u.Failed || u.Rendered != 1 {
		t.Fatalf("rendered %d, failed %v: %s", u.Rendered, u.Failed, u.Diagnostics)
	}
	if !slices.Equal(withoutIndex(u.Changed), []string{"therapy/b/index.html"}) {
		t.Errorf("changed %v", u.Changed)
	}
	if !slices.Contains(u.Changed, "search/meta.json") || !slices.ContainsFunc(u.Changed, func(p string) bool { return strings.HasPrefix(p, "search/x/") }) {
		t.Errorf("the search index did not change with the page's text: changed %v", u.Changed)
	}
	if !strings.Contains(string(b.Files()["therapy/b/index.html"]), "New bravo text.") {
		t.Error("new text not in the output")
	}
}

func TestRebuildTitleEditRendersItsLists(t *testing.T) {
	s, b := builtIncrementalSite(t)
	u := rebuild(t, s, b, map[string]string{"content/therapy/b.md": "---\ntitle: Bravissimo\nweight: 2\n---\nBravo text.\n"})
	// The page, its section's list, its neighbours' previous/next links,
	// and the search page's list of every page.
	want := []string{"search/index.html", "therapy/a/index.html", "therapy/b/index.html", "therapy/c/index.html", "therapy/index.html"}
	if u.Rendered != len(want) || !slices.Equal(withoutIndex(u.Changed), want) {
		t.Errorf("rendered %d, changed %v; want %v", u.Rendered, u.Changed, want)
	}
	if !strings.Contains(string(b.Files()["therapy/a/index.html"]), "Bravissimo") {
		t.Error("next link not updated")
	}
}

func TestRebuildNewAndDeletedPages(t *testing.T) {
	s, b := builtIncrementalSite(t)
	u := rebuild(t, s, b, map[string]string{"content/other/z.md": "---\ntitle: Zulu\n---\nZ.\n"})
	assertContains(t, strings.Join(u.Changed, " "), "other/z/index.html", "other/index.html", "sitemap.xml")
	if u.Rendered > 5 { // z, the section list, y's next link, the search page, and nothing else
		t.Errorf("rendered %d: %v", u.Rendered, u.Changed)
	}
	u = rebuild(t, s, b, map[string]string{"content/other/z.md": ""})
	if !slices.Contains(u.Removed, "other/z/index.html") {
		t.Errorf("removed %v", u.Removed)
	}
	assertNotContains(t, string(b.Files()["other/index.html"]), "Zulu")
	assertNotContains(t, string(b.Files()["sitemap.xml"]), "other/z/")
	// A whole folder renamed: its pages move.
	if err := os.Rename(filepath.Join(s.root, "content/other"), filepath.Join(s.root, "content/more")); err != nil {
		t.Fatal(err)
	}
	u, err := b.Rebuild(context.Background(), []string{"content/other", "content/more"})
	if err != nil || u.Failed {
		t.Fatalf("%v %s", err, u.Diagnostics)
	}
	if _, ok := b.Files()["more/x/index.html"]; !ok {
		t.Error("moved page missing")
	}
	if _, ok := b.Files()["other/x/index.html"]; ok {
		t.Error("old page still there")
	}
}

func TestRebuildTemplateChange(t *testing.T) {
	s, b := builtIncrementalSite(t)
	page, err := os.ReadFile(filepath.Join("..", "templates", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	u := rebuild(t, s, b, map[string]string{"templates/page.html": strings.Replace(string(page), "<article class=\"page\">", "<article class=\"page changed\">", 1)})
	// Only "page" pages use page.html: a, b, c, x, y and the references page.
	if u.Failed || u.Rendered != 6 {
		t.Errorf("rendered %d (%v), failed %v %s", u.Rendered, u.Changed, u.Failed, u.Diagnostics)
	}
}

func TestRebuildBibliographyChange(t *testing.T) {
	s, b := builtIncrementalSite(t)
	bib := "@article{one, author = {Doe, J}, title = {One, revised}, journal = {J}, year = 2020, volume = 1, pages = {1--2}}\n@article{two, author = {Roe, R}, title = {Two}, journal = {J}, year = 2021, volume = 1, pages = {3--4}}\n"
	u := rebuild(t, s, b, map[string]string{"content/references.bib": bib})
	// a cites one: a and the references page; nothing else.
	want := []string{"references/index.html", "therapy/a/index.html"}
	if !slices.Equal(u.Changed, want) || u.Rendered != 2 {
		t.Errorf("rendered %d, changed %v; want %v", u.Rendered, u.Changed, want)
	}
}

// TestRebuildStyleFile: editing the site's own .csl restyles the pages
// that cite, and the style file is watched.
func TestRebuildStyleFile(t *testing.T) {
	s := newTestSite(t, incrementalSite)
	s.write("styles/my.csl", myClinicCSL)
	cfg, err := os.ReadFile(filepath.Join(s.root, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s.write("site.yaml", strings.Replace(string(cfg), "title: Clinic\n", "title: Clinic\ncitation_style: styles/my.csl\n", 1))
	b := NewBuilder(Options{Site: s.root, Theme: defaultTheme, Workers: 2})
	if u, err := b.Build(context.Background()); err != nil || u.Failed {
		t.Fatalf("first build: %v\n%s", err, u.Diagnostics)
	}
	if !slices.Contains(b.ExtraFiles(), "styles/my.csl") {
		t.Errorf("the style file is not watched: %v", b.ExtraFiles())
	}
	assertContains(t, string(b.Files()["therapy/a/index.html"]), `[<a class="cite"`)
	u := rebuild(t, s, b, map[string]string{"styles/my.csl": strings.Replace(myClinicCSL, `prefix="[" suffix="]"`, `prefix="(" suffix=")"`, 1)})
	if u.Failed {
		t.Fatal(u.Diagnostics)
	}
	assertContains(t, string(b.Files()["therapy/a/index.html"]), `(<a class="cite"`)
}

func TestRebuildStaticFile(t *testing.T) {
	s, b := builtIncrementalSite(t)
	u := rebuild(t, s, b, map[string]string{"static/css/site.css": "body { color: navy; }\n"})
	if u.Rendered != 0 || !slices.Equal(u.Changed, []string{"css/site.css"}) {
		t.Errorf("rendered %d, changed %v", u.Rendered, u.Changed)
	}
}

func TestRebuildFailureKeepsLastGoodSite(t *testing.T) {
	s, b := builtIncrementalSite(t)
	good := b.Files()
	u := rebuild(t, s, b, map[string]string{"content/therapy/b.md": "---\ntitle: [broken\n---\nText.\n"})
	if !u.Failed || !strings.Contains(u.Diagnostics.String(), "content/therapy/b.md:2: error: this YAML cannot be read") {
		t.Fatalf("failed %v: %s", u.Failed, u.Diagnostics)
	}
	if b.Files()["therapy/b/index.html"] == nil || len(b.Files()) != len(good) {
		t.Error("the last good site was dropped")
	}
	// Another edit while broken still fails; the fix renders both edits.
	u = rebuild(t, s, b, map[string]string{"content/therapy/c.md": "---\ntitle: Charlie\nweight: 3\n---\nCharlie edited.\n"})
	if !u.Failed {
		t.Fatal("build with a broken page succeeded")
	}
	u = rebuild(t, s, b, map[string]string{"content/therapy/b.md": "---\ntitle: Bravo\nweight: 2\n---\nFixed.\n"})
	if u.Failed {
		t.Fatalf("%s", u.Diagnostics)
	}
	assertContains(t, strings.Join(u.Changed, " "), "therapy/b/index.html", "therapy/c/index.html")
	assertContains(t, string(b.Files()["therapy/c/index.html"]), "Charlie edited.")
}

func TestRebuildAssetAddedFixesLink(t *testing.T) {
	s, b := builtIncrementalSite(t)
	u := rebuild(t, s, b, map[string]string{"content/other/x.md": "---\ntitle: X-ray\n---\nX text, see ![a chair](chair.png).\n"})
	if !u.Failed || !strings.Contains(u.Diagnostics.String(), `content/other/x.md:4:13: error: image to "chair.png": there is no file content/other/chair.png`) {
		t.Fatalf("want a missing image error: %s", u.Diagnostics)
	}
	// Adding the file re-parses the page that shows it, which now builds.
	u = rebuild(t, s, b, map[string]string{"content/other/chair.png": "PNG"})
	if u.Failed {
		t.Fatalf("adding the image did not fix the page: %s", u.Diagnostics)
	}
	if string(b.Files()["other/chair.png"]) != "PNG" {
		t.Error("image not published")
	}
	// Removing it breaks the page again.
	u = rebuild(t, s, b, map[string]string{"content/other/chair.png": ""})
	if !u.Failed {
		t.Error("removing a shown image did not fail the build")
	}
}

func TestRebuildDateChangeUpdatesSitemap(t *testing.T) {
	s, b := builtIncrementalSite(t)
	u := rebuild(t, s, b, map[string]string{"content/therapy/b.md": "---\ntitle: Bravo\nweight: 2\nlast_reviewed: 2025-05-05\n---\nBravo text.\n"})
	if u.Rendered != 1 || !slices.Contains(u.Changed, "sitemap.xml") {
		t.Errorf("rendered %d, changed %v", u.Rendered, u.Changed)
	}
	assertContains(t, string(b.Files()["sitemap.xml"]), "<loc>https://clinic.example/therapy/b/</loc><lastmod>2025-05-05</lastmod>")
	// A body edit leaves the sitemap alone.
	u = rebuild(t, s, b, map[string]string{"content/therapy/b.md": "---\ntitle: Bravo\nweight: 2\nlast_reviewed: 2025-05-05\n---\nBravo text, again.\n"})
	if slices.Contains(u.Changed, "sitemap.xml") {
		t.Errorf("sitemap changed for a body edit: %v", u.Changed)
	}
}

func TestRebuildExtraBibliography(t *testing.T) {
	s := newTestSite(t, incrementalSite)
	s.write("site.yaml", "title: Clinic\nbase_url: https://clinic.example/\nbibliography: [bib/more.bib]\n")
	s.write("bib/more.bib", "@article{three, author = {Poe, E}, title = {Three}, journal = {J}, year = 2022, volume = 1, pages = {5--6}}\n")
	s.write("content/other/y.md", "---\ntitle: Yankee\n---\nY text [@three].\n")
	b := NewBuilder(Options{Site: s.root, Theme: defaultTheme, Workers: 2})
	if u, err := b.Build(context.Background()); err != nil || u.Failed {
		t.Fatalf("%v %s", err, u.Diagnostics)
	}
	if got := b.ExtraFiles(); !slices.Equal(got, []string{"bib/more.bib", "search/synonyms.yaml"}) {
		t.Errorf("ExtraFiles = %v", got)
	}
	u := rebuild(t, s, b, map[string]string{"bib/more.bib": "@article{three, author = {Poe, E}, title = {Three, revised}, journal = {J}, year = 2022, volume = 1, pages = {5--6}}\n"})
	if u.Failed || !slices.Contains(u.Changed, "other/y/index.html") {
		t.Errorf("changed %v: %s", u.Changed, u.Diagnostics)
	}
	assertContains(t, string(b.Files()["other/y/index.html"]), "Three, revised")
}

// TestRebuildMatchesFullBuild makes changes that reach pages other than
// the one edited, and checks the dev server's site against a fresh build.
func TestRebuildMatchesFullBuild(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup map[string]string
		edit  map[string]string
	}{
		{"footer link title", map[string]string{
			"site.yaml": "title: Clinic\nbase_url: https://clinic.example/\ncontact_page: other/y.md\n",
		}, map[string]string{"content/other/y.md": "---\ntitle: Get in touch\n---\nY text.\n"}},
		{"last citation removed", nil, map[string]string{"content/therapy/a.md": "---\ntitle: Alpha\nweight: 1\n---\nAlpha text.\n"}},
		{"APA year letters", map[string]string{
			"site.yaml": "title: Clinic\nbase_url: https://clinic.example/\ncitation_style: apa\n",
		}, map[string]string{"content/references.bib": "@article{one, author = {Doe, J}, title = {One}, journal = {J}, year = 2020, volume = 1, pages = {1--2}}\n@article{two, author = {Doe, J}, title = {Two}, journal = {J}, year = 2020, volume = 1, pages = {3--4}}\n"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, incrementalSite)
			for name, data := range tt.setup {
				s.write(name, data)
			}
			b := NewBuilder(Options{Site: s.root, Theme: defaultTheme, Workers: 2})
			if u, err := b.Build(context.Background()); err != nil || u.Failed {
				t.Fatalf("%v %s", err, u.Diagnostics)
			}
			if u := rebuild(t, s, b, tt.edit); u.Failed {
				t.Fatalf("%s", u.Diagnostics)
			}
			fresh := NewBuilder(Options{Site: s.root, Theme: defaultTheme, Workers: 2})
			if u, err := fresh.Build(context.Background()); err != nil || u.Failed {
				t.Fatalf("%v %s", err, u.Diagnostics)
			}
			for p, want := range fresh.Files() {
				if got, ok := b.Files()[p]; !ok || string(got) != string(want) {
					t.Errorf("%s is stale", p)
				}
			}
			for p := range b.Files() {
				if _, ok := fresh.Files()[p]; !ok {
					t.Errorf("%s should be gone", p)
				}
			}
		})
	}
}

func TestRebuildStaticProblemsComeAndGo(t *testing.T) {
	s, b := builtIncrementalSite(t)
	outside := filepath.Join(t.TempDir(), "x.css")
	os.WriteFile(outside, []byte("x"), 0o644)
	if err := os.Symlink(outside, filepath.Join(s.root, "static", "css", "link.css")); err != nil {
		t.Skip(err)
	}
	u, _ := b.Rebuild(context.Background(), []string{"static/css/link.css"})
	if !u.Failed || !strings.Contains(u.Diagnostics.String(), "static/css/link.css: error: this is a link to") {
		t.Fatalf("want the link refused: %s", u.Diagnostics)
	}
	os.Remove(filepath.Join(s.root, "static", "css", "link.css"))
	if u, _ := b.Rebuild(context.Background(), []string{"static/css/link.css"}); u.Failed {
		t.Errorf("still failing after the link went: %s", u.Diagnostics)
	}
}

func TestRebuildContentFolderAppears(t *testing.T) {
	s := newTestSite(t, "")
	b := NewBuilder(Options{Site: s.root, Theme: defaultTheme, Workers: 2})
	if u, _ := b.Build(context.Background()); !u.Failed {
		t.Fatal("a site without content built")
	}
	s.write("content/_index.md", "---\ntitle: Home\n---\n")
	u, err := b.Rebuild(context.Background(), []string{"content"})
	if err != nil || u.Failed {
		t.Errorf("%v %s", err, u.Diagnostics)
	}
}

// TestRebuildSameBytesChangesNothing: a save seen twice (a truncate and a
// write, delivered in two batches) rebuilds a page whose source is as it
// was: nothing is reported changed, so the dev server's event for it makes
// no tab reload. Good builds are numbered one after another, failed ones
// in between included, as the live-reload client relies on.
func TestRebuildSameBytesChangesNothing(t *testing.T) {
	s, b := builtIncrementalSite(t)
	edit := map[string]string{"content/therapy/b.md": "---\ntitle: Bravo\nweight: 2\n---\nNew bravo text.\n"}
	u := rebuild(t, s, b, edit)
	if u.Failed || u.Build != 2 || !slices.Equal(withoutIndex(u.Changed), []string{"therapy/b/index.html"}) {
		t.Fatalf("edit: build %d, failed %v, changed %v: %s", u.Build, u.Failed, u.Changed, u.Diagnostics)
	}
	u = rebuild(t, s, b, edit)
	if u.Failed || u.Build != 3 || len(u.Changed) != 0 || len(u.Removed) != 0 {
		t.Errorf("same bytes again: build %d, failed %v, changed %v, removed %v", u.Build, u.Failed, u.Changed, u.Removed)
	}
	u = rebuild(t, s, b, map[string]string{"content/therapy/b.md": "---\ntitle: [broken\n---\n"})
	if !u.Failed || u.Build != 0 {
		t.Fatalf("broken front matter: build %d, failed %v", u.Build, u.Failed)
	}
	u = rebuild(t, s, b, edit)
	if u.Failed || u.Build != 4 || len(u.Changed) != 0 {
		t.Errorf("fixed back as it was: build %d, failed %v, changed %v", u.Build, u.Failed, u.Changed)
	}
}

// TestRebuildSaysWhatTabsDo: each output says what an open tab does when
// it changes, and an update gathers that: a page edit reloads that page
// (and the pages that list it), a stylesheet restyles, a new image is
// "other", and the sitemap and robots.txt ask for nothing.
func TestRebuildSaysWhatTabsDo(t *testing.T) {
	s, b := builtIncrementalSite(t)
	u := rebuild(t, s, b, map[string]string{"content/therapy/b.md": "---\ntitle: Bravo\nweight: 2\n---\nBravo, rewritten.\n"})
	if !slices.Equal(u.Pages, []string{"/therapy/b/"}) || u.CSS || u.Other {
		t.Errorf("a body edit: pages %v, CSS %v, other %v; want only /therapy/b/", u.Pages, u.CSS, u.Other)
	}
	u = rebuild(t, s, b, map[string]string{"static/css/site.css": "body { color: navy; }\n"})
	if len(u.Pages) != 0 || !u.CSS || u.Other {
		t.Errorf("a stylesheet edit: pages %v, CSS %v, other %v; want CSS only", u.Pages, u.CSS, u.Other)
	}
	u = rebuild(t, s, b, map[string]string{"content/therapy/diagram.png": "\x89PNG"})
	if len(u.Pages) != 0 || u.CSS || !u.Other {
		t.Errorf("a new image: pages %v, CSS %v, other %v; want other only", u.Pages, u.CSS, u.Other)
	}
	u = rebuild(t, s, b, map[string]string{"content/therapy/c.md": "---\ntitle: Charlie\nweight: 3\nlast_reviewed: 2025-02-03\n---\nCharlie text.\n"})
	if !slices.Contains(u.Changed, "sitemap.xml") || slices.Contains(u.Pages, "/sitemap.xml") {
		t.Errorf("a date edit: changed %v, pages %v", u.Changed, u.Pages)
	}
	u = rebuild(t, s, b, map[string]string{"content/other/y.md": ""})
	if !slices.Contains(u.Pages, "/other/y/") {
		t.Errorf("a removed page: pages %v, want /other/y/ among them", u.Pages)
	}
}

// withoutIndex leaves out of output paths the files of the search index
// (search/ but for its page), which change with any page's text.
func withoutIndex(paths []string) []string {
	var out []string
	for _, p := range paths {
		if !strings.HasPrefix(p, "search/") || p == "search/index.html" {
			out = append(out, p)
		}
	}
	return out
}
