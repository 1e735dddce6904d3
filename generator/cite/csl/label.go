package csl

import (
	"strconv"
	"strings"
)

// renderLabel renders cs:label. For a label inside cs:names, variable is
// the names variable (or a term name) and count the number of names.
func (c *ctx) renderLabel(e *element, variable string, count int) *node {
	v := variable
	if v == "" {
		v = e.a("variable")
	}
	if v == "" {
		return nil
	}
	form := e.a("form")
	pluralAttr := e.a("plural")
	var plural bool
	termName := v
	if count > 0 {
		plural = count > 1
	} else {
		var val string
		if v == "locator" {
			if c.cite == nil || c.cite.Locator == "" {
				return nil
			}
			val = c.cite.Locator
			termName = c.locatorLabel()
		} else {
			val = c.variableForTest(v)
		}
		if val == "" {
			return nil
		}
		if v == "number-of-pages" || v == "number-of-volumes" {
			n, err := strconv.Atoi(strings.TrimSpace(val))
			plural = err == nil && n > 1 || err != nil && isMultiple(val)
			if v == "number-of-pages" {
				if _, ok := c.lc.term(termName, form, false, ""); !ok {
					termName = "page"
				}
			}
		} else {
			plural = isMultiple(val)
		}
	}
	switch pluralAttr {
	case "always":
		plural = true
	case "never":
		plural = false
	}
	t, ok := c.lc.term(termName, form, plural, "")
	if !ok || t == "" {
		return nil
	}
	return applyFmt(parseRich(t), &e.f, c.lc, true)
}

// isMultiple reports whether a value holds a range or list of numbers.
func isMultiple(v string) bool {
	v = strings.ReplaceAll(v, `\-`, "")
	if !hasDigit(v) {
		// a range of roman numerals ("i-ix")
		lo, hi, ok := splitRange(v)
		return ok && isRoman(lo) && isRoman(hi)
	}
	count := 0
	in := false
	for _, r := range v {
		if r >= '0' && r <= '9' {
			if !in {
				count++
			}
			in = true
		} else if r == '-' || r == '–' || r == ',' || r == '&' || r == ' ' {
			in = false
		}
	}
	return count > 1
}
