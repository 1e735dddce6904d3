package serve

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// pngBytes starts like a PNG file, so sniffing would also call it one.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

// testSite returns a small built site: pages, assets of every type the
// handler names, a 404 page, and hidden files that must never be served.
func testSite(id int64) *Snapshot {
	page := func(title string) []byte {
		return []byte("<!doctype html>\n<html><head><title>" + title + "</title></head>\n<body><h1>" + title + "</h1>\n</body>\n</html>\n")
	}
	return &Snapshot{ID: id, Files: map[string][]byte{
		"index.html":                        page("Home"),
		"therapy/index.html":                page("Therapy"),
		"therapy/what-to-expect/index.html": page("What to expect"),
		"404.html":                          page("Not found"),
		"css/style.css":                     []byte("body { color: #111 }\n"),
		"js/app.js":                         []byte("console.log('hi');\n"),
		"img/logo.svg":                      []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`),
		"img/photo.png":                     pngBytes,
		"img/photo.jpg":                     []byte("\xff\xd8\xff\xe0jpeg"),
		"img/photo.webp":                    []byte("RIFF\x00\x00\x00\x00WEBPVP8 "),
		"fonts/body.woff2":                  []byte("wOF2font"),
		"leaflet.pdf":                       []byte("%PDF-1.7\nleaflet\n"),
		"feed.xml":                          []byte(`<?xml version="1.0"?><rss></rss>`),
		"robots.txt":                        []byte("User-agent: *\n"),
		"search.json":                       []byte(`{"pages":[]}`),
		"LICENSE":                           []byte("Plain text with no extension.\n"),
		".pamphlet-output":                  []byte("SECRET marker"),
		".git/config":                       []byte("SECRET [core]"),
		"css/.hidden.css":                   []byte("SECRET css"),
	}}
}

func newTestHandler(s *Snapshot) *Handler {
	h := NewHandler(NewHub())
	if s != nil {
		h.Swap(s)
	}
	return h
}

// do sends one request straight to the handler.
func serveOnce(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestContentTypes(t *testing.T) {
	h := newTestHandler(testSite(1))
	for _, tc := range []struct{ path, want string }{
		{"/", "text/html; charset=utf-8"},
		{"/css/style.css", "text/css; charset=utf-8"},
		{"/js/app.js", "text/javascript; charset=utf-8"},
		{"/img/logo.svg", "image/svg+xml"},
		{"/img/photo.png", "image/png"},
		{"/img/photo.jpg", "image/jpeg"},
		{"/img/photo.webp", "image/webp"},
		{"/fonts/body.woff2", "font/woff2"},
		{"/leaflet.pdf", "application/pdf"},
		{"/feed.xml", "application/xml; charset=utf-8"},
		{"/robots.txt", "text/plain; charset=utf-8"},
		{"/search.json", "application/json"},
		{"/LICENSE", "text/plain; charset=utf-8"}, // sniffed
		{"/__pamphlet/live.js", "text/javascript; charset=utf-8"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			rec := serveOnce(h, "GET", tc.path)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d, want 200", rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); got != tc.want {
				t.Errorf("Content-Type %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCleanURLs(t *testing.T) {
	site := testSite(1)
	h := newTestHandler(site)
	t.Run("pages", func(t *testing.T) {
		for path, file := range map[string]string{
			"/":                                  "index.html",
			"/index.html":                        "index.html",
			"/therapy/":                          "therapy/index.html",
			"/therapy/what-to-expect/":           "therapy/what-to-expect/index.html",
			"/therapy/what-to-expect/index.html": "therapy/what-to-expect/index.html",
			"/css/style.css":                     "css/style.css",
		} {
			rec := serveOnce(h, "GET", path)
			if rec.Code != http.StatusOK {
				t.Errorf("%s: status %d, want 200", path, rec.Code)
				continue
			}
			want := site.Files[file]
			if isHTML(rec.Header().Get("Content-Type")) {
				want = InjectLiveReload(want, site.ID)
			}
			if !bytes.Equal(rec.Body.Bytes(), want) {
				t.Errorf("%s: body is not %s:\n%s", path, file, rec.Body)
			}
		}
	})
	t.Run("redirect", func(t *testing.T) {
		for path, want := range map[string]string{
			"/therapy":                     "/therapy/",
			"/therapy/what-to-expect":      "/therapy/what-to-expect/",
			"/therapy/what-to-expect?x=1":  "/therapy/what-to-expect/?x=1",
			"/therapy/what-to-expect?a&b=": "/therapy/what-to-expect/?a&b=",
		} {
			rec := serveOnce(h, "GET", path)
			if rec.Code != http.StatusMovedPermanently {
				t.Errorf("%s: status %d, want 301", path, rec.Code)
			}
			if got := rec.Header().Get("Location"); got != want {
				t.Errorf("%s: Location %q, want %q", path, got, want)
			}
		}
	})
	t.Run("no index, no redirect", func(t *testing.T) {
		for _, path := range []string{"/css", "/css/", "/img/", "/therapy/nope", "/therapy/nope/"} {
			if rec := serveOnce(h, "GET", path); rec.Code != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", path, rec.Code)
			}
		}
	})
}

func TestNotFound(t *testing.T) {
	t.Run("404 page", func(t *testing.T) {
		site := testSite(3)
		rec := serveOnce(newTestHandler(site), "GET", "/no/such/page/")
		if rec.Code != http.StatusNotFound {
			t.Fatalf("status %d, want 404", rec.Code)
		}
		if got, want := rec.Body.String(), string(InjectLiveReload(site.Files["404.html"], 3)); got != want {
			t.Errorf("body:\n%s\nwant the 404 page:\n%s", got, want)
		}
		if got := rec.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("Content-Type %q", got)
		}
	})
	t.Run("no 404 page", func(t *testing.T) {
		site := testSite(3)
		delete(site.Files, "404.html")
		rec := serveOnce(newTestHandler(site), "GET", "/no/such/page/")
		if rec.Code != http.StatusNotFound {
			t.Fatalf("status %d, want 404", rec.Code)
		}
		if got := rec.Body.String(); got != "404 page not found\n" {
			t.Errorf("body %q", got)
		}
		if got := rec.Header().Get("Content-Type"); got != "text/plain; charset=utf-8" {
			t.Errorf("Content-Type %q", got)
		}
	})
}

func TestHead(t *testing.T) {
	h := newTestHandler(testSite(1))
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/", http.StatusOK},
		{"/css/style.css", http.StatusOK},
		{"/nope", http.StatusNotFound},
		{"/__pamphlet/live.js", http.StatusOK},
	} {
		t.Run(tc.path, func(t *testing.T) {
			get, head := serveOnce(h, "GET", tc.path), serveOnce(h, "HEAD", tc.path)
			if head.Code != tc.code {
				t.Errorf("status %d, want %d", head.Code, tc.code)
			}
			if head.Body.Len() != 0 {
				t.Errorf("HEAD has a body: %q", head.Body)
			}
			if g, h := get.Header().Get("Content-Length"), head.Header().Get("Content-Length"); g != h || h == "" {
				t.Errorf("Content-Length: GET %q, HEAD %q", g, h)
			}
		})
	}
	t.Run("building", func(t *testing.T) {
		rec := serveOnce(newTestHandler(nil), "HEAD", "/")
		if rec.Code != http.StatusServiceUnavailable || rec.Body.Len() != 0 {
			t.Errorf("status %d, body %q; want 503 and none", rec.Code, rec.Body)
		}
	})
}

func TestMethodNotAllowed(t *testing.T) {
	h := newTestHandler(testSite(1))
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		t.Run(method, func(t *testing.T) {
			rec := serveOnce(h, method, "/")
			if rec.Code != http.StatusMethodNotAllowed {
				t.Errorf("status %d, want 405", rec.Code)
			}
			if got := rec.Header().Get("Allow"); got != "GET, HEAD" {
				t.Errorf("Allow %q", got)
			}
		})
	}
}

// TestEveryResponseHeaders checks no-store and nosniff on every kind of
// answer, errors included.
func TestEveryResponseHeaders(t *testing.T) {
	built, building := newTestHandler(testSite(1)), newTestHandler(nil)
	for _, tc := range []struct {
		name   string
		h      *Handler
		method string
		path   string
		header []string
		code   int
	}{
		{"page", built, "GET", "/", nil, 200},
		{"asset", built, "GET", "/img/photo.png", nil, 200},
		{"range", built, "GET", "/leaflet.pdf", []string{"Range", "bytes=0-3"}, 206},
		{"bad range", built, "GET", "/leaflet.pdf", []string{"Range", "bytes=9999-"}, 416},
		{"redirect", built, "GET", "/therapy", nil, 301},
		{"not found", built, "GET", "/nope", nil, 404},
		{"hidden", built, "GET", "/.git/config", nil, 404},
		{"bad path", built, "GET", "/%2e%2e/x", nil, 400},
		{"method", built, "POST", "/", nil, 405},
		{"live.js", built, "GET", "/__pamphlet/live.js", nil, 200},
		{"building", building, "GET", "/", nil, 503},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := serveOnce(tc.h, tc.method, tc.path, tc.header...)
			if rec.Code != tc.code {
				t.Errorf("status %d, want %d", rec.Code, tc.code)
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q, want nosniff", got)
			}
		})
	}
}

func TestRefusedPaths(t *testing.T) {
	h := newTestHandler(testSite(1))
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/../index.html", 400},
		{"/therapy/../index.html", 400},
		{"/therapy/..", 400},
		{"/./index.html", 400},
		{"//index.html", 400},
		{"/therapy//index.html", 400},
		{"/%2e%2e/index.html", 400},
		{"/%2E%2e/index.html", 400},
		{"/%2e%2E/%2E%2E/etc/passwd", 400},
		{"/therapy/%2e%2e/index.html", 400},
		{"/..%2findex.html", 400},
		{"/therapy/..%2f..%2fetc%2fpasswd", 400},
		{"/%252e%252e/index.html", 400},            // double encoding
		{"/%252E%252e/index.html", 400},            // double, mixed case
		{"/%25252e%25252e/index.html", 400},        // triple
		{"/%2525252525252e%2e/index.html", 400},    // deeper than anyone means
		{"/..%255cindex.html", 400},                // encoded backslash, doubly
		{"/%5c..%5cindex.html", 400},               // encoded backslash
		{"/therapy%5cindex.html", 400},             // backslash as separator
		{`/therapy\index.html`, 400},               // raw backslash
		{"/index.html%00", 400},                    // NUL
		{"/index.html%00.css", 400},                // NUL before an extension
		{"/index.html%2500", 400},                  // NUL, doubly encoded
		{"/index%0a.html", 400},                    // newline
		{"/.pamphlet-output", 404},                 // dotfiles
		{"/.git/config", 404},                      // dot directory
		{"/.git/", 404},                            // dot directory index
		{"/.git", 404},                             // no redirect into it either
		{"/css/.hidden.css", 404},                  // dotfile deeper down
		{"/%2egit/config", 404},                    // encoded once: still a dotfile
		{"/%252egit/config", 400},                  // encoded twice
		{"/__pamphlet/../.git/config", 400},        // not via the reserved paths
		{"/__pamphlet/%2e%2e/.git/config", 400},    // nor encoded
		{"/__pamphlet/%252e%252e/index.html", 400}, // nor doubly encoded
	} {
		t.Run(tc.path, func(t *testing.T) {
			rec := serveOnce(h, "GET", tc.path)
			if rec.Code != tc.code {
				t.Errorf("status %d, want %d", rec.Code, tc.code)
			}
			if strings.Contains(rec.Body.String(), "SECRET") || strings.Contains(rec.Body.String(), "<h1>Home") {
				t.Errorf("served a file:\n%s", rec.Body)
			}
			if loc := rec.Header().Get("Location"); loc != "" {
				t.Errorf("redirected to %q", loc)
			}
		})
	}
}

// TestPercentInNames checks that strictness does not refuse ordinary names:
// a literal "%" or an encoded space is not an attack.
func TestPercentInNames(t *testing.T) {
	site := &Snapshot{ID: 1, Files: map[string][]byte{
		"100%.txt":       []byte("percent"),
		"a b/index.html": []byte("<p>space</p>"),
		"x%41.txt":       []byte("literal escape"),
	}}
	h := newTestHandler(site)
	for path, want := range map[string]string{
		"/100%25.txt": "percent",
		"/a%20b/":     "<p>space</p>",
		"/x%2541.txt": "literal escape",
	} {
		rec := serveOnce(h, "GET", path)
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), want) {
			t.Errorf("%s: status %d, body %q; want 200 %q", path, rec.Code, rec.Body, want)
		}
	}
	if rec := serveOnce(h, "GET", "/a%20b"); rec.Header().Get("Location") != "/a%20b/" {
		t.Errorf("/a%%20b: Location %q, want /a%%20b/", rec.Header().Get("Location"))
	}
}

func TestBuilding(t *testing.T) {
	h := newTestHandler(nil)
	for _, path := range []string{"/", "/therapy/what-to-expect/", "/css/style.css", "/nope"} {
		rec := serveOnce(h, "GET", path)
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503", path, rec.Code)
		}
		body := rec.Body.String()
		if !strings.Contains(body, "Building…") {
			t.Errorf("%s: body does not say Building…:\n%s", path, body)
		}
		if !strings.Contains(body, `<script src="/__pamphlet/live.js" data-build="0"></script>`) {
			t.Errorf("%s: no live-reload script:\n%s", path, body)
		}
		if got := rec.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", path, got)
		}
	}
	if rec := serveOnce(h, "GET", "/__pamphlet/live.js"); rec.Code != http.StatusOK {
		t.Errorf("live.js before the first build: status %d, want 200", rec.Code)
	}

	h.Swap(testSite(1))
	if rec := serveOnce(h, "GET", "/"); rec.Code != http.StatusOK {
		t.Errorf("after Swap: status %d, want 200", rec.Code)
	}
	h.Swap(nil)
	if rec := serveOnce(h, "GET", "/"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("after Swap(nil): status %d, want 503", rec.Code)
	}
}

func TestInjectionOnlyIntoHTML(t *testing.T) {
	site := testSite(42)
	before := maps.Clone(site.Files)
	for name, b := range before {
		before[name] = bytes.Clone(b)
	}
	h := newTestHandler(site)
	tag := `<script src="/__pamphlet/live.js" data-build="42"></script>`
	for _, tc := range []struct {
		path string
		html bool
	}{
		{"/", true},
		{"/therapy/what-to-expect/", true},
		{"/nope", true}, // the 404 page
		{"/css/style.css", false},
		{"/js/app.js", false},
		{"/img/logo.svg", false},
		{"/feed.xml", false},
		{"/search.json", false},
		{"/robots.txt", false},
	} {
		t.Run(tc.path, func(t *testing.T) {
			body := serveOnce(h, "GET", tc.path).Body.String()
			n := strings.Count(body, "/__pamphlet/live.js")
			switch {
			case tc.html && n != 1:
				t.Errorf("script appears %d times, want once:\n%s", n, body)
			case tc.html && !strings.Contains(body, tag+"</body>"):
				t.Errorf("script not just before </body>:\n%s", body)
			case !tc.html && n != 0:
				t.Errorf("script injected into a non-HTML file:\n%s", body)
			}
		})
	}
	// Serving twice must not inject twice, nor change the snapshot.
	serveOnce(h, "GET", "/")
	if body := serveOnce(h, "GET", "/").Body.String(); strings.Count(body, "live.js") != 1 {
		t.Errorf("second request: script appears %d times", strings.Count(body, "live.js"))
	}
	for name, b := range site.Files {
		if !bytes.Equal(b, before[name]) {
			t.Errorf("serving changed the snapshot's %s:\n%s", name, b)
		}
	}
}

func TestLiveJS(t *testing.T) {
	rec := serveOnce(newTestHandler(testSite(1)), "GET", "/__pamphlet/live.js")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if !bytes.Equal(rec.Body.Bytes(), liveJS) || len(liveJS) == 0 {
		t.Errorf("body is not the embedded live.js")
	}
	for _, want := range []string{
		`new EventSource("/__pamphlet/events")`,
		`"pamphlet-overlay"`,
		"Pamphlet: the last change did not build",
		"This page shows the last good version. Fix the file and save: the page updates by itself.",
		"__pamphletLive",
	} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("live.js lacks %q", want)
		}
	}
	if strings.Contains(rec.Body.String(), "innerHTML") {
		t.Errorf("live.js uses innerHTML; build the overlay with textContent")
	}
	t.Run("a site file of the same name does not shadow it", func(t *testing.T) {
		site := testSite(1)
		site.Files["__pamphlet/live.js"] = []byte("alert('site')")
		rec := serveOnce(newTestHandler(site), "GET", "/__pamphlet/live.js")
		if !bytes.Equal(rec.Body.Bytes(), liveJS) {
			t.Errorf("served the site's file: %q", rec.Body)
		}
	})
}

// TestSwapUnderLoad has many clients read while snapshots change under
// them. Every file of snapshot N says "build N" throughout, and pages carry
// data-build="N" from the snapshot's ID, so a response put together from
// two snapshots would show two numbers.
func TestSwapUnderLoad(t *testing.T) {
	site := func(id int64) *Snapshot {
		mark := strings.Repeat(fmt.Sprintf("build %d\n", id), 2000) // bigger than a write buffer
		files := map[string][]byte{
			"index.html":       []byte("<html><body>" + mark + "</body></html>"),
			"a/index.html":     []byte("<html><body>" + mark + "</body></html>"),
			"404.html":         []byte("<html><body>" + mark + "</body></html>"),
			"css/style.css":    []byte(mark),
			"img/data.bin":     []byte(mark),
			"only1/index.html": []byte("<html><body>" + mark + "</body></html>"),
		}
		if id == 2 {
			delete(files, "only1/index.html")
		}
		return &Snapshot{ID: id, Files: files}
	}
	one, two := site(1), site(2)
	h := newTestHandler(one)
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	client.Timeout = 10 * time.Second

	stop := make(chan struct{})
	swapped := make(chan int)
	go func() {
		n := 0
		defer func() { swapped <- n }()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if n%2 == 0 {
				h.Swap(two)
			} else {
				h.Swap(one)
			}
			n++
			time.Sleep(50 * time.Microsecond)
		}
	}()

	paths := []string{"/", "/a/", "/a", "/css/style.css", "/img/data.bin", "/only1/", "/only1", "/nope"}
	const workers, perWorker = 8, 60
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker)
	seen := make(chan int64, workers*perWorker)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				path := paths[(w+i)%len(paths)]
				build, err := getOne(client, srv.URL+path)
				if err != nil {
					errs <- fmt.Errorf("GET %s: %w", path, err)
					return
				}
				seen <- build
			}
		}()
	}
	wg.Wait()
	close(stop)
	swaps := <-swapped
	close(errs)
	close(seen)
	for err := range errs {
		t.Error(err)
	}
	counts := map[int64]int{}
	for b := range seen {
		counts[b]++
	}
	t.Logf("%d swaps; responses by build: %v", swaps, counts)
}

// getOne fetches a URL and returns the one build its answer came from, or
// an error if it mixes builds or breaks a rule that holds in each snapshot.
func getOne(c *http.Client, url string) (int64, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode == http.StatusMovedPermanently {
		// Only snapshot 1 has only1/index.html; "/a" always redirects.
		return 0, nil
	}
	ones, twos := bytes.Count(body, []byte("build 1\n")), bytes.Count(body, []byte("build 2\n"))
	var build int64
	switch {
	case ones == 2000 && twos == 0:
		build = 1
	case twos == 2000 && ones == 0:
		build = 2
	default:
		return 0, fmt.Errorf("status %d: body has %d × build 1 and %d × build 2", resp.StatusCode, ones, twos)
	}
	if bytes.Contains(body, []byte("<html>")) {
		if tag := fmt.Sprintf(`data-build="%d"`, build); !bytes.Contains(body, []byte(tag)) {
			return 0, fmt.Errorf("status %d: content of build %d without %s", resp.StatusCode, build, tag)
		}
	}
	if strings.Contains(url, "/only1") && resp.StatusCode == http.StatusNotFound && build != 2 {
		return 0, fmt.Errorf("%s: 404 with the 404 page of build %d, which has the page", url, build)
	}
	if strings.HasSuffix(url, "/only1/") && resp.StatusCode == http.StatusOK && build != 1 {
		return 0, fmt.Errorf("/only1/: page from build %d, which lacks it", build)
	}
	return build, nil
}

func TestInjectLiveReload(t *testing.T) {
	const tag = `<script src="/__pamphlet/live.js" data-build="7"></script>`
	for _, tc := range []struct{ name, in, want string }{
		{"before </body>", "<html><body><p>x</p></body></html>\n", "<html><body><p>x</p>" + tag + "</body></html>\n"},
		{"upper case", "<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x" + tag + "</BODY></HTML>"},
		{"mixed case, space", "<body>x</Body >", "<body>x" + tag + "</Body >"},
		{"only the last", "<body><script>s = '</body>'</script>\n</body>", "<body><script>s = '</body>'</script>\n" + tag + "</body>"},
		{"no body: appended", "<p>fragment</p>", "<p>fragment</p>" + tag},
		{"a longer tag name is not body", "<p></bodyguard></p>", "<p></bodyguard></p>" + tag},
		{"empty", "", tag},
		{"non-ASCII before", "İstanbul İİİ ß</body>", "İstanbul İİİ ß" + tag + "</body>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Spare capacity would let a careless append write into the input.
			in := make([]byte, len(tc.in), len(tc.in)+256)
			copy(in, tc.in)
			got := InjectLiveReload(in, 7)
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if string(in) != tc.in || string(in[:cap(in)][len(in):len(in)+len(tag)]) == tag {
				t.Errorf("input modified")
			}
		})
	}
}
