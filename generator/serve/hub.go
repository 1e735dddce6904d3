package serve

import (
	"encoding/json"
	"net/http"
	"slices"
	"sync"
	"time"

	"pamphlet/generator/diag"
)

// Kinds of Event.
const (
	// KindUpdate follows a good build: the Handler serves the new snapshot.
	KindUpdate = "update"
	// KindErrors follows a failed build: the Handler still serves the last
	// good snapshot, and tabs show the diagnostics in an overlay.
	KindErrors = "errors"
)

// Event is what the Hub tells every open tab after a build.
//
// Build must be the ID of the Snapshot the Handler serves once the event is
// out: for KindUpdate, the snapshot just swapped in; for KindErrors, the
// last good one still served (0 if there is none yet). A tab compares it
// with the build its page came from to know whether it missed something, so
// Swap the snapshot before publishing its update.
//
// Good builds must be numbered one after another (N, N+1, ...): a tab that
// connects and is replayed the update for the build right after its page's
// has missed only that update, and handles it as if it had come live (a
// CSS-only change restyles instead of reloading). Any other gap, or a
// number from a restarted server, makes the tab reload.
type Event struct {
	Build       int64             `json:"build"`
	Kind        string            `json:"kind"`
	Pages       []string          `json:"pages,omitempty"`       // URL paths whose HTML changed: "/", "/therapy/what-to-expect/"
	CSS         bool              `json:"css,omitempty"`         // a stylesheet changed: tabs swap stylesheets in place
	Other       bool              `json:"other,omitempty"`       // something else changed (JS, images): tabs reload
	Diagnostics []diag.Diagnostic `json:"diagnostics,omitempty"` // for KindErrors
}

// HeartbeatInterval is how often an idle stream sends an SSE comment, so
// proxies and browsers do not time it out and a gone client is noticed.
const HeartbeatInterval = 15 * time.Second

// maxQueued is how many events may wait for one client. A client further
// behind than that is not reading: its stream is ended, and the browser's
// EventSource reconnects and catches up from the last event.
const maxQueued = 64

// writeTimeout bounds one write to a client, so a client that stopped
// reading does not hold its goroutine and connection for ever.
const writeTimeout = 10 * time.Second

// Hub broadcasts build events to every connected tab over Server-Sent
// Events. It is safe for concurrent use. The zero value is not usable; call
// NewHub.
//
// Each client has its own bounded queue, so Publish never waits for a
// client: one that falls maxQueued events behind is disconnected instead.
type Hub struct {
	mu      sync.Mutex
	clients map[*sseClient]struct{}
	last    *Event
	closed  bool
	done    chan struct{} // closed by Close

	heartbeat time.Duration // HeartbeatInterval; tests shorten it
}

// sseClient is one open stream. Its fields are guarded by Hub.mu.
type sseClient struct {
	queue  []Event
	lagged bool          // fell too far behind: end the stream
	wake   chan struct{} // capacity 1: "look at the queue"
}

var _ http.Handler = (*Hub)(nil)

// NewHub returns a Hub with no clients and no event yet.
func NewHub() *Hub {
	return &Hub{
		clients:   make(map[*sseClient]struct{}),
		done:      make(chan struct{}),
		heartbeat: HeartbeatInterval,
	}
}

// Publish sends e to every connected client and keeps it as the event a
// new client receives first. It never blocks on a client. Publish copies
// e's slices, so the caller may reuse them. After Close it does nothing.
func (h *Hub) Publish(e Event) {
	e.Pages = slices.Clone(e.Pages)
	e.Diagnostics = slices.Clone(e.Diagnostics)

	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.last = &e
	for c := range h.clients {
		if c.lagged {
			continue
		}
		if len(c.queue) >= maxQueued {
			c.lagged = true
			c.queue = nil
		} else {
			c.queue = append(c.queue, e)
		}
		select {
		case c.wake <- struct{}{}:
		default:
		}
	}
}

// Close ends every stream and refuses new ones. Call it before
// http.Server.Shutdown (or register it with RegisterOnShutdown): streams
// never go idle, so Shutdown would otherwise wait for them. Browsers keep
// trying to reconnect, which is what a tab should do while the server
// restarts. Close may be called more than once.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// Clients returns the number of connected streams.
func (h *Hub) Clients() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// ServeHTTP implements http.Handler: it serves the event stream. On connect
// it sends the last event published, if any, then each new one as
//
//	data: {"build":7,"kind":"update","pages":["/"]}
//
// with a comment line every HeartbeatInterval. The stream ends when the
// client goes, when it falls too far behind, or when the Hub closes.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead {
		hdr.Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		return
	}

	c := &sseClient{wake: make(chan struct{}, 1)}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		// Not 204: that tells EventSource never to retry.
		http.Error(w, "503 server shutting down", http.StatusServiceUnavailable)
		return
	}
	if h.last != nil {
		c.queue = append(c.queue, *h.last)
		c.wake <- struct{}{}
	}
	h.clients[c] = struct{}{}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()

	hdr.Set("Content-Type", "text/event-stream")
	hdr.Set("X-Accel-Buffering", "no") // tell proxies not to buffer the stream
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	send := func(msg []byte) bool {
		// Errors from SetWriteDeadline only mean the writer has no deadline
		// support (a test recorder); the write itself still reports failure.
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := w.Write(msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	// "retry" makes the browser reconnect after one second rather than the
	// default few, so a restarted server is found quickly. The comment
	// flushes the headers, so the client's onopen fires at once.
	if !send([]byte("retry: 1000\n: pamphlet\n\n")) {
		return
	}

	heartbeat := time.NewTicker(h.heartbeat)
	defer heartbeat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-heartbeat.C:
			if !send([]byte(": heartbeat\n\n")) {
				return
			}
		case <-c.wake:
			h.mu.Lock()
			queue, lagged := c.queue, c.lagged
			c.queue = nil
			h.mu.Unlock()
			if lagged {
				return
			}
			var msg []byte
			for _, e := range queue {
				msg = appendEvent(msg, e)
			}
			if !send(msg) {
				return
			}
		}
	}
}

// appendEvent appends e as one SSE message. JSON holds no raw newline, so
// one "data:" line carries it.
func appendEvent(b []byte, e Event) []byte {
	js, err := json.Marshal(e)
	if err != nil {
		// Event has only plain fields; Marshal cannot fail on it.
		panic("serve: encode event: " + err.Error())
	}
	b = append(b, "data: "...)
	b = append(b, js...)
	return append(b, "\n\n"...)
}
