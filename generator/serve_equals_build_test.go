package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"pamphlet/generator/write"
)

// TestServeEqualsBuild holds what the dev server's builder serves equal,
// byte for byte, to what a full build writes: after its first build, and
// after each of a series of edits, each of which the builder takes as a
// rebuild of only what changed.
func TestServeEqualsBuild(t *testing.T) {
	s, b := builtIncrementalSite(t)
	check := func(step string) {
		t.Helper()
		assertServeEqualsBuild(t, step, s.root, b)
	}
	check("first build")
	for _, e := range []struct {
		step  string
		files map[string]string
	}{
		{"a body edit", map[string]string{"content/therapy/b.md": "---\ntitle: Bravo\nweight: 2\n---\nBravo, rewritten.\n"}},
		{"a title edit", map[string]string{"content/therapy/c.md": "---\ntitle: Charlie Two\nweight: 3\n---\nCharlie text.\n"}},
		{"a new page with sections", map[string]string{"content/therapy/d.md": "---\ntitle: Delta\nweight: 4\nrelated: [a.md]\nlast_reviewed: 2025-01-02\n---\n## One\n\n## Two\n\n## Three [@two]\n"}},
		{"a page removed", map[string]string{"content/other/y.md": ""}},
		{"a citation added", map[string]string{"content/therapy/b.md": "---\ntitle: Bravo\nweight: 2\n---\nBravo [@one; @two].\n"}},
		{"a bibliography edit", map[string]string{"content/references.bib": "@article{one, author = {Doe, J}, title = {One, corrected}, journal = {J}, year = 2020, volume = 1, pages = {1--2}}\n@article{two, author = {Roe, R}, title = {Two}, journal = {J}, year = 2021, volume = 1, pages = {3--4}}\n"}},
		{"the brand and menu", map[string]string{"site.yaml": "title: Clinic\nbase_url: https://clinic.example/\nbrand:\n  colour: \"#005eb8\"\nmenu:\n  - title: Other\n    page: other/x.md\n"}},
		{"a template", map[string]string{"templates/partials/pagenav.html": "<p class=\"own-nav\">{{with .Page.Next}}{{.Title}}{{end}}</p>"}},
		{"a stylesheet", map[string]string{"static/css/site.css": "body { color: navy; }\n"}},
	} {
		u := rebuild(t, s, b, e.files)
		if u.Failed {
			t.Fatalf("%s: %s", e.step, u.Diagnostics)
		}
		check(e.step)
	}
}

// assertServeEqualsBuild fails t where what b serves differs from what a
// full build of the site in root writes.
func assertServeEqualsBuild(t *testing.T, step, root string, b *Builder) {
	t.Helper()
	out := t.TempDir()
	if _, err := Build(context.Background(), Options{Site: root, Out: out, Theme: defaultTheme, Workers: 2}); err != nil {
		t.Fatalf("%s: build: %v", step, err)
	}
	written := map[string][]byte{}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == write.Marker {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		written[filepath.ToSlash(rel)], _ = os.ReadFile(p)
		return nil
	})
	served := b.Files()
	var names []string
	for name := range written {
		names = append(names, name)
	}
	for name := range served {
		if _, ok := written[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		w, inBuild := written[name]
		sv, inServe := served[name]
		switch {
		case !inBuild:
			t.Errorf("%s: serve has %s, build does not", step, name)
		case !inServe:
			t.Errorf("%s: build wrote %s, serve does not have it", step, name)
		case !bytes.Equal(w, sv):
			t.Errorf("%s: %s differs between build and serve:\nbuild: %.300s\nserve: %.300s", step, name, w, sv)
		}
	}
}

// TestServeEqualsBuildBundledSite holds the same for a copy of the bundled
// site, before and after a page is edited.
func TestServeEqualsBuildBundledSite(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"content", "static", "templates"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("..", dir))); err != nil {
			t.Fatal(err)
		}
	}
	settings, err := os.ReadFile("../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "site.yaml"), settings, 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(Options{Site: root, Theme: defaultTheme, Workers: 2})
	if u, err := b.Build(context.Background()); err != nil || u.Failed {
		t.Fatalf("first build: %v\n%v", err, u.Diagnostics)
	}
	assertServeEqualsBuild(t, "first build", root, b)

	page := filepath.Join(root, "content", "understanding", "what-is-mentalizing.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(src, []byte("\n---\n"), []byte("\n---\n\nA sentence added by the test.\n"), 1)
	if err := os.WriteFile(page, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if u, err := b.Rebuild(context.Background(), []string{"content/understanding/what-is-mentalizing.md"}); err != nil || u.Failed {
		t.Fatalf("rebuild: %v\n%v", err, u.Diagnostics)
	}
	assertServeEqualsBuild(t, "a page edited", root, b)
}
