// Package csldata embeds the Citation Style Language styles and locales
// bundled with Pamphlet (unmodified copies from the CSL project,
// https://citationstyles.org/, licensed CC BY-SA 3.0; see NOTICE.md).
package csldata

import "embed"

// FS holds styles/*.csl, locales/*.xml and locales/locales.json.
//
//go:embed styles/*.csl locales/*.xml locales/locales.json NOTICE.md
var FS embed.FS
