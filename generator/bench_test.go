package generator

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"pamphlet/generator/html"
	"pamphlet/generator/load"
	"pamphlet/generator/page"
	"pamphlet/generator/resolve"
	"pamphlet/generator/site"
	"pamphlet/internal/corpus"
)

// Benchmarks run on corpus sites (see internal/corpus), written once per
// size into a temp folder. Compare with benchstat; quote ratios measured
// in the same run (see the README's "Speed" section).

var corpora sync.Map // "1000/true" -> site folder

func corpusSite(b *testing.B, pages int, cites bool, translations ...string) string {
	b.Helper()
	key := fmt.Sprintf("%d/%v/%v", pages, cites, translations)
	if dir, ok := corpora.Load(key); ok {
		return dir.(string)
	}
	dir, err := os.MkdirTemp("", "pamphlet-corpus-")
	if err != nil {
		b.Fatal(err)
	}
	if err := corpus.Write(dir, corpus.Options{Pages: pages, Citations: cites, Seed: 1, Translations: translations}); err != nil {
		b.Fatal(err)
	}
	corpora.Store(key, dir)
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	corpora.Range(func(_, dir any) bool {
		os.RemoveAll(dir.(string))
		return true
	})
	os.Exit(code)
}

// loadForTest reads the site in dir up to the parse stage, without
// reading its pages.
func loadForTest(tb testing.TB, dir string) (*site.Config, *load.Inputs, *load.Bibliographies) {
	tb.Helper()
	f := loadSite(Options{Site: dir, Theme: defaultTheme})
	if f.cfgDiags.HasErrors() {
		tb.Fatal(f.cfgDiags)
	}
	return f.cfg, f.in, f.bibs
}

// loadCorpus reads a corpus site up to the parse stage.
func loadCorpus(b *testing.B, pages int, cites bool) (*site.Config, *load.Inputs, *load.Bibliographies) {
	b.Helper()
	cfg, in, bibs := loadForTest(b, corpusSite(b, pages, cites))
	for i := range in.Pages {
		if d := in.Pages[i].Read(); d != nil {
			b.Fatal(d)
		}
	}
	return cfg, in, bibs
}

// BenchmarkParse parses every page of a 1,000-page corpus on one core,
// with and without citations: the difference is the cost of citing.
func BenchmarkParse(b *testing.B) {
	for _, cites := range []bool{false, true} {
		b.Run(fmt.Sprintf("citations=%v", cites), func(b *testing.B) {
			cfg, in, bibs := loadCorpus(b, 1000, cites)
			ps := page.NewParser(cfg, in.Files, bibs, nil)
			var bytes int64
			for _, s := range in.Pages {
				bytes += int64(len(s.Data))
			}
			b.SetBytes(bytes)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, s := range in.Pages {
					ps.Parse(s)
				}
			}
		})
	}
}

// BenchmarkRender renders every page of a parsed 1,000-page corpus on one
// core.
func BenchmarkRender(b *testing.B) {
	cfg, in, bibs := loadCorpus(b, 1000, true)
	ps := page.NewParser(cfg, in.Files, bibs, nil)
	pages := make([]*page.Page, len(in.Pages))
	for i, s := range in.Pages {
		pages[i] = ps.Parse(s)
	}
	site := resolve.Resolve(cfg, pages, resolve.Options{}, nil)
	tpl, diags := html.LoadTemplates(corpusSite(b, 1000, true), defaultTheme, html.Funcs(cfg))
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	plan, _ := html.Plan(site, in, nil)
	sv := html.NewSiteViews(site)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := html.NewWorker(site, sv, tpl)
		for _, o := range plan {
			if _, ok := o.(html.Layout); ok {
				o.Produce(w)
			}
		}
	}
}

// BenchmarkBuild builds whole corpus sites to disk, on all cores, with and
// without citations.
func BenchmarkBuild(b *testing.B) {
	for _, pages := range []int{1000, 10000} {
		for _, cites := range []bool{false, true} {
			b.Run(fmt.Sprintf("pages=%d/citations=%v", pages, cites), func(b *testing.B) {
				dir := corpusSite(b, pages, cites)
				out := filepath.Join(b.TempDir(), "public")
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					os.RemoveAll(out)
					if _, err := Build(context.Background(), Options{Site: dir, Out: out, Theme: defaultTheme}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkBuildLanguages builds a 10,000-page corpus in one language,
// and the same with every page translated into a second: the second
// should cost no more than the first (the target is 2.1 times in all).
func BenchmarkBuildLanguages(b *testing.B) {
	for _, langs := range [][]string{nil, {"es"}} {
		b.Run(fmt.Sprintf("languages=%d", 1+len(langs)), func(b *testing.B) {
			dir := corpusSite(b, 10000, true, langs...)
			out := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				os.RemoveAll(out)
				if _, err := Build(context.Background(), Options{Site: dir, Out: out, Theme: defaultTheme}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRebuildOnePage measures the dev server's work for one page
// edit on a 10,000-page site: from the changed file to the new output.
func BenchmarkRebuildOnePage(b *testing.B) {
	dir := corpusSite(b, 10000, true)
	bl := NewBuilder(Options{Site: dir, Theme: defaultTheme})
	if u, err := bl.Build(context.Background()); err != nil || u.Failed {
		b.Fatal(err, u.Diagnostics)
	}
	page := filepath.Join(dir, "content", "section-3", "page-3.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(page, orig, 0o644)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.WriteFile(page, append(orig, fmt.Sprintf("\nEdit %d.\n", i)...), 0o644)
		u, err := bl.Rebuild(context.Background(), []string{"content/section-3/page-3.md"})
		if err != nil || u.Failed || u.Rendered != 1 {
			b.Fatalf("%v %v rendered %d", err, u.Diagnostics, u.Rendered)
		}
	}
}

// BenchmarkRebuildTitle measures the dev server's work for a title edit on
// a 10,000-page site: every page's view is worked out again and compared
// by its fingerprint, and the few that show the title are rendered.
func BenchmarkRebuildTitle(b *testing.B) {
	dir := corpusSite(b, 10000, true)
	bl := NewBuilder(Options{Site: dir, Theme: defaultTheme})
	if u, err := bl.Build(context.Background()); err != nil || u.Failed {
		b.Fatal(err, u.Diagnostics)
	}
	page := filepath.Join(dir, "content", "section-3", "page-3.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(page, orig, 0o644)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		edited := bytes.Replace(orig, []byte("title: \""), fmt.Appendf(nil, "title: \"Edit %d ", i), 1)
		os.WriteFile(page, edited, 0o644)
		u, err := bl.Rebuild(context.Background(), []string{"content/section-3/page-3.md"})
		if err != nil || u.Failed || u.Rendered == 0 || u.Rendered > 20 {
			b.Fatalf("%v %v rendered %d", err, u.Diagnostics, u.Rendered)
		}
	}
}
