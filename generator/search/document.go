package search

// Document is what the index needs of one page, given by the parse stage.
// Leave out drafts, pages with search: false and pages not to be indexed:
// every Document added is searchable.
type Document struct {
	// URL is the page's site-relative address, as the browser links to it:
	// "therapy/what-to-expect/", "" for the home page.
	URL string
	// Title is the page's title; Description the front matter's
	// one-sentence summary.
	Title, Description string
	// Section is the address of the section the page is in ("therapy/"),
	// whose title, given to Merge or SetSections, is shown under the
	// result ("Understanding BPD"). A page parsed alone cannot know the
	// section's title; the address it can, and a section whose title
	// changes then changes one file of the index, not an excerpt a page.
	Section string
	// Crisis marks a page that comes first whenever a query matches it
	// (front matter safety: crisis). The site's crisis page itself is
	// Config.CrisisURL.
	Crisis bool
	// Blocks is the page's text as plain text, in reading order, one block
	// per heading: the text before the first heading has none.
	Blocks []Block
}

// Block is the part of a page under one heading.
type Block struct {
	Heading string // the heading's text ("" before the first heading)
	Anchor  string // the heading's id, to link to the place
	Text    string // the plain text under it, up to the next heading
}
