package csl

import (
	"fmt"
	"strconv"
)

type datePart struct {
	name string
	el   *element // the date-part element giving form and range-delimiter
	f    fmtAttrs // merged formatting
	attr map[string]string
}

// dateParts returns the date-part list of a cs:date, resolving localized
// forms and the style's overrides.
func (c *ctx) dateParts(e *element) ([]datePart, string, *element) {
	form := e.a("form")
	var parts []datePart
	delim := e.a("delimiter")
	var loc *element
	if form != "" {
		loc = c.lc.dates[form]
		if loc == nil {
			return nil, "", nil
		}
		want := e.a("date-parts")
		if want == "" {
			want = "year-month-day"
		}
		delim = loc.a("delimiter")
		for _, dp := range loc.kids {
			if dp.name != "date-part" {
				continue
			}
			n := dp.a("name")
			if n == "day" && want != "year-month-day" || n == "month" && want == "year" {
				continue
			}
			attr := map[string]string{}
			for k, v := range dp.attr {
				attr[k] = v
			}
			for _, o := range e.kids {
				if o.name == "date-part" && o.a("name") == n {
					for k, v := range o.attr {
						if k == "prefix" || k == "suffix" {
							continue
						}
						attr[k] = v
					}
				}
			}
			parts = append(parts, datePart{name: n, el: dp, f: parseFmt(attr), attr: attr})
		}
	} else {
		for _, dp := range e.kids {
			if dp.name == "date-part" {
				parts = append(parts, datePart{name: dp.a("name"), el: dp, f: dp.f, attr: dp.attr})
			}
		}
	}
	return parts, delim, loc
}

func (c *ctx) renderDate(e *element) *node {
	v := e.a("variable")
	c.called++
	if c.suppressed[v] {
		return nil
	}
	d := c.it.item.Dates[v]
	if d == nil {
		return nil
	}
	if c.recording != nil {
		*c.recording = append(*c.recording, v)
	}
	if c.sortKeyMode {
		c.rendered++
		parts, _, _ := c.dateParts(e)
		has := map[string]bool{}
		for _, p := range parts {
			has[p.name] = true
		}
		md := *d
		md.Parts = nil
		for _, p := range d.Parts {
			q := make([]int, len(p))
			copy(q, p)
			if len(q) > 1 && !has["month"] {
				q[1] = 0
			}
			if len(q) > 2 && !has["day"] {
				q[2] = 0
			}
			md.Parts = append(md.Parts, q)
		}
		return leaf(dateSortKey(&md))
	}
	if len(d.Parts) == 0 || d.Parts[0][0] == 0 && len(d.Parts[0]) == 1 {
		if d.Literal != "" {
			c.rendered++
			return applyFmt(parseRich(d.Literal), &e.f, c.lc, true)
		}
		if d.Season == "" {
			return nil
		}
	}
	parts, delim, loc := c.dateParts(e)
	if len(parts) == 0 {
		return nil
	}
	from := d.Parts[0]
	var to []int
	open := false
	if len(d.Parts) > 1 {
		to = d.Parts[1]
		if len(to) == 0 || to[0] == 0 {
			open = len(to) > 0
			to = nil
		} else if equalInts(from, to) {
			to = nil
		}
	}
	var n *node
	if to == nil {
		n = c.renderDateParts(parts, from, d, delim, true, true, v)
		if open && n != nil {
			rd := "–"
			for _, p := range parts {
				if p.name == "year" {
					if x, ok := p.attr["range-delimiter"]; ok {
						rd = x
					}
				}
			}
			n = group(n, leaf(rd))
		}
	} else {
		n = c.renderDateRange(parts, from, to, d, delim, v)
	}
	if n == nil {
		return nil
	}
	c.rendered++
	if loc != nil && (loc.f.prefix != "" || loc.f.suffix != "") {
		lf := fmtAttrs{prefix: loc.f.prefix, suffix: loc.f.suffix}
		n = applyFmt(n, &lf, c.lc, false)
	}
	n = applyFmt(n, &e.f, c.lc, true)
	if n != nil {
		n = &node{kids: []*node{n}, tag: tagDate}
	}
	return n
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func partValue(p []int, name string) int {
	switch name {
	case "year":
		if len(p) > 0 {
			return p[0]
		}
	case "month":
		if len(p) > 1 {
			return p[1]
		}
	case "day":
		if len(p) > 2 {
			return p[2]
		}
	}
	return 0
}

func (c *ctx) renderDateParts(parts []datePart, dp []int, d *Date, delim string, keepFirstPrefix, keepLastSuffix bool, variable string) *node {
	var out []*node
	var rendered []int
	for i, p := range parts {
		n := c.renderDatePart(p, dp, d, variable)
		if n == nil {
			continue
		}
		out = append(out, n)
		rendered = append(rendered, i)
	}
	if len(out) == 0 {
		return nil
	}
	var nodes []*node
	for j, n := range out {
		p := parts[rendered[j]]
		f := p.f
		f.display = ""
		if j == 0 && !keepFirstPrefix {
			f.prefix = ""
		}
		if j == len(out)-1 && !keepLastSuffix {
			f.suffix = ""
		}
		nodes = append(nodes, applyFmt(n, &f, c.lc, true))
	}
	return join(nodes, delim)
}

func (c *ctx) renderDatePart(p datePart, dp []int, d *Date, variable string) *node {
	form := p.attr["form"]
	switch p.name {
	case "year":
		y := partValue(dp, "year")
		if y == 0 {
			return nil
		}
		var s string
		switch {
		case y < 0:
			bc, _ := c.lc.term("bc", "long", false, "")
			s = strconv.Itoa(-y) + bc
		case form == "short":
			s = fmt.Sprintf("%02d", y%100)
		case y < 1000:
			ad, _ := c.lc.term("ad", "long", false, "")
			s = strconv.Itoa(y) + ad
		default:
			s = strconv.Itoa(y)
		}
		n := leaf(s)
		if variable == "issued" && c.it.yearSuffix > 0 && !c.r.p.usesYearSuffix && !c.yearSuffixUsed && c.mode != "sort" {
			c.yearSuffixUsed = true
			return group(n, &node{text: yearSuffixLetters(c.it.yearSuffix), tag: tagYearSuffix})
		}
		return n
	case "month":
		m := partValue(dp, "month")
		if m == 0 && d.Season != "" && len(dp) < 2 {
			s := d.Season
			if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 4 {
				t, _ := c.lc.term("season-0"+s, "long", false, "")
				return leaf(t)
			}
			return leaf(s)
		}
		if m == 0 {
			return nil
		}
		if m >= 13 && m <= 24 {
			t, _ := c.lc.term("season-0"+strconv.Itoa((m-13)%4+1), "long", false, "")
			return leaf(t)
		}
		if m > 12 {
			return nil
		}
		switch form {
		case "numeric":
			return leaf(strconv.Itoa(m))
		case "numeric-leading-zeros":
			return leaf(fmt.Sprintf("%02d", m))
		case "short":
			t, _ := c.lc.term("month-"+twoDigits(m), "short", false, "")
			return leaf(t)
		default:
			t, _ := c.lc.term("month-"+twoDigits(m), "long", false, "")
			return leaf(t)
		}
	case "day":
		day := partValue(dp, "day")
		if m := partValue(dp, "month"); day == 0 || m < 1 || m > 12 {
			return nil
		}
		switch form {
		case "numeric-leading-zeros":
			return leaf(fmt.Sprintf("%02d", day))
		case "ordinal":
			if c.lc.limitOrdinals && day != 1 {
				return leaf(strconv.Itoa(day))
			}
			gender := c.lc.termGender("month-" + twoDigits(partValue(dp, "month")))
			return leaf(strconv.Itoa(day) + c.ordinalSuffix(day, gender))
		default:
			return leaf(strconv.Itoa(day))
		}
	}
	return nil
}

func (c *ctx) renderDateRange(parts []datePart, from, to []int, d *Date, delim, variable string) *node {
	level := ""
	switch {
	case partValue(from, "year") != partValue(to, "year"):
		level = "year"
	case partValue(from, "month") != partValue(to, "month"):
		level = "month"
	default:
		level = "day"
	}
	rangeDelim := "–"
	for _, p := range parts {
		if p.name == level {
			if rd, ok := p.attr["range-delimiter"]; ok {
				rangeDelim = rd
			}
		}
	}
	// only the parts being shown
	var shown []datePart
	for _, p := range parts {
		if partValue(from, p.name) != 0 || p.name == "month" && d.Season != "" {
			shown = append(shown, p)
		}
	}
	inRange := func(name string) bool {
		switch level {
		case "year":
			return true
		case "month":
			return name == "month" || name == "day"
		}
		return name == "day"
	}
	lo, hi := -1, -1
	for i, p := range shown {
		if inRange(p.name) {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	if lo < 0 {
		return c.renderDateParts(parts, from, d, delim, true, true, variable)
	}
	var out []*node
	if lo > 0 {
		out = append(out, c.renderDateParts(shown[:lo], from, d, delim, true, true, variable))
		if delim != "" {
			out = append(out, leaf(delim))
		}
	}
	a := c.renderDateParts(shown[lo:hi+1], from, d, delim, true, false, variable)
	saved := c.yearSuffixUsed
	c.yearSuffixUsed = true
	b := c.renderDateParts(shown[lo:hi+1], to, d, delim, false, true, variable)
	c.yearSuffixUsed = saved
	out = append(out, a, leaf(rangeDelim), b)
	if hi < len(shown)-1 {
		if delim != "" {
			out = append(out, leaf(delim))
		}
		out = append(out, c.renderDateParts(shown[hi+1:], from, d, delim, true, true, variable))
	}
	return group(out...)
}

// dateSortKey gives a sortable string for a date (ranges sort by start).
func dateSortKey(d *Date) string {
	if len(d.Parts) == 0 {
		if d.Literal != "" {
			return "0" + d.Literal
		}
		return ""
	}
	p := d.Parts[0]
	y, m, dd := partValue(p, "year"), partValue(p, "month"), partValue(p, "day")
	key := fmt.Sprintf("%06d%02d%02d", y+100000, m, dd)
	if len(d.Parts) > 1 {
		q := d.Parts[1]
		key += fmt.Sprintf("%06d%02d%02d", partValue(q, "year")+100000, partValue(q, "month"), partValue(q, "day"))
	}
	return key
}
