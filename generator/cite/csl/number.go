package csl

import (
	"strconv"
	"strings"
)

func (c *ctx) renderNumber(e *element) *node {
	v := e.a("variable")
	c.called++
	val := c.variableForTest(v)
	if val == "" {
		return nil
	}
	c.rendered++
	var n *node
	if !isNumeric(val) {
		n = parseRich(val)
	} else {
		gender := c.lc.termGender(v)
		if v == "locator" {
			gender = c.lc.termGender(c.locatorLabel())
		}
		n = leaf(c.formatNumbers(val, e.a("form"), gender, v == "page"))
	}
	return applyFmt(n, &e.f, c.lc, true)
}

// formatNumbers formats each number in a numeric value, keeping letter
// affixes and separators; a hyphen between plain numbers becomes an en dash.
func (c *ctx) formatNumbers(val, form, gender string, page bool) string {
	type tok struct{ text, sep string }
	var toks []tok
	cur := ""
	for _, r := range val {
		switch r {
		case '-', '–', ',', '&':
			toks = append(toks, tok{text: strings.TrimSpace(cur)})
			cur = ""
			toks = append(toks, tok{sep: string(r)})
		default:
			cur += string(r)
		}
	}
	toks = append(toks, tok{text: strings.TrimSpace(cur)})
	var b strings.Builder
	for i, t := range toks {
		if t.sep != "" {
			switch t.sep {
			case "-", "–":
				prevNum := i > 0 && isAllDigits(toks[i-1].text)
				nextNum := i+1 < len(toks) && isAllDigits(toks[i+1].text)
				if prevNum && nextNum {
					b.WriteString("–")
				} else {
					b.WriteString("-")
				}
			case ",":
				b.WriteString(", ")
			case "&":
				b.WriteString(" & ")
			}
			continue
		}
		if isAllDigits(t.text) {
			num, _ := strconv.Atoi(t.text)
			b.WriteString(c.formatNumber(num, t.text, form, gender))
		} else {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

func (c *ctx) formatNumber(n int, raw, form, gender string) string {
	switch form {
	case "ordinal":
		return strconv.Itoa(n) + c.ordinalSuffix(n, gender)
	case "long-ordinal":
		if n >= 1 && n <= 10 {
			name := "long-ordinal-" + twoDigits(n)
			if t, ok := c.lc.term(name, "long", false, gender); ok {
				return t
			}
		}
		return strconv.Itoa(n) + c.ordinalSuffix(n, gender)
	case "roman":
		return roman(n)
	}
	return strconv.Itoa(n)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func (c *ctx) ordinalSuffix(n int, gender string) string {
	lookup := func(name string) (term, bool) {
		if gender != "" {
			if t, ok := c.lc.terms[termKey{name, "long", gender}]; ok {
				return t, true
			}
		}
		t, ok := c.lc.terms[termKey{name, "long", ""}]
		if !ok && gender == "" {
			t, ok = c.lc.terms[termKey{name, "long", "masculine"}]
		}
		return t, ok
	}
	if t, ok := lookup("ordinal-" + twoDigits(n%100)); ok && n%100 >= 10 {
		if t.match != "whole-number" || n < 100 {
			return t.single
		}
	}
	if t, ok := lookup("ordinal-" + twoDigits(n%10)); ok {
		if t.match == "last-two-digits" && n%100 >= 10 {
		} else if t.match == "whole-number" && n >= 10 {
		} else {
			return t.single
		}
	}
	if t, ok := lookup("ordinal"); ok {
		return t.single
	}
	return ""
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
