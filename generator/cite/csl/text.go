package csl

import (
	"strconv"
	"strings"
)

// variable returns the value of a text or number variable for this item.
func (c *ctx) variable(name string) string {
	if c.suppressed[name] {
		return ""
	}
	switch name {
	case "locator":
		if c.cite != nil {
			return strings.TrimSpace(c.cite.Locator)
		}
		return ""
	case "citation-number":
		return strconv.Itoa(c.it.citationNumber)
	case "year-suffix":
		if c.it.yearSuffix > 0 {
			return yearSuffixLetters(c.it.yearSuffix)
		}
		return ""
	case "first-reference-note-number":
		if c.it.firstNote > 0 && c.cite != nil && c.position != PositionFirst {
			return strconv.Itoa(c.it.firstNote)
		}
		return ""
	case "page-first":
		p := c.it.item.Vars["page-first"]
		if p == "" {
			p = c.it.item.Vars["page"]
			if i := strings.IndexAny(p, "-–,&"); i >= 0 {
				p = strings.TrimSpace(p[:i])
			}
		}
		return p
	}
	v := c.it.item.Vars[name]
	if v == "" && name == "citation-label" {
		v = c.trigraph()
	}
	if v == "" && name == "title-short" {
		v = c.it.item.Vars["shortTitle"]
	}
	if v == "" && name == "container-title-short" {
		v = c.it.item.Vars["journalAbbreviation"]
	}
	return v
}

// trigraph makes a citation label like citeproc-js's default
// "Aaaa00:AaAa00:AaAA00:AAAA00": letters of the authors' family names and
// the year's last two digits.
func (c *ctx) trigraph() string {
	var names []Name
	for _, v := range []string{"author", "editor", "translator"} {
		if ns := c.it.item.Names[v]; len(ns) > 0 {
			names = ns
			break
		}
	}
	take := func(s string, n int) string {
		r := []rune(s)
		if len(r) > n {
			r = r[:n]
		}
		return string(r)
	}
	fam := func(n Name) string {
		if n.Family != "" {
			return n.Family
		}
		return n.Literal
	}
	var b strings.Builder
	switch {
	case len(names) == 1:
		b.WriteString(take(fam(names[0]), 4))
	case len(names) == 2:
		b.WriteString(take(fam(names[0]), 2) + take(fam(names[1]), 2))
	case len(names) == 3:
		b.WriteString(take(fam(names[0]), 2) + take(fam(names[1]), 1) + take(fam(names[2]), 1))
	case len(names) > 3:
		for _, n := range names[:4] {
			b.WriteString(take(fam(n), 1))
		}
	}
	if d := c.it.item.Dates["issued"]; d != nil && len(d.Parts) > 0 && d.Parts[0][0] != 0 {
		y := strconv.Itoa(d.Parts[0][0])
		if len(y) >= 2 {
			b.WriteString(y[len(y)-2:])
		}
	}
	return b.String()
}

func yearSuffixLetters(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('a'+n%26)) + s
		n /= 26
	}
	return s
}

func (c *ctx) renderText(e *element) *node {
	var n *node
	textCase := true
	switch {
	case e.macro != nil:
		called, rendered := c.called, c.rendered
		c.called, c.rendered = 0, 0
		n = c.renderKids(e.macro, "")
		mc, mr := c.called, c.rendered
		c.called, c.rendered = called+mc, rendered+mr
		if mc > 0 && mr == 0 {
			n = nil
		} else if mc == 0 && !n.isEmpty() {
			// a macro of terms and values that renders counts as content
			// for the enclosing group, as a group would
			c.rendered++
		}
	case e.attr["variable"] != "":
		v := e.attr["variable"]
		if v != "year-suffix" {
			c.called++
		}
		val := ""
		if e.a("form") == "short" {
			val = c.variable(v + "-short")
			if val == "" && v == "title" {
				val = c.variable("title-short")
			}
		}
		if val == "" {
			val = c.variable(v)
		}
		if val == "" {
			return nil
		}
		c.rendered++
		if c.recording != nil {
			*c.recording = append(*c.recording, v)
		}
		switch v {
		case "issue", "volume", "chapter-number", "collection-number", "number-of-volumes":
			n = leaf(c.formatRange(val, false))
		case "page", "locator":
			if v == "locator" || true {
				val = c.formatRange(val, v == "page")
			}
			n = leaf(val)
			if v == "locator" {
				n.tag = tagLocator
			}
		case "URL", "DOI", "PMID", "PMCID":
			n = leaf(val)
		case "citation-label":
			n = leaf(val)
			if c.it.yearSuffix > 0 && !c.r.p.usesYearSuffix && !c.yearSuffixUsed {
				c.yearSuffixUsed = true
				n = group(n, &node{text: yearSuffixLetters(c.it.yearSuffix), tag: tagYearSuffix})
			}
		case "citation-number":
			n = &node{text: val, tag: tagCitationNumber}
		case "year-suffix":
			c.yearSuffixUsed = true
			n = &node{text: val, tag: tagYearSuffix}
		default:
			n = parseRich(val)
		}
	case e.attr["term"] != "":
		plural := e.a("plural") == "true"
		t, ok := c.lc.term(e.attr["term"], e.a("form"), plural, "")
		if !ok || t == "" {
			return nil
		}
		n = parseRich(t)
		if len(n.kids) == 0 {
			n.tag = tagTerm
		}
	default:
		v := e.attr["value"]
		if v == "" {
			return nil
		}
		n = parseRich(v)
	}
	if n == nil {
		return nil
	}
	if e.f.textCase == "title" && !c.english() {
		textCase = false
	}
	return applyFmt(n, &e.f, c.lc, textCase)
}

// english reports whether title case applies: the item's language is
// English, or it has none and the locale is English.
func (c *ctx) english() bool {
	lang := strings.ToLower(c.it.item.Vars["language"])
	if lang == "" {
		return strings.HasPrefix(strings.ToLower(c.lc.lang), "en")
	}
	return strings.HasPrefix(lang, "en")
}

// formatRange replaces hyphens between numbers by an en dash, and for page
// applies the style's page-range-format.
func (c *ctx) formatRange(v string, page bool) string {
	if strings.Contains(v, `\-`) {
		// an escaped hyphen is part of a single number ("327\-30")
		return strings.ReplaceAll(v, `\-`, "-")
	}
	if strings.Contains(v, " & ") {
		// the locale's "and" symbol between numbers
		if t, ok := c.lc.term("and", "symbol", false, ""); ok && t != "&" && t != "" {
			v = strings.ReplaceAll(v, " & ", " "+t+" ")
		}
	}
	if !strings.ContainsAny(v, "-–") {
		return v
	}
	format := ""
	if page {
		format = c.r.p.style.attrs["page-range-format"]
	} else if c.r.p.style.attrs["page-range-format"] == "" {
		// citeproc-js writes locator ranges out in full
		format = "expanded"
	} else {
		format = c.r.p.style.attrs["page-range-format"]
	}
	parts := splitRanges(v)
	var b strings.Builder
	for _, p := range parts {
		if p.sep != "" {
			b.WriteString(p.sep)
			continue
		}
		lo, hi, ok := splitRange(p.text)
		if !ok {
			b.WriteString(p.text)
			continue
		}
		delim := "–"
		if t, ok := c.lc.term("page-range-delimiter", "long", false, ""); ok && page {
			delim = t
		}
		pl, nl := splitPrefix(lo)
		ph, nh := splitPrefix(hi)
		switch {
		case isAllDigits(nl) && isAllDigits(nh) && pl == ph:
			if format == "" {
				b.WriteString(lo + delim + hi)
			} else if format == "expanded" {
				b.WriteString(lo + delim + ph + pageRange(nl, nh, format))
			} else {
				b.WriteString(lo + delim + pageRange(nl, nh, format))
			}
		case isRoman(lo) && isRoman(hi):
			b.WriteString(lo + delim + hi)
		default:
			b.WriteString(lo + "-" + hi)
		}
	}
	return b.String()
}

type rangePart struct{ text, sep string }

func splitRanges(v string) []rangePart {
	var out []rangePart
	start := 0
	for i := 0; i < len(v); i++ {
		if v[i] == ',' || v[i] == '&' {
			j := i + 1
			for j < len(v) && v[j] == ' ' {
				j++
			}
			k := i
			for k > start && v[k-1] == ' ' {
				k--
			}
			out = append(out, rangePart{text: v[start:k]})
			out = append(out, rangePart{sep: v[k:j]})
			start = j
			i = j - 1
		}
	}
	out = append(out, rangePart{text: v[start:]})
	return out
}

func splitRange(s string) (string, string, bool) {
	for _, d := range []string{"–", "-"} {
		if i := strings.Index(s, d); i > 0 {
			lo := strings.TrimSpace(s[:i])
			hi := strings.TrimSpace(s[i+len(d):])
			if hi == "" || strings.Contains(hi, "-") {
				return "", "", false
			}
			if hasDigit(lo) && hasDigit(hi) || len(lo) > 0 && len(hi) > 0 {
				return lo, hi, true
			}
		}
	}
	return "", "", false
}

func splitPrefix(s string) (string, string) {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range strings.ToLower(s) {
		if !strings.ContainsRune("ivxlcdm", r) {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool {
	return strings.IndexAny(s, "0123456789") >= 0
}

func isAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// pageRange shortens the second page number per page-range-format.
func pageRange(lo, hi, format string) string {
	if format == "" || !isAllDigits(lo) || !isAllDigits(hi) || len(hi) != len(lo) {
		if format == "expanded" && isAllDigits(lo) && isAllDigits(hi) && len(hi) < len(lo) {
			return lo[:len(lo)-len(hi)] + hi
		}
		if format != "" && format != "expanded" && isAllDigits(lo) && isAllDigits(hi) && len(hi) < len(lo) {
			hi = lo[:len(lo)-len(hi)] + hi
		} else {
			return hi
		}
	}
	switch format {
	case "expanded":
		return hi
	case "minimal":
		return minimal(lo, hi, 1)
	case "minimal-two":
		return minimal(lo, hi, 2)
	case "chicago", "chicago-15", "chicago-16":
		n, _ := strconv.Atoi(lo)
		switch {
		case n < 100 || n%100 == 0:
			return hi
		case n%100 < 10:
			return minimal(lo, hi, 1)
		case len(lo) == 4 && format != "chicago-16":
			d := minimal(lo, hi, 1)
			if len(d) > 2 {
				return hi
			}
			return minimal(lo, hi, 2)
		default:
			return minimal(lo, hi, 2)
		}
	}
	return hi
}

func minimal(lo, hi string, min int) string {
	i := 0
	for i < len(lo) && lo[i] == hi[i] {
		i++
	}
	d := hi[i:]
	if len(d) < min {
		if min > len(hi) {
			return hi
		}
		return hi[len(hi)-min:]
	}
	return d
}

// ---------- choose ----------
