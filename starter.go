package main

import (
	"embed"
	"io/fs"
)

// starter is the bundled site: the MBT psychoeducation pages, the default
// theme (templates/ and static/) and site.yaml. Builds use its templates/
// and static/ as the default theme; "pamphlet new" writes all of it out.
//
//go:embed site.yaml all:content all:templates all:static
var starter embed.FS

// theme returns the default theme: the starter's templates/ and static/.
func theme() fs.FS { return starter }
