//go:build !linux

package page

// free does nothing here: the spill file's space is freed when the file
// is removed at the end of the build (see the Linux version).
func (s *spill) free(off int64, n int) {}
