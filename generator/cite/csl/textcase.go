package csl

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true, "down": true,
	"for": true, "from": true, "in": true, "into": true, "nor": true, "of": true, "on": true,
	"onto": true, "or": true, "over": true, "so": true, "the": true, "till": true, "to": true,
	"up": true, "via": true, "with": true, "yet": true, "v": true, "vs": true, "about": true,
	"amid": true, "around": true, "out": true, "per": true, "than": true, "upon": true, "de": true,
	"d'": true, "von": true, "van": true, "if": true, "off": true,
}

type caseLeaf struct {
	n         *node
	protected bool
}

func caseLeaves(n *node, prot bool, out []caseLeaf) []caseLeaf {
	if n == nil {
		return out
	}
	p := prot || n.nocase || n.rich && (n.fs.fontVariant == "small-caps" || n.fs.verticalAlign != "")
	if len(n.kids) == 0 {
		return append(out, caseLeaf{n, p})
	}
	for _, k := range n.kids {
		out = caseLeaves(k, p, out)
	}
	return out
}

// applyTextCase applies a CSL text-case to the unprotected text of the tree.
func applyTextCase(n *node, mode string) {
	ls := caseLeaves(n, false, nil)
	switch mode {
	case "lowercase":
		for _, l := range ls {
			if !l.protected {
				l.n.text = strings.ToLower(l.n.text)
			}
		}
	case "uppercase":
		for _, l := range ls {
			if !l.protected {
				l.n.text = strings.ToUpper(l.n.text)
			}
		}
	case "capitalize-first":
		for _, l := range ls {
			if l.n.text == "" || l.n.tag == tagOpenQuote {
				continue
			}
			if !l.protected {
				l.n.text = capFirstWord(l.n.text)
			}
			if strings.IndexFunc(l.n.text, unicode.IsLetter) >= 0 {
				break
			}
		}
	case "sentence":
		all := true
		first := true
		for _, l := range ls {
			if l.protected {
				if strings.IndexFunc(l.n.text, unicode.IsLetter) >= 0 {
					first = false
				}
				continue
			}
			t := l.n.text
			if all {
				t = strings.ToLower(t)
			}
			if first && strings.IndexFunc(t, unicode.IsLetter) >= 0 {
				t = capFirstWord(t)
				first = false
			}
			l.n.text = t
		}
	case "capitalize-all":
		wordStart := true
		for _, l := range ls {
			l.n.text = mapWords(l.n.text, &wordStart, func(w string, _ bool) string {
				if l.protected {
					return w
				}
				return capFirst(w)
			})
		}
	case "title":
		all := false
		wordStart := true
		first := true
		afterColon := false
		var lastStop *node
		lastStopAt := -1
		for _, l := range ls {
			if l.protected {
				if strings.IndexFunc(l.n.text, unicode.IsLetter) >= 0 {
					first = false
					afterColon = false
					lastStop = nil
				}
				continue
			}
			t := l.n.text
			if all {
				t = strings.ToLower(t)
			}
			var b strings.Builder
			i := 0
			for i < len(t) {
				r, sz := utf8.DecodeRuneInString(t[i:])
				if !isWordRune(r) && r != '\'' && r != '’' {
					if r == ':' || r == '?' || r == '!' || r == '.' {
						afterColon = true
					}
					b.WriteRune(r)
					i += sz
					wordStart = true
					continue
				}
				j := i
				for j < len(t) {
					r2, sz2 := utf8.DecodeRuneInString(t[j:])
					if !isWordRune(r2) && r2 != '\'' && r2 != '’' && r2 != '`' && r2 != '.' && !(r2 == '-' && j > i && t[i] >= '0' && t[i] <= '9') || r2 == '.' && j+sz2 < len(t) && t[j+sz2] == ' ' {
						break
					}
					j += sz2
				}
				w := t[i:j]
				if !wordStart {
					b.WriteString(w)
				} else if hasUpperAfterFirst(w) || hasUpper(w) && !all {
					b.WriteString(w)
					lastStop = nil
				} else if stopWords[strings.ToLower(w)] && !first && !afterColon {
					lastStop, lastStopAt = l.n, b.Len()
					b.WriteString(strings.ToLower(w))
				} else {
					b.WriteString(capFirst(w))
					lastStop = nil
				}
				first = false
				afterColon = false
				wordStart = false
				i = j
			}
			l.n.text = b.String()
		}
		if lastStop != nil && lastStopAt >= 0 && lastStopAt < len(lastStop.text) {
			// the last word is capitalized even when it is a stop word
			lastStop.text = lastStop.text[:lastStopAt] + capFirst(lastStop.text[lastStopAt:])
		}
	}
}

func allUpper(ls []caseLeaf) bool {
	seen := false
	for _, l := range ls {
		if l.protected {
			continue
		}
		for _, r := range l.n.text {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsUpper(r) {
				seen = true
			}
		}
	}
	return seen
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func hasUpperAfterFirst(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func capFirst(w string) string {
	for i, r := range w {
		if unicode.IsLetter(r) {
			if r >= 0x370 && r < 0x400 {
				return w
			}
			return w[:i] + string(unicode.ToUpper(r)) + w[i+utf8.RuneLen(r):]
		}
		if unicode.IsDigit(r) {
			return w
		}
	}
	return w
}

func capFirstWord(s string) string { return capFirst(s) }

func mapWords(s string, wordStart *bool, f func(string, bool) string) string {
	var b strings.Builder
	i := 0
	for i < len(s) {
		r, sz := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '-' || r == '/' || r == '\u00a0' {
			b.WriteRune(r)
			*wordStart = true
			i += sz
			continue
		}
		j := i
		for j < len(s) {
			r2, sz2 := utf8.DecodeRuneInString(s[j:])
			if r2 == ' ' || r2 == '-' || r2 == '/' || r2 == '\u00a0' {
				break
			}
			j += sz2
		}
		w := s[i:j]
		if *wordStart {
			w = f(w, true)
		}
		b.WriteString(w)
		*wordStart = false
		i = j
	}
	return b.String()
}
