package cite

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "update golden files")

// The spec file holds numbered cases of BibTeX in and entries and
// diagnostics out:
//
//	=== 3: title of the case [crlf] [bom]
//	--- bib
//	@article{...}
//	--- entries
//	[ JSON, as formatEntries writes it ]
//	--- diagnostics
//	refs.bib:2:3: error: ...
//
// Text before the first case is a preamble, kept as it is. The flags in
// brackets turn the bib into CRLF line endings or give it a byte order
// mark. The bib is parsed as "refs.bib"; Entry.File is checked and then
// left out of the JSON. With -update the outputs are rewritten (and cases
// renumbered); review the diff by hand.
const specFile = "testdata/bibtex.spec"

type specCase struct {
	num   int
	title string
	bib   string
	// The expected outputs, as written in the file.
	entries, diags string
}

func readSpec(t testing.TB, name string) (preamble string, cases []specCase) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var c *specCase
	var section *string
	var pre strings.Builder
	for i, line := range strings.SplitAfter(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "=== "):
			head := strings.TrimSpace(strings.TrimPrefix(line, "=== "))
			num, title, ok := strings.Cut(head, ": ")
			n, err := strconv.Atoi(num)
			if !ok || err != nil {
				t.Fatalf("%s:%d: a case starts with \"=== N: title\"", name, i+1)
			}
			cases = append(cases, specCase{num: n, title: title})
			c, section = &cases[len(cases)-1], nil
		case c == nil:
			pre.WriteString(line)
		case strings.HasPrefix(line, "--- "):
			switch strings.TrimSpace(line) {
			case "--- bib":
				section = &c.bib
			case "--- entries":
				section = &c.entries
			case "--- diagnostics":
				section = &c.diags
			default:
				t.Fatalf("%s:%d: unknown section %q", name, i+1, strings.TrimSpace(line))
			}
		case section != nil:
			*section += line
		case strings.TrimSpace(line) != "":
			t.Fatalf("%s:%d: text outside a section", name, i+1)
		}
	}
	for i := range cases {
		cases[i].bib = strings.TrimRight(cases[i].bib, "\n") + "\n"
		cases[i].entries = strings.TrimSpace(cases[i].entries)
		cases[i].diags = strings.TrimSpace(cases[i].diags)
	}
	return pre.String(), cases
}

// input returns the bib of a case with the flags in its title applied.
func (c specCase) input() []byte {
	s := c.bib
	if strings.Contains(c.title, "[crlf]") {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	if strings.Contains(c.title, "[bom]") {
		s = "\uFEFF" + s
	}
	return []byte(s)
}

func TestBibTeXSpec(t *testing.T) {
	preamble, cases := readSpec(t, specFile)
	var out strings.Builder
	out.WriteString(preamble)
	for i, c := range cases {
		if !*update && c.num != i+1 {
			t.Fatalf("case %d is numbered %d; renumber the cases (or run with -update)", i+1, c.num)
		}
		c.num = i + 1
		t.Run(fmt.Sprintf("%d_%s", c.num, c.title), func(t *testing.T) {
			entries, diags := ParseBibTeX("refs.bib", c.input())
			for i := range entries {
				if entries[i].File != "refs.bib" {
					t.Errorf("entry %q: File = %q, want refs.bib", entries[i].ID, entries[i].File)
				}
				entries[i].File = ""
			}
			gotEntries := formatEntries(t, entries)
			gotDiags := strings.TrimSpace(diags.String())
			if *update {
				c.entries, c.diags = gotEntries, gotDiags
				return
			}
			var want []Entry
			dec := json.NewDecoder(strings.NewReader(c.entries))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("the expected entries are not valid: %v", err)
			}
			if len(entries) == 0 && len(want) == 0 {
				entries, want = nil, nil
			}
			if !reflect.DeepEqual(entries, want) {
				t.Errorf("entries differ\n--- got\n%s\n--- want\n%s", gotEntries, c.entries)
			}
			if gotDiags != c.diags {
				t.Errorf("diagnostics differ\n--- got\n%s\n--- want\n%s", gotDiags, c.diags)
			}
		})
		fmt.Fprintf(&out, "=== %d: %s\n--- bib\n%s--- entries\n%s\n", c.num, c.title, c.bib, c.entries)
		if c.diags != "" {
			fmt.Fprintf(&out, "--- diagnostics\n%s\n", c.diags)
		}
		out.WriteString("\n")
	}
	if *update {
		if err := os.WriteFile(specFile, []byte(strings.TrimRight(out.String(), "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// formatEntries writes entries as JSON with one field a line and each
// field's value on that line, which reads well in a diff.
func formatEntries(t testing.TB, entries []Entry) string {
	t.Helper()
	if len(entries) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteString("[\n")
	for i, e := range entries {
		var data bytes.Buffer
		enc := json.NewEncoder(&data)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(&data)
		dec.Token() // the "{"
		b.WriteString("  {\n")
		first := true
		for dec.More() {
			key, _ := dec.Token()
			var val json.RawMessage
			if err := dec.Decode(&val); err != nil {
				t.Fatal(err)
			}
			if !first {
				b.WriteString(",\n")
			}
			first = false
			k, _ := json.Marshal(key)
			fmt.Fprintf(&b, "    %s: %s", k, val)
		}
		b.WriteString("\n  }")
		if i < len(entries)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]")
	return b.String()
}
