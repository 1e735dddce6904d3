package trust

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Placeholder is text in a page or in site.yaml that a clinic must replace
// before the site goes to patients: a "[REPLACE: ...]" note, which is how
// the starter site marks the details only a clinic can give, or an address
// at one of the domains kept for examples (example.org, example.com,
// example.net, and their subdomains), where nobody reads mail and no site
// is published.
type Placeholder struct {
	Line, Col int    // 1-based; Col counts characters
	Text      string // the note or the address, as written
	// Address is true for an example.* address, false for a note.
	Address bool
}

// ReplaceMarker opens a placeholder note, matched in any case:
// "[REPLACE: how many sessions a week]". The note ends at the next "]" on
// the same line.
const ReplaceMarker = "[REPLACE:"

// exampleDomains are the second-level domains RFC 2606 keeps for examples.
var exampleDomains = []string{"org", "com", "net"}

// FindPlaceholders returns the placeholders in src, the whole text of a file,
// in order. With yaml set, src is YAML and its comments are skipped: the
// starter's site.yaml explains in comments what to replace, and those are
// not shown to anyone.
//
// Most files hold none: it costs a few fast searches of the text, for "["
// and for "xample." in either case, and looks closer only where they match.
func FindPlaceholders(src string, yaml bool) []Placeholder {
	notes := findNotes(src)
	var out []Placeholder
	add := func(sp [2]int, address bool) {
		if yaml && inYAMLComment(src, sp[0]) {
			return
		}
		ls := strings.LastIndexByte(src[:sp[0]], '\n') + 1
		out = append(out, Placeholder{
			Line: 1 + strings.Count(src[:sp[0]], "\n"), Col: utf8.RuneCountInString(src[ls:sp[0]]) + 1,
			Text: src[sp[0]:sp[1]], Address: address,
		})
	}
	n := 0
	for _, a := range findExampleAddresses(src) {
		// Notes that come before the address, then the address, unless it
		// is part of a note ("[REPLACE: not contact@example.org]").
		for n < len(notes) && notes[n][0] <= a[0] {
			add(notes[n], false)
			n++
		}
		if n == 0 || notes[n-1][1] <= a[0] {
			add(a, true)
		}
	}
	for _, sp := range notes[n:] {
		add(sp, false)
	}
	return out
}

// findNotes returns the start and end of each "[REPLACE: ...]" note.
func findNotes(src string) [][2]int {
	var out [][2]int
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '[')
		if j < 0 {
			break
		}
		start := i + j
		i = start + 1
		if len(src)-start < len(ReplaceMarker) || !strings.EqualFold(src[start:start+len(ReplaceMarker)], ReplaceMarker) {
			continue
		}
		end := start + len(ReplaceMarker)
		if k := strings.IndexAny(src[end:], "]\n"); k < 0 {
			end = len(src)
		} else if src[end+k] == ']' {
			end += k + 1
		} else {
			end += k
		}
		out = append(out, [2]int{start, end})
		i = end
	}
	return out
}

// findExampleAddresses returns the start and end of each web or e-mail
// address at an example domain: "contact@example.org",
// "https://example.org/patient-info/", "www.example.com".
func findExampleAddresses(src string) [][2]int {
	var out [][2]int
	for _, needle := range []string{"xample.", "XAMPLE."} {
		for i := 0; i < len(src); {
			j := strings.Index(src[i:], needle)
			if j < 0 {
				break
			}
			at := i + j - 1 // the "e" of "example."
			i += j + len(needle)
			if at < 0 || src[at]|0x20 != 'e' || (at > 0 && isHostByte(src[at-1]) && src[at-1] != '.') {
				continue // "counterexample.", or no "e"
			}
			tld := at + len("example.")
			ok := false
			for _, d := range exampleDomains {
				if len(src)-tld >= len(d) && strings.EqualFold(src[tld:tld+len(d)], d) &&
					(tld+len(d) == len(src) || !isHostByte(src[tld+len(d)]) || src[tld+len(d)] == '.' && !continuesHost(src, tld+len(d))) {
					ok = true
				}
			}
			if !ok {
				continue
			}
			start, end := at, at
			for start > 0 && isAddressByte(src[start-1]) {
				start--
			}
			for end < len(src) && isAddressByte(src[end]) {
				end++
			}
			// A full stop or comma after an address ends the sentence.
			end = start + len(strings.TrimRight(src[start:end], ".,;:"))
			out = append(out, [2]int{start, end})
			i = max(i, end)
		}
	}
	// Each search returns its finds in order: put the two in order, and
	// keep an address that both found ("example.org/EXAMPLE.com") once.
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return slices.CompactFunc(out, func(later, earlier [2]int) bool { return later[0] < earlier[1] })
}

// continuesHost reports whether the "." at src[i] is followed by more of a
// host name ("example.org.uk" is not an example domain), rather than ending
// a sentence ("write to example.org.").
func continuesHost(src string, i int) bool {
	return i+1 < len(src) && isHostByte(src[i+1]) && src[i+1] != '-' && src[i+1] != '.'
}

func isHostByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.'
}

// isAddressByte reports whether c can be part of a web or e-mail address as
// written in text: everything but space, quotes and the brackets that
// enclose addresses in Markdown and prose.
func isAddressByte(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '"', '\'', '`', '(', ')', '<', '>', '[', ']', '{', '}', '|', '*':
		return false
	}
	return c > ' ' && c < 0x7f
}

// inYAMLComment reports whether offset i of a YAML text is inside a comment:
// after a "#" that starts the line or follows a space or tab, and is not
// inside quotes.
func inYAMLComment(src string, i int) bool {
	ls := strings.LastIndexByte(src[:i], '\n') + 1
	var quote byte
	for j := ls; j < i; j++ {
		c := src[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if j == ls || src[j-1] == ' ' || src[j-1] == '\t' || src[j-1] == ':' || src[j-1] == '-' || src[j-1] == '[' || src[j-1] == ',' {
				quote = c
			}
		case c == '#' && (j == ls || src[j-1] == ' ' || src[j-1] == '\t'):
			return true
		}
	}
	return false
}
