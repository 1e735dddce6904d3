package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"pamphlet/generator/cite"
	"pamphlet/generator/cite/csl"
	"pamphlet/generator/diag"
	"pamphlet/generator/site"
)

// Bibliographies holds the site's bibliography and the style that formats
// it, and reads the extra files that pages name in their front matter, each
// once however many pages name it. It is safe for concurrent use.
type Bibliographies struct {
	root  string
	style *cite.Style
	site  *cite.Bibliography
	// styles is the style in each of the site's other languages.
	styles map[string]*cite.Style

	mu    sync.Mutex
	files map[string]*bibFile // by site-relative path
}

type bibFile struct {
	once    sync.Once
	entries []cite.Entry
	diags   diag.List
	missing bool
}

// LoadBibliographies reads content/references.bib and references.json
// (when present) and the files site.yaml lists, and picks the style.
func LoadBibliographies(root string, cfg *site.Config) (*Bibliographies, diag.List) {
	style, diags := LoadStyle(root, cfg)
	b := NewBibliographies(root, style, nil)
	var sets [][]cite.Entry
	for _, name := range cite.DefaultFiles {
		p := site.ContentDir + "/" + name
		f := b.file(p)
		if f.missing {
			continue
		}
		sets = append(sets, f.entries)
		diags.Add(f.diags...)
	}
	for i, p := range cfg.Bibliography {
		clean := path.Clean(filepath.ToSlash(p))
		f := b.file(clean)
		if f.missing {
			diags.Errorf(site.ConfigFile, cfg.Line(fmt.Sprintf("bibliography[%d]", i+1)), 0, "bibliography file %s does not exist: bibliography paths are relative to the site folder, e.g. content/extra.bib", p)
			continue
		}
		sets = append(sets, f.entries)
		diags.Add(f.diags...)
	}
	site, d := cite.NewBibliography(nil, sets...)
	diags.Add(d...)
	b.site = site
	for _, l := range cfg.Languages()[1:] {
		b.styles[l.Tag] = style.In(l.Tag)
	}
	return b, diags
}

// NewBibliographies returns the bibliographies of the site in root, formatted
// in style, with the site's own entries in siteBib; the files pages name are
// read from root when asked for.
func NewBibliographies(root string, style *cite.Style, siteBib *cite.Bibliography) *Bibliographies {
	return &Bibliographies{root: root, style: style, site: siteBib, files: map[string]*bibFile{}, styles: map[string]*cite.Style{}}
}

// Site returns the site's bibliography: the default files and those
// site.yaml lists.
func (b *Bibliographies) Site() *cite.Bibliography { return b.site }

// Style returns the citation style that formats every reference.
func (b *Bibliographies) Style() *cite.Style { return b.style }

// StyleIn returns the citation style as it formats pages in the site's
// language tag (see cite.Style.In): the same style, with that language's
// CSL locale.
func (b *Bibliographies) StyleIn(tag string) *cite.Style {
	if s, ok := b.styles[tag]; ok {
		return s
	}
	return b.style
}

// Read reports whether the bibliography file at the site path rel was
// read (or looked for), by the site or for a page.
func (b *Bibliographies) Read(rel string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, ok := b.files[rel]
	return ok
}

// file reads and parses a site-relative bibliography file, once.
func (b *Bibliographies) file(rel string) *bibFile {
	b.mu.Lock()
	f, ok := b.files[rel]
	if !ok {
		f = &bibFile{}
		b.files[rel] = f
	}
	b.mu.Unlock()
	f.once.Do(func() {
		if rel == ".." || strings.HasPrefix(rel, "../") || path.IsAbs(rel) {
			f.missing = true
			return
		}
		src, err := site.ReadRegular(filepath.Join(b.root, filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			f.missing = true
			return
		}
		if err != nil {
			f.diags.Errorf(rel, 0, 0, "cannot read this bibliography: %v", diag.Cause(err))
			return
		}
		src, d := site.CleanText(rel, src)
		if d != nil {
			f.diags.Add(*d)
			return
		}
		f.entries, f.diags = cite.Parse(rel, src)
	})
	return f
}

// ForPage returns the bibliography a page cites from: the site's, with
// the files of the page's own bibliography: key on top (names, relative to
// the page, at the site path page). Problems in those files are reported
// on the page that names them, at line.
func (b *Bibliographies) ForPage(page string, names []string, line int) (*cite.Bibliography, diag.List) {
	if len(names) == 0 {
		return b.site, nil
	}
	var diags diag.List
	var sets [][]cite.Entry
	for _, name := range names {
		rel := path.Clean(path.Join(path.Dir(page), name))
		if !strings.HasPrefix(rel, site.ContentDir+"/") {
			diags.Errorf(page, line, 0, "bibliography file %q is outside the content folder: put it in content/, or list it in site.yaml's bibliography:", name)
			continue
		}
		f := b.file(rel)
		if f.missing {
			diags.Errorf(page, line, 0, "bibliography file %q does not exist: give its path relative to this page, e.g. bibliography: extra.bib", name)
			continue
		}
		if len(f.diags) > 0 {
			diags.Add(f.diags...)
		}
		sets = append(sets, f.entries)
	}
	bib, d := cite.NewBibliography(b.site, sets...)
	diags.Add(d...)
	return bib, diags
}

// LoadStyle loads the citation style site.yaml names: a built-in one, or a
// .csl file in the site. A style that cannot be loaded is an error (at
// site.yaml's line for a missing file, at the .csl file's line for a
// style that is not valid CSL), and the default style is used so that the
// rest of the site is still checked.
func LoadStyle(root string, cfg *site.Config) (*cite.Style, diag.List) {
	var diags diag.List
	name := strings.TrimSpace(cfg.CitationStyle)
	if rel := cfg.StyleFile(); rel != "" {
		outside := rel == ".." || strings.HasPrefix(rel, "../") || path.IsAbs(rel)
		var src []byte
		var err error
		if !outside {
			src, err = site.ReadRegular(filepath.Join(root, filepath.FromSlash(rel)))
		}
		switch {
		case outside:
			diags.Errorf(site.ConfigFile, cfg.Line("citation_style"), cfg.Col("citation_style"), "citation_style %q is outside the site folder: copy the .csl file into the site and give its path from the site folder, e.g. styles/my-clinic.csl", name)
		case errors.Is(err, fs.ErrNotExist):
			diags.Errorf(site.ConfigFile, cfg.Line("citation_style"), cfg.Col("citation_style"), "citation_style %q: there is no such file; give the path of a .csl file from the site folder, e.g. styles/my-clinic.csl, or a built-in style (%s)", name, strings.Join(cite.StyleNames(), ", "))
		case err != nil:
			diags.Errorf(rel, 0, 0, "cannot read this citation style: %v", diag.Cause(err))
		default:
			st, err := cite.LoadStyle(rel, rel, src, cfg.Language)
			if err == nil {
				return st, nil
			}
			var pe *csl.ParseError
			if errors.As(err, &pe) {
				diags.Errorf(rel, pe.Line, 0, "this is not a citation style Pamphlet can use: %s; fix the file (see https://docs.citationstyles.org/en/stable/specification.html), or use a built-in style", pe.Msg)
			} else {
				diags.Errorf(rel, 0, 0, "this is not a citation style Pamphlet can use: %v", err)
			}
		}
		name = ""
	}
	st, err := cite.LoadBuiltin(name, cfg.Language)
	if err != nil {
		// site.ParseConfig reported an unknown name; the default is embedded.
		st, err = cite.LoadBuiltin("", cfg.Language)
		if err != nil {
			panic(err) // the embedded default style is broken: a bug in Pamphlet's build
		}
	}
	return st, diags
}
