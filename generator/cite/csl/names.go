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
	o.etAlUseFirst = atoi(get("et-al-use-first", "", "0"))
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
	vars := strings.Fields(e.a("variable"))
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
			np.labelFirst = !seenName
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
			if contains(vars, other) && sameNames(names, c.it.item.Names[other]) && !c.suppressed[other] {
				termName = "editortranslator"
				used[other] = true
			}
		}
		n, strs, shown := c.formatNameList(names, opts, np.etAl, v, vi)
		count += shown
		allNames = append(allNames, strs...)
		if np.label != nil && opts.form != "count" {
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
		lit := nm.Literal
		return parseRich(lit)
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
	famNode := c.namePart(o.familyPart, parseRich(fam))
	sp := func(p string) string {
		if strings.HasSuffix(p, "'") || strings.HasSuffix(p, "’") || strings.HasSuffix(p, "-") {
			return p
		}
		return p + " "
	}
	var parts []*node
	add := func(ns ...*node) {
		for _, n := range ns {
			if n != nil && !n.isEmpty() {
				parts = append(parts, n)
			}
		}
	}
	ndp, dp := nm.NonDroppingParticle, nm.DroppingParticle
	if form == "short" {
		if ndp != "" {
			if o.familyPart != nil {
				return c.namePart(o.familyPart, group(leaf(sp(ndp)), parseRich(fam)))
			}
			return group(leaf(sp(ndp)), famNode)
		}
		return famNode
	}
	if !inverted {
		var givenNode *node
		gtxt := given
		if dp != "" {
			if gtxt != "" {
				givenNode = c.namePart(o.givenPart, group(leaf(gtxt+" "), leaf(dp)))
			} else {
				givenNode = c.namePart(o.givenPart, leaf(dp))
			}
		} else if gtxt != "" {
			givenNode = c.namePart(o.givenPart, leaf(gtxt))
		}
		if givenNode != nil {
			if dp != "" {
				add(givenNode, leaf(spAfter(dp)))
			} else {
				add(givenNode, leaf(" "))
			}
		}
		if ndp != "" {
			if o.familyPart != nil {
				famNode = c.namePart(o.familyPart, group(leaf(sp(ndp)), parseRich(fam)))
			} else {
				add(leaf(sp(ndp)))
			}
		}
		add(famNode)
		if nm.Suffix != "" {
			if nm.CommaSuffix {
				add(leaf(", " + nm.Suffix))
			} else {
				add(leaf(" " + nm.Suffix))
			}
		}
		return &node{kids: parts}
	}
	sortSep := o.sortSeparator
	demote := o.demote == "display-and-sort" || c.sortKeyMode && o.demote == "sort-only"
	if !demote && ndp != "" {
		if o.familyPart != nil {
			famNode = c.namePart(o.familyPart, group(leaf(sp(ndp)), parseRich(fam)))
		} else {
			famNode = group(leaf(sp(ndp)), famNode)
		}
	}
	add(famNode)
	var gparts []*node
	if given != "" {
		gparts = append(gparts, c.namePart(o.givenPart, leaf(given)))
	}
	if dp != "" {
		if len(gparts) > 0 {
			gparts = append(gparts, leaf(" "))
		}
		gparts = append(gparts, leaf(dp))
	}
	if demote && ndp != "" {
		if len(gparts) > 0 {
			gparts = append(gparts, leaf(" "))
		}
		gparts = append(gparts, leaf(ndp))
	}
	if len(gparts) > 0 {
		add(leaf(sortSep))
		parts = append(parts, gparts...)
	}
	if nm.Suffix != "" {
		add(leaf(sortSep + nm.Suffix))
	}
	return &node{kids: parts}
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
		isInit := len(rs) == 1 || (strings.HasSuffix(t.s, ".") && len(rs) <= 2) || allUpperWord(s) && len(rs) <= 3
		lower := len(rs) > 0 && unicode.IsLower(rs[0])
		var out string
		if isInit || initialize && !lower {
			if allUpperWord(s) && len(rs) > 1 && len(rs) <= 3 && !strings.HasSuffix(t.s, ".") {
				// "JE" -> "J.E."
				var ib strings.Builder
				for _, r := range rs {
					ib.WriteString(string(r) + iw)
				}
				out = ib.String()
			} else if len(rs) > 0 {
				first := string(unicode.ToUpper(rs[0]))
				if strings.HasPrefix(s, "Th") || strings.HasPrefix(s, "Ch") && false {
					first = string(rs[0])
				}
				out = first + iw
			}
			if i > 0 {
				if t.sep == "-" {
					if hyphen {
						b.WriteString(strings.TrimRight(b.String()[0:0], " "))
						str := strings.TrimRight(b.String(), " ")
						b.Reset()
						b.WriteString(str)
						b.WriteString("-")
					}
				} else if !prevInit {
					b.WriteString(" ")
				}
			}
			b.WriteString(out)
			prevInit = true
		} else {
			if i > 0 {
				if t.sep == "-" {
					str := strings.TrimRight(b.String(), " ")
					b.Reset()
					b.WriteString(str + "-")
				} else if !prevInit || !strings.HasSuffix(b.String(), " ") {
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
