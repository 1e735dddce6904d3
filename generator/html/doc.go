// Package html is the output stage: what the finished site is made of
// (Plan lists one Output per file: a page, the 404 page, a file copied as
// it is, or a file made from the whole site), and how each makes its
// bytes. Pages are rendered with the theme's html/template files
// (templates/, over the default theme's), each layout given a PageView and
// a SiteView worked out from the resolved site; one Worker per goroutine
// holds its own clone of the templates and its buffers.
//
// Each Output says what its bytes depend on (Inputs) and what an open tab
// does when it changes (Reload), and each page's view has a Fingerprint,
// so that the dev server makes again exactly what a change affects.
package html
