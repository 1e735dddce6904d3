package site

import (
	"net/url"
	"path"
	"strings"
)

// PageURL returns the site-relative output folder of a page, from its
// content-relative source path. It is a pure function of the path, so a page
// can link to another before either is parsed:
//
//	_index.md                   -> ""            (the home page)
//	therapy/_index.md           -> "therapy/"    (a section page)
//	therapy/what-to-expect.md   -> "therapy/what-to-expect/"
//	therapy/index.md            -> "therapy/"    (same as _index.md)
//
// Spaces become hyphens; other characters are kept and percent-encoded only
// where a link is written (see Href).
func PageURL(rel string) string {
	dir, file := path.Split(rel)
	name := strings.TrimSuffix(file, ".md")
	var out string
	if name == "_index" || name == "index" {
		out = dir
	} else {
		out = dir + name + "/"
	}
	return slugPath(out)
}

// AssetURL returns the site-relative output path of a file beside the pages.
func AssetURL(rel string) string { return slugPath(rel) }

func slugPath(p string) string {
	return strings.ReplaceAll(p, " ", "-")
}

// Href returns a link to a site-relative path as the site writes it: under
// the base path, each segment percent-encoded where needed.
func Href(basePath, rel string) string {
	if rel == "" {
		return basePath
	}
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return basePath + strings.Join(segs, "/")
}

// IsSection reports whether a content-relative path is a section's own page.
func IsSection(rel string) bool {
	b := path.Base(rel)
	return b == "_index.md" || b == "index.md"
}

// HasScheme reports whether a link destination names a scheme (https:,
// mailto:, javascript:), so it is not a path within the site.
func HasScheme(dest string) (scheme string, ok bool) {
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c == ':':
			if i == 0 {
				return "", false
			}
			return strings.ToLower(dest[:i]), true
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return "", false
		}
	}
	return "", false
}

// ParentURL returns the URL of the section that holds a page: "a/b/" -> "a/".
func ParentURL(u string) string {
	if u == "" {
		return ""
	}
	u = strings.TrimSuffix(u, "/")
	i := strings.LastIndex(u, "/")
	if i < 0 {
		return ""
	}
	return u[:i+1]
}
