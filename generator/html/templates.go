package html

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"pamphlet/generator/diag"
	"pamphlet/generator/load"
	"pamphlet/generator/page"
	"pamphlet/generator/site"
)

// Templates are the parsed layouts of a site, one per page kind. They are
// parsed once a build and are safe for concurrent use.
type Templates struct {
	byKind map[string]*template.Template
	// files maps a template's name ("page.html") to the site-relative file
	// it came from, for diagnostics: "templates/page.html" for the site's
	// own, "(default theme) templates/page.html" for the embedded one.
	files map[string]string
}

// clone returns a copy of t for one render worker. Only copies are ever
// executed: html/template cannot clone a set once it has run.
func (t *Templates) clone() *Templates {
	c := &Templates{byKind: make(map[string]*template.Template, len(t.byKind)), files: t.files}
	for k, tpl := range t.byKind {
		c.byKind[k] = template.Must(tpl.Clone()) // fails only after an execution
	}
	return c
}

// LayoutFiles are the templates that render a kind of page. Every other
// file in templates/ is a partial, included by its file name.
var LayoutFiles = map[string]string{
	page.KindHome:    "home.html",
	page.KindSection: "section.html",
	page.KindPage:    "page.html",
	page.Kind404:     "404.html",
	KindSearch:       "search.html",
}

// KindSearch is the kind of the search page, which has a layout of its
// own.
const KindSearch = "search"

// baseTemplate is the skeleton every layout fills in by defining "main".
const baseTemplate = "base.html"

// LoadTemplates reads the templates of the theme, then those of the site
// over them (a site's file replaces the theme's file of the same name).
func LoadTemplates(root string, theme fs.FS, funcs template.FuncMap) (*Templates, diag.List) {
	var diags diag.List
	texts := map[string]string{}
	files := map[string]string{}
	if theme != nil {
		_ = fs.WalkDir(theme, site.TemplatesDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || site.IsIgnored(d.Name()) || path.Ext(p) != ".html" {
				return nil
			}
			b, err := fs.ReadFile(theme, p)
			if err != nil {
				return nil
			}
			texts[d.Name()] = string(b)
			files[d.Name()] = "(default theme) " + p
			return nil
		})
	}
	if fi, err := os.Stat(filepath.Join(root, site.TemplatesDir)); err == nil && fi.IsDir() {
		realRoot, _ := filepath.EvalSymlinks(root)
		load.Walk(root, realRoot, site.TemplatesDir, &diags, func(rel, abs string) {
			if path.Ext(rel) != ".html" {
				return
			}
			name := path.Base(rel)
			sitePath := site.TemplatesDir + "/" + rel
			if prev, ok := files[name]; ok && !strings.HasPrefix(prev, "(default theme)") {
				diags.Errorf(sitePath, 0, 0, "there is another template named %s at %s: templates are found by file name, so rename one", name, prev)
				return
			}
			b, err := site.ReadRegular(abs)
			if err != nil {
				diags.Errorf(sitePath, 0, 0, "cannot read this template: %v", diag.Cause(err))
				return
			}
			clean, d := site.CleanText(sitePath, b)
			if d != nil {
				diags.Add(*d)
				return
			}
			texts[name] = string(clean)
			files[name] = sitePath
		})
	}
	t := &Templates{byKind: map[string]*template.Template{}, files: files}
	if _, ok := texts[baseTemplate]; !ok {
		diags.Errorf(site.TemplatesDir+"/"+baseTemplate, 0, 0, "there is no %s template: every layout needs one (pamphlet new writes the default theme's)", baseTemplate)
		return t, diags
	}
	root0 := template.New(baseTemplate).Funcs(funcs)
	names := make([]string, 0, len(texts))
	for name := range texts {
		names = append(names, name)
	}
	sort.Strings(names)
	isLayout := map[string]bool{}
	for _, f := range LayoutFiles {
		isLayout[f] = true
	}
	for _, name := range names {
		if isLayout[name] {
			continue
		}
		var err error
		if name == baseTemplate {
			_, err = root0.Parse(texts[name])
		} else {
			_, err = root0.New(name).Parse(texts[name])
		}
		if err != nil {
			diags.Add(t.templateError(err))
		}
	}
	if diags.HasErrors() {
		return t, diags
	}
	for kind, name := range LayoutFiles {
		src, ok := texts[name]
		if !ok {
			diags.Errorf(site.TemplatesDir+"/"+name, 0, 0, "there is no %s template for %s pages", name, kind)
			continue
		}
		clone, err := root0.Clone()
		if err == nil {
			_, err = clone.New(name).Parse(src)
		}
		if err != nil {
			diags.Add(t.templateError(err))
			continue
		}
		t.byKind[kind] = clone
	}
	return t, diags
}

// templateErr matches html/template's "template: NAME:LINE:COL: message".
var templateErr = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// templateError turns a template parse or execution error into a
// diagnostic on the template's own file and line.
func (t *Templates) templateError(err error) diag.Diagnostic {
	msg := err.Error()
	m := templateErr.FindStringSubmatch(msg)
	if m == nil {
		return diag.Errorf(site.TemplatesDir, 0, 0, "template error: %s", strings.TrimPrefix(msg, "template: "))
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	file := t.files[m[1]]
	if file == "" {
		file = site.TemplatesDir + "/" + m[1]
	}
	return diag.Errorf(file, line, col, "template error: %s", m[4])
}

// execute renders one page with the layout of its kind.
func (t *Templates) execute(w io.Writer, kind string, data *pageData) error {
	tpl, ok := t.byKind[kind]
	if !ok {
		return fmt.Errorf("no layout for %s pages", kind)
	}
	data.kind, data.tpl = kind, tpl
	return tpl.ExecuteTemplate(w, baseTemplate, data)
}

// writeKey adds one of partialCached's keys to a cache key: the kinds the
// default theme passes without fmt, whose reflection cost more than the
// lookup it saves; anything else as fmt prints it, with its type.
func writeKey(kb *strings.Builder, k any) {
	kb.WriteByte(0)
	switch k := k.(type) {
	case string:
		kb.WriteString("s:" + k)
	case bool:
		kb.WriteString("b:" + strconv.FormatBool(k))
	case []site.Person:
		kb.WriteString("p:")
		for _, p := range k {
			kb.WriteString(p.Name + "\x01" + p.Credentials + "\x01" + p.Role + "\x01" + p.URL + "\x02")
		}
	case []menuItem:
		kb.WriteString("m:")
		for _, m := range k {
			kb.WriteString(m.Title + "\x01" + m.URL + "\x01" + strconv.FormatBool(m.Current) + strconv.FormatBool(m.Ancestor) + "\x02")
		}
	default:
		fmt.Fprintf(kb, "%T:%v", k, k)
	}
}

// partialCached renders a partial template once per build for each
// distinct set of keys, and then reuses it:
//
//	{{partialCached "footer.html" .}}
//	{{partialCached "sitenav.html" . .Page.Menu}}
//
// The keys must name everything the partial shows that differs between
// pages; a partial that shows the page's title and is cached without it
// shows one page's title on every page. Rendering a partial is most of a
// page's template time on a large site, and a header or footer is the
// same on most pages.
func partialCached(name string, data any, keys ...any) (template.HTML, error) {
	pd, ok := data.(*pageData)
	if !ok || pd.tpl == nil {
		return "", fmt.Errorf("partialCached %q: the second argument must be the page's data, a dot: {{partialCached %q .}}", name, name)
	}
	var kb strings.Builder
	kb.WriteString(pd.kind + "\x00" + name)
	for _, k := range keys {
		writeKey(&kb, k)
	}
	key := kb.String()
	if html, ok := pd.Site.partials.Load(key); ok {
		return html.(template.HTML), nil
	}
	var b strings.Builder
	if err := pd.tpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	html := template.HTML(b.String())
	pd.Site.partials.Store(key, html)
	return html, nil
}

// Funcs returns the functions the templates may call.
func Funcs(cfg *site.Config) template.FuncMap {
	return template.FuncMap{
		// relURL links to a site-relative path under the base path:
		// {{relURL "css/style.css"}} -> /patient-info/css/style.css
		"relURL": func(rel string) string { return site.Href(cfg.BasePath(), rel) },
		// absURL returns the full address of a site-relative path, or ""
		// when base_url has no host.
		"absURL": func(rel string) string { return cfg.AbsURL(rel) },
		// partialCached renders a partial once per set of keys (see
		// partialCached in templates.go).
		"partialCached": partialCached,
	}
}
