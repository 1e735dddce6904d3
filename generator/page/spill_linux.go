package page

import "syscall"

// free gives back the disk space of n bytes at off, which the spill file
// will not be asked for again: the file keeps its size, and reads there
// would return zeros. Only whole blocks inside the range are freed, and
// the bytes either side are untouched, so pages that share a block with
// this one read back whole. On a file system that cannot do this, the
// space is freed when the file is removed, as before.
func (s *spill) free(off int64, n int) {
	const punchHole = 0x02 | 0x01 // FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE
	_ = syscall.Fallocate(int(s.f.Fd()), punchHole, off, int64(n))
}
