package html

import (
	"html/template"
	"path"
	"strings"

	"pamphlet/generator/diag"
	"pamphlet/generator/load"
	"pamphlet/generator/page"
	"pamphlet/generator/resolve"
	"pamphlet/generator/site"
)

// Output is one file of the finished site. Each kind of file is one
// implementation: a page (pageOutput), the not-found page
// (notFoundOutput), a file copied as it is (AssetOutput), and a file made
// from the whole site (siteOutput: the sitemap, robots.txt, the brand's
// stylesheet). A new kind of output is a new implementation, and says
// what its bytes depend on (Inputs), so that the dev server redoes it
// exactly when one of those changes, and what an open tab does when it
// changes (Reload).
type Output interface {
	// Path is where it goes: slash-separated, under the output folder.
	Path() string
	// Source is the site file it comes from, for diagnostics.
	Source() string
	// Reload says what an open browser tab does when it changes.
	Reload() Reload
	// Inputs says which changes to the site change its bytes.
	Inputs() Input
	// produce makes its bytes with a render worker's state. Rendered
	// bytes are the worker's, valid until it renders again. A template
	// that fails is a diagnostic, not an error.
	Produce(w *Worker) ([]byte, *diag.Diagnostic, error)
}

// Input is a set of the kinds of change to a site that an output's bytes
// may depend on.
type Input uint8

const (
	// InputSource: the output's own source file (a page, an asset).
	InputSource Input = 1 << iota
	// InputPages: what pages show of one another: titles, descriptions,
	// order, the set of pages, the menu.
	InputPages
	// InputDates: the pages' own dates.
	InputDates
	// InputCitations: what the pages cite.
	InputCitations
	// InputSettings: site.yaml.
	InputSettings
	// InputLayout: the templates.
	InputLayout
)

// Reload says what an open browser tab does when an output changes.
type Reload int

const (
	// ReloadNone: nothing; no tab shows it (the sitemap, robots.txt).
	ReloadNone Reload = iota
	// ReloadPage: a tab showing that page reloads it.
	ReloadPage
	// ReloadCSS: every tab restyles itself, without reloading.
	ReloadCSS
	// ReloadOther: a file a page may show (an image, a script) changed.
	ReloadOther
)

// Sourced is an output that can tell for itself that it changed: one made
// from one page's source (a handout), whose page was parsed again, or a
// file of the search index, which the index says changed. The dev server
// makes it again when it is Dirty, as well as when one of its Inputs
// changed.
type Sourced interface {
	Output
	// Dirty reports whether it changed, given the pages parsed again
	// (content-relative paths).
	Dirty(pages map[string]bool) bool
}

// Layout is an output rendered with the theme's templates: its view
// is worked out first, so that the dev server can tell from it (see
// Fingerprint) whether the page needs rendering at all.
type Layout interface {
	Output
	// view returns the data the layout is executed with.
	View(s *resolve.Site) *PageView
	// render executes the layout with v.
	Render(w *Worker, v *PageView) ([]byte, *diag.Diagnostic)
	// layout is the kind of page, which names its layout; gen tells one
	// parse of its source from the next (0 for a page Pamphlet makes).
	LayoutKind() string
	Gen() uint64
	// dirty reports whether its own source changed, among the pages
	// given by content-relative path.
	Dirty(pages map[string]bool) bool
}

// pageOutput is a page of the site.
type pageOutput struct {
	page     *page.Page
	citesAll bool // the site-wide references page, which lists what every page cites
}

func (o *pageOutput) Path() string   { return o.page.URL + "index.html" }
func (o *pageOutput) Source() string { return o.page.Path }
func (o *pageOutput) Reload() Reload { return ReloadPage }
func (o *pageOutput) Inputs() Input {
	in := InputSource | InputPages | InputSettings | InputLayout
	if o.citesAll {
		in |= InputCitations
	}
	if o.page.Source != "" {
		in |= InputDates // a translation tells its readers when its source changed
	}
	return in
}
func (o *pageOutput) View(s *resolve.Site) *PageView   { return views{s}.newPageView(o.page) }
func (o *pageOutput) LayoutKind() string               { return o.page.Kind }
func (o *pageOutput) Gen() uint64                      { return o.page.Gen }
func (o *pageOutput) Dirty(pages map[string]bool) bool { return pages[o.page.Rel] }
func (o *pageOutput) Produce(w *Worker) ([]byte, *diag.Diagnostic, error) {
	b, d := o.Render(w, o.View(w.site))
	return b, d, nil
}

// render executes the page's layout into the worker's buffer.
func (o *pageOutput) Render(w *Worker, v *PageView) ([]byte, *diag.Diagnostic) {
	body, refs, jsonld, err := o.page.Content(&w.page)
	if err != nil {
		d := diag.Errorf(o.Source(), 0, 0, "cannot read this page back from its temporary file: %v", err)
		return nil, &d
	}
	if jsonld == nil { // a page Pamphlet made (a page that failed to parse stops the build)
		jsonld = page.JSONLD(w.site.Config, o.page)
	}
	// html/template takes strings. These are the bytes themselves, not
	// copies (a tenth of what a page allocated): the bytes may be the
	// worker's buffer, valid only while this page renders, and the view
	// is used only for this page; what partialCached keeps is a new
	// string it builds.
	v.Content, v.References, v.JSONLD = template.HTML(bytesView(body)), template.HTML(bytesView(refs)), template.JS(bytesView(jsonld))
	return w.execute(o.page.Kind, v)
}

// notFoundOutput is the page a host shows for an address the site does
// not have (404.html). It is shown at addresses of its own, which no tab
// watches for.
type notFoundOutput struct{}

func (notFoundOutput) Path() string                     { return "404.html" }
func (notFoundOutput) Source() string                   { return site.TemplatesDir + "/404.html" }
func (notFoundOutput) Reload() Reload                   { return ReloadNone }
func (notFoundOutput) Inputs() Input                    { return InputPages | InputSettings | InputLayout }
func (notFoundOutput) View(s *resolve.Site) *PageView   { return views{s}.notFoundView() }
func (notFoundOutput) LayoutKind() string               { return page.Kind404 }
func (notFoundOutput) Gen() uint64                      { return 0 }
func (notFoundOutput) Dirty(pages map[string]bool) bool { return false }
func (o notFoundOutput) Produce(w *Worker) ([]byte, *diag.Diagnostic, error) {
	b, d := o.Render(w, o.View(w.site))
	return b, d, nil
}
func (notFoundOutput) Render(w *Worker, v *PageView) ([]byte, *diag.Diagnostic) {
	return w.execute(page.Kind404, v)
}

// AssetOutput is a file copied as it is: an image beside the pages, or a
// file of static/.
type AssetOutput struct {
	path  string
	asset *load.Asset
}

func (o *AssetOutput) Path() string { return o.path }

// File is the file it copies.
func (o *AssetOutput) File() load.Asset { return *o.asset }
func (o *AssetOutput) Source() string   { return o.asset.Path }
func (o *AssetOutput) Reload() Reload {
	if path.Ext(o.path) == ".css" {
		return ReloadCSS
	}
	return ReloadOther
}
func (o *AssetOutput) Inputs() Input { return InputSource }
func (o *AssetOutput) Produce(*Worker) ([]byte, *diag.Diagnostic, error) {
	b, err := load.ReadAsset(*o.asset)
	return b, nil, err
}

// siteOutput is a file made from the site as a whole: the sitemap,
// robots.txt, the brand's stylesheet.
type siteOutput struct {
	path   string
	inputs Input
	reload Reload
	make   func() []byte
}

func (o *siteOutput) Path() string   { return o.path }
func (o *siteOutput) Source() string { return site.ConfigFile }
func (o *siteOutput) Reload() Reload { return o.reload }
func (o *siteOutput) Inputs() Input  { return o.inputs }
func (o *siteOutput) Produce(*Worker) ([]byte, *diag.Diagnostic, error) {
	return o.make(), nil, nil
}

// shownPath is an output's address as a reader would type it.
func shownPath(o Output) string {
	return "/" + strings.TrimSuffix(o.Path(), "index.html")
}

// SearchFiles is the search index of one of the site's languages as the
// output stage takes it (see package search): its files by path, made as
// the pages were parsed, and those that changed since the last good build
// (nil: any may have).
type SearchFiles struct {
	Files   map[string][]byte
	Changed map[string]bool
}

// indexOutput is a file of the site's search index. The index knows which
// of its files an edit changed: an edit that touches a few words makes
// again a few of its thousands of files, not all of them.
type indexOutput struct {
	path  string
	index *SearchFiles
}

func (o *indexOutput) Path() string   { return o.path }
func (o *indexOutput) Source() string { return site.ContentDir }
func (o *indexOutput) Reload() Reload { return ReloadNone }
func (o *indexOutput) Inputs() Input  { return 0 }
func (o *indexOutput) Dirty(map[string]bool) bool {
	if o.index.Changed == nil {
		return true
	}
	_, ok := o.index.Changed[o.path]
	return ok
}
func (o *indexOutput) Produce(*Worker) ([]byte, *diag.Diagnostic, error) {
	return o.index.Files[o.path], nil, nil
}

// searchPageOutput is the search page of a language (search/index.html,
// es/search/index.html): the results of the search box's query, and
// without JavaScript every page of the language by section.
type searchPageOutput struct {
	lang, prefix string // the language's tag, and its folder ("es/")
}

func (o searchPageOutput) Path() string                   { return o.prefix + SearchPage + "index.html" }
func (searchPageOutput) Source() string                   { return site.TemplatesDir + "/search.html" }
func (searchPageOutput) Reload() Reload                   { return ReloadPage }
func (searchPageOutput) Inputs() Input                    { return InputPages | InputSettings | InputLayout }
func (o searchPageOutput) View(s *resolve.Site) *PageView { return views{s}.searchView(o.lang) }
func (searchPageOutput) LayoutKind() string               { return KindSearch }
func (searchPageOutput) Gen() uint64                      { return 0 }
func (searchPageOutput) Dirty(pages map[string]bool) bool { return false }
func (o searchPageOutput) Produce(w *Worker) ([]byte, *diag.Diagnostic, error) {
	b, d := o.Render(w, o.View(w.site))
	return b, d, nil
}
func (searchPageOutput) Render(w *Worker, v *PageView) ([]byte, *diag.Diagnostic) {
	return w.execute(KindSearch, v)
}

// handoutOutput is a page's PDF handout (see page.Handout), made as the
// page was parsed: beside its index.html.
type handoutOutput struct {
	page *page.Page
}

func (o *handoutOutput) Path() string   { return o.page.URL + page.HandoutFile }
func (o *handoutOutput) Source() string { return o.page.Path }
func (o *handoutOutput) Reload() Reload { return ReloadOther }

// Inputs: the handout shows the page, its references as the bibliography
// formats them, and the settings (the site's name, brand, logo, paper,
// address and crisis lines); no template.
func (o *handoutOutput) Inputs() Input                    { return InputSource | InputCitations | InputSettings }
func (o *handoutOutput) Dirty(pages map[string]bool) bool { return pages[o.page.Rel] }
func (o *handoutOutput) Produce(w *Worker) ([]byte, *diag.Diagnostic, error) {
	b, err := o.page.Handout.Bytes(&w.page)
	return b, nil, err
}
