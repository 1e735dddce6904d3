package write

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"pamphlet/generator/diag"
)

// errLocked is returned by tryLock when another process holds the lock.
var errLocked = errors.New("locked")

// lockPath is the file a build of the output folder out locks: beside
// it, as ".public.lock", like the manifest.
func lockPath(out string) string {
	abs, _ := filepath.Abs(out)
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".lock")
}

// Lock takes the lock on an output folder for one build, so that two
// builds of it never run at once: the one that read the older sources
// could finish last and leave them published. The lock is the system's
// (flock), which it drops when the process ends however it ends, so a
// build that was killed leaves no lock behind to clear by hand. The lock
// file itself stays, empty of meaning but for the process number in it.
func Lock(out string) (release func(), err error) {
	p := lockPath(out)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, fmt.Errorf("cannot make the folder for the output: %w", err)
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot make the lock file %s that keeps two builds of %s apart: %w", p, out, diag.Cause(err))
	}
	if err := tryLock(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			holder := ""
			if b, err := os.ReadFile(p); err == nil {
				if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
					holder = fmt.Sprintf(" (process %d)", pid)
				}
			}
			return nil, fmt.Errorf("another build of %s is running%s: wait for it to finish and build again, or stop it. Nothing was written", out, holder)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", p, err)
	}
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return func() {
		unlock(f)
		f.Close()
	}, nil
}

// RemoveLeftovers removes what builds of the output folder out that were
// killed left behind: staging folders, spill files and old copies of the
// site beside it, and the entries a build works in inside it when it is a
// mount point. It runs holding the lock, so none of them belongs to a
// build still running.
func RemoveLeftovers(out string) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	beside := "." + filepath.Base(abs) + "."
	if entries, err := os.ReadDir(filepath.Dir(abs)); err == nil {
		for _, e := range entries {
			n := e.Name()
			for _, kind := range []string{"staging-", "spill-", "old-"} {
				if strings.HasPrefix(n, beside+kind) {
					_ = removeTree(filepath.Join(filepath.Dir(abs), n))
				}
			}
		}
	}
	if entries, err := os.ReadDir(abs); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ScratchPrefix) {
				_ = removeTree(filepath.Join(abs, e.Name()))
			}
		}
	}
}
