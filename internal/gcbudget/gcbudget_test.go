package gcbudget

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func currentLimit() int64 { return debug.SetMemoryLimit(-1) }

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := currentLimit()
	restore := Tune(16 << 20)
	if got := currentLimit(); got != 16<<20 {
		t.Errorf("limit while tuned = %d, want the floor %d", got, 16<<20)
	}
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("GC percent while tuned = %d, want -1: the limit alone decides", p)
	}
	// A live heap above two thirds of the floor raises the limit to one
	// and a half times it.
	live := make([]*[1 << 20]byte, 40)
	for i := range live {
		live[i] = new([1 << 20]byte)
	}
	runtime.GC()
	for range Recheck {
		Tick()
	}
	if got := currentLimit(); got < 60<<20 {
		t.Errorf("limit with 40 MiB live = %d MiB, want at least 60 MiB", got>>20)
	}
	runtime.KeepAlive(live)
	// A site of 10,000 pages raises the floor to 16 KiB a page.
	Pages(10000)
	if got := currentLimit(); got != 10000*PerPage {
		t.Errorf("limit for 10,000 pages = %d MiB, want %d MiB", got>>20, 10000*PerPage>>20)
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
	restore := Tune(16 << 20)
	defer restore()
	if got := currentLimit(); got != before {
		t.Errorf("GOMEMLIMIT is set, yet Tune changed the limit to %d", got)
	}
	if Tune(0); gcState.Load() != nil {
		t.Error("a zero floor tuned the collector")
	}
}
