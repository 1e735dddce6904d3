package brand

import "math"

// Contrast returns the WCAG 2.x contrast ratio of two colours, from 1 (the
// same luminance) to 21 (black on white): (L1 + 0.05) / (L2 + 0.05), where
// L1 is the relative luminance of the lighter colour and L2 of the darker.
// The order of a and b does not matter.
func Contrast(a, b Colour) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG's relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of
// the linear channels. (WCAG 2.x prints the sRGB threshold as 0.03928 where
// the sRGB standard has 0.04045; no 8-bit value lies between the two, so
// the results are identical.)
func luminance(c Colour) float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

func linear(v uint8) float64 {
	x := float64(v) / 255
	if x <= 0.04045 {
		return x / 12.92
	}
	return math.Pow((x+0.055)/1.055, 2.4)
}

func encode(x float64) uint8 {
	if x <= 0.0031308 {
		x *= 12.92
	} else {
		x = 1.055*math.Pow(x, 1/2.4) - 0.055
	}
	return uint8(math.Round(math.Max(0, math.Min(1, x)) * 255))
}

// lch is a colour in OKLCH: perceptual lightness L (0 black to 1 white),
// chroma C and hue H in radians.
//
// Pamphlet adjusts colours in OKLCH rather than HSL because its lightness
// is perceptual: a step of L looks about the same size for every hue, so
// "the nearest colour that passes" is the one that looks least different
// from the clinic's colour, and changing L alone keeps the hue the eye sees.
// HSL's lightness is a formula on the RGB channels: HSL yellow and HSL blue
// at the same lightness differ in luminance by a factor of ten, and moving
// HSL lightness visibly shifts hue and saturation. CIELAB would also do, but
// its hue drifts for blues (blue turns purple as it lightens), which
// OKLab was designed to fix; NHS blue is a blue.
type lch struct{ L, C, H float64 }

func toLCH(c Colour) lch {
	r, g, b := linear(c.R), linear(c.G), linear(c.B)
	l := math.Cbrt(0.4122214708*r + 0.5363325363*g + 0.0514459929*b)
	m := math.Cbrt(0.2119034982*r + 0.6806995451*g + 0.1073969566*b)
	s := math.Cbrt(0.0883024619*r + 0.2817188376*g + 0.6299787005*b)
	L := 0.2104542553*l + 0.7936177850*m - 0.0040720468*s
	A := 1.9779984951*l - 2.4285922050*m + 0.4505937099*s
	B := 0.0259040371*l + 0.7827717662*m - 0.8086757660*s
	return lch{L, math.Hypot(A, B), math.Atan2(B, A)}
}

// linearRGB converts OKLCH to linear sRGB, which may be out of gamut.
func (p lch) linearRGB() (r, g, b float64) {
	A, B := p.C*math.Cos(p.H), p.C*math.Sin(p.H)
	l := p.L + 0.3963377774*A + 0.2158037573*B
	m := p.L - 0.1055613458*A - 0.0638541728*B
	s := p.L - 0.0894841775*A - 1.2914855480*B
	l, m, s = l*l*l, m*m*m, s*s*s
	r = 4.0767416621*l - 3.3077115913*m + 0.2309699292*s
	g = -1.2684380046*l + 2.6097574011*m - 0.3413193965*s
	b = -0.0041960863*l - 0.7034186147*m + 1.7076147010*s
	return r, g, b
}

func inGamut(r, g, b float64) bool {
	const e = 1e-6
	return r >= -e && r <= 1+e && g >= -e && g <= 1+e && b >= -e && b <= 1+e
}

// colour returns the sRGB colour for p, keeping L and H and reducing
// chroma as little as needed to stay inside sRGB (the approach of CSS Color
// 4's gamut mapping, without its just-noticeable-difference shortcut).
func (p lch) colour() Colour {
	p.L = math.Max(0, math.Min(1, p.L))
	r, g, b := p.linearRGB()
	if !inGamut(r, g, b) {
		lo, hi := 0.0, p.C
		for range 24 {
			p.C = (lo + hi) / 2
			if r, g, b = p.linearRGB(); inGamut(r, g, b) {
				lo = p.C
			} else {
				hi = p.C
			}
		}
		p.C = lo
		r, g, b = p.linearRGB()
	}
	return Colour{encode(r), encode(g), encode(b)}
}

// step is how far Nearest moves OKLCH lightness at a time: fine enough that
// consecutive steps differ by at most about one 8-bit level.
const step = 0.001

// req is one contrast requirement: at least Ratio against Against.
type req struct {
	Against Colour
	Ratio   float64
}

func meets(c Colour, needs []req) bool {
	for _, n := range needs {
		if Contrast(c, n.Against) < n.Ratio {
			return false
		}
	}
	return true
}

// Nearest returns the colour nearest to c, of the same hue and chroma in
// OKLCH, whose contrast with against is at least need; c itself if it
// already passes. Only lightness changes, and by as little as possible:
// that means darker when against is lighter than c and lighter when it is
// darker, and if that direction cannot reach need (a pale yellow next to
// white cannot get any lighter) the other direction. Chroma is reduced only where sRGB cannot show it at the new
// lightness. If no colour of the hue reaches need (need above 21, or no
// more than about 4.58 wanted against a mid grey), the one with the most
// contrast, black or white, is returned.
func Nearest(c, against Colour, need float64) Colour {
	return nearestAll(c, []req{{against, need}})
}

// nearestAll is Nearest for several requirements at once. It moves
// lightness one step at a time both ways at once and returns the first
// colour that passes, so that it stops as soon as the nearest is found,
// rather than walking one way to the end when the other passes at once;
// when both pass at the same step, the one that moved lightness less,
// darker on a tie. When the requirements pull the same way (the usual
// case: a link on several light backgrounds) it is the same as Nearest.
func nearestAll(c Colour, needs []req) Colour {
	if meets(c, needs) {
		return c
	}
	p := toLCH(c)
	done := [2]bool{} // darker, lighter: reached 0 or 1
	for i := 1; !done[0] || !done[1]; i++ {
		var best *lch
		for k, dir := range [2]float64{-1, +1} {
			if done[k] {
				continue
			}
			q := p
			q.L = p.L + dir*float64(i)*step
			if q.L < 0 || q.L > 1 {
				q.L = math.Max(0, math.Min(1, q.L))
				done[k] = true
			}
			if meets(q.colour(), needs) && (best == nil || math.Abs(q.L-p.L) < math.Abs(best.L-p.L)) {
				best = &q
			}
		}
		if best != nil {
			return best.colour()
		}
	}
	// Nothing passes: return whichever extreme comes closest.
	black, white := Colour{}, Colour{255, 255, 255}
	if worst(black, needs) >= worst(white, needs) {
		return black
	}
	return white
}

// worst is the smallest ratio of contrast found to contrast needed.
func worst(c Colour, needs []req) float64 {
	w := math.Inf(1)
	for _, n := range needs {
		w = math.Min(w, Contrast(c, n.Against)/n.Ratio)
	}
	return w
}
