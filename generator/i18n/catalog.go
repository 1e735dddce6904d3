package i18n

import (
	"slices"
	"strings"

	"pamphlet/generator/diag"
)

// Catalog holds the theme's words for every language of a site: the
// theme's strings files, with the site's own over them. It does not
// change once Load has made it, and is safe for concurrent use.
type Catalog struct {
	tags    []string           // the site's languages as site.yaml writes them, the default first
	strings map[string]Strings // by lower-case tag
	missing []Missing
	files   []string
}

// Load reads the site's strings files (root/i18n/<tag>.yaml) for the
// site's languages over the theme's. The tags are BCP 47 tags as
// site.yaml writes them, the first the default language; with none, the
// site is in English. A file's name matches a tag whatever its case
// (i18n/en-gb.yaml is for en-GB).
//
// Its diagnostics are errors for a file that cannot be read or a value
// that is not text, and warnings for what is read but probably not meant
// (see checkLayer) and for a file of a language the site is not in. The
// Catalog it returns is whole even then: what could not be read is
// replaced by the theme's words.
func Load(root string, tags []string) (*Catalog, diag.List) {
	l := newLoader(root, tags)
	l.readSite()
	return l.catalog(), l.diags
}

// Theme returns the theme's own words for the languages tags, with no
// site's over them: what a caller that has no site folder (a test, a
// tool) shows.
func Theme(tags []string) *Catalog {
	return newLoader("", tags).catalog()
}

// Strings returns the words of one of the site's languages, by its tag
// (in any case); a tag that is not one of them gives the default
// language's.
func (c *Catalog) Strings(tag string) Strings {
	if s, ok := c.strings[strings.ToLower(tag)]; ok {
		return s
	}
	return c.strings[strings.ToLower(c.tags[0])]
}

// Name returns a language's name in itself, as the language switcher
// shows it: the language_name of its words for one of the site's
// languages, else the name CLDR gives ("Español", "اردو"), with a capital
// first letter, else the tag.
func (c *Catalog) Name(tag string) string {
	if s, ok := c.strings[strings.ToLower(tag)]; ok {
		return s["language_name"]
	}
	if name := selfName(tag); name != "" {
		return name
	}
	return tag
}

// Missing lists, in the order of the site's languages, what each lacks:
// for a language other than the default, the keys of the default
// language's words that neither the theme nor the site gives in it, which
// fall back to the default language's; for the default language, the
// keys that fall back to English. A language that lacks nothing is left
// out. `pamphlet check` reports them.
func (c *Catalog) Missing() []Missing { return slices.Clone(c.missing) }

// Files lists the site's strings files that Load read, or tried to (one
// that could not be read is named too, so that fixing it is noticed),
// site-relative with forward slashes ("i18n/es.yaml"), sorted, for the
// dev server's watcher and the site's digest.
func (c *Catalog) Files() []string { return slices.Clone(c.files) }
