package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pamphlet/internal/browser"
	"pamphlet/internal/corpus"
)

// BenchmarkSaveToBrowser measures, on a 10,000-page corpus site served by
// `pamphlet serve` and open in headless Chromium, the time from writing a
// page's Markdown to the reloaded page's DOMContentLoaded, both read from
// the same clock. It reports the median and the 95th percentile.
//
//	go test -run XXX -bench SaveToBrowser -benchtime 40x .
func BenchmarkSaveToBrowser(b *testing.B) {
	site := b.TempDir()
	if err := corpus.Write(site, corpus.Options{Pages: 10000, Citations: true, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	ctx := browser.New(b)
	sctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	out := &syncBuffer{}
	defer func() { b.Log(lastLines(out.String(), 5)) }()
	go serveSite(sctx, serveOptions{site: site, bind: "127.0.0.1", port: 0, ready: func(u string) { ready <- u }}, out, out)
	var url string
	select {
	case url = <-ready:
	case <-time.After(5 * time.Minute):
		b.Fatal("serve did not start")
	}
	page := filepath.Join(site, "content", "section-3", "page-3.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"section-3/page-3/")); err != nil {
		b.Fatal(err)
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mark := fmt.Sprintf("Edit number %d.", i)
		// Wait for the tab to be connected before saving.
		for {
			ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(window.__pamphletLive && window.__pamphletLive.events >= 1)`))
			if ok {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		start := time.Now()
		if err := os.WriteFile(page, append(append([]byte{}, orig...), "\n"+mark+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for {
			loaded, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`document.body && document.body.innerText.includes(%q) ? performance.timing.domContentLoadedEventEnd : 0`, mark)))
			if loaded > 0 {
				lat = append(lat, time.UnixMilli(int64(loaded)).Sub(start))
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("edit %d never showed", i)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	b.StopTimer()
	os.WriteFile(page, orig, 0o644)
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(lat[(len(lat)*95)/100].Microseconds())/1000, "ms-p95")
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
