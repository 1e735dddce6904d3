package load

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"pamphlet/generator/site"
	"pamphlet/internal/gcbudget"
)

// TestLoadRaisesGCBudget checks that listing a large site's pages raises
// the collector's budget as the list grows, before parsing starts: with the
// command's floor alone, a 100,000-page site collected twenty times while
// its files were being listed.
func TestLoadRaisesGCBudget(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	root := t.TempDir()
	dir := filepath.Join(root, site.ContentDir, "many")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	const pages = 2 * gcbudget.Recheck
	for i := range pages {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte("# Page\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	restore := gcbudget.Tune(1 << 20)
	defer restore()
	in, diags := Load(root, nil)
	if len(diags) > 0 || len(in.Pages) != pages {
		t.Fatalf("Load: %d pages, %s", len(in.Pages), diags)
	}
	if got := debug.SetMemoryLimit(-1); got < pages*gcbudget.PerPage {
		t.Errorf("limit after listing %d pages = %d KiB, want at least %d KiB", pages, got>>10, pages*gcbudget.PerPage>>10)
	}
}
