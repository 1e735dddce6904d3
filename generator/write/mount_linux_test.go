package write

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A bind mount of a folder on the same device is a mount point too: only
// the system's list of mounts tells.
func TestIsMountPointBindMount(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "my public")
	if err := os.Mkdir(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	if IsMountPoint(dst) {
		t.Fatal("a plain folder is taken for a mount point")
	}
	if err := syscall.Mount(src, dst, "", syscall.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dst, syscall.MNT_DETACH) })
	if !IsMountPoint(dst) {
		t.Error("a bind mount (whose path has a space) is not taken for a mount point")
	}
}

func TestUnescapeMountPath(t *testing.T) {
	for in, want := range map[string]string{
		`/srv/site/public`:         "/srv/site/public",
		`/srv/my\040site/public`:   "/srv/my site/public",
		`/srv/tab\011and\134slash`: "/srv/tab\tand\\slash",
		`/srv/not\08octal`:         `/srv/not\08octal`,
		`/srv/ends\04`:             `/srv/ends\04`,
	} {
		if got := unescapeMountPath(in); got != want {
			t.Errorf("unescapeMountPath(%q) = %q, want %q", in, got, want)
		}
	}
}
