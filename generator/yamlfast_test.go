package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"gopkg.in/yaml.v2"

	"pamphlet/internal/corpus"
)

// fastYAMLCases are YAML texts and whether the fast path should read them
// (true) or leave them to yaml.v2 (false). What it reads must equal what
// yaml.v2 reads.
var fastYAMLCases = []struct {
	text string
	fast bool
}{
	{"", true},
	{"# only a comment\n\n", true},
	{"title: What is mentalizing?\n", true},
	{"title: \"Page 1: about you\"\ndescription: 'A page, with commas.'\n", true},
	{"title:   spaced   \nweight: 10\ndraft: false\ncrisis: yes\nsummary:\n", true},
	{"published: 2024-02-08\nlast_reviewed: 2025-13-45\n", true},
	{"audience: [patients, carers]\nempty: []\nblank: [ ]\n", true},
	{"authors:\n  - name: Writer One\n    credentials: RMN, mental health nurse\n  - Jane Doe\n", true},
	{"authors:\n- name: Writer One\n  url: https://example.org/a\nreviewed_by:\n- name: Two\ntitle: x\n", true},
	{"organisation:\n  name: Clinic\n  email: a@example.org\nnext: 1\n", true},
	{"authors:\n  -   name: Wide\n      role: Nurse\n", true},
	{"links:\n  - name: A\n    tags:\n    - one\n    - two\n  - name: B\n", true},
	{"title: C# and F# # a comment\n", false},
	{"title: C#\n", true},
	{"title: x # a comment\n", false},
	{"title: \"x\" # a comment\n", true},
	{"title: 'it''s'\n", false},
	{"title: \"a \\\"quote\\\"\"\n", false},
	{"title: \"unclosed\n  quote\"\n", false},
	{"title: a long\n  title on two lines\n", false},
	{"title: |\n  block\n", false},
	{"title: >\n  folded\n", false},
	{"title: &a x\nother: *a\n", false},
	{"title: !!str 5\n", false},
	{"weight: 010\n", false},
	{"weight: 1.5\n", false},
	{"weight: -3\n", false},
	{"weight: 0x1f\n", false},
	{"weight: 1_000\n", false},
	{"weight: 12345678901234567890\n", false},
	{"weight: 0\nother: 99\n", true},
	{"on: 1\n", false},
	{"\"title\": x\n", false},
	{"title:x\n", false},
	{"title : x\n", false},
	{"\ttitle: x\n", false},
	{"title: x\r\n", false},
	{"  title: x\n", false},
	{"title: x\n  other: y\n", false},
	{"title: [a, [b]]\n", false},
	{"title: [a, b\n", false},
	{"title: {a: b}\n", false},
	{"title: a: b\n", false},
	{"title: ends with:\n", false},
	{"authors:\n  -\n    name: x\n", false},
	{"authors:\n  - - x\n", false},
	{"authors:\n  - x\n   - y\n", false},
	{"---\ntitle: x\n", false},
	{"title: x\n...\n", false},
	{"title: \u2028x\n", false},
	{"title: \ufeffx\n", false},
	{"title: über uns\nbeschreibung: Grüße, 日本語\n", true},
	{"title: x\ntitle: y\n", true},
	{"key: ~\nother: null\nthird: NULL\n", true},
	{"title: .5\n", false},
	{"title: +5\n", false},
	{"title: <<\n", false},
	{"- a\n- b\n", false},
	{"just text\n", false},
	{strings.Repeat("k", 1100) + ": 0\n", false}, // longer than YAML allows a plain key
	{strings.Repeat("k", 100) + ": 0\n", true},
}

func TestFastYAML(t *testing.T) {
	for _, c := range fastYAMLCases {
		got, ok := fastYAML([]byte(c.text))
		if ok != c.fast {
			t.Errorf("fastYAML(%q): fast %v, want %v", c.text, ok, c.fast)
		}
		if ok {
			sameAsYAMLv2(t, c.text, got)
		}
	}
}

// TestFastYAMLOnRealFrontMatter holds the fast path to yaml.v2 on the
// front matter of the bundled site and of a generated corpus, all of
// which it must read itself: that is where its speed counts.
func TestFastYAMLOnRealFrontMatter(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Pages: 300, Citations: true, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, root := range []string{"../content", filepath.Join(dir, "content")} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !strings.HasSuffix(path, ".md") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			text := string(frontMatterText(src))
			got, ok := fastYAML([]byte(text))
			if !ok {
				t.Errorf("%s: the fast path left this front matter to yaml.v2:\n%s", path, text)
				return nil
			}
			sameAsYAMLv2(t, text, got)
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 300 {
		t.Fatalf("read only %d pages", n)
	}
}

// FuzzFastYAML checks that whatever the fast path reads, yaml.v2 reads
// without error and to the same value.
func FuzzFastYAML(f *testing.F) {
	for _, c := range fastYAMLCases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, ok := fastYAML([]byte(text)); ok {
			sameAsYAMLv2(t, text, got)
		}
	})
}

func sameAsYAMLv2(t *testing.T, text string, got yaml.MapSlice) {
	t.Helper()
	var want yaml.MapSlice
	if err := yaml.Unmarshal([]byte(text), &want); err != nil {
		t.Errorf("fastYAML read %q, which yaml.v2 rejects: %v", text, err)
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fastYAML(%q)\n got %#v\nwant %#v", text, got, want)
	}
}

// TestFrontKeysShared checks that the keys Pamphlet reads come back as the
// one string frontKeys holds, and that other keys are read as they are.
func TestFrontKeysShared(t *testing.T) {
	for _, line := range []string{"title: A", "credentials: MD", "last_reviewed: 2025-01-01"} {
		k, _, ok := splitYAMLKey([]byte(line))
		want := frontKeys[k]
		if !ok || want == "" || unsafe.StringData(k) != unsafe.StringData(want) {
			t.Errorf("splitYAMLKey(%q) = %q, not the shared key", line, k)
		}
	}
	if k, _, ok := splitYAMLKey([]byte("colour: red")); !ok || k != "colour" {
		t.Errorf("an unknown key reads as %q, %v", k, ok)
	}
	if len(frontKeys) < 15 {
		t.Errorf("frontKeys holds %d keys: %v", len(frontKeys), frontKeys)
	}
}
