package search

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
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
	return serveSite(t, map[string]string{"search/": testPage}, x)
}

// serveSite serves the indexes' files, the script at /search/search.js
// (one for every language), the pages given by path ("es/search/"), and
// a stand-in page at every other address.
func serveSite(t *testing.T, pages map[string]string, indexes ...*Index) *httptest.Server {
	files := map[string][]byte{}
	for _, x := range indexes {
		maps.Copy(files, x.Shards())
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		switch {
		case pages[p] != "":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(pages[p]))
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

// languagePage is a language's search page: its form's action is the
// language's index folder, and its data-search-words the words to show.
func languagePage(lang, dir, action, words string) string {
	return `<!doctype html><html lang="` + lang + `" dir="` + dir + `"><head><meta charset="utf-8"><title>Search</title></head><body>
<form role="search" action="` + action + `" method="get" data-search data-search-words="` + html.EscapeString(words) + `">
<label for="q">Search</label> <input id="q" name="q" type="search">
<button type="submit">Search</button></form>
<main><div data-search-results></div></main>
<script src="/search/search.js" defer></script></body></html>`
}

// spanishWords are the Spanish theme's words for search (i18n).
const spanishWords = `{"search_results_label": "Resultados de la búsqueda",
"search_unavailable": "La búsqueda no está disponible ahora.",
"search_no_results": "No hay resultados para {query}",
"search_count.one": "{n} resultado para {query}",
"search_count.other": "{n} resultados para {query}"}`

// compareWithGo runs queries in the browser, on the index of the page
// it is on, and in Go, and reports where they differ.
func compareWithGo(t *testing.T, ctx context.Context, x *Index, queries []string) {
	t.Helper()
	for _, q := range queries {
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
		compareWithGo(t, ctx, x, []string{"EUPD", "mentalizng", "mentalising", "self harm", "self-harm", "selfharm", "suicide", "kill myself", "behaviour", "therapies", "dialectical behaviour therapy", "cookies", "the", "groups sessions", "menta", "thera", "A&E",
			"a b c d e f g h i j self-harm", "one two three four five six seven eight nine ten eleven twelve mentalizing"})
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

// TestBrowserLanguages serves one index per language, each at its own
// folder with its search page there, and the one script at /search/.
func TestBrowserLanguages(t *testing.T) {
	sites := languageSites(t)
	pages := map[string]string{
		"es/search/": languagePage("es", "ltr", "/es/search/", spanishWords),
		"ar/search/": languagePage("ar", "rtl", "/ar/search/", ""),
		"pl/search/": languagePage("pl", "ltr", "/pl/search/", `{"search_count.one": "{n} wynik", "search_count.few": "{n} wyniki", "search_count.many": "{n} wyników"}`),
		"de/search/": languagePage("de", "ltr", "/de/search", "{not JSON"),
		"cy/search/": languagePage("cy", "ltr", "/cy/search/", ""),
	}
	var indexes []*Index
	for _, x := range sites {
		indexes = append(indexes, x)
	}
	srv := serveSite(t, pages, indexes...)
	ctx := browser.New(t)
	open := func(t *testing.T, path string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "the script", `typeof window.pamphletSearch === "function"`)
	}
	// typeQuery types q into the box and returns the live region's text
	// once it has one.
	typeQuery := func(t *testing.T, q string) string {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.querySelector("form [role=status]"); s.textContent = "";
			const i = document.querySelector("#q"); i.value = `+jsString(q)+`; i.dispatchEvent(new Event("input")); return true })()`)); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "the status of "+q, `document.querySelector("form [role=status]").textContent !== ""`)
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form [role=status]").textContent`))
		return status
	}

	for _, tag := range slices.Sorted(maps.Keys(sites)) {
		t.Run("same results as Go/"+tag, func(t *testing.T) {
			open(t, "/"+tag+"/search/")
			var queries []string
			for _, c := range languageQueries[tag] {
				queries = append(queries, c.q)
			}
			compareWithGo(t, ctx, sites[tag], append(queries, "terap", "العل", "straß", "łat"))
		})
	}

	t.Run("Spanish words and links", func(t *testing.T) {
		open(t, "/es/search/")
		label, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[role=listbox]").getAttribute("aria-label")`))
		if label != "Resultados de la búsqueda" {
			t.Errorf("the list of results is labelled %q", label)
		}
		for q, want := range map[string]string{
			"terapias":   "2 resultados para terapias",
			"privacidad": "1 resultado para privacidad",
			"zzzz":       "No hay resultados para zzzz",
		} {
			if got := typeQuery(t, q); got != want {
				t.Errorf("%q: the live region says %q, want %q", q, got, want)
			}
		}
		// The site's root is meta.json's (../../ from /es/search/): the
		// result opens /es/privacidad/, not /es/search/es/privacidad/ or
		// /es/es/privacidad/.
		typeQuery(t, "privacidad")
		if err := chromedp.Do(ctx, chromedp.Click("#q"), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "Enter to open /es/privacidad/", `location.pathname === "/es/privacidad/"`)

		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/es/search/?q=terapia")); err != nil {
			t.Fatal(err)
		}
		browser.WaitFor(t, ctx, 5*time.Second, "results on the search page", `document.querySelectorAll("[data-search-results] li").length > 0`)
		links, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("[data-search-results] li a")].map(a => new URL(a.href).pathname).sort().join(" ")`))
		if links != "/es/terapia/otras/ /es/terapia/que-esperar/" {
			t.Errorf("the search page links to %q", links)
		}
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[data-search-results] [role=status]").textContent`))
		if status != "2 resultados para terapia" {
			t.Errorf("the search page says %q", status)
		}
	})

	t.Run("plural forms and English", func(t *testing.T) {
		// Polish: one result is "one"; the site gives no "other", so the
		// English sentence stands in for it.
		open(t, "/pl/search/")
		if got := typeQuery(t, "latwo"); got != "1 wynik" {
			t.Errorf("Polish, one result: %q", got)
		}
		// German: words that are not JSON are English; an action without
		// its final slash is still the folder.
		open(t, "/de/search/")
		if got := typeQuery(t, "strasse"); got != "1 result for strasse" {
			t.Errorf("German with broken words: %q", got)
		}
		// Arabic, right to left: the query keeps its own direction.
		open(t, "/ar/search/")
		if got := typeQuery(t, "العِلَاجُ"); got != "1 result for العِلَاجُ" {
			t.Errorf("Arabic: %q", got)
		}
		bdi, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form [role=status] bdi").textContent`))
		if bdi != "العِلَاجُ" {
			t.Errorf("the query is not in a <bdi>: %q", bdi)
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
