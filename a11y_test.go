package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"pamphlet/internal/browser"
)

// axeViolation is the part of an axe-core result a failure message needs.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// TestAccessibility loads every page of the bundled site in headless
// Chromium and runs axe-core's WCAG 2.2 A and AA rules on it, in the light
// and the dark colour scheme, and checks that each page reflows at 320 CSS
// pixels without scrolling sideways. axe-core comes from npm: .ci/run
// installs it, and browser.AxePath finds it there.
func TestAccessibility(t *testing.T) {
	axePath := browser.AxePath()
	browser.Require(t, axePath != "", "no axe-core found: run bash .ci/run once (it installs axe-core from npm), or set AXE_CORE to an axe.min.js")
	axeJS, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, stderr, code := runCLI(t, "build", "--out", out, "--base-url", "http://localhost/"); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	var pages []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		}
		return err
	})
	ctx := browser.New(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, page := range pages {
			scrollWidth, raw, err := axeCheck(ctx, srv.URL+page, scheme, string(axeJS))
			if err != nil {
				t.Fatalf("%s: %v", page, err)
			}
			if scrollWidth > 320 {
				t.Errorf("%s (%s): page is %d px wide at a 320 px viewport: it must reflow without sideways scrolling", page, scheme, scrollWidth)
			}
			var violations []axeViolation
			if err := json.Unmarshal([]byte(raw), &violations); err != nil {
				t.Fatalf("%s: axe result: %v", page, err)
			}
			for _, v := range violations {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
				}
				t.Errorf("%s (%s): %s: %s\n  %s", page, scheme, v.ID, v.Help, strings.Join(where, "\n  "))
			}
		}
	}
	t.Logf("checked %d pages in light and dark", len(pages))
}

// runAxe runs axe-core's WCAG 2.x A and AA rules and returns the violations
// as JSON.
const runAxe = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`

// axeCheck loads url in the colour scheme given, measures its width at a
// 320 px viewport, then runs axe-core on it at desktop width.
func axeCheck(ctx context.Context, url, scheme, axeJS string) (scrollWidth int, violations string, err error) {
	_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		return 0, "", err
	}
	if _, err = chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1, Mobile: true}); err != nil {
		return 0, "", err
	}
	if err = chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, "", err
	}
	if scrollWidth, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil {
		return 0, "", err
	}
	if _, err = chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 900, DeviceScaleFactor: 1}); err != nil {
		return 0, "", err
	}
	if _, err = chromedp.Run(ctx, chromedp.Evaluate[any](axeJS)); err != nil {
		return 0, "", err
	}
	violations, err = chromedp.Run(ctx, chromedp.Evaluate[string](runAxe, chromedp.EvalAwaitPromise))
	return scrollWidth, violations, err
}

// TestPrintHandout checks the print stylesheet in Chromium: a page prints
// as a handout, without navigation, with its references, the addresses of
// outside links, and the page title, review date and address in the footer.
func TestPrintHandout(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, stderr, code := runCLI(t, "build", "--out", out, "--base-url", "https://clinic.example/info/"); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	srv := httptest.NewServer(http.StripPrefix("/info", http.FileServer(http.Dir(out))))
	defer srv.Close()
	ctx := browser.New(t)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/info/therapy/research/")); err != nil {
		t.Fatal(err)
	}
	for what, js := range map[string]string{
		"menu hidden":            `getComputedStyle(document.querySelector(".site-nav")).display === "none"`,
		"breadcrumbs hidden":     `getComputedStyle(document.querySelector(".breadcrumbs")).display === "none"`,
		"skip link hidden":       `getComputedStyle(document.querySelector(".skip-link")).display === "none"`,
		"references kept":        `getComputedStyle(document.querySelector(".references")).display !== "none" && document.querySelectorAll(".references li").length > 3`,
		"back-links hidden":      `getComputedStyle(document.querySelector(".backlinks")).display === "none"`,
		"DOIs not printed twice": `getComputedStyle(document.querySelector(".references a[href^='https://doi.org/']"), "::after").content === "none"`,
		"footer says where from": `getComputedStyle(document.querySelector(".print-source")).display !== "none" && document.querySelector(".print-source").textContent.includes("https://clinic.example/info/therapy/research/")`,
		"crisis card kept":       `getComputedStyle(document.querySelector(".crisis-card")).display !== "none"`,
	} {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil || !ok {
			t.Errorf("%s: %v (%s)", what, err, js)
		}
	}
	// The crisis page links out: on paper, the addresses follow the links.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/info/get-help-now/")); err != nil {
		t.Fatal(err)
	}
	js := `[...document.querySelectorAll(".content a[href^='http']")].some(a => getComputedStyle(a, "::after").content.includes("http"))`
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err != nil || !ok {
		t.Errorf("outside link addresses are not printed: %v", err)
	}
}
