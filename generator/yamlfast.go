package generator

import (
	"bytes"
	"reflect"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v2"
)

// fastYAML reads the plain YAML that front matter is nearly always
// written in (keys with one-line values, lists, lists of small mappings)
// into the yaml.MapSlice that yaml.v2 would give for it, several times
// faster: yaml.v2 cost 8% of a build. It decides nothing about what YAML
// means. It only recognises forms whose meaning is certain, and returns
// ok == false for anything else (a quote escape, a multi-line value, an
// anchor, a number that is not a plain whole number, a tab...), which the
// caller then gives to yaml.v2. FuzzFastYAML holds it to yaml.v2's
// results.
func fastYAML(text []byte) (items yaml.MapSlice, ok bool) {
	if !plainYAMLText(text) {
		return nil, false
	}
	p := yamlLines{lines: make([]yamlLine, 0, bytes.Count(text, []byte("\n"))+1)}
	for len(text) > 0 {
		var l []byte
		l, text, _ = bytes.Cut(text, []byte("\n"))
		t := bytes.TrimLeft(l, " ")
		if len(t) == 0 || t[0] == '#' {
			continue // blank or a comment
		}
		if len(t) == len(l) && (bytes.HasPrefix(t, []byte("---")) || bytes.HasPrefix(t, []byte("..."))) {
			return nil, false // a document marker
		}
		p.lines = append(p.lines, yamlLine{indent: len(l) - len(t), text: t})
	}
	if len(p.lines) == 0 {
		return nil, true
	}
	if p.lines[0].indent != 0 {
		return nil, false
	}
	m, ok := p.mapping(0)
	if !ok || p.i < len(p.lines) {
		return nil, false
	}
	return m, true
}

// plainYAMLText reports whether text has none of the characters that the
// fast path leaves to yaml.v2: tabs, carriage returns, control characters,
// Unicode line breaks and byte-order marks, and invalid UTF-8.
func plainYAMLText(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if (c < ' ' && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError && n == 1,
			r < 0xa0, // C1 controls, including NEL (U+0085), a YAML line break
			r == 0x2028, r == 0x2029, r == 0xfeff,
			r >= 0xd800 && r < 0xe000, r == 0xfffe, r == 0xffff:
			return false
		}
		i += n
	}
	return true
}

// yamlLine is a line that is neither blank nor a comment.
type yamlLine struct {
	indent int    // leading spaces
	text   []byte // the rest
}

// yamlLines is the fast path's cursor over the lines of the YAML text.
type yamlLines struct {
	lines []yamlLine
	i     int
}

// mapping reads a block mapping whose keys stand at column indent.
func (p *yamlLines) mapping(indent int) (yaml.MapSlice, bool) {
	var m yaml.MapSlice
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent < indent {
			break
		}
		key, rest, ok := splitYAMLKey(l.text)
		if l.indent > indent || !ok {
			return nil, false
		}
		p.i++
		var v any
		if len(rest) == 0 {
			// The value is on the lines below (more indented, or a list at
			// the key's own column), or there is none.
			if p.i < len(p.lines) {
				n := p.lines[p.i]
				switch {
				case n.indent > indent && isYAMLDash(n.text):
					v, ok = p.sequence(n.indent)
				case n.indent > indent:
					v, ok = p.mapping(n.indent)
				case n.indent == indent && isYAMLDash(n.text):
					v, ok = p.sequence(indent)
				}
			}
		} else {
			v, ok = yamlInline(rest)
		}
		if !ok {
			return nil, false
		}
		m = append(m, yaml.MapItem{Key: key, Value: v})
	}
	return m, true
}

// sequence reads a block sequence whose dashes stand at column indent.
func (p *yamlLines) sequence(indent int) ([]any, bool) {
	s := []any{}
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent < indent || (l.indent == indent && !isYAMLDash(l.text)) {
			break
		}
		if l.indent > indent {
			return nil, false
		}
		rest := bytes.TrimLeft(l.text[1:], " ")
		if len(rest) == 0 || rest[0] == '#' || isYAMLDash(rest) {
			return nil, false // an empty item, or a list in a list
		}
		if _, _, isKey := splitYAMLKey(rest); isKey {
			// "- name: x": a mapping whose keys stand where "name" does.
			col := l.indent + len(l.text) - len(rest)
			p.lines[p.i] = yamlLine{indent: col, text: rest}
			m, ok := p.mapping(col)
			if !ok {
				return nil, false
			}
			s = append(s, m)
			continue
		}
		v, ok := yamlInline(rest)
		if !ok {
			return nil, false
		}
		s = append(s, v)
		p.i++
	}
	return s, true
}

// isYAMLDash reports whether a line (without its indent) is a sequence
// item: a dash alone or followed by a space.
func isYAMLDash(t []byte) bool {
	return len(t) > 0 && t[0] == '-' && (len(t) == 1 || t[1] == ' ')
}

// splitYAMLKey splits "key: value" into the key and the value (without
// the spaces after the colon, and "" when only a comment follows). The
// key must be a plain word that YAML reads as text: letters, digits, '_'
// and '-', starting with a letter or '_', at most maxYAMLKey long, and not yes, no, on, off, null
// or the like.
func splitYAMLKey(t []byte) (key string, rest []byte, ok bool) {
	n := 0
	for n < len(t) {
		c := t[n]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || n > 0 && (c >= '0' && c <= '9' || c == '-') {
			n++
			continue
		}
		break
	}
	if n == 0 || n > maxYAMLKey || n == len(t) || t[n] != ':' || (n+1 < len(t) && t[n+1] != ' ') {
		return "", nil, false
	}
	if _, special := yamlWords[string(t[:n])]; special {
		return "", nil, false
	}
	rest = bytes.TrimLeft(t[n+1:], " ")
	if len(rest) > 0 && rest[0] == '#' {
		rest = nil
	}
	if k, known := frontKeys[string(t[:n])]; known {
		return k, rest, true
	}
	return string(t[:n]), rest, true
}

// frontKeys holds the keys of front matter that Pamphlet reads, so that
// every page's copy of "title" is one string: each page's keys are kept
// (see Page.KeyLines), and were a fifth of its front matter's memory.
var frontKeys = func() map[string]string {
	keys := map[string]string{}
	for _, t := range []reflect.Type{reflect.TypeFor[FrontMatter](), reflect.TypeFor[Person]()} {
		for i := range t.NumField() {
			if k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); k != "" && k != "-" {
				keys[k] = k
			}
		}
	}
	return keys
}()

// maxYAMLKey is the longest key the fast path reads; YAML allows a key
// without quotes or "?" up to 1024 characters.
const maxYAMLKey = 100

// yamlInline reads a value that stands on the rest of its key's line: a
// quoted string without escapes, a flow list of plain words ("[a, b]"),
// or a plain scalar.
func yamlInline(t []byte) (any, bool) {
	switch t[0] {
	case '"', '\'':
		q := t[0]
		end := bytes.IndexByte(t[1:], q)
		if end < 0 {
			return nil, false // the string goes on to the next line
		}
		s := t[1 : 1+end]
		if q == '"' && bytes.IndexByte(s, '\\') >= 0 {
			return nil, false
		}
		if !yamlLineEnd(t[2+end:], q == '\'') {
			return nil, false
		}
		return string(s), true
	case '[':
		end := bytes.IndexByte(t, ']')
		if end < 0 || !yamlLineEnd(t[end+1:], false) {
			return nil, false
		}
		list := []any{}
		inner := t[1:end]
		if len(bytes.TrimLeft(inner, " ")) == 0 {
			return list, true
		}
		for len(inner) > 0 {
			var item []byte
			item, inner, _ = bytes.Cut(inner, []byte(","))
			item = bytes.Trim(item, " ")
			if len(item) == 0 || bytes.ContainsAny(item, "[]{}#:'\"") {
				return nil, false
			}
			v, ok := yamlPlain(item)
			if !ok {
				return nil, false
			}
			list = append(list, v)
		}
		return list, true
	}
	if bytes.Contains(t, []byte(" #")) {
		return nil, false // a comment after a plain value
	}
	return yamlPlain(bytes.TrimRight(t, " "))
}

// yamlLineEnd reports whether what follows a closing quote or bracket ends
// the line: spaces, then perhaps a comment. In a single-quoted string, two
// quotes in a row stand for one, which the fast path leaves to yaml.v2.
func yamlLineEnd(t []byte, singleQuoted bool) bool {
	if len(t) == 0 {
		return true
	}
	if singleQuoted && t[0] == '\'' {
		return false
	}
	r := bytes.TrimLeft(t, " ")
	return len(r) == 0 || (r[0] == '#' && len(r) < len(t))
}

// yamlPlain resolves a plain (unquoted) scalar as yaml.v2 does, for the
// forms whose reading is certain: words, yes/no/null and their kin, whole
// numbers in decimal, and dates (which yaml.v2 keeps as text).
func yamlPlain(t []byte) (any, bool) {
	if len(t) == 0 || bytes.IndexByte(yamlIndicators, t[0]) >= 0 ||
		bytes.ContainsAny(t, "[]{}") || bytes.Contains(t, []byte(": ")) || t[len(t)-1] == ':' {
		return nil, false
	}
	switch c := t[0]; {
	case c >= '0' && c <= '9':
		if v, ok := yamlWholeNumber(t); ok {
			return v, true
		}
		if isYAMLDate(t) {
			return string(t), true
		}
		return nil, false // floats, octal, hex, times...: yaml.v2 decides
	case c == '+' || c == '.' || c == '<':
		return nil, false
	}
	if v, special := yamlWords[string(t)]; special {
		return v, true
	}
	return string(t), true
}

// yamlIndicators are the characters that give a plain scalar's first
// character a meaning of its own (or, for '-', '?' and ':', may).
var yamlIndicators = []byte("-?:,[]{}#&*!|>'\"%@`")

// yamlWords are the plain scalars that yaml.v2 reads as true, false or
// nothing (YAML 1.1).
var yamlWords = map[string]any{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"true": true, "True": true, "TRUE": true,
	"on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false,
	"false": false, "False": false, "FALSE": false,
	"off": false, "Off": false, "OFF": false,
	"~": nil, "null": nil, "Null": nil, "NULL": nil,
}

// yamlWholeNumber reads a decimal whole number without a sign, leading
// zero or underscore, small enough to be an int.
func yamlWholeNumber(t []byte) (int, bool) {
	if len(t) > 18 || (t[0] == '0' && len(t) > 1) {
		return 0, false
	}
	n := 0
	for _, c := range t {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// isYAMLDate reports whether t is YYYY-MM-DD (valid or not: yaml.v2 keeps
// both as text).
func isYAMLDate(t []byte) bool {
	if len(t) != 10 || t[4] != '-' || t[7] != '-' {
		return false
	}
	for i, c := range t {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
