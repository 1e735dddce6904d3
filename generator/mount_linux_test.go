package generator

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"pamphlet/generator/write"
)

// mountTmpfs mounts a small RAM disk at dir, or skips the test where this
// process may not mount (it needs root).
func mountTmpfs(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=16m"); err != nil {
		t.Skipf("cannot mount a RAM disk here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
}

// An output folder that is a mount point (a container volume) cannot be
// renamed, and files cannot be renamed into it from outside: the build
// works inside it, replaces what it holds, and on failure leaves it as it
// was.
func TestMountedOutputFolder(t *testing.T) {
	s := newTestSite(t, goodSite)
	out := filepath.Join(s.root, "public")
	mountTmpfs(t, out)
	if !write.IsMountPoint(out) {
		t.Fatal("isMountPoint does not see the RAM disk mounted at the output folder")
	}

	s.write("content/therapy/old.md", "---\ntitle: Old\n---\nText.\n")
	s.mustBuild()
	assertContains(t, s.read("therapy/groups/index.html"), "<h1")
	os.Remove(filepath.Join(s.root, "content", "therapy", "old.md"))
	// What a build that was killed left inside the folder.
	os.MkdirAll(filepath.Join(out, write.ScratchPrefix+"staging-0123", "therapy"), 0o755)
	os.WriteFile(filepath.Join(out, write.ScratchPrefix+"spill-0123"), []byte("<p>body</p>"), 0o644)
	s.write("content/therapy/groups.md", "---\ntitle: Group sessions\n---\nText.\n")
	s.mustBuild()
	assertContains(t, s.read("therapy/groups/index.html"), "Group sessions")
	if s.exists("therapy/old/index.html") {
		t.Error("a file of the previous site is still in the mounted output folder")
	}
	for _, dir := range []string{out, s.root} {
		if left := scratch(t, dir); len(left) > 0 {
			t.Errorf("left in %s: %v", dir, left)
		}
	}

	before := s.snapshot()
	s.write("content/therapy/groups.md", "---\ntitle: Groups\n---\nSee [@nosuchkey].\n")
	if _, err := s.build(); err == nil {
		t.Fatal("a build with an unknown citation key succeeded")
	}
	if after := s.snapshot(); after != before {
		t.Errorf("a failed build changed the mounted output folder:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if left := scratch(t, out); len(left) > 0 {
		t.Errorf("a failed build left %v in the output folder", left)
	}
}
