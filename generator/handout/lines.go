package handout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// frag is a piece of a line set in one face and size: what is drawn with
// one call.
type frag struct {
	text  string
	face  face
	size  float64
	slant bool    // italics
	rise  float64 // how far the baseline is raised (superscripts)
	link  string
	x, w  float64 // from the line's left edge
}

// line is one line of text, broken to fit a width.
type line struct {
	frags []frag
	w     float64
}

// text returns the line's text, for the layout log and tests.
func (ln line) text() string {
	var b strings.Builder
	end := 0.0
	for i, f := range ln.frags {
		if i > 0 && f.x > end+0.01 {
			b.WriteByte(' ') // the space between two pieces
		}
		b.WriteString(f.text)
		end = f.x + f.w
	}
	return b.String()
}

// word is a run of frags with no break opportunity inside: "word**bold**".
type word struct {
	frags []frag
	w     float64
	space float64 // the width of the space after it, 0 if none
}

// breakLines breaks runs set at size points into lines at most width
// wide, at spaces, greedily: a handout is read once, and a simple rag
// reads well enough. A word wider than the line (a long address) is
// broken wherever it must.
func (l *layout) breakLines(runs []run, size, width float64) []line {
	words := l.words(runs, size)
	var lines []line
	var cur line
	var pendingSpace float64
	flush := func() {
		lines = append(lines, cur)
		cur, pendingSpace = line{}, 0
	}
	for _, w := range words {
		if w.frags == nil { // a forced break
			flush()
			continue
		}
		if len(cur.frags) > 0 && cur.w+pendingSpace+w.w > width {
			flush()
		}
		if len(cur.frags) == 0 && w.w > width {
			for _, piece := range l.splitWord(w, width) {
				if len(cur.frags) > 0 {
					flush()
				}
				cur.place(piece, 0)
			}
			pendingSpace = w.space
			continue
		}
		cur.place(w, pendingSpace)
		pendingSpace = w.space
	}
	if len(cur.frags) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// place puts w on the line after a space of width space.
func (ln *line) place(w word, space float64) {
	if len(ln.frags) > 0 {
		ln.w += space
	}
	for _, f := range w.frags {
		f.x = ln.w
		ln.w += f.w
		// Join with the previous frag when it is set alike, with the
		// space between them, so that a line is drawn in as few pieces
		// as it can be.
		if n := len(ln.frags); n > 0 {
			p := &ln.frags[n-1]
			if p.face == f.face && p.slant == f.slant && p.size == f.size && p.rise == f.rise && p.link == f.link {
				if space > 0 {
					p.text += " "
				}
				p.text += f.text
				p.w = ln.w - p.x
				space = 0
				continue
			}
		}
		ln.frags = append(ln.frags, f)
		space = 0
	}
}

// splitWord breaks a word too wide for any line into pieces that fit,
// after a "/", "-", "." or "?" where it can (an address), anywhere else
// where it must.
func (l *layout) splitWord(w word, width float64) []word {
	var pieces []word
	var cur word
	for _, f := range w.frags {
		m := l.r.fonts[f.face]
		for f.text != "" {
			// Find the longest prefix of f.text that fits.
			fit, lastBreak := 0, 0
			acc := cur.w
			for i, r := range f.text {
				cw := m.width(string(r), f.size)
				if acc+cw > width && (fit > 0 || cur.w > 0) {
					break
				}
				acc += cw
				fit = i + utf8.RuneLen(r)
				if strings.ContainsRune("/-.?&", r) {
					lastBreak = fit
				}
			}
			if fit == len(f.text) {
				part := f
				part.w = m.width(part.text, f.size)
				cur.frags = append(cur.frags, part)
				cur.w += part.w
				break
			}
			if lastBreak > 0 && lastBreak*2 > fit {
				fit = lastBreak
			}
			if fit > 0 {
				part := f
				part.text = f.text[:fit]
				part.w = m.width(part.text, f.size)
				cur.frags = append(cur.frags, part)
				cur.w += part.w
				f.text = f.text[fit:]
			}
			pieces = append(pieces, cur)
			cur = word{}
		}
	}
	if len(cur.frags) > 0 {
		pieces = append(pieces, cur)
	}
	return pieces
}

// words splits runs into words. Characters the font lacks are taken out
// and reported (see layout.missing); runs of white space are one space.
func (l *layout) words(runs []run, size float64) []word {
	var words []word
	var cur word
	end := func(space float64) {
		if len(cur.frags) > 0 {
			cur.space = space
			words = append(words, cur)
		} else if n := len(words); n > 0 && space > 0 {
			words[n-1].space = space
		}
		cur = word{}
	}
	for _, r := range runs {
		if r.text == "\n" {
			end(0)
			words = append(words, word{})
			continue
		}
		f := frag{face: r.style.face(), slant: r.style&styleItalic != 0, size: size, link: r.link}
		switch {
		case r.style&styleSup != 0:
			f.size, f.rise = size*0.7, size*0.33
		case r.style&styleSub != 0:
			f.size, f.rise = size*0.7, -size*0.15
		}
		m := l.r.fonts[f.face]
		text := l.shown(r.text, f.face, r.at)
		for text != "" {
			i := strings.IndexFunc(text, unicode.IsSpace)
			if i < 0 {
				i = len(text)
			}
			if i > 0 {
				piece := f
				piece.text = text[:i]
				piece.w = m.width(piece.text, f.size)
				cur.frags = append(cur.frags, piece)
				cur.w += piece.w
			}
			if i == len(text) {
				break
			}
			_, n := utf8.DecodeRuneInString(text[i:])
			if text[i:i+n] == "\u00a0" { // a no-break space joins
				piece := f
				piece.text, piece.w = "\u00a0", m.width("\u00a0", f.size)
				cur.frags = append(cur.frags, piece)
				cur.w += piece.w
			} else {
				end(m.width(" ", f.size))
			}
			text = text[i+n:]
		}
	}
	end(0)
	return words
}

// shown returns text without the characters the face cannot show, and
// without invisible format characters (soft hyphens, zero-width spaces),
// noting the missing ones for a warning.
func (l *layout) shown(text string, f face, at int) string {
	m := l.r.fonts[f]
	clean := true
	for _, r := range text {
		if !m.has(r) || unicode.Is(unicode.Cf, r) || r == '\t' || r == '\n' || r == '\r' {
			clean = false
			break
		}
	}
	if clean {
		return text
	}
	var b strings.Builder
	for _, r := range text {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unicode.Is(unicode.Cf, r):
		case !m.has(r):
			l.missing(r, at)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
