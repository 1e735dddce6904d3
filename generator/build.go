package generator

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"pamphlet/generator/diag"
	"pamphlet/generator/trust"
)

// Options says what to build and where.
type Options struct {
	// Site is the site's root folder (where site.yaml is).
	Site string
	// Out is the output folder; "" means public/ in the site.
	Out string
	// BaseURL, when not empty, overrides site.yaml's base_url.
	BaseURL string
	// Theme holds the default theme's templates/ and static/ folders; a
	// site's own files of the same name replace them.
	Theme fs.FS
	// Drafts includes pages marked draft: true.
	Drafts bool
	// Workers is the number of pages worked on at once; 0 means one per CPU.
	Workers int
	// Today is the date review dates are checked against (zero: today).
	Today time.Time
}

// Result reports what a build did.
type Result struct {
	Site        *Site
	Diagnostics diag.List // errors and warnings, sorted by file and line
	Pages       int       // HTML pages written
	Files       int       // all files written
	Duration    time.Duration
	// Trust is the check of the site (see Check), as of Options.Today.
	Trust *trust.Report
}

// Build runs the whole pipeline: load, parse, resolve, render, write. When
// any diagnostic is an error, nothing is written, the output folder is left
// as it was, and the returned error is a *diag.Failed. Other errors (an
// output folder that must not be replaced, a disk that is full) are
// returned as they are, and also leave the output folder as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{}
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Site, "public")
	}
	if err := CheckOut(opts.Site, opts.Out); err != nil {
		return res, err
	}
	fail := func() (*Result, error) {
		res.Diagnostics = res.Diagnostics.Compact()
		res.Duration = time.Since(start)
		return res, &diag.Failed{Diagnostics: res.Diagnostics}
	}

	an, err := analyse(ctx, opts)
	res.Diagnostics.Add(an.diags...)
	if err != nil {
		return res, err
	}
	if an.site == nil {
		return fail()
	}
	site, in, tpl, workers := an.site, an.in, an.tpl, an.workers
	res.Site = site
	res.Trust = site.TrustReport(res.Diagnostics, opts.today())
	plan, diags := planOutputs(site, in)
	res.Diagnostics.Add(diags...)
	if res.Diagnostics.HasErrors() {
		return fail()
	}

	st, err := newStaging(opts.Out)
	if err != nil {
		return res, err
	}
	renderDiags := map[diag.Diagnostic]string{} // template error -> first page it broke
	var mu sync.Mutex
	var written atomic.Int64
	sv := site.newSiteView()
	err = parallel(ctx, workers, len(plan),
		func() *bytes.Buffer { return new(bytes.Buffer) },
		func(buf *bytes.Buffer, i int) error {
			o := plan[i]
			data, d, err := o.produce(site, sv, tpl, buf)
			if d != nil {
				mu.Lock()
				if first, ok := renderDiags[*d]; !ok || o.path < first {
					renderDiags[*d] = o.path
				}
				mu.Unlock()
				return nil
			}
			if err != nil {
				return err
			}
			if err := st.write(o.path, data); err != nil {
				return fmt.Errorf("write %s: %w", o.path, err)
			}
			written.Add(1)
			return nil
		})
	if err != nil {
		st.Discard()
		return res, err
	}
	if len(renderDiags) > 0 {
		st.Discard()
		for d, first := range renderDiags {
			d.Message += " (first seen while rendering /" + first + ")"
			res.Diagnostics.Add(d)
		}
		return fail()
	}
	if err := st.Commit(); err != nil {
		return res, err
	}
	res.Diagnostics = res.Diagnostics.Compact()
	for _, o := range plan {
		if o.page != nil || o.kind == Kind404 {
			res.Pages++
		}
	}
	res.Files = int(written.Load())
	res.Duration = time.Since(start)
	return res, nil
}

// analysis is what the stages before rendering found: everything `build`
// writes and `check` reports on.
type analysis struct {
	cfg     *Config
	in      *Inputs
	tpl     *Templates
	site    *Site // nil when site.yaml could not be read
	diags   diag.List
	workers int
}

// analyse runs load, parse and resolve. Its error is for a cancelled run;
// problems in the site are diagnostics.
func analyse(ctx context.Context, opts Options) (*analysis, error) {
	an := &analysis{workers: opts.Workers}
	if an.workers <= 0 {
		an.workers = runtime.GOMAXPROCS(0)
	}
	cfg, diags := LoadConfig(opts.Site, opts.BaseURL)
	an.diags.Add(diags...)
	if cfg == nil || diags.HasErrors() {
		return an, nil
	}
	an.cfg = cfg
	in, diags := Load(opts.Site, opts.Theme)
	an.in = in
	an.diags.Add(diags...)
	bibs, diags := loadBibliographies(opts.Site, cfg)
	an.diags.Add(diags...)
	an.tpl, diags = LoadTemplates(opts.Site, opts.Theme, Funcs(cfg))
	an.diags.Add(diags...)

	pages := make([]*Page, len(in.Pages))
	err := parallel(ctx, an.workers, len(in.Pages),
		func() *Parser { return NewParser(cfg, in.Files, bibs) },
		func(ps *Parser, i int) error {
			pages[i] = ps.Parse(in.Pages[i])
			return nil
		})
	if err != nil {
		return an, err
	}
	for _, p := range pages {
		an.diags.Add(draftDiagnostics(p, opts.Drafts)...)
	}
	site := Resolve(cfg, pages, opts.Drafts)
	site.checkBibliography(bibs)
	site.References = site.siteReferences(bibs.site.Style(bibs.style))
	an.site = site
	an.diags.Add(site.Diags...)
	if len(in.Pages) == 0 {
		an.diags.Errorf(ContentDir, 0, 0, "the content folder has no pages: add a Markdown file such as content/_index.md for the home page")
	}
	return an, nil
}

// Check runs the pipeline up to rendering, writes nothing, and checks the
// site against the HONcode principles, readability targets and review
// dates as of opts.Today (today when zero). The report holds every build
// diagnostic too, filed under its page.
func Check(ctx context.Context, opts Options) (*trust.Report, error) {
	an, err := analyse(ctx, opts)
	if err != nil {
		return nil, err
	}
	if an.site == nil {
		r := trust.Check(trust.SiteFacts{}, nil, an.diags.Compact(), opts.today())
		return r, nil
	}
	if an.in != nil {
		_, d := planOutputs(an.site, an.in)
		an.diags.Add(d...)
	}
	return an.site.TrustReport(an.diags.Compact(), opts.today()), nil
}

func (o Options) today() time.Time {
	if o.Today.IsZero() {
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return o.Today
}

// Funcs returns the functions the templates may call.
func Funcs(cfg *Config) template.FuncMap {
	return template.FuncMap{
		// relURL links to a site-relative path under the base path:
		// {{relURL "css/style.css"}} -> /patient-info/css/style.css
		"relURL": func(rel string) string { return Href(cfg.BasePath(), rel) },
		// absURL returns the full address of a site-relative path, or ""
		// when base_url has no host.
		"absURL": func(rel string) string { return cfg.AbsURL(escapedPath(rel)) },
	}
}

// parallel runs work(i) for i in [0, n) on the given number of goroutines,
// each with its own state from newState. It stops at the first error or
// when ctx is cancelled.
func parallel[S any](ctx context.Context, workers, n int, newState func() S, work func(S, int) error) error {
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			state := newState()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				err := ctx.Err()
				if err == nil {
					err = work(state, i)
				}
				if err != nil {
					once.Do(func() { firstErr = err })
					next.Store(int64(n))
					return
				}
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// draftDiagnostics returns a page's diagnostics; those of a draft that is
// not published are warnings, so an unfinished page does not stop the
// others from going live.
func draftDiagnostics(p *Page, withDrafts bool) diag.List {
	if !p.Front.Draft || withDrafts {
		return p.Diags
	}
	out := make(diag.List, len(p.Diags))
	for i, d := range p.Diags {
		if d.Severity == diag.Error {
			d.Severity = diag.Warning
			d.Message += " (this page is a draft and is not published)"
		}
		out[i] = d
	}
	return out
}
