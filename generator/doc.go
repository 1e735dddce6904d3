// Package generator turns a site (site.yaml, content/, templates/, static/)
// into a finished static website.
//
// The work is a pipeline whose data flows one way:
//
//	load     site.yaml + walk content/      -> Config, []Source, assets
//	parse    goldmark, one page at a time   -> []*Page  (pure: parallel, redoable alone)
//	resolve  the whole site at once         -> *Site    (sections, navigation, link checks)
//	render   html/template, in parallel     -> pages streamed into a staging folder
//	write    staging folder, then a swap    -> the output folder
//
// Every problem found on the way is a diag.Diagnostic with file:line:col.
// An error in any page stops the build before the output folder is touched,
// so the last good site stays in place.
package generator
