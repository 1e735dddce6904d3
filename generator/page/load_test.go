package page

import (
	"os"
	"testing"

	"pamphlet/generator/load"
	"pamphlet/generator/site"
)

// loadForTest reads the site in dir up to the parse stage, without
// reading its pages, over the default theme (the repository's own).
func loadForTest(tb testing.TB, dir string) (*site.Config, *load.Inputs, *load.Bibliographies) {
	tb.Helper()
	cfg, diags := site.LoadConfig(dir, "")
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	in, diags := load.Load(dir, os.DirFS("../.."))
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	bibs, diags := load.LoadBibliographies(dir, cfg)
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	return cfg, in, bibs
}
