package generator

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"pamphlet/generator/diag"
	"pamphlet/generator/html"
	"pamphlet/generator/page"
	"pamphlet/generator/resolve"
	"pamphlet/generator/trust"
	"pamphlet/generator/write"
	"pamphlet/internal/gcbudget"
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
	// GCFloor, when above zero, tunes the garbage collector for a command
	// that builds once and exits: it lets the heap grow to this many bytes
	// (or 16 KiB a page, or twice the memory in use, if more) between
	// collections, which saves a tenth of a build's CPU time (memory.go).
	// Build and Check restore the previous settings before they return.
	// GOGC or GOMEMLIMIT in the environment turn it off.
	GCFloor int64
	// Verbose lists every entry that no page cites, one warning each,
	// where a build sums up more than a few (pamphlet check --verbose).
	Verbose bool
}

// Result reports what a build did.
type Result struct {
	Site        *resolve.Site
	Diagnostics diag.List // errors and warnings, sorted by file and line
	Pages       int       // HTML pages written
	Files       int       // all files written
	Duration    time.Duration
	// Trust is the summary of the check of the site, as of Options.Today,
	// with the check's errors (a review date in the future, say) in Site:
	// its Site and Pages are left empty, to save memory while pages render
	// (Check gives the whole report).
	Trust *trust.Report
	// Stages says how long each stage took, in order.
	Stages []Stage
	// UpToDate is true when nothing the site is made from had changed
	// since the build in the output folder, which was left as it was;
	// CheckedOn is the day that build's check ran.
	UpToDate  bool
	CheckedOn string
}

// Stage is the time one stage of a build took.
type Stage struct {
	Name string
	Took time.Duration
}

// lap records the time since the last lap as a stage.
func (r *Result) lap(name string, last *time.Time) {
	now := time.Now()
	r.Stages = append(r.Stages, Stage{name, now.Sub(*last)})
	*last = now
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
	if err := write.CheckOut(opts.Site, opts.Out); err != nil {
		return res, err
	}
	release, err := write.Lock(opts.Out)
	if err != nil {
		return res, err
	}
	defer release()
	write.RemoveLeftovers(opts.Out)
	fail := func() (*Result, error) {
		res.Diagnostics = res.Diagnostics.Compact()
		res.Duration = time.Since(start)
		return res, &diag.Failed{Diagnostics: res.Diagnostics}
	}

	last := start
	// With the manifest of the build in the output folder, the inputs are
	// hashed first, to stop here if none changed. Without one, that would
	// read every page twice: pages are hashed as they are parsed, and the
	// digest is finished after rendering (see hashAllButPages).
	prev, _ := readManifest(opts.Out)
	digest, same := "", false
	var inputs []inputRecord
	var sums map[string][32]byte
	if prev != nil {
		// What the output folder holds is checked, not taken on trust: a
		// file someone added would be deleted by the swap, and a file
		// deleted or edited since must be written again.
		// The two read different folders: one beside the other.
		type inspected struct {
			state write.State
			err   error
		}
		inspection := make(chan inspected, 1)
		go func() {
			st, err := write.Inspect(opts.Out, prev.Outputs)
			inspection <- inspected{st, err}
		}()
		digest, inputs, same = upToDate(ctx, opts, prev)
		in := <-inspection
		if in.err != nil {
			return res, fmt.Errorf("cannot read the output folder %s: %w", opts.Out, diag.Cause(in.err))
		}
		if len(in.state.Foreign) > 0 {
			return res, write.ForeignFilesError(opts.Out, in.state.Foreign)
		}
		same = same && in.state.Intact
	} else {
		sums = hashAllButPages(ctx, opts)
	}
	if same {
		res.UpToDate, res.Pages, res.Files, res.Diagnostics = true, prev.Pages, prev.Files, prev.Diagnostics
		res.CheckedOn = prev.CheckedOn
		res.Trust = &trust.Report{Site: prev.CheckErrorList, Summary: trust.Summary{Pages: prev.CheckPages, Errors: prev.CheckErrors, Warnings: prev.CheckWarn, Overdue: prev.Overdue}}
		res.lap("compare inputs", &last)
		res.Duration = time.Since(start)
		return res, nil
	}
	res.lap("compare inputs", &last)
	defer gcbudget.Tune(opts.GCFloor)()
	sp := page.NewSpills(write.Scratch(opts.Out))
	defer sp.Remove()
	b := newBuilder(opts, bodyMode{Bodies: page.Bodies{Spill: sp, Summary: true}, hash: prev == nil})
	if err := b.load(ctx); err != nil {
		return res, err
	}
	if b.cfg == nil {
		res.Diagnostics.Add(b.cfgDiags...)
		return fail()
	}
	r := b.resolve()
	res.Diagnostics.Add(r.diags...)
	res.lap("load, parse, resolve", &last)
	site := r.site
	res.Site = site
	// The trust checks need nothing that rendering makes, so they run
	// beside it, on facts taken from the pages first: what only the checks
	// and the link checks needed is then dropped (rendering never reads
	// it), and the report keeps only its summary and its errors (in
	// Site), which is all a build shows.
	checked := make(chan *trust.Report, 1)
	buildDiags := slices.Clone(res.Diagnostics)
	go func() {
		siteFacts, pageFacts := site.TrustFacts()
		site.Release()
		r := trust.Check(siteFacts, pageFacts, buildDiags, opts.today())
		r.Site, r.Pages = r.Errors(), nil
		checked <- r
	}()
	defer func() {
		if res.Trust == nil {
			res.Trust = <-checked
		}
	}()
	if res.Diagnostics.HasErrors() {
		return fail()
	}
	// The digest of the inputs, for the manifest, lists the site's files
	// again (a walk of the content folder), beside rendering: at 100,000
	// pages it took 0.2 s after it, on one core. The pages are hashed by
	// now; the other files were hashed before the build read them.
	type digested struct {
		digest string
		inputs []inputRecord
	}
	digestc := make(chan digested, 1)
	if prev == nil && sums != nil {
		maps.Copy(sums, b.sums)
		go func() {
			d, records, _ := inputDigest(ctx, opts, b.cfg.ExtraFiles(), sums, nil)
			digestc <- digested{d, records}
		}()
	} else {
		digestc <- digested{digest, inputs}
	}

	if err := sp.Flush(); err != nil {
		return res, err
	}
	st, err := write.NewStaging(opts.Out)
	if err != nil {
		return res, err
	}
	out := &stagingSink{st: st}
	m, err := b.make(ctx, r, out)
	if err != nil {
		st.Discard()
		return res, err
	}
	if len(m.diags) > 0 {
		st.Discard()
		res.Diagnostics.Add(m.diags...)
		return fail()
	}
	res.Trust = <-checked
	res.lap("check, render, write", &last)
	for _, o := range r.plan {
		if _, ok := o.(html.Layout); ok {
			res.Pages++
		}
	}
	res.Files = out.written
	res.Diagnostics = res.Diagnostics.Compact()
	dg := <-digestc
	digest, inputs = dg.digest, dg.inputs
	if err := st.Commit(); err != nil {
		return res, err
	}
	if digest != "" {
		m := manifest{Format: manifestFormat, Digest: digest, Started: start.UnixNano(), Inputs: inputs, Build: st.ID(), Pages: res.Pages, Files: res.Files, Diagnostics: res.Diagnostics, CheckedOn: res.Trust.Today, Outputs: st.Records()}
		s := res.Trust.Summary
		m.CheckPages, m.CheckErrors, m.CheckWarn, m.Overdue, m.CheckErrorList = s.Pages, s.Errors, s.Warnings, s.Overdue, res.Trust.Site
		writeManifest(opts.Out, &m) // without it, the next build is simply a full one
	}
	res.lap("replace output", &last)
	res.Duration = time.Since(start)
	return res, nil
}

// bodyMode says what parsing does with the pages' rendered bodies (see
// page.Bodies), and whether the sources are hashed as they are read, for
// the build's manifest (Builder.sums).
type bodyMode struct {
	page.Bodies
	hash bool
}

// Check runs the pipeline up to rendering, writes nothing, and checks the
// site against the HONcode principles, readability targets and review
// dates as of opts.Today (today when zero). The report holds every build
// diagnostic too, filed under its page.
func Check(ctx context.Context, opts Options) (*trust.Report, error) {
	defer gcbudget.Tune(opts.GCFloor)()
	b := newBuilder(opts, bodyMode{Bodies: page.Bodies{Discard: true}})
	if err := b.load(ctx); err != nil {
		return nil, err
	}
	if b.cfg == nil {
		return trust.Check(trust.SiteFacts{}, nil, b.cfgDiags.Compact(), opts.today()), nil
	}
	r := b.resolve()
	return r.site.TrustReport(r.diags.Compact(), opts.today()), nil
}

func (o Options) today() time.Time {
	if o.Today.IsZero() {
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return o.Today
}
