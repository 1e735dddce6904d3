package generator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"pamphlet/generator/diag"
	"pamphlet/generator/load"
	"pamphlet/generator/site"
	"pamphlet/generator/write"
	"pamphlet/internal/parallel"
)

// manifest is what a build records beside the output folder (never in it,
// so it is not published), so that the next build can see that nothing it
// is made from has changed and stop there: the digest of every input, the
// build that the output folder holds, and what the build reported.
type manifest struct {
	Format      int       `json:"format"`
	Digest      string    `json:"digest"`
	Build       string    `json:"build"` // the id in the output folder's marker file
	Pages       int       `json:"pages"`
	Files       int       `json:"files"`
	Diagnostics diag.List `json:"diagnostics"`
	CheckErrors int       `json:"check_errors"`
	// CheckErrorList is the check's errors, which build prints again
	// when nothing changed.
	CheckErrorList diag.List `json:"check_error_list"`
	CheckWarn      int       `json:"check_warnings"`
	Overdue        int       `json:"overdue"`
	CheckPages     int       `json:"check_pages"`
	CheckedOn      string    `json:"checked_on"`
	// Started is when the build began (Unix nanoseconds), and Inputs
	// each file it was built from with its size, time and hash: the next
	// build hashes again only the files whose size or time differ, or
	// that were changed after this build began (see statCache).
	Started int64         `json:"started"`
	Inputs  []inputRecord `json:"inputs"`
	// Outputs lists every file the build wrote, so that the next build
	// can tell that the output folder still holds them as written, and
	// which files in it someone else put there.
	Outputs []write.Record `json:"outputs"`
}

// inputRecord is one file a build was made from: its name in the digest
// (see inputFile), size, modification time in nanoseconds and SHA-256.
type inputRecord struct {
	Name string  `json:"n"`
	Size int64   `json:"s"`
	Mod  int64   `json:"m"`
	Sum  fileSum `json:"h"`
}

// fileSum is a SHA-256, written in the manifest in hexadecimal.
type fileSum [32]byte

// MarshalText implements encoding.TextMarshaler.
func (s fileSum) MarshalText() ([]byte, error) { return []byte(hex.EncodeToString(s[:])), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *fileSum) UnmarshalText(b []byte) error {
	if hex.DecodedLen(len(b)) != len(s) {
		return fmt.Errorf("a file's hash has %d characters, not %d", len(b), hex.EncodedLen(len(s)))
	}
	_, err := hex.Decode(s[:], b)
	return err
}

// statCache lets hashFiles take a file's hash from the last build's
// manifest when the file's size and modification time are those recorded
// and that time is before the last build began. A file written during that
// build (or since, in the same clock tick as it began) is hashed again,
// as git does with its index, so an edit that keeps a file's size and time
// is still seen unless the clock stood still for it.
type statCache struct {
	byName map[string]inputRecord
	since  int64
}

// newStatCache returns the cache of a manifest, or nil without one.
func newStatCache(m *manifest) *statCache {
	if m == nil || len(m.Inputs) == 0 {
		return nil
	}
	c := &statCache{byName: make(map[string]inputRecord, len(m.Inputs)), since: m.Started}
	for _, r := range m.Inputs {
		c.byName[r.Name] = r
	}
	return c
}

// lookup returns the recorded hash of a file whose size and time are rec's.
func (c *statCache) lookup(rec inputRecord) (fileSum, bool) {
	if c == nil {
		return fileSum{}, false
	}
	r, ok := c.byName[rec.Name]
	if !ok || r.Size != rec.Size || r.Mod != rec.Mod || rec.Mod >= c.since {
		return fileSum{}, false
	}
	return r.Sum, true
}

const manifestFormat = 4

// manifestPath is where the manifest of the output folder out is kept:
// beside it, as ".public.manifest.json".
func manifestPath(out string) string {
	abs, _ := filepath.Abs(out)
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".manifest.json")
}

// readManifest reads the manifest of the build that out holds, if there
// is one and out still holds that build (its marker names the build).
func readManifest(out string) (*manifest, bool) {
	b, err := os.ReadFile(manifestPath(out))
	if err != nil {
		return nil, false
	}
	var m manifest
	if json.Unmarshal(b, &m) != nil || m.Format != manifestFormat || m.Digest == "" || m.Build == "" {
		return nil, false
	}
	marker, err := os.ReadFile(filepath.Join(out, write.Marker))
	if err != nil || !strings.Contains(string(marker), "build "+m.Build+"\n") {
		return nil, false
	}
	return &m, true
}

// writeManifest records the manifest of the build now in out.
func writeManifest(out string, m *manifest) {
	b, _ := json.MarshalIndent(m, "", "  ")
	_ = os.WriteFile(manifestPath(out), append(b, '\n'), 0o644)
}

// inputDigest hashes everything a build's output depends on: the
// pamphlet program itself, the options, the theme, site.yaml, and the
// contents of every file under content/, templates/ and static/ and of the
// bibliographies site.yaml names. Files are read and hashed in parallel,
// except those whose SHA-256 known holds (by site-relative name). today is
// left out on purpose: no output file depends on it.
func inputDigest(ctx context.Context, opts Options, extra []string, known map[string][32]byte, cache *statCache) (string, []inputRecord, error) {
	files, walkDiags := inputFiles(opts, extra)
	sums, records, err := hashFiles(ctx, opts, files, known, nil, cache)
	if err != nil {
		return "", nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "pamphlet build %d\nbase-url %q\ndrafts %v\n", manifestFormat, opts.BaseURL, opts.Drafts)
	if opts.Theme != nil {
		_ = fs.WalkDir(opts.Theme, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasPrefix(p, site.TemplatesDir+"/") || strings.HasPrefix(p, site.StaticDir+"/")) {
				b, _ := fs.ReadFile(opts.Theme, p)
				s := sha256.Sum256(b)
				fmt.Fprintf(h, "theme %s %x\n", p, s)
			}
			return nil
		})
	}
	for _, f := range files {
		fmt.Fprintf(h, "%s %x\n", f.name, sums[f.name])
	}
	for _, d := range walkDiags {
		fmt.Fprintf(h, "load.Walk %s\n", d)
	}
	return hex.EncodeToString(h.Sum(nil)), records, nil
}

// inputFile is one file a build depends on: its name in the digest (the
// site-relative path, "program", or "extra:" and a bibliography's path)
// and where to read it.
type inputFile struct{ name, path string }

// inputFiles lists the files inputDigest hashes, by name, found by the
// same walk as the build's (see load.Walk): a file the build would leave out
// (a special file, a link out of the site or to a hidden file) is never
// opened, and what the walk reports about such files is part of the
// digest, so a change that brings a new warning is not taken for no
// change at all.
func inputFiles(opts Options, extra []string) ([]inputFile, diag.List) {
	var files []inputFile
	var diags diag.List
	if exe, err := os.Executable(); err == nil {
		files = append(files, inputFile{"program", exe})
	}
	files = append(files, inputFile{site.ConfigFile, filepath.Join(opts.Site, site.ConfigFile)})
	realRoot, err := filepath.EvalSymlinks(opts.Site)
	if err != nil {
		realRoot = opts.Site
	}
	for _, dir := range site.Folders {
		if fi, err := os.Stat(filepath.Join(opts.Site, dir)); err != nil || !fi.IsDir() {
			continue
		}
		load.Walk(opts.Site, realRoot, dir, &diags, func(rel, abs string) {
			files = append(files, inputFile{dir + "/" + rel, abs})
		})
	}
	for _, e := range extra {
		files = append(files, inputFile{"extra:" + e, filepath.Join(opts.Site, filepath.FromSlash(e))})
	}
	slices.SortFunc(files, func(a, b inputFile) int { return strings.Compare(a.name, b.name) })
	return files, diags
}

// hashFiles returns the SHA-256 of each file by name, taken from known
// when it is there, from cache when the file's size and time allow (see
// statCache), and read otherwise, in parallel; and a record of each file
// with its size and time, for the next build's cache. Files that skip
// names are left out. A file that does not exist hashes as empty.
func hashFiles(ctx context.Context, opts Options, files []inputFile, known map[string][32]byte, skip func(name string) bool, cache *statCache) (map[string][32]byte, []inputRecord, error) {
	records := make([]inputRecord, len(files))
	use := make([]bool, len(files))
	err := parallel.Run(ctx, max(2, opts.Workers), len(files), func() []byte { return make([]byte, 64<<10) }, func(buf []byte, i int) error {
		f := files[i]
		if skip != nil && skip(f.name) {
			return nil
		}
		use[i] = true
		r := &records[i]
		r.Name = f.name
		if fi, err := os.Stat(f.path); err == nil {
			r.Size, r.Mod = fi.Size(), fi.ModTime().UnixNano()
		}
		if sum, ok := known[f.name]; ok {
			r.Sum = fileSum(sum)
			return nil
		}
		if sum, ok := cache.lookup(*r); ok {
			r.Sum = sum
			return nil
		}
		sum, err := hashFile(f.path, buf)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		r.Sum = fileSum(sum)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	out := make(map[string][32]byte, len(files))
	kept := records[:0]
	for i := range files {
		if use[i] {
			out[records[i].Name] = [32]byte(records[i].Sum)
			kept = append(kept, records[i])
		}
	}
	return out, kept, nil
}

// hashAllButPages hashes every input but the pages of content/, which the
// build hashes as it parses them (see Build): a build with no manifest to
// compare with reads each page once, and every other file is hashed before
// the build reads it, so a file changed during the build is never taken
// as built.
func hashAllButPages(ctx context.Context, opts Options) map[string][32]byte {
	files, _ := inputFiles(opts, configExtraFiles(opts))
	sums, _, _ := hashFiles(ctx, opts, files, nil, func(name string) bool {
		return strings.HasPrefix(name, site.ContentDir+"/") && strings.HasSuffix(name, ".md")
	}, nil)
	return sums
}

// configExtraFiles returns the files outside the site's folders that
// site.yaml names (site.Config.ExtraFiles), if it can be read.
func configExtraFiles(opts Options) []string {
	cfg, diags := site.LoadConfig(opts.Site, opts.BaseURL)
	if cfg == nil || diags.HasErrors() {
		return nil
	}
	return cfg.ExtraFiles()
}

// hashFile returns the SHA-256 of a regular file, read as a stream
// through buf (one per worker: io.Copy would make a new 32 KiB buffer for
// every file, a third of what a build with nothing changed allocated). A
// file that is not regular (a named pipe, a device) hashes as empty: it is
// never opened for reading, since reading one can block for ever.
func hashFile(name string, buf []byte) ([32]byte, error) {
	f, err := site.OpenRegular(name)
	if errors.Is(err, site.ErrNotRegular) {
		return sha256.Sum256(nil), nil
	}
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	h := sha256.New()
	// Only a Reader: as an io.WriterTo, *os.File would copy with a buffer
	// of its own.
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{f}, buf); err != nil {
		return [32]byte{}, err
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, nil
}

// upToDate reports whether out holds a build of exactly these inputs.
func upToDate(ctx context.Context, opts Options, m *manifest) (string, []inputRecord, bool) {
	d, records, err := inputDigest(ctx, opts, configExtraFiles(opts), nil, newStatCache(m))
	if err != nil {
		return "", nil, false
	}
	return d, records, m != nil && d == m.Digest
}
