package handout

import (
	"html"
	"strings"
)

// markupRuns turns inline HTML, as the CSL processor and the citation
// renderer write it, into runs set in base and the styles its tags ask
// for: <i>, <em>, <b>, <strong>, <sup>, <sub>, <a href>, and <span
// style="font-style: ...; font-weight: ..."> (CSL's way of setting a
// title upright inside italics). Other tags are read through, and what an
// element that is not part of the reading shows (role="tooltip",
// aria-hidden="true", a style's left-margin number, a list's back-links)
// is left out. Every run gets the source offset at.
//
// It is a scanner, not an HTML parser: its input is made by Pamphlet, and
// a stray "<" in text ends up as text, never as a failure.
func markupRuns(h string, base style, at int) []run {
	type open struct {
		name  string
		style style
		link  string
		skip  bool
	}
	stack := []open{{style: base}}
	var runs []run
	top := func() open { return stack[len(stack)-1] }
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt != 0 {
			text := h
			if lt > 0 {
				text = h[:lt]
			}
			if t := top(); !t.skip {
				runs = append(runs, run{text: html.UnescapeString(text), style: t.style, link: t.link, at: at})
			}
			if lt < 0 {
				break
			}
			h = h[lt:]
		}
		gt := strings.IndexByte(h, '>')
		if gt < 0 { // not a tag after all
			if t := top(); !t.skip {
				runs = append(runs, run{text: html.UnescapeString(h), style: t.style, link: t.link, at: at})
			}
			break
		}
		tag := h[1:gt]
		h = h[gt+1:]
		if strings.HasPrefix(tag, "/") {
			name := strings.ToLower(strings.TrimSpace(tag[1:]))
			// Close the nearest element of that name, and any left open
			// inside it.
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].name == name {
					stack = stack[:i]
					break
				}
			}
			continue
		}
		name, attrs := splitTag(tag)
		if name == "br" {
			if !top().skip {
				runs = append(runs, run{text: "\n", at: at})
			}
			continue
		}
		if strings.HasSuffix(tag, "/") || voidElement(name) {
			continue
		}
		o := top()
		o.name = name
		switch name {
		case "i", "em", "cite":
			o.style |= styleItalic
		case "b", "strong":
			o.style |= styleBold
		case "sup":
			o.style = o.style&^styleSub | styleSup
		case "sub":
			o.style = o.style&^styleSup | styleSub
		case "a":
			if href := attrs["href"]; href != "" {
				o.link = href
			}
		}
		css := strings.ReplaceAll(strings.ToLower(attrs["style"]), " ", "")
		switch {
		case strings.Contains(css, "font-style:italic"):
			o.style |= styleItalic
		case strings.Contains(css, "font-style:normal"):
			o.style &^= styleItalic
		}
		switch {
		case strings.Contains(css, "font-weight:bold"):
			o.style |= styleBold
		case strings.Contains(css, "font-weight:normal"):
			o.style &^= styleBold
		}
		class := " " + attrs["class"] + " "
		if attrs["role"] == "tooltip" || attrs["aria-hidden"] == "true" || strings.Contains(class, " csl-left-margin ") || strings.Contains(class, " backlinks ") {
			o.skip = true
		}
		stack = append(stack, o)
	}
	return runs
}

// splitTag splits the inside of a start tag into its lower-case name and
// its attributes, unescaped.
func splitTag(tag string) (string, map[string]string) {
	tag = strings.TrimSuffix(tag, "/")
	end := strings.IndexAny(tag, " \t\n")
	if end < 0 {
		return strings.ToLower(tag), nil
	}
	name, rest := strings.ToLower(tag[:end]), tag[end:]
	attrs := map[string]string{}
	for {
		rest = strings.TrimLeft(rest, " \t\n")
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return name, attrs
		}
		key := strings.ToLower(strings.TrimSpace(rest[:eq]))
		rest = strings.TrimLeft(rest[eq+1:], " \t\n")
		var val string
		if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
			q := rest[0]
			end := strings.IndexByte(rest[1:], q)
			if end < 0 {
				return name, attrs
			}
			val, rest = rest[1:1+end], rest[2+end:]
		} else {
			end := strings.IndexAny(rest, " \t\n")
			if end < 0 {
				end = len(rest)
			}
			val, rest = rest[:end], rest[end:]
		}
		attrs[key] = html.UnescapeString(val)
	}
}

// voidElement reports whether an element has no end tag.
func voidElement(name string) bool {
	switch name {
	case "img", "hr", "wbr", "input", "meta", "link", "source":
		return true
	}
	return false
}
