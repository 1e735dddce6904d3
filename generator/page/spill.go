package page

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sync"
)

// spill holds the rendered bodies of pages on disk between parsing and
// rendering, so that a build of a large site does not keep every page's
// HTML in memory: each parse worker appends to its own file, and the
// renderers read a page's bytes back when they need them. The files sit
// where the build works (beside the output folder, or inside it for a
// mount point: see write.WorkDir) and are removed when the build ends.
type spill struct {
	f   *os.File
	w   *bufio.Writer
	off int64
}

// spillRef is where one page's body, reference list and schema.org data
// were spilled.
type spillRef struct {
	s                  *spill
	off                int64
	body, refs, jsonld int
}

// Spills makes and tracks the spill files of one build. It is safe for
// concurrent use.
type Spills struct {
	dir, prefix string
	mu          sync.Mutex
	all         []*spill
}

// NewSpills returns the spill files of a build that works in the folder
// dir, naming its files with prefix (see write.WorkDir).
func NewSpills(dir, prefix string) *Spills {
	return &Spills{dir: dir, prefix: prefix + "spill-"}
}

// new makes a spill file for one worker.
func (ss *Spills) new() (*spill, error) {
	if err := os.MkdirAll(ss.dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(ss.dir, ss.prefix+"*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for the build in %s: %w", ss.dir, err)
	}
	s := &spill{f: f, w: bufio.NewWriterSize(f, 256<<10)}
	ss.mu.Lock()
	ss.all = append(ss.all, s)
	ss.mu.Unlock()
	return s, nil
}

// put appends a page's body, reference list and schema.org data.
func (s *spill) put(body, refs, jsonld []byte) (spillRef, error) {
	r := spillRef{s: s, off: s.off, body: len(body), refs: len(refs), jsonld: len(jsonld)}
	for _, b := range [][]byte{body, refs, jsonld} {
		if _, err := s.w.Write(b); err != nil {
			return r, err
		}
	}
	s.off += int64(len(body) + len(refs) + len(jsonld))
	return r, nil
}

// Flush makes everything put so far readable.
func (ss *Spills) Flush() error {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for _, s := range ss.all {
		if err := s.w.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// Remove closes and deletes the spill files.
func (ss *Spills) Remove() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for _, s := range ss.all {
		s.f.Close()
		os.Remove(s.f.Name())
	}
	ss.all = nil
}

// read returns the page's body, reference list and schema.org data, read
// into scratch (a buffer the caller reuses): they are valid until scratch
// is next used. Nothing is allocated for them, and with the default theme
// they are never copied into a string (see pageView.body): at 100,000
// pages, that copy into memory not touched for seconds was 0.7 s of CPU
// time. Safe for concurrent use once the Spills are flushed.
//
// A page is read once, so read then gives back the disk space its bytes
// took (see spill.free), for the output written meanwhile: at 100,000
// pages, the most disk (or, in a RAM-backed folder, memory) the build took
// beside the finished site fell from 960 MB to 380 MB. What stays are the
// blocks that pages share with their neighbours.
func (r spillRef) read(scratch *bytes.Buffer) (body, refs, jsonld []byte, err error) {
	n := r.body + r.refs + r.jsonld
	scratch.Reset()
	scratch.Grow(n)
	b := scratch.AvailableBuffer()[:n]
	if _, err := r.s.f.ReadAt(b, r.off); err != nil {
		return nil, nil, nil, err
	}
	r.s.free(r.off, n)
	refsEnd := r.body + r.refs
	return b[:r.body:r.body], b[r.body:refsEnd:refsEnd], b[refsEnd:], nil
}
