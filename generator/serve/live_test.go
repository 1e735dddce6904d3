package serve

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pamphlet/internal/browser"
)

// liveSite is a snapshot with a page that links a stylesheet of the given
// colour.
func liveSite(id int64, colour string) *Snapshot {
	page := []byte(`<!doctype html><html lang="en"><head><title>Page</title><link rel="stylesheet" href="/css/style.css"></head><body><p>Page text.</p></body></html>`)
	return &Snapshot{ID: id, Files: map[string][]byte{
		"index.html":       page,
		"other/index.html": page,
		"css/style.css":    []byte("body { color: " + colour + "; }\n"),
	}}
}

// gatedEvents holds every request for the event stream until its gate is
// opened, so a test can publish while a freshly loaded tab is not yet
// listening: what happens after every reload, and under load for longer.
type gatedEvents struct {
	http.Handler
	mu   sync.Mutex
	gate chan struct{} // nil: let requests through
}

func (g *gatedEvents) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == EventsPath {
		g.mu.Lock()
		gate := g.gate
		g.mu.Unlock()
		if gate != nil {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
	}
	g.Handler.ServeHTTP(w, r)
}

func (g *gatedEvents) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.gate = make(chan struct{})
}

func (g *gatedEvents) open() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.gate != nil {
		close(g.gate)
		g.gate = nil
	}
}

// TestLiveReplayAfterReload is the live-reload client's answer to the event
// the server replays when a tab's stream opens, for a tab whose page came
// from build N: it missed exactly one update (N+1), which it handles like a
// live one, or more, after which it reloads. A tab that has just reloaded
// is always in that window for a moment; under load, for long enough that
// the next save lands in it: a CSS edit then navigated the page.
func TestLiveReplayAfterReload(t *testing.T) {
	ctx := browser.New(t)
	hub := NewHub()
	h := NewHandler(hub)
	g := &gatedEvents{Handler: h}
	srv := httptest.NewServer(g)
	t.Cleanup(func() {
		hub.Close()
		srv.Close()
	})

	build := int64(1000)
	colours := []string{"rgb(10, 20, 30)", "rgb(200, 0, 0)"}
	colour := colours[0]
	publish := func(e Event, newColour string) {
		build++
		if newColour != "" {
			colour = newColour
		}
		h.Swap(liveSite(build, colour))
		e.Build, e.Kind = build, KindUpdate
		hub.Publish(e)
	}
	eval := func(js string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	waitFor := func(what, cond string) {
		t.Helper()
		browser.WaitFor(t, ctx, 15*time.Second, what, cond)
	}
	// load opens the page with its event stream held back, and marks the
	// document so a navigation shows.
	load := func() {
		t.Helper()
		g.close()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
			t.Fatal(err)
		}
		waitFor("the page's script", fmt.Sprintf(`!!window.__pamphletLive && window.__pamphletLive.build === %d && !window.__pamphletLive.live`, build))
		eval(`window.__marker = 1`)
	}
	stayed := func(what string) {
		t.Helper()
		waitFor("the tab in step with the server", fmt.Sprintf(`!!window.__pamphletLive && window.__pamphletLive.live && window.__pamphletLive.build === %d`, build))
		if m := eval(`window.__marker === 1`); m != true {
			t.Errorf("%s: the tab reloaded", what)
		}
	}

	h.Swap(liveSite(build, colour))
	hub.Publish(Event{Build: build, Kind: KindUpdate})

	// Missed nothing.
	load()
	g.open()
	stayed("no missed update")

	// Missed one CSS-only update: restyle in place.
	load()
	publish(Event{CSS: true}, colours[1])
	g.open()
	waitFor("the new colour", `getComputedStyle(document.body).color === "rgb(200, 0, 0)"`)
	stayed("one missed CSS update")

	// Missed one update to another page, or one that changed nothing.
	load()
	publish(Event{Pages: []string{"/other/"}}, "")
	g.open()
	stayed("one missed update to another page")
	load()
	publish(Event{}, "")
	g.open()
	stayed("one missed build that changed nothing")

	// Missed one update to this page: reload, as a live one would.
	load()
	publish(Event{Pages: []string{"/"}}, "")
	g.open()
	waitFor("the reload", fmt.Sprintf(`window.__marker === undefined && !!window.__pamphletLive && window.__pamphletLive.live && window.__pamphletLive.build === %d`, build))

	// Missed two: the last event cannot tell what changed, so reload.
	load()
	publish(Event{CSS: true}, colours[0])
	publish(Event{Pages: []string{"/other/"}}, "")
	g.open()
	waitFor("the reload", fmt.Sprintf(`window.__marker === undefined && !!window.__pamphletLive && window.__pamphletLive.live && window.__pamphletLive.build === %d`, build))
	waitFor("the colour of the reloaded page", `getComputedStyle(document.body).color === "rgb(10, 20, 30)"`)
}
