package csl

import "strings"

func (c *ctx) renderChoose(e *element) *node {
	if br := c.chooseBranch(e); br != nil {
		return c.renderKids(br, "")
	}
	return nil
}

func (c *ctx) chooseBranch(e *element) *element {
	for _, br := range e.kids {
		if br.name == "else" || c.test(br) {
			return br
		}
	}
	return nil
}

// cond is one test of a cs:if or cs:else-if, parsed once with the style.
type cond struct {
	kind, value string
}

// parseConds lists the tests of a condition element in a stable order.
func parseConds(e *element) []cond {
	var out []cond
	for _, k := range []string{"type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate"} {
		for _, v := range strings.Fields(e.attr[k]) {
			out = append(out, cond{k, v})
		}
	}
	return out
}

func (c *ctx) evalCond(t cond) bool {
	val := t.value
	switch t.kind {
	case "type":
		return c.it.item.Type == val
	case "variable":
		return c.hasVariable(val)
	case "is-numeric":
		return isNumeric(c.variableForTest(val))
	case "is-uncertain-date":
		d := c.it.item.Dates[val]
		return d != nil && d.Circa
	case "locator":
		return c.cite != nil && c.cite.Locator != "" && c.locatorLabel() == val
	case "position":
		return c.testPosition(val)
	case "disambiguate":
		return c.it.disambCond == (val == "true")
	}
	return false
}

func (c *ctx) test(e *element) bool {
	conds := e.conds
	if conds == nil {
		conds = parseConds(e)
	}
	switch e.a("match") {
	case "any":
		for _, t := range conds {
			if c.evalCond(t) {
				return true
			}
		}
		return false
	case "none":
		for _, t := range conds {
			if c.evalCond(t) {
				return false
			}
		}
		return true
	}
	for _, t := range conds {
		if !c.evalCond(t) {
			return false
		}
	}
	return true
}

func (c *ctx) variableForTest(v string) string {
	if v == "locator" || v == "citation-number" || v == "year-suffix" || v == "first-reference-note-number" || v == "page-first" {
		return c.variable(v)
	}
	return c.it.item.Vars[v]
}

func (c *ctx) locatorLabel() string {
	if c.cite == nil {
		return ""
	}
	if c.cite.Label == "" {
		return "page"
	}
	return c.cite.Label
}

func (c *ctx) hasVariable(v string) bool {
	if c.suppressed[v] {
		return false
	}
	if nameVars[v] {
		return len(c.it.item.Names[v]) > 0
	}
	if dateVars[v] {
		return c.it.item.Dates[v] != nil
	}
	return c.variable(v) != ""
}

func (c *ctx) testPosition(val string) bool {
	if c.mode != "citation" || c.cite == nil {
		return false
	}
	p := c.position
	switch val {
	case "first":
		return p == PositionFirst
	case "subsequent":
		return p != PositionFirst
	case "ibid":
		return p == PositionIbid || p == PositionIbidWithLocator
	case "ibid-with-locator":
		return p == PositionIbidWithLocator
	case "near-note":
		return p != PositionFirst && c.nearNote
	}
	return false
}

// isNumeric reports whether a value is numeric in the CSL sense: numbers,
// optionally with letter affixes, separated by ",", "-" or "&".
func isNumeric(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	parts := strings.FieldsFunc(v, func(r rune) bool {
		return r == ',' || r == '-' || r == '&' || r == '–' || r == ' '
	})
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if p == "and" {
			continue
		}
		if !numericToken(p) {
			return false
		}
	}
	return true
}

func numericToken(p string) bool {
	// digits, optionally preceded or followed by letters (e.g. "2a", "A3")
	digits := 0
	for _, r := range p {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	// letters only at one end
	i := 0
	rs := []rune(p)
	for i < len(rs) && !(rs[i] >= '0' && rs[i] <= '9') {
		i++
	}
	j := len(rs)
	for j > 0 && !(rs[j-1] >= '0' && rs[j-1] <= '9') {
		j--
	}
	for _, r := range rs[i:j] {
		if !(r >= '0' && r <= '9') {
			return false
		}
	}
	if i > 0 && j < len(rs) {
		return false
	}
	return true
}
