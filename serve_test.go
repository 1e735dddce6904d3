package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pamphlet/internal/browser"
)

// hangGuard bounds every wait so a broken server fails the test instead of
// hanging it. It is not a speed assertion: a working server answers in
// milliseconds; speed is measured by the benchmarks.
const hangGuard = 15 * time.Second

// syncBuffer is an io.Writer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe writes a small site, serves it on a free port and returns the
// site folder and the server's address. The server stops with the test.
func startServe(t *testing.T) (site, url string, out *syncBuffer) {
	t.Helper()
	site = t.TempDir()
	files := map[string]string{
		"site.yaml":            "title: Live\nbase_url: https://clinic.example/sub/\n",
		"content/_index.md":    "---\ntitle: Home\n---\nWelcome home.\n",
		"content/page.md":      "---\ntitle: A page\n---\nFirst version.\n\n" + strings.Repeat("Filler paragraph to make the page long.\n\n", 80),
		"content/other.md":     "---\ntitle: Another page\n---\nOther text.\n",
		"static/css/style.css": "body { color: rgb(10, 20, 30); }\n",
	}
	for name, data := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	out = &syncBuffer{}
	go func() {
		done <- serveSite(ctx, serveOptions{site: site, bind: "127.0.0.1", port: 0, ready: func(u string) { ready <- u }}, out, out)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(hangGuard):
			t.Error("serve did not stop")
		}
	})
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("serve ended: %v\n%s", err, out)
	case <-time.After(hangGuard):
		t.Fatal("serve did not start")
	}
	return site, url, out
}

func writeFile(t *testing.T, site, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(site, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitFor evaluates a JavaScript condition until it is true.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	browser.WaitFor(t, ctx, hangGuard, what, cond)
}

func TestServeHTTP(t *testing.T) {
	_, url, _ := startServe(t)
	get := func(path string) (*http.Response, string) {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	resp, body := get("page/")
	if resp.StatusCode != 200 || !strings.Contains(body, "First version.") || !strings.Contains(body, "/__pamphlet/live.js") {
		t.Errorf("page: %d %q", resp.StatusCode, body[:min(200, len(body))])
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
	// Links work at the root, whatever base_url's path.
	if !strings.Contains(body, `href="/css/style.css"`) {
		t.Error("stylesheet link is not served from the root")
	}
	if resp, _ := get("nope/"); resp.StatusCode != 404 {
		t.Errorf("missing page: %d", resp.StatusCode)
	}
	if resp, _ := get("%2e%2e/%2e%2e/etc/passwd"); resp.StatusCode == 200 {
		t.Error("traversal answered 200")
	}
	// DNS rebinding: a name that is not this computer's is refused.
	req, _ := http.NewRequest("GET", url+"page/", nil)
	req.Host = "rebind.attacker.example"
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a foreign Host header: %d, want 403", resp.StatusCode)
	}
}

// waitLive waits until the tab's live-reload client is connected and in
// step with the server. A tab that has just reloaded is not listening yet:
// an edit made before it is would reach it only as the event the server
// replays on connection, not as a live one.
func waitLive(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, "the live-reload connection", `!!(window.__pamphletLive && window.__pamphletLive.live)`)
}

// TestServeLiveReloadInBrowser drives a real headless Chromium: a page
// edit shows without a manual reload, a CSS edit restyles the page without
// navigating, broken front matter shows the overlay with file:line, and
// fixing it takes the overlay away.
func TestServeLiveReloadInBrowser(t *testing.T) {
	ctx := browser.New(t)
	site, url, out := startServe(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"page/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page", `document.body.innerText.includes("First version.")`)
	waitLive(t, ctx)

	// 1. Edit the Markdown: the tab reloads by itself and keeps its scroll position.
	chromedp.Run(ctx, chromedp.Evaluate[any](`window.scrollTo(0, 300); window.__marker = 1`))
	writeFile(t, site, "content/page.md", "---\ntitle: A page\n---\nSecond version.\n\n"+strings.Repeat("Filler paragraph to make the page long.\n\n", 80))
	waitFor(t, ctx, "the edited text", `document.body.innerText.includes("Second version.")`)
	waitFor(t, ctx, "the scroll position kept", `window.scrollY === 300`)
	waitLive(t, ctx) // the reloaded page listens before the next edit

	// 2. Edit the CSS: the new style applies without navigating.
	chromedp.Run(ctx, chromedp.Evaluate[any](`window.__marker = 2`))
	writeFile(t, site, "static/css/style.css", "body { color: rgb(200, 0, 0); }\n")
	waitFor(t, ctx, "the new colour", `getComputedStyle(document.body).color === "rgb(200, 0, 0)"`)
	if m, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__marker`)); err != nil || m != 2 {
		t.Errorf("the page navigated for a CSS change (marker %d, %v)", m, err)
	}

	// 3. An edit to another page leaves this tab still.
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__pamphletLive.events`))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, site, "content/other.md", "---\ntitle: Another page\n---\nOther text, edited.\n")
	waitFor(t, ctx, "the event for the other page", fmt.Sprintf(`window.__pamphletLive.events > %d`, n))
	if m, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__marker`)); err != nil || m != 2 {
		t.Errorf("the tab reloaded for a change to another page")
	}

	// 4. Break the front matter: the overlay names the file and line.
	writeFile(t, site, "content/page.md", "---\ntitle: [broken\n---\nThird version.\n")
	waitFor(t, ctx, "the error overlay", `!!document.getElementById("pamphlet-overlay") && document.getElementById("pamphlet-overlay").innerText.includes("content/page.md:2")`)
	if !strings.Contains(out.String(), "content/page.md:2: error:") {
		t.Errorf("terminal does not show the error:\n%s", out)
	}
	// The last good page is still what is served.
	waitFor(t, ctx, "the last good text", `document.body.innerText.includes("Second version.")`)

	// 5. Fix it: the overlay goes and the page shows the fix.
	writeFile(t, site, "content/page.md", "---\ntitle: A page\n---\nFixed version.\n")
	waitFor(t, ctx, "the fixed page", `document.body.innerText.includes("Fixed version.") && !document.getElementById("pamphlet-overlay")`)
}

func TestServeTriesTheNextPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	var msg bytes.Buffer
	ln, err := listen("127.0.0.1", port, &msg)
	if err != nil {
		t.Skipf("no free port after %d: %v", port, err)
	}
	defer ln.Close()
	got := ln.Addr().(*net.TCPAddr).Port
	if got == port || got > port+9 {
		t.Errorf("listened on %d, want one of %d..%d", got, port+1, port+9)
	}
	if !strings.Contains(msg.String(), fmt.Sprintf("Port %d is in use; using %d.", port, got)) {
		t.Errorf("message %q", msg.String())
	}
}

func TestServeWarnsOffLoopback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // stop at once: only the warning matters
	var out syncBuffer
	site := t.TempDir()
	os.WriteFile(filepath.Join(site, "site.yaml"), []byte("title: T\n"), 0o644)
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "_index.md"), []byte("---\ntitle: Home\n---\n"), 0o644)
	_ = serveSite(ctx, serveOptions{site: site, bind: "0.0.0.0", port: 0}, &out, &out)
	if !strings.Contains(out.String(), "other computers on your network can see this site") {
		t.Errorf("no warning for 0.0.0.0:\n%s", out.String())
	}
}
