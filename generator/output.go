package generator

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// outputMarker is written into every output folder. A folder that is not
// empty and lacks it was not made by Pamphlet, and is never replaced.
const outputMarker = ".pamphlet-output"

const markerText = "This folder was written by \"pamphlet build\" and is replaced on every build.\n"

// CheckOut refuses output folders whose replacement would destroy work: the
// file-system root, the home folder, the site itself or a folder that holds
// it, anything inside content/, templates/ or static/, and a folder that
// holds files but was not written by Pamphlet.
func CheckOut(site, out string) error {
	absSite, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(absOut); err == nil {
		absOut = real
	}
	if real, err := filepath.EvalSymlinks(absSite); err == nil {
		absSite = real
	}
	home, _ := os.UserHomeDir()
	switch {
	case absOut == filepath.Dir(absOut):
		return fmt.Errorf("--out %s is the root of the file system; choose a folder such as %s", out, filepath.Join(site, "public"))
	case home != "" && absOut == filepath.Clean(home):
		return fmt.Errorf("--out %s is your home folder; choose a folder such as %s", out, filepath.Join(site, "public"))
	case within(absOut, absSite):
		return fmt.Errorf("--out %s is the site folder or holds it, and the build replaces the output folder; choose a folder such as %s", out, filepath.Join(site, "public"))
	}
	for _, d := range []string{ContentDir, TemplatesDir, StaticDir} {
		if within(filepath.Join(absSite, d), absOut) {
			return fmt.Errorf("--out %s is inside the site's %s folder; choose a folder such as %s", out, d, filepath.Join(site, "public"))
		}
	}
	entries, err := os.ReadDir(absOut)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read the output folder %s: %w", out, unwrapPathError(err))
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(absOut, outputMarker)); err != nil {
		return fmt.Errorf("the output folder %s already holds files that pamphlet did not write, and a build replaces the whole folder; empty it or delete it yourself, or choose another --out", out)
	}
	return nil
}

// staging is a folder beside the output folder that a build writes into.
// Commit swaps it in for the output folder; Discard removes it. Nothing
// outside the staging and output folders is ever removed.
type staging struct {
	dir string // the staging folder
	out string // the output folder it will replace
	id  string // names this build in the output's marker file

	mu   sync.Mutex
	made map[string]bool // folders already made, to save a stat per file
}

func newStaging(out string) (*staging, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	// An output folder that is a link to another folder: work on the real
	// folder, so the swap replaces it and leaves the link as it is.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make the folder for the output: %w", err)
	}
	dir := filepath.Join(parent, "."+filepath.Base(abs)+".staging-"+randomSuffix())
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make a staging folder beside the output: %w", err)
	}
	id := randomSuffix()
	if err := os.WriteFile(filepath.Join(dir, outputMarker), []byte(markerText+"build "+id+"\n"), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &staging{dir: dir, out: abs, id: id, made: map[string]bool{}}, nil
}

// Discard removes the staging folder, leaving the output folder as it was.
func (s *staging) Discard() { os.RemoveAll(s.dir) }

// Commit replaces the output folder with the staging folder: the old one
// is renamed aside, the new one renamed into place, and the old one removed.
// If the second rename fails, the old folder is put back.
func (s *staging) Commit() error {
	old := ""
	if _, err := os.Lstat(s.out); err == nil {
		old = filepath.Join(filepath.Dir(s.out), "."+filepath.Base(s.out)+".old-"+randomSuffix())
		if err := os.Rename(s.out, old); err != nil {
			if errors.Is(err, syscall.EBUSY) {
				// A mount point (a container volume, say) cannot be renamed:
				// replace what is inside it instead.
				return s.commitInside()
			}
			s.Discard()
			return fmt.Errorf("cannot replace the output folder: %w", err)
		}
	}
	if err := os.Rename(s.dir, s.out); err != nil {
		if old != "" {
			_ = os.Rename(old, s.out)
		}
		s.Discard()
		return fmt.Errorf("cannot replace the output folder: %w", err)
	}
	if old != "" {
		// The new site is in place; failing to remove the old copy leaves
		// a .old- folder beside it, which the next build does not mind.
		_ = removeTree(old)
	}
	return nil
}

// commitInside replaces the contents of the output folder with those of
// the staging folder, for an output folder that cannot itself be renamed.
// It is not atomic: a reader may briefly see a mix.
func (s *staging) commitInside() error {
	entries, err := os.ReadDir(s.out)
	if err != nil {
		s.Discard()
		return fmt.Errorf("cannot replace the output folder: %w", err)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(s.out, e.Name())); err != nil {
			s.Discard()
			return fmt.Errorf("cannot empty the output folder: %w", err)
		}
	}
	staged, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	for _, e := range staged {
		if err := os.Rename(filepath.Join(s.dir, e.Name()), filepath.Join(s.out, e.Name())); err != nil {
			return fmt.Errorf("cannot move the new site into the output folder: %w", err)
		}
	}
	return os.Remove(s.dir)
}

// removeTree removes a folder and everything in it, its subfolders on
// several goroutines: unlinking ten thousand files one by one is a
// noticeable part of a build.
func removeTree(dir string) error {
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return os.Remove(dir) // a link: never what it points to
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(p string) {
			defer wg.Done()
			os.RemoveAll(p)
			<-sem
		}(filepath.Join(dir, e.Name()))
	}
	wg.Wait()
	return os.RemoveAll(dir)
}

// write writes a file at a slash-separated path inside the staging folder.
func (s *staging) write(rel string, data []byte) error {
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	dir := filepath.Dir(p)
	s.mu.Lock()
	made := s.made[dir]
	s.mu.Unlock()
	if !made {
		// Most pages have a folder of their own whose parent exists: one
		// mkdir, where MkdirAll would first stat the folder and its parent.
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		s.mu.Lock()
		s.made[dir] = true
		s.mu.Unlock()
	}
	return os.WriteFile(p, data, 0o644)
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
