package generator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"pamphlet/generator/diag"
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
	CheckWarn   int       `json:"check_warnings"`
	Overdue     int       `json:"overdue"`
	CheckPages  int       `json:"check_pages"`
	CheckedOn   string    `json:"checked_on"`
}

const manifestFormat = 1

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
	marker, err := os.ReadFile(filepath.Join(out, outputMarker))
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
func inputDigest(ctx context.Context, opts Options, extra []string, known map[string][32]byte) (string, error) {
	files, err := inputFiles(opts, extra)
	if err != nil {
		return "", err
	}
	sums, err := hashFiles(ctx, opts, files, known, nil)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "pamphlet build %d\nbase-url %q\ndrafts %v\n", manifestFormat, opts.BaseURL, opts.Drafts)
	if opts.Theme != nil {
		_ = fs.WalkDir(opts.Theme, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasPrefix(p, TemplatesDir+"/") || strings.HasPrefix(p, StaticDir+"/")) {
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
	return hex.EncodeToString(h.Sum(nil)), nil
}

// inputFile is one file a build depends on: its name in the digest (the
// site-relative path, "program", or "extra:" and a bibliography's path)
// and where to read it.
type inputFile struct{ name, path string }

// inputFiles lists the files inputDigest hashes, by name.
func inputFiles(opts Options, extra []string) ([]inputFile, error) {
	var files []inputFile
	if exe, err := os.Executable(); err == nil {
		files = append(files, inputFile{"program", exe})
	}
	files = append(files, inputFile{ConfigFile, filepath.Join(opts.Site, ConfigFile)})
	for _, dir := range []string{ContentDir, TemplatesDir, StaticDir} {
		root := filepath.Join(opts.Site, dir)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) && p == root {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if fi, err := os.Stat(p); err == nil && fi.IsDir() {
					return nil // links to folders are not followed by the build either
				}
			}
			rel, _ := filepath.Rel(opts.Site, p)
			files = append(files, inputFile{filepath.ToSlash(rel), p})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, e := range extra {
		files = append(files, inputFile{"extra:" + e, filepath.Join(opts.Site, filepath.FromSlash(e))})
	}
	slices.SortFunc(files, func(a, b inputFile) int { return strings.Compare(a.name, b.name) })
	return files, nil
}

// hashFiles returns the SHA-256 of each file by name, taken from known
// when it is there and read otherwise, in parallel. Files that skip names
// are left out. A file that does not exist hashes as empty.
func hashFiles(ctx context.Context, opts Options, files []inputFile, known map[string][32]byte, skip func(name string) bool) (map[string][32]byte, error) {
	sums := make([][32]byte, len(files))
	use := make([]bool, len(files))
	err := parallel(ctx, max(2, opts.Workers), len(files), func() struct{} { return struct{}{} }, func(_ struct{}, i int) error {
		f := files[i]
		if skip != nil && skip(f.name) {
			return nil
		}
		use[i] = true
		if sum, ok := known[f.name]; ok {
			sums[i] = sum
			return nil
		}
		b, err := os.ReadFile(f.path)
		if err != nil && !os.IsNotExist(err) {
			return err
		}
		sums[i] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string][32]byte, len(files))
	for i, f := range files {
		if use[i] {
			out[f.name] = sums[i]
		}
	}
	return out, nil
}

// hashAllButPages hashes every input but the pages of content/, which the
// build hashes as it parses them (see Build): a build with no manifest to
// compare with reads each page once, and every other file is hashed before
// the build reads it, so a file changed during the build is never taken
// as built.
func hashAllButPages(ctx context.Context, opts Options) map[string][32]byte {
	files, err := inputFiles(opts, configBibliographies(opts))
	if err != nil {
		return nil
	}
	sums, _ := hashFiles(ctx, opts, files, nil, func(name string) bool {
		return strings.HasPrefix(name, ContentDir+"/") && strings.HasSuffix(name, ".md")
	})
	return sums
}

// configBibliographies returns the bibliography files site.yaml names, if
// it can be read.
func configBibliographies(opts Options) []string {
	cfg, diags := LoadConfig(opts.Site, opts.BaseURL)
	if cfg == nil || diags.HasErrors() {
		return nil
	}
	return cfg.Bibliography
}

// upToDate reports whether out holds a build of exactly these inputs.
func upToDate(ctx context.Context, opts Options, m *manifest) (string, bool) {
	d, err := inputDigest(ctx, opts, configBibliographies(opts), nil)
	if err != nil {
		return "", false
	}
	return d, m != nil && d == m.Digest
}
