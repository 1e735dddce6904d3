package page

import (
	"strings"

	"pamphlet/generator/search"
	"pamphlet/generator/site"
)

// IndexInto makes ps give each page it parses that belongs in the site's
// search index (see site.FrontMatter.Searchable) to add, as the search
// index's Document, made from the prose the content checks read: the text
// under each heading, with the heading's id to link to, and the page's
// language, whose index it belongs in.
func (ps *Parser) IndexInto(add func(lang string, d search.Document)) { ps.searched = add }

// A page's safety: crisis shows the crisis box on it, as safe-messaging
// guidance asks of many pages; it does not make the page a crisis page for
// search, which would put half of a site first for any query. The site's
// crisis page (site.yaml's crisis_page) is the one search puts first: see
// search.Config.CrisisURL.

// searchDocument returns what the search index needs of the page, from its
// prose blocks (valid only until the parser's next page: everything kept
// is copied).
func searchDocument(p *Page, blocks []proseBlock) search.Document {
	f := &p.Front
	d := search.Document{URL: p.URL, Title: f.Title, Description: f.Description}
	if p.URL != "" {
		d.Section = site.ParentURL(p.URL)
	}
	var text strings.Builder
	block := search.Block{}
	flush := func() {
		block.Text = text.String()
		if block.Text != "" || block.Heading != "" {
			d.Blocks = append(d.Blocks, block)
		}
		text.Reset()
	}
	for _, b := range blocks {
		if b.heading != nil && b.heading.Level > 1 {
			flush()
			id, _ := b.heading.AttributeString("id")
			anchor, _ := id.([]byte)
			block = search.Block{Heading: strings.Clone(b.text), Anchor: string(anchor)}
			continue
		}
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		text.WriteString(b.text)
	}
	flush()
	return d
}
