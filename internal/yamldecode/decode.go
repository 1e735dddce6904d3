package yamldecode

import (
	"cmp"
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"pamphlet/generator/diag"
	"pamphlet/internal/textdist"
)

// Source says what a YAML text is and where it stands in its file.
type Source struct {
	// File is the site-relative file name, for diagnostics.
	File string
	// Line is how many lines of the file come before the YAML text: 0 for
	// site.yaml, 1 for front matter after its opening "---".
	Line int
	// What names the document in messages: "front matter", "site settings".
	What string
	// Example is a line of such a document, for messages ("title:
	// Understanding MBT" if empty).
	Example string
}

// Pos is where a value stands in its file; Line and Col count from 1.
type Pos struct{ Line, Col int }

// Positions says where each value of a decoded document stands. It keeps
// the document's nodes and finds a value when asked, so that decoding a
// page's front matter makes no list of positions that no diagnostic uses.
type Positions struct {
	root *yaml.Node // the top-level mapping, or nil
	line int        // Source.Line
}

// At returns where the value at a key path stands: "title", "crisis[2]",
// "crisis[2].phone" (list items count from 1). A scalar's position is
// the value's own; a list's or group's is its key's. It returns the zero
// Pos when the document has no such value.
func (p Positions) At(path string) Pos {
	n, key := p.root, (*yaml.Node)(nil)
	for path != "" && n != nil {
		var name string
		name, path = splitPath(path)
		if i, ok := listIndex(name); ok {
			if n.Kind != yaml.SequenceNode || i < 1 || i > len(n.Content) {
				return Pos{}
			}
			n, key = resolve(n.Content[i-1]), nil
			continue
		}
		next := (*yaml.Node)(nil)
		if n.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Value == name {
					key, next = n.Content[j], resolve(n.Content[j+1])
					break
				}
			}
		}
		n = next
	}
	if n == nil || path != "" {
		return Pos{}
	}
	if n.Kind != yaml.ScalarNode && key != nil {
		n = key
	}
	return Pos{n.Line + p.line, n.Column}
}

// Line returns the line of the value at a key path, or 0.
func (p Positions) Line(path string) int { return p.At(path).Line }

// Keys calls fn with each top-level key and its line, in order.
func (p Positions) Keys(fn func(key string, line int)) {
	if p.root == nil || p.root.Kind != yaml.MappingNode {
		return
	}
	for j := 0; j+1 < len(p.root.Content); j += 2 {
		k := p.root.Content[j]
		fn(k.Value, k.Line+p.line)
	}
}

// Entries calls fn with each top-level key, in order, with where the key
// stands and where its value does (the value's own place, for a list or
// group as for a scalar). Keys may hold dots ("handout_pages.one"),
// which At would read as a path.
func (p Positions) Entries(fn func(key string, keyAt, valueAt Pos)) {
	if p.root == nil || p.root.Kind != yaml.MappingNode {
		return
	}
	for j := 0; j+1 < len(p.root.Content); j += 2 {
		k, v := p.root.Content[j], resolve(p.root.Content[j+1])
		fn(k.Value, Pos{k.Line + p.line, k.Column}, Pos{v.Line + p.line, v.Column})
	}
}

// splitPath returns the first part of a key path ("crisis", "[2]") and
// the rest.
func splitPath(path string) (first, rest string) {
	if strings.HasPrefix(path, "[") {
		if i := strings.IndexByte(path, ']'); i > 0 {
			return path[:i+1], strings.TrimPrefix(path[i+1:], ".")
		}
	}
	i := strings.IndexAny(path, ".[")
	if i < 0 {
		return path, ""
	}
	return path[:i], strings.TrimPrefix(path[i:], ".")
}

// listIndex reads "[2]" as 2.
func listIndex(s string) (int, bool) {
	if len(s) < 3 || s[0] != '[' || s[len(s)-1] != ']' {
		return 0, false
	}
	n, err := strconv.Atoi(s[1 : len(s)-1])
	return n, err == nil
}

// keyPath is where the decoder is in the document, made into text only
// for a message: a key ("crisis") or a list index (2) under its parent.
type keyPath struct {
	parent *keyPath
	key    string
	index  int // 1-based, when key is ""
}

func (k *keyPath) String() string {
	if k == nil {
		return ""
	}
	parent := k.parent.String()
	if k.key == "" {
		return parent + "[" + strconv.Itoa(k.index) + "]"
	}
	if parent == "" {
		return k.key
	}
	return parent + "." + k.key
}

// Decoder decodes YAML into values of one struct type. Make one with
// New for each type and keep it: it holds what it learnt of the type's
// fields, and is safe for concurrent use.
type Decoder[T any] struct {
	types *types
}

// types is what a Decoder knows of the struct types it fills.
type types struct {
	fields map[reflect.Type]*structFields
}

// New returns a Decoder for T, which must be a struct type whose fields
// have `yaml:"key"` tags, or a map with string keys (a document whose
// keys are its own: a strings file).
func New[T any]() *Decoder[T] {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct && (t.Kind() != reflect.Map || t.Key().Kind() != reflect.String) {
		panic("yamldecode: New needs a struct type or a map with string keys, not " + t.String())
	}
	ts := &types{fields: map[reflect.Type]*structFields{}}
	fieldsOf(t, ts.fields)
	return &Decoder[T]{types: ts}
}

// Decode reads text as a YAML mapping into dst. It reports every problem
// it finds and fills in what it can; a text that is not YAML at all gives
// one error (see IsSyntaxError) and leaves dst as it was. Empty text
// decodes to nothing.
func (dec *Decoder[T]) Decode(src Source, text []byte, dst *T) (Positions, diag.List) {
	return decode(dec.types, src, text, reflect.ValueOf(dst).Elem())
}

// IsSyntaxError reports whether a diagnostic from Decode says that the
// text could not be read as YAML at all.
func IsSyntaxError(d diag.Diagnostic) bool {
	return strings.HasPrefix(d.Message, syntaxPrefix)
}

const syntaxPrefix = "this YAML cannot be read"

func decode(ts *types, src Source, text []byte, dst reflect.Value) (Positions, diag.List) {
	d := &decoder{src: src, types: ts}
	d.pos.line = src.Line
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		d.diags.Add(d.syntaxError(err, text))
		return d.pos, d.diags
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return d.pos, nil
		}
		root = root.Content[0]
	}
	if root.Kind == 0 || (root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null") {
		return d.pos, nil
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "the %s should be lines of \"key: value\", such as \"%s\", not %s", src.What, cmp.Or(src.Example, "title: Understanding MBT"), describe(root))
		return d.pos, d.diags
	}
	d.pos.root = root
	if dst.Kind() == reflect.Map {
		d.decodeValue(root, dst, nil) // a document of keys of its own choosing
		return d.pos, d.diags
	}
	d.decodeMap(root, dst, nil)
	return d.pos, d.diags
}

type decoder struct {
	src   Source
	pos   Positions
	diags diag.List
	types *types
}

// at returns the file position of a node.
func (d *decoder) at(n *yaml.Node) (line, col int) {
	return n.Line + d.src.Line, n.Column
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	line, col := d.at(n)
	d.diags.Errorf(d.src.File, line, col, format, args...)
}

func (d *decoder) warnf(n *yaml.Node, format string, args ...any) {
	line, col := d.at(n)
	d.diags.Warnf(d.src.File, line, col, format, args...)
}

// yamlSyntaxLine matches the line number that yaml.v3 puts in its errors.
var yamlSyntaxLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntaxError turns a YAML syntax error into a diagnostic on the right
// line of the file, in words a non-programmer can act on.
//
// yaml.v3 numbers lines from 1 in the errors of its scanner ("mapping
// values are not allowed", "found a tab character"). Its parser's errors
// ("did not find expected ...") give the line, counted from 0, where the
// list or group that could not be finished began, or, when that is the
// first line, the line counted from 0 where it gave up; and no number
// for line 0. So for those the text is searched for the bracket that was
// never closed.
func (d *decoder) syntaxError(err error, text []byte) diag.Diagnostic {
	msg := err.Error()
	line := 1
	if m := yamlSyntaxLine.FindStringSubmatch(msg); m != nil {
		msg = m[2]
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		} else {
			line = 0
		}
		if strings.HasPrefix(msg, "did not find expected") {
			line = parserErrorLine(msg, line, text)
		}
	}
	line = d.src.Line + max(line, 1)
	hint := "check the indentation (spaces, not tabs) and that every \"key: value\" pair has a colon and a space; put values that contain a colon or start with a quote in quotes"
	return diag.Errorf(d.src.File, line, 0, "%s (%s): %s", syntaxPrefix, msg, hint)
}

// parserErrorLine returns the 1-based line of a yaml.v3 parser error that
// gave line n (see syntaxError).
func parserErrorLine(msg string, n int, text []byte) int {
	open := byte(0)
	switch {
	case strings.HasSuffix(msg, "']'"):
		open = '['
	case strings.HasSuffix(msg, "'}'"):
		open = '{'
	}
	if open != 0 {
		lines := strings.Split(string(text), "\n")
		for _, l := range []int{n + 1, n} {
			if l >= 1 && l <= len(lines) && strings.IndexByte(lines[l-1], open) >= 0 {
				return l
			}
		}
	}
	return n + 1
}

// structFields is a struct type's fields by their `yaml:"key"` tags.
type structFields struct {
	keys  []string // in field order, for suggestions
	index []int    // the field of each key
}

// field returns the index of the field for key, or -1.
func (f *structFields) field(key string) int {
	for i, k := range f.keys {
		if k == key {
			return f.index[i]
		}
	}
	return -1
}

// fieldsOf returns the fields of every struct type that t is or holds
// (through pointers, slices and maps), by type.
func fieldsOf(t reflect.Type, into map[reflect.Type]*structFields) {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		fieldsOf(t.Elem(), into)
		return
	case reflect.Struct:
	default:
		return
	}
	if _, ok := into[t]; ok || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return
	}
	f := &structFields{}
	into[t] = f
	for i := 0; i < t.NumField(); i++ {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		f.keys = append(f.keys, tag)
		f.index = append(f.index, i)
		fieldsOf(t.Field(i).Type, into)
	}
}

// decodeMap fills the struct v from a mapping node; path is the key path
// of the mapping (nil at the top level).
func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path *keyPath) {
	fields := d.types.fields[v.Type()]
	seen := newSeenKeys(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key in the %s is %s: keys are single words, such as title:", d.src.What, describe(k))
			continue
		}
		key := k.Value
		here := &keyPath{parent: path, key: key}
		if prev := seen.add(n, i); prev != nil {
			line, _ := d.at(prev)
			d.errorf(k, "%q is given twice in the %s (first on line %d); keep one", here.String(), d.src.What, line)
			continue
		}
		f := fields.field(key)
		if f < 0 {
			hint := "remove it, or check its spelling"
			if s := textdist.Closest(key, fields.keys, 3); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			d.warnf(k, "unknown key %q in the %s is ignored: %s", here.String(), d.src.What, hint)
			continue
		}
		d.decodeValue(val, v.Field(f), here)
	}
}

// seenKeys finds a key given twice in a mapping. Mappings in front matter
// are small, and looking back through them costs less than a map of the
// keys seen; a large one gets a map, so no file can make it slow.
type seenKeys map[string]*yaml.Node

func newSeenKeys(n *yaml.Node) seenKeys {
	if len(n.Content) > 64 {
		return seenKeys{}
	}
	return nil
}

// add returns the key node before index i of mapping n that has the same
// key as the one at i, or nil.
func (s seenKeys) add(n *yaml.Node, i int) *yaml.Node {
	key := n.Content[i].Value
	if s != nil {
		prev := s[key]
		if prev == nil {
			s[key] = n.Content[i]
		}
		return prev
	}
	for j := 0; j < i; j += 2 {
		if n.Content[j].Kind == yaml.ScalarNode && n.Content[j].Value == key {
			return n.Content[j]
		}
	}
	return nil
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// decodeValue decodes one node into dst, reporting a value of the wrong
// kind at the node with the key path in the message.
func (d *decoder) decodeValue(n *yaml.Node, dst reflect.Value, at *keyPath) {
	bad := func(want, example string) {
		path := at.String()
		d.errorf(n, "%q should be %s, not %s; for example: %s", path, want, describe(n), strings.ReplaceAll(example, "KEY", lastKey(at)))
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return // "key:" with nothing after it: leave the zero value
	}
	if dst.Kind() == reflect.Pointer {
		p := reflect.New(dst.Type().Elem())
		before := len(d.diags)
		d.decodeValue(n, p.Elem(), at)
		if len(d.diags) == before || !d.diags[before:].HasErrors() {
			dst.Set(p)
		}
		return
	}
	if reflect.PointerTo(dst.Type()).Implements(textUnmarshaler) {
		if n.Kind != yaml.ScalarNode {
			bad("a single value", "KEY: ...")
			return
		}
		if err := dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			d.errorf(n, "%q is %q, which %v", at.String(), n.Value, err)
		}
		return
	}
	switch dst.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			bad("text", `KEY: "..."`)
			return
		}
		dst.SetString(n.Value) // as written: "01234" stays "01234"
	case reflect.Bool:
		if n.Kind == yaml.ScalarNode {
			switch strings.ToLower(n.Value) {
			case "true", "yes", "on":
				dst.SetBool(true)
				return
			case "false", "no", "off":
				dst.SetBool(false)
				return
			}
		}
		bad("true or false", "KEY: true")
	case reflect.Int, reflect.Int64:
		var x int64
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&x) != nil {
			bad("a whole number", "KEY: 10")
			return
		}
		dst.SetInt(x)
	case reflect.Float64:
		var x float64
		if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!int" && n.ShortTag() != "!!float") || n.Decode(&x) != nil {
			bad("a number", "KEY: 8")
			return
		}
		dst.SetFloat(x)
	case reflect.Slice:
		items := []*yaml.Node{n}
		if n.Kind == yaml.SequenceNode {
			items = n.Content
		}
		s := reflect.MakeSlice(dst.Type(), len(items), len(items))
		for i, it := range items {
			d.decodeValue(resolve(it), s.Index(i), &keyPath{parent: at, index: i + 1})
		}
		dst.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode || dst.Type().Key().Kind() != reflect.String {
			bad("a group of keys", "KEY:\n  key: value")
			return
		}
		m := reflect.MakeMapWithSize(dst.Type(), len(n.Content)/2)
		seen := newSeenKeys(n)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], resolve(n.Content[i+1])
			if k.Kind != yaml.ScalarNode {
				if at == nil {
					d.errorf(k, "a key in the %s is %s: keys are single words", d.src.What, describe(k))
				} else {
					d.errorf(k, "a key under %q is %s: keys are single words", at.String(), describe(k))
				}
				continue
			}
			here := &keyPath{parent: at, key: k.Value}
			if prev := seen.add(n, i); prev != nil {
				line, _ := d.at(prev)
				d.errorf(k, "%q is given twice (first on line %d); keep one", here.String(), line)
				continue
			}
			e := reflect.New(dst.Type().Elem()).Elem()
			before := len(d.diags)
			d.decodeValue(val, e, here)
			if d.diags[before:].HasErrors() {
				continue // the error says what is wrong; the key is left out
			}
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(dst.Type().Key()), e)
		}
		dst.Set(m)
	case reflect.Struct:
		if n.Kind == yaml.MappingNode {
			d.decodeMap(n, dst, at)
			return
		}
		if n.Kind == yaml.ScalarNode && dst.NumField() > 0 && dst.Field(0).Kind() == reflect.String && shorthand(dst.Type().Field(0)) {
			dst.Field(0).SetString(n.Value) // "- Jane Doe" as shorthand for "- name: Jane Doe", "- es" for "- tag: es"
			return
		}
		bad("a group of keys", "KEY:\n  name: ...")
	default:
		panic(errors.New("yamldecode: cannot decode into " + dst.Type().String()))
	}
}

// shorthand reports whether a group of keys may be written as the value
// of its first field alone: a person by their name, a language by its tag.
func shorthand(f reflect.StructField) bool {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name == "name" || name == "tag"
}

// lastKey returns the name of the key a path ends in, for examples: the
// key itself, or the key of the list an item is in.
func lastKey(k *keyPath) string {
	for ; k != nil; k = k.parent {
		if k.key != "" {
			return k.key
		}
	}
	return "key"
}

// describe says in plain words what a node is.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a group of keys"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return n.Value
		}
		return fmt.Sprintf("the text %q", n.Value)
	}
	return "something else"
}
