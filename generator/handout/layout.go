package handout

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// Sizes, in points. Margins of 20 mm (57 pt) clear what home printers
// cannot print (about 5 mm) with room for hole punches; the foot has room
// for the footer.
const (
	marginSide   = 57
	marginTop    = 57
	marginBottom = 68
	footerLine   = 36 // the footer's baseline, above the paper's edge

	bodySize      = 10.5
	smallSize     = 9
	footerSize    = 8
	leading       = 1.4 // line height as a multiple of the size
	paragraphGap  = 6
	listIndent    = 16
	quoteIndent   = 14
	titleSize     = 20
	subtitleSize  = 11.5
	referenceSize = 9
)

// headingSize is the size of a heading of each level (1 to 6).
var headingSize = [7]float64{0, 17, 14.5, 12.5, 11, 10.5, 10.5}

// layout is one handout being laid out: its items, top to bottom, and
// what went wrong on the way.
type layout struct {
	r     *Renderer
	doc   *Document
	say   Words // doc.Words
	base  *url.URL
	paper paper
	brand rgb

	items   []item
	nblocks int // blocks so far, to number the next (see item.block)

	// missingAt holds each character the font lacks, with the first
	// source offset it was met at (-1 outside the body).
	missingAt map[rune]int
	warnings  []Warning
}

// width is the width of the text area.
func (l *layout) width() float64 { return l.paper.w - 2*marginSide }

// block starts a new block of the given kind and returns its number.
func (l *layout) block() int {
	l.nblocks++
	return l.nblocks
}

// add appends an item.
func (l *layout) add(it item) { l.items = append(l.items, it) }

// warn adds a warning about offset at of the page's source (-1: none).
func (l *layout) warn(at int, format string, args ...any) {
	l.warnings = append(l.warnings, Warning{Offset: at, Message: fmt.Sprintf(format, args...)})
}

// missing notes that the font has no glyph for r, met at offset at.
func (l *layout) missing(r rune, at int) {
	if l.missingAt == nil {
		l.missingAt = map[rune]int{}
	}
	if prev, ok := l.missingAt[r]; !ok || (prev < 0 && at >= 0) {
		l.missingAt[r] = at
	}
}

// missingWarning turns the characters the font lacks into one warning,
// at the first place in the body one of them was met.
func (l *layout) missingWarning() {
	if len(l.missingAt) == 0 {
		return
	}
	chars := make([]rune, 0, len(l.missingAt))
	at := -1
	for r, off := range l.missingAt {
		chars = append(chars, r)
		if off >= 0 && (at < 0 || off < at) {
			at = off
		}
	}
	sort.Slice(chars, func(i, j int) bool { return chars[i] < chars[j] })
	var shown, codes []string
	for _, r := range chars {
		shown = append(shown, string(r))
		codes = append(codes, fmt.Sprintf("U+%04X", r))
	}
	l.warn(at, "the PDF handout leaves out %d character(s) its font, %s, cannot show: %q (%s). Write them another way, or leave this page out of the handouts with \"handout: false\" in its front matter",
		len(chars), fontName, strings.Join(shown, " "), strings.Join(codes, ", "))
}

// absolute returns a link's destination made absolute against the page's
// address, so that it can be typed from paper.
func (l *layout) absolute(dest string) string {
	if dest == "" || l.base == nil {
		return dest
	}
	u, err := url.Parse(dest)
	if err != nil {
		return dest
	}
	return l.base.ResolveReference(u).String()
}

// textLines adds lines of text as items of one block: each line an item,
// the first two and the last two kept together, and all of them kept
// with what follows when keepAll is set (a heading). indent is from the
// left margin; colour is the text's.
func (l *layout) textLines(kind string, lines []line, size, indent, before float64, colour rgb, keepAll bool) (first int) {
	id := l.block()
	lh := size * leading
	first = len(l.items)
	for i, ln := range lines {
		ln := ln
		it := item{
			h:     lh,
			keep:  keepAll || (i == 0 && len(lines) > 1) || (i == len(lines)-2),
			block: id, kind: kind, label: ln.text(),
			draw: func(d *drawer, y float64) {
				d.line(ln, marginSide+indent, y+baseline(size), colour)
			},
		}
		if i == 0 {
			it.before = before
		}
		l.add(it)
	}
	return first
}

// baseline is where the baseline of a line of text of size points lies,
// below the line's top: the line's extra leading split above and below.
func baseline(size float64) float64 {
	return size*(leading-1)/2 + size*0.93 // DejaVu Sans's ascent is 0.928 em
}
