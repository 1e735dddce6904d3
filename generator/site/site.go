// Package site holds what every stage of a build shares: what a Pamphlet
// site is made of (its folders and files, the names never read, and how a
// file is read safely), its settings (Config, read from site.yaml and
// checked), the nouns of its front matter (Date, Person, FrontMatter) and
// its addresses (PageURL, Href). The loader, the digest that tells an
// unchanged site, and the dev server's watcher all ask it what an input
// is, so that a new kind of input is taught to one place.
//
// It imports no stage and nothing of the generator, so that every stage,
// and the dev server, can use it.
package site

import (
	"path/filepath"
	"strings"
)

// The parts of a site, relative to its root.
const (
	ConfigFile   = "site.yaml" // the site-wide settings
	ContentDir   = "content"   // the pages, their bibliographies and the files beside them
	TemplatesDir = "templates" // layouts and partials over the default theme's
	StaticDir    = "static"    // files published as they are, over the default theme's
	I18nDir      = "i18n"      // the theme's words in each language, over the default theme's (see package i18n)
)

// SynonymsFile is where a site keeps its own words for the search index
// (see package search), beside content/.
const SynonymsFile = "search/synonyms.yaml"

// Folders are the folders a site is built from, each walked whole.
var Folders = [...]string{ContentDir, TemplatesDir, StaticDir, I18nDir}

// IsIgnored reports whether a file name is one Pamphlet never reads:
// hidden files, and the temporary files editors write while saving (vim's
// .swp and 4913, emacs' .#x and x~, JetBrains' jb_ and .___jb_tmp___
// files, GNOME's .goutputstream-).
func IsIgnored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		name == "4913" || strings.HasPrefix(name, "jb_") ||
		strings.HasSuffix(name, ".___jb_tmp___") || strings.HasSuffix(name, ".___jb_old___")
}

// Input reports whether a slash-separated path relative to the site root
// is something the site is built from: site.yaml, a file under one of the
// Folders that is neither hidden nor an editor's temporary file (nor
// inside a hidden folder), or one of extra, the files outside the folders
// that site.yaml names (bibliographies, a citation style).
func Input(rel string, extra map[string]bool) bool {
	if rel == ConfigFile || extra[rel] {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	inSite := false
	for _, f := range Folders {
		inSite = inSite || top == f
	}
	if !inSite {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if IsIgnored(part) {
			return false
		}
	}
	return true
}

// Within reports whether path p is the folder dir or inside it.
func Within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
