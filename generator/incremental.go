package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"pamphlet/generator/cite"
	"pamphlet/generator/diag"
	"pamphlet/generator/html"
	"pamphlet/generator/i18n"
	"pamphlet/generator/load"
	"pamphlet/generator/page"
	"pamphlet/generator/resolve"
	"pamphlet/generator/site"
)

// Builder keeps a whole site in memory between builds, so that a change to
// one file redoes only what depends on it: a page edit re-parses that page
// and re-renders the pages whose view of it changed (the page, its section
// list, its neighbours' previous/next links, the references page); a
// template change re-renders the pages that use it; a bibliography change
// re-parses the pages that cite the changed entries; a static file is read
// again. The dev server uses it; `build` runs the pipeline once instead.
//
// A failed build keeps the last good site: Files returns it unchanged, and
// the next build compares against it, so fixing the mistake redoes
// everything that changed since. A Builder is not safe for concurrent use.
type Builder struct {
	opts    Options
	bodies  bodyMode // what parsing does with the pages' bodies
	gen     uint64   // numbers each page parsed (page.Page.Gen)
	oneShot bool     // runs once: keeps nothing for a next build
	// sums holds the SHA-256 of each source parsed, by site path, when
	// bodies.hash asks for them (for the build's manifest).
	sums map[string][32]byte

	cfg      *site.Config
	cfgDiags diag.List
	in       *load.Inputs
	walk     map[string]diag.List // problems found reading content files, by file
	bibs     *load.Bibliographies
	bibDiags diag.List
	tpl      *html.Templates
	tplDiags diag.List
	words    *i18n.Catalog     // the theme's words in the site's languages
	kindGen  map[string]uint64 // bumped when a layout a kind uses changes
	cfgGen   uint64
	pages    map[string]*page.Page // by content-relative path, drafts included

	files  map[string][]byte // the last good site, by output path
	prints map[string]uint64 // what each page output was rendered from
	build  int64

	// dirty holds the pages parsed again since the last good build, and
	// changes what else changed since then, as the inputs outputs depend
	// on (see html.Input): an output none of whose inputs changed keeps
	// its bytes, and a page none of whose inputs changed but its own
	// source is worked out again only when it is dirty.
	dirty   map[string]bool
	changes html.Input

	// Results of whole-site steps, kept while nothing they depend on changes.
	cites    *resolve.Citations
	search   *searchState
	reloads  map[string]html.Reload // what each output of the last good build asks of a tab
	siteHash uint64                 // what every page shows of the site: footer, crisis lines
	setHash  uint64                 // the set of pages

}

// Update is what one build of a Builder did.
type Update struct {
	Build       int64     // build number: 1, 2, 3... for good builds, no gaps; 0 when the build failed
	Failed      bool      // errors stopped it; the last good site stands
	Diagnostics diag.List // all of them, sorted
	Changed     []string  // output paths whose bytes changed
	Removed     []string  // output paths that are gone
	// Pages lists the pages (their URLs from the site root, "/therapy/")
	// that changed or went; CSS says a stylesheet changed, Other that
	// another file a page may show did: what open tabs must do, as each
	// output says (output.reload).
	Pages      []string
	CSS, Other bool
	Rendered   int // pages rendered (the rest were reused)
}

// NewBuilder returns a Builder for the dev server, which keeps the site
// in memory, for the site in opts.Site. Call Build first.
func NewBuilder(opts Options) *Builder { return newBuilder(opts, bodyMode{}) }

// Files returns the last good site: output paths to bytes. The map is
// replaced, never changed, by later builds, so it can be served while the
// next build runs.
func (b *Builder) Files() map[string][]byte { return b.files }

// ExtraFiles returns the files outside content/, templates/ and static/
// that the site is built from and a watcher must watch too: the
// bibliographies site.yaml lists and its own .csl style (site-relative,
// slash-separated).
func (b *Builder) ExtraFiles() []string {
	if b.cfg == nil {
		return nil
	}
	var out []string
	for _, p := range b.cfg.ExtraFiles() {
		if top, _, _ := strings.Cut(p, "/"); !slices.Contains(site.Folders[:], top) {
			out = append(out, p)
		}
	}
	return out
}

// Build reads the whole site again and builds it.
func (b *Builder) Build(ctx context.Context) (*Update, error) {
	if err := b.load(ctx); err != nil {
		return nil, err
	}
	if b.cfg == nil {
		return b.fail(b.cfgDiags), nil
	}
	return b.finish(ctx)
}

// Rebuild redoes what the changed files (site-relative, slash-separated
// paths; created, written or removed) affect.
func (b *Builder) Rebuild(ctx context.Context, changed []string) (*Update, error) {
	if b.cfg == nil || b.in == nil {
		return b.Build(ctx)
	}
	var reparse []load.Source
	var templates, bibs bool
	touched := map[string]bool{} // content files added or removed
	for _, p := range changed {
		switch {
		case p == site.ConfigFile || p == site.ContentDir || p == site.TemplatesDir || p == site.StaticDir || p == b.cfg.StyleFile() || b.isSynonyms(p) || site.Within(site.I18nDir, p):
			// The settings, or a whole folder of the site, came or went;
			// or the citation style, which every citing page uses; or the
			// search index's synonyms, which every page's entry uses; or
			// the theme's words, which every page shows.
			return b.Build(ctx)
		case strings.HasPrefix(p, site.TemplatesDir+"/"):
			templates = true
		case strings.HasPrefix(p, site.StaticDir+"/"):
			b.refreshStatic()
		case b.isBibliography(p):
			bibs = true
		case strings.HasPrefix(p, site.ContentDir+"/"):
			rel := strings.TrimPrefix(p, site.ContentDir+"/")
			for f := range b.walk {
				if f == p || strings.HasPrefix(f, p+"/") {
					delete(b.walk, f)
				}
			}
			srcs, d := b.refreshContent(rel, touched)
			reparse = append(reparse, srcs...)
			for _, x := range d {
				b.walk[x.File] = append(b.walk[x.File], x)
			}
		}
	}
	if templates {
		b.tpl, b.tplDiags = html.LoadTemplates(b.opts.Site, b.opts.Theme, html.Funcs(b.cfg))
		b.bumpKinds(changed)
		b.changes |= html.InputLayout
	}
	if len(touched) > 0 {
		b.changes |= html.InputPages // pages or files came or went
	}
	if b.crisisPageMoved(touched) {
		// The search index of a language puts its crisis page first:
		// a translation of it came or went.
		return b.Build(ctx)
	}
	if bibs {
		reparse = append(reparse, b.reloadBibliographies()...)
		b.changes |= html.InputCitations
	}
	// Pages that link to a file that came or went: their links changed.
	if len(touched) > 0 {
		for _, p := range b.pages {
			for _, t := range p.Targets {
				if touched[t] || touched[t+"/_index.md"] || touched[t+"/index.md"] {
					reparse = append(reparse, b.source(p.Rel))
					break
				}
			}
		}
	}
	if err := b.parse(ctx, dedupeSources(reparse)); err != nil {
		return nil, err
	}
	return b.finish(ctx)
}

// crisisPageMoved reports whether a translation of the crisis page came
// or went among the content files touched.
func (b *Builder) crisisPageMoved(touched map[string]bool) bool {
	if len(touched) == 0 || !b.cfg.Multilingual() {
		return false
	}
	for _, l := range b.cfg.Languages() {
		if p := b.cfg.In(l.Tag).CrisisPage; p != "" {
			_, key := b.cfg.LanguageOf(site.PageRel(p))
			for _, t := range b.cfg.TranslationPaths(key, l.Tag) {
				if touched[t] {
					return true
				}
			}
		}
	}
	return false
}

// isSynonyms reports whether a site path is one of the files of the
// site's own search synonyms, one per language.
func (b *Builder) isSynonyms(p string) bool {
	for _, l := range b.cfg.Languages() {
		if p == b.cfg.SynonymsFileIn(l.Tag) {
			return true
		}
	}
	return false
}

// isBibliography reports whether a site path is a bibliography the site or
// one of its pages reads.
func (b *Builder) isBibliography(p string) bool {
	if b.bibs == nil {
		return false
	}
	return b.bibs.Read(p) || (strings.HasPrefix(p, site.ContentDir+"/") && load.IsBibliography(path.Base(p)))
}

// refreshContent brings the record of one content path up to date: a
// page to parse again, a page or file that is gone, a new folder and what
// is in it. touched collects the files that came or went.
func (b *Builder) refreshContent(rel string, touched map[string]bool) ([]load.Source, diag.List) {
	var diags diag.List
	abs := filepath.Join(b.opts.Site, site.ContentDir, filepath.FromSlash(rel))
	fi, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		// Gone: the file, or a folder with everything in it.
		for r := range b.in.Files {
			if r == rel || strings.HasPrefix(r, rel+"/") {
				delete(b.in.Files, r)
				delete(b.pages, r)
				touched[r] = true
			}
		}
		b.in.Assets = slices.DeleteFunc(b.in.Assets, func(a load.Asset) bool { return !b.in.Files[a.Rel] })
		return nil, nil
	}
	if err != nil {
		diags.Errorf(site.ContentDir+"/"+rel, 0, 0, "cannot read this file: %v", diag.Cause(err))
		return nil, diags
	}
	var srcs []load.Source
	add := func(r, a string) {
		if !b.in.Files[r] {
			touched[r] = true
		}
		b.in.Files[r] = true
		sitePath := site.ContentDir + "/" + r
		switch {
		case strings.HasSuffix(r, ".md"):
			srcs = append(srcs, load.Source{Path: sitePath, Rel: r, Abs: a})
		case load.IsBibliography(path.Base(r)):
		default:
			for i := range b.in.Assets {
				if b.in.Assets[i].Rel == r {
					return
				}
			}
			b.in.Assets = append(b.in.Assets, load.Asset{Rel: r, Abs: a, Path: sitePath})
		}
	}
	// The same walk as a full load, so links out of the site, unreadable
	// files and editors' temporary files are treated the same way.
	realRoot, _ := filepath.EvalSymlinks(b.opts.Site)
	if fi.IsDir() {
		load.Walk(b.opts.Site, realRoot, site.ContentDir+"/"+rel, &diags, func(sub, a string) { add(rel+"/"+sub, a) })
	} else if li, err := os.Lstat(abs); err == nil && !site.IsIgnored(path.Base(rel)) {
		if a, ok := load.CheckFile(realRoot, abs, site.ContentDir+"/"+rel, li.Mode().Type(), &diags); ok {
			add(rel, a)
		}
	}
	return srcs, diags
}

// refreshStatic reads the list of static files again (a few stat calls:
// the bytes are read when rendered).
func (b *Builder) refreshStatic() {
	in, diags := load.LoadStatic(b.opts.Site, b.opts.Theme)
	b.in.Static = in
	for f := range b.walk {
		if strings.HasPrefix(f, site.StaticDir+"/") || f == site.StaticDir {
			delete(b.walk, f)
		}
	}
	for _, d := range diags {
		b.walk[d.File] = append(b.walk[d.File], d)
	}
}

// reloadBibliographies reads the bibliographies again and returns the
// pages to parse again: those citing an entry that changed, came or went,
// and those with citation problems (an unknown key may now be known).
func (b *Builder) reloadBibliographies() []load.Source {
	old := b.bibs
	b.bibs, b.bibDiags = load.LoadBibliographies(b.opts.Site, b.cfg)
	changed := map[string]bool{}
	oldEntries := map[string]*cite.Entry{}
	for _, e := range old.Site().Entries() {
		oldEntries[e.ID] = e
	}
	for _, e := range b.bibs.Site().Entries() {
		if o, ok := oldEntries[e.ID]; !ok || !sameEntry(o, e) {
			changed[e.ID] = true // new or edited
		}
		delete(oldEntries, e.ID)
	}
	for id := range oldEntries {
		changed[id] = true
	}
	var srcs []load.Source
	for _, p := range b.pages {
		redo := len(p.Front.Bibliography) > 0
		if p.Cited != nil {
			redo = redo || len(p.Cited.Problems) > 0
			for _, l := range p.Cited.List {
				redo = redo || changed[l.Entry.ID]
			}
		}
		if redo {
			srcs = append(srcs, b.source(p.Rel))
		}
	}
	return srcs
}

// sameEntry compares two entries, leaving out where they were defined.
func sameEntry(a, b *cite.Entry) bool {
	x, y := *a, *b
	x.File, x.Line, y.File, y.Line = "", 0, "", 0
	return reflect.DeepEqual(x, y)
}

// source reads a page's source again from disk.
func (b *Builder) source(rel string) load.Source {
	return load.Source{Path: site.ContentDir + "/" + rel, Rel: rel, Abs: filepath.Join(b.opts.Site, site.ContentDir, filepath.FromSlash(rel))}
}

// bumpKinds marks the page kinds whose layouts changed: a layout file
// changes its own kind, any other template (base.html, partials) all kinds.
func (b *Builder) bumpKinds(changed []string) {
	byFile := map[string]string{}
	for k, f := range html.LayoutFiles {
		byFile[f] = k
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, site.TemplatesDir+"/") {
			continue
		}
		if k, ok := byFile[path.Base(p)]; ok {
			b.kindGen[k]++
			continue
		}
		for k := range html.LayoutFiles {
			b.kindGen[k]++
		}
	}
}

// finish resolves the site, makes what changed and, when nothing is
// wrong, makes the result the new good site.
func (b *Builder) finish(ctx context.Context) (*Update, error) {
	r := b.resolve()
	if r.diags.HasErrors() {
		return b.fail(r.diags), nil
	}
	mem := &memorySink{files: map[string][]byte{}}
	m, err := b.make(ctx, r, mem)
	if err != nil {
		return nil, err
	}
	diags := append(r.diags, m.diags...)
	if diags.HasErrors() {
		return b.fail(diags), nil
	}
	files := mem.files
	for p, data := range m.kept {
		files[p] = data
	}
	u := &Update{Diagnostics: diags.Compact(), Rendered: m.rendered}
	for p, data := range files {
		if old, ok := b.files[p]; !ok || !bytes.Equal(old, data) {
			u.Changed = append(u.Changed, p)
		}
	}
	for p := range b.files {
		if _, ok := files[p]; !ok {
			u.Removed = append(u.Removed, p)
		}
	}
	sort.Strings(u.Changed)
	sort.Strings(u.Removed)
	reloads := make(map[string]html.Reload, len(r.plan))
	for _, o := range r.plan {
		reloads[o.Path()] = o.Reload()
	}
	for _, p := range u.Changed {
		u.addReload(p, reloads[p])
	}
	for _, p := range u.Removed {
		u.addReload(p, b.reloads[p])
	}
	b.files, b.prints, b.reloads = files, m.prints, reloads
	b.dirty, b.changes = nil, 0
	b.search.delivered()
	b.build++
	u.Build = b.build
	return u, nil
}

// navSignature is what other pages show of a page: in section lists,
// breadcrumbs, previous/next links and the menu.
func navSignature(p *page.Page) string {
	f := &p.Front
	return strings.Join([]string{p.Kind, p.URL, f.Title, f.Description, fmt.Sprint(f.Weight, f.Draft)}, "\x00")
}

// dateSignature is the page's own latest date, which the sitemap shows.
func dateSignature(p *page.Page) string {
	if d := p.Front.LastModified(); d != nil {
		return d.ISO()
	}
	return ""
}

// citeSignature is the list of works a page cites, in order.
func citeSignature(p *page.Page) string {
	if p.Cited == nil {
		return ""
	}
	ids := make([]string, len(p.Cited.List))
	for i, l := range p.Cited.List {
		ids[i] = l.Entry.ID
	}
	return strings.Join(ids, "\x00")
}

// addReload notes what a change to the output at path asks of open tabs.
func (u *Update) addReload(path string, r html.Reload) {
	switch r {
	case html.ReloadPage:
		u.Pages = append(u.Pages, "/"+strings.TrimSuffix(path, "index.html"))
	case html.ReloadCSS:
		u.CSS = true
	case html.ReloadOther:
		u.Other = true
	}
}

// fail reports a failed build; the last good site stays.
func (b *Builder) fail(diags diag.List) *Update {
	return &Update{Failed: true, Diagnostics: diags.Compact()}
}

func dedupeSources(srcs []load.Source) []load.Source {
	seen := map[string]bool{}
	out := srcs[:0]
	for _, s := range srcs {
		if !seen[s.Rel] {
			seen[s.Rel] = true
			out = append(out, s)
		}
	}
	return out
}
