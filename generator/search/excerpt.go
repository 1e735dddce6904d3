package search

import "strings"

// Excerpts: what a result shows (title, section, a snippet) comes from a
// small file per page, fetched only for the results on screen, so that
// the text of every page matching a common word never travels. It keeps
// the start of each part of the page, enough for a snippet around a
// matched word in most pages, not the whole text.
const (
	excerptBlock = 400  // bytes kept of each part of a page
	excerptTotal = 1600 // bytes kept of a page in all
)

// excerpt is the file a result is shown from (x/<page id>.json).
type excerpt struct {
	URL         string        `json:"u"`
	Title       string        `json:"t"`
	Section     string        `json:"s,omitempty"`
	Description string        `json:"d,omitempty"`
	Blocks      []excerptPart `json:"b,omitempty"`
}

// excerptPart is [heading, anchor, text], as an array for size.
type excerptPart [3]string

func newExcerpt(d Document) excerpt {
	x := excerpt{URL: d.URL, Title: strings.Clone(d.Title), Section: strings.Clone(d.Section), Description: strings.Clone(d.Description)}
	left := excerptTotal
	for _, b := range d.Blocks {
		if left <= 0 {
			break
		}
		// Kept as written: white space is the browser's to collapse, and
		// tidying it here cost more than the rest of a page's excerpt.
		text, _ := clip(b.Text, min(excerptBlock, left))
		left -= len(text)
		x.Blocks = append(x.Blocks, excerptPart{strings.Clone(b.Heading), strings.Clone(b.Anchor), text})
	}
	return x
}
