package csl

// renderGroup renders cs:group: its children joined by its delimiter, or
// nothing when it calls variables and all of them are empty.
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
