// Package brand turns a clinic's brand colours into the colours of the
// default theme, and refuses, at build time, a brand colour that would make
// text or controls on the site hard to read.
//
// # Why
//
// A clinic sets its brand in site.yaml:
//
//	brand:
//	  logo: images/logo.svg
//	  logo_alt: Riverside Community Mental Health Team
//	  colour: "#005eb8"
//	  accent: "#a04000"
//
// Site generators take a brand colour on trust: the theme pastes it into
// the stylesheet as written, and a pale yellow brand gives pale yellow
// links on white that many readers cannot make out. Contrast checkers exist,
// but they run after the site is published, if anyone runs them. A patient
// information site is read by people who are unwell, anxious, older, or
// reading on a cracked phone in the sun; contrast is not a nicety there.
// Pamphlet checks every pair of colours its theme puts together against
// WCAG 2.2, in light and dark mode, and refuses to build with a colour that
// fails, saying which setting, what fails, by how much, and the nearest
// colour of the same hue that passes.
//
// # What is checked
//
// Contrast is the WCAG 2.x ratio of relative luminances (Contrast). Text
// needs 4.5:1 (success criterion 1.4.3, AA; headings are held to it too,
// though large text needs only 3:1). The parts of controls needed to see
// them, such as input and button borders, buttons against the page and the
// focus ring, need 3:1 (1.4.11; focus appearance, 2.4.13, asks the same of
// the ring). Theme.Pairings lists every pairing checked, in words.
//
// Light mode uses the clinic's colours as given: brand.colour for the
// header, links, headings, buttons and rules, brand.accent for the focus
// ring. So brand.colour must reach 4.5:1 on white and brand.accent 3:1.
// Everything else is derived and passes by construction: the neutrals are
// tinted with the brand's hue, and the shaded panels, crisis box and
// highlight are lightened just enough for the brand colours to pass on them.
// The focus ring in the header is the accent moved to the nearest lightness
// that shows 3:1 against the header (no one colour can do 3:1 against both
// white and a dark header).
//
// Dark mode is derived from the brand, not a fixed palette: the page is a
// near-black tinted with the brand's hue, and links, headings, buttons and
// the focus ring are the brand colour and accent moved to the nearest
// lightness that passes on it (Nearest); the header keeps the brand colour,
// darkened if needed for light text on it. Derivation always succeeds, so
// dark mode never fails. Print is black on white, with the brand colour, at
// a lightness that passes, for headings and rules only. The crisis box
// keeps its own magenta in every brand, so that it always stands apart.
//
// # Problems
//
// Derive returns each failing setting as a Problem, at most one per
// setting, whose Error is a sentence a clinic can act on:
//
//	brand colour #ffcc00 is too light for links on the white page in light mode: contrast 1.5:1, needs 4.5:1; the nearest colour of the same hue that passes is #917300
//	brand accent #ffd700 is too light for the focus ring on the white page in light mode: contrast 1.4:1, needs 3:1; the nearest colour of the same hue that passes is #af9300
//
// Ratios are rounded down to one decimal (Ratio), so a ratio that fails is
// never shown as one that passes: #777 on white is 4.48:1, shown as 4.4:1.
//
// "Nearest" means nearest in OKLCH lightness with hue and chroma kept, the
// smallest change a reader would see; see Nearest.
//
// # CSS custom properties
//
// Theme.CSS writes these properties, with the light palette on :root, the
// dark one inside @media (prefers-color-scheme: dark) and the print one
// inside @media print, for the theme's stylesheet to use as var(--name).
// The names are stable; the stylesheet should take every colour from them.
//
//	--bg            the page background
//	--surface       shaded panels, table heads, code
//	--text          body text, on --bg, --surface and --crisis-bg
//	--muted         secondary text (dates, captions), on the same
//	--border        borders of inputs, buttons and tables (3:1)
//	--link          links, on --bg, --surface, --crisis-bg and --mark
//	--link-visited  visited links (the same colour as --link)
//	--link-hover    links under the mouse
//	--heading       headings
//	--rule          rules and decorative bands in the brand colour (3:1);
//	                what the stylesheet calls --accent today
//	--header        the site header's background (the brand colour)
//	--header-on     text, links and the logo text in the header
//	--button        button background (the brand colour)
//	--button-on     button label
//	--focus         the focus ring (the accent) on the page and panels
//	--focus-header  the focus ring inside the header
//	--mark          highlighted text (mark, :target) background
//	--mark-on       text on --mark (links on it use --link)
//	--crisis        the crisis box's border and heading band
//	--crisis-on     the crisis box's heading, on --crisis
//	--crisis-bg     the inside of the crisis box
//
// # Use
//
// The config reader parses brand.colour and brand.accent with ParseColour,
// calls Derive, reports every Problem as a build error and, if there are
// none, writes Theme.CSS to a stylesheet loaded before the theme's own.
// `pamphlet new` writes Default's colours into the starter site.yaml.
package brand
