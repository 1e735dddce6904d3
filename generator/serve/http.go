package serve

import (
	"bytes"
	_ "embed"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Snapshot is one complete built site held in memory. A Snapshot is
// immutable once handed to Handler.Swap: neither the map nor any file's
// bytes may change after that, since requests read them without locks.
type Snapshot struct {
	// ID is the build number. It increases with every good build; the
	// page's script compares it with Event.Build. Start it somewhere a
	// previous run of the server did not reach (the start time in
	// milliseconds will do), so a tab left open across a restart sees a
	// new number; and stay below 2^53, where JavaScript numbers are exact.
	ID int64
	// Files holds every output file by site path, without a leading slash
	// and with forward slashes: "index.html", "css/style.css",
	// "therapy/what-to-expect/index.html".
	Files map[string][]byte
}

//go:embed live.js
var liveJS []byte

// Handler serves the current Snapshot for `pamphlet serve`, with the
// live-reload script and its event stream. It is safe for concurrent use.
//
// Each request reads the snapshot once, so it sees the old or the new one
// whole, never a mix. Rules, in order:
//   - GET and HEAD only; other methods get 405.
//   - A path with a "." or ".." segment, an empty segment, a backslash, NUL
//     or another control character, at any depth of percent-encoding, gets
//     400 (see sitePath).
//   - LiveScriptPath and EventsPath are served whatever the snapshot holds.
//   - Before the first Swap, every other request gets 503 and a page that
//     reloads itself when the first build is done.
//   - A segment starting with "." (".git", ".pamphlet-output") is never
//     served: 404.
//   - "/dir/" serves "dir/index.html"; "/dir" redirects (301) to "/dir/"
//     when that exists and no file "dir" does; "/" serves "index.html".
//   - A miss serves "404.html" with status 404, or plain text without one.
//
// Every response has Cache-Control: no-store and X-Content-Type-Options:
// nosniff. HTML responses get the live-reload script (see InjectLiveReload).
type Handler struct {
	hub  *Hub
	snap atomic.Pointer[Snapshot]
}

var _ http.Handler = (*Handler)(nil)

// NewHandler returns a Handler that streams events from hub at EventsPath.
// With a nil hub, EventsPath is a 404. The Handler answers 503 until the
// first Swap.
func NewHandler(hub *Hub) *Handler {
	return &Handler{hub: hub}
}

// Swap makes s the snapshot served from now on; requests already running
// finish with the one they started with. Swap(nil) goes back to answering
// 503 "Building…". The caller must not modify s afterwards.
func (h *Handler) Swap(s *Snapshot) {
	h.snap.Store(s)
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Content-Type-Options", "nosniff")

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		writePlain(w, r, http.StatusMethodNotAllowed, "405 method not allowed")
		return
	}
	name, ok := sitePath(r.URL.Path)
	if !ok {
		writePlain(w, r, http.StatusBadRequest, "400 bad request")
		return
	}

	switch "/" + name {
	case LiveScriptPath:
		hdr.Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(keepNoStore{w}, r, "live.js", time.Time{}, bytes.NewReader(liveJS))
		return
	case EventsPath:
		if h.hub == nil {
			writePlain(w, r, http.StatusNotFound, "404 page not found")
			return
		}
		h.hub.ServeHTTP(w, r)
		return
	}

	snap := h.snap.Load() // the only load: everything below uses snap
	if snap == nil {
		hdr.Set("Retry-After", "1")
		hdr.Set("Content-Type", "text/html; charset=utf-8")
		body := InjectLiveReload([]byte(buildingPage), 0)
		writeBody(w, r, http.StatusServiceUnavailable, body)
		return
	}

	if hiddenPath(name) {
		serveNotFound(w, r, snap)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	body, ok := snap.Files[name]
	if !ok {
		if _, dir := snap.Files[name+"/index.html"]; dir {
			target := (&url.URL{Path: "/" + name + "/", RawQuery: r.URL.RawQuery}).String()
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		serveNotFound(w, r, snap)
		return
	}
	ctype := contentType(name, body)
	hdr.Set("Content-Type", ctype)
	if isHTML(ctype) {
		body = InjectLiveReload(body, snap.ID)
	}
	// ServeContent adds Range support (PDFs, media) and HEAD handling.
	http.ServeContent(keepNoStore{w}, r, path.Base(name), time.Time{}, bytes.NewReader(body))
}

// keepNoStore sets Cache-Control again just before the header goes out:
// ServeContent deletes it from its error answers (416 for a bad Range).
type keepNoStore struct{ http.ResponseWriter }

func (w keepNoStore) WriteHeader(code int) {
	w.Header().Set("Cache-Control", "no-store")
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w keepNoStore) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// buildingPage is served with 503 until the first build is done. Its script
// reloads it when the first update arrives, or shows the errors if the
// first build fails.
const buildingPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Building…</title></head>
<body>
<main><h1>Building…</h1><p>Pamphlet is building the site. This page reloads by itself when it is ready.</p></main>
</body>
</html>
`

// serveNotFound serves the snapshot's 404.html with status 404, or plain text.
func serveNotFound(w http.ResponseWriter, r *http.Request, snap *Snapshot) {
	page, ok := snap.Files["404.html"]
	if !ok {
		writePlain(w, r, http.StatusNotFound, "404 page not found")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	writeBody(w, r, http.StatusNotFound, InjectLiveReload(page, snap.ID))
}

// writePlain writes a short text/plain answer.
func writePlain(w http.ResponseWriter, r *http.Request, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	writeBody(w, r, code, []byte(msg+"\n"))
}

// writeBody writes a whole response with Content-Length, and no body for
// HEAD.
func writeBody(w http.ResponseWriter, r *http.Request, code int, body []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body) // the client has gone; nothing to tell it
	}
}

// sitePath turns a request's decoded URL path into a site path without the
// leading slash, and reports false for a path that is malformed or tries to
// climb out: a "." or ".." segment, an empty segment ("a//b"), a backslash,
// NUL or another control character, at any depth of percent-encoding
// ("%2e%2e" arrives here already decoded to "..", but "%252e%252e" arrives
// as "%2e%2e", so sitePath decodes again to look). Below the first layer, a
// segment starting with "." is refused too. A dev server has no use for such
// paths, so it refuses them rather than guessing what they mean. The name
// returned is the path as net/http decoded it, once.
func sitePath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	layer := p
	for depth := range maxDecode {
		if !safeLayer(layer, depth) {
			return "", false
		}
		next, err := url.PathUnescape(layer)
		if err != nil || next == layer {
			return p[1:], true // no encoding left, or a literal "%"
		}
		layer = next
	}
	return "", false // encoded more deeply than anyone means
}

// maxDecode bounds how many layers of percent-encoding sitePath looks under.
const maxDecode = 4

// safeLayer checks one decoding of a path; depth 0 is the path as received.
func safeLayer(p string, depth int) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return false
		}
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		switch {
		case seg == "." || seg == "..":
			return false
		case seg == "" && i < len(segs)-1:
			return false
		case depth > 0 && strings.HasPrefix(seg, "."):
			return false
		}
	}
	return true
}

// hiddenPath reports whether a site path has a segment starting with ".":
// dotfiles (.git, .pamphlet-output) are never served.
func hiddenPath(name string) bool {
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// contentTypes are the types of the files a site holds. They come first so
// that answers do not depend on the machine's mime.types, which differ.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".pdf":         "application/pdf",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
}

// contentType returns the Content-Type for a site file: by extension from
// contentTypes, then mime.TypeByExtension, then by sniffing the bytes.
func contentType(name string, body []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); ext != "" && t != "" {
		return t
	}
	return http.DetectContentType(body)
}

// isHTML reports whether a Content-Type is HTML, which gets the script.
func isHTML(ctype string) bool {
	return strings.HasPrefix(ctype, "text/html")
}
