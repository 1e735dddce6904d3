package main

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "update golden files in testdata/")

// runCLI runs the pamphlet command in-process and returns its output and
// exit status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(args, &out, &errb)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{nil, 2, "", "Usage:"},
		{[]string{"help"}, 0, "Commands:", ""},
		{[]string{"--help"}, 0, "Commands:", ""},
		{[]string{"bogus"}, 2, "", `unknown command "bogus"`},
		{[]string{"help", "build"}, 0, "Usage: pamphlet build", ""},
		{[]string{"build", "--help"}, 0, "--base-url", ""},
		{[]string{"new", "--help"}, 0, "Usage: pamphlet new", ""},
		{[]string{"build", "--nope"}, 2, "", "flag provided but not defined: -nope"},
		{[]string{"build", "extra"}, 2, "", `build: unexpected argument "extra"`},
		{[]string{"new", "a", "b"}, 2, "", `new: unexpected argument "b"`},
		{[]string{"new"}, 2, "", "new needs one folder name"},
		{[]string{"help", "bogus"}, 2, "", `unknown command "bogus"`},
		{[]string{"build", "--site", "testdata/no-such-site"}, 2, "", "--site testdata/no-such-site: there is no such folder"},
		{[]string{"build", "--site", "site.yaml"}, 2, "", "give the folder that holds site.yaml, not the file: --site ."},
		{[]string{"check", "--site", "main.go"}, 2, "", "--site main.go: this is a file"},
		{[]string{"serve", "--site", "testdata/no-such-site"}, 2, "", "there is no such folder"},
		{[]string{"serve", "--site", "testdata"}, 2, "", "there is no site.yaml in testdata: serve the folder that holds it"},
		{[]string{"serve", "--bind", "999.1.1.1", "--port", "0"}, 1, "", "--bind takes an address of this computer"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			if strings.Contains(stdout, "Usage:") && strings.Contains(stderr, "Usage:") {
				t.Errorf("the usage is printed twice, to stdout and stderr")
			}
			if code != tt.code {
				t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.inStdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.inStdout, stdout)
			}
			if !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.inStderr, stderr)
			}
		})
	}
}

func TestNewWritesASiteThatBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "clinic")
	stdout, stderr, code := runCLI(t, "new", dir)
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	// The hint works from anywhere: the folder as given, and for go run
	// the absolute path, since go run must be called from the source.
	if !strings.Contains(stdout, "Wrote a starter site") || !strings.Contains(stdout, "pamphlet serve --site "+dir+"\n") || !strings.Contains(stdout, "go run . serve --site "+dir+")") {
		t.Errorf("stdout: %s", stdout)
	}
	for _, f := range []string{"site.yaml", "content/_index.md", "content/references.bib", "templates/base.html", "static/css/style.css"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("starter lacks %s", f)
		}
	}
	stdout, stderr, code = runCLI(t, "build", "--site", dir)
	if code != 0 {
		t.Fatalf("build of the starter: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Built ") {
		t.Errorf("stdout: %s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Error(err)
	}
	// A second new into the same, now full, folder is refused.
	_, stderr, code = runCLI(t, "new", dir)
	if code != 1 || !strings.Contains(stderr, "is not empty") {
		t.Errorf("new into a full folder: exit %d, %s", code, stderr)
	}
}

func TestBuildExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: T\nbase_url: https://clinic.example/\n")
	write("content/_index.md", "---\ntitle: Home\n---\nHello\n")
	stdout, stderr, code := runCLI(t, "build", "--site", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Built 3 pages") { // home, 404, search
		t.Errorf("stdout: %q", stdout)
	}
	write("content/_index.md", "---\ntitle: Home\nweight: x\n---\n[a](b.md)\n")
	_, stderr, code = runCLI(t, "build", "--site", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		`content/_index.md:3:9: error: "weight" should be a whole number`,
		`content/_index.md:5:1: error: link to "b.md": there is no page content/b.md`,
		"Build failed: 2 errors, 0 warnings. Nothing was written; the previous site is unchanged.",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	_, stderr, code = runCLI(t, "build", "--site", dir, "--out", "/")
	if code != 1 || !strings.Contains(stderr, "is the root of the file system") {
		t.Errorf("--out /: exit %d: %s", code, stderr)
	}
}

// TestBundledSiteGolden builds the repository's own site and compares every
// output file with testdata/golden/. Run "go test -run Golden -update ." to
// accept a change, then review the diff like code.
func TestBundledSiteGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	stdout, stderr, code := runCLI(t, "build", "--out", out)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	// The one known gap: the volume and pages of jorgensen2013 were not
	// seen when its details were checked, so they are left out rather
	// than guessed, and the build says so.
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if l != "" && !strings.Contains(l, `warning: entry "jorgensen2013" has no pages`) {
			t.Errorf("the bundled site has diagnostics:\n%s", stderr)
			break
		}
	}
	t.Log(stdout)
	golden := filepath.Join("testdata", "golden")
	got := readTree(t, out)
	// Static files are copied as they are: compare them with their source
	// rather than keep a second copy in testdata.
	for name, data := range got {
		src, err := os.ReadFile(filepath.Join("static", filepath.FromSlash(name)))
		if err != nil {
			continue
		}
		if !bytes.Equal(src, data) {
			t.Errorf("%s is not a copy of static/%s", name, name)
		}
		delete(got, name)
	}
	if *update {
		os.RemoveAll(golden)
		for name, data := range got {
			p := filepath.Join(golden, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readTree(t, golden)
	for name, data := range got {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: new output file (run go test -update . to accept)", name)
			continue
		}
		if !bytes.Equal(data, w) {
			t.Errorf("%s differs from the golden file:\n%s", name, firstDiff(string(w), string(data)))
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: output file missing", name)
		}
	}
}

// readTree returns every file under dir by slash-separated relative path,
// leaving out the output marker.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".pamphlet-output" {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(same lines, different bytes)"
}
