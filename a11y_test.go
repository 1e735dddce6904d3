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
			for _, width := range []int64{320, 1280} {
				scrollWidth, raw, err := axeCheck(ctx, srv.URL+page, scheme, width, string(axeJS))
				if err != nil {
					t.Fatalf("%s: %v", page, err)
				}
				if int64(scrollWidth) > width {
					t.Errorf("%s (%s): page is %d px wide at a %d px viewport: it must reflow without sideways scrolling", page, scheme, scrollWidth, width)
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
					t.Errorf("%s (%s, %d px): %s: %s\n  %s", page, scheme, width, v.ID, v.Help, strings.Join(where, "\n  "))
				}
			}
		}
	}
	t.Logf("checked %d pages in light and dark, at 320 and 1280 px", len(pages))
}

// runAxe runs axe-core's WCAG 2.x A and AA rules and returns the violations
// as JSON.
const runAxe = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`

// axeCheck loads url in the colour scheme given at a viewport of width
// CSS pixels, and returns the page's width and axe-core's violations.
func axeCheck(ctx context.Context, url, scheme string, width int64, axeJS string) (scrollWidth int, violations string, err error) {
	_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		return 0, "", err
	}
	if _, err = chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600}); err != nil {
		return 0, "", err
	}
	if err = chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, "", err
	}
	if scrollWidth, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil {
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

// TestKeyboardOnly uses a page as someone without a mouse would, in
// Chromium: the first Tab shows the skip link, which moves focus to the
// main content; on a phone-sized screen the menu opens from the keyboard;
// and every focused element shows a ring.
func TestKeyboardOnly(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, stderr, code := runCLI(t, "build", "--out", out, "--base-url", "http://localhost/"); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browser.New(t)
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/therapy/research/")); err != nil {
		t.Fatal(err)
	}
	// focused describes the focused element, and whether it shows a ring
	// of at least 2 px and is on screen.
	const focused = `(() => { const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
		return e.tagName.toLowerCase() + "." + e.className + (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 ? " ring" : " no-ring") + (r.bottom > 0 && r.top < innerHeight ? " visible" : " hidden") })()`
	tab := func() string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](focused))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := tab(); got != "a.skip-link ring visible" {
		t.Fatalf("first Tab: %s, want the skip link, shown with a ring", got)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if id, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); id != "main" {
		t.Errorf("the skip link moved focus to %q, want main", id)
	}
	// From the top again: Tab through the header to the menu and open it.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/therapy/research/")); err != nil {
		t.Fatal(err)
	}
	var seen []string
	for i := 0; i < 6; i++ {
		got := tab()
		seen = append(seen, got)
		if !strings.HasSuffix(got, " ring visible") {
			t.Errorf("Tab %d: %s: a focused element must show its ring", i+1, got)
		}
		if strings.HasPrefix(got, "summary.") {
			break
		}
	}
	if !strings.HasPrefix(seen[len(seen)-1], "summary.") {
		t.Fatalf("never reached the menu button: %v", seen)
	}
	t.Logf("Tab order to the menu: %v", seen)
	if !slicesContainPrefix(seen, "a.help-now") {
		t.Errorf("the header's Get help now link is not reached by Tab before the menu: %v", seen)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if open, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".site-menu").open`)); !open {
		t.Fatal("Enter on the menu button did not open the menu")
	}
	if got := tab(); !strings.HasPrefix(got, "a. ring visible") {
		t.Errorf("Tab after opening the menu: %s, want its first link", got)
	}
	// On a wide screen the menu is shown without opening anything.
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 900, DeviceScaleFactor: 1}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/therapy/research/")); err != nil {
		t.Fatal(err)
	}
	if shown, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".site-menu a").getBoundingClientRect().height > 0`)); !shown {
		t.Error("at 1280 px the menu's links are hidden")
	}
}

func slicesContainPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
