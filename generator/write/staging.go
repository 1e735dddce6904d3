package write

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"pamphlet/generator/diag"
	"pamphlet/generator/site"
)

// Marker is written into every output folder. A folder that is not
// empty and lacks it was not made by Pamphlet, and is never replaced.
const Marker = ".pamphlet-output"

const markerText = "This folder was written by \"pamphlet build\" and is replaced on every build.\n"

// CheckOut refuses output folders whose replacement would destroy work: the
// file-system root, the home folder, the site itself or a folder that holds
// it, anything inside content/, templates/ or static/, and a folder that
// holds files but was not written by Pamphlet.
func CheckOut(siteDir, out string) error {
	absSite, err := filepath.Abs(siteDir)
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
		return fmt.Errorf("--out %s is the root of the file system; choose a folder such as %s", out, filepath.Join(siteDir, "public"))
	case home != "" && absOut == filepath.Clean(home):
		return fmt.Errorf("--out %s is your home folder; choose a folder such as %s", out, filepath.Join(siteDir, "public"))
	case site.Within(absOut, absSite):
		return fmt.Errorf("--out %s is the site folder or holds it, and the build replaces the output folder; choose a folder such as %s", out, filepath.Join(siteDir, "public"))
	}
	for _, d := range site.Folders {
		if site.Within(filepath.Join(absSite, d), absOut) {
			return fmt.Errorf("--out %s is inside the site's %s folder; choose a folder such as %s", out, d, filepath.Join(siteDir, "public"))
		}
	}
	entries, err := os.ReadDir(absOut)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read the output folder %s: %w", out, diag.Cause(err))
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(absOut, Marker)); err != nil {
		return fmt.Errorf("the output folder %s already holds files that pamphlet did not write, and a build replaces the whole folder; empty it or delete it yourself, or choose another --out", out)
	}
	return nil
}

// ScratchPrefix begins the names of the folders and files a build keeps
// inside a mounted output folder while it runs (see WorkDir). Replacing
// the folder's contents leaves them alone.
const ScratchPrefix = ".pamphlet-tmp-"

// WorkDir returns the folder where a build of the output folder out (an
// absolute path) keeps its staging folder and temporary files, and the
// prefix of their names: beside out, as ".public.staging-…", or inside it
// when out is a mount point, which can be neither renamed nor filled by
// renaming files from another file system.
func WorkDir(out string) (dir, prefix string, inside bool) {
	if IsMountPoint(out) {
		return out, ScratchPrefix, true
	}
	return filepath.Dir(out), "." + filepath.Base(out) + ".", false
}

// Scratch returns where a build of the output folder out keeps its
// temporary files, and the prefix of their names (see WorkDir): out may be
// relative, or a link.
func Scratch(out string) (dir, prefix string) {
	abs, _ := filepath.Abs(out)
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	dir, prefix, _ = WorkDir(abs)
	return dir, prefix
}

// Staging is a folder that a build writes into, beside the output folder
// or, for a mount point, inside it. Commit swaps it in for the output
// folder (or for what the folder holds); Discard removes it. Nothing
// outside the Staging and output folders is ever removed.
type Staging struct {
	dir    string // the staging folder
	out    string // the output folder it will replace
	id     string // names this build in the output's marker file
	inside bool   // dir is inside out (see WorkDir)

	mu      sync.Mutex
	made    map[string]bool // folders already made, to save a stat per file
	written []Record        // every file written, for the manifest
}

func NewStaging(out string) (*Staging, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	// An output folder that is a link to another folder: work on the real
	// folder, so the swap replaces it and leaves the link as it is.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	parent, prefix, inside := WorkDir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make the folder for the output: %w", err)
	}
	dir := filepath.Join(parent, prefix+"staging-"+randomSuffix())
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make a staging folder for the output: %w", err)
	}
	id := randomSuffix()
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerText+"build "+id+"\n"), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Staging{dir: dir, out: abs, id: id, inside: inside, made: map[string]bool{}}, nil
}

// Discard removes the staging folder, leaving the output folder as it was.
// ID names this build in the output folder's marker file.
func (s *Staging) ID() string { return s.id }

func (s *Staging) Discard() { os.RemoveAll(s.dir) }

// Commit replaces the output folder with the staging folder: the old one
// is renamed aside, the new one renamed into place, and the old one removed.
// If the second rename fails, the old folder is put back.
func (s *Staging) Commit() error {
	if s.inside {
		return s.commitInside()
	}
	old := ""
	if _, err := os.Lstat(s.out); err == nil {
		old = filepath.Join(filepath.Dir(s.out), "."+filepath.Base(s.out)+".old-"+randomSuffix())
		if err := os.Rename(s.out, old); err != nil {
			s.Discard()
			if errors.Is(err, syscall.EBUSY) {
				return fmt.Errorf("cannot replace the output folder %s: the system says it is in use, as a mount point or by another program (%v). The previous site is still there. Build into a folder inside it instead, such as --out %s", s.out, err, filepath.Join(s.out, "site"))
			}
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

// commitInside replaces what the output folder holds with what the
// staging folder inside it holds, for an output folder that is a mount
// point: the old entries are moved into a folder of their own inside it,
// the new ones moved up, and the old ones removed. Every move stays on the
// mounted file system. If a move fails, the moves already made are undone
// and the previous site is left as it was. It is not atomic: a reader may
// briefly see some of the old entries and some of the new.
func (s *Staging) commitInside() error {
	fail := func(err error) error {
		s.Discard()
		return fmt.Errorf("cannot replace what the output folder %s holds (the previous site is still there): %w", s.out, err)
	}
	old := filepath.Join(s.out, ScratchPrefix+"old-"+randomSuffix())
	if err := os.Mkdir(old, 0o755); err != nil {
		return fail(err)
	}
	entries, err := os.ReadDir(s.out)
	if err != nil {
		os.Remove(old)
		return fail(err)
	}
	// move renames each entry from one folder to the other, and undoes
	// them all if one fails.
	move := func(names []string, from, to string) error {
		for i, n := range names {
			if err := os.Rename(filepath.Join(from, n), filepath.Join(to, n)); err != nil {
				for _, m := range names[:i] {
					_ = os.Rename(filepath.Join(to, m), filepath.Join(from, m))
				}
				return err
			}
		}
		return nil
	}
	var previous []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ScratchPrefix) {
			previous = append(previous, e.Name())
		}
	}
	if err := move(previous, s.out, old); err != nil {
		os.Remove(old)
		return fail(err)
	}
	staged, err := os.ReadDir(s.dir)
	var next []string
	for _, e := range staged {
		next = append(next, e.Name())
	}
	if err == nil {
		err = move(next, s.dir, s.out)
	}
	if err != nil {
		_ = move(previous, old, s.out)
		os.Remove(old)
		return fail(err)
	}
	// What is left with the prefix is this build's (its empty staging
	// folder, the old site, its spill files, read to the end by now; all
	// were made before entries was read) and any a build that was killed
	// left behind, which would otherwise be published with the site.
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ScratchPrefix) {
			_ = removeTree(filepath.Join(s.out, e.Name()))
		}
	}
	return nil
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

// Write writes a file at a slash-separated path inside the staging folder.
func (s *Staging) Write(rel string, data []byte) error {
	return s.create(rel, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// Copy writes a file at a slash-separated path inside the staging folder
// with what r holds, streamed: an asset of gigabytes is never held in
// memory. (From one file to another, the system copies it in the kernel.)
func (s *Staging) Copy(rel string, r io.Reader) error {
	return s.create(rel, func(f *os.File) error {
		_, err := io.Copy(f, r)
		return err
	})
}

// create makes a file at a slash-separated path inside the staging folder,
// fills it with fill, and records its size and time for the manifest.
func (s *Staging) create(rel string, fill func(*os.File) error) error {
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = fill(f)
	var fi os.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.written = append(s.written, Record{Path: rel, Size: fi.Size(), Mod: fi.ModTime().UnixNano()})
	s.mu.Unlock()
	return nil
}

// mkdir makes a folder of the staging folder, once.
func (s *Staging) mkdir(dir string) error {
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
	return nil
}

// Records returns what the staging folder holds, sorted by path, once
// every file is written.
func (s *Staging) Records() []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.written)
	slices.SortFunc(out, func(a, b Record) int { return strings.Compare(a.Path, b.Path) })
	return out
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
