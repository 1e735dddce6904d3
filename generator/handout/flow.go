package handout

// item is the unit of pagination: a line of text, a table row, an image,
// a box. Items are laid out top to bottom; a page break can fall between
// two items, never inside one.
type item struct {
	h      float64 // height
	before float64 // space above it, dropped at the top of a page
	// keep keeps it on the same page as the next item: a heading with
	// the first lines of its section, the first two and the last two
	// lines of a paragraph (no orphans, no widows), a table's header
	// with its first row.
	keep bool
	// draw draws it with its top at y.
	draw func(d *drawer, y float64)

	// For the layout log (see layoutLog): the block it is part of, what
	// kind of block that is, and its first words.
	block int
	kind  string
	label string
}

// placed is an item at its place on a page.
type placed struct {
	*item
	y float64
}

// flow cuts items into pages whose body runs from top to bottom (the
// first page's from firstTop). A chain of items kept together moves to
// the next page whole when it does not fit in what is left of this one,
// unless it would not fit on a page of its own either: then it is cut
// where it must be.
func flow(items []item, firstTop, top, bottom float64) [][]placed {
	pages := [][]placed{nil}
	y, pageTop := firstTop, firstTop
	newPage := func() {
		pages = append(pages, nil)
		y, pageTop = top, top
	}
	for i := range items {
		it := &items[i]
		empty := y == pageTop
		// The height of the chain this item starts (or continues).
		chain := it.h
		if !empty {
			chain += it.before
		}
		for j := i; items[j].keep && j+1 < len(items); j++ {
			chain += items[j+1].before + items[j+1].h
		}
		if !empty && y+chain > bottom && chain <= bottom-top {
			newPage()
			empty = true
		}
		if !empty && y+it.before+it.h > bottom {
			newPage()
			empty = true
		}
		if !empty {
			y += it.before
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], placed{item: it, y: y})
		y += it.h
	}
	return pages
}
