package csl

import (
	"strconv"
	"strings"
)

// itemState is the per-item state of one Cite or Bibliography run.
type itemState struct {
	item           *Item
	index          int // registration order
	citationNumber int
	yearSuffix     int // 0: none; 1: a, 2: b...
	addNames       int // disambiguation: names to show (0: style's choice)
	givenLevel     map[int]int
	disambCond     bool
	firstNote      int
}

// ctx is the rendering context of one cite or bibliography entry.
type ctx struct {
	r        *run
	lc       *localeChain
	it       *itemState
	cite     *CitationItem
	section  *element
	mode     string // "citation", "bibliography", "sort"
	position Position
	nearNote bool

	suppressed     map[string]bool
	called         int
	rendered       int
	suppressAuthor bool
	authorOnly     bool
	namesSeen      bool
	sortNames      *sortNameOpts
	sortKeyMode    bool
	noYearSuffix   bool
	yearSuffixUsed bool
	depth          int
	recording      *[]string
	steps          int
	inSubstitute   int
}

// maxSteps bounds the elements rendered for one cite or entry, so that a
// style whose macros call each other many times over cannot take forever.
const maxSteps = 20000

type sortNameOpts struct{ min, useFirst, useLast string }

// inherited returns an inheritable attribute from the element, the
// citation/bibliography section or the style.
func (c *ctx) inherited(e *element, key, sectionKey string) (string, bool) {
	if e != nil {
		if v, ok := e.attr[key]; ok {
			return v, true
		}
	}
	if sectionKey == "" {
		sectionKey = key
	}
	if c.section != nil {
		if v, ok := c.section.attr[sectionKey]; ok {
			return v, true
		}
	}
	if v, ok := c.r.p.style.attrs[sectionKey]; ok {
		return v, true
	}
	return "", false
}

func (c *ctx) renderKids(e *element, delim string) *node {
	return join(c.renderList(e, nil), delim)
}

// renderList renders the children of e; the children of a chosen cs:choose
// branch count as children of e (a group's delimiter goes between them).
func (c *ctx) renderList(e *element, out []*node) []*node {
	for _, k := range e.kids {
		if k.name == "choose" {
			if br := c.chooseBranch(k); br != nil {
				out = c.renderList(br, out)
			}
			continue
		}
		if n := c.render(k); n != nil {
			out = append(out, n)
		}
	}
	return out
}

func (c *ctx) render(e *element) *node {
	c.depth++
	defer func() { c.depth-- }()
	c.steps++
	if c.depth > 100 || c.steps > maxSteps {
		return nil
	}
	switch e.name {
	case "layout":
		return c.renderKids(e, "")
	case "text":
		return c.renderText(e)
	case "number":
		return c.renderNumber(e)
	case "label":
		return c.renderLabel(e, "", 0)
	case "date":
		return c.renderDate(e)
	case "names":
		return c.renderNames(e)
	case "group":
		return c.renderGroup(e)
	case "choose":
		return c.renderChoose(e)
	}
	return nil
}

func (c *ctx) renderGroup(e *element) *node {
	called, rendered := c.called, c.rendered
	c.called, c.rendered = 0, 0
	n := c.renderKids(e, e.a("delimiter"))
	gc, gr := c.called, c.rendered
	c.called, c.rendered = called+gc, rendered+gr
	if gc > 0 && gr == 0 {
		return nil
	}
	if n == nil {
		return nil
	}
	if gc == 0 {
		// a group of terms and values that renders counts as content for
		// the enclosing group (as in citeproc-js)
		c.rendered++
	}
	return applyFmt(n, &e.f, c.lc, e.f.textCase != "title" || c.english())
}

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
