// Package browser starts a real headless Chromium for tests, through
// chromedp. Tests that need a browser call New; it skips the test when no
// Chromium is installed, except in CI (CI=true), where a missing browser is
// a failure: .ci/run installs Debian's chromium.
package browser

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium executable to use: $CHROMIUM if set, else the
// first of the usual names found on PATH, or "".
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// AxePath returns axe-core's axe.min.js for the accessibility tests:
// $AXE_CORE if set, else the copy that .ci/run installs under the user's
// cache folder (pamphlet-ci/axe-core-VERSION), or "" when there is none.
// So once .ci/run has run on a machine, a plain go test ./... finds it.
func AxePath() string {
	if p := os.Getenv("AXE_CORE"); p != "" {
		return p
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	found, _ := filepath.Glob(filepath.Join(cache, "pamphlet-ci", "axe-core-*", "node_modules", "axe-core", "axe.min.js"))
	if len(found) == 0 {
		return ""
	}
	return found[len(found)-1] // the newest version, as Glob sorts names
}

// InCI reports whether the tests run in CI, where skipping is not allowed.
func InCI() bool { return os.Getenv("CI") != "" && os.Getenv("CI") != "false" }

// Require skips the test (or fails it in CI) with the reason given.
func Require(t testing.TB, ok bool, why string) {
	t.Helper()
	if ok {
		return
	}
	if InCI() {
		t.Fatalf("%s; CI must provide it (see .ci/run)", why)
	}
	t.Skip(why)
}

// New starts a headless Chromium and returns a context for chromedp.Do,
// closed when the test ends. Each call is a fresh browser with an empty
// profile.
//
// The profile is a folder chromedp makes and removes itself: once Chromium
// has exited, it kills the helpers still using the folder (the crashpad
// handler can outlive the browser and go on writing there) before it
// removes it. A t.TempDir() profile was removed by the test's cleanup while
// they still wrote, and the test failed with "directory not empty".
func New(t testing.TB) context.Context {
	t.Helper()
	exe := Path()
	Require(t, exe != "", "no Chromium found (install Debian's chromium, or set CHROMIUM)")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		Require(t, false, "cannot start Chromium: "+err.Error())
	}
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return ctx
}

// WaitFor evaluates a JavaScript condition in the page until it is true,
// and fails the test, naming what it waited for, if it is not true within
// limit. The limit guards against a hang; it is not a measure of speed.
func WaitFor(t testing.TB, ctx context.Context, limit time.Duration, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("never saw %s (%s)", what, cond)
}
