//go:build unix

package generator

import (
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
)

func TestSpecialFilesAreNeverOpened(t *testing.T) {
	for _, withManifest := range []bool{false, true} {
		t.Run(fmt.Sprintf("previous build %v", withManifest), func(t *testing.T) {
			s := newTestSite(t, goodSite)
			if withManifest {
				s.mustBuild()
			}
			if err := syscall.Mkfifo(filepath.Join(s.root, "content", "therapy", "pipe.md"), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			if err := syscall.Mkfifo(filepath.Join(s.root, "pipe"), 0o644); err != nil {
				t.Fatal(err)
			}
			mustSymlink(t, "../../pipe", filepath.Join(s.root, "content", "therapy", "to-pipe.md"))
			mustSymlink(t, "/dev/zero", filepath.Join(s.root, "content", "zero.md"))
			res, err := buildWithin(t, s)
			got := diagnostics(res, err)
			assertContains(t, got,
				"content/therapy/pipe.md: warning: this is not a regular file (it may be a named pipe or a device) and is left out",
				"content/therapy/to-pipe.md: warning: this is a link to something that is not a regular file",
				"content/zero.md: error: this is a link to /dev/zero, which is outside the site")
		})
	}
}
