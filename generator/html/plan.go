package html

import (
	"bytes"
	"slices"
	"strings"
	"unsafe"

	"pamphlet/generator/diag"
	"pamphlet/generator/load"
	"pamphlet/generator/resolve"
	"pamphlet/generator/search"
	"pamphlet/generator/site"
)

// BrandCSS is the stylesheet of the brand's colours that every build
// writes, from site.yaml's brand: (see site.ParseConfig).
const BrandCSS = "css/brand.css"

// SearchPage is where the search page and the search index go: the
// index's files under it, the page as its index.html.
const SearchPage = "search/"

// Plan lists every file of the finished site, and reports two sources
// that would be written to the same place. indexes hold the files of the
// site's search index in each of its languages (none: the site is not
// being published, and has no search page).
func Plan(s *resolve.Site, in *load.Inputs, indexes []*SearchFiles) ([]Output, diag.List) {
	var diags diag.List
	plan := make([]Output, 0, len(s.Pages)+len(in.Assets)+len(in.Static)+6)
	for _, p := range s.Pages {
		plan = append(plan, &pageOutput{page: p, citesAll: p == s.ReferencesPage})
		if p.Handout != nil {
			plan = append(plan, &handoutOutput{page: p})
		}
	}
	plan = append(plan, notFoundOutput{})
	if len(indexes) > 0 {
		for _, l := range s.Config.Languages() {
			plan = append(plan, searchPageOutput{lang: l.Tag, prefix: l.Prefix()})
		}
		plan = append(plan, &siteOutput{path: SearchPage + search.ScriptFile, inputs: InputSettings, reload: ReloadOther, make: func() []byte { return search.Script }})
		for _, index := range indexes {
			for path := range index.Files {
				plan = append(plan, &indexOutput{path: path, index: index})
			}
		}
	}
	if s.Config.Absolute() {
		plan = append(plan, &siteOutput{path: "sitemap.xml", inputs: InputPages | InputDates | InputSettings, make: views{s}.sitemap})
	}
	plan = append(plan, &siteOutput{path: "robots.txt", inputs: InputSettings, make: views{s}.robots})
	plan = append(plan, &siteOutput{path: BrandCSS, inputs: InputSettings, reload: ReloadCSS, make: func() []byte { return []byte(s.Config.Theme().CSS()) }})
	if logo := s.Config.Brand.Logo; logo != "" && !slices.ContainsFunc(in.Static, func(a load.Asset) bool { return a.Rel == site.PageRel(logo) }) {
		diags.Errorf(site.ConfigFile, s.Config.Line("brand.logo"), s.Config.Col("brand.logo"), "brand logo %q: there is no file %s: put the logo there, or correct the name (it is a path inside static/)", logo, site.StaticDir+"/"+site.PageRel(logo))
	}
	for i := range in.Assets {
		a := &in.Assets[i]
		plan = append(plan, &AssetOutput{path: site.AssetURL(a.Rel), asset: a})
	}
	for i := range in.Static {
		a := &in.Static[i]
		plan = append(plan, &AssetOutput{path: a.Rel, asset: a})
	}
	seen := make(map[string]string, len(plan))
	out := plan[:0] // filtered in place
	for _, o := range plan {
		if prev, ok := seen[o.Path()]; ok {
			if a, ok := o.(*AssetOutput); ok && a.asset.FS != nil {
				continue // a theme file that the site replaces
			}
			if _, ok := o.(searchPageOutput); ok {
				diags.Errorf(prev, 0, 0, "this would be published at /%s, where the site's search page goes: rename it, or move it into another folder", strings.TrimSuffix(o.Path(), "index.html"))
				continue
			}
			diags.Errorf(o.Source(), 0, 0, "this would be published as %s, which %s already is: rename one of them", o.Path(), prev)
			continue
		}
		seen[o.Path()] = o.Source()
		out = append(out, o)
	}
	slices.SortStableFunc(out, func(a, b Output) int { return strings.Compare(a.Path(), b.Path()) })
	diags.Add(caseCollisions(out)...)
	return out, diags
}

// caseCollisions reports outputs whose paths differ only in case
// (Contact.md and contact.md): on a host or computer that does not tell
// capitals from small letters, one would overwrite the other.
func caseCollisions(plan []Output) diag.List {
	var diags diag.List
	first := make(map[string]Output, len(plan))
	for _, o := range plan {
		key := strings.ToLower(o.Path())
		prev, ok := first[key]
		if !ok {
			first[key] = o
			continue
		}
		what := "file"
		if _, ok := o.(*pageOutput); ok {
			what = "page"
		}
		diags.Errorf(o.Source(), 0, 0, "this %s and %s would be published at %s and %s, which are the same address on servers and computers that do not tell capitals from small letters (Windows, macOS, many hosts): rename one of them", what, prev.Source(), shownPath(o), shownPath(prev))
	}
	return diags
}

// Worker is what one render worker keeps: the site and its view, its
// own copy of the templates, and its buffers (what it renders, and a
// page's body as read back from its spill file, see spillRef.read).
type Worker struct {
	site      *resolve.Site
	sv        *SiteViews
	tpl       *Templates
	out, page bytes.Buffer
}

// NewWorker returns a worker with its own clone of tpl.
// Workers that execute one template set share the locks text/template
// takes on every function call and {{template}}: on two cores that cost
// more than cloning the set per worker (BenchmarkRender).
func NewWorker(s *resolve.Site, sv *SiteViews, tpl *Templates) *Worker {
	return &Worker{site: s, sv: sv, tpl: tpl.clone()}
}

// execute renders the layout of a kind of page with v into the worker's
// buffer and returns its bytes: a caller that keeps them copies them.
func (w *Worker) execute(kind string, v *PageView) ([]byte, *diag.Diagnostic) {
	w.out.Reset()
	sv := w.sv.In(v.Lang)
	if err := w.tpl.execute(&w.out, kind, &pageData{Site: sv, Page: v, T: sv.T}); err != nil {
		d := w.tpl.templateError(err)
		return nil, &d
	}
	return w.out.Bytes(), nil
}

// bytesView returns b as a string without copying it. The caller must
// not change b while the string is in use.
func bytesView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
