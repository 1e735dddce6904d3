package i18n

import (
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
// reports bad YAML, a key given twice, a value that is not text and one
// left empty, and keeps every word it can read.
func parseLayer(file, tag string, text []byte) (*layer, diag.List) {
	l := &layer{file: file, tag: tag, words: map[string]string{}, at: map[string]place{}}
	var words map[string]string
	pos, diags := yamldecode.New[map[string]string]().Decode(yamldecode.Source{File: file, What: "strings file", Example: "on_this_page: On this page"}, text, &words)
	for _, d := range diags {
		if yamldecode.IsSyntaxError(d) {
			return l, diags
		}
	}
	pos.Entries(func(key string, k, v yamldecode.Pos) {
		w, ok := words[key]
		switch {
		case !ok || l.has(key):
			return // not text, or given twice: reported
		case w == "":
			diags.Warnf(file, k.Line, k.Col, "%q has no words after the colon, so it is left out and the theme's words are used: write the words after the colon, or remove the line", key)
			return
		}
		l.keys = append(l.keys, key)
		l.words[key] = w
		l.at[key] = place{k.Line, k.Col, v.Line, v.Col}
	})
	return l, diags
}
