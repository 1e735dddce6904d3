package generator

import (
	"errors"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"sync"

	"pamphlet/generator/diag"
	"pamphlet/generator/html"
	"pamphlet/generator/page"
	"pamphlet/generator/resolve"
	"pamphlet/generator/search"
	"pamphlet/generator/site"
)

// The site's search index is made as the pages are parsed: each parse
// worker adds its pages to a search.Builder of its own, and the builders
// are merged once the site is resolved (the index shows each page's
// section by title). The dev server then re-indexes the pages it parses
// again, and takes out those that went, making again only the index's
// files that changed. A site of several languages has an index for each,
// in the language's folder (search/, es/search/), each with its words
// stemmed and folded the language's way.

// searchState is what a Builder keeps of the search indexes.
type searchState struct {
	diags diag.List // problems in the synonyms files
	// mu guards the builders and docs of every language.
	mu    sync.Mutex
	langs map[string]*langIndex // by language tag
	order []string              // the tags, the default first
}

// langIndex is the index of the pages in one language.
type langIndex struct {
	indexer *search.Indexer
	index   *search.Index
	// builders are a first build's, one per parser, until merged; docs
	// are the pages a rebuild parsed again, until applied.
	builders []*search.Builder
	docs     []search.Document
	sections map[string]string // the titles it shows, by address
	// changed holds the index's files that changed since the last good
	// build (nil: all of them, until a first build is good).
	changed map[string]bool
}

// loadSearch reads the site's synonyms for each language (over the
// theme's, for English) and starts a new index for each.
func loadSearch(root string, cfg *site.Config, files map[string]bool) *searchState {
	st := &searchState{langs: map[string]*langIndex{}}
	for _, l := range cfg.Languages() {
		syn := search.DefaultSynonymsFor(l.Tag)
		file := cfg.SynonymsFileIn(l.Tag)
		data, err := site.ReadRegular(filepath.Join(root, filepath.FromSlash(file)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			st.diags.Errorf(file, 0, 0, "cannot read the site's synonyms: %v", diag.Cause(err))
		default:
			own, d := search.ParseSynonymsFor(l.Tag, file, data)
			st.diags.Add(d...)
			if own != nil {
				syn = syn.With(own)
			}
		}
		crisis := ""
		if p := cfg.In(l.Tag).CrisisPage; p != "" {
			crisis = crisisPageIn(cfg, files, site.PageRel(p), l.Tag)
		}
		switch p := cfg.In(l.Tag).CrisisPage; {
		case p == "":
		case crisis == "":
			// The index of a language holds its own pages only.
			_, key := cfg.LanguageOf(site.PageRel(p))
			st.diags.Warnf(site.ConfigFile, cfg.Line("crisis_page"), cfg.Col("crisis_page"), "the crisis page (%s) is not translated into %s, so a search in %s cannot put it first when a reader asks for help: translate it as %s%s", site.ContentDir+"/"+site.PageRel(p), site.LanguageName(l.Tag), l.Tag, site.ContentDir+"/", cfg.TranslationPaths(key, l.Tag)[1])
		case !syn.HasCrisisWords():
			// The theme's crisis words are English.
			st.diags.Warnf(file, 0, 0, "search in %s has no crisis words, so a reader who searches for help in %s is not shown the crisis page first: list the words they would type under crisis: in %s, as the README's Search shows", site.LanguageName(l.Tag), l.Tag, file)
		}
		c := search.Config{Synonyms: syn, CrisisURL: crisis, Dir: l.Prefix() + html.SearchPage, Language: l.Tag}
		st.langs[l.Tag] = &langIndex{indexer: search.NewIndexer(c)}
		st.order = append(st.order, l.Tag)
	}
	return st
}

// crisisPageIn returns the address of the crisis page in the language
// tag: the page site.yaml names, or its translation into the language;
// "" when the language has none (search does not put a page of another
// language first).
func crisisPageIn(cfg *site.Config, files map[string]bool, rel, tag string) string {
	if lang, _ := cfg.LanguageOf(rel); lang == tag {
		return cfg.URLOf(rel)
	}
	_, key := cfg.LanguageOf(rel)
	for _, t := range cfg.TranslationPaths(key, tag) {
		if files[t] {
			return cfg.URLOf(t)
		}
	}
	return ""
}

// indexInto makes ps add the pages it parses to the index of their
// language: to builders of its own in a first build, to the pages to
// apply in a rebuild.
func (st *searchState) indexInto(ps *page.Parser) {
	mine := map[string]*search.Builder{} // used by ps's goroutine alone
	ps.IndexInto(func(lang string, d search.Document) {
		li := st.langs[lang]
		if li == nil {
			return
		}
		if b := mine[lang]; b != nil {
			b.Add(d)
			return
		}
		st.mu.Lock()
		defer st.mu.Unlock()
		if li.index != nil {
			li.docs = append(li.docs, d)
			return
		}
		b := li.indexer.NewBuilder()
		li.builders = append(li.builders, b)
		mine[lang] = b
		b.Add(d)
	})
}

// update brings each index up to date with the resolved site.
func (st *searchState) update(s *resolve.Site, pages map[string]*page.Page) {
	for _, tag := range st.order {
		st.langs[tag].update(s, pages, tag)
	}
}

func (li *langIndex) update(s *resolve.Site, pages map[string]*page.Page, tag string) {
	sections := map[string]string{}
	for _, p := range s.Pages {
		if p.Lang == tag && (p.Kind == page.KindHome || p.Kind == page.KindSection) {
			sections[p.URL] = p.Title()
		}
	}
	defer func() { li.sections, li.docs = sections, nil }()
	if li.index == nil {
		li.index = li.indexer.Merge(sections, li.builders...)
		li.builders = nil
		return
	}
	wanted := make(map[string]bool, len(pages))
	for _, p := range pages {
		if p.Lang == tag && p.Front.Searchable() {
			wanted[p.URL] = true
		}
	}
	var gone []string
	for u := range li.index.URLs() {
		if !wanted[u] {
			gone = append(gone, u)
		}
	}
	if len(li.docs) == 0 && len(gone) == 0 && maps.Equal(sections, li.sections) {
		return
	}
	changed, removed := li.index.Apply(li.docs, gone, sections)
	if li.changed != nil {
		for _, p := range slices.Concat(changed, removed) {
			li.changed[p] = true
		}
	}
}

// delivered notes that a good build took the indexes' files as they are.
func (st *searchState) delivered() {
	for _, li := range st.langs {
		li.changed = map[string]bool{}
	}
}

// files returns the indexes' files for the output stage, one set per
// language, or none when the site is not indexed (check).
func (st *searchState) files() []*html.SearchFiles {
	var out []*html.SearchFiles
	for _, tag := range st.order {
		if li := st.langs[tag]; li.index != nil {
			out = append(out, &html.SearchFiles{Files: li.index.Shards(), Changed: li.changed})
		}
	}
	return out
}
