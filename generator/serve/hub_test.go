package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"pamphlet/generator/diag"
)

// sseHangGuard bounds every wait in these tests. It is not a timing
// assertion: it only turns a hang into a failure.
const sseHangGuard = 5 * time.Second

// sseStream is a test's Server-Sent Events client.
type sseStream struct {
	t      *testing.T
	resp   *http.Response
	r      *bufio.Reader
	cancel context.CancelFunc
}

// connect opens the event stream at url and checks its headers.
func sseConnect(t *testing.T, url string) *sseStream {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), sseHangGuard)
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	s := &sseStream{t: t, resp: resp, r: bufio.NewReader(resp.Body), cancel: cancel}
	t.Cleanup(s.Close)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("events: status %d", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Type"); got != "text/event-stream" {
		t.Errorf("events: Content-Type %q", got)
	}
	if got := resp.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("events: Cache-Control %q", got)
	}
	return s
}

// Close hangs up.
func (s *sseStream) Close() {
	s.cancel()
	s.resp.Body.Close()
}

// next returns the next line that is not blank, a retry field or (unless
// comments is set) a comment.
func (s *sseStream) next(comments bool) (string, error) {
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			return "", err
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "", strings.HasPrefix(line, "retry:"):
		case strings.HasPrefix(line, ":") && !comments:
		default:
			return line, nil
		}
	}
}

// event reads the next event.
func (s *sseStream) event() Event {
	s.t.Helper()
	line, err := s.next(false)
	if err != nil {
		s.t.Fatalf("reading event: %v", err)
	}
	data, ok := strings.CutPrefix(line, "data: ")
	if !ok {
		s.t.Fatalf("not a data line: %q", line)
	}
	var e Event
	if err := json.Unmarshal([]byte(data), &e); err != nil {
		s.t.Fatalf("event %q: %v", data, err)
	}
	return e
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(sseHangGuard)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func newSSEServer(t *testing.T) (*Hub, *httptest.Server) {
	hub := NewHub()
	srv := httptest.NewServer(hub)
	t.Cleanup(func() {
		hub.Close() // end the streams first: Close waits for handlers
		srv.Close()
	})
	return hub, srv
}

func TestHubLastEventThenInOrder(t *testing.T) {
	hub, srv := newSSEServer(t)
	broken := Event{Build: 3, Kind: KindErrors, Diagnostics: []diag.Diagnostic{
		diag.Errorf("content/therapy/what-to-expect.md", 12, 5, `unknown citation key "bateman1998"`),
		{File: "site.yaml", Severity: diag.Warning, Message: "<b>not markup</b>"},
	}}
	hub.Publish(Event{Build: 2, Kind: KindUpdate, Pages: []string{"/"}})
	hub.Publish(broken)

	s := sseConnect(t, srv.URL)
	if got := s.event(); !reflect.DeepEqual(got, broken) {
		t.Fatalf("first event on connect:\n%+v\nwant the last published:\n%+v", got, broken)
	}
	want := []Event{
		{Build: 4, Kind: KindUpdate, Pages: []string{"/", "/therapy/what-to-expect/"}},
		{Build: 5, Kind: KindUpdate, CSS: true},
		{Build: 6, Kind: KindUpdate, Other: true},
	}
	for _, e := range want {
		hub.Publish(e)
	}
	for i, w := range want {
		if got := s.event(); !reflect.DeepEqual(got, w) {
			t.Errorf("event %d: %+v, want %+v", i, got, w)
		}
	}
}

func TestHubNothingYet(t *testing.T) {
	hub, srv := newSSEServer(t)
	s := sseConnect(t, srv.URL)
	waitUntil(t, "the client", func() bool { return hub.Clients() == 1 })
	e := Event{Build: 1, Kind: KindUpdate}
	hub.Publish(e)
	if got := s.event(); !reflect.DeepEqual(got, e) {
		t.Errorf("got %+v, want %+v", got, e)
	}
}

func TestHubPublishCopies(t *testing.T) {
	hub, srv := newSSEServer(t)
	pages := []string{"/a/"}
	hub.Publish(Event{Build: 1, Kind: KindUpdate, Pages: pages})
	pages[0] = "/changed/"
	if got := sseConnect(t, srv.URL).event(); got.Pages[0] != "/a/" {
		t.Errorf("the hub kept the caller's slice: %v", got.Pages)
	}
}

func TestHubJSON(t *testing.T) {
	b := appendEvent(nil, Event{Build: 9, Kind: KindErrors, Diagnostics: []diag.Diagnostic{
		diag.Errorf("content/a.md", 3, 1, "line\nbreak"),
	}})
	want := `data: {"build":9,"kind":"errors","diagnostics":[{"file":"content/a.md","line":3,"col":1,"severity":"error","message":"line\nbreak"}]}` + "\n\n"
	if string(b) != want {
		t.Errorf("got  %q\nwant %q", b, want)
	}
}

func TestHubHeartbeat(t *testing.T) {
	hub := NewHub()
	hub.heartbeat = time.Millisecond
	srv := httptest.NewServer(hub)
	defer srv.Close()
	defer hub.Close()
	s := sseConnect(t, srv.URL)
	for {
		line, err := s.next(true)
		if err != nil {
			t.Fatal(err)
		}
		if line == ": heartbeat" {
			return
		}
	}
}

// TestHubSlowClient connects a client that never reads, then publishes far
// more than fits in its queue and its socket: Publish must not wait for it.
func TestHubSlowClient(t *testing.T) {
	hub, srv := newSSEServer(t)
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close() // lets the handler's blocked write fail
	fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: %s\r\n\r\n", srv.Listener.Addr())
	waitUntil(t, "the slow client", func() bool { return hub.Clients() == 1 })

	big := strings.Repeat("x", 4096)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 1000 {
			hub.Publish(Event{Build: int64(i + 1), Kind: KindErrors, Diagnostics: []diag.Diagnostic{
				diag.Errorf("content/a.md", i, 1, "%s", big),
			}})
		}
	}()
	select {
	case <-done:
	case <-time.After(sseHangGuard):
		t.Fatal("Publish blocked on a client that does not read")
	}

	// A new client still gets the last event at once.
	if got := sseConnect(t, srv.URL).event(); got.Build != 1000 {
		t.Errorf("new client got build %d, want 1000", got.Build)
	}
}

func TestHubClose(t *testing.T) {
	hub := NewHub()
	srv := httptest.NewServer(hub)
	defer srv.Close()
	hub.Publish(Event{Build: 1, Kind: KindUpdate})
	a, b := sseConnect(t, srv.URL), sseConnect(t, srv.URL)
	a.event()
	b.event()
	if n := hub.Clients(); n != 2 {
		t.Errorf("Clients() = %d, want 2", n)
	}

	hub.Close()
	for _, s := range []*sseStream{a, b} {
		if _, err := s.next(false); err != io.EOF {
			t.Errorf("after Close: read %v, want io.EOF (the stream ended)", err)
		}
	}
	waitUntil(t, "no clients", func() bool { return hub.Clients() == 0 })

	hub.Publish(Event{Build: 2, Kind: KindUpdate}) // no effect, no panic
	hub.Close()                                    // twice is fine
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("connect after Close: status %d, want 503", resp.StatusCode)
	}
}

func TestHubClients(t *testing.T) {
	hub, srv := newSSEServer(t)
	if n := hub.Clients(); n != 0 {
		t.Errorf("Clients() = %d before anyone came", n)
	}
	a := sseConnect(t, srv.URL)
	b := sseConnect(t, srv.URL)
	waitUntil(t, "two clients", func() bool { return hub.Clients() == 2 })
	a.Close()
	waitUntil(t, "one client", func() bool { return hub.Clients() == 1 })
	b.Close()
	waitUntil(t, "no clients", func() bool { return hub.Clients() == 0 })
}

func TestHubMethods(t *testing.T) {
	hub := NewHub()
	defer hub.Close()
	if rec := serveOnce(hub, "POST", "/"); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", rec.Code)
	}
	rec := serveOnce(hub, "HEAD", "/")
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 || rec.Header().Get("Content-Type") != "text/event-stream" {
		t.Errorf("HEAD: status %d, type %q, body %q", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	if hub.Clients() != 0 {
		t.Errorf("HEAD left a client behind")
	}
}

// TestHandlerEvents checks that the Handler serves the Hub's stream at
// EventsPath, before the first build too (so the "Building…" page hears
// when it is done).
func TestHandlerEvents(t *testing.T) {
	hub := NewHub()
	h := NewHandler(hub)
	srv := httptest.NewServer(h)
	defer srv.Close()
	defer hub.Close()

	s := sseConnect(t, srv.URL+EventsPath)
	waitUntil(t, "the client", func() bool { return hub.Clients() == 1 })
	h.Swap(testSite(1))
	hub.Publish(Event{Build: 1, Kind: KindUpdate})
	if got := s.event(); got.Build != 1 {
		t.Errorf("got build %d, want 1", got.Build)
	}
	if got := s.resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options %q", got)
	}

	if rec := serveOnce(NewHandler(nil), "GET", EventsPath); rec.Code != http.StatusNotFound {
		t.Errorf("no hub: status %d, want 404", rec.Code)
	}
}
