// Package page is the parse stage: one page's source in, a Page out. A
// Parser reads the front matter (into site.FrontMatter), renders the body
// with goldmark (GFM, heading ids, the citation syntax of package cite,
// tables wrapped for small screens, links to other pages rewritten to
// their addresses and checked against the site's files), and takes from
// the text what the trust checks need (Facts) and the page's schema.org
// data (JSONLD). It depends only on the source, the site's settings, the
// list of its files and its bibliographies, so pages are parsed in any
// order, in parallel (ParseAll), and one page can be parsed again alone.
//
// A Page's rendered body can be kept on it (the dev server), spilled to a
// temporary file until it is rendered (a build: see Spills), or dropped
// (check): see Bodies.
package page
