package handout

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// blocks lays out the block children of n, indent points in from the
// left margin. tight is set inside a tight list, whose paragraphs have no
// space between them.
func (l *layout) blocks(n ast.Node, indent float64, tight bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		l.blockNode(c, indent, tight)
	}
}

func (l *layout) blockNode(n ast.Node, indent float64, tight bool) {
	// Lists and quotes nested deeper than half the width go no further
	// right, so that text always has room.
	indent = min(indent, l.width()/2)
	switch n := n.(type) {
	case *ast.Heading:
		level := min(max(n.Level, 1), 6)
		size := headingSize[level]
		in := &inliner{l: l}
		in.inlines(n, styleBold, "")
		lines := l.breakLines(in.runs, size, l.width()-indent)
		l.textLines("h"+strconv.Itoa(level), lines, size, indent, size*0.9, l.brand, true)
	case *ast.Paragraph, *ast.TextBlock:
		before := float64(paragraphGap)
		if tight || n.PreviousSibling() == nil && n.Parent() != nil && n.Parent().Kind() == ast.KindListItem {
			before = 2
		}
		l.paragraph(n, indent, before)
	case *ast.List:
		l.list(n, indent)
	case *ast.Blockquote:
		first := len(l.items)
		l.blocks(n, indent+quoteIndent, false)
		l.bar(first, indent+4)
	case *ast.ThematicBreak:
		l.add(item{h: 14, before: 4, block: l.block(), kind: "rule", draw: func(d *drawer, y float64) {
			d.rule(marginSide+indent, marginSide+l.width(), y+7, 0.8, l.brand)
		}})
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		l.code(n, indent)
	case *ast.HTMLBlock:
		// Raw HTML is the web page's: nothing of it is printed.
	case *east.Table:
		l.table(n, indent)
	default:
		l.blocks(n, indent, tight)
	}
}

// paragraph lays out a paragraph's text. An image among its inlines ends
// the text before it and is laid out as a block of its own.
func (l *layout) paragraph(n ast.Node, indent, before float64) {
	in := &inliner{l: l}
	flush := func() {
		if len(in.runs) > 0 && strings.TrimSpace(runText(in.runs)) != "" {
			lines := l.breakLines(in.runs, bodySize, l.width()-indent)
			l.textLines("p", lines, bodySize, indent, before, black, false)
		}
		in.runs = in.runs[:0]
	}
	in.image = func(img *ast.Image) {
		flush()
		l.image(img, indent)
	}
	in.inlines(n, 0, "")
	flush()
}

// runText returns the text of runs.
func runText(runs []run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// list lays out a list: each item's blocks indented, with its bullet or
// number beside its first line.
func (l *layout) list(n *ast.List, indent float64) {
	num := n.Start
	if num == 0 {
		num = 1
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		marker := "•"
		if n.IsOrdered() {
			marker = strconv.Itoa(num) + "."
			num++
		}
		first := len(l.items)
		l.blocks(c, indent+listIndent, n.IsTight)
		if first == len(l.items) {
			continue // an empty item
		}
		it := &l.items[first]
		if c == n.FirstChild() {
			it.before = max(it.before, paragraphGap) // the list from the text before it
		}
		draw := it.draw
		it.draw = func(d *drawer, y float64) {
			d.setColour(black)
			d.setFont(regular, bodySize)
			w := l.r.fonts[regular].width(marker, bodySize)
			d.pdf.Text(marginSide+indent+listIndent-4-w, y+baseline(bodySize), marker)
			draw(d, y)
		}
	}
}

// bar draws a block quote's rule beside the items from first on.
func (l *layout) bar(first int, x float64) {
	for i := first; i < len(l.items); i++ {
		it := &l.items[i]
		draw := it.draw
		h := it.h
		it.draw = func(d *drawer, y float64) {
			d.pdf.SetDrawColor(l.brand.r, l.brand.g, l.brand.b)
			d.pdf.SetLineWidth(2)
			d.pdf.Line(marginSide+x, y, marginSide+x, y+h)
			draw(d, y)
		}
	}
}

// code lays out a code block line by line, as written.
func (l *layout) code(n ast.Node, indent float64) {
	var runs []run
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		text := strings.TrimRight(string(seg.Value(l.doc.Source)), "\r\n")
		runs = append(runs, run{text: strings.ReplaceAll(text, " ", "\u00a0"), at: seg.Start}, run{text: "\n", at: -1})
	}
	if len(runs) == 0 {
		return
	}
	broken := l.breakLines(runs[:len(runs)-1], smallSize, l.width()-indent-8)
	l.textLines("code", broken, smallSize, indent+8, paragraphGap, black, false)
}
