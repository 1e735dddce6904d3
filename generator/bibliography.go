package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"pamphlet/generator/cite"
	"pamphlet/generator/cite/csl"
	"pamphlet/generator/diag"
	"pamphlet/generator/site"
)

// bibliographies holds the site's bibliography and the style that formats
// it, and reads the extra files that pages name in their front matter, each
// once however many pages name it. It is safe for concurrent use.
type bibliographies struct {
	root  string
	style *cite.Style
	site  *cite.Bibliography

	mu    sync.Mutex
	files map[string]*bibFile // by site-relative path
}

type bibFile struct {
	once    sync.Once
	entries []cite.Entry
	diags   diag.List
	missing bool
}

// loadBibliographies reads content/references.bib and references.json
// (when present) and the files site.yaml lists, and picks the style.
func loadBibliographies(root string, cfg *site.Config) (*bibliographies, diag.List) {
	b := &bibliographies{root: root, files: map[string]*bibFile{}}
	var diags diag.List
	b.style, diags = loadStyle(root, cfg)
	var sets [][]cite.Entry
	for _, name := range cite.DefaultFiles {
		p := ContentDir + "/" + name
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
	return b, diags
}

// file reads and parses a site-relative bibliography file, once.
func (b *bibliographies) file(rel string) *bibFile {
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

// forPage returns the bibliography a page cites from: the site's, with the
// files of the page's own bibliography: key on top (paths relative to the
// page). Problems in those files are reported on the page that names them.
func (b *bibliographies) forPage(p *Page, line int) (*cite.Bibliography, diag.List) {
	if len(p.Front.Bibliography) == 0 {
		return b.site, nil
	}
	var diags diag.List
	var sets [][]cite.Entry
	for _, name := range p.Front.Bibliography {
		rel := path.Clean(path.Join(path.Dir(p.Path), name))
		if !strings.HasPrefix(rel, ContentDir+"/") {
			diags.Errorf(p.Path, line, 0, "bibliography file %q is outside the content folder: put it in content/, or list it in site.yaml's bibliography:", name)
			continue
		}
		f := b.file(rel)
		if f.missing {
			diags.Errorf(p.Path, line, 0, "bibliography file %q does not exist: give its path relative to this page, e.g. bibliography: extra.bib", name)
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

// uncitedListed is how many entries that no page cites are warned about
// one by one, in each bibliography file, before the rest are summed up in
// one warning (all of them with Options.Verbose).
const uncitedListed = 5

// checkBibliography reports the site's entries that no page cites, and the
// fields the style needs that a cited entry lacks (or any entry, when
// verbose). A large bibliography of which a site cites a few is common
// (a clinic's whole reference library): its uncited entries are summed
// up per file, unless verbose.
func (s *Site) checkBibliography(b *bibliographies, verbose bool) {
	cited := map[string]bool{}
	for _, p := range s.Pages {
		if p.Cited == nil {
			continue
		}
		for _, l := range p.Cited.List {
			cited[l.Entry.ID] = true
		}
	}
	uncited := map[string][]*cite.Entry{} // by file, in file order
	var files []string
	for _, e := range b.site.Entries() {
		if !cited[e.ID] {
			if uncited[e.File] == nil {
				files = append(files, e.File)
			}
			uncited[e.File] = append(uncited[e.File], e)
			if !verbose {
				continue
			}
		}
		if missing := b.style.Missing(e); len(missing) > 0 {
			s.Diags.Warnf(e.File, e.Line, 0, "entry %q has no %s, which its citation style (%s) shows: add it if you can, or the reference will be shown without it", e.ID, strings.Join(missing, " or "), b.style.Title)
		}
	}
	for _, f := range files {
		list := uncited[f]
		shown := list
		if !verbose && len(list) > uncitedListed {
			shown = list[:uncitedListed-1]
		}
		for _, e := range shown {
			s.Diags.Warnf(e.File, e.Line, 0, "no page cites %q: cite it with [@%s], or remove it from the bibliography", e.ID, e.ID)
		}
		if rest := list[len(shown):]; len(rest) > 0 {
			keys := make([]string, 0, 3)
			for _, e := range rest[:min(3, len(rest))] {
				keys = append(keys, strconv.Quote(e.ID))
			}
			more := ""
			if len(rest) > len(keys) {
				more = fmt.Sprintf(" and %d more", len(rest)-len(keys))
			}
			s.Diags.Warnf(f, rest[0].Line, 0, "%d more entries in this file are cited by no page (%s%s): cite them, or remove them; pamphlet check --verbose lists each one", len(rest), strings.Join(keys, ", "), more)
		}
	}
}

// siteReference is one work on the site-wide references page.
type siteReference struct {
	ID      string
	HTML    string
	CitedOn []*Page
}

// siteReferences lists every work cited anywhere on the site once, in the
// style's bibliography order, with the pages that cite it: the works are
// formatted as one document that cites each once, in the order of first
// citation over the pages (which is the order of numeric styles).
func (s *Site) siteReferences(b *bibliographies) []siteReference {
	byKey := map[string]*siteReference{}
	var entries []*cite.Entry
	for _, p := range s.Pages {
		if p.Cited == nil {
			continue
		}
		for _, l := range p.Cited.List {
			r, ok := byKey[l.Entry.ID]
			if !ok {
				r = &siteReference{ID: cite.Anchor(l.Entry.ID)}
				byKey[l.Entry.ID] = r
				entries = append(entries, l.Entry)
			}
			r.CitedOn = append(r.CitedOn, p)
		}
	}
	// A page's own bibliography file may define entries the site's does
	// not: they are formatted with a bibliography that holds them all.
	bib := b.site
	var extra [][]cite.Entry
	for _, e := range entries {
		if b.site.Lookup(e.ID) != e {
			extra = append(extra, []cite.Entry{*e})
		}
	}
	if len(extra) > 0 {
		bib, _ = cite.NewBibliography(nil, append([][]cite.Entry{entryValues(b.site.Entries())}, extra...)...)
	}
	list, err := cite.FormatAll(bib, b.style, entries)
	if err != nil {
		s.Diags.Errorf(site.ConfigFile, 0, 0, "the citation style %s could not format the site-wide reference list: %v", b.style.Name, err)
		return nil
	}
	out := make([]siteReference, 0, len(list))
	for _, l := range list {
		r := byKey[l.Entry.ID]
		r.HTML = l.HTML
		out = append(out, *r)
	}
	return out
}

// entryValues copies entries into a slice of values, for NewBibliography.
func entryValues(es []*cite.Entry) []cite.Entry {
	out := make([]cite.Entry, len(es))
	for i, e := range es {
		out[i] = *e
	}
	return out
}

// loadStyle loads the citation style site.yaml names: a built-in one, or a
// .csl file in the site. A style that cannot be loaded is an error (at
// site.yaml's line for a missing file, at the .csl file's line for a
// style that is not valid CSL), and the default style is used so that the
// rest of the site is still checked.
func loadStyle(root string, cfg *site.Config) (*cite.Style, diag.List) {
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
