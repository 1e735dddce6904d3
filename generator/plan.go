package generator

import (
	"bytes"
	"html/template"
	"path"
	"slices"
	"strings"
	"unsafe"

	"pamphlet/generator/diag"
)

// BrandCSS is the stylesheet of the brand's colours that every build
// writes, from site.yaml's brand: (see Config.checkBrand).
const BrandCSS = "css/brand.css"

// output is one file of the finished site and how to make it.
type output struct {
	path   string        // slash-separated, relative to the output folder
	source string        // site-relative source, for diagnostics
	page   *Page         // a page to render, or nil
	kind   string        // Kind404 for the not-found page
	asset  *Asset        // a file to copy, or nil
	data   []byte        // ready-made bytes (robots.txt), or nil
	gen    func() []byte // makes the bytes when needed (the sitemap), or nil
}

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

// reload says what a tab does when o changes. The 404 page is shown at
// addresses of its own, which no tab watches for.
func (o *output) reload() Reload {
	switch {
	case o.page != nil:
		return ReloadPage
	case o.kind != "" || o.gen != nil || o.path == "robots.txt":
		return ReloadNone
	case path.Ext(o.path) == ".css":
		return ReloadCSS
	}
	return ReloadOther
}

// planOutputs lists every file of the finished site, and reports two
// sources that would be written to the same place.
func planOutputs(s *Site, in *Inputs) ([]output, diag.List) {
	var diags diag.List
	plan := make([]output, 0, len(s.Pages)+len(in.Assets)+len(in.Static)+3)
	for _, p := range s.Pages {
		plan = append(plan, output{path: p.URL + "index.html", source: p.Path, page: p})
	}
	plan = append(plan, output{path: "404.html", source: TemplatesDir + "/404.html", kind: Kind404})
	if s.Config.Absolute() {
		plan = append(plan, output{path: "sitemap.xml", source: ConfigFile, gen: s.sitemap})
	}
	plan = append(plan, output{path: "robots.txt", source: ConfigFile, data: s.robots()})
	plan = append(plan, output{path: BrandCSS, source: ConfigFile, data: []byte(s.Config.theme.CSS())})
	if logo := s.Config.Brand.Logo; logo != "" && !slices.ContainsFunc(in.Static, func(a Asset) bool { return a.Rel == pageRel(logo) }) {
		diags.Errorf(ConfigFile, s.Config.line("brand.logo"), s.Config.col("brand.logo"), "brand logo %q: there is no file %s: put the logo there, or correct the name (it is a path inside static/)", logo, StaticDir+"/"+pageRel(logo))
	}
	for i := range in.Assets {
		a := &in.Assets[i]
		plan = append(plan, output{path: AssetURL(a.Rel), source: a.Path, asset: a})
	}
	for i := range in.Static {
		a := &in.Static[i]
		plan = append(plan, output{path: a.Rel, source: a.Path, asset: a})
	}
	seen := make(map[string]string, len(plan))
	out := plan[:0] // filtered in place
	for _, o := range plan {
		if prev, ok := seen[o.path]; ok {
			if o.asset != nil && o.asset.FS != nil {
				continue // a theme file that the site replaces
			}
			diags.Errorf(o.source, 0, 0, "this would be published as %s, which %s already is: rename one of them", o.path, prev)
			continue
		}
		seen[o.path] = o.source
		out = append(out, o)
	}
	slices.SortStableFunc(out, func(a, b output) int { return strings.Compare(a.path, b.path) })
	diags.Add(caseCollisions(out)...)
	return out, diags
}

// caseCollisions reports outputs whose paths differ only in case
// (Contact.md and contact.md): on a host or computer that does not tell
// capitals from small letters, one would overwrite the other.
func caseCollisions(plan []output) diag.List {
	var diags diag.List
	first := make(map[string]*output, len(plan))
	for i := range plan {
		o := &plan[i]
		key := strings.ToLower(o.path)
		prev, ok := first[key]
		if !ok {
			first[key] = o
			continue
		}
		what := "file"
		if o.page != nil {
			what = "page"
		}
		diags.Errorf(o.source, 0, 0, "this %s and %s would be published at %s and %s, which are the same address on servers and computers that do not tell capitals from small letters (Windows, macOS, many hosts): rename one of them", what, prev.source, shownPath(o), shownPath(prev))
	}
	return diags
}

// shownPath is an output's address as a reader would type it.
func shownPath(o *output) string {
	if o.page != nil {
		return "/" + strings.TrimSuffix(o.path, "index.html")
	}
	return "/" + o.path
}

// renderBuffers are what one render worker keeps: its buffers (what it
// renders, and a page's body as read back from its spill file, see
// spillRef.read), and its own copy of the templates.
type renderBuffers struct {
	out, page bytes.Buffer
	tpl       *Templates
}

// bytesView returns b as a string without copying it. The caller must
// not change b while the string is in use.
func bytesView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// newRenderBuffers returns a worker's buffers with its own clone of tpl.
// Workers that execute one template set share the locks text/template
// takes on every function call and {{template}}: on two cores that cost
// more than cloning the set per worker (BenchmarkRender).
func newRenderBuffers(tpl *Templates) *renderBuffers {
	return &renderBuffers{tpl: tpl.clone()}
}

// produce makes the bytes of one output. A template that fails is a
// diagnostic, not an error. Rendered bytes are buf's, valid until its next
// use.
func (o *output) produce(s *Site, sv *siteView, buf *renderBuffers) ([]byte, *diag.Diagnostic, error) {
	switch {
	case o.data != nil:
		return o.data, nil, nil
	case o.gen != nil:
		return o.gen(), nil, nil
	case o.asset != nil:
		b, err := readAsset(*o.asset)
		return b, nil, err
	}
	b, d := o.render(s, sv, o.view(s), buf)
	return b, d, nil
}

// view returns the data a page output is rendered with.
func (o *output) view(s *Site) *pageView {
	if o.page != nil {
		return s.newPageView(o.page)
	}
	return s.notFoundView()
}

// render executes the layout of a page output with its view into
// buf.out and returns its bytes: a caller that keeps them copies them.
func (o *output) render(s *Site, sv *siteView, pv *pageView, buf *renderBuffers) ([]byte, *diag.Diagnostic) {
	tpl := buf.tpl
	kind := o.kind
	if o.page != nil {
		kind = o.page.Kind
		body, refs, jsonld, err := o.page.content(&buf.page)
		if err != nil {
			d := diag.Errorf(o.source, 0, 0, "cannot read this page back from its temporary file: %v", err)
			return nil, &d
		}
		if jsonld == nil { // a page Pamphlet made (a page that failed to parse stops the build)
			jsonld = jsonLD(s.Config, o.page)
		}
		// html/template takes strings. These are the bytes themselves, not
		// copies (a tenth of what a page allocated): the bytes may be the
		// worker's buffer, valid only while this page renders, and the view
		// is used only for this page; what partialCached keeps is a new
		// string it builds.
		pv.Content, pv.References, pv.JSONLD = template.HTML(bytesView(body)), template.HTML(bytesView(refs)), template.JS(bytesView(jsonld))
	}
	buf.out.Reset()
	if err := tpl.execute(&buf.out, kind, &pageData{Site: sv, Page: pv}); err != nil {
		d := tpl.templateError(err)
		return nil, &d
	}
	return buf.out.Bytes(), nil
}
