// Package fonts embeds the fonts Pamphlet draws its PDF handouts with:
// DejaVu Sans in four faces, unmodified copies of the files Debian ships
// in fonts-dejavu-core 2.37 (licence in LICENSE, origin in NOTICE.md).
package fonts

import "embed"

// FS holds DejaVuSans.ttf, DejaVuSans-Bold.ttf, DejaVuSans-Oblique.ttf,
// DejaVuSans-BoldOblique.ttf, LICENSE and NOTICE.md.
//
//go:embed *.ttf LICENSE NOTICE.md
var FS embed.FS
