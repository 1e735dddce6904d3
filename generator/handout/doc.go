// Package handout makes the printable PDF handout of a page: the same
// reviewed text, references and review date as the web page, laid out for
// a home printer, by the build itself.
//
// A handout is laid out from the page's goldmark AST, not from its HTML:
// Render walks the blocks (headings, paragraphs, lists, block quotes,
// tables, images, rules) and their inlines into styled text runs, breaks
// them into lines, cuts the lines into pages, then draws the pages with
// codeberg.org/go-pdf/fpdf. Layout is done in full before anything is
// drawn, so "Page 1 of 2" is known on page 1, and a heading is never left
// at the foot of a page without the lines that follow it (see flow.go).
//
// Goals: real, selectable text in an embedded free font (DejaVu Sans,
// third_party/fonts); correct Unicode; black text that prints well in
// greyscale, with the brand colour only for headings and rules; the
// review state, authorship, crisis lines and a QR code of the page's
// address; output that depends only on the Document, so the same page
// makes the same bytes.
//
// Non-goals: hyphenation, justified text, right-to-left and complex
// scripts (their characters are reported and left out), SVG images,
// tagged PDF (the PDF library cannot write a structure tree).
package handout
