// Package generator turns a site (site.yaml, content/, templates/, static/)
// into a finished static website.
//
// The work is a pipeline whose data flows one way:
//
//	load     site.yaml + load.Walk content/      -> site.Config, []load.Source, assets
//	parse    goldmark, one page at a time   -> []*page.Page  (pure: parallel.Run, redoable alone)
//	resolve  the whole site at once         -> *Site    (sections, navigation, link checks)
//	make     each Output (outputs.go)       -> bytes, handed to a sink (pipeline.go)
//	write    package write: staging folder, then a swap -> the output folder
//
// One driver, Builder (pipeline.go), runs it for every command: `build`
// once on everything, streaming into the staging folder (Build);
// `check` up to resolve (Check); the dev server on everything and then on
// each change set, keeping what it made in memory (Builder.Rebuild).
//
// Every problem found on the way is a diag.Diagnostic with file:line:col.
// An error in any page stops the build before the output folder is touched,
// so the last good site stays in place.
package generator
