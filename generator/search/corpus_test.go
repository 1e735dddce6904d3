package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"pamphlet/internal/corpus"
)

// markdownDocument turns a page of the benchmark corpus into a Document
// roughly as the parse stage would: front matter title and description,
// one block per ## heading, Markdown marks and citations dropped.
func markdownDocument(rel string, src []byte) Document {
	s := string(src)
	d := Document{URL: strings.TrimSuffix(strings.TrimSuffix(rel, ".md"), "_index") + "/"}
	if d.URL == "/" {
		d.URL = ""
	}
	d.Section = strings.Split(rel, "/")[0]
	if fm, body, ok := strings.Cut(strings.TrimPrefix(s, "---\n"), "\n---\n"); ok {
		for _, line := range strings.Split(fm, "\n") {
			if v, ok := strings.CutPrefix(line, "title: "); ok {
				d.Title = strings.Trim(v, `"`)
			}
			if v, ok := strings.CutPrefix(line, "description: "); ok {
				d.Description = strings.Trim(v, `"`)
			}
		}
		s = body
	}
	b := Block{}
	var text strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			b.Text = text.String()
			d.Blocks = append(d.Blocks, b)
			b, text = Block{Heading: h, Anchor: strings.ToLower(strings.ReplaceAll(h, " ", "-"))}, strings.Builder{}
			continue
		}
		text.WriteString(markdownMarks.ReplaceAllString(line, "$1") + "\n")
	}
	b.Text = text.String()
	d.Blocks = append(d.Blocks, b)
	return d
}

var markdownMarks = regexp.MustCompile(`\[@[^\]]*\]|\[([^\]]*)\]\([^)]*\)|[*|]`)

// corpusDocuments writes the benchmark corpus of n pages (or reads the
// one in $SEARCH_CORPUS) and returns its pages.
func corpusDocuments(t testing.TB, n int) []Document {
	t.Helper()
	dir := os.Getenv("SEARCH_CORPUS")
	if dir == "" {
		dir = t.TempDir()
		if err := corpus.Write(dir, corpus.Options{Pages: n, Citations: true, Seed: 1}); err != nil {
			t.Fatal(err)
		}
	}
	var docs []Document
	content := filepath.Join(dir, "content")
	err := filepath.WalkDir(content, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(content, p)
		docs = append(docs, markdownDocument(filepath.ToSlash(rel), b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// BenchmarkAdd measures indexing per page (one builder, as one parse
// worker runs it), on pages of the benchmark corpus.
func BenchmarkAdd(b *testing.B) {
	docs := corpusDocuments(b, 1000)
	ix := NewIndexer(Config{})
	bl := ix.NewBuilder()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl.Add(docs[i%len(docs)])
		if len(bl.pages) == len(docs) {
			bl.pages = bl.pages[:0] // keep memory flat; the vocabulary stays warm, as in a build
		}
	}
}

// TestCorpusFigures reports the index's size and what one-word queries
// fetch, at $SEARCH_PAGES pages (default: skipped in short mode, 1000).
// SEARCH_PAGES=10000 go test -run CorpusFigures -v ./generator/search/
func TestCorpusFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and indexes a corpus")
	}
	n := 1000
	fmt.Sscan(os.Getenv("SEARCH_PAGES"), &n)
	docs := corpusDocuments(t, n)
	ix := NewIndexer(Config{})
	start := time.Now()
	b1, b2 := ix.NewBuilder(), ix.NewBuilder()
	for i, d := range docs {
		if i%2 == 0 {
			b1.Add(d)
		} else {
			b2.Add(d)
		}
	}
	added := time.Since(start)
	x := ix.Merge(testSections, b1, b2)
	merged := time.Since(start) - added
	total, totalGz := 0, 0
	for _, b := range x.Shards() {
		total += len(b)
		totalGz += gzipLen(b)
	}
	t.Logf("%d pages: Add %.1f µs/page (one core, both builders), Merge+encode %v; %d files, %.1f MB (%.1f MB gzipped)",
		len(docs), float64(added.Microseconds())/float64(len(docs)), merged.Round(time.Millisecond), len(x.Shards()), float64(total)/1e6, float64(totalGz)/1e6)
	worst := 0
	for _, q := range []string{"feel", "mentalizing", "mentalising", "mentalizng", "borderline", "therapy", "crisis", "EUPD", "self harm", "relationships"} {
		s := searcher(t, x)
		start := time.Now()
		rs, err := s.Search(Query{Text: q, Limit: 8})
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		raw, gz := 0, 0
		for _, p := range slices.Sorted(func(yield func(string) bool) {
			for p := range s.Fetched {
				if !yield(p) {
					return
				}
			}
		}) {
			b := x.Shards()[x.rules.Dir+p]
			raw += len(b)
			gz += gzipLen(b)
		}
		worst = max(worst, gz)
		t.Logf("%-14q %d results shown, %2d files, %6.1f kB (%5.1f kB gzipped), Go searcher %v", q, len(rs), len(s.Fetched), float64(raw)/1e3, float64(gz)/1e3, took.Round(time.Microsecond))
	}
	if worst > 150_000 {
		t.Errorf("a one-word query moves %d bytes gzipped, over the 150 kB budget", worst)
	}
}

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestCorpusParallel indexes the corpus in $SEARCH_CORPUS with one
// builder per core, as parse workers would, and reports the wall and CPU
// time, to set beside "pamphlet build --timings" of the same site.
func TestCorpusParallel(t *testing.T) {
	if os.Getenv("SEARCH_CORPUS") == "" {
		t.Skip("set SEARCH_CORPUS to a corpus folder (go run ./cmd/corpus)")
	}
	docs := corpusDocuments(t, 0)
	ix := NewIndexer(Config{})
	workers := runtime.GOMAXPROCS(0)
	var ru0 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	start := time.Now()
	builders := make([]*Builder, workers)
	var wg sync.WaitGroup
	for w := range workers {
		builders[w] = ix.NewBuilder()
		wg.Go(func() {
			for i := w; i < len(docs); i += workers {
				builders[w].Add(docs[i])
			}
		})
	}
	wg.Wait()
	added := time.Since(start)
	x := ix.Merge(testSections, builders...)
	total := time.Since(start)
	var ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano()) * time.Nanosecond
	t.Logf("%d pages on %d workers: Add %v wall, Merge+encode %v, all %v wall, %v CPU (%.0f µs CPU a page)",
		x.Pages(), workers, added.Round(time.Millisecond), (total - added).Round(time.Millisecond), total.Round(time.Millisecond), cpu.Round(time.Millisecond), float64(cpu.Microseconds())/float64(x.Pages()))
	edited := docs[len(docs)/2]
	edited.Blocks = slices.Clone(edited.Blocks)
	edited.Blocks[1].Text += " A new sentence about sleep."
	start = time.Now()
	changed, removed := x.Update(edited)
	t.Logf("an edit of one page: Update took %v; %d files changed, %d removed, of %d", time.Since(start).Round(time.Millisecond), len(changed), len(removed), len(x.Shards()))
}
