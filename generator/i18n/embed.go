package i18n

import "embed"

// theme holds the theme's strings files, one per language, named by
// lower-case BCP 47 tag: strings/en.yaml, strings/cy.yaml, ...
//
//go:embed strings/*.yaml
var theme embed.FS

// themeLayer reads the theme's strings file for a lower-case tag, or
// returns nil when the theme has none. The theme's files are tested; one
// that does not read is a broken build of Pamphlet, and panics.
func themeLayer(tag string) *layer {
	text, err := theme.ReadFile("strings/" + tag + ".yaml")
	if err != nil {
		return nil // no such file (or a name that is no file's)
	}
	l, diags := parseLayer("(theme) strings/"+tag+".yaml", tag, text)
	if len(diags) > 0 {
		panic("i18n: the theme's strings file is broken:\n" + diags.String())
	}
	return l
}
