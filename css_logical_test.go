package main

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// TestCSSLogicalProperties keeps the default theme's stylesheets free of
// physical directions, so that a page in a right-to-left language mirrors:
// every stylesheet under static/ (style.css and print.css among them) is
// read from the starter that the binary embeds, and each left or right in
// it is an error at its file:line. A declaration that must stay physical
// says why in a comment on its own line:
//
//	margin-left: 0; /* physical: the left page of a spread */
func TestCSSLogicalProperties(t *testing.T) {
	var sheets []string
	err := fs.WalkDir(starter, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".css") {
			sheets = append(sheets, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"static/css/style.css", "static/css/print.css"} {
		if !contains(sheets, want) {
			t.Errorf("the theme has no %s (stylesheets found: %v)", want, sheets)
		}
	}
	for _, name := range sheets {
		b, err := fs.ReadFile(starter, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range physicalCSS(string(b)) {
			t.Errorf("%s:%d: %s", name, p.line, p.why)
		}
	}
}

// TestCSSPhysicalFinder checks what TestCSSLogicalProperties relies on:
// which declarations physicalCSS finds, and that it finds nothing in
// selectors, comments, strings, custom properties or logical properties.
func TestCSSPhysicalFinder(t *testing.T) {
	found := []struct {
		css  string
		line int
		why  string
	}{
		{"a { margin-left: 1rem; }", 1, "margin-left: use margin-inline-start (or -end)"},
		{"a {\n  padding-right: 0\n}", 2, "padding-right: use padding-inline-end (or -start)"},
		{"a { left: 0 }", 1, "left: use inset-inline-start (or -end)"},
		{"a { right: 0 }", 1, "right: use inset-inline-end (or -start)"},
		{"a { border-left: 1px solid }", 1, "border-left: use border-inline-start (or -end)"},
		{"a { border-right-color: red }", 1, "border-right-color: use border-inline-end-color (or -start)"},
		{"a { border-top-left-radius: 2px }", 1, "border-top-left-radius: use border-start-start-radius"},
		{"a { border-bottom-right-radius: 2px }", 1, "border-bottom-right-radius: use border-end-end-radius"},
		{"a { scroll-margin-left: 1rem }", 1, "scroll-margin-left: use scroll-margin-inline-start (or -end)"},
		{"a { text-align: left }", 1, "text-align: left: use start (or end)"},
		{"a { text-align: RIGHT !important }", 1, "text-align: right: use end (or start)"},
		{"a { float: left }", 1, "float: left: use inline-start (or inline-end)"},
		{"a { clear: right }", 1, "clear: right: use inline-end (or inline-start)"},
		{"a { background-position: right 1rem top }", 1, "background-position: right: a physical direction"},
		{"a { background-position: 0 50% }", 1, "background-position: 0 50%: the first offset counts from the left; flip it for :dir(rtl), or mark it physical"},
		{"a { transition: margin-left 0.2s }", 1, "transition: margin-left: a physical direction"},
		{"a { padding: 1px 2px 3px 4px }", 1, "padding: 1px 2px 3px 4px: the right (2px) and left (4px) differ: use padding-block and padding-inline"},
		{"a { margin: 0 auto 0 1rem }", 1, "margin: 0 auto 0 1rem: the right (auto) and left (1rem) differ: use margin-block and margin-inline"},
		{"a { inset: 0 auto 0 0 }", 1, "inset: 0 auto 0 0: the right (auto) and left (0) differ: use inset-block and inset-inline"},
		{"a { border-width: 1px 0 1px 3px }", 1, "border-width: 1px 0 1px 3px: the right (0) and left (3px) differ: use border-block-width and border-inline-width"},
		{"a { border-radius: 0 4px 4px 0 }", 1, "border-radius: 0 4px 4px 0: the corners differ left and right: use border-start-start-radius and the like"},
		{"a { border-radius: 4px 0 }", 1, "border-radius: 4px 0: the corners differ left and right: use border-start-start-radius and the like"},
		{"a { border-radius: 4px / 2px 0 }", 1, "border-radius: 4px / 2px 0: the corners differ left and right: use border-start-start-radius and the like"},
		{"@media print {\n  .x {\n    margin-left: 0;\n  }\n}", 3, "margin-left: use margin-inline-start (or -end)"},
		{"a { margin-left: 0; /* physical: */ }", 1, "margin-left: use margin-inline-start (or -end)"}, // a reason is needed
		{"a { margin-left: 0; }\n/* physical: on the next line */", 1, "margin-left: use margin-inline-start (or -end)"},
	}
	for _, f := range found {
		got := physicalCSS(f.css)
		if len(got) != 1 || got[0].line != f.line || got[0].why != f.why {
			t.Errorf("physicalCSS(%q) = %v, want [%d: %s]", f.css, got, f.line, f.why)
		}
	}
	clean := []string{
		"a { margin-inline-start: 1rem; padding-inline: 0 1rem; inset-inline: 0; border-inline-start: 1px solid }",
		"a { text-align: start; float: inline-start; clear: inline-end; border-start-end-radius: 2px }",
		"a { margin: 0 0 1rem; padding: 1px 2px 3px 2px; border-radius: 4px; border-radius: 4px 4px 0 0; inset: auto 0 100% 0 }",
		".left, .pull-right > a:hover, [data-side=left] { color: red }",
		"/* margin-left: 1rem; text-align: right */ a { color: red }",
		`a::before { content: "left: right;"; content: "\2190" / "left" }`,
		"a { background: url(left.svg) no-repeat; background-position: center top }",
		":root { --pad-left: 1rem; --side: right; }",
		"a { margin-left: 0; /* physical: the left page of a spread */ }",
		"a { margin-left: 0 } /* physical: why */\nb { color: red }",
		"a { border-top: 1px solid; margin-bottom: 1rem; top: 0; bottom: 0 }",
		"@import url(left.css);\n@media (min-width: 40em) { a { padding-inline-start: 0 } }",
		"a { font-family: \"Right Sans\", Leftist, serif }",
	}
	for _, css := range clean {
		if got := physicalCSS(css); len(got) != 0 {
			t.Errorf("physicalCSS(%q) = %v, want nothing", css, got)
		}
	}
}

// TestCSSArabicScript checks the theme's support for the Arabic script
// (Arabic, Persian, Urdu) in style.css: an Arabic font stack of fonts that
// come with the common systems, nothing fetched from anywhere, and
// letter-spacing, which breaks the joining of Arabic letters, reset for
// each of those languages.
func TestCSSArabicScript(t *testing.T) {
	b, err := fs.ReadFile(starter, "static/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	for _, font := range []string{`"Noto Naskh Arabic"`, `"Geeza Pro"`, `"Segoe UI"`, "Tahoma"} {
		if !regexp.MustCompile(`--font-arabic:[^;]*` + regexp.QuoteMeta(font)).MatchString(css) {
			t.Errorf("style.css: --font-arabic lacks %s", font)
		}
	}
	reset := regexp.MustCompile(`(?s)([^{}]*)\{[^}]*letter-spacing:\s*normal\s*!important`).FindStringSubmatch(css)
	if reset == nil {
		t.Fatal("style.css: no rule resets letter-spacing (letter-spacing: normal !important) for Arabic script")
	}
	for _, lang := range []string{":lang(ar)", ":lang(fa)", ":lang(ur)"} {
		if !strings.Contains(reset[1], lang) {
			t.Errorf("style.css: the letter-spacing reset (%s) does not cover %s", strings.TrimSpace(reset[1]), lang)
		}
	}
	for _, sheet := range []string{"static/css/style.css", "static/css/print.css"} {
		b, err := fs.ReadFile(starter, sheet)
		if err != nil {
			t.Fatal(err)
		}
		if m := regexp.MustCompile(`(?i)@font-face|@import|url\(\s*["']?(https?:)?//`).FindString(string(b)); m != "" {
			t.Errorf("%s: %q: the theme uses the fonts on the reader's system and asks no other host for anything", sheet, m)
		}
	}
}

// physical is one physical direction in a stylesheet: its line, and what
// to write instead.
type physical struct {
	line int
	why  string
}

func (p physical) String() string { return fmt.Sprintf("%d: %s", p.line, p.why) }

// cssDecl is one declaration of a stylesheet, comments taken out: where it
// starts and ends, and whether a comment on one of those lines starts with
// "physical:" and gives a reason.
type cssDecl struct {
	line, endLine int
	prop, value   string
	excused       bool
}

var (
	physicalProp = regexp.MustCompile(`(^|-)(left|right)(-|$)`)
	physicalWord = regexp.MustCompile(`(?i)(^|[^\w-])((?:[\w-]*-)?(?:left|right)(?:-[\w-]*)?)($|[^\w-])`)
	excuse       = regexp.MustCompile(`^\s*physical:\s*\S`)
	cssString    = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|(?i:url)\([^)]*\)`)
)

// physicalCSS returns the physical left and right directions in a
// stylesheet: properties named for a side (margin-left, left, border-top-
// right-radius), the keywords left and right in a value (text-align: left,
// float: right, a transition of margin-left), four-value shorthands whose
// right and left differ (padding: 0 1rem 0 2rem), border-radius whose
// corners differ from left to right, and a background-position whose
// first offset counts from the left. Selectors, comments, strings, url()s
// and custom properties are not looked at. Transforms are not either: a
// rotation or a shift may or may not depend on the direction, and one that
// does needs its :dir(rtl) twin, which only a reader can tell.
func physicalCSS(css string) []physical {
	var out []physical
	for _, d := range cssDecls(css) {
		if d.excused || strings.HasPrefix(d.prop, "--") {
			continue
		}
		if why := physicalDecl(d.prop, d.value); why != "" {
			out = append(out, physical{d.line, why})
		}
	}
	return out
}

// physicalDecl says why one declaration is physical, or returns "".
func physicalDecl(prop, value string) string {
	value = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.ToLower(value)), "!important"))
	bare := cssString.ReplaceAllString(value, `""`)
	if physicalProp.MatchString(prop) {
		return prop + ": use " + logicalFor(prop)
	}
	if m := physicalWord.FindStringSubmatch(bare); m != nil {
		word := m[2]
		switch {
		case word == "left" || word == "right":
			switch prop {
			case "text-align", "text-align-last":
				return fmt.Sprintf("%s: %s: use %s", prop, word, map[string]string{"left": "start (or end)", "right": "end (or start)"}[word])
			case "float", "clear":
				return fmt.Sprintf("%s: %s: use %s", prop, word, map[string]string{"left": "inline-start (or inline-end)", "right": "inline-end (or inline-start)"}[word])
			}
		}
		return fmt.Sprintf("%s: %s: a physical direction", prop, word)
	}
	parts := cssValues(bare)
	switch prop {
	case "margin", "padding", "inset", "scroll-margin", "scroll-padding", "border-width", "border-style", "border-color":
		if len(parts) == 4 && parts[1] != parts[3] {
			block, inline := prop+"-block", prop+"-inline"
			if strings.HasPrefix(prop, "border-") {
				block, inline = "border-block-"+prop[len("border-"):], "border-inline-"+prop[len("border-"):]
			}
			return fmt.Sprintf("%s: %s: the right (%s) and left (%s) differ: use %s and %s", prop, value, parts[1], parts[3], block, inline)
		}
	case "border-radius":
		for _, half := range strings.Split(bare, "/") {
			r := cssValues(half)
			if len(r) == 2 && r[0] != r[1] || len(r) == 3 && (r[0] != r[1] || r[1] != r[2]) || len(r) == 4 && (r[0] != r[1] || r[2] != r[3]) {
				return fmt.Sprintf("%s: %s: the corners differ left and right: use border-start-start-radius and the like", prop, value)
			}
		}
	case "background-position", "background-position-x", "mask-position", "object-position":
		for _, layer := range strings.Split(bare, ",") {
			p := cssValues(layer)
			if len(p) > 0 && p[0] != "center" && p[0] != "50%" && p[0] != "top" && p[0] != "bottom" {
				return fmt.Sprintf("%s: %s: the first offset counts from the left; flip it for :dir(rtl), or mark it physical", prop, value)
			}
		}
	}
	return ""
}

// logicalFor names the logical property for a physical one.
func logicalFor(prop string) string {
	switch prop {
	case "left":
		return "inset-inline-start (or -end)"
	case "right":
		return "inset-inline-end (or -start)"
	}
	for phys, logical := range map[string]string{
		"top-left-radius": "start-start-radius", "top-right-radius": "start-end-radius",
		"bottom-left-radius": "end-start-radius", "bottom-right-radius": "end-end-radius",
	} {
		if strings.HasSuffix(prop, phys) {
			return strings.TrimSuffix(prop, phys) + logical
		}
	}
	if strings.Contains(prop, "-left") {
		return strings.Replace(prop, "-left", "-inline-start", 1) + " (or -end)"
	}
	return strings.Replace(prop, "-right", "-inline-end", 1) + " (or -start)"
}

// cssValues splits a value at spaces outside brackets.
func cssValues(v string) []string {
	var out []string
	depth, start := 0, -1
	for i, r := range v + " " {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		case (r == ' ' || r == '\t' || r == '\n') && depth == 0:
			if start >= 0 {
				out = append(out, v[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

// cssDecls reads a stylesheet's declarations: the text in a block that
// ends at a ";" or "}" (outside strings, comments and brackets) and has a
// colon, as opposed to the selectors and at-rules that end at a "{".
// Comments are left out of the text; one that starts "physical:" and
// gives a reason excuses the declarations on its line.
func cssDecls(css string) []cssDecl {
	var (
		decls       []cssDecl
		buf         strings.Builder
		line        = 1
		start       = 0 // line of the first character of buf that is not a space
		depth       = 0 // { nesting
		paren       = 0 // ( nesting
		excusedLine = map[int]bool{}
	)
	flush := func(isDecl bool) {
		text := strings.TrimSpace(buf.String())
		buf.Reset()
		if isDecl && depth > 0 && text != "" && !strings.HasPrefix(text, "@") {
			if prop, value, ok := strings.Cut(text, ":"); ok {
				decls = append(decls, cssDecl{line: start, endLine: line, prop: strings.ToLower(strings.TrimSpace(prop)), value: value})
			}
		}
		start = 0
	}
	for i := 0; i < len(css); i++ {
		c := css[i]
		switch {
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := strings.Index(css[i+2:], "*/")
			if end < 0 {
				end = len(css) - i - 2
			}
			comment := css[i+2 : i+2+end]
			if excuse.MatchString(comment) {
				excusedLine[line] = true
			}
			line += strings.Count(comment, "\n")
			i += end + 3
			continue
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(css) && css[j] != c {
				if css[j] == '\\' {
					j++
				}
				j++
			}
			if start == 0 {
				start = line
			}
			if j >= len(css) {
				j = len(css) - 1
			}
			buf.WriteString(css[i : j+1])
			line += strings.Count(css[i:j+1], "\n")
			i = j
			continue
		case c == '(':
			paren++
		case c == ')':
			paren--
		case c == '{' && paren == 0:
			flush(false)
			depth++
			continue
		case c == '}' && paren == 0:
			flush(true)
			depth--
			continue
		case c == ';' && paren == 0:
			flush(true)
			continue
		}
		if c == '\n' {
			line++
		} else if start == 0 && c != ' ' && c != '\t' && c != '\r' {
			start = line
		}
		buf.WriteByte(c)
	}
	for i := range decls {
		for l := decls[i].line; l <= decls[i].endLine; l++ {
			if excusedLine[l] {
				decls[i].excused = true
			}
		}
	}
	return decls
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
