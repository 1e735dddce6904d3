package brand

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Brand is a clinic's brand as site.yaml sets it: brand.colour, used for
// the header, links, headings and buttons, and brand.accent, used for the
// focus ring that shows keyboard users where they are. ColourSet and
// AccentSet say whether site.yaml gave each; a colour that was not given is
// taken from Default, whatever the field holds.
type Brand struct {
	Colour    Colour
	Accent    Colour
	ColourSet bool
	AccentSet bool
}

// Default returns the neutral brand a site has when site.yaml sets none, and
// which the starter site of `pamphlet new` writes out: a dark blue, #1d4f91
// (8.4:1 on white()), with a burnt-orange focus ring, #a04000 (6.5:1 on
// white()). Every pairing of the theme derived from it passes, in light and
// dark mode.
func Default() Brand {
	return Brand{Colour: Colour{0x1d, 0x4f, 0x91}, Accent: Colour{0xa0, 0x40, 0x00}}
}

func (b Brand) colour() Colour {
	if !b.ColourSet {
		return Default().Colour
	}
	return b.Colour
}

func (b Brand) accent() Colour {
	if !b.AccentSet {
		return Default().Accent
	}
	return b.Accent
}

// Palette holds every colour the default theme uses in one mode. Each field
// is written out by Theme.CSS as the custom property named in its comment.
type Palette struct {
	Background       Colour // --bg: the page
	Surface          Colour // --surface: shaded panels, table heads, code
	Text             Colour // --text: body text
	Muted            Colour // --muted: secondary text (dates, captions)
	Border           Colour // --border: borders of inputs, buttons, tables
	Link             Colour // --link: links
	LinkVisited      Colour // --link-visited: visited links (the same as Link)
	LinkHover        Colour // --link-hover: links under the mouse
	Heading          Colour // --heading: headings
	Rule             Colour // --rule: rules and decorative bands in the brand colour
	Header           Colour // --header: the site header's background
	HeaderText       Colour // --header-on: text and links in the header
	Button           Colour // --button: button background
	ButtonText       Colour // --button-on: button label
	Focus            Colour // --focus: the focus ring on the page
	FocusOnHeader    Colour // --focus-header: the focus ring in the header
	Mark             Colour // --mark: highlighted text (mark, :target)
	MarkText         Colour // --mark-on: text on --mark
	Crisis           Colour // --crisis: the crisis box's border and heading band
	CrisisText       Colour // --crisis-on: the crisis box heading on --crisis
	CrisisBackground Colour // --crisis-bg: the inside of the crisis box
}

// vars lists the palette as CSS custom properties, in a fixed order.
func (p Palette) vars() []struct {
	name string
	c    Colour
} {
	return []struct {
		name string
		c    Colour
	}{
		{"bg", p.Background}, {"surface", p.Surface}, {"text", p.Text}, {"muted", p.Muted},
		{"border", p.Border}, {"link", p.Link}, {"link-visited", p.LinkVisited},
		{"link-hover", p.LinkHover}, {"heading", p.Heading}, {"rule", p.Rule},
		{"header", p.Header}, {"header-on", p.HeaderText}, {"button", p.Button},
		{"button-on", p.ButtonText}, {"focus", p.Focus}, {"focus-header", p.FocusOnHeader},
		{"mark", p.Mark}, {"mark-on", p.MarkText}, {"crisis", p.Crisis},
		{"crisis-on", p.CrisisText}, {"crisis-bg", p.CrisisBackground},
	}
}

// Theme is the set of palettes derived from a Brand: Light for the
// default, Dark for prefers-color-scheme: dark, and Print for paper.
type Theme struct {
	Light, Dark, Print Palette
}

// Modes, as Pairing.Mode and Problem.Mode name them.
const (
	Light = "light"
	Dark  = "dark"
	Print = "print"
)

// The WCAG 2.2 minimum contrast ratios the theme is held to.
const (
	// TextRatio is the minimum for text (success criterion 1.4.3, AA).
	TextRatio = 4.5
	// UIRatio is the minimum for the parts of controls needed to see them,
	// such as borders and the focus ring (1.4.11, AA; focus appearance,
	// 2.4.13, is AAA and asks the same 3:1 of the indicator).
	UIRatio = 3.0
)

// Pairing is one pair of colours the theme puts next to each other, and the
// contrast it needs.
type Pairing struct {
	Mode       string  // Light, Dark or Print
	What       string  // in words, e.g. "links on the white page"
	Foreground Colour  // the text, ring or border
	Background Colour  // what it sits on
	Need       float64 // TextRatio or UIRatio
	Setting    string  // "colour" or "accent" if the pairing uses that setting, else ""
}

// Contrast returns the pairing's contrast ratio.
func (p Pairing) Contrast() float64 { return Contrast(p.Foreground, p.Background) }

// Passes reports whether the pairing reaches the contrast it needs.
func (p Pairing) Passes() bool { return p.Contrast() >= p.Need }

// Pairings lists every pair of colours the default theme puts together, in
// every mode, in a fixed order (light, dark, print; the pairings most
// likely to fail first).
func (t Theme) Pairings() []Pairing {
	var all []Pairing
	all = append(all, pairings(Light, "the white page", t.Light)...)
	all = append(all, pairings(Dark, "the dark page", t.Dark)...)
	return append(all, pairings(Print, "the printed page", t.Print)...)
}

func pairings(mode, page string, p Palette) []Pairing {
	const c, a = "colour", "accent"
	list := []Pairing{
		{What: "links on " + page, Foreground: p.Link, Background: p.Background, Need: TextRatio, Setting: c},
		{What: "visited links on " + page, Foreground: p.LinkVisited, Background: p.Background, Need: TextRatio, Setting: c},
		{What: "links under the mouse on " + page, Foreground: p.LinkHover, Background: p.Background, Need: TextRatio, Setting: c},
		{What: "headings on " + page, Foreground: p.Heading, Background: p.Background, Need: TextRatio, Setting: c},
		{What: "links on the shaded panels", Foreground: p.Link, Background: p.Surface, Need: TextRatio, Setting: c},
		{What: "links in the crisis box", Foreground: p.Link, Background: p.CrisisBackground, Need: TextRatio, Setting: c},
		{What: "links in highlighted text", Foreground: p.Link, Background: p.Mark, Need: TextRatio, Setting: c},
		{What: "rules and bands on " + page, Foreground: p.Rule, Background: p.Background, Need: UIRatio, Setting: c},
		{What: "rules and bands on the shaded panels", Foreground: p.Rule, Background: p.Surface, Need: UIRatio, Setting: c},
		{What: "text on the header", Foreground: p.HeaderText, Background: p.Header, Need: TextRatio, Setting: c},
		{What: "the label on buttons", Foreground: p.ButtonText, Background: p.Button, Need: TextRatio, Setting: c},
		{What: "buttons on " + page, Foreground: p.Button, Background: p.Background, Need: UIRatio, Setting: c},
		{What: "buttons on the shaded panels", Foreground: p.Button, Background: p.Surface, Need: UIRatio, Setting: c},
		{What: "the focus ring on " + page, Foreground: p.Focus, Background: p.Background, Need: UIRatio, Setting: a},
		{What: "the focus ring on the shaded panels", Foreground: p.Focus, Background: p.Surface, Need: UIRatio, Setting: a},
		{What: "the focus ring in the crisis box", Foreground: p.Focus, Background: p.CrisisBackground, Need: UIRatio, Setting: a},
		{What: "the focus ring on the header", Foreground: p.FocusOnHeader, Background: p.Header, Need: UIRatio, Setting: a},
		{What: "text on " + page, Foreground: p.Text, Background: p.Background, Need: TextRatio},
		{What: "text on the shaded panels", Foreground: p.Text, Background: p.Surface, Need: TextRatio},
		{What: "text in the crisis box", Foreground: p.Text, Background: p.CrisisBackground, Need: TextRatio},
		{What: "muted text on " + page, Foreground: p.Muted, Background: p.Background, Need: TextRatio},
		{What: "muted text on the shaded panels", Foreground: p.Muted, Background: p.Surface, Need: TextRatio},
		{What: "muted text in the crisis box", Foreground: p.Muted, Background: p.CrisisBackground, Need: TextRatio},
		{What: "highlighted text", Foreground: p.MarkText, Background: p.Mark, Need: TextRatio},
		{What: "borders of inputs and buttons on " + page, Foreground: p.Border, Background: p.Background, Need: UIRatio},
		{What: "borders of inputs and buttons on the shaded panels", Foreground: p.Border, Background: p.Surface, Need: UIRatio},
		{What: "the crisis box heading", Foreground: p.CrisisText, Background: p.Crisis, Need: TextRatio},
		{What: "the crisis box border on " + page, Foreground: p.Crisis, Background: p.Background, Need: UIRatio},
	}
	for i := range list {
		list[i].Mode = mode
	}
	return list
}

// Problem is a brand setting that makes some text or control too hard to
// see. Error gives it as a sentence a clinic can act on.
type Problem struct {
	Setting string  // "colour" or "accent", the key under brand: in site.yaml
	Value   Colour  // the colour site.yaml gave
	Mode    string  // Light, Dark or Print
	What    string  // the pairing in words, e.g. "links on the white page"
	Found   float64 // the contrast ratio found
	Need    float64 // the contrast ratio needed
	Nearest Colour  // the nearest colour of the same hue that passes
}

// Error returns the problem as one sentence, for example: brand colour
// #ffcc00 is too light for links on the white page in light mode: contrast
// 1.5:1, needs 4.5:1; the nearest colour of the same hue that passes is
// #8a6e00.
func (p Problem) Error() string {
	way := "too dark"
	if luminance(p.Nearest) < luminance(p.Value) {
		way = "too light"
	}
	return fmt.Sprintf("brand %s %s is %s for %s in %s mode: contrast %s, needs %s; the nearest colour of the same hue that passes is %s",
		p.Setting, p.Value, way, p.What, p.Mode, Ratio(p.Found), Ratio(p.Need), p.Nearest)
}

// String returns the same sentence as Error.
func (p Problem) String() string { return p.Error() }

// Ratio formats a contrast ratio as WCAG writes it, with one decimal
// rounded down, so that a ratio just short of its threshold (4.48) is shown
// short of it (4.4:1, never 4.5:1). Whole thresholds lose the decimal (3:1).
func Ratio(r float64) string {
	if r == math.Trunc(r) {
		return strconv.FormatFloat(r, 'f', 0, 64) + ":1"
	}
	return strconv.FormatFloat(math.Floor(r*10)/10, 'f', 1, 64) + ":1"
}

// Derive derives the light, dark and print palettes of the default theme
// from a brand and checks every pairing of them.
//
// Light mode uses the brand colour as given for the header, links, headings,
// buttons and rules, and the accent as given for the focus ring; the
// neutrals (text, shaded panels, borders) are tinted slightly with the
// brand's hue and lightened or darkened just enough to pass next to the
// brand colours. Dark mode derives everything from the brand: a near-black()
// page tinted with the brand's hue, and the brand and accent colours at the
// nearest lightness that passes on it (Nearest). Print is black on white()
// with the brand colour, at a lightness that passes, for headings and rules
// only. The crisis box keeps its own magenta in every brand, so that it
// always stands apart from the brand colour.
//
// Derived colours always pass, so problems can only come from the colours
// as given, in light mode: a brand colour too light (or too dark) for links
// on white(), or an accent too faint to show the focus ring. Derive reports
// at most one Problem per setting, the first failing pairing, with the
// nearest colour that fixes all of them; the Theme is returned either way.
func Derive(b Brand) (Theme, []Problem) {
	colour, accent := b.colour(), b.accent()
	t := Theme{
		Light: lightPalette(colour, accent),
		Dark:  darkPalette(colour, accent),
		Print: printPalette(colour),
	}
	var problems []Problem
	seen := map[string]bool{}
	for _, p := range t.Pairings() {
		if p.Passes() {
			continue
		}
		setting := p.Setting
		if setting == "" {
			setting = "colour" // derived from the brand colour; a bug if it ever happens
		}
		if seen[p.Mode+setting] {
			continue
		}
		seen[p.Mode+setting] = true
		value := colour
		if setting == "accent" {
			value = accent
		}
		other := p.Background
		if other == value {
			other = p.Foreground
		}
		problems = append(problems, Problem{
			Setting: setting, Value: value, Mode: p.Mode, What: p.What,
			Found: p.Contrast(), Need: p.Need,
			Nearest: Nearest(value, other, p.Need),
		})
	}
	return t, problems
}

func white() Colour { return Colour{255, 255, 255} }
func black() Colour { return Colour{} }

// tint returns a neutral at OKLCH lightness L carrying a trace of the
// brand's hue: chroma 30% of the brand's, at most max.
func tint(brand lch, L, max float64) Colour {
	return lch{L, math.Min(0.3*brand.C, max), brand.H}.colour()
}

// shift moves c's OKLCH lightness by d.
func shift(c Colour, d float64) Colour {
	p := toLCH(c)
	p.L += d
	return p.colour()
}

// against lists the requirement ratio against each background.
func against(ratio float64, bgs ...Colour) []req {
	r := make([]req, len(bgs))
	for i, bg := range bgs {
		r[i] = req{bg, ratio}
	}
	return r
}

// onColour picks the text colour for a filled background: white if it
// passes, else the theme's dark text, else black.
func onColour(bg, text Colour) Colour {
	for _, c := range []Colour{white(), text} {
		if Contrast(c, bg) >= TextRatio {
			return c
		}
	}
	if Contrast(white(), bg) > Contrast(black(), bg) {
		return white()
	}
	return black()
}

// fitBackground moves a light background just enough for every foreground
// to pass on it, ignoring foregrounds that do not even pass on the page
// (those are reported as problems with the page itself).
func fitBackground(c, page Colour, fgs []req) Colour {
	var ok []req
	for _, r := range fgs {
		if Contrast(r.Against, page) >= r.Ratio {
			ok = append(ok, r)
		}
	}
	return nearestAll(c, ok)
}

func lightPalette(colour, accent Colour) Palette {
	h := toLCH(colour)
	p := Palette{Background: white(), Link: colour, LinkVisited: colour, Heading: colour, Rule: colour,
		Header: colour, Button: colour, Focus: accent, Crisis: Colour{0x8c, 0x2d, 0x5a}, CrisisText: white()}
	p.Text = nearestAll(tint(h, 0.26, 0.02), against(TextRatio, white()))
	p.Muted = nearestAll(tint(h, 0.47, 0.03), against(TextRatio, white()))
	p.Border = nearestAll(tint(h, 0.62, 0.03), against(UIRatio, white()))
	p.LinkHover = nearestAll(shift(colour, -0.08), against(TextRatio, white()))
	p.HeaderText = onColour(colour, p.Text)
	p.ButtonText = p.HeaderText
	p.FocusOnHeader = nearestAll(accent, against(UIRatio, colour))
	fgs := []req{{p.Text, TextRatio}, {p.Muted, TextRatio}, {p.Link, TextRatio}, {p.Border, UIRatio}, {p.Focus, UIRatio}}
	p.Surface = fitBackground(tint(h, 0.97, 0.012), white(), fgs)
	p.CrisisBackground = fitBackground(Colour{0xfb, 0xf3, 0xf7}, white(), fgs)
	p.Mark = fitBackground(Colour{0xff, 0xf4, 0xc2}, white(), []req{{p.Text, TextRatio}, {p.Link, TextRatio}})
	p.MarkText = p.Text
	return p
}

func darkPalette(colour, accent Colour) Palette {
	h := toLCH(colour)
	p := Palette{
		Background:       tint(h, 0.20, 0.02),
		Surface:          tint(h, 0.25, 0.025),
		Crisis:           Colour{0xf0, 0xa6, 0xc8},
		CrisisText:       Colour{0x22, 0x10, 0x1a},
		CrisisBackground: Colour{0x24, 0x18, 0x20},
	}
	bgs := []Colour{p.Background, p.Surface, p.CrisisBackground}
	p.Text = nearestAll(tint(h, 0.93, 0.012), against(TextRatio, bgs...))
	p.Muted = nearestAll(tint(h, 0.78, 0.02), against(TextRatio, bgs...))
	p.Border = nearestAll(tint(h, 0.55, 0.03), against(UIRatio, p.Background, p.Surface))
	p.Link = nearestAll(colour, against(TextRatio, bgs...))
	p.LinkVisited, p.Heading, p.Rule, p.Button = p.Link, p.Link, p.Link, p.Link
	p.LinkHover = nearestAll(shift(p.Link, +0.08), against(TextRatio, bgs...))
	p.ButtonText = p.Background
	p.Header = nearestAll(colour, against(TextRatio, p.Text))
	p.HeaderText = p.Text
	p.Focus = nearestAll(accent, against(UIRatio, bgs...))
	p.FocusOnHeader = nearestAll(p.Focus, against(UIRatio, p.Header))
	p.Mark = nearestAll(Colour{0x4a, 0x3b, 0x00}, against(TextRatio, p.Text, p.Link))
	p.MarkText = p.Text
	return p
}

func printPalette(colour Colour) Palette {
	return Palette{
		Background: white(), Surface: white(), Text: black(), Muted: black(), Border: black(),
		Link: black(), LinkVisited: black(), LinkHover: black(),
		Heading: Nearest(colour, white(), TextRatio),
		Rule:    Nearest(colour, white(), UIRatio),
		Header:  white(), HeaderText: black(), Button: black(), ButtonText: white(),
		Focus: black(), FocusOnHeader: black(), Mark: white(), MarkText: black(),
		Crisis: black(), CrisisText: white(), CrisisBackground: white(),
	}
}

// CSS returns the theme as CSS custom properties: the light palette on
// :root, the dark one inside @media (prefers-color-scheme: dark) and the
// print one inside @media print. The output depends only on the theme, one
// property a line in a fixed order, so it can be compared byte for byte.
func (t Theme) CSS() string {
	var b strings.Builder
	b.WriteString("/* Brand colours, generated by Pamphlet from site.yaml. Do not edit. */\n")
	block := func(indent string, p Palette) {
		b.WriteString(indent + ":root {\n")
		for _, v := range p.vars() {
			fmt.Fprintf(&b, "%s  --%s: %s;\n", indent, v.name, v.c)
		}
		b.WriteString(indent + "}\n")
	}
	block("", t.Light)
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	block("  ", t.Dark)
	b.WriteString("}\n@media print {\n")
	block("  ", t.Print)
	b.WriteString("}\n")
	return b.String()
}
