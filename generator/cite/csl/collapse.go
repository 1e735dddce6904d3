package csl

import "strconv"

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
		groupDelim, ok := cit.attr["cite-group-delimiter"]
		if !ok {
			groupDelim = ", "
		}
		ysDelim, ok := cit.attr["year-suffix-delimiter"]
		if !ok {
			ysDelim = delim
		}
		// group cites with the same names, keeping first-appearance order
		var order []string
		groups := map[string][]*renderedCite{}
		for _, c := range cs {
			k := c.names
			if k == "" {
				k = "\x00" + strconv.Itoa(len(order))
			}
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], c)
		}
		prevCollapsed := false
		for _, k := range order {
			g := groups[k]
			sep := delim
			if prevCollapsed {
				sep = afterDelim
			}
			if len(g) == 1 {
				emit(g[0].n, sep)
				prevCollapsed = false
				continue
			}
			parts := []*node{g[0].n}
			prevDate := dateText(g[0])
			prevSuffix := g[0].st.yearSuffix
			var rangeStart *node
			lastSuffixNode := (*node)(nil)
			runLen := 0
			for _, c := range g[1:] {
				sub := r.renderCite(c.st, c.ci, c.info, layout, true)
				d := dateText(c)
				if mode != "year" && d != "" && d == prevDate && c.st.yearSuffix > 0 && prevSuffix > 0 && c.ci.Locator == "" {
					ys := findTag(sub.n, tagYearSuffix)
					if ys != nil {
						ysn := leaf(ys.text)
						if mode == "year-suffix-ranged" && c.st.yearSuffix == prevSuffix+1 {
							if runLen == 0 {
								rangeStart = parts[len(parts)-1]
							}
							runLen++
							lastSuffixNode = ysn
							prevSuffix = c.st.yearSuffix
							_ = rangeStart
							if runLen >= 2 {
								// replace the last element with a range
								parts[len(parts)-1] = group(leaf("–"), ysn)
								continue
							}
							parts = append(parts, leaf(ysDelim), ysn)
							continue
						}
						runLen = 0
						parts = append(parts, leaf(ysDelim), ysn)
						prevSuffix = c.st.yearSuffix
						continue
					}
				}
				runLen = 0
				_ = lastSuffixNode
				parts = append(parts, leaf(groupDelim), sub.n)
				prevDate = d
				prevSuffix = c.st.yearSuffix
			}
			// fix ranges: "a, b, c" -> "a–c" handled above by replacing; remove a delimiter before a range
			emit(fixRanges(parts, ysDelim), sep)
			prevCollapsed = true
		}
	default:
		for _, c := range cs {
			emit(c.n, delim)
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

// fixRanges turns [x, delim, b, rangeMarker(–c)] into [x, –c] forms.
func fixRanges(parts []*node, ysDelim string) *node {
	var out []*node
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if len(p.kids) == 2 && p.kids[0].text == "–" && len(out) >= 2 && out[len(out)-1].text == ysDelim {
			// a range after "a, b": drop ", b" when the run is longer than two
			out = out[:len(out)-2]
			out = append(out, p)
			continue
		}
		out = append(out, p)
	}
	return &node{kids: out}
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
