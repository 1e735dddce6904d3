package search

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pamphlet/internal/browser"
)

// testPage is the markup docs/search.md asks a theme for: a form with
// data-search around an input named q, and, on the search page, a box
// with data-search-results and a note with data-search-nojs.
const testPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body>
<form role="search" action="/search/" method="get" data-search>
<label for="q">Search this site</label> <input id="q" name="q" type="search">
<button type="submit">Search</button></form>
<main><p data-search-nojs>Search needs JavaScript; here are the site's pages instead.</p>
<div data-search-results></div></main>
<script src="/search/search.js" defer></script></body></html>`

// serveTiny serves the tiny site's index, the script and the test page
// at /search/, and a stand-in page at every page's address.
func serveTiny(t *testing.T, x *Index) *httptest.Server {
	files := x.Shards()
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		switch {
		case p == "search/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(testPage))
		case p == "search/search.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(Script)
		case files[p] != nil:
			w.Write(files[p])
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<!doctype html><title>" + p + "</title><h1>" + p + "</h1>"))
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestBrowser(t *testing.T) {
	x := buildTiny(t, tinySite())
	srv := serveTiny(t, x)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/")); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 5*time.Second, "the script", `typeof window.pamphletSearch === "function"`)

	t.Run("same results as Go", func(t *testing.T) {
		for _, q := range []string{"EUPD", "mentalizng", "mentalising", "self harm", "self-harm", "selfharm", "suicide", "kill myself", "behaviour", "therapies", "dialectical behaviour therapy", "cookies", "the", "groups sessions", "menta", "thera", "A&E",
			"a b c d e f g h i j self-harm", "one two three four five six seven eight nine ten eleven twelve mentalizing"} {
			for _, typing := range []bool{false, true} {
				js, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`pamphletSearch(%s, 10, %v).then(rs => rs.map(r => "/" + r.url + " " + r.heading + " " + r.snippet.map(([t, m]) => m ? "<mark>" + t + "</mark>" : t).join("")).join("\n"))`, jsString(q), typing), chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				rs, err := searcher(t, x).Search(Query{Text: q, Typing: typing})
				if err != nil {
					t.Fatal(err)
				}
				var goes []string
				for _, r := range rs {
					goes = append(goes, "/"+r.URL+" "+r.Heading+" "+html.UnescapeString(r.Snippet))
				}
				if got := strings.Join(goes, "\n"); js != got {
					t.Errorf("%q (typing %v): the browser found\n%s\nGo\n%s", q, typing, js, got)
				}
			}
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Click("#q"), chromedp.SendKeys("#q", "EUPD")); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "results for EUPD", `document.querySelector("#q").getAttribute("aria-expanded") === "true"`)
		first, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[role=option] .search-title").textContent`))
		if first != "Mentalizing and borderline personality disorder" {
			t.Errorf("first result for EUPD is %q", first)
		}
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form [role=status]").textContent`))
		if !strings.Contains(status, "for EUPD") {
			t.Errorf("live region says %q", status)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
			t.Fatal(err)
		}
		active, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const id = document.querySelector("#q").getAttribute("aria-activedescendant"); return id && document.getElementById(id).getAttribute("aria-selected") })()`))
		if active != "true" {
			t.Errorf("after ArrowDown the active option is not selected: %q", active)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 2*time.Second, "Escape to close the list", `document.querySelector("#q").getAttribute("aria-expanded") === "false"`)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 2*time.Second, "ArrowDown to open the list again", `document.querySelector("#q").getAttribute("aria-expanded") === "true" && !!document.querySelector("#q").getAttribute("aria-activedescendant")`)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "Enter to open the result", `location.pathname === "/understanding/mentalizing-and-bpd/"`)
	})

	t.Run("axe", func(t *testing.T) {
		axe := browser.AxePath()
		browser.Require(t, axe != "", "no axe-core found (see .ci/run, or set AXE_CORE)")
		js, err := os.ReadFile(axe)
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/")); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "the script", `typeof window.pamphletSearch === "function"`)
		if err := chromedp.Do(ctx, chromedp.SendKeys("#q", "mentalizing")); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "results", `document.querySelector("#q").getAttribute("aria-expanded") === "true"`)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(js))); err != nil {
			t.Fatal(err)
		}
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if v != "[]" {
			t.Errorf("axe-core finds, with the list of results open: %s", v)
		}
	})

	t.Run("search page", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q=mentalizng")); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "results on the search page", `document.querySelectorAll("[data-search-results] li").length > 0`)
		top, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("[data-search-results] li a")].slice(0, 3).map(a => new URL(a.href).pathname).join(" ")`))
		if !strings.Contains(top, "/understanding/what-is-mentalizing/") {
			t.Errorf("mentalizng: top 3 are %q", top)
		}
		hidden, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("[data-search-nojs]").hidden`))
		if !hidden {
			t.Error("the note for readers without JavaScript is still shown")
		}
	})
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestBrowserCorpusTiming times queries in Chromium on the index of the
// corpus in $SEARCH_CORPUS: the whole query (fetches from this machine
// included), then the same again with its files already fetched, which
// is the time from the shards' arrival to the results.
func TestBrowserCorpusTiming(t *testing.T) {
	if os.Getenv("SEARCH_CORPUS") == "" {
		t.Skip("set SEARCH_CORPUS to a corpus folder (go run ./cmd/corpus)")
	}
	docs := corpusDocuments(t, 0)
	ix := NewIndexer(Config{})
	b := ix.NewBuilder()
	for _, d := range docs {
		b.Add(d)
	}
	x := ix.Merge(testSections, b)
	srv := serveTiny(t, x)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/")); err != nil {
		t.Fatal(err)
	}
	browser.WaitFor(t, ctx, 5*time.Second, "the script", `typeof window.pamphletSearch === "function"`)
	for _, q := range []string{"feel", "mentalizng", "therapy sessions", "EUPD"} {
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(async () => {
			const t0 = performance.now(); await pamphletSearch(`+jsString(q)+`, 8, true);
			const t1 = performance.now(); await pamphletSearch(`+jsString(q)+`, 8, true);
			return [t1 - t0, performance.now() - t1] })()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-18q whole query %5.1f ms; with its files fetched %5.1f ms", q, ms[0], ms[1])
		if ms[1] > 100 {
			t.Errorf("%q: %.0f ms from the files' arrival to the results (budget 100 ms)", q, ms[1])
		}
	}
}
