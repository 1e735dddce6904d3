package generator

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v2"

	"pamphlet/generator/diag"
	"pamphlet/internal/textdist"
)

// yamlDoc is a YAML mapping with enough of its text kept to say on which
// line each key stands. yaml.v2 gives no positions for values, so keys are
// found again in the text: a key at the top level starts its line, a nested
// key is the first line after its parent that names it.
type yamlDoc struct {
	file   string   // site-relative file name, for diagnostics
	offset int      // lines before the YAML text in the file (front matter: 1)
	lines  []string // the YAML text, one entry a line
}

// yamlSyntaxLine matches the line number that yaml.v2 puts in its errors.
var yamlSyntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v2 error into a diagnostic on the right line of
// the file, in words a non-programmer can act on.
func (y *yamlDoc) syntaxError(err error) diag.Diagnostic {
	msg := err.Error()
	line := 0
	if m := yamlSyntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	hint := "check the indentation and that every \"key: value\" pair has a colon and a space; put values that contain a colon in quotes"
	if line > 0 {
		line += y.offset
	} else {
		line = y.offset + 1
	}
	return diag.Errorf(y.file, line, 0, "this YAML cannot be read (%s): %s", msg, hint)
}

// keyLine returns the 0-based YAML line of key, searching from the line
// after "from" (-1 for the top level, whose keys are not indented). It
// returns from when the key cannot be found.
func (y *yamlDoc) keyLine(key string, from int) int {
	return y.keyLineAfter(key, from, from < 0)
}

// keyLineAfter is keyLine with the search start and the top-level-only rule
// given apart, to find the second of a key given twice.
func (y *yamlDoc) keyLineAfter(key string, from int, topLevel bool) int {
	for i := from + 1; i < len(y.lines); i++ {
		l := y.lines[i]
		t := strings.TrimLeft(l, " \t-")
		if topLevel && len(t) != len(l) {
			continue // a nested key; we want the top level
		}
		if isKey(t, key) {
			return i
		}
	}
	return from
}

// isKey reports whether a line, without its indent, starts with key and a
// colon; the key may be quoted.
func isKey(t, key string) bool {
	if len(t) > 0 && (t[0] == '"' || t[0] == '\'') {
		q := t[0]
		t = t[1:]
		if !strings.HasPrefix(t, key) || len(t) < len(key)+1 || t[len(key)] != q {
			return false
		}
		t = t[len(key)+1:]
	} else if strings.HasPrefix(t, key) {
		t = t[len(key):]
	} else {
		return false
	}
	return strings.HasPrefix(t, ":")
}

// fileLine turns a 0-based YAML line into a 1-based file line. Line -1
// (not found) becomes the line before the YAML: the front matter's opening
// "---", or 0 (unknown) for site.yaml.
func (y *yamlDoc) fileLine(i int) int {
	if i < 0 {
		return y.offset
	}
	return y.offset + i + 1
}

func newYAMLDoc(file string, offset int, text []byte) *yamlDoc {
	return &yamlDoc{file: file, offset: offset, lines: strings.Split(string(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))), "\n")}
}

// decoder fills a struct from a yaml.MapSlice by its `yaml:"key"` tags and
// reports every problem as a diagnostic: unknown keys are warnings, values
// of the wrong type and keys given twice are errors. It does not stop at the
// first problem.
type decoder struct {
	doc   *yamlDoc
	diags diag.List
	// what names the thing being decoded in messages: "front matter", "site.yaml".
	what string
}

var dateType = reflect.TypeOf(Date{})

// yamlFieldsOf caches yamlFields by type: every page's front matter has
// the same few struct types.
var yamlFieldsOf sync.Map // reflect.Type -> *structFields

type structFields struct {
	index map[string]int // yaml key -> field index
	known []string       // the keys, in field order, for suggestions
}

// yamlFields returns the fields of struct type t by their `yaml:"key"` tags.
func yamlFields(t reflect.Type) (map[string]int, []string) {
	if f, ok := yamlFieldsOf.Load(t); ok {
		sf := f.(*structFields)
		return sf.index, sf.known
	}
	sf := &structFields{index: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		sf.index[tag] = i
		sf.known = append(sf.known, tag)
	}
	yamlFieldsOf.Store(t, sf)
	return sf.index, sf.known
}

// decodeMap fills the struct that v points to from m. line is the 0-based
// YAML line of the mapping's parent key (-1 for the top level); path is the
// dotted key path so far, for messages.
func (d *decoder) decodeMap(m yaml.MapSlice, v reflect.Value, line int, path string) {
	fields, known := yamlFields(v.Type())
	seen := map[string]int{}
	for _, item := range m {
		key := fmt.Sprint(item.Key)
		kl := d.doc.keyLine(key, line)
		full := key
		if path != "" {
			full = path + "." + key
		}
		if prev, ok := seen[key]; ok {
			kl = d.doc.keyLineAfter(key, prev, line < 0)
			d.diags.Errorf(d.doc.file, d.doc.fileLine(kl), 0, "%q is given twice in the %s (first on line %d); keep one", full, d.what, d.doc.fileLine(prev))
			continue
		}
		seen[key] = kl
		i, ok := fields[key]
		if !ok {
			hint := "remove it, or check its spelling"
			if s := textdist.Closest(key, known, 3); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			d.diags.Warnf(d.doc.file, d.doc.fileLine(kl), 0, "unknown key %q in the %s is ignored: %s", full, d.what, hint)
			continue
		}
		d.decodeValue(item.Value, v.Field(i), kl, full)
	}
}

// decodeValue decodes one YAML value into dst, reporting a type mismatch
// at line (0-based YAML line) with the key path in the message.
func (d *decoder) decodeValue(val any, dst reflect.Value, line int, path string) {
	bad := func(want, example string) {
		d.diags.Errorf(d.doc.file, d.doc.fileLine(line), 0, "%q should be %s, not %s; for example: %s", path, want, describe(val), example)
	}
	if val == nil {
		return // "key:" with nothing after it: leave the zero value
	}
	if dst.Kind() == reflect.Pointer {
		p := reflect.New(dst.Type().Elem())
		d.decodeValue(val, p.Elem(), line, path)
		dst.Set(p)
		return
	}
	if dst.Type() == dateType {
		s, ok := val.(string)
		if !ok {
			bad("a date written YYYY-MM-DD", path+": 2025-03-01")
			return
		}
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
		if err != nil {
			d.diags.Errorf(d.doc.file, d.doc.fileLine(line), 0, "%q is %q, which is not a date: write it as YYYY-MM-DD, for example %s: 2025-03-01", path, s, path)
			return
		}
		dst.Set(reflect.ValueOf(Date{t}))
		return
	}
	switch dst.Kind() {
	case reflect.String:
		switch x := val.(type) {
		case string:
			dst.SetString(x)
		case int, int64, uint64:
			dst.SetString(fmt.Sprint(x))
		default:
			bad("text", fmt.Sprintf("%s: \"%v\" (quotes keep words like yes, no and on as text)", path, val))
		}
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			bad("true or false", path+": true")
			return
		}
		dst.SetBool(b)
	case reflect.Int:
		n, ok := val.(int)
		if !ok {
			bad("a whole number", path+": 10")
			return
		}
		dst.SetInt(int64(n))
	case reflect.Float64:
		switch n := val.(type) {
		case int:
			dst.SetFloat(float64(n))
		case float64:
			dst.SetFloat(n)
		default:
			bad("a number", path+": 8")
		}
	case reflect.Slice:
		items, ok := val.([]any)
		if !ok {
			// A single value where a list is expected: take it as a list of one.
			items = []any{val}
		}
		s := reflect.MakeSlice(dst.Type(), len(items), len(items))
		for i, it := range items {
			d.decodeValue(it, s.Index(i), line, fmt.Sprintf("%s[%d]", path, i+1))
		}
		dst.Set(s)
	case reflect.Struct:
		m, ok := val.(yaml.MapSlice)
		if !ok {
			if str, isStr := val.(string); isStr && dst.NumField() > 0 && dst.Type().Field(0).Tag.Get("yaml") == "name" {
				dst.Field(0).SetString(str) // "- Jane Doe" as shorthand for "- name: Jane Doe"
				return
			}
			bad("a group of keys", path+":\\n  name: ...")
			return
		}
		d.decodeMap(m, dst, line, path)
	default:
		panic("generator: cannot decode YAML into " + dst.Type().String())
	}
}

// describe says in plain words what a YAML value is.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", x)
	case bool:
		return fmt.Sprintf("%v (YAML reads yes, no, on and off as true or false)", x)
	case int, int64, uint64, float64:
		return fmt.Sprintf("the number %v", x)
	case []any:
		return "a list"
	case yaml.MapSlice:
		return "a group of keys"
	}
	return fmt.Sprintf("%v", v)
}
