package csl_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"pamphlet/generator/cite/csl"
)

var updateKnown = flag.Bool("update-known", false, "rewrite testdata/known-failures.txt from this run")

var sectionRE = regexp.MustCompile(`^>>=+\s*([A-Z-]+)\s*=+>>\s*$`)
var endRE = regexp.MustCompile(`^<<=+\s*([A-Z-]+)\s*=+<<\s*$`)

type fixture struct {
	name, category string
	sections       map[string]string
}

func parseFixture(path string) (*fixture, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	base := strings.TrimSuffix(filepath.Base(path), ".txt")
	f := &fixture{name: base, category: strings.SplitN(base, "_", 2)[0], sections: map[string]string{}}
	var cur string
	var buf []string
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		if cur == "" {
			if m := sectionRE.FindStringSubmatch(line); m != nil {
				cur = m[1]
				buf = nil
			}
			continue
		}
		if m := endRE.FindStringSubmatch(line); m != nil {
			f.sections[cur] = strings.Join(buf, "\n")
			cur = ""
			continue
		}
		buf = append(buf, line)
	}
	return f, sc.Err()
}

func decodeCiteItem(m map[string]any) csl.CitationItem {
	str := func(k string) string {
		switch v := m[k].(type) {
		case string:
			return v
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
		return ""
	}
	b := func(k string) bool { v, _ := m[k].(bool); return v }
	ci := csl.CitationItem{ID: str("id"), Locator: str("locator"), Label: str("label"),
		Prefix: str("prefix"), Suffix: str("suffix"), SuppressAuthor: b("suppress-author"), AuthorOnly: b("author-only")}
	if p, ok := m["position"].(float64); ok {
		pos := csl.Position(p)
		ci.Position = &pos
	}
	return ci
}

// runFixture returns the processor's output and the expected result.
func runFixture(f *fixture, locales csl.Locales) (got, want string, err error) {
	mode := strings.TrimSpace(f.sections["MODE"])
	want = f.sections["RESULT"]
	style, err := csl.ParseStyle(f.name+".csl", []byte(f.sections["CSL"]))
	if err != nil {
		return "", want, err
	}
	items, err := csl.ParseItems([]byte(f.sections["INPUT"]))
	if err != nil {
		return "", want, err
	}
	for i := range items {
		if items[i].ID == "" {
			items[i].ID = fmt.Sprintf("ITEM-%d", i+1)
		}
	}
	p, err := csl.NewProcessor(style, locales, "")
	if err != nil {
		return "", want, err
	}
	if err := p.Register(items); err != nil {
		return "", want, err
	}
	var cits []csl.Citation
	switch {
	case f.sections["CITATIONS"] != "":
		var raw [][]json.RawMessage
		if err := json.Unmarshal([]byte(f.sections["CITATIONS"]), &raw); err != nil {
			return "", want, err
		}
		byID := map[string]csl.Citation{}
		var order []string
		for _, step := range raw {
			var c struct {
				CitationID    string           `json:"citationID"`
				CitationItems []map[string]any `json:"citationItems"`
				Properties    struct {
					NoteIndex int `json:"noteIndex"`
				} `json:"properties"`
			}
			if err := json.Unmarshal(step[0], &c); err != nil {
				return "", want, err
			}
			cit := csl.Citation{ID: c.CitationID, NoteIndex: c.Properties.NoteIndex}
			for _, m := range c.CitationItems {
				cit.Items = append(cit.Items, decodeCiteItem(m))
			}
			byID[cit.ID] = cit
			// the document order is citationsPre, the citation, citationsPost
			var pre, post [][]any
			if len(step) > 1 {
				_ = json.Unmarshal(step[1], &pre)
			}
			if len(step) > 2 {
				_ = json.Unmarshal(step[2], &post)
			}
			order = order[:0]
			add := func(pairs [][]any) {
				for _, p := range pairs {
					if len(p) == 0 {
						continue
					}
					id, _ := p[0].(string)
					if id == cit.ID || contains(order, id) {
						continue
					}
					if x, ok := byID[id]; ok {
						if len(p) > 1 {
							if n, ok := p[1].(float64); ok {
								x.NoteIndex = int(n)
								byID[id] = x
							}
						}
						order = append(order, id)
					}
				}
			}
			add(pre)
			order = append(order, cit.ID)
			add(post)
		}
		for _, id := range order {
			cits = append(cits, byID[id])
		}
		if mode == "citation" {
			// drop citeproc-js's ">>[0] " and "..[1] " markers
			var lines []string
			for _, l := range strings.Split(want, "\n") {
				l = strings.TrimLeft(l, ">.[]0123456789")
				lines = append(lines, strings.TrimLeft(l, " "))
			}
			want = strings.Join(lines, "\n")
		}
	case f.sections["CITATION-ITEMS"] != "":
		var raw [][]map[string]any
		if err := json.Unmarshal([]byte(f.sections["CITATION-ITEMS"]), &raw); err != nil {
			return "", want, err
		}
		for _, cl := range raw {
			var c csl.Citation
			for _, m := range cl {
				c.Items = append(c.Items, decodeCiteItem(m))
			}
			cits = append(cits, c)
		}
	case mode == "citation":
		// citeproc-js's runner cites all items in its registry's order,
		// which is the bibliography's
		var c csl.Citation
		seen := map[string]bool{}
		if entries, err := p.Bibliography(); err == nil {
			for _, e := range entries {
				c.Items = append(c.Items, csl.CitationItem{ID: e.ID})
				seen[e.ID] = true
			}
		}
		for _, it := range items {
			if !seen[it.ID] {
				c.Items = append(c.Items, csl.CitationItem{ID: it.ID})
				seen[it.ID] = true
			}
		}
		cits = []csl.Citation{c}
	default:
		for _, it := range items {
			cits = append(cits, csl.Citation{Items: []csl.CitationItem{{ID: it.ID}}})
		}
	}
	switch mode {
	case "citation":
		outs, err := p.Cite(cits...)
		if err != nil {
			return "", want, err
		}
		var lines []string
		for _, o := range outs {
			lines = append(lines, o.HTML())
		}
		return strings.Join(lines, "\n"), want, nil
	case "bibliography":
		entries, err := p.Bibliography(cits...)
		if err != nil {
			return "", want, err
		}
		lines := []string{`<div class="csl-bib-body">`}
		for _, e := range entries {
			t := e.HTML()
			const block = `<div class="csl-block">`
			if strings.HasPrefix(t, block) {
				// citeproc-js puts a leading block on lines of its own
				if i := strings.Index(t, "</div>"); i > 0 && i+6 < len(t) {
					lines = append(lines, "  <div class=\"csl-entry\">\n\n    "+t[:i+6]+"\n\n    "+t[i+6:]+"\n  </div>")
					continue
				}
			}
			switch {
			case strings.HasPrefix(t, "<div"):
				// a trailing space goes on the closing line, as in citeproc-js's runner
				body := strings.TrimRight(t, " ")
				lines = append(lines, "  <div class=\"csl-entry\">\n    "+body+"\n"+t[len(body):]+"  </div>")
			case strings.HasSuffix(t, "</div>"):
				lines = append(lines, "  <div class=\"csl-entry\">"+t+"\n  </div>")
			default:
				lines = append(lines, "  <div class=\"csl-entry\">"+t+"</div>")
			}
		}
		lines = append(lines, "</div>")
		return strings.Join(lines, "\n"), want, nil
	}
	return "", want, fmt.Errorf("unsupported mode %q", mode)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func firstDiff(got, want string) string {
	g := strings.Split(got, "\n")
	w := strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("want %q got %q", b, a)
		}
	}
	return ""
}

func readKnown(path string) map[string]string {
	m := map[string]string{}
	src, err := os.ReadFile(path)
	if err != nil {
		return m
	}
	for _, l := range strings.Split(string(src), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		name, reason, _ := strings.Cut(l, " ")
		m[strings.TrimSuffix(name, ":")] = strings.TrimSpace(reason)
	}
	return m
}

func TestSuite(t *testing.T) {
	files, err := filepath.Glob("testdata/test-suite/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	locales := embeddedLocales(t)
	knownPath := "testdata/known-failures.txt"
	known := readKnown(knownPath)
	type catCount struct{ pass, fail int }
	cats := map[string]*catCount{}
	failures := map[string]string{}
	passed := 0
	for _, path := range files {
		f, err := parseFixture(path)
		if err != nil {
			t.Fatal(err)
		}
		cc := cats[f.category]
		if cc == nil {
			cc = &catCount{}
			cats[f.category] = cc
		}
		var got, want string
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			got, want, err = runFixture(f, locales)
		}()
		ok := err == nil && strings.TrimRight(got, "\n ") == strings.TrimRight(want, "\n ")
		if ok {
			passed++
			cc.pass++
			if _, listed := known[f.name]; listed && !*updateKnown {
				t.Errorf("%s passes but is listed in %s: remove it", f.name, knownPath)
			}
			continue
		}
		cc.fail++
		reason := ""
		if err != nil {
			reason = "error: " + err.Error()
		} else {
			reason = "not yet investigated: " + firstDiff(got, want)
		}
		failures[f.name] = reason
		if _, listed := known[f.name]; !listed && !*updateKnown {
			t.Errorf("%s fails (%s)\n--- want\n%s\n--- got\n%s", f.name, reason, want, got)
		}
	}
	total := len(files)
	fmt.Printf("CSL test suite: %d passed, %d failed, %d total\n", passed, total-passed, total)
	var names []string
	for c := range cats {
		names = append(names, c)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := cats[names[i]], cats[names[j]]
		if a.pass+a.fail != b.pass+b.fail {
			return a.pass+a.fail > b.pass+b.fail
		}
		return names[i] < names[j]
	})
	for _, c := range names {
		cc := cats[c]
		fmt.Printf("  %-14s %4d of %4d pass\n", c, cc.pass, cc.pass+cc.fail)
	}
	if *updateKnown {
		var b strings.Builder
		b.WriteString("# CSL test-suite fixtures this processor is known to fail, one per line:\n")
		b.WriteString("# <fixture> <reason>. TestSuite fails when a fixture not listed here fails,\n")
		b.WriteString("# and when a listed fixture passes. Regenerate with: go test -run TestSuite -update-known\n")
		var fs []string
		for n := range failures {
			fs = append(fs, n)
		}
		sort.Strings(fs)
		for _, n := range fs {
			reason := failures[n]
			if old, ok := known[n]; ok && !strings.HasPrefix(old, "not yet investigated") && !strings.HasPrefix(old, "error:") {
				reason = old
			}
			reason = strings.ReplaceAll(reason, "\n", " ")
			if len(reason) > 300 {
				reason = reason[:300] + "..."
			}
			fmt.Fprintf(&b, "%s %s\n", n, reason)
		}
		if err := os.WriteFile(knownPath, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
