// Package gcbudget tunes Go's garbage collector for a command that builds
// a site once and exits (see Tune). The collector's settings belong to the
// whole process, so the tuning in force is too: it is the one piece of
// package-level state in Pamphlet, set by Tune and cleared by the function
// it returns.
package gcbudget

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// Go's garbage collector runs, by default, whenever the heap has doubled
// since the last collection. A build allocates about 80 KB per page and
// keeps about 3 KB, so with the default it collects about a hundred times
// on a 10,000-page site, and collecting was a sixth of the build's CPU time.
// A command that builds once and exits can let the heap grow further while
// little of it is live: Tune lets it reach a floor before collecting,
// the floor it is given (generator.Options.GCFloor) or PerPage for each
// page of the site, whichever is larger, or one and a half times the live
// heap if that is larger still (twice, with the search index live beside
// the pages, took a 10,000-page build over 200 MiB). Memory in use
// stays proportional to the size of the site, and so does the time spent
// collecting: with a fixed floor, a 100,000-page build collected several
// times as often per page as a 10,000-page one. The live heap is read
// again every few hundred pages, so the heap never fills the limit and
// collections never run back to back.

// gcState is the tuning in force, or nil.
var gcState atomic.Pointer[gcBudget]

type gcBudget struct {
	floor int64
	ticks atomic.Int64
	mu    sync.Mutex
	live  []metrics.Sample
}

// Recheck is how many pages (or files) pass between readings of the
// live heap.
const Recheck = 256

// PerPage is the heap a build may grow to for each page before it
// collects: about four times what a page holds while the site is checked.
const PerPage = 16 << 10

// Tune applies the tuning for one build and returns a function that
// restores the collector's previous settings. It does nothing when floor
// is zero, or when GOGC or GOMEMLIMIT is set: the user's settings win.
func Tune(floor int64) (restore func()) {
	if floor <= 0 || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	b := &gcBudget{floor: floor, live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	if !gcState.CompareAndSwap(nil, b) {
		return func() {} // another build in this process tuned it already
	}
	// No ratio: the memory limit alone decides when to collect. With a
	// ratio of 400 as well, the heap was also collected each time it had
	// grown fivefold while the first pages were parsed: six collections
	// of a 100,000-page site that, left out, take a fifth off the time
	// it spends marking.
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(floor)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
		gcState.Store(nil)
	}
}

// Pages raises the floor to PerPage for each of the site's pages.
func Pages(pages int) {
	b := gcState.Load()
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if f := int64(pages) * PerPage; f > b.floor {
		b.floor = f
		debug.SetMemoryLimit(f)
	}
}

// Tick counts one page or file done, and every Recheck of them sets
// the memory limit to one and a half times the live heap, or to the floor
// if that is more.
func Tick() {
	b := gcState.Load()
	if b == nil || b.ticks.Add(1)%Recheck != 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	metrics.Read(b.live)
	if b.live[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := int64(b.live[0].Value.Uint64())
	debug.SetMemoryLimit(max(b.floor, live*3/2))
}
