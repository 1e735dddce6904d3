package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// hangGuard bounds every wait, so a broken watcher fails instead of hanging.
// It is not a timing assertion: a working watcher answers in milliseconds.
const hangGuard = 10 * time.Second

// newSite makes a small site folder to watch.
func newSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range map[string]string{
		"site.yaml":              "title: T\n",
		"content/_index.md":      "---\ntitle: Home\n---\n",
		"content/therapy/a.md":   "---\ntitle: A\n---\n",
		"templates/page.html":    "x",
		"static/css/style.css":   "body{}",
		"content/references.bib": "",
	} {
		write(t, root, name, data)
	}
	return root
}

func write(t *testing.T, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next batch that is not empty.
func next(t *testing.T, w Watcher) []string {
	t.Helper()
	select {
	case b, ok := <-w.Changes():
		if !ok {
			t.Fatal("watcher closed")
		}
		return b
	case <-time.After(hangGuard):
		t.Fatal("no batch")
	}
	return nil
}

// until collects batches until one holds every wanted path, and returns
// everything seen.
func until(t *testing.T, w Watcher, want ...string) []string {
	t.Helper()
	var seen []string
	deadline := time.After(hangGuard)
	for {
		missing := false
		for _, p := range want {
			missing = missing || !slices.Contains(seen, p)
		}
		if !missing {
			return seen
		}
		select {
		case b := <-w.Changes():
			seen = append(seen, b...)
		case <-deadline:
			t.Fatalf("saw %v, never %v", seen, want)
		}
	}
}

func watchers(t *testing.T) map[string]func(root string) Watcher {
	return map[string]func(string) Watcher{
		"fsnotify": func(root string) Watcher {
			w, err := NewWatcher(root, nil, 0, func(err error) { t.Fatalf("fell back to polling: %v", err) })
			if err != nil {
				t.Fatal(err)
			}
			return w
		},
		"poll": func(root string) Watcher {
			w, err := NewWatcher(root, nil, 20*time.Millisecond, nil)
			if err != nil {
				t.Fatal(err)
			}
			return w
		},
	}
}

func TestWatcherEvents(t *testing.T) {
	for name, open := range watchers(t) {
		t.Run(name, func(t *testing.T) {
			root := newSite(t)
			w := open(root)
			defer w.Close()

			t.Run("edit", func(t *testing.T) {
				write(t, root, "content/therapy/a.md", "---\ntitle: A2\n---\n")
				until(t, w, "content/therapy/a.md")
			})
			t.Run("atomic save", func(t *testing.T) {
				// vim, VS Code, JetBrains: write a temporary file, rename it over.
				write(t, root, "content/therapy/.a.md.swp", "swap")
				write(t, root, "content/therapy/a.md~", "backup")
				write(t, root, "content/therapy/4913", "")
				write(t, root, "content/therapy/a.md.tmp", "---\ntitle: A3\n---\n")
				if err := os.Rename(filepath.Join(root, "content/therapy/a.md.tmp"), filepath.Join(root, "content/therapy/a.md")); err != nil {
					t.Fatal(err)
				}
				seen := until(t, w, "content/therapy/a.md")
				for _, p := range seen {
					if strings.Contains(p, ".swp") || strings.HasSuffix(p, "~") || strings.HasSuffix(p, "4913") {
						t.Errorf("temporary file reported: %s", p)
					}
				}
			})
			t.Run("create", func(t *testing.T) {
				write(t, root, "content/therapy/b.md", "---\ntitle: B\n---\n")
				until(t, w, "content/therapy/b.md")
			})
			t.Run("new folder with files", func(t *testing.T) {
				// Made elsewhere, then moved in: its files' own events are never seen.
				tmp := t.TempDir()
				write(t, tmp, "groups/one.md", "1")
				write(t, tmp, "groups/deep/two.md", "2")
				if err := os.Rename(filepath.Join(tmp, "groups"), filepath.Join(root, "content/groups")); err != nil {
					t.Fatal(err)
				}
				until(t, w, "content/groups/one.md", "content/groups/deep/two.md")
				// The new folders are watched too.
				write(t, root, "content/groups/deep/three.md", "3")
				until(t, w, "content/groups/deep/three.md")
			})
			t.Run("delete", func(t *testing.T) {
				os.Remove(filepath.Join(root, "content/therapy/b.md"))
				until(t, w, "content/therapy/b.md")
			})
			t.Run("rename page", func(t *testing.T) {
				os.Rename(filepath.Join(root, "content/therapy/a.md"), filepath.Join(root, "content/therapy/alpha.md"))
				until(t, w, "content/therapy/a.md", "content/therapy/alpha.md")
			})
			t.Run("rename folder", func(t *testing.T) {
				os.Rename(filepath.Join(root, "content/groups"), filepath.Join(root, "content/circles"))
				if name == "poll" {
					until(t, w, "content/groups/one.md", "content/circles/one.md")
				} else {
					until(t, w, "content/groups", "content/circles/one.md")
				}
			})
			t.Run("templates static config", func(t *testing.T) {
				write(t, root, "templates/page.html", "y")
				write(t, root, "static/css/style.css", "body{color:red}")
				write(t, root, "site.yaml", "title: T2\n")
				write(t, root, "public/index.html", "output is not watched")
				seen := until(t, w, "templates/page.html", "static/css/style.css", "site.yaml")
				if slices.Contains(seen, "public/index.html") {
					t.Error("output folder reported")
				}
			})
		})
	}
}

func TestWatcherBurstIsOneBatch(t *testing.T) {
	root := newSite(t)
	w, _ := NewWatcher(root, nil, 0, func(err error) { t.Fatal(err) })
	defer w.Close()
	for i := 0; i < 50; i++ {
		write(t, root, "content/therapy/a.md", strings.Repeat("x", i))
		write(t, root, "content/_index.md", strings.Repeat("y", i))
	}
	// A burst longer than MaxDelay may split into a few batches, but a
	// batch never repeats a path, and 100 writes never become 100 reports.
	var seen []string
	for !slices.Contains(seen, "content/_index.md") || !slices.Contains(seen, "content/therapy/a.md") {
		b := next(t, w)
		if len(b) != len(slices.Compact(slices.Clone(b))) {
			t.Errorf("a path repeated in one batch: %v", b)
		}
		seen = append(seen, b...)
	}
	if len(seen) > 6 {
		t.Errorf("100 writes became %d reports; want them coalesced: %v", len(seen), seen)
	}
}

func TestWatcherSaveDuringRebuild(t *testing.T) {
	root := newSite(t)
	w, _ := NewWatcher(root, nil, 0, func(err error) { t.Fatal(err) })
	defer w.Close()
	write(t, root, "content/_index.md", "one")
	until(t, w, "content/_index.md")
	// The receiver is busy (a rebuild) while two saves land: neither is
	// lost, and they come together once it asks again.
	write(t, root, "content/therapy/a.md", "during")
	write(t, root, "content/_index.md", "two")
	time.Sleep(5 * Quiet) // the rebuild
	seen := until(t, w, "content/therapy/a.md", "content/_index.md")
	if len(seen) != 2 {
		t.Logf("saves arrived in more than one batch: %v", seen)
	}
}

func TestExtraFilesWatched(t *testing.T) {
	root := newSite(t)
	write(t, root, "bib/extra.bib", "")
	w, _ := NewWatcher(root, []string{"bib/extra.bib"}, 0, func(err error) { t.Fatal(err) })
	defer w.Close()
	write(t, root, "bib/extra.bib", "@misc{x, title = {X}}")
	until(t, w, "bib/extra.bib")
}

// TestExtraFileInANewFolder: a file the site names outside its folders,
// in a folder made after the watch began (search/synonyms.yaml, made while
// the dev server runs), is seen when it is written.
func TestExtraFileInANewFolder(t *testing.T) {
	root := newSite(t)
	w, err := NewWatcher(root, []string{"search/synonyms.yaml"}, 0, func(err error) { t.Fatal(err) })
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	write(t, root, "search/synonyms.yaml", "synonyms:\n  - [CMHT, community mental health team]\n")
	until(t, w, "search/synonyms.yaml")
	write(t, root, "search/synonyms.yaml", "synonyms:\n  - [CMHT, community team]\n")
	until(t, w, "search/synonyms.yaml")
}

// TestStringsFolderMadeLater: the site's own words (i18n/es.yaml), in a
// folder made while the dev server runs, are seen when written, and
// after.
func TestStringsFolderMadeLater(t *testing.T) {
	root := newSite(t)
	w, err := NewWatcher(root, nil, 0, func(err error) { t.Fatal(err) })
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	write(t, root, "i18n/es.yaml", "on_this_page: En esta página\n")
	until(t, w, "i18n/es.yaml")
	write(t, root, "i18n/es.yaml", "on_this_page: En la página\n")
	until(t, w, "i18n/es.yaml")
}
