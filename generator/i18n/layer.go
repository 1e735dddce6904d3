package i18n

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"pamphlet/generator/diag"
	"pamphlet/internal/yamldecode"
)

// layer is one strings file, the theme's or a site's: its words and
// where each stands in the file.
type layer struct {
	file  string            // site-relative ("i18n/es.yaml"), or the theme's ("(theme) strings/es.yaml")
	tag   string            // the lower-case tag the file is named after
	keys  []string          // in the order of the file
	words map[string]string // by key
	at    map[string]place  // by key
}

// place is where a key and its value stand; lines and columns count
// from 1.
type place struct{ keyLine, keyCol, line, col int }

// has reports whether the layer gives key.
func (l *layer) has(key string) bool {
	_, ok := l.words[key]
	return ok
}

// parseLayer reads a strings file: a YAML map of keys to text. It
// reports bad YAML, a key given twice and a value that is not text, and
// keeps every word it can read.
func parseLayer(file, tag string, text []byte) (*layer, diag.List) {
	l := &layer{file: file, tag: tag, words: map[string]string{}, at: map[string]place{}}
	var diags diag.List
	// yamldecode says where YAML cannot be read, and which keys are given
	// twice, in words a clinic can act on; decoding into a struct with no
	// fields, its other findings (every key is unknown) are dropped.
	var none struct{}
	_, found := yamldecode.New[struct{}]().Decode(yamldecode.Source{File: file, What: "strings file"}, text, &none)
	for _, d := range found {
		if yamldecode.IsSyntaxError(d) {
			return l, diag.List{d}
		}
	}
	var doc yaml.Node
	if yaml.Unmarshal(text, &doc) != nil || len(doc.Content) == 0 {
		return l, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return l, nil // only comments
	}
	if root.Kind != yaml.MappingNode {
		diags.Errorf(file, root.Line, root.Column, "a strings file should be lines of \"key: words\", such as \"on_this_page: On this page\", not %s", describe(root))
		return l, diags
	}
	for _, d := range found {
		if d.Severity == diag.Error {
			diags.Add(d) // a key given twice, or one that is not a word
		}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], resolveAlias(root.Content[i+1])
		if k.Kind != yaml.ScalarNode || seen[k.Value] {
			continue // reported above
		}
		seen[k.Value] = true
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null":
			diags.Warnf(file, k.Line, k.Column, "%q has no words after the colon, so it is left out and the theme's words are used: write the words after the colon, or \"\" for none, or remove the line", k.Value)
			continue
		case v.Kind != yaml.ScalarNode:
			diags.Errorf(file, v.Line, v.Column, "%q should be text, not %s: write its words on the same line, after the colon, such as %s: \"...\"", k.Value, describe(v), k.Value)
			continue
		}
		l.keys = append(l.keys, k.Value)
		l.words[k.Value] = v.Value // as written: "01234" stays "01234"
		l.at[k.Value] = place{k.Line, k.Column, v.Line, v.Column}
	}
	return l, diags
}

// resolveAlias follows a YAML alias to the node it names.
func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// describe says in plain words what a YAML node is.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a group of keys"
	case yaml.ScalarNode:
		return fmt.Sprintf("the text %q", n.Value)
	}
	return "something else"
}
