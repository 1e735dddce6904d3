package brand

import (
	"fmt"
	"strconv"
	"strings"
)

// Colour is an opaque sRGB colour with 8 bits per channel, the only kind of
// colour a brand setting may hold.
type Colour struct{ R, G, B uint8 }

// String returns the colour as lower-case #rrggbb, the form CSS output and
// messages use.
func (c Colour) String() string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// example ends every parse error: what to write instead.
const example = "use a colour such as #005eb8, rgb(0, 94, 184) or navy"

// ParseColour reads a colour as a clinic writes it in site.yaml: #rgb or
// #rrggbb in any case, rgb(r, g, b) or rgb(r g b) with numbers from 0 to 255
// or percentages, or one of the 148 CSS colour names in any case. Colours
// with transparency, transparent, currentColor and other notations such as
// hsl() are refused with a sentence saying what to write instead, because
// contrast can only be checked for a solid colour whose value is known.
func ParseColour(s string) (Colour, error) {
	in := strings.TrimSpace(s)
	low := strings.ToLower(in)
	switch {
	case in == "":
		return Colour{}, fmt.Errorf("no colour was given; %s", example)
	case strings.HasPrefix(in, "#"):
		return parseHex(in)
	case strings.HasPrefix(low, "rgb(") || strings.HasPrefix(low, "rgba("):
		return parseRGB(in, low)
	case low == "transparent":
		return Colour{}, fmt.Errorf("%q cannot be a brand colour: text on it could not be checked for contrast; %s", in, example)
	case low == "currentcolor":
		return Colour{}, fmt.Errorf("%q cannot be a brand colour: it means the colour of the surrounding text, so it cannot be checked for contrast; %s", in, example)
	}
	if i := strings.IndexByte(low, '('); i > 0 {
		return Colour{}, fmt.Errorf("%q is written with %s(), which Pamphlet does not read; write the same colour as #rrggbb or rgb(): %s", in, low[:i], example)
	}
	if c, ok := namedColour(low); ok {
		return c, nil
	}
	return Colour{}, fmt.Errorf("%q is not a colour Pamphlet knows; %s", in, example)
}

func parseHex(in string) (Colour, error) {
	h := in[1:]
	for _, r := range h {
		if !isHex(r) {
			return Colour{}, fmt.Errorf("%q is not a colour: after # write 3 or 6 hexadecimal digits (0-9 and a-f); %s", in, example)
		}
	}
	switch len(h) {
	case 3:
		v, _ := strconv.ParseUint(h, 16, 16)
		r, g, b := uint8(v>>8&0xf), uint8(v>>4&0xf), uint8(v&0xf)
		return Colour{r * 17, g * 17, b * 17}, nil
	case 6:
		v, _ := strconv.ParseUint(h, 16, 32)
		return Colour{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
	case 4, 8:
		solid := "#" + h[:len(h)*3/4]
		return Colour{}, fmt.Errorf("%q is see-through (its last digits set transparency), and contrast can only be checked for a solid colour; leave them off and write %s, or %s", in, solid, example)
	}
	return Colour{}, fmt.Errorf("%q is not a colour: after # write 3 or 6 hexadecimal digits (0-9 and a-f), not %d; %s", in, len(h), example)
}

func isHex(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
}

// parseRGB reads rgb() and rgba() in the legacy comma form and the modern
// space form, with an optional alpha that must be 1 (or 100%).
func parseRGB(in, low string) (Colour, error) {
	bad := func(why string) (Colour, error) {
		return Colour{}, fmt.Errorf("%q is not a colour: %s; %s", in, why, example)
	}
	if !strings.HasSuffix(low, ")") {
		return bad("it needs a closing bracket")
	}
	body := low[strings.IndexByte(low, '(')+1 : len(low)-1]
	var parts []string
	alpha := ""
	if strings.Contains(body, ",") {
		parts = strings.Split(body, ",")
		if len(parts) == 4 {
			alpha, parts = parts[3], parts[:3]
		}
	} else {
		if i := strings.IndexByte(body, '/'); i >= 0 {
			alpha, body = body[i+1:], body[:i]
		}
		parts = strings.Fields(body)
	}
	if len(parts) != 3 {
		return bad("rgb() takes three numbers, for red, green and blue")
	}
	if alpha != "" {
		a := strings.TrimSpace(alpha)
		max := 1.0
		if strings.HasSuffix(a, "%") {
			a, max = a[:len(a)-1], 100
		}
		v, err := strconv.ParseFloat(a, 64)
		if err != nil || v != v {
			return bad("its transparency " + strconv.Quote(strings.TrimSpace(alpha)) + " is not a number")
		}
		if v < max {
			return Colour{}, fmt.Errorf("%q is see-through, and contrast can only be checked for a solid colour; leave out the transparency and write rgb(r, g, b), or %s", in, example)
		}
	}
	var ch [3]uint8
	for i, p := range parts {
		p = strings.TrimSpace(p)
		pct := strings.HasSuffix(p, "%")
		num := strings.TrimSuffix(p, "%")
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || num == "" || v != v || strings.ContainsAny(num, "xXpP_") {
			return bad(strconv.Quote(p) + " is not a number")
		}
		if pct {
			if v < 0 || v > 100 {
				return bad("percentages go from 0% to 100%, not " + p)
			}
			v = v * 255 / 100
		} else if v < 0 || v > 255 {
			return bad("each number goes from 0 to 255, not " + p)
		}
		ch[i] = uint8(v + 0.5)
	}
	return Colour{ch[0], ch[1], ch[2]}, nil
}

// namedColour looks up the 148 colour names of CSS Color Module Level 4
// (name in lower case); a switch rather than a map keeps the package free
// of package-level variables.
func namedColour(name string) (Colour, bool) {
	switch name {
	case "aliceblue":
		return Colour{0xf0, 0xf8, 0xff}, true
	case "antiquewhite":
		return Colour{0xfa, 0xeb, 0xd7}, true
	case "aqua":
		return Colour{0x00, 0xff, 0xff}, true
	case "aquamarine":
		return Colour{0x7f, 0xff, 0xd4}, true
	case "azure":
		return Colour{0xf0, 0xff, 0xff}, true
	case "beige":
		return Colour{0xf5, 0xf5, 0xdc}, true
	case "bisque":
		return Colour{0xff, 0xe4, 0xc4}, true
	case "black":
		return Colour{0x00, 0x00, 0x00}, true
	case "blanchedalmond":
		return Colour{0xff, 0xeb, 0xcd}, true
	case "blue":
		return Colour{0x00, 0x00, 0xff}, true
	case "blueviolet":
		return Colour{0x8a, 0x2b, 0xe2}, true
	case "brown":
		return Colour{0xa5, 0x2a, 0x2a}, true
	case "burlywood":
		return Colour{0xde, 0xb8, 0x87}, true
	case "cadetblue":
		return Colour{0x5f, 0x9e, 0xa0}, true
	case "chartreuse":
		return Colour{0x7f, 0xff, 0x00}, true
	case "chocolate":
		return Colour{0xd2, 0x69, 0x1e}, true
	case "coral":
		return Colour{0xff, 0x7f, 0x50}, true
	case "cornflowerblue":
		return Colour{0x64, 0x95, 0xed}, true
	case "cornsilk":
		return Colour{0xff, 0xf8, 0xdc}, true
	case "crimson":
		return Colour{0xdc, 0x14, 0x3c}, true
	case "cyan":
		return Colour{0x00, 0xff, 0xff}, true
	case "darkblue":
		return Colour{0x00, 0x00, 0x8b}, true
	case "darkcyan":
		return Colour{0x00, 0x8b, 0x8b}, true
	case "darkgoldenrod":
		return Colour{0xb8, 0x86, 0x0b}, true
	case "darkgray":
		return Colour{0xa9, 0xa9, 0xa9}, true
	case "darkgreen":
		return Colour{0x00, 0x64, 0x00}, true
	case "darkgrey":
		return Colour{0xa9, 0xa9, 0xa9}, true
	case "darkkhaki":
		return Colour{0xbd, 0xb7, 0x6b}, true
	case "darkmagenta":
		return Colour{0x8b, 0x00, 0x8b}, true
	case "darkolivegreen":
		return Colour{0x55, 0x6b, 0x2f}, true
	case "darkorange":
		return Colour{0xff, 0x8c, 0x00}, true
	case "darkorchid":
		return Colour{0x99, 0x32, 0xcc}, true
	case "darkred":
		return Colour{0x8b, 0x00, 0x00}, true
	case "darksalmon":
		return Colour{0xe9, 0x96, 0x7a}, true
	case "darkseagreen":
		return Colour{0x8f, 0xbc, 0x8f}, true
	case "darkslateblue":
		return Colour{0x48, 0x3d, 0x8b}, true
	case "darkslategray":
		return Colour{0x2f, 0x4f, 0x4f}, true
	case "darkslategrey":
		return Colour{0x2f, 0x4f, 0x4f}, true
	case "darkturquoise":
		return Colour{0x00, 0xce, 0xd1}, true
	case "darkviolet":
		return Colour{0x94, 0x00, 0xd3}, true
	case "deeppink":
		return Colour{0xff, 0x14, 0x93}, true
	case "deepskyblue":
		return Colour{0x00, 0xbf, 0xff}, true
	case "dimgray":
		return Colour{0x69, 0x69, 0x69}, true
	case "dimgrey":
		return Colour{0x69, 0x69, 0x69}, true
	case "dodgerblue":
		return Colour{0x1e, 0x90, 0xff}, true
	case "firebrick":
		return Colour{0xb2, 0x22, 0x22}, true
	case "floralwhite":
		return Colour{0xff, 0xfa, 0xf0}, true
	case "forestgreen":
		return Colour{0x22, 0x8b, 0x22}, true
	case "fuchsia":
		return Colour{0xff, 0x00, 0xff}, true
	case "gainsboro":
		return Colour{0xdc, 0xdc, 0xdc}, true
	case "ghostwhite":
		return Colour{0xf8, 0xf8, 0xff}, true
	case "gold":
		return Colour{0xff, 0xd7, 0x00}, true
	case "goldenrod":
		return Colour{0xda, 0xa5, 0x20}, true
	case "gray":
		return Colour{0x80, 0x80, 0x80}, true
	case "green":
		return Colour{0x00, 0x80, 0x00}, true
	case "greenyellow":
		return Colour{0xad, 0xff, 0x2f}, true
	case "grey":
		return Colour{0x80, 0x80, 0x80}, true
	case "honeydew":
		return Colour{0xf0, 0xff, 0xf0}, true
	case "hotpink":
		return Colour{0xff, 0x69, 0xb4}, true
	case "indianred":
		return Colour{0xcd, 0x5c, 0x5c}, true
	case "indigo":
		return Colour{0x4b, 0x00, 0x82}, true
	case "ivory":
		return Colour{0xff, 0xff, 0xf0}, true
	case "khaki":
		return Colour{0xf0, 0xe6, 0x8c}, true
	case "lavender":
		return Colour{0xe6, 0xe6, 0xfa}, true
	case "lavenderblush":
		return Colour{0xff, 0xf0, 0xf5}, true
	case "lawngreen":
		return Colour{0x7c, 0xfc, 0x00}, true
	case "lemonchiffon":
		return Colour{0xff, 0xfa, 0xcd}, true
	case "lightblue":
		return Colour{0xad, 0xd8, 0xe6}, true
	case "lightcoral":
		return Colour{0xf0, 0x80, 0x80}, true
	case "lightcyan":
		return Colour{0xe0, 0xff, 0xff}, true
	case "lightgoldenrodyellow":
		return Colour{0xfa, 0xfa, 0xd2}, true
	case "lightgray":
		return Colour{0xd3, 0xd3, 0xd3}, true
	case "lightgreen":
		return Colour{0x90, 0xee, 0x90}, true
	case "lightgrey":
		return Colour{0xd3, 0xd3, 0xd3}, true
	case "lightpink":
		return Colour{0xff, 0xb6, 0xc1}, true
	case "lightsalmon":
		return Colour{0xff, 0xa0, 0x7a}, true
	case "lightseagreen":
		return Colour{0x20, 0xb2, 0xaa}, true
	case "lightskyblue":
		return Colour{0x87, 0xce, 0xfa}, true
	case "lightslategray":
		return Colour{0x77, 0x88, 0x99}, true
	case "lightslategrey":
		return Colour{0x77, 0x88, 0x99}, true
	case "lightsteelblue":
		return Colour{0xb0, 0xc4, 0xde}, true
	case "lightyellow":
		return Colour{0xff, 0xff, 0xe0}, true
	case "lime":
		return Colour{0x00, 0xff, 0x00}, true
	case "limegreen":
		return Colour{0x32, 0xcd, 0x32}, true
	case "linen":
		return Colour{0xfa, 0xf0, 0xe6}, true
	case "magenta":
		return Colour{0xff, 0x00, 0xff}, true
	case "maroon":
		return Colour{0x80, 0x00, 0x00}, true
	case "mediumaquamarine":
		return Colour{0x66, 0xcd, 0xaa}, true
	case "mediumblue":
		return Colour{0x00, 0x00, 0xcd}, true
	case "mediumorchid":
		return Colour{0xba, 0x55, 0xd3}, true
	case "mediumpurple":
		return Colour{0x93, 0x70, 0xdb}, true
	case "mediumseagreen":
		return Colour{0x3c, 0xb3, 0x71}, true
	case "mediumslateblue":
		return Colour{0x7b, 0x68, 0xee}, true
	case "mediumspringgreen":
		return Colour{0x00, 0xfa, 0x9a}, true
	case "mediumturquoise":
		return Colour{0x48, 0xd1, 0xcc}, true
	case "mediumvioletred":
		return Colour{0xc7, 0x15, 0x85}, true
	case "midnightblue":
		return Colour{0x19, 0x19, 0x70}, true
	case "mintcream":
		return Colour{0xf5, 0xff, 0xfa}, true
	case "mistyrose":
		return Colour{0xff, 0xe4, 0xe1}, true
	case "moccasin":
		return Colour{0xff, 0xe4, 0xb5}, true
	case "navajowhite":
		return Colour{0xff, 0xde, 0xad}, true
	case "navy":
		return Colour{0x00, 0x00, 0x80}, true
	case "oldlace":
		return Colour{0xfd, 0xf5, 0xe6}, true
	case "olive":
		return Colour{0x80, 0x80, 0x00}, true
	case "olivedrab":
		return Colour{0x6b, 0x8e, 0x23}, true
	case "orange":
		return Colour{0xff, 0xa5, 0x00}, true
	case "orangered":
		return Colour{0xff, 0x45, 0x00}, true
	case "orchid":
		return Colour{0xda, 0x70, 0xd6}, true
	case "palegoldenrod":
		return Colour{0xee, 0xe8, 0xaa}, true
	case "palegreen":
		return Colour{0x98, 0xfb, 0x98}, true
	case "paleturquoise":
		return Colour{0xaf, 0xee, 0xee}, true
	case "palevioletred":
		return Colour{0xdb, 0x70, 0x93}, true
	case "papayawhip":
		return Colour{0xff, 0xef, 0xd5}, true
	case "peachpuff":
		return Colour{0xff, 0xda, 0xb9}, true
	case "peru":
		return Colour{0xcd, 0x85, 0x3f}, true
	case "pink":
		return Colour{0xff, 0xc0, 0xcb}, true
	case "plum":
		return Colour{0xdd, 0xa0, 0xdd}, true
	case "powderblue":
		return Colour{0xb0, 0xe0, 0xe6}, true
	case "purple":
		return Colour{0x80, 0x00, 0x80}, true
	case "rebeccapurple":
		return Colour{0x66, 0x33, 0x99}, true
	case "red":
		return Colour{0xff, 0x00, 0x00}, true
	case "rosybrown":
		return Colour{0xbc, 0x8f, 0x8f}, true
	case "royalblue":
		return Colour{0x41, 0x69, 0xe1}, true
	case "saddlebrown":
		return Colour{0x8b, 0x45, 0x13}, true
	case "salmon":
		return Colour{0xfa, 0x80, 0x72}, true
	case "sandybrown":
		return Colour{0xf4, 0xa4, 0x60}, true
	case "seagreen":
		return Colour{0x2e, 0x8b, 0x57}, true
	case "seashell":
		return Colour{0xff, 0xf5, 0xee}, true
	case "sienna":
		return Colour{0xa0, 0x52, 0x2d}, true
	case "silver":
		return Colour{0xc0, 0xc0, 0xc0}, true
	case "skyblue":
		return Colour{0x87, 0xce, 0xeb}, true
	case "slateblue":
		return Colour{0x6a, 0x5a, 0xcd}, true
	case "slategray":
		return Colour{0x70, 0x80, 0x90}, true
	case "slategrey":
		return Colour{0x70, 0x80, 0x90}, true
	case "snow":
		return Colour{0xff, 0xfa, 0xfa}, true
	case "springgreen":
		return Colour{0x00, 0xff, 0x7f}, true
	case "steelblue":
		return Colour{0x46, 0x82, 0xb4}, true
	case "tan":
		return Colour{0xd2, 0xb4, 0x8c}, true
	case "teal":
		return Colour{0x00, 0x80, 0x80}, true
	case "thistle":
		return Colour{0xd8, 0xbf, 0xd8}, true
	case "tomato":
		return Colour{0xff, 0x63, 0x47}, true
	case "turquoise":
		return Colour{0x40, 0xe0, 0xd0}, true
	case "violet":
		return Colour{0xee, 0x82, 0xee}, true
	case "wheat":
		return Colour{0xf5, 0xde, 0xb3}, true
	case "white":
		return Colour{0xff, 0xff, 0xff}, true
	case "whitesmoke":
		return Colour{0xf5, 0xf5, 0xf5}, true
	case "yellow":
		return Colour{0xff, 0xff, 0x00}, true
	case "yellowgreen":
		return Colour{0x9a, 0xcd, 0x32}, true
	}
	return Colour{}, false
}
