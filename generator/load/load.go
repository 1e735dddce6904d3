package load

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"

	"pamphlet/generator/diag"
	"pamphlet/generator/site"
	"pamphlet/internal/gcbudget"
)

// Source is one Markdown page as read from disk, before parsing.
type Source struct {
	Path string // site-relative, slash-separated: "content/therapy/x.md"
	Rel  string // content-relative: "therapy/x.md"
	Abs  string // where to read it from, when Data is nil
	Data []byte // UTF-8, without a byte-order mark, with \n line ends
}

// read fills in Data from Abs, checked and cleaned (see site.CleanText), unless
// it is there already.
func (s *Source) Read() *diag.Diagnostic { return s.ReadSum(nil, nil) }

// readSum is read that also puts the SHA-256 of the file's bytes, as read,
// in sum when sum is not nil, for the build's input digest. With buf, the
// file is read into *buf, which grows as needed: Data is then valid only
// until buf is used again, which suits a parse worker, since a parsed Page
// keeps no bytes of its source (TestParseKeepsNoSource). Reading each page
// into new memory was a twelfth of what a build allocated.
func (s *Source) ReadSum(sum *[32]byte, buf *[]byte) *diag.Diagnostic {
	if s.Data != nil {
		return nil
	}
	var data []byte
	var err error
	if buf != nil {
		data, err = site.ReadFileInto(s.Abs, (*buf)[:0])
		*buf = data
	} else {
		data, err = site.ReadRegular(s.Abs)
	}
	if err != nil {
		d := diag.Errorf(s.Path, 0, 0, "cannot read this file: %v; check that it exists and that you may read it", diag.Cause(err))
		return &d
	}
	if sum != nil {
		*sum = sha256.Sum256(data)
	}
	data, d := site.CleanText(s.Path, data)
	if d != nil {
		return d
	}
	s.Data = data
	return nil
}

// Asset is a file copied into the site as it is: an image or PDF beside the
// pages, or a file of static/.
type Asset struct {
	Rel string // the path under the output folder: "therapy/diagram.png"
	Abs string // where to read it from, or "" when it comes from FS
	FS  fs.FS  // the embedded theme, for default static files
	// Path is the site-relative source path, for diagnostics.
	Path string
}

// Inputs is everything the load stage read from a site.
type Inputs struct {
	Pages  []Source
	Assets []Asset         // files beside the pages in content/
	Static []Asset         // static/ of the site over that of the theme
	Files  map[string]bool // every content-relative file name, pages and assets
}

// IsBibliography reports whether a content file is a bibliography, read by
// the build but not published.
func IsBibliography(name string) bool {
	switch path.Ext(name) {
	case ".bib", ".bibtex":
		return true
	}
	return name == "references.json" || strings.HasSuffix(name, ".csl.json")
}

// Load reads a site's content folder: every page, every file beside the
// pages, and the static files of the site over those of the theme. It
// reports problems for each file and goes on, so one run lists them all.
func Load(root string, theme fs.FS) (*Inputs, diag.List) {
	var diags diag.List
	in := &Inputs{Files: map[string]bool{}}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		diags.Errorf("", 0, 0, "cannot open the site folder %s: %v", root, err)
		return in, diags
	}
	contentDir := filepath.Join(root, site.ContentDir)
	if fi, err := os.Stat(contentDir); err != nil || !fi.IsDir() {
		diags.Errorf(site.ContentDir, 0, 0, "the site has no content folder: make a folder named content beside site.yaml and put the pages (.md files) in it")
		return in, diags
	}
	Walk(root, realRoot, site.ContentDir, &diags, func(rel, abs string) {
		sitePath := site.ContentDir + "/" + rel
		in.Files[rel] = true
		switch {
		case strings.HasSuffix(rel, ".md"):
			// Read later, by the parse workers, in parallel.
			in.Pages = append(in.Pages, Source{Path: sitePath, Rel: rel, Abs: abs})
			if len(in.Pages)%gcbudget.Recheck == 0 {
				// The list of a large site's files is itself tens of
				// megabytes: let the collector's budget grow with it.
				gcbudget.Pages(len(in.Pages))
			}
		case IsBibliography(path.Base(rel)):
			// Read by the bibliography stage, never published.
		default:
			in.Assets = append(in.Assets, Asset{Rel: rel, Abs: abs, Path: sitePath})
		}
	})
	static, d := LoadStatic(root, theme)
	in.Static = static
	diags.Add(d...)
	slices.SortFunc(in.Pages, func(a, b Source) int { return strings.Compare(a.Rel, b.Rel) })
	return in, diags
}

// LoadStatic lists the static files: the theme's, then the site's, which
// replace the theme's of the same name.
func LoadStatic(root string, theme fs.FS) ([]Asset, diag.List) {
	var diags diag.List
	static := map[string]Asset{}
	if theme != nil {
		_ = fs.WalkDir(theme, site.StaticDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || site.IsIgnored(d.Name()) {
				return nil
			}
			rel := strings.TrimPrefix(p, site.StaticDir+"/")
			static[rel] = Asset{Rel: rel, FS: theme, Abs: p, Path: p}
			return nil
		})
	}
	if fi, err := os.Stat(filepath.Join(root, site.StaticDir)); err == nil && fi.IsDir() {
		realRoot, _ := filepath.EvalSymlinks(root)
		Walk(root, realRoot, site.StaticDir, &diags, func(rel, abs string) {
			static[rel] = Asset{Rel: rel, Abs: abs, Path: site.StaticDir + "/" + rel}
		})
	}
	out := make([]Asset, 0, len(static))
	for _, a := range static {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Rel < out[j].Rel })
	return out, diags
}

// Walk calls fn for every regular file under root/dir (not hidden, not an
// editor's temporary file) with its dir-relative slash path. A symbolic
// link is followed only when it points to a file inside the site; links
// that lead out of the site are errors, links to folders are warnings.
func Walk(root, realRoot, dir string, diags *diag.List, fn func(rel, abs string)) {
	base := filepath.Join(root, dir)
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		relOS, _ := filepath.Rel(base, p)
		rel := filepath.ToSlash(relOS)
		sitePath := dir + "/" + rel
		if err != nil {
			diags.Errorf(sitePath, 0, 0, "cannot read this folder: %v; check its permissions", diag.Cause(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == base {
			return nil
		}
		if site.IsIgnored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if target, ok := CheckFile(realRoot, p, sitePath, d.Type(), diags); ok {
			fn(rel, target)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(dir, 0, 0, "cannot read the %s folder: %v", dir, err)
	}
}

// CheckFile applies the rules for one file found in the site: a symbolic
// link is followed only to a regular file inside the site that is neither
// hidden (nor inside a hidden folder) nor the site's settings; other
// special files are left out. It returns the path to read and whether to
// use the file.
func CheckFile(realRoot, p, sitePath string, mode fs.FileMode, diags *diag.List) (string, bool) {
	if mode&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			if isLinkLoop(err) {
				diags.Errorf(sitePath, 0, 0, "this link leads round in a loop (it points, through other links, back to itself): remove it, or point it at a file")
			} else {
				diags.Errorf(sitePath, 0, 0, "this is a link to a file that does not exist: remove the link or put the file back")
			}
			return "", false
		}
		if !site.Within(realRoot, target) {
			diags.Errorf(sitePath, 0, 0, "this is a link to %s, which is outside the site: Pamphlet does not publish files from outside the site folder; copy the file into the site instead", target)
			return "", false
		}
		if rel, _ := filepath.Rel(realRoot, target); isPrivate(filepath.ToSlash(rel)) {
			diags.Errorf(sitePath, 0, 0, "this is a link to %s, a hidden file or the site's settings, which are never published: remove the link", filepath.ToSlash(rel))
			return "", false
		}
		fi, err := os.Stat(target)
		if err != nil {
			diags.Errorf(sitePath, 0, 0, "cannot read this link: %v", diag.Cause(err))
			return "", false
		}
		if fi.IsDir() {
			diags.Warnf(sitePath, 0, 0, "this is a link to a folder, which Pamphlet does not follow: move or copy the folder here instead")
			return "", false
		}
		if !fi.Mode().IsRegular() {
			diags.Warnf(sitePath, 0, 0, "this is a link to something that is not a regular file (a named pipe or a device), and is left out")
			return "", false
		}
		return target, true
	}
	if !mode.IsRegular() {
		diags.Warnf(sitePath, 0, 0, "this is not a regular file (it may be a named pipe or a device) and is left out")
		return "", false
	}
	return p, true
}

// isPrivate reports whether a site-relative path is one that is never
// published however it is reached: the site's settings, or a hidden file
// or a file in a hidden folder (.env, .git/config).
func isPrivate(rel string) bool {
	if rel == site.ConfigFile {
		return true
	}
	for _, seg := range strings.Split(rel, "/") {
		if strings.HasPrefix(seg, ".") && seg != "." && seg != ".." {
			return true
		}
	}
	return false
}

// isLinkLoop reports whether resolving a link failed because links lead
// round in a loop.
func isLinkLoop(err error) bool {
	return errors.Is(err, syscall.ELOOP) || strings.Contains(err.Error(), "too many links")
}

// OpenAsset opens an asset for reading: a regular file of the site, or a
// file of the embedded theme.
func OpenAsset(a Asset) (io.ReadCloser, error) {
	if a.FS != nil {
		return a.FS.Open(a.Abs)
	}
	f, err := site.OpenRegular(a.Abs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Path, diag.Cause(err))
	}
	return f, nil
}

// ReadAsset returns the bytes of an asset.
func ReadAsset(a Asset) ([]byte, error) {
	if a.FS != nil {
		return fs.ReadFile(a.FS, a.Abs)
	}
	b, err := site.ReadRegular(a.Abs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Path, diag.Cause(err))
	}
	return b, nil
}
