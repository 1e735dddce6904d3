// Package fonts embeds the fonts Pamphlet draws its PDF handouts with:
// DejaVu Sans, regular and bold, unmodified copies of the files Debian ships
// in fonts-dejavu-core 2.37 (licence in LICENSE, origin in NOTICE.md).
package fonts

import "embed"

// FS holds DejaVuSans.ttf, DejaVuSans-Bold.ttf, LICENSE and NOTICE.md.
//
//go:embed *.ttf LICENSE NOTICE.md
var FS embed.FS
