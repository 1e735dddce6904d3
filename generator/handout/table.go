package handout

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

const (
	tableSize = 9.5
	cellPad   = 4
)

// table lays out a GFM table: columns as wide as their text needs, shrunk
// in proportion when the page is too narrow for all of them; each row an
// item, the header kept with the first row and printed bold, a rule in
// the brand colour under it and a thin black rule under each row.
func (l *layout) table(t *east.Table, indent float64) {
	var rows [][][]run
	header := 0
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		st := style(0)
		if r.Kind() == east.KindTableHeader {
			st = styleBold
			header++
		}
		var cells [][]run
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			in := &inliner{l: l}
			in.image = func(img *ast.Image) {
				l.warn(img.Pos(), "an image inside a table is left out of the PDF handout: put it in a paragraph of its own")
			}
			in.inlines(c, st, "")
			cells = append(cells, in.runs)
		}
		rows = append(rows, cells)
	}
	cols := len(t.Alignments)
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := l.columnWidths(rows, cols, l.width()-indent)
	id := l.block()
	for i, cells := range rows {
		isHeader := i < header
		broken := make([][]line, cols)
		h := 0.0
		label := ""
		for c := range cols {
			var runs []run
			if c < len(cells) {
				runs = cells[c]
			}
			broken[c] = l.breakLines(runs, tableSize, widths[c]-2*cellPad)
			h = max(h, float64(len(broken[c]))*tableSize*leading)
			if c == 0 && len(broken[c]) > 0 {
				label = broken[c][0].text()
			}
		}
		h += 2 * cellPad
		it := item{h: h, keep: isHeader, block: id, kind: "table", label: label}
		if i == 0 {
			it.before = paragraphGap + 2
		}
		it.draw = func(d *drawer, y float64) {
			x := marginSide + indent
			for c := range cols {
				for k, ln := range broken[c] {
					off := float64(cellPad)
					switch alignment(t, c) {
					case east.AlignRight:
						off = widths[c] - cellPad - ln.w
					case east.AlignCenter:
						off = (widths[c] - ln.w) / 2
					}
					d.line(ln, x+off, y+cellPad+float64(k)*tableSize*leading+baseline(tableSize), black)
				}
				x += widths[c]
			}
			total := 0.0
			for _, w := range widths {
				total += w
			}
			if isHeader {
				d.rule(marginSide+indent, marginSide+indent+total, y+h, 1.2, l.brand)
			} else {
				d.rule(marginSide+indent, marginSide+indent+total, y+h, 0.4, black)
			}
		}
		l.add(it)
	}
}

// alignment returns column c's alignment.
func alignment(t *east.Table, c int) east.Alignment {
	if c < len(t.Alignments) {
		return t.Alignments[c]
	}
	return east.AlignNone
}

// columnWidths shares width among the columns: each gets what its widest
// cell needs on one line when all fit; otherwise each gets its longest
// word, and the rest is shared in proportion to what each needs beyond
// that.
func (l *layout) columnWidths(rows [][][]run, cols int, width float64) []float64 {
	need := make([]float64, cols)    // the widest cell on one line
	atLeast := make([]float64, cols) // the longest word
	for _, cells := range rows {
		for c, runs := range cells {
			if c >= cols {
				break
			}
			for _, w := range l.words(runs, tableSize) {
				atLeast[c] = max(atLeast[c], w.w+2*cellPad)
			}
			if ln := l.breakLines(runs, tableSize, 1e9); len(ln) > 0 {
				for _, x := range ln {
					need[c] = max(need[c], x.w+2*cellPad)
				}
			}
		}
	}
	var sumNeed, sumLeast float64
	for c := range cols {
		need[c] = max(need[c], 2*cellPad+tableSize)
		atLeast[c] = min(max(atLeast[c], 2*cellPad+tableSize), need[c])
		sumNeed += need[c]
		sumLeast += atLeast[c]
	}
	widths := make([]float64, cols)
	switch {
	case sumNeed <= width:
		copy(widths, need)
	case sumLeast >= width:
		for c := range cols {
			widths[c] = atLeast[c] * width / sumLeast
		}
	default:
		share := (width - sumLeast) / (sumNeed - sumLeast)
		for c := range cols {
			widths[c] = atLeast[c] + (need[c]-atLeast[c])*share
		}
	}
	return widths
}
