package csl

// itemState is the per-item state of one Cite or Bibliography run.
type itemState struct {
	item           *Item
	index          int // registration order
	citationNumber int
	yearSuffix     int // 0: none; 1: a, 2: b...
	addNames       int // disambiguation: names to show (0: style's choice)
	givenLevel     map[int]int
	disambLevel    int // how many disambiguate="true" tests hold (in style order)
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
	namesSeen      bool
	sortNames      *sortNameOpts
	sortKeyMode    bool
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

// suppress marks a variable as used up (by substitution): it renders as
// empty for the rest of the cite or entry.
func (c *ctx) suppress(v string) {
	if c.suppressed == nil {
		c.suppressed = map[string]bool{}
	}
	c.suppressed[v] = true
}

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
