package csl_test

import (
	"io/fs"
	"strings"
	"sync"
	"testing"

	csldata "pamphlet/third_party/csl"

	"pamphlet/generator/cite/csl"
)

var (
	localesOnce  sync.Once
	localesByTag map[string]*csl.Locale
)

// embeddedLocales parses the bundled locale files once.
func embeddedLocales(t testing.TB) csl.Locales {
	localesOnce.Do(func() {
		localesByTag = map[string]*csl.Locale{}
		files, _ := fs.Glob(csldata.FS, "locales/locales-*.xml")
		for _, f := range files {
			src, err := fs.ReadFile(csldata.FS, f)
			if err != nil {
				panic(err)
			}
			l, err := csl.ParseLocale(src)
			if err != nil {
				panic(f + ": " + err.Error())
			}
			tag := strings.TrimSuffix(strings.TrimPrefix(f, "locales/locales-"), ".xml")
			localesByTag[tag] = l
		}
	})
	return func(tag string) *csl.Locale { return localesByTag[tag] }
}
