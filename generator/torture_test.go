package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pamphlet/generator/diag"
)

// tortureCase is one hostile or broken input: files written over a good
// site, and a part of the message the build must give (with its file and
// line), or "" when the build may succeed.
type tortureCase struct {
	name  string
	files map[string]string
	want  string
}

// secret is written outside the site before each case: no output file
// may ever hold it.
const secret = "SECRET-d41d8cd98f00b204"

// TestTorture builds a good site, then each hostile input over it, and
// holds every build to the same rules: it ends within a time limit; it
// says what is wrong with a file and line; when it fails, public/ is
// byte for byte as it was; and nothing from outside the site is
// published.
func TestTorture(t *testing.T) {
	big := 330 << 10
	cases := []tortureCase{
		{"a line of open brackets", groupsPage(strings.Repeat("[", big)), "content/therapy/groups.md:4: error: this line is"},
		{"brackets nested deep", groupsPage(strings.Repeat("[", big/20) + strings.Repeat("]", big/20)), ""},
		{"many short brackets", groupsPage(strings.Repeat("[a] ", 2000) + "\n\n" + strings.Repeat("[a][b]\n", big/8)), ""},
		{"unclosed links", groupsPage(strings.Repeat("[a](\n", big/5)), ""},
		{"a long line of unclosed links", groupsPage(strings.Repeat("[a](", big/4)), "content/therapy/groups.md:4: error: this line is"},
		{"angle brackets", groupsPage(strings.Repeat("<a ", big/3)), "content/therapy/groups.md:4: error: this line is"},
		{"citations in a long paragraph", groupsPage(strings.Repeat("@a [p. 1] and [@b; @c]\n", big/24)), "error: unknown citation key"},
		{"images without ends", groupsPage(strings.Repeat("![\n", big/3)), ""},
		{"quotes nested deep", groupsPage(strings.Repeat(">", 5000) + " x\n"), ""},
		{"lists nested deep", groupsPage(strings.Repeat("  ", 3000) + "- x\n"), ""},
		{"emphasis", groupsPage(strings.Repeat("*a **b ", big/7)), "error: this line is"},
		{"a huge table", groupsPage("|a|b|\n|-|-|\n" + strings.Repeat("|x|y|\n", big/6)), ""},
		{"NUL bytes", map[string]string{"content/therapy/groups.md": strings.Repeat("\x00", 4096)}, "content/therapy/groups.md:1: error: this file holds NUL bytes"},
		{"not UTF-8", map[string]string{"content/therapy/groups.md": "---\ntitle: Gr\xe9\xe9t\n---\n"}, "content/therapy/groups.md:2:10: error: this file is not UTF-8 text"},
		{"front matter of aliases", map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n---\nText.\n"}, `content/therapy/groups.md:3:1: warning: unknown key "a"`},
		{"front matter nested deep", map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\nauthors: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n---\n"}, "content/therapy/groups.md:"},
		{"a huge front matter", map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n" + strings.Repeat("k: v\n", 20000) + "---\n"}, `content/therapy/groups.md:4:1: error: "k" is given twice`},
		{"a key with no value", map[string]string{"content/therapy/groups.md": "---\ntitle:\n---\n"}, "content/therapy/groups.md:2: error: this page has no title"},
		{"site.yaml is a list", map[string]string{"site.yaml": "- a\n- b\n"}, "site.yaml:1:1: error: the site settings should be lines of \"key: value\""},
		{"site.yaml of NUL bytes", map[string]string{"site.yaml": "\x00\x00"}, "site.yaml:1: error: this file holds NUL bytes"},
		{"a broken bibliography", map[string]string{"content/references.bib": "@article{a, title = {unclosed\n"}, "content/references.bib:1"},
		{"a bibliography of nested braces", map[string]string{"content/references.bib": "@article{a, title = " + strings.Repeat("{", 50000) + "}\n"}, "content/references.bib:1"},
		{"a broken CSL-JSON file", map[string]string{"content/references.json": `[{"id": "a", "type": "book", "title": 3}]`}, "content/references.json:1"},
		{"a link out of the content folder", groupsPage("[x](../../secret.md)\n"), "content/therapy/groups.md:4:1: error: link \"../../secret.md\" points outside the content folder"},
		{"a javascript link", groupsPage("[x](javascript:alert(1))\n"), "content/therapy/groups.md:4:1: warning: a javascript: address was removed"},
		{"an unknown template function", map[string]string{"templates/page.html": "{{define \"main\"}}{{nosuch .}}{{end}}"}, "templates/page.html:1: error: template error"},
		{"a template that fails when run", map[string]string{"templates/page.html": "{{define \"main\"}}{{index .Page.Authors 99}}{{end}}"}, "templates/page.html:1:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newTestSite(t, goodSite)
			if err := os.WriteFile(filepath.Join(filepath.Dir(s.root), "secret.md"), []byte("---\ntitle: "+secret+"\n---\n"+secret+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			s.mustBuild()
			before := s.snapshot()
			for name, data := range c.files {
				s.write(name, data)
			}
			res, err := buildWithin(t, s)
			got := diagnostics(res, err)
			if c.want != "" && !strings.Contains(got, c.want) {
				t.Errorf("missing %q in:\n%s", c.want, got)
			}
			var failed *diag.Failed
			if err != nil && !errors.As(err, &failed) {
				t.Fatalf("the build failed without a diagnostic: %v", err)
			}
			for _, d := range append(diag.List{}, res.Diagnostics...) {
				if d.File == "" || d.Message == "" {
					t.Errorf("a diagnostic does not say where or what: %+v", d)
				}
			}
			if err != nil && s.snapshot() != before {
				t.Error("public/ changed after a failed build")
			}
			_ = filepath.WalkDir(filepath.Join(s.root, "public"), func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					if b, _ := os.ReadFile(p); strings.Contains(string(b), secret) {
						t.Errorf("%s holds text from outside the site", p)
					}
				}
				return nil
			})
		})
	}
}

// groupsPage returns the files that replace the good site's groups page with
// front matter and a body.
func groupsPage(body string) map[string]string {
	return map[string]string{"content/therapy/groups.md": "---\ntitle: Groups\n---\n" + body}
}

// buildWithin builds the site and fails the test if the build takes more
// than two minutes: a build that reads a named pipe, or takes the square
// of its input's length, would take for ever.
func buildWithin(t *testing.T, s *testSite) (*Result, error) {
	t.Helper()
	type result struct {
		res *Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := s.build()
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		if r.res == nil {
			r.res = &Result{}
		}
		return r.res, r.err
	case <-time.After(2 * time.Minute):
		t.Fatal("the build did not finish in two minutes")
		return nil, nil
	}
}
