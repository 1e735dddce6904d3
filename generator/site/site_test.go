package site

import "testing"

func TestInput(t *testing.T) {
	extra := map[string]bool{"refs/library.bib": true}
	for rel, want := range map[string]bool{
		"site.yaml":                    true,
		"content/therapy/a.md":         true,
		"templates/partials/head.html": true,
		"static/img/logo.svg":          true,
		"refs/library.bib":             true,
		"refs/other.bib":               false,
		"public/index.html":            false,
		"README.md":                    false,
		"content/.git/config":          false,
		"content/.a.md.swp":            false,
		"content/therapy/a.md~":        false,
		"content/4913":                 false,
		"content/#a.md#":               false,
		"static/.env":                  false,
		"contents/a.md":                false,
	} {
		if got := Input(rel, extra); got != want {
			t.Errorf("Input(%q) = %v, want %v", rel, got, want)
		}
	}
}
