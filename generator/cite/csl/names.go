package csl

import (
	"strconv"
	"strings"
	"unicode"
)

// nameOpts are the resolved options of a cs:name.
type nameOpts struct {
	and                   string
	delimiter             string
	delimPrecedesLast     string
	delimPrecedesEtAl     string
	etAlMin, etAlUseFirst int
	etAlUseLast           bool
	form                  string
	initialize            bool
	initializeWith        string
	hasInitializeWith     bool
	asSortOrder           string
	sortSeparator         string
	demote                string
	hyphenInit            bool
	familyPart            *element
	givenPart             *element
	el                    *element
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

func (c *ctx) nameOptions(nameEl *element) nameOpts {
	get := func(k, sk string, def string) string {
		if v, ok := c.inherited(nameEl, k, sk); ok {
			return v
		}
		return def
	}
	o := nameOpts{el: nameEl}
	o.and = get("and", "", "")
	o.delimiter = get("delimiter", "name-delimiter", ", ")
	o.delimPrecedesLast = get("delimiter-precedes-last", "", "contextual")
	o.delimPrecedesEtAl = get("delimiter-precedes-et-al", "", "contextual")
	o.etAlMin = atoi(get("et-al-min", "", "0"))
	o.etAlUseFirst = atoi(get("et-al-use-first", "", "-1"))
	o.etAlUseLast = get("et-al-use-last", "", "false") == "true"
	if c.mode == "citation" && c.position != PositionFirst {
		if v, ok := c.inherited(nameEl, "et-al-subsequent-min", ""); ok {
			o.etAlMin = atoi(v)
		}
		if v, ok := c.inherited(nameEl, "et-al-subsequent-use-first", ""); ok {
			o.etAlUseFirst = atoi(v)
		}
	}
	if c.sortNames != nil {
		if c.sortNames.min != "" {
			o.etAlMin = atoi(c.sortNames.min)
		}
		if c.sortNames.useFirst != "" {
			o.etAlUseFirst = atoi(c.sortNames.useFirst)
		}
		if c.sortNames.useLast != "" {
			o.etAlUseLast = c.sortNames.useLast == "true"
		}
	}
	o.form = get("form", "name-form", "long")
	o.initialize = get("initialize", "", "true") != "false"
	o.initializeWith, o.hasInitializeWith = c.inherited(nameEl, "initialize-with", "")
	o.asSortOrder = get("name-as-sort-order", "", "")
	o.sortSeparator = get("sort-separator", "", ", ")
	o.demote = c.r.p.style.attrs["demote-non-dropping-particle"]
	if o.demote == "" {
		o.demote = "display-and-sort"
	}
	o.hyphenInit = c.r.p.style.attrs["initialize-with-hyphen"] != "false"
	if nameEl != nil {
		for _, k := range nameEl.kids {
			if k.name == "name-part" {
				switch k.a("name") {
				case "family":
					o.familyPart = k
				case "given":
					o.givenPart = k
				}
			}
		}
	}
	return o
}

type namesParent struct {
	name, etAl, label *element
	labelFirst        bool
}

func (c *ctx) renderNames(e *element) *node {
	return c.renderNamesWith(e, nil)
}

func (c *ctx) renderNamesWith(e *element, parent *namesParent) *node {
	first := !c.namesSeen && c.mode != "sort"
	c.namesSeen = true
	vars := e.vars
	if vars == nil {
		vars = strings.Fields(e.a("variable"))
	}
	np := namesParent{}
	seenName := false
	for _, k := range e.kids {
		switch k.name {
		case "name":
			np.name = k
			seenName = true
		case "et-al":
			np.etAl = k
		case "label":
			np.label = k
			np.labelFirst = !seenName && e.child("name") != nil
		}
	}
	if parent != nil {
		if np.name == nil {
			np.name = parent.name
		}
		if np.etAl == nil {
			np.etAl = parent.etAl
		}
		if np.label == nil && len(e.kids) == 0 {
			np.label = parent.label
			np.labelFirst = parent.labelFirst
		}
	}
	c.called++
	if first && c.suppressAuthor {
		c.suppressAuthorVars(e, vars)
		return nil
	}
	opts := c.nameOptions(np.name)
	var outs []*node
	var allNames []string
	count := 0
	used := map[string]bool{}
	for vi, v := range vars {
		if used[v] || c.suppressed[v] {
			continue
		}
		names := c.it.item.Names[v]
		if len(names) == 0 {
			continue
		}
		termName := v
		if v == "editor" || v == "translator" {
			other := "translator"
			if v == "translator" {
				other = "editor"
			}
			if t, _ := c.lc.term("editortranslator", "long", false, ""); t != "" && contains(vars, other) && sameNames(names, c.it.item.Names[other]) && !c.suppressed[other] {
				termName = "editortranslator"
				used[other] = true
			}
		}
		n, strs, shown := c.formatNameList(names, opts, np.etAl, v, vi)
		if n != nil {
			n = &node{kids: []*node{n}, tag: tagNameList}
		}
		count += shown
		allNames = append(allNames, strs...)
		if np.label != nil && opts.form != "count" && !c.sortKeyMode {
			lab := c.renderLabel(np.label, termName, len(names))
			if lab != nil {
				if np.labelFirst {
					n = group(lab, n)
				} else {
					n = group(n, lab)
				}
			}
		}
		outs = append(outs, n)
		if c.recording != nil {
			*c.recording = append(*c.recording, v)
		}
		if c.inSubstitute > 0 {
			// a name variable used to substitute is rendered only once
			c.suppressed[v] = true
		}
	}
	if opts.form == "count" {
		if count == 0 {
			return c.substitute(e, np)
		}
		c.rendered++
		return applyFmt(leaf(strconv.Itoa(count)), &e.f, c.lc, true)
	}
	delim, _ := c.inherited(e, "delimiter", "names-delimiter")
	n := join(outs, delim)
	if n == nil {
		return c.substitute(e, np)
	}
	c.rendered++
	n = applyFmt(n, &e.f, c.lc, true)
	if first && n != nil {
		n = &node{kids: []*node{n}, tag: tagNames, names: allNames}
	}
	return n
}

func (c *ctx) suppressAuthorVars(e *element, vars []string) {
	has := false
	for _, v := range vars {
		if len(c.it.item.Names[v]) > 0 {
			has = true
		}
	}
	if has {
		return
	}
	// substituted: the substitute's variable is suppressed too
	if s := e.child("substitute"); s != nil {
		for _, k := range s.kids {
			var rec []string
			save := c.recording
			c.recording = &rec
			n := c.render(k)
			c.recording = save
			if n != nil {
				for _, v := range rec {
					c.suppressed[v] = true
				}
				return
			}
		}
	}
}

func (c *ctx) substitute(e *element, np namesParent) *node {
	s := e.child("substitute")
	if s == nil {
		return nil
	}
	c.inSubstitute++
	defer func() { c.inSubstitute-- }()
	for _, k := range s.kids {
		var rec []string
		save := c.recording
		c.recording = &rec
		var n *node
		if k.name == "names" {
			c.namesSeen = false
			n = c.renderNamesWith(k, &np)
		} else {
			n = c.render(k)
		}
		c.recording = save
		if n == nil && k.name == "text" && k.attr["term"] != "" {
			// a term substitutes even when it is empty
			return nil
		}
		if n != nil {
			if c.suppressed == nil {
				c.suppressed = map[string]bool{}
			}
			for _, v := range rec {
				c.suppressed[v] = true
			}
			if save != nil {
				*save = append(*save, rec...)
			}
			n = applyFmt(n, &e.f, c.lc, true)
			if n != nil && n.tag != tagNames && c.mode != "sort" {
				n = &node{kids: []*node{n}, tag: tagNames, names: []string{n.plain()}}
			}
			return n
		}
	}
	return nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func sameNames(a, b []Name) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			if a[i].Family != b[i].Family || a[i].Given != b[i].Given || a[i].Literal != b[i].Literal {
				return false
			}
		}
	}
	return true
}

// formatNameList renders one name variable; it returns the node, the
// rendered names' text and the number of names shown.
func (c *ctx) formatNameList(names []Name, o nameOpts, etAlEl *element, variable string, vi int) (*node, []string, int) {
	total := len(names)
	shown := total
	etAl := false
	if o.etAlMin > 0 && o.etAlUseFirst == 0 && total >= o.etAlMin {
		// et-al-use-first="0": no names at all
		return nil, nil, 0
	}
	if o.etAlMin > 0 && o.etAlUseFirst > 0 && total >= o.etAlMin {
		shown = o.etAlUseFirst
		etAl = true
	}
	if c.mode == "citation" && c.it.addNames > 0 && etAl {
		shown = c.it.addNames
		if shown >= total {
			shown = total
			etAl = false
		}
	}
	if shown > total {
		shown = total
	}
	useLast := etAl && o.etAlUseLast && total >= shown+2
	if o.form == "count" {
		return nil, nil, shown
	}
	var nodes []*node
	var strs []string
	for i := 0; i < shown; i++ {
		n := &node{kids: []*node{c.formatName(names[i], o, i, variable, vi)}, tag: tagOneName}
		nodes = append(nodes, n)
		strs = append(strs, n.plain())
	}
	var out []*node
	inverted := func(i int) bool {
		return (o.asSortOrder == "all" || o.asSortOrder == "first" && i == 0) && names[i].Literal == "" && names[i].Family != "" && o.form != "short"
	}
	andTerm := ""
	if c.sortKeyMode {
		// sort keys compare name by name: no "and", a delimiter that sorts first
		o.and = ""
		o.delimiter = "\x01"
	}
	switch o.and {
	case "text":
		andTerm, _ = c.lc.term("and", "long", false, "")
	case "symbol":
		andTerm = "&"
	}
	for i, n := range nodes {
		if i > 0 {
			last := i == len(nodes)-1 && !etAl && andTerm != "" && !useLast
			if last {
				useDelim := false
				switch o.delimPrecedesLast {
				case "always":
					useDelim = true
				case "never":
					useDelim = false
				case "after-inverted-name":
					useDelim = inverted(i - 1)
				default:
					useDelim = len(nodes) >= 3
				}
				if useDelim {
					out = append(out, leaf(o.delimiter+andTerm+" "))
				} else {
					out = append(out, leaf(" "+andTerm+" "))
				}
			} else {
				out = append(out, leaf(o.delimiter))
			}
		}
		out = append(out, n)
	}
	if useLast {
		last := c.formatName(names[total-1], o, total-1, variable, vi)
		out = append(out, leaf(o.delimiter+"… "), last)
		strs = append(strs, last.plain())
	} else if etAl {
		termName := "et-al"
		var ef *fmtAttrs
		if etAlEl != nil {
			if t := etAlEl.a("term"); t != "" {
				termName = t
			}
			ef = &etAlEl.f
		}
		t, _ := c.lc.term(termName, "long", false, "")
		if t != "" {
			useDelim := false
			switch o.delimPrecedesEtAl {
			case "always":
				useDelim = true
			case "never":
				useDelim = false
			case "after-inverted-name":
				useDelim = inverted(shown - 1)
			default:
				useDelim = shown >= 2
			}
			if useDelim {
				out = append(out, leaf(o.delimiter))
			} else {
				out = append(out, leaf(" "))
			}
			tn := leaf(t)
			if ef != nil {
				tn = applyFmt(tn, ef, c.lc, true)
			}
			out = append(out, tn)
		}
	}
	n := &node{kids: out}
	if o.el != nil {
		n = applyFmt(n, &o.el.f, c.lc, true)
	}
	return n, strs, shown
}

func isRomanesque(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return false
		}
	}
	return true
}

// formatName renders one name according to the options and the item's
// given-name disambiguation level.
func (c *ctx) formatName(nm Name, o nameOpts, idx int, variable string, vi int) *node {
	if nm.Literal != "" || nm.Family == "" && nm.Given == "" {
		n := parseRich(nm.Literal)
		if o.familyPart != nil && n != nil {
			f := o.familyPart.f
			f.prefix, f.suffix = "", ""
			n = applyFmt(n, &f, c.lc, true)
		}
		return n
	}
	if nm.Family == "" {
		return leaf(nm.Given)
	}
	form := o.form
	initialize := o.initialize
	iw, hasIW := o.initializeWith, o.hasInitializeWith
	if c.mode == "citation" && c.it.givenLevel != nil {
		switch c.it.givenLevel[idx] {
		case 1:
			if form == "short" {
				form = "long"
				if !hasIW {
					// full given names
				}
			} else if hasIW {
				hasIW = false
			}
		case 2:
			form = "long"
			hasIW = false
		}
	}
	inverted := o.asSortOrder == "all" || o.asSortOrder == "first" && idx == 0
	if c.sortKeyMode {
		inverted = true
	}
	given := nm.Given
	if hasIW && given != "" {
		given = initializeGiven(given, iw, initialize, o.hyphenInit)
	}
	fam := nm.Family
	if !isRomanesque(fam + given) {
		if form == "short" {
			return c.namePart(o.familyPart, leaf(fam))
		}
		return group(c.namePart(o.familyPart, leaf(fam)), c.namePart(o.givenPart, leaf(given)))
	}
	ndp, dp := apos(nm.NonDroppingParticle), apos(nm.DroppingParticle)
	fam = apos(fam)
	given = apos(given)
	suffix := apos(nm.Suffix)
	// name-part formatting applies to each piece; name-part affixes and
	// text-case wrap the whole given or family part.
	pf := func(part *element, t string) *node {
		if t == "" {
			return nil
		}
		n := parseRich(t)
		if part == nil {
			return n
		}
		f := part.f
		f.prefix, f.suffix = "", ""
		if t == dp && part == o.givenPart && t != given {
			f.textCase = ""
		}
		return applyFmt(n, &f, c.lc, true)
	}
	wrap := func(part *element, ns ...*node) *node {
		var ks []*node
		for i, n := range ns {
			if n == nil {
				continue
			}
			if len(ks) > 0 && n.text != "" && ns[i-1] != nil {
				// spacing handled by callers
			}
			ks = append(ks, n)
		}
		if len(ks) == 0 {
			return nil
		}
		n := &node{kids: ks}
		if part == nil {
			return n
		}
		f := fmtAttrs{prefix: part.f.prefix, suffix: part.f.suffix}
		return applyFmt(n, &f, c.lc, true)
	}
	spaced := func(ns ...*node) []*node {
		var out []*node
		var prevText string
		for _, n := range ns {
			if n == nil || n.isEmpty() {
				continue
			}
			if len(out) > 0 {
				if !(strings.HasSuffix(prevText, "'") || strings.HasSuffix(prevText, "’") || strings.HasSuffix(prevText, "-") || strings.HasSuffix(prevText, "\u00a0")) {
					out = append(out, leaf(" "))
				}
			}
			out = append(out, n)
			prevText = n.plain()
		}
		return out
	}
	if form == "short" {
		return wrap(o.familyPart, spaced(pf(o.familyPart, ndp), pf(o.familyPart, fam))...)
	}
	if !inverted {
		g := wrap(o.givenPart, pf(o.givenPart, given))
		famParts := spaced(pf(o.givenPart, dp), pf(o.familyPart, ndp), pf(o.familyPart, fam))
		if suffix != "" {
			if nm.CommaSuffix {
				famParts = append(famParts, leaf(", "+suffix))
			} else {
				famParts = append(famParts, leaf(" "+suffix))
			}
		}
		f := wrap(o.familyPart, famParts...)
		return group(spaced(g, f)...)
	}
	sortSep := o.sortSeparator
	demote := o.demote == "display-and-sort" || c.sortKeyMode && o.demote == "sort-only"
	var f, g *node
	if demote {
		f = wrap(o.familyPart, pf(o.familyPart, fam))
		g = wrap(o.givenPart, spaced(pf(o.givenPart, given), pf(o.givenPart, dp), pf(o.familyPart, ndp))...)
	} else {
		f = wrap(o.familyPart, spaced(pf(o.familyPart, ndp), pf(o.familyPart, fam))...)
		g = wrap(o.givenPart, spaced(pf(o.givenPart, given), pf(o.givenPart, dp))...)
	}
	parts := []*node{f}
	if g != nil && !g.isEmpty() {
		parts = append(parts, leaf(sortSep), g)
	}
	if suffix != "" {
		parts = append(parts, leaf(sortSep+suffix))
	}
	return &node{kids: parts}
}

func apos(s string) string {
	return strings.ReplaceAll(s, "'", "’")
}

func spAfter(p string) string {
	if strings.HasSuffix(p, "'") || strings.HasSuffix(p, "’") || strings.HasSuffix(p, "-") {
		return ""
	}
	return " "
}

func (c *ctx) namePart(e *element, n *node) *node {
	if e == nil || n == nil {
		return n
	}
	return applyFmt(n, &e.f, c.lc, true)
}

// initializeGiven turns given names into initials ("John Edward" with "."
// gives "J.E."); with initialize false, only existing initials are
// normalised.
func initializeGiven(given, iw string, initialize, hyphen bool) string {
	type tok struct {
		s   string
		sep string // separator before: "", " ", "-"
	}
	var toks []tok
	sep := ""
	cur := ""
	flush := func() {
		if cur != "" {
			toks = append(toks, tok{cur, sep})
			cur = ""
		}
	}
	for _, r := range given {
		switch {
		case r == ' ':
			flush()
			sep = " "
		case r == '-' || r == '‐':
			flush()
			sep = "-"
		case r == '.':
			cur += "."
			flush()
			sep = " "
		default:
			if cur == "" && len(toks) > 0 && sep == "" {
				sep = " "
			}
			cur += string(r)
		}
	}
	flush()
	var b strings.Builder
	prevInit := false
	for i, t := range toks {
		s := strings.TrimSuffix(t.s, ".")
		rs := []rune(s)
		if len(rs) == 0 {
			continue
		}
		abbrev := strings.HasSuffix(t.s, ".")
		lower := unicode.IsLower(rs[0])
		if lower && t.sep == "-" && initialize {
			// a lowercase part after a hyphen is dropped ("G-ping" -> "G.")
			continue
		}
		isInit := len(rs) == 1 || abbrev
		if isInit || initialize && !lower {
			var out string
			if abbrev && len(rs) > 1 {
				out = s + iw
			} else if !isInit && len(rs) >= 3 && unicode.IsUpper(rs[0]) && unicode.IsUpper(rs[1]) && unicode.IsLower(rs[2]) {
				// "TSerendorjiin" -> "Ts."
				out = string(rs[0]) + string(unicode.ToLower(rs[1])) + iw
			} else {
				out = string(unicode.ToUpper(rs[0])) + iw
			}
			if i > 0 && b.Len() > 0 {
				if t.sep == "-" {
					if hyphen {
						str := strings.TrimRight(b.String(), " ")
						b.Reset()
						b.WriteString(str + "-")
					}
				} else if !prevInit || !strings.HasSuffix(b.String(), " ") && !strings.HasSuffix(iw, " ") && iw == "" {
					if !prevInit {
						b.WriteString(" ")
					}
				}
			}
			b.WriteString(out)
			prevInit = true
		} else {
			if i > 0 && b.Len() > 0 {
				if t.sep == "-" {
					str := strings.TrimRight(b.String(), " ")
					b.Reset()
					b.WriteString(str + "-")
				} else if !strings.HasSuffix(b.String(), " ") {
					b.WriteString(" ")
				}
			}
			b.WriteString(t.s)
			prevInit = false
		}
	}
	return strings.TrimRight(b.String(), " ")
}

func allUpperWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
