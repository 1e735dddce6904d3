package page

import (
	"bytes"
	"os"
	"syscall"
	"testing"
)

// On Linux, the disk space of pages read back is given back while the
// build goes on, not when the spill file is removed at its end.
func TestSpillFreesWhatWasRead(t *testing.T) {
	ss, _, refs := spillPages(t, 200)
	f := ss.all[0].f
	blocks := func() int64 {
		t.Helper()
		fi, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		return fi.Sys().(*syscall.Stat_t).Blocks
	}
	before := blocks()
	var scratch bytes.Buffer
	for _, r := range refs {
		if _, _, _, err := r.read(&scratch); err != nil {
			t.Fatal(err)
		}
	}
	after := blocks()
	if err := syscall.Fallocate(int(f.Fd()), 0x03, 0, 1); err == syscall.EOPNOTSUPP {
		t.Skipf("the file system of %s cannot free part of a file", os.TempDir())
	}
	if after > before/10 {
		t.Errorf("the spill file holds %d blocks after every page was read, %d before: want nearly none", after, before)
	}
}
