package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pamphlet/generator/i18n"
	"pamphlet/internal/browser"
)

// searchedSite builds the bundled site under a sub-path and serves it.
func searchedSite(t *testing.T) (base string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, stderr, code := runCLI(t, "build", "--out", out, "--base-url", "https://clinic.example/info/"); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	srv := httptest.NewServer(http.StripPrefix("/info", http.FileServer(http.Dir(out))))
	t.Cleanup(srv.Close)
	return srv.URL + "/info/"
}

// TestSearchInPatientsWords searches the bundled site in Chromium, with the
// script and index the build wrote, in the words patients use: the name
// of the diagnosis many UK patients are given, a British spelling, a typo,
// and words of crisis.
func TestSearchInPatientsWords(t *testing.T) {
	base := searchedSite(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "the search script", `typeof window.pamphletSearch === "function"`)
	search := func(q string) []string {
		t.Helper()
		js := fmt.Sprintf(`window.pamphletSearch(%q, 10, false).then(rs => JSON.stringify(rs.map(r => r.url)))`, q)
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		var urls []string
		if err := json.Unmarshal([]byte(raw), &urls); err != nil {
			t.Fatal(err)
		}
		return urls
	}
	top := func(urls []string, n int) []string { return urls[:min(n, len(urls))] }

	// EUPD, the ICD-10 name, finds the pages about borderline personality
	// disorder, which never say "EUPD".
	eupd := search("EUPD")
	if !slices.ContainsFunc(top(eupd, 3), func(u string) bool { return strings.Contains(u, "bpd") || u == "understanding/" }) {
		t.Errorf(`"EUPD" found %v; want a page about BPD in the top 3`, eupd)
	}
	// Crisis words put the crisis page first, whatever else matches.
	for _, q := range []string{"self harm", "self-harm", "suicide", "kill myself", "overdose"} {
		if got := search(q); len(got) == 0 || got[0] != "get-help-now/" {
			t.Errorf("%q found %v; want get-help-now/ first", q, got)
		}
	}
	// British spelling and a typo find the page on mentalizing.
	for _, q := range []string{"mentalising", "mentalizng", "what is mentalising"} {
		if got := search(q); !slices.Contains(top(got, 3), "understanding/what-is-mentalizing/") {
			t.Errorf("%q found %v; want understanding/what-is-mentalizing/ in the top 3", q, got)
		}
	}
}

// TestSearchBoxByKeyboard types into the header's search box, picks a
// result with the arrow keys and opens it with Enter, and runs axe-core on
// the page with the list of results open, in light and dark.
func TestSearchBoxByKeyboard(t *testing.T) {
	base := searchedSite(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"therapy/")); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "the combobox", `document.querySelector("#site-search").getAttribute("role") === "combobox"`)
	if err := chromedp.Do(ctx, chromedp.Focus("#site-search"), chromedp.SendKeys("#site-search", "mentalizing")); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "the list of results", `!document.querySelector(".search-list").hidden && document.querySelectorAll(".search-option").length > 0`)
	browser.WaitFor(t, ctx, 5*time.Second, "results announced", `/results? for mentalizing/.test(document.querySelector(".site-search [role=status]").textContent)`)

	if axePath := browser.AxePath(); axePath != "" || browser.InCI() {
		browser.Require(t, axePath != "", "no axe-core found: run bash .ci/run once")
		axeJS, err := os.ReadFile(axePath)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(axeJS))); err != nil {
			t.Fatal(err)
		}
		for _, scheme := range []string{"light", "dark"} {
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			}); err != nil {
				t.Fatal(err)
			}
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](runAxe, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			var violations []axeViolation
			if err := json.Unmarshal([]byte(raw), &violations); err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				t.Errorf("with the results open (%s): %s: %s (%d nodes)", scheme, v.ID, v.Help, len(v.Nodes))
			}
		}
	}

	if err := chromedp.Do(ctx, chromedp.Focus("#site-search"), chromedp.KeyEvent(kb.ArrowDown)); err != nil {
		t.Fatal(err)
	}
	active, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#site-search").getAttribute("aria-activedescendant") || ""`))
	if err != nil || active == "" {
		t.Fatalf("ArrowDown chose nothing (aria-activedescendant %q): %v", active, err)
	}
	want, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById(document.querySelector("#site-search").getAttribute("aria-activedescendant")).querySelector(".search-title").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "the chosen page", fmt.Sprintf(`document.querySelector("h1") && document.querySelector("h1").textContent === %q`, want))

	// Escape closes the list; a second Escape empties the box.
	if err := chromedp.Do(ctx, chromedp.Focus("#site-search"), chromedp.SendKeys("#site-search", "therapy")); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "the list of results", `!document.querySelector(".search-list").hidden`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 5*time.Second, "the list closed", `document.querySelector(".search-list").hidden && document.querySelector("#site-search").getAttribute("aria-expanded") === "false"`)
}

// TestSearchPageWithoutJavaScript submits the search box with JavaScript
// off: the search page says why there are no results and lists every page
// of the site by section.
func TestSearchPageWithoutJavaScript(t *testing.T) {
	base := searchedSite(t)
	ctx := browser.New(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys("#site-search", "therapy\r")); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "the search page", `location.pathname === "/info/search/" && location.search === "?q=therapy"`)
	for what, js := range map[string]string{
		"the note shown":         `!document.querySelector("[data-search-nojs]").hidden && document.querySelector("[data-search-nojs]").textContent.includes("JavaScript")`,
		"pages listed":           `document.querySelectorAll("[data-search-nojs] li a").length >= 10`,
		"sections listed":        `[...document.querySelectorAll("[data-search-nojs] h2")].some(h => h.textContent.includes("MBT") || h.textContent.includes("therapy"))`,
		"the crisis page linked": `[...document.querySelectorAll("[data-search-nojs] a")].some(a => a.getAttribute("href") === "/info/get-help-now/")`,
	} {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil || !ok {
			t.Errorf("without JavaScript, %s: %v %v", what, ok, err)
		}
	}
}

// TestSearchInEachLanguage searches the test site in English, Spanish and
// Arabic in Chromium: each language's search box searches its own index,
// stems its own way and speaks its own words.
func TestSearchInEachLanguage(t *testing.T) {
	root := languagesSite(t, "")
	out := filepath.Join(root, "public")
	if _, stderr, code := runCLI(t, "build", "--site", root); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	ctx := browser.New(t)
	search := func(page, q string) []string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+page)); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 10*time.Second, "the search script", `typeof window.pamphletSearch === "function"`)
		js := fmt.Sprintf(`window.pamphletSearch(%q, 10, false).then(rs => JSON.stringify(rs.map(r => r.url)))`, q)
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: search %q: %v", page, q, err)
		}
		var urls []string
		if err := json.Unmarshal([]byte(raw), &urls); err != nil {
			t.Fatal(err)
		}
		return urls
	}
	// "terapias" is stemmed to the "terapia" of the Spanish pages; the
	// English index has no Spanish, and the Spanish none of the English.
	if got := search("/es/mbt/", "terapias"); !slices.Contains(got, "es/mbt/") || slices.ContainsFunc(got, func(u string) bool { return !strings.HasPrefix(u, "es/") }) {
		t.Errorf("Spanish search for terapias found %v; want es/mbt/ and only Spanish pages", got)
	}
	if got := search("/mbt/", "terapias"); len(got) != 0 {
		t.Errorf("English search for terapias found %v", got)
	}
	// The site's Spanish crisis words put the Spanish crisis page first.
	if got := search("/es/mbt/", "suicidio"); len(got) == 0 || got[0] != "es/help/" {
		t.Errorf("Spanish search for suicidio found %v; want es/help/ first", got)
	}
	// Arabic: a query with a vowel mark finds the page written without.
	if got := search("/ar/mbt/", "التَّعقل"); !slices.Contains(got, "ar/mbt/") {
		t.Errorf("Arabic search found %v; want ar/mbt/", got)
	}
	// Typed into the box: the list of results and its words are Spanish,
	// and the links lead to the Spanish pages.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/es/mbt/")); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "the combobox", `document.querySelector("#site-search").getAttribute("role") === "combobox"`)
	if err := chromedp.Do(ctx, chromedp.Focus("#site-search"), chromedp.SendKeys("#site-search", "terapia")); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "the list of results", `!document.querySelector(".search-list").hidden && document.querySelectorAll(".search-option").length > 0`)
	browser.WaitFor(t, ctx, 5*time.Second, "results announced", `/terapia/.test(document.querySelector(".site-search [role=status]").textContent)`)
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".site-search [role=status]").textContent + " | " + document.querySelector(".search-list").getAttribute("aria-label")`))
	catalog, diags := i18n.Load(root, []string{"en-GB", "es", "ar"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	es := catalog.Strings("es")
	if want := es.Plural("search_count", 2, "query", "terapia") + " | " + es["search_results_label"]; err != nil || status != want {
		t.Errorf("the list reads %q (%v); want %q", status, err, want)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys("#site-search", kb.ArrowDown+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 10*time.Second, "a Spanish page", `location.pathname.startsWith("/es/") && document.documentElement.lang === "es"`)
}
