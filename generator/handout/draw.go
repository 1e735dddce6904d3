package handout

import (
	"codeberg.org/go-pdf/fpdf"
)

// rgb is a colour.
type rgb struct{ r, g, b int }

var black = rgb{}

// slantAngle is how far italics lean: the angle of DejaVu Sans Oblique,
// which is DejaVu Sans slanted.
const slantAngle = 11

// drawer draws one handout's items into its PDF.
type drawer struct {
	pdf    *fpdf.Fpdf
	r      *Renderer
	loaded [faces]bool
	// The face, size and colour last set, so that they are set again
	// only when they change.
	face   face
	size   float64
	colour rgb
	fresh  bool
}

// setFont sets the face and size, adding the face to the PDF the first
// time it is used: a face a handout does not use is not embedded, and not
// read by the PDF library at all.
func (d *drawer) setFont(f face, size float64) {
	if !d.loaded[f] {
		d.pdf.AddUTF8FontFromBytes(fontFamily, fpdfStyle[f], d.r.fonts[f].data)
		d.loaded[f] = true
	}
	if !d.fresh || f != d.face || size != d.size {
		d.pdf.SetFont(fontFamily, fpdfStyle[f], size)
		d.face, d.size, d.fresh = f, size, true
	}
}

// setColour sets the colour of text.
func (d *drawer) setColour(c rgb) {
	if c != d.colour {
		d.pdf.SetTextColor(c.r, c.g, c.b)
		d.colour = c
	}
}

// line draws a line of text with its left edge at x and its baseline at
// y; each piece that links is a link.
func (d *drawer) line(ln line, x, y float64, c rgb) {
	d.setColour(c)
	for _, f := range ln.frags {
		d.setFont(f.face, f.size)
		if f.slant {
			d.pdf.TransformBegin()
			d.pdf.TransformSkewX(slantAngle, x+f.x, y-f.rise)
			d.pdf.Text(x+f.x, y-f.rise, f.text)
			d.pdf.TransformEnd()
		} else {
			d.pdf.Text(x+f.x, y-f.rise, f.text)
		}
		if f.link != "" {
			d.pdf.LinkString(x+f.x, y-f.rise-f.size*0.93, f.w, f.size*1.17, f.link)
		}
	}
}

// rule draws a horizontal line.
func (d *drawer) rule(x1, x2, y, width float64, c rgb) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(x1, y, x2, y)
}
