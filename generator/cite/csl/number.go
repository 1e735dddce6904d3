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

// formatNumbers formats each number in a numeric value, keeping separators.
func (c *ctx) formatNumbers(val, form, gender string, page bool) string {
	var b strings.Builder
	i := 0
	for i < len(val) {
		j := i
		for j < len(val) && !(val[j] >= '0' && val[j] <= '9') {
			j++
		}
		sep := val[i:j]
		if strings.TrimSpace(sep) == "-" || sep == "–" {
			sep = "–"
		} else if strings.TrimSpace(sep) == "," {
			sep = ", "
		} else if strings.TrimSpace(sep) == "&" {
			sep = " & "
		}
		b.WriteString(sep)
		k := j
		for k < len(val) && val[k] >= '0' && val[k] <= '9' {
			k++
		}
		if k > j {
			num, _ := strconv.Atoi(val[j:k])
			b.WriteString(c.formatNumber(num, val[j:k], form, gender))
		}
		i = k
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
