package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"pamphlet/generator/site"
)

// Watcher reports the site files that changed, in batches: one batch per
// burst of events (an editor's save is often several), as slash-separated
// paths relative to the site root ("content/therapy/a.md", site.ConfigFile).
// A path in a batch may have been created, written, renamed away or
// removed: the receiver looks at the file to see which. Paths keep
// collecting while the receiver is busy, so a save that lands during a
// rebuild is in the next batch and the last save always wins.
type Watcher interface {
	// Changes delivers the batches; it is closed by Close.
	Changes() <-chan []string
	// Close stops watching.
	Close() error
}

// Quiet is how long a burst of events must pause before its batch is
// delivered; MaxDelay caps how long a stream of events can hold one back.
const (
	Quiet    = 5 * time.Millisecond
	MaxDelay = 150 * time.Millisecond
)

// ErrTooManyFiles says the system ran out of inotify watches.
var ErrTooManyFiles = errors.New("the system's limit on watched folders (fs.inotify.max_user_watches) is reached")

// batcher collects paths and hands them over in batches.
type batcher struct {
	in      chan string
	out     chan []string
	done    chan struct{}
	pending map[string]bool
}

func newBatcher() *batcher {
	b := &batcher{in: make(chan string, 256), out: make(chan []string), done: make(chan struct{}), pending: map[string]bool{}}
	go b.run()
	return b
}

// run waits for a pause in the events (or MaxDelay), then offers the batch
// while still taking new paths, so nothing is lost while the receiver works.
func (b *batcher) run() {
	defer close(b.out)
	var quiet, deadline <-chan time.Time
	var ready bool
	for {
		var out chan []string
		var batch []string
		if ready && len(b.pending) > 0 {
			out, batch = b.out, b.batch()
		}
		select {
		case <-b.done:
			return
		case p := <-b.in:
			if len(b.pending) == 0 {
				deadline = time.After(MaxDelay)
			}
			b.pending[p] = true
			quiet = time.After(Quiet)
			ready = false
		case <-quiet:
			ready = true
		case <-deadline:
			ready = true
		case out <- batch:
			b.pending = map[string]bool{}
			ready, quiet, deadline = false, nil, nil
		}
	}
}

func (b *batcher) batch() []string {
	out := make([]string, 0, len(b.pending))
	for p := range b.pending {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func (b *batcher) add(p string) {
	select {
	case b.in <- p:
	case <-b.done:
	}
}

// notifyWatcher watches with fsnotify (inotify on Linux): every folder of
// the site, and new folders as they appear, with the files already in them.
type notifyWatcher struct {
	root  string
	extra map[string]bool
	w     *fsnotify.Watcher
	b     *batcher
}

// NewWatcher watches the site at root, and the extra files (site-relative
// paths, such as bibliographies outside content/). With poll > 0, or when
// fsnotify cannot be used, it polls every poll (or every second).
// fallback, if not nil, is told why polling was chosen.
func NewWatcher(root string, extra []string, poll time.Duration, fallback func(reason error)) (Watcher, error) {
	ex := map[string]bool{}
	for _, e := range extra {
		ex[filepath.ToSlash(e)] = true
	}
	if poll > 0 {
		return newPoller(root, ex, poll), nil
	}
	w, err := newNotifyWatcher(root, ex)
	if err != nil {
		if fallback != nil {
			fallback(err)
		}
		return newPoller(root, ex, time.Second), nil
	}
	return w, nil
}

func newNotifyWatcher(root string, extra map[string]bool) (*notifyWatcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, watchError(err)
	}
	nw := &notifyWatcher{root: root, extra: extra, w: fw, b: newBatcher()}
	dirs := map[string]bool{root: true}
	for e := range extra {
		dirs[filepath.Dir(filepath.Join(root, filepath.FromSlash(e)))] = true
	}
	for d := range dirs {
		if err := fw.Add(d); err != nil {
			if errors.Is(err, fs.ErrNotExist) && d != root {
				continue // a folder an extra file would be in, not made (yet)
			}
			fw.Close()
			return nil, watchError(err)
		}
	}
	for _, w := range site.Folders {
		if err := nw.addTree(filepath.Join(root, w), false); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go nw.loop()
	return nw, nil
}

// addTree watches a folder and every folder inside it. With report, the
// files already inside are reported too: a folder that appears (made, or
// moved in) comes with its files, whose own events happened before the
// watch existed.
func (nw *notifyWatcher) addTree(dir string, report bool) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already, or unreadable: the build says so
		}
		if p != dir && site.IsIgnored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := nw.w.Add(p); err != nil {
				return watchError(err)
			}
		}
		if report && p != dir {
			nw.report(p)
		}
		return nil
	})
}

// holdsExtra reports whether the folder rel (slash-separated, from the
// root) is where one of the extra files is.
func (nw *notifyWatcher) holdsExtra(rel string) bool {
	for e := range nw.extra {
		if path.Dir(e) == rel {
			return true
		}
	}
	return false
}

func (nw *notifyWatcher) report(abs string) {
	rel, err := filepath.Rel(nw.root, abs)
	if err != nil {
		return
	}
	rel = filepath.ToSlash(rel)
	if site.Input(rel, nw.extra) {
		nw.b.add(rel)
	}
}

func (nw *notifyWatcher) loop() {
	for {
		select {
		case ev, ok := <-nw.w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					rel, _ := filepath.Rel(nw.root, ev.Name)
					rel = filepath.ToSlash(rel)
					switch {
					case site.Input(rel, nw.extra):
						_ = nw.addTree(ev.Name, true)
					case nw.holdsExtra(rel):
						// The folder of a file the site names outside its
						// folders (search/synonyms.yaml), made after the
						// watch began: watch it, and report what is in it.
						_ = nw.w.Add(ev.Name)
						for e := range nw.extra {
							if path.Dir(e) == rel {
								if _, err := os.Stat(filepath.Join(nw.root, filepath.FromSlash(e))); err == nil {
									nw.b.add(e)
								}
							}
						}
					}
				}
			}
			nw.report(ev.Name)
		case _, ok := <-nw.w.Errors:
			if !ok {
				return
			}
			// An overflowed event queue loses events: rebuild everything.
			nw.b.add(site.ConfigFile)
		}
	}
}

// Changes implements Watcher.Changes.
func (nw *notifyWatcher) Changes() <-chan []string { return nw.b.out }

// Close implements Watcher.Close.
func (nw *notifyWatcher) Close() error {
	err := nw.w.Close()
	close(nw.b.done)
	return err
}

func watchError(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("%w: raise it with \"sudo sysctl fs.inotify.max_user_watches=524288\", or use --poll 1s", ErrTooManyFiles)
	}
	return err
}

// poller finds changes by looking at every watched file's size and
// modification time at an interval: for file systems that do not report
// changes (WSL, Docker mounts, network drives).
type poller struct {
	root  string
	extra map[string]bool
	b     *batcher
	stop  chan struct{}
}

type stamp struct {
	size int64
	mod  time.Time
	mode fs.FileMode
}

func newPoller(root string, extra map[string]bool, every time.Duration) *poller {
	p := &poller{root: root, extra: extra, b: newBatcher(), stop: make(chan struct{})}
	last := p.scan()
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				cur := p.scan()
				for rel, s := range cur {
					if old, ok := last[rel]; !ok || old != s {
						p.b.add(rel)
					}
				}
				for rel := range last {
					if _, ok := cur[rel]; !ok {
						p.b.add(rel)
					}
				}
				last = cur
			}
		}
	}()
	return p
}

// scan stats every relevant file.
func (p *poller) scan() map[string]stamp {
	out := map[string]stamp{}
	visit := func(abs string) {
		fi, err := os.Stat(abs)
		if err != nil {
			return
		}
		rel, _ := filepath.Rel(p.root, abs)
		rel = filepath.ToSlash(rel)
		if !fi.IsDir() && site.Input(rel, p.extra) {
			out[rel] = stamp{fi.Size(), fi.ModTime(), fi.Mode()}
		}
	}
	visit(filepath.Join(p.root, site.ConfigFile))
	for e := range p.extra {
		visit(filepath.Join(p.root, filepath.FromSlash(e)))
	}
	for _, w := range site.Folders {
		_ = filepath.WalkDir(filepath.Join(p.root, w), func(abs string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				visit(abs)
			}
			return nil
		})
	}
	return out
}

// Changes implements Watcher.Changes.
func (p *poller) Changes() <-chan []string { return p.b.out }

// Close implements Watcher.Close.
func (p *poller) Close() error {
	close(p.stop)
	close(p.b.done)
	return nil
}
