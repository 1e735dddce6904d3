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
// files that changed.

// searchState is what a Builder keeps of the search index.
type searchState struct {
	indexer *search.Indexer
	diags   diag.List // problems in search/synonyms.yaml
	index   *search.Index
	// builders are a first build's, one per parser, until merged; docs
	// are the pages a rebuild parsed again, until applied.
	mu       sync.Mutex
	builders []*search.Builder
	docs     []search.Document
	sections map[string]string // the titles it shows, by address
	// changed holds the index's files that changed since the last good
	// build (nil: all of them, until a first build is good).
	changed map[string]bool
}

// loadSearch reads the site's synonyms (search/synonyms.yaml, over the
// theme's) and starts a new index.
func loadSearch(root string, cfg *site.Config) *searchState {
	st := &searchState{}
	syn := search.DefaultSynonyms()
	data, err := site.ReadRegular(filepath.Join(root, filepath.FromSlash(search.SynonymsFile)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		st.diags.Errorf(search.SynonymsFile, 0, 0, "cannot read the site's synonyms: %v", diag.Cause(err))
	default:
		own, d := search.ParseSynonyms(search.SynonymsFile, data)
		st.diags.Add(d...)
		if own != nil {
			syn = syn.With(own)
		}
	}
	crisis := ""
	if cfg.CrisisPage != "" {
		crisis = site.PageURL(site.PageRel(cfg.CrisisPage))
	}
	st.indexer = search.NewIndexer(search.Config{Synonyms: syn, CrisisURL: crisis})
	return st
}

// indexInto makes ps add the pages it parses to the index: to a builder
// of its own in a first build, to the pages to apply in a rebuild.
func (st *searchState) indexInto(ps *page.Parser) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.index == nil {
		b := st.indexer.NewBuilder()
		st.builders = append(st.builders, b)
		ps.IndexInto(b.Add)
		return
	}
	ps.IndexInto(func(d search.Document) {
		st.mu.Lock()
		st.docs = append(st.docs, d)
		st.mu.Unlock()
	})
}

// update brings the index up to date with the resolved site.
func (st *searchState) update(s *resolve.Site, pages map[string]*page.Page) {
	sections := map[string]string{}
	for _, p := range s.Pages {
		if p.Kind == page.KindHome || p.Kind == page.KindSection {
			sections[p.URL] = p.Title()
		}
	}
	defer func() { st.sections, st.docs = sections, nil }()
	if st.index == nil {
		st.index = st.indexer.Merge(sections, st.builders...)
		st.builders = nil
		return
	}
	wanted := make(map[string]bool, len(pages))
	for _, p := range pages {
		if p.Front.Searchable() {
			wanted[p.URL] = true
		}
	}
	var gone []string
	for u := range st.index.URLs() {
		if !wanted[u] {
			gone = append(gone, u)
		}
	}
	if len(st.docs) == 0 && len(gone) == 0 && maps.Equal(sections, st.sections) {
		return
	}
	changed, removed := st.index.Apply(st.docs, gone, sections)
	if st.changed != nil {
		for _, p := range slices.Concat(changed, removed) {
			st.changed[p] = true
		}
	}
}

// delivered notes that a good build took the index's files as they are.
func (st *searchState) delivered() { st.changed = map[string]bool{} }

// files returns the index's files for the output stage, or nil when the
// site is not indexed (check).
func (st *searchState) files() *html.SearchFiles {
	if st.index == nil {
		return nil
	}
	return &html.SearchFiles{Files: st.index.Shards(), Changed: st.changed}
}
