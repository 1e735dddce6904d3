package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
)

func currentLimit() int64 { return debug.SetMemoryLimit(-1) }

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := currentLimit()
	restore := tuneGC(16 << 20)
	if got := currentLimit(); got != 16<<20 {
		t.Errorf("limit while tuned = %d, want the floor %d", got, 16<<20)
	}
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("GC percent while tuned = %d, want -1: the limit alone decides", p)
	}
	// A live heap above half the floor raises the limit to twice it.
	live := make([]*[1 << 20]byte, 40)
	for i := range live {
		live[i] = new([1 << 20]byte)
	}
	runtime.GC()
	for range gcRecheck {
		gcTick()
	}
	if got := currentLimit(); got < 80<<20 {
		t.Errorf("limit with 40 MiB live = %d MiB, want at least 80 MiB", got>>20)
	}
	runtime.KeepAlive(live)
	// A site of 10,000 pages raises the floor to 16 KiB a page.
	gcPages(10000)
	if got := currentLimit(); got != 10000*gcPerPage {
		t.Errorf("limit for 10,000 pages = %d MiB, want %d MiB", got>>20, 10000*gcPerPage>>20)
	}
	restore()
	if got := currentLimit(); got != before {
		t.Errorf("limit after restore = %d, want %d", got, before)
	}
	if gcState.Load() != nil {
		t.Error("tuning still in force after restore")
	}
}

func TestTuneGCLeavesUserSettings(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	before := currentLimit()
	restore := tuneGC(16 << 20)
	defer restore()
	if got := currentLimit(); got != before {
		t.Errorf("GOMEMLIMIT is set, yet tuneGC changed the limit to %d", got)
	}
	if tuneGC(0); gcState.Load() != nil {
		t.Error("a zero floor tuned the collector")
	}
}

// TestLoadRaisesGCBudget checks that listing a large site's pages raises
// the collector's budget as the list grows, before parsing starts: with the
// command's floor alone, a 100,000-page site collected twenty times while
// its files were being listed.
func TestLoadRaisesGCBudget(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	root := t.TempDir()
	dir := filepath.Join(root, ContentDir, "many")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	const pages = 2 * gcRecheck
	for i := range pages {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte("# Page\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	restore := tuneGC(1 << 20)
	defer restore()
	in, diags := Load(root, nil)
	if len(diags) > 0 || len(in.Pages) != pages {
		t.Fatalf("Load: %d pages, %s", len(in.Pages), diags)
	}
	if got := currentLimit(); got < pages*gcPerPage {
		t.Errorf("limit after listing %d pages = %d KiB, want at least %d KiB", pages, got>>10, pages*gcPerPage>>10)
	}
}
