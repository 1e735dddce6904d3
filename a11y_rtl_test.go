package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"pamphlet/internal/browser"
)

// buildLanguagePages builds the bundled site as a site in three languages
// into out: English, and every page translated (in name: the text stays
// English) into Spanish and into Arabic, which is written right to left,
// each translation made before its source's last review, so that it shows
// the notice that it may be out of date. The pages it returns are
// /es/therapy/ and /ar/therapy/, whose headers hold the language switcher
// with three languages: what the templates write, styled by the theme.
func buildLanguagePages(t *testing.T, out string) (ltr, rtl string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, stderr, code := runCLI(t, "new", dir); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg = []byte(strings.Replace(string(cfg), "language: en-GB\n", "languages:\n  - en-GB\n  - es\n  - tag: ar\n    title: فهم العلاج القائم على التعقل\n", 1))
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(dir, "content")
	err = filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		rel, _ := filepath.Rel(content, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		src := strings.Replace(string(b), "\n---\n", "\ntranslated_from: 2020-01-01\n---\n", 1)
		for _, lang := range []string{"es", "ar"} {
			page := src
			if lang == "ar" && rel == filepath.Join("therapy", "_index.md") {
				page = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(page, "title: العلاج القائم على التعقل")
				page = regexp.MustCompile(`(?m)^description: .*$`).ReplaceAllString(page, "description: ما هو العلاج القائم على التعقل، ولمن هو، وما العلاجات الأخرى، وما الذي تُظهره الأبحاث وما لا تُظهره.")
			}
			to := filepath.Join(content, lang, rel)
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(to, []byte(page), 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCLI(t, "build", "--site", dir, "--out", out, "--base-url", "http://localhost/"); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	return "/es/therapy/", "/ar/therapy/"
}

// rtlLayout is what rtlLayoutJS measures in a page, in CSS pixels.
type rtlLayout struct {
	Direction   string  `json:"direction"`
	ViewWidth   float64 `json:"viewWidth"`
	HeaderStart float64 `json:"headerStart"` // the header's content box, left edge
	HeaderEnd   float64 `json:"headerEnd"`   // and right edge
	Title       rect    `json:"title"`
	Switcher    shown   `json:"switcher"`
	Notice      shown   `json:"notice"`
	Links       []struct {
		Text       string  `json:"text"`
		Current    bool    `json:"current"`
		W          float64 `json:"w"`
		H          float64 `json:"h"`
		Weight     int     `json:"weight"`
		Border     float64 `json:"border"`
		Decoration string  `json:"decoration"`
		Contrast   float64 `json:"contrast"`
	} `json:"links"`
	NoticeText     float64  `json:"noticeText"`     // contrast of the notice's text on its background
	NoticeLink     float64  `json:"noticeLink"`     // and of its link
	NoticeBarLeft  float64  `json:"noticeBarLeft"`  // border widths of the notice
	NoticeBarRight float64  `json:"noticeBarRight"` //
	Outside        []string `json:"outside"`        // header parts and switcher items outside the viewport
	Crumbs         []rect   `json:"crumbs"`
	Chevron        struct {
		Left, Right float64
		Transform   string
	} `json:"chevron"`
	Prev         rect   `json:"prev"`
	Next         rect   `json:"next"`
	PrevArrow    string `json:"prevArrow"`
	ListPadLeft  float64
	ListPadRight float64
	Arabic       []struct {
		What          string  `json:"what"`
		Font          string  `json:"font"`
		LetterSpacing string  `json:"letterSpacing"`
		LineHeight    float64 `json:"lineHeight"`
		FontSize      float64 `json:"fontSize"`
	} `json:"arabic"`
}

type rect struct{ L, R, T, B float64 }

type shown struct {
	Shown bool `json:"shown"`
	rect
}

const rtlLayoutJS = `(() => {
const q = s => document.querySelector(s);
const box = e => { const b = e.getBoundingClientRect(); return {L: b.left, R: b.right, T: b.top, B: b.bottom}; };
const shown = e => { if (!e) return {shown: false}; const s = getComputedStyle(e), b = e.getBoundingClientRect();
	return Object.assign({shown: s.display !== "none" && s.visibility !== "hidden" && b.width > 0 && b.height > 0}, box(e)); };
const lum = c => { const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
	return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
const px = v => parseFloat(v) || 0;
const wrap = q(".site-header .wrap"), ws = getComputedStyle(wrap), wb = wrap.getBoundingClientRect();
const headerBg = getComputedStyle(q(".site-header")).backgroundColor;
const notice = q(".translation-notice"), ns = getComputedStyle(notice);
const outside = [...document.querySelectorAll(".site-header .wrap > :not(.visually-hidden), .language-switcher li, .translation-notice, main > *")]
	.filter(e => { const b = e.getBoundingClientRect(); return b.width > 0 && (b.left < -0.5 || b.right > innerWidth + 0.5); })
	.map(e => e.tagName.toLowerCase() + "." + e.className + " [" + Math.round(e.getBoundingClientRect().left) + ", " + Math.round(e.getBoundingClientRect().right) + "]");
const chev = getComputedStyle(q(".breadcrumbs li + li"), "::before");
const list = q(".content ul");
const arabic = [...document.querySelectorAll("h1:lang(ar), .lead:lang(ar), .translation-notice p:lang(ar), a[lang=ar]")].map(e => { const s = getComputedStyle(e);
	return {what: e.tagName.toLowerCase() + (e.className ? "." + e.className : ""), font: s.fontFamily, letterSpacing: s.letterSpacing, lineHeight: px(s.lineHeight), fontSize: px(s.fontSize)}; });
return JSON.stringify({
	direction: getComputedStyle(document.documentElement).direction,
	viewWidth: document.documentElement.clientWidth,
	headerStart: wb.left + px(ws.paddingLeft), headerEnd: wb.right - px(ws.paddingRight),
	title: box(q(".site-title")),
	switcher: shown(q(".language-switcher")),
	notice: shown(notice),
	links: [...document.querySelectorAll(".language-switcher a")].map(a => { const s = getComputedStyle(a), b = a.getBoundingClientRect();
		return {text: a.textContent, current: a.getAttribute("aria-current") === "true", w: b.width, h: b.height, weight: +s.fontWeight,
			border: px(s.borderTopWidth), decoration: s.textDecorationLine, contrast: contrast(s.color, headerBg)}; }),
	noticeText: contrast(ns.color, ns.backgroundColor),
	noticeLink: contrast(getComputedStyle(notice.querySelector("a")).color, ns.backgroundColor),
	noticeBarLeft: px(ns.borderLeftWidth), noticeBarRight: px(ns.borderRightWidth),
	outside,
	crumbs: [...document.querySelectorAll(".breadcrumbs li")].map(box),
	chevron: {Left: px(chev.borderLeftWidth), Right: px(chev.borderRightWidth), Transform: chev.transform},
	prev: box(q(".pagenav .prev")), next: box(q(".pagenav .next")),
	prevArrow: getComputedStyle(q(".pagenav .prev .label"), "::before").content,
	ListPadLeft: px(getComputedStyle(list).paddingLeft), ListPadRight: px(getComputedStyle(list).paddingRight),
	arabic,
});
})()`

// TestA11yRTL checks, in headless Chromium, that the theme mirrors for
// right-to-left languages and styles the language switcher and the
// translation notice well: on /es/therapy/ and on the same page in
// Arabic, a right-to-left page (buildLanguagePages), in light and dark
// mode, at 320 and 1280 CSS pixels (axe-core runs on the left-to-right
// page at 320 only, to keep the test short). axe-core's WCAG 2.2 A and
// AA rules find nothing; neither page scrolls sideways; the switcher and
// notice are shown, with text at 4.5:1 on their backgrounds, links at
// least 24 px square and the current language marked by more than colour;
// and the
// right-to-left page starts at the right: the site title at the header's
// right edge, the breadcrumbs running leftwards with their chevrons
// pointing left, "previous" on the right with its arrow pointing right,
// and the list indents, the notice's bar on the right. Arabic text gets the
// Arabic fonts, taller lines and no letter-spacing. Printed, the notice is
// kept in a plain black box and the switcher left out.
func TestA11yRTL(t *testing.T) {
	axePath := browser.AxePath()
	browser.Require(t, axePath != "", "no axe-core found: run bash .ci/run once (it installs axe-core from npm), or set AXE_CORE to an axe.min.js")
	axeJS, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	ltrPage, rtlPage := buildLanguagePages(t, out)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browser.New(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{320, 1280} {
			for _, page := range []string{ltrPage, rtlPage} {
				where := fmt.Sprintf("%s (%s, %d px)", page, scheme, width)
				// axe-core takes most of the time: the left-to-right page,
				// whose wide layout the right-to-left one mirrors and
				// TestAccessibility checks without the switcher and notice,
				// has it at 320 px only.
				var scrollWidth int
				raw := "[]"
				if page == rtlPage || width == 320 {
					scrollWidth, raw, err = axeCheck(ctx, srv.URL+page, scheme, width, string(axeJS))
				} else {
					scrollWidth, err = loadAt(ctx, srv.URL+page, scheme, width)
				}
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				if int64(scrollWidth) > width {
					t.Errorf("%s: the page is %d px wide: it must reflow without sideways scrolling", where, scrollWidth)
				}
				var violations []axeViolation
				if err := json.Unmarshal([]byte(raw), &violations); err != nil {
					t.Fatalf("%s: axe result: %v", where, err)
				}
				for _, v := range violations {
					var nodes []string
					for _, n := range v.Nodes {
						nodes = append(nodes, fmt.Sprint(n.Target)+" "+n.HTML)
					}
					t.Errorf("%s: %s: %s\n  %s", where, v.ID, v.Help, strings.Join(nodes, "\n  "))
				}
				js, err := chromedp.Run(ctx, chromedp.Evaluate[string](rtlLayoutJS))
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				var l rtlLayout
				if err := json.Unmarshal([]byte(js), &l); err != nil {
					t.Fatalf("%s: %v\n%s", where, err, js)
				}
				checkRTLLayout(t, where, page == rtlPage, width, l)
			}
		}
	}

	// On paper the notice stays, in a plain box, and the switcher goes.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+rtlPage)); err != nil {
		t.Fatal(err)
	}
	const printed = `(() => { const n = getComputedStyle(document.querySelector(".translation-notice"));
		const sides = [n.borderTopWidth, n.borderRightWidth, n.borderBottomWidth, n.borderLeftWidth];
		return "notice " + n.display + " " + n.borderLeftStyle + " " + n.borderLeftColor + (new Set(sides).size === 1 ? " even" : " uneven " + sides.join(" ")) +
			", switcher " + getComputedStyle(document.querySelector(".language-switcher")).display })()`
	const want = "notice block solid rgb(0, 0, 0) even, switcher none"
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](printed)); err != nil || got != want {
		t.Errorf("%s printed: %s (%v), want %s", rtlPage, got, err, want)
	}
}

// loadAt loads url in the colour scheme given at a viewport of width CSS
// pixels, as axeCheck does, and returns the page's width.
func loadAt(ctx context.Context, url, scheme string, width int64) (scrollWidth int, err error) {
	if _, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		return 0, err
	}
	if _, err = chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600}); err != nil {
		return 0, err
	}
	if err = chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
}

// checkRTLLayout checks one page's measurements; rtl says whether the page
// is the right-to-left one.
func checkRTLLayout(t *testing.T, where string, rtl bool, width int64, l rtlLayout) {
	t.Helper()
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1 }
	wantDir := map[bool]string{false: "ltr", true: "rtl"}[rtl]
	if l.Direction != wantDir {
		t.Fatalf("%s: the page's direction is %q, want %q", where, l.Direction, wantDir)
	}
	if !l.Switcher.Shown || !l.Notice.Shown {
		t.Errorf("%s: language switcher shown: %v, translation notice shown: %v; want both", where, l.Switcher.Shown, l.Notice.Shown)
	}
	for _, o := range l.Outside {
		t.Errorf("%s: %s is outside the %v px wide viewport", where, o, l.ViewWidth)
	}

	// The switcher: targets, contrast, and the current language.
	var current, others int
	for _, a := range l.Links {
		if a.W < 24 || a.H < 24 {
			t.Errorf("%s: language link %q is %.0f×%.0f px: a target needs 24×24 at least (WCAG 2.5.8)", where, a.Text, a.W, a.H)
		}
		if a.Contrast < 4.5 {
			t.Errorf("%s: language link %q has contrast %.2f:1 on the header, needs 4.5:1", where, a.Text, a.Contrast)
		}
		if a.Current {
			current++
			if a.Weight < 700 || a.Border < 2 || a.Decoration != "none" {
				t.Errorf("%s: the current language %q is weight %d, border %.0f px, decoration %q: want it bold and boxed, not underlined like the others", where, a.Text, a.Weight, a.Border, a.Decoration)
			}
		} else {
			others++
			if a.Weight >= 700 || a.Border != 0 || !strings.Contains(a.Decoration, "underline") {
				t.Errorf("%s: language link %q is weight %d, border %.0f px, decoration %q: want it plain, as a link, unlike the current one", where, a.Text, a.Weight, a.Border, a.Decoration)
			}
		}
	}
	if current != 1 || others != 2 {
		t.Errorf("%s: %d current and %d other language links, want 1 and 2", where, current, others)
	}
	if l.NoticeText < 4.5 || l.NoticeLink < 4.5 {
		t.Errorf("%s: the translation notice's text has contrast %.2f:1 and its link %.2f:1 on its background; both need 4.5:1", where, l.NoticeText, l.NoticeLink)
	}

	// Mirroring: what starts at the left in a left-to-right page starts at
	// the right in a right-to-left one.
	if rtl {
		if !near(l.Title.R, l.HeaderEnd) {
			t.Errorf("%s: the site title ends at %.1f px, want it at the header's right edge, %.1f px", where, l.Title.R, l.HeaderEnd)
		}
	} else if !near(l.Title.L, l.HeaderStart) {
		t.Errorf("%s: the site title starts at %.1f px, want it at the header's left edge, %.1f px", where, l.Title.L, l.HeaderStart)
	}
	if len(l.Crumbs) >= 2 && near(l.Crumbs[0].T, l.Crumbs[1].T) {
		first, second := l.Crumbs[0], l.Crumbs[1]
		if rtl && second.R > first.L+1 || !rtl && second.L < first.R-1 {
			t.Errorf("%s: the second breadcrumb [%.0f, %.0f] is not after the first [%.0f, %.0f] in reading order", where, second.L, second.R, first.L, first.R)
		}
	}
	chevronOK := l.Chevron.Left == 0 && l.Chevron.Right >= 2 && strings.Contains(l.Chevron.Transform, "0.707107, 0.707107, -0.707107")
	if rtl {
		chevronOK = l.Chevron.Right == 0 && l.Chevron.Left >= 2 && strings.Contains(l.Chevron.Transform, "0.707107, -0.707107, 0.707107")
	}
	if !chevronOK {
		t.Errorf("%s: the breadcrumbs' chevron has borders left %.0f px, right %.0f px and transform %s: it must point %s", where, l.Chevron.Left, l.Chevron.Right, l.Chevron.Transform, map[bool]string{false: "right", true: "left"}[rtl])
	}
	if width >= 640 && (rtl && l.Prev.L < l.Next.R || !rtl && l.Prev.R > l.Next.L) {
		t.Errorf("%s: previous page [%.0f, %.0f], next page [%.0f, %.0f]: previous must come first in reading order", where, l.Prev.L, l.Prev.R, l.Next.L, l.Next.R)
	}
	wantArrow := map[bool]string{false: "\u2190", true: "\u2192"}[rtl]
	if !strings.Contains(l.PrevArrow, wantArrow) {
		t.Errorf("%s: the previous page's arrow is %s, want %s", where, l.PrevArrow, wantArrow)
	}
	startPad, endPad := l.ListPadLeft, l.ListPadRight
	startBar, endBar := l.NoticeBarLeft, l.NoticeBarRight
	if rtl {
		startPad, endPad, startBar, endBar = endPad, startPad, endBar, startBar
	}
	if startPad == 0 || endPad != 0 {
		t.Errorf("%s: lists are indented %.0f px at the left and %.0f px at the right: want the indent only on the side the text starts", where, l.ListPadLeft, l.ListPadRight)
	}
	if startBar <= endBar {
		t.Errorf("%s: the notice's borders are %.1f px at the left and %.1f px at the right: want its bar on the side the text starts", where, l.NoticeBarLeft, l.NoticeBarRight)
	}

	// Arabic text: its own fonts, taller lines, never letter-spacing.
	if len(l.Arabic) == 0 {
		t.Errorf("%s: no Arabic text found", where)
	}
	for _, a := range l.Arabic {
		if !strings.Contains(a.Font, "Noto Naskh Arabic") || a.LetterSpacing != "normal" {
			t.Errorf("%s: Arabic %s has font %s and letter-spacing %s: want the Arabic fonts, and no letter-spacing", where, a.What, a.Font, a.LetterSpacing)
		}
		if a.What == "p.lead" && a.LineHeight < 1.65*a.FontSize {
			t.Errorf("%s: Arabic %s has lines %.1f px high for %.1f px text: want 1.7", where, a.What, a.LineHeight, a.FontSize)
		}
	}
}
