package generator

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"pamphlet/generator/diag"
	"pamphlet/generator/html"
	"pamphlet/generator/load"
	"pamphlet/generator/page"
	"pamphlet/generator/resolve"
	"pamphlet/generator/site"
	"pamphlet/generator/write"
	"pamphlet/internal/gcbudget"
	"pamphlet/internal/parallel"
)

// The pipeline has one driver, Builder, which every command runs:
//
//	load     read site.yaml, list the site's files, parse every page
//	resolve  put the pages together into a Site, plan its outputs
//	make     make the outputs that need making and hand them to a sink
//
// `build` runs it once on everything, with the pages' bodies spilled to
// disk and the outputs streamed into a staging folder (Build); `check`
// runs load and resolve with the bodies dropped (Check); the dev server
// runs it on everything once and then on each change set, keeping pages
// and outputs in memory so that a change redoes only what depends on it
// (Builder.Rebuild). The three differ only in their bodyMode and sink.

// newBuilder returns a Builder whose parsers treat pages' bodies as
// bodies says. A Builder that spills or drops bodies runs once: it does
// not keep what it makes for a next build (oneShot).
func newBuilder(opts Options, bodies bodyMode) *Builder {
	return &Builder{
		opts: opts, bodies: bodies, oneShot: bodies.Spill != nil || bodies.Discard,
		files: map[string][]byte{}, prints: map[string]uint64{}, kindGen: map[string]uint64{},
	}
}

// load reads the whole site and parses every page. With no settings
// (site.yaml missing or broken), b.cfg is nil and b.cfgDiags say why.
func (b *Builder) load(ctx context.Context) error {
	b.changes |= html.InputSettings | html.InputLayout | html.InputPages | html.InputDates | html.InputCitations
	b.cfgGen++
	for k := range html.LayoutFiles {
		b.kindGen[k]++
	}
	f := loadSite(b.opts)
	b.cfg, b.cfgDiags = f.cfg, f.cfgDiags
	if b.cfg == nil {
		return nil
	}
	b.in, b.bibs, b.bibDiags, b.tpl, b.tplDiags, b.words = f.in, f.bibs, f.bibDiags, f.tpl, f.tplDiags, f.words
	b.search = loadSearch(b.opts.Site, b.cfg, b.in.Files)
	b.walk = map[string]diag.List{}
	for _, d := range f.walkDiags {
		b.walk[d.File] = append(b.walk[d.File], d)
	}
	gcbudget.Pages(len(b.in.Pages))
	b.pages = make(map[string]*page.Page, len(b.in.Pages))
	if err := b.parse(ctx, b.in.Pages); err != nil {
		return err
	}
	b.in.Pages = nil // the parsed pages are kept instead
	return nil
}

// parse parses sources in parallel into b.pages, noting in b.dirty, and
// in b.changes, what changed for the rest of the site.
func (b *Builder) parse(ctx context.Context, srcs []load.Source) error {
	if len(srcs) == 0 {
		return nil
	}
	if b.dirty == nil {
		b.dirty = make(map[string]bool, len(srcs))
	}
	type was struct{ nav, cites, date string }
	before := map[string]was{}
	for _, s := range srcs {
		if p, ok := b.pages[s.Rel]; ok {
			before[s.Rel] = was{navSignature(p), citeSignature(p), dateSignature(p)}
		}
		delete(b.pages, s.Rel) // a page that can no longer be read is gone
		b.dirty[s.Rel] = true
	}
	var sums [][32]byte
	if b.bodies.hash {
		sums = make([][32]byte, len(srcs))
	}
	var parsers []*page.Parser
	var treatErr error
	var mu sync.Mutex
	newParser := func() *page.Parser {
		ps, err := b.newParser()
		mu.Lock()
		parsers = append(parsers, ps)
		treatErr = cmp.Or(treatErr, err)
		mu.Unlock()
		return ps
	}
	pages, diags, err := page.ParseAll(ctx, b.workers(), newParser, srcs, sums)
	if err = cmp.Or(err, treatErr); err != nil {
		return err // cancelled, or no spill file could be made
	}
	for _, ps := range parsers {
		if err := ps.Err(); err != nil {
			return err // the spill file could not be written
		}
	}
	if sums != nil {
		if b.sums == nil {
			b.sums = make(map[string][32]byte, len(sums))
		}
		for i, sum := range sums {
			if sum != ([32]byte{}) {
				b.sums[srcs[i].Path] = sum
			}
		}
	}
	for _, p := range pages {
		w, ok := before[p.Rel]
		if !ok || w.nav != navSignature(p) {
			b.changes |= html.InputPages // other pages show what changed
		}
		if !ok || w.cites != citeSignature(p) {
			b.changes |= html.InputCitations
		}
		if !ok || w.date != dateSignature(p) {
			b.changes |= html.InputDates
		}
	}
	if len(pages) != len(srcs) {
		b.changes |= html.InputPages // a page can no longer be read
	}
	for _, d := range diags {
		b.walk[d.File] = append(b.walk[d.File], d)
	}
	for _, p := range pages {
		b.gen++
		p.Gen = b.gen
		b.pages[p.Rel] = p
	}
	return nil
}

// newParser returns a parser for one worker, treating bodies as the
// Builder's bodyMode says.
func (b *Builder) newParser() (*page.Parser, error) {
	ps := page.NewParser(b.cfg, b.in.Files, b.bibs, b.words)
	if !b.bodies.Discard { // check needs no index, and no handouts
		b.search.indexInto(ps)
		if b.cfg.Handouts {
			logo := ""
			if l := b.cfg.Brand.Logo; l != "" {
				logo = filepath.Join(b.opts.Site, site.StaticDir, filepath.FromSlash(site.PageRel(l)))
			}
			if err := ps.MakeHandouts(page.Handouts{Root: b.opts.Site, Logo: logo}); err != nil {
				return ps, err
			}
		}
	}
	return ps, ps.Treat(b.bodies.Bodies)
}

func (b *Builder) workers() int {
	if b.opts.Workers > 0 {
		return b.opts.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// run is one pass of the pipeline after load: the resolved site, the
// outputs planned for it and every diagnostic so far.
type run struct {
	site  *resolve.Site
	sv    *html.SiteViews
	plan  []html.Output
	diags diag.List
}

// resolve puts the parsed pages together into a Site and plans its
// outputs.
func (b *Builder) resolve() *run {
	var diags diag.List
	diags.Add(b.cfgDiags...)
	for _, d := range b.walk {
		diags.Add(d...)
	}
	diags.Add(b.bibDiags...)
	diags.Add(b.tplDiags...)
	pages := make([]*page.Page, 0, len(b.pages))
	for _, p := range b.pages {
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Rel < pages[j].Rel })
	if b.changes&(html.InputPages|html.InputCitations) != 0 {
		b.cites = nil // what the site cites, or how, may have changed
	}
	site, cites := resolve.Assemble(b.cfg, pages, b.bibs, diags, resolve.Options{Drafts: b.opts.Drafts, Verbose: b.opts.Verbose, Words: b.words}, b.cites)
	b.cites = cites
	diags.Add(site.Diags...)
	diags.Add(b.search.diags...)
	if !b.bodies.Discard {
		b.search.update(site, b.pages)
	}
	plan, d := html.Plan(site, b.in, b.search.files())
	diags.Add(d...)
	return &run{site: site, plan: plan, diags: diags}
}

// sink receives the outputs a run makes, from several workers at once.
type sink interface {
	// put takes an output's bytes, which are valid only during the call.
	put(o html.Output, data []byte) error
	// copy takes a file copied as it is. A file that cannot be read is
	// a diagnostic for the dev server, which goes on serving, and an
	// error for a build.
	copy(a *html.AssetOutput) (*diag.Diagnostic, error)
}

// made is what make did: the outputs' fingerprints (see html.Fingerprint)
// and bytes kept from the last build, the number of pages rendered, and
// the templates that failed.
type made struct {
	prints   map[string]uint64
	kept     map[string][]byte
	rendered int
	diags    diag.List
}

// make makes the outputs of r that need making and hands them to s.
//
// With no last build (a one-shot Builder, or the dev server's first
// build) every output is made. Otherwise only those that depend on what
// changed: an output none of whose inputs changed keeps its bytes; a
// change in what every page shows of the site, or in the set of pages
// (which section lists and menus show), concerns every page, whose view
// is then worked out and rendered only when it changed (html.Fingerprint).
func (b *Builder) make(ctx context.Context, r *run, s sink) (*made, error) {
	r.sv = html.NewSiteViews(r.site)
	m := &made{}
	type job struct {
		o    html.Output
		view *html.PageView // worked out already, to compare fingerprints
	}
	var jobs []job
	if b.oneShot {
		jobs = make([]job, len(r.plan))
		for i, o := range r.plan {
			jobs[i] = job{o: o}
		}
	} else {
		// What every page shows of the site (its footer, the crisis
		// lines), and the set of pages (which section lists and menus
		// show), concern every page.
		siteHash, setHash := html.HashSiteViews(r.sv), html.HashPageSet(r.plan)
		if siteHash != b.siteHash || setHash != b.setHash {
			b.changes |= html.InputPages
		}
		b.siteHash, b.setHash = siteHash, setHash
		changed := b.changes
		m.prints, m.kept = make(map[string]uint64, len(r.plan)), make(map[string][]byte, len(r.plan))
		for _, o := range r.plan {
			p := o.Path()
			old, had := b.files[p]
			lo, isLayout := o.(html.Layout)
			switch {
			case isLayout:
				if had && changed&lo.Inputs() == 0 && !lo.Dirty(b.dirty) {
					// Nothing it shows has changed: its view need not
					// be worked out.
					m.kept[p], m.prints[p] = old, b.prints[p]
					continue
				}
				v := lo.View(r.site)
				fp := html.Fingerprint(v, lo.Gen(), b.kindGen[lo.LayoutKind()], b.cfgGen^siteHash)
				m.prints[p] = fp
				if had && b.prints[p] == fp {
					m.kept[p] = old
					continue
				}
				jobs = append(jobs, job{lo, v})
			case o.Inputs() == html.InputSource:
				// A file copied as it is: read again, since the watcher
				// reports a change to it as a change to its source.
				jobs = append(jobs, job{o: o})
			case had && changed&o.Inputs() == 0 && !isDirty(o, b.dirty):
				m.kept[p] = old
			default:
				jobs = append(jobs, job{o: o})
			}
		}
	}

	failed := map[diag.Diagnostic]string{} // template error -> first page it broke
	var mu sync.Mutex
	var rendered int
	err := parallel.Run(ctx, b.workers(), len(jobs),
		func() *html.Worker { return html.NewWorker(r.site, r.sv, b.tpl) },
		func(w *html.Worker, i int) error {
			j := jobs[i]
			var data []byte
			var d *diag.Diagnostic
			switch o := j.o.(type) {
			case *html.AssetOutput:
				// Copied as a stream by a build: an asset may be larger
				// than memory.
				d, err := s.copy(o)
				if err != nil {
					return fmt.Errorf("write %s: %w", o.Path(), err)
				}
				if d != nil {
					mu.Lock()
					m.diags.Add(*d)
					mu.Unlock()
				}
				return nil
			case html.Layout:
				v := j.view
				if v == nil {
					v = o.View(r.site)
				}
				data, d = o.Render(w, v)
				mu.Lock()
				rendered++
				mu.Unlock()
			default:
				var err error
				if data, d, err = o.Produce(w); err != nil {
					return fmt.Errorf("make %s: %w", o.Path(), err)
				}
			}
			if d != nil {
				mu.Lock()
				if first, ok := failed[*d]; !ok || j.o.Path() < first {
					failed[*d] = j.o.Path()
				}
				mu.Unlock()
				return nil
			}
			if err := s.put(j.o, data); err != nil {
				return fmt.Errorf("write %s: %w", j.o.Path(), err)
			}
			return nil
		})
	m.rendered = rendered
	for d, first := range failed {
		d.Message += " (first seen while rendering /" + first + ")"
		m.diags.Add(d)
	}
	return m, err
}

// memorySink keeps outputs' bytes in a map: the dev server's site.
type memorySink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (s *memorySink) put(o html.Output, data []byte) error {
	c := bytes.Clone(data) // data may be the worker's buffer
	s.mu.Lock()
	s.files[o.Path()] = c
	s.mu.Unlock()
	return nil
}

func (s *memorySink) copy(a *html.AssetOutput) (*diag.Diagnostic, error) {
	data, err := load.ReadAsset(a.File())
	if err != nil {
		d := diag.Errorf(a.Source(), 0, 0, "cannot read this file: %v", diag.Cause(err))
		return &d, nil
	}
	return nil, s.put(a, data)
}

// stagingSink writes outputs into a staging folder: a build's site.
type stagingSink struct {
	st      *write.Staging
	mu      sync.Mutex
	written int
}

func (s *stagingSink) put(o html.Output, data []byte) error {
	if err := s.st.Write(o.Path(), data); err != nil {
		return err
	}
	s.count()
	return nil
}

func (s *stagingSink) copy(a *html.AssetOutput) (*diag.Diagnostic, error) {
	if err := copyAsset(s.st, a.Path(), a.File()); err != nil {
		return nil, err
	}
	s.count()
	return nil, nil
}

func (s *stagingSink) count() {
	s.mu.Lock()
	s.written++
	s.mu.Unlock()
}

// isDirty reports whether an output made from one page's source (a
// handout) is of a page parsed again.
func isDirty(o html.Output, pages map[string]bool) bool {
	so, ok := o.(html.Sourced)
	return ok && so.Dirty(pages)
}
