package csl

import "strings"

// collapse joins the rendered cites of a cluster, collapsing citation
// numbers into ranges or repeated authors' years as the style asks.
func (r *run) collapse(cs []*renderedCite, cit, layout *element) *node {
	delim := layout.a("delimiter")
	mode := cit.a("collapse")
	afterDelim, ok := cit.attr["after-collapse-delimiter"]
	if !ok {
		afterDelim = delim
	}
	var items []*node
	var seps []string
	emit := func(n *node, sep string) {
		if n == nil {
			return
		}
		if len(items) > 0 {
			seps = append(seps, sep)
		}
		items = append(items, n)
	}
	switch mode {
	case "citation-number":
		i := 0
		for i < len(cs) {
			j := i
			for j+1 < len(cs) && cs[j+1].st.citationNumber == cs[j].st.citationNumber+1 &&
				plainCite(cs[j+1]) && plainCite(cs[j]) {
				j++
			}
			sep := delim
			if i > 0 && len(items) > 0 && collapsedPrev(cs, i) {
				sep = afterDelim
			}
			if j-i >= 2 {
				emit(group(cs[i].n, leaf("–"), cs[j].n), sep)
				i = j + 1
			} else {
				emit(cs[i].n, sep)
				i++
			}
		}
	case "year", "year-suffix", "year-suffix-ranged":
		groupDelim, explicit := cit.attr["cite-group-delimiter"]
		if !explicit {
			// citeproc-js: ", " when the citation is sorted, else the layout's
			groupDelim = delim
			if cit.child("sort") != nil {
				groupDelim = ", "
			}
		}
		ysDelim, ok := cit.attr["year-suffix-delimiter"]
		if !ok {
			ysDelim = delim
			if explicit {
				ysDelim = groupDelim
			}
		}
		var prevGroup []*renderedCite
		for _, g := range citeGroups(cs, cit.child("sort") != nil, true) {
			// the after-collapse delimiter follows a collapsed group or a locator
			sep := delim
			if len(prevGroup) > 1 || len(prevGroup) == 1 && prevGroup[0].ci.Locator != "" {
				sep = afterDelim
			}
			prevGroup = g
			if len(g) == 1 {
				emit(g[0].n, sep)
				continue
			}
			type ent struct {
				n          *node
				sep        string
				suffix     int
				suffixOnly bool
			}
			ents := []ent{{n: g[0].n, suffix: g[0].st.yearSuffix}}
			prev := g[0]
			for _, c := range g[1:] {
				sub := r.renderCite(c.st, c.ci, c.info, layout, true)
				if mode != "year" && c.st.yearSuffix > 0 && prev.st.yearSuffix > 0 && c.ci.Locator == "" && dateText(c) == dateText(prev) {
					if ys := findTag(sub.n, tagYearSuffix); ys != nil {
						ents = append(ents, ent{n: leaf(ys.text), sep: ysDelim, suffix: c.st.yearSuffix, suffixOnly: true})
						prev = c
						continue
					}
				}
				if sub.n == nil || sub.n.isEmpty() {
					continue
				}
				gd := groupDelim
				if prev.ci.Locator != "" {
					// after a cite with a locator, the after-collapse delimiter
					gd = afterDelim
				}
				ents = append(ents, ent{n: sub.n, sep: gd, suffix: c.st.yearSuffix})
				prev = c
			}
			if mode == "year-suffix-ranged" {
				var out []ent
				for i := 0; i < len(ents); {
					j := i
					for j+1 < len(ents) && ents[j+1].suffixOnly && ents[j+1].suffix == ents[j].suffix+1 && ents[j].suffix > 0 {
						j++
					}
					out = append(out, ents[i])
					if j-i >= 2 {
						out = append(out, ent{n: ents[j].n, sep: "–"})
					} else {
						for k := i + 1; k <= j; k++ {
							out = append(out, ents[k])
						}
					}
					i = j + 1
				}
				ents = out
			}
			ks := []*node{ents[0].n}
			for _, e := range ents[1:] {
				ks = append(ks, leaf(e.sep), e.n)
			}
			emit(&node{kids: ks}, sep)
		}
	case "":
		groupDelim, ok := cit.attr["cite-group-delimiter"]
		if !ok {
			for _, c := range cs {
				emit(c.n, delimBefore(c, delim))
			}
			break
		}
		for _, g := range citeGroups(cs, cit.child("sort") != nil, false) {
			ks := []*node{g[0].n}
			for _, c := range g[1:] {
				ks = append(ks, leaf(groupDelim), c.n)
			}
			emit(&node{kids: ks}, delim)
		}
	default:
		for _, c := range cs {
			emit(c.n, delimBefore(c, delim))
		}
	}
	if len(items) == 0 {
		return nil
	}
	out := []*node{items[0]}
	for i, n := range items[1:] {
		if seps[i] != "" {
			out = append(out, leaf(seps[i]))
		}
		out = append(out, n)
	}
	return &node{kids: out}
}

// citeGroups groups cites with the same rendered names: adjacent ones, or
// all of them (at the place of the first) when the citation is sorted.
func citeGroups(cs []*renderedCite, all, emptyToo bool) [][]*renderedCite {
	var out [][]*renderedCite
	for _, c := range cs {
		if c.names != "" || emptyToo && c.ci.Prefix == "" && c.ci.Suffix == "" {
			if all {
				found := false
				for i := range out {
					if out[i][0].names == c.names {
						out[i] = append(out[i], c)
						found = true
						break
					}
				}
				if found {
					continue
				}
			} else if n := len(out); n > 0 && out[n-1][0].names == c.names {
				out[n-1] = append(out[n-1], c)
				continue
			}
		}
		out = append(out, []*renderedCite{c})
	}
	return out
}

// delimBefore is the delimiter before a cite: none when the cite's prefix
// starts with punctuation; without its punctuation when the previous
// cite's suffix ends with some.
func delimBefore(c *renderedCite, delim string) string {
	if p := c.ci.Prefix; p != "" && strings.ContainsRune(",.;:", rune(p[0])) {
		return ""
	}
	if c.prev != nil {
		if s := strings.TrimRight(c.prev.ci.Suffix, " "); s != "" && strings.ContainsRune(",.;:!?", lastRune(s)) {
			return strings.TrimLeft(delim, ",.;:")
		}
	}
	return delim
}

func plainCite(c *renderedCite) bool {
	return c.ci.Locator == "" && c.ci.Prefix == "" && c.ci.Suffix == ""
}

func collapsedPrev(cs []*renderedCite, i int) bool {
	return i >= 3 && cs[i-1].st.citationNumber == cs[i-3].st.citationNumber+2
}

func dateText(c *renderedCite) string {
	d := findTag(c.n, tagDate)
	if d == nil {
		return ""
	}
	cp := d.clone()
	for _, l := range collectTag(cp, tagYearSuffix, nil) {
		l.text = ""
	}
	return cp.plain()
}
