package resolve

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"pamphlet/generator/diag"
	"pamphlet/generator/i18n"
	"pamphlet/generator/load"
	"pamphlet/generator/page"
	"pamphlet/generator/site"
	"pamphlet/internal/textdist"
)

// Site is the whole site once every page is parsed: the pages to publish,
// their sections and the links between them. Resolve makes it; after that
// it is read-only and safe for concurrent use by the renderers.
type Site struct {
	Config   *site.Config
	Pages    []*page.Page          // published pages (no drafts), sorted by source path
	ByRel    map[string]*page.Page // by content-relative source path
	ByURL    map[string]*page.Page // by site-relative URL
	Children map[string][]*page.Page
	Parent   map[*page.Page]*page.Page
	Drafts   map[string]*page.Page
	Diags    diag.List

	// ReferencesPage lists every work the site cites (References), with the
	// pages that cite it; nil when no page cites anything.
	ReferencesPage *page.Page
	References     []Reference
	// CitationStyle is the title of the citation style (from its
	// <info><title>), for the credit under the site-wide reference list.
	CitationStyle string

	// Place is each page's index among its parent's Children, so finding
	// a page's neighbours does not search a section of thousands.
	Place map[*page.Page]int

	// Translations holds, on a site of several languages, each page that
	// has a translation with its translations, by key (page.Page.Key),
	// in the order of site.yaml's languages.
	Translations map[string][]*page.Page
	// Words are the theme's words in the site's languages.
	Words *i18n.Catalog
}

// Strings returns the theme's words in the language tag.
func (s *Site) Strings(tag string) i18n.Strings { return s.Words.Strings(tag) }

// Citations is what the whole-site citation steps found: the
// site-wide list of references and the bibliography's warnings. The dev
// server keeps it while no page's citations, and no bibliography, change.
type Citations struct {
	refs  []Reference
	warns diag.List
}

// Options says how to resolve a site: Drafts publishes the pages marked
// draft; Verbose lists every entry that no page cites, where a build sums
// up more than a few.
type Options struct {
	Drafts, Verbose bool
	// Words are the theme's words in the site's languages, for the pages
	// Pamphlet makes itself (nil: the theme's own, with none of a site's).
	Words *i18n.Catalog
}

// Assemble is the resolve stage: it resolves the parsed pages into a Site
// (see Resolve), with the drafts' warnings, then takes the whole-site
// citation steps, or the ones given in cached when nothing they depend on
// changed, and says when there are no pages at all. The Site's Diags hold
// everything it found.
func Assemble(cfg *site.Config, pages []*page.Page, bibs *load.Bibliographies, reported diag.List, opts Options, cached *Citations) (*Site, *Citations) {
	s := Resolve(cfg, pages, opts, reported)
	for _, p := range pages {
		s.Diags.Add(draftDiagnostics(p, opts.Drafts)...)
	}
	if cached == nil {
		// Two passes over every citation, which only read the pages:
		// one beside the other.
		refs := make(chan []Reference, 1)
		go func() { refs <- s.siteReferences(bibs) }()
		n := len(s.Diags)
		s.checkBibliography(bibs, opts.Verbose)
		cached = &Citations{warns: slices.Clone(s.Diags[n:]), refs: <-refs}
	} else {
		s.Diags.Add(cached.warns...)
	}
	s.References = cached.refs
	s.CitationStyle = bibs.Style().Title
	if len(pages) == 0 {
		s.Diags.Errorf(site.ContentDir, 0, 0, "the content folder has no pages: add a Markdown file such as content/_index.md for the home page")
	}
	return s, cached
}

// Resolve puts parsed pages together into a Site: it drops drafts (unless
// withDrafts), makes the section pages that folders lack, orders each
// section, and checks what needs the whole site: two pages at one URL,
// links to missing pages, anchors and drafts, and the pages that site.yaml
// names. reported holds the errors already given for files of the site
// (one that cannot be read, a link that loops): a link to such a file is
// not reported again, so that the cause stands alone, not drowned among
// what follows from it.
func Resolve(cfg *site.Config, pages []*page.Page, opts Options, reported diag.List) *Site {
	withDrafts := opts.Drafts
	if opts.Words == nil {
		opts.Words = i18n.Theme(cfg.Tags())
	}
	s := &Site{
		Words:    opts.Words,
		Config:   cfg,
		ByRel:    make(map[string]*page.Page, len(pages)),
		ByURL:    make(map[string]*page.Page, len(pages)),
		Children: map[string][]*page.Page{},
		Parent:   make(map[*page.Page]*page.Page, len(pages)),
		Drafts:   map[string]*page.Page{},
	}
	for _, p := range pages {
		if p.Front.Draft && !withDrafts {
			s.Drafts[p.Rel] = p
			continue
		}
		s.Pages = append(s.Pages, p)
	}
	slices.SortFunc(s.Pages, func(a, b *page.Page) int { return cmp.Compare(a.Rel, b.Rel) })
	for _, p := range s.Pages {
		if other, ok := s.ByURL[p.URL]; ok {
			s.Diags.Errorf(p.Path, 0, 0, "this page and %s would both be published at /%s: rename one of them", other.Path, p.URL)
			continue
		}
		s.ByURL[p.URL] = p
		s.ByRel[p.Rel] = p
	}
	s.addReferencesPage()
	s.addMissingSections()
	s.order()
	s.linkTranslations()
	s.checkHandoutLanguages()
	broken := map[string]bool{}
	for _, d := range reported {
		if rel, ok := strings.CutPrefix(d.File, site.ContentDir+"/"); ok && d.Severity == diag.Error {
			broken[rel] = true
		}
	}
	for _, p := range s.Pages {
		s.checkLinks(p, broken)
	}
	s.checkConfigPages()
	return s
}

// addMissingSections makes a list page for every folder that has pages but
// no _index.md, and a home page when content/_index.md is missing, so that
// breadcrumbs and section lists always have somewhere to point.
func (s *Site) addMissingSections() {
	for _, p := range slices.Clone(s.Pages) {
		root := s.Config.Lang(p.Lang).Prefix()
		if p.URL == root {
			continue // a language's home page is in no section
		}
		for dir := site.ParentURL(p.URL); ; dir = site.ParentURL(dir) {
			if _, ok := s.ByURL[dir]; !ok {
				key := strings.TrimPrefix(dir, root) + "_index.md"
				if src := s.ByURL[strings.TrimPrefix(dir, root)]; src != nil && root != "" {
					key = src.Key // the section's own page may be index.md: translations share its key
				}
				sec := &page.Page{URL: dir, Kind: page.KindSection, Generated: true, Lang: p.Lang, Key: key}
				sec.Rel = s.Config.TranslationPaths(key, p.Lang)[0]
				sec.Path = site.ContentDir + "/" + sec.Rel
				if dir == root {
					in := s.Config.In(p.Lang)
					sec.Kind = page.KindHome
					sec.Front.Title = in.Title
					sec.Front.Description = in.Description
				} else {
					sec.Front.Title = humanise(path.Base(strings.TrimSuffix(dir, "/")))
					if src := s.ByURL[strings.TrimPrefix(dir, root)]; src != nil && root != "" && !src.Generated {
						sec.Front.Title = src.Title() // better a title in the default language than a folder's name
					}
				}
				s.ByURL[dir] = sec
				s.ByRel[sec.Rel] = sec
				s.Pages = append(s.Pages, sec)
			}
			if dir == root || dir == "" {
				break
			}
		}
	}
	slices.SortFunc(s.Pages, func(a, b *page.Page) int { return cmp.Compare(a.Rel, b.Rel) })
}

// addReferencesPage finds the site-wide references page (site.yaml's
// references_page, content/references.md by default), or makes one at
// /references/ when pages cite works and there is none.
func (s *Site) addReferencesPage() {
	rel := s.Config.ReferencesPage
	if rel == "" {
		rel = "references.md"
	}
	if p := s.Page(rel); p != nil {
		s.ReferencesPage = p
		return
	}
	// The site-wide list is in the default language; the words of its
	// title come from the theme's.
	if s.Config.ReferencesPage != "" {
		s.configPage("references_page", s.Config.ReferencesPage)
		return
	}
	cites := false
	for _, p := range s.Pages {
		cites = cites || (p.Cited != nil && len(p.Cited.List) > 0)
	}
	if !cites {
		return
	}
	p := &page.Page{Rel: rel, Path: site.ContentDir + "/" + rel, URL: s.Config.URLOf(rel), Kind: page.KindPage, Generated: true}
	p.Lang, p.Key = s.Config.LanguageOf(rel)
	words := s.Strings(p.Lang)
	p.Front.Title, p.Front.Description = words["references"], words["references_description"]
	if other, ok := s.ByURL[p.URL]; ok {
		s.Diags.Errorf(other.Path, 0, 0, "this page is published at /%s, where the site-wide references page goes: rename it, or set references_page in site.yaml", p.URL)
		return
	}
	s.ByURL[p.URL], s.ByRel[p.Rel] = p, p
	s.Pages = append(s.Pages, p)
	s.ReferencesPage = p
}

// humanise turns a folder name into a title: "getting-help" -> "Getting help".
func humanise(name string) string {
	name = strings.NewReplacer("-", " ", "_", " ").Replace(name)
	if name == "" {
		return name
	}
	r := []rune(name)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// order fills in Parent and Children, each section's children ordered by
// weight (pages without a weight last), then title, then path.
func (s *Site) order() {
	for _, p := range s.Pages {
		if p.Kind == page.KindHome {
			continue
		}
		parent := s.ByURL[site.ParentURL(p.URL)]
		s.Parent[p] = parent
		s.Children[parent.URL] = append(s.Children[parent.URL], p)
	}
	// Each section is sorted on keys made once, beside its pages: looking
	// titles up in a map at every comparison was most of the cost.
	type sortKey struct {
		p          *page.Page
		weight     int
		title, rel string // the title lower-cased
	}
	var keys []sortKey
	for _, kids := range s.Children {
		keys = keys[:0]
		for _, p := range kids {
			keys = append(keys, sortKey{p, p.Front.Weight, strings.ToLower(p.Title()), p.Rel})
		}
		slices.SortFunc(keys, func(a, b sortKey) int {
			wa, wb := a.weight, b.weight
			if (wa == 0) != (wb == 0) {
				if wa == 0 {
					return 1 // pages without a weight come after weighted ones
				}
				return -1
			}
			if c := cmp.Compare(wa, wb); c != 0 {
				return c
			}
			if c := cmp.Compare(a.title, b.title); c != 0 {
				return c
			}
			return cmp.Compare(a.rel, b.rel)
		})
		for i, k := range keys {
			kids[i] = k.p
		}
	}
	s.Place = make(map[*page.Page]int, len(s.Pages))
	for _, kids := range s.Children {
		for i, p := range kids {
			s.Place[p] = i
		}
	}
}

// checkLinks reports links to pages that are missing, drafts, or lack the
// anchor named, except links to the broken files, whose errors are given.
func (s *Site) checkLinks(p *page.Page, broken map[string]bool) {
	for _, l := range p.Links {
		t, ok := s.ByRel[l.Target]
		if !ok && broken[l.Target] {
			continue
		}
		if !ok {
			if _, draft := s.Drafts[l.Target]; draft {
				s.Diags.Errorf(p.Path, l.Line, l.Col, "link to %s, which is a draft and is not published: remove the link, or publish the page by removing draft: true", site.ContentDir+"/"+l.Target)
			} else {
				s.Diags.Errorf(p.Path, l.Line, l.Col, "link to %s, which is not a page of this site", site.ContentDir+"/"+l.Target)
			}
			continue
		}
		if l.Fragment == "" || t.HasAnchor(l.Fragment) || templateAnchors[l.Fragment] {
			continue
		}
		where := "on this page"
		if t != p {
			where = "in " + t.Path
		}
		s.Diags.Errorf(p.Path, l.Line, l.Col, "there is no heading with the anchor #%s %s%s", l.Fragment, where, anchorHint(l.Fragment, t.AnchorList()))
	}
}

// templateAnchors are the ids the default theme puts on every page.
var templateAnchors = map[string]bool{"main": true}

// anchorHint suggests an anchor for a missing one from ids, sorted.
func anchorHint(frag string, ids []string) string {
	if c := textdist.Closest(frag, ids, 3); c != "" {
		return fmt.Sprintf(" (did you mean #%s?)", c)
	}
	if len(ids) == 0 {
		return "; that page has no headings to link to"
	}
	if len(ids) > 8 {
		ids = append(ids[:8], "...")
	}
	return "; its anchors are #" + strings.Join(ids, ", #")
}

// checkConfigPages checks the pages that site.yaml names: menu entries and
// the contact, privacy, editorial policy, disclaimer and crisis pages.
func (s *Site) checkConfigPages() {
	c := s.Config
	s.checkMenu("", c.Menu)
	s.checkPolicies("", site.Language{ContactPage: c.ContactPage, PrivacyPage: c.PrivacyPage, EditorialPg: c.EditorialPg, DisclaimerPg: c.DisclaimerPg, CrisisPage: c.CrisisPage})
	for _, l := range c.Languages() {
		if l.At() != "" {
			s.checkMenu(l.At()+".", l.Menu)
			s.checkPolicies(l.At()+".", l)
		}
	}
}

// checkMenu checks the menu at the key path prefix+"menu".
func (s *Site) checkMenu(prefix string, menu []site.MenuEntry) {
	for i, m := range menu {
		at := fmt.Sprintf("%smenu[%d]", prefix, i+1)
		switch {
		case m.Page == "" && m.URL == "":
			s.Diags.Errorf(site.ConfigFile, s.Config.Line(at), s.Config.Col(at), "menu entry %q has neither page nor url: add page: (a .md file in content/) or url:", m.Title)
		case m.Page != "":
			s.configPage(at+".page", m.Page)
		}
	}
}

// checkPolicies checks the pages that name the site's policies, and its
// crisis page, at the key path prefix.
func (s *Site) checkPolicies(prefix string, l site.Language) {
	for _, k := range []struct{ key, val string }{
		{"contact_page", l.ContactPage},
		{"privacy_page", l.PrivacyPage},
		{"editorial_policy_page", l.EditorialPg},
		{"disclaimer_page", l.DisclaimerPg},
		{"crisis_page", l.CrisisPage},
	} {
		if k.val != "" {
			s.configPage(prefix+k.key, k.val)
		}
	}
}

// configPage returns the page that the site.yaml value at a key path
// ("contact_page", "menu[2].page") names, or nil with an error at the
// value.
func (s *Site) configPage(key, rel string) *page.Page {
	if p := s.Page(rel); p != nil {
		return p
	}
	line := s.Config.Line(key)
	col := s.Config.Col(key)
	if _, draft := s.Drafts[path.Clean(rel)]; draft {
		s.Diags.Errorf(site.ConfigFile, line, col, "%s: %s is a draft and is not published: remove draft: true from it, or name another page", key, site.ContentDir+"/"+rel)
	} else {
		s.Diags.Errorf(site.ConfigFile, line, col, "%s: there is no page %s; name a .md file inside content/, e.g. %s: about/contact.md", key, site.ContentDir+"/"+rel, lastKey(key))
	}
	return nil
}

// lastKey returns the last key of a key path: "menu[2].page" -> "page".
func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
}

// Page returns the published page at a content-relative .md path, or nil.
func (s *Site) Page(rel string) *page.Page {
	if p, ok := s.ByRel[site.PageRel(rel)]; ok {
		return p
	}
	return nil
}

// Release drops what only the checks needed from each page (anchors,
// links, key lines, the facts of its text, diagnostics, and what it cites,
// whose reference list and JSON-LD are made and spilled) once the links
// and the bibliography are checked and the trust checks have taken their
// facts (see TrustFacts): rendering needs none of it. On a large site this
// is about half of what each page holds, and the garbage collector traces
// what is held over and over while pages render. It runs beside the
// renderers, so it leaves alone the pages Pamphlet made, which hold none
// of it and whose JSON-LD is made as they render.
func (s *Site) Release() {
	for _, p := range s.Pages {
		if !p.Generated {
			p.Release()
		}
	}
}

// draftDiagnostics returns a page's diagnostics; those of a draft that is
// not published are warnings, so an unfinished page does not stop the
// others from going live.
func draftDiagnostics(p *page.Page, withDrafts bool) diag.List {
	if !p.Front.Draft || withDrafts {
		return p.Diags
	}
	out := make(diag.List, len(p.Diags))
	for i, d := range p.Diags {
		if d.Severity == diag.Error {
			d.Severity = diag.Warning
			d.Message += " (this page is a draft and is not published)"
		}
		out[i] = d
	}
	return out
}

// Href returns the link to a page under the site's base path: the one made
// as it was parsed, or, for a page Pamphlet made, one made now.
func (s *Site) Href(p *page.Page) string {
	if h := p.Href(); h != "" {
		return h
	}
	return site.Href(s.Config.BasePath(), p.URL)
}
