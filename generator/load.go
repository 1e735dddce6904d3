package generator

import (
	"pamphlet/generator/diag"
	"pamphlet/generator/html"
	"pamphlet/generator/i18n"
	"pamphlet/generator/load"
	"pamphlet/generator/site"
	"pamphlet/generator/write"
)

// siteFiles is what the load stage reads of a site, each part with the
// problems found reading it: its settings, its files, its bibliographies
// and citation style, and its templates. Cfg is nil when site.yaml cannot
// be read at all, and then nothing else is read.
type siteFiles struct {
	cfg                                     *site.Config
	in                                      *load.Inputs
	bibs                                    *load.Bibliographies
	tpl                                     *html.Templates
	words                                   *i18n.Catalog
	cfgDiags, walkDiags, bibDiags, tplDiags diag.List
}

// loadSite is the load stage of both drivers (Build and Builder). A
// setting that is wrong was left at its default: the rest of the site is
// still read, so that every problem is listed at once.
func loadSite(opts Options) *siteFiles {
	f := &siteFiles{}
	f.cfg, f.cfgDiags = site.LoadConfig(opts.Site, opts.BaseURL)
	if f.cfg == nil {
		return f
	}
	f.in, f.walkDiags = load.Load(opts.Site, opts.Theme)
	f.bibs, f.bibDiags = load.LoadBibliographies(opts.Site, f.cfg)
	f.tpl, f.tplDiags = html.LoadTemplates(opts.Site, opts.Theme, html.Funcs(f.cfg))
	var d diag.List
	f.words, d = i18n.Load(opts.Site, f.cfg.Tags())
	f.cfgDiags.Add(d...)
	return f
}

// copyAsset copies an asset into the staging folder as a stream.
func copyAsset(st *write.Staging, rel string, a load.Asset) error {
	r, err := load.OpenAsset(a)
	if err != nil {
		return err
	}
	defer r.Close()
	return st.Copy(rel, r)
}
