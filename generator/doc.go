// Package generator turns a site (site.yaml, content/, templates/, static/)
// into a finished static website. It is the driver; each stage is a
// package of its own, and the data flows one way:
//
//	load     package load: site.yaml, the site's files     -> load.Inputs, bibliographies
//	parse    package page: goldmark, one page at a time    -> []*page.Page (parallel, redoable alone)
//	resolve  package resolve: the whole site at once       -> *resolve.Site (sections, links checked)
//	make     package html: one Output per file             -> bytes, handed to a sink
//	write    package write: a staging folder, then a swap  -> the output folder
//
// The nouns every stage shares (the settings, front matter, addresses, what
// a site is made of) are in package site; every problem found on the way is
// a diag.Diagnostic with file:line:col.
//
// One driver, Builder (pipeline.go), runs the stages for every command:
// `build` once on everything, streaming into the staging folder (Build);
// `check` up to resolve (Check); the dev server on everything and then on
// each change set, keeping what it made in memory (Builder.Rebuild,
// incremental.go). An error in any page stops the build before the output
// folder is touched, so the last good site stays in place; manifest.go
// lets a build with nothing changed stop before it starts.
package generator
