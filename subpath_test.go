package main

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// linkAttr finds the addresses a page asks the browser to follow or load.
var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestServedUnderSubPath builds the bundled site for an address with a
// path, serves public/ under that path only, and follows every link and
// asset of every page reachable from the home page: none may be missing,
// and none may point to another host.
func TestServedUnderSubPath(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	const base = "/clinic/patient-info/"
	if _, stderr, code := runCLI(t, "build", "--out", out, "--base-url", "https://clinic.example"+base); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	seen := map[string]bool{}
	queue := []string{base, base + "404.html"}
	pages := 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		resp, err := http.Get(srv.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", u, resp.Status)
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		pages++
		for _, m := range linkAttr.FindAllStringSubmatch(string(body), -1) {
			ref, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil {
				t.Errorf("%s: bad link %q", u, m[1])
				continue
			}
			if ref.Scheme != "" && ref.Scheme != "http" && ref.Scheme != "https" {
				continue // mailto:, tel:, sms:
			}
			if ref.Host != "" {
				// Outside links are fine in page text, but nothing may be
				// loaded from another host.
				if strings.Contains(m[0], "src=") {
					t.Errorf("%s loads %s from another host", u, m[1])
				}
				continue
			}
			abs, _ := url.Parse(u)
			target := abs.ResolveReference(ref)
			if !strings.HasPrefix(target.Path, base) {
				t.Errorf("%s: link %q leaves the sub-path %s", u, m[1], base)
				continue
			}
			queue = append(queue, target.EscapedPath())
		}
	}
	if pages < 15 {
		t.Errorf("crawled only %d pages", pages)
	}
}
