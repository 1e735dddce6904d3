package generator

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"pamphlet/generator/diag"
	"pamphlet/generator/site"
)

// defaultTheme is the repository's own templates/ and static/, which the
// binary embeds as the default theme.
var defaultTheme = os.DirFS("..")

// testSite is a whole site written from a txtar archive into a temp folder.
type testSite struct {
	t    *testing.T
	root string
}

// newTestSite writes the files of a txtar archive into a new temp folder.
// A file named "site.yaml" is added when the archive has none.
func newTestSite(t *testing.T, archive string) *testSite {
	t.Helper()
	root := t.TempDir()
	a := txtar.Parse([]byte(archive))
	hasConfig := false
	for _, f := range a.Files {
		if f.Name == site.ConfigFile {
			hasConfig = true
		}
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !hasConfig {
		if err := os.WriteFile(filepath.Join(root, site.ConfigFile), []byte("title: Test site\nbase_url: https://clinic.example/\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return &testSite{t: t, root: root}
}

// write replaces or adds one file of the site.
func (s *testSite) write(name, data string) {
	s.t.Helper()
	p := filepath.Join(s.root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// build builds the site into root/public.
func (s *testSite) build(opts ...func(*Options)) (*Result, error) {
	s.t.Helper()
	o := Options{Site: s.root, Theme: defaultTheme, Workers: 2}
	for _, f := range opts {
		f(&o)
	}
	return Build(context.Background(), o)
}

// mustBuild builds the site and fails the test on any error.
func (s *testSite) mustBuild(opts ...func(*Options)) *Result {
	s.t.Helper()
	res, err := s.build(opts...)
	if err != nil {
		s.t.Fatalf("build failed: %v\n%s", err, res.Diagnostics)
	}
	return res
}

// read returns a file of the output.
func (s *testSite) read(name string) string {
	s.t.Helper()
	b, err := os.ReadFile(filepath.Join(s.root, "public", filepath.FromSlash(name)))
	if err != nil {
		s.t.Fatalf("output: %v", err)
	}
	return string(b)
}

// exists reports whether a file of the output exists.
func (s *testSite) exists(name string) bool {
	_, err := os.Stat(filepath.Join(s.root, "public", filepath.FromSlash(name)))
	return err == nil
}

// snapshot returns a digest of every file under root/public, to show that
// a failed build left it byte-for-byte as it was.
func (s *testSite) snapshot() string {
	s.t.Helper()
	var lines []string
	dir := filepath.Join(s.root, "public")
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			lines = append(lines, "error "+err.Error())
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			lines = append(lines, rel+"/")
			return nil
		}
		b, _ := os.ReadFile(p)
		lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(b)))
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// diagnostics returns the build's diagnostics, one a line, with the
// failure's diagnostics when the build failed.
func diagnostics(res *Result, err error) string {
	var f *diag.Failed
	if errors.As(err, &f) {
		return f.Diagnostics.String()
	}
	if res == nil {
		return ""
	}
	return res.Diagnostics.String()
}

// assertContains fails unless s contains every want.
func assertContains(t *testing.T, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("missing %q in:\n%s", w, s)
		}
	}
}

// assertNotContains fails if s contains any of the strings.
func assertNotContains(t *testing.T, s string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(s, b) {
			t.Errorf("unexpected %q in:\n%s", b, s)
		}
	}
}

// breakCase is one way to break a good site: the files written over it,
// the diagnostics the build must then give, and whether it must fail.
type breakCase struct {
	name  string
	files map[string]string
	want  []string
	fails bool
}

// runBreakCases builds the good site, breaks it each way in turn, and
// checks the messages, the outcome, and that a failed build left public/
// byte-for-byte as it was.
func runBreakCases(t *testing.T, good string, cases []breakCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, good)
			s.mustBuild()
			before := s.snapshot()
			for name, data := range tt.files {
				s.write(name, data)
			}
			res, err := s.build()
			got := diagnostics(res, err)
			for _, w := range tt.want {
				assertContains(t, got, w)
			}
			var failed *diag.Failed
			if tt.fails != errors.As(err, &failed) {
				t.Fatalf("failed = %v, want %v: %v\n%s", err != nil, tt.fails, err, got)
			}
			if tt.fails && s.snapshot() != before {
				t.Errorf("public/ changed after a failed build")
			}
		})
	}
}
