// Package parallel runs a build's work on several goroutines.
package parallel

import (
	"context"
	"sync"
	"sync/atomic"

	"pamphlet/internal/gcbudget"
)

// Run runs work(i) for i in [0, n) on the given number of goroutines,
// each with its own state from newState. It stops at the first error or
// when ctx is cancelled.
func Run[S any](ctx context.Context, workers, n int, newState func() S, work func(S, int) error) error {
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			state := newState()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				err := ctx.Err()
				if err == nil {
					err = work(state, i)
					gcbudget.Tick()
				}
				if err != nil {
					once.Do(func() { firstErr = err })
					next.Store(int64(n))
					return
				}
			}
		}()
	}
	wg.Wait()
	return firstErr
}
