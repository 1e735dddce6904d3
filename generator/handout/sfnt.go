package handout

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// metrics is what layout needs of a TrueType font: which characters it
// has and how wide each is. It is read once per Renderer and shared by
// every handout; the PDF library reads the font again for each document
// it embeds the font in (it has no way to share that).
type metrics struct {
	// advance holds each character's width in thousandths of the font
	// size, the unit the PDF library measures in, so that both measure
	// the same; a character the font lacks is absent.
	advance map[rune]uint16
	// ascent and descent are the font's, in thousandths of the size
	// (descent is negative).
	ascent, descent int
}

// has reports whether the font has a glyph for r.
func (m *metrics) has(r rune) bool {
	_, ok := m.advance[r]
	return ok
}

// width returns the width of s at size points. Characters the font lacks
// count nothing: they are taken out of the text before it is measured.
func (m *metrics) width(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		w += int(m.advance[r])
	}
	return float64(w) * size / 1000
}

var errFont = errors.New("not a TrueType font this package can read")

// parseMetrics reads the cmap, hmtx, hhea and head tables of a TrueType
// font. Only what PDF handouts need is read: Unicode cmaps (format 4 for
// the Basic Multilingual Plane, 12 beyond it), advance widths, ascent and
// descent.
func parseMetrics(font []byte) (*metrics, error) {
	tables, err := tableDirectory(font)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || cmap == nil || hmtx == nil {
		return nil, fmt.Errorf("%w: a table it needs is missing", errFont)
	}
	unitsPerEm := int(be16(head, 18))
	if unitsPerEm == 0 {
		return nil, fmt.Errorf("%w: unitsPerEm is 0", errFont)
	}
	scale := func(v int) int { return int(float64(v)*1000/float64(unitsPerEm) + 0.5*sign(v)) }
	m := &metrics{
		ascent:  scale(int(int16(be16(hhea, 4)))),
		descent: scale(int(int16(be16(hhea, 6)))),
	}
	nMetrics := int(be16(hhea, 34))
	if nMetrics == 0 || len(hmtx) < 4*nMetrics {
		return nil, fmt.Errorf("%w: hmtx is shorter than hhea says", errFont)
	}
	glyphs, err := unicodeGlyphs(cmap)
	if err != nil {
		return nil, err
	}
	m.advance = make(map[rune]uint16, len(glyphs))
	for r, g := range glyphs {
		if r > 0xFFFF {
			continue // the PDF library places characters of the BMP only
		}
		i := min(int(g), nMetrics-1) // glyphs past the last metric share its width
		m.advance[r] = uint16(scale(int(be16(hmtx, 4*i))))
	}
	return m, nil
}

func sign(v int) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// tableDirectory returns the font's tables by tag.
func tableDirectory(font []byte) (map[string][]byte, error) {
	if len(font) < 12 {
		return nil, errFont
	}
	n := int(be16(font, 4))
	if len(font) < 12+16*n {
		return nil, errFont
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := font[12+16*i:]
		off, length := int(be32(rec, 8)), int(be32(rec, 12))
		if off < 0 || length < 0 || off+length > len(font) {
			return nil, fmt.Errorf("%w: table %q lies outside the file", errFont, rec[:4])
		}
		tables[string(rec[:4])] = font[off : off+length]
	}
	return tables, nil
}

// unicodeGlyphs reads the font's Unicode character map: the full-range
// subtable (format 12) when there is one, else the BMP one (format 4).
func unicodeGlyphs(cmap []byte) (map[rune]uint16, error) {
	if len(cmap) < 4 {
		return nil, errFont
	}
	var bmp, full []byte
	for i := range int(be16(cmap, 2)) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, errFont
		}
		platform, encoding, off := be16(cmap, rec), be16(cmap, rec+2), int(be32(cmap, rec+4))
		if off+4 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		unicode := platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
		switch format := be16(sub, 0); {
		case unicode && format == 12:
			full = sub
		case unicode && format == 4 && bmp == nil:
			bmp = sub
		}
	}
	switch {
	case full != nil:
		return format12(full)
	case bmp != nil:
		return format4(bmp)
	}
	return nil, fmt.Errorf("%w: it has no Unicode character map", errFont)
}

func format4(t []byte) (map[rune]uint16, error) {
	if len(t) < 14 {
		return nil, errFont
	}
	segs := int(be16(t, 6)) / 2
	ends, starts, deltas, offsets := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if len(t) < offsets+2*segs {
		return nil, errFont
	}
	glyphs := make(map[rune]uint16, 4096)
	for s := range segs {
		end, start := int(be16(t, ends+2*s)), int(be16(t, starts+2*s))
		delta, roff := be16(t, deltas+2*s), int(be16(t, offsets+2*s))
		for c := start; c <= end && c != 0xFFFF; c++ {
			var g uint16
			if roff == 0 {
				g = uint16(c) + delta
			} else {
				at := offsets + 2*s + roff + 2*(c-start)
				if at+2 > len(t) {
					return nil, errFont
				}
				if g = be16(t, at); g != 0 {
					g += delta
				}
			}
			if g != 0 {
				glyphs[rune(c)] = g
			}
		}
	}
	return glyphs, nil
}

func format12(t []byte) (map[rune]uint16, error) {
	if len(t) < 16 {
		return nil, errFont
	}
	n := int(be32(t, 12))
	if n < 0 || len(t) < 16+12*n {
		return nil, errFont
	}
	glyphs := make(map[rune]uint16, 4096)
	for i := range n {
		g := t[16+12*i:]
		start, end, first := be32(g, 0), be32(g, 4), be32(g, 8)
		if end > 0x10FFFF || end < start || end-start > 0x10000 {
			return nil, errFont
		}
		for c := start; c <= end; c++ {
			if id := first + (c - start); id != 0 && id <= 0xFFFF {
				glyphs[rune(c)] = uint16(id)
			}
		}
	}
	return glyphs, nil
}

func be16(b []byte, i int) uint16 { return binary.BigEndian.Uint16(b[i:]) }
func be32(b []byte, i int) uint32 { return binary.BigEndian.Uint32(b[i:]) }
