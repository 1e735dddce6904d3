package csl

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// LoadLocales parses every locale file matching pattern in fsys (for
// example "locales/locales-*.xml") and returns a Locales lookup by tag
// ("en-US", "de-DE"); a language tag alone ("de") finds nothing, the
// processor then falls back to the language's primary dialect. The
// returned lookup is read-only and safe for concurrent use.
func LoadLocales(fsys fs.FS, pattern string) (Locales, error) {
	files, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	byTag := map[string]*Locale{}
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		l, err := ParseLocale(src)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		tag := l.Lang
		if tag == "" {
			tag = strings.TrimSuffix(strings.TrimPrefix(path.Base(f), "locales-"), ".xml")
		}
		byTag[tag] = l
	}
	return func(tag string) *Locale { return byTag[tag] }, nil
}

// FSStyleLookup returns a StyleLookup that finds a style by id or URL
// ("http://www.zotero.org/styles/apa") as dir/<last path element>.csl in
// fsys, for resolving dependent styles.
func FSStyleLookup(fsys fs.FS, dir string) StyleLookup {
	return func(idOrURL string) ([]byte, error) {
		name := strings.TrimSuffix(path.Base(strings.TrimRight(idOrURL, "/")), ".csl")
		if name == "" || name == "." || name == ".." {
			return nil, fmt.Errorf("csl: no style name in %q", idOrURL)
		}
		return fs.ReadFile(fsys, path.Join(dir, name+".csl"))
	}
}
