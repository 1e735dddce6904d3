package i18n

import (
	"slices"
	"strings"
)

// fill puts the values of args (pairs of name and value) in place of
// their placeholders in text, in one pass, so that a value that holds
// braces is not filled in again.
func fill(text string, args []string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i, name, end := nextPlaceholder(text)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		if v, ok := lookup(args, name); ok {
			b.WriteString(v)
		} else {
			b.WriteString(text[i:end])
		}
		text = text[end:]
	}
}

// lookup returns the value paired with name in args.
func lookup(args []string, name string) (string, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == name {
			return args[i+1], true
		}
	}
	return "", false
}

// placeholders returns the names of text's placeholders, each once, in
// the order they first appear.
func placeholders(text string) []string {
	var names []string
	for {
		i, name, end := nextPlaceholder(text)
		if i < 0 {
			return names
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
		text = text[end:]
	}
}

// nextPlaceholder finds the first placeholder in text: a name of letters,
// digits and underscores in braces. It returns where it starts, its name
// and where it ends, or -1.
func nextPlaceholder(text string) (start int, name string, end int) {
	for off := 0; ; {
		i := strings.IndexByte(text[off:], '{')
		if i < 0 {
			return -1, "", 0
		}
		i += off
		j := i + 1
		for j < len(text) && isNameByte(text[j]) {
			j++
		}
		if j > i+1 && j < len(text) && text[j] == '}' {
			return i, text[i+1 : j], j + 1
		}
		off = i + 1
	}
}

func isNameByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
