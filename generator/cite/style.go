package cite

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"pamphlet/generator/cite/csl"
	csldata "pamphlet/third_party/csl"
)

// Style is a CSL style ready to format a site's citations: the parsed
// style (a dependent style already resolved to its parent), the embedded
// locales, the language, and what Pamphlet needs to know about the style
// that CSL leaves implicit (numeric or not, superscript or not). It is
// read-only once loaded and safe for concurrent use.
//
// Every citation and reference list is formatted by the CSL processor in
// generator/cite/csl; this package only maps entries to CSL items
// (cslitem.go), runs each page as one CSL document (resolve.go) and adds
// what CSL output has no notion of: the links (render.go).
type Style struct {
	// Name is what site.yaml's citation_style gave: a built-in name
	// ("ama") or the site-relative path of a .csl file.
	Name string
	// Title is the style's <info><title>, for the credit line on the
	// references page ("American Medical Association 11th edition").
	Title string
	// Numeric reports whether cites are numbers (citation-number), so that
	// the reference list is numbered in the order the style gives it and
	// the number is the clickable part of a cite.
	Numeric bool
	// Superscript reports whether cites are superscript numbers (AMA),
	// which sit against the word before them.
	Superscript bool

	csl     *csl.Style
	locales csl.Locales
	lang    string
	// vars are the variables the style's source references anywhere, for
	// the missing-field warnings.
	vars map[string]bool
	// independent reports that the style's bibliography entries are the
	// same in every document, so that an entry is formatted once per
	// bibliography and not once per page that cites it (formatting the
	// references was most of the cost of citations in a build). It holds
	// when nothing in the style depends on the other cites of the
	// document: no year-suffix, disambiguate condition,
	// subsequent-author-substitute or position, no bibliography sort (the
	// list is in order of first citation), and a citation number, if
	// the bibliography shows one, in the first field of a
	// second-field-align layout, which Pamphlet's <ol> replaces. A probe
	// confirms it (see LoadStyle). AMA, Vancouver, BMJ and The Lancet are
	// independent; APA, Harvard and Chicago are not.
	independent bool
}

// builtinStyles maps the names site.yaml may use to the embedded style
// files in third_party/csl/styles (the official files, unmodified).
var builtinStyles = map[string]string{
	"ama":                     "american-medical-association",
	"apa":                     "apa",
	"vancouver":               "nlm-citation-sequence",
	"harvard":                 "harvard-cite-them-right",
	"harvard-cite-them-right": "harvard-cite-them-right",
	"bmj":                     "bmj",
	"lancet":                  "the-lancet",
	"chicago-author-date":     "chicago-author-date",
}

// DefaultStyle is the style a site gets when site.yaml names none.
const DefaultStyle = "ama"

// StyleNames returns the built-in style names, sorted.
func StyleNames() []string {
	names := make([]string, 0, len(builtinStyles))
	for n := range builtinStyles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// IsBuiltin reports whether name (in any case) is a built-in style; the
// empty name is the default.
func IsBuiltin(name string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	_, ok := builtinStyles[name]
	return ok || name == ""
}

// IsStyleFile reports whether a citation_style value names a .csl file
// rather than a built-in style.
func IsStyleFile(name string) bool {
	return strings.EqualFold(path.Ext(strings.TrimSpace(name)), ".csl")
}

// LoadBuiltin loads a built-in style by name ("" is the default) for the
// site's language (used when the style has no default-locale).
func LoadBuiltin(name, lang string) (*Style, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		name = DefaultStyle
	}
	file, ok := builtinStyles[name]
	if !ok {
		return nil, fmt.Errorf("citation_style %q is not a style Pamphlet knows: use %s, or the path of a .csl file", name, strings.Join(StyleNames(), ", "))
	}
	src, err := csldata.FS.ReadFile("styles/" + file + ".csl")
	if err != nil {
		return nil, err
	}
	return LoadStyle(name, "styles/"+file+".csl", src, lang)
}

// LoadStyle parses a style's source. name is what the style is chosen by,
// file names it in error messages (a *csl.ParseError carries file and
// line). A dependent style is resolved to its parent among the built-in
// styles.
func LoadStyle(name, file string, src []byte, lang string) (*Style, error) {
	st, err := csl.ParseStyle(file, src)
	if err != nil {
		return nil, err
	}
	s := &Style{Name: name, Title: st.Title}
	parentSrc := src
	if st.IsDependent() {
		lookup := csl.FSStyleLookup(csldata.FS, "styles")
		if parentSrc, err = lookup(st.ParentURL); err != nil {
			return nil, fmt.Errorf("%s: the style's independent parent %q is not one of Pamphlet's built-in styles (%s): copy the parent's .csl file into the site and use it instead", file, st.ParentURL, strings.Join(StyleNames(), ", "))
		}
		if st, err = csl.ResolveParent(st, lookup); err != nil {
			return nil, err
		}
	}
	if !st.HasBibliography() {
		return nil, fmt.Errorf("%s: the style has no <bibliography>, so it cannot make reference lists: choose a style that has one", file)
	}
	s.csl = st
	s.vars = styleVariables(parentSrc)
	s.Numeric = isNumeric(src, parentSrc)
	s.locales = lazyLocales()
	// The style's default-locale wins (NewProcessor takes lang as an
	// override); the site's language is for styles without one.
	if st.DefaultLocale == "" {
		s.lang = lang
	}
	// Probe one cite to learn whether the style superscripts its numbers:
	// CSL says so only in the formatting of the layout.
	p, err := s.newProcessor([]*Entry{{ID: "probe", Type: "book", Title: "Probe", Issued: Date{Year: 2000}}})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	out, err := p.Cite(csl.Citation{ID: "probe", Items: []csl.CitationItem{{ID: "probe"}}})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	s.Superscript = s.Numeric && len(out) == 1 && strings.HasPrefix(out[0].HTML(), "<sup>")
	if s.independent = isIndependent(parentSrc); s.independent {
		s.independent, err = s.probeIndependent()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
	}
	return s, nil
}

var bibliographyElement = regexp.MustCompile(`(?s)<bibliography\b.*</bibliography>`)

// isIndependent is the static part of Style.independent.
func isIndependent(src []byte) bool {
	for _, s := range []string{"year-suffix", "subsequent-author-substitute", `disambiguate="true"`, `position="`} {
		if bytes.Contains(src, []byte(s)) {
			return false
		}
	}
	bib := bibliographyElement.Find(src)
	if bytes.Contains(bib, []byte("<sort")) {
		return false
	}
	return !bytes.Contains(bib, []byte(`"citation-number"`)) || bytes.Contains(bib, []byte("second-field-align"))
}

// probeIndependent checks Style.independent on two works by the same
// authors in the same year: the second formatted after the first, in one
// document, must read as it does alone.
func (s *Style) probeIndependent() (bool, error) {
	a := &Entry{ID: "a", Type: "article-journal", Title: "One", ContainerTitle: "J", Author: []Name{{Family: "Smith", Given: "J"}}, Issued: Date{Year: 2000}}
	b := *a
	b.ID, b.Title = "b", "Two"
	p, err := s.newProcessor([]*Entry{a, &b})
	if err != nil {
		return false, err
	}
	both, err := p.Bibliography(csl.Citation{ID: "1", Items: []csl.CitationItem{{ID: "a"}}}, csl.Citation{ID: "2", Items: []csl.CitationItem{{ID: "b"}}})
	if err != nil {
		return false, err
	}
	alone, err := p.Bibliography(csl.Citation{ID: "1", Items: []csl.CitationItem{{ID: "b"}}})
	if err != nil || len(both) != 2 || len(alone) != 1 {
		return false, err
	}
	return referenceHTML(both[1].HTML(), &b) == referenceHTML(alone[0].HTML(), &b), nil
}

// In returns the style as it formats pages in the language tag: with
// the CSL locale of that language (its terms, "and", "accessed", and its
// dates), unless the style's own default-locale is of the same language
// (en-GB for an English page), which then wins as it does for the
// site's default language. The Style returned shares the parsed style;
// ask for each language once (the bibliography keeps a processor for
// each Style it is given).
func (s *Style) In(tag string) *Style {
	if tag == "" || sameLanguage(tag, s.lang) || (s.lang == "" && sameLanguage(tag, s.csl.DefaultLocale)) {
		return s
	}
	c := *s
	c.lang = tag
	return &c
}

// sameLanguage reports whether two tags are of one language: en-GB and
// en-US are, en and es are not.
func sameLanguage(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	baseA, _, _ := strings.Cut(a, "-")
	baseB, _, _ := strings.Cut(b, "-")
	return strings.EqualFold(baseA, baseB)
}

// Processor returns a CSL processor for this style with the entries
// registered, for tools that format outside a site (cmd/bibtext).
func (s *Style) Processor(entries []*Entry) (*csl.Processor, error) {
	return s.newProcessor(entries)
}

// newProcessor returns a processor for this style with entries registered.
func (s *Style) newProcessor(entries []*Entry) (*csl.Processor, error) {
	p, err := csl.NewProcessor(s.csl, s.locales, s.lang)
	if err != nil {
		return nil, err
	}
	items := make([]csl.Item, len(entries))
	for i, e := range entries {
		items[i] = CSLItem(e)
	}
	if err := p.Register(items); err != nil {
		return nil, err
	}
	return p, nil
}

// lazyLocales returns a Locales lookup over the embedded locale files that
// parses a file the first time it is asked for, and keeps it: a build
// needs one or two of the thirteen, and parsing them all cost a build
// several megabytes. The cache belongs to the Style that holds the lookup;
// it is safe for concurrent use.
func lazyLocales() csl.Locales {
	var mu sync.Mutex
	cache := map[string]*csl.Locale{}
	return func(tag string) *csl.Locale {
		mu.Lock()
		defer mu.Unlock()
		if l, ok := cache[tag]; ok {
			return l
		}
		var l *csl.Locale
		if !strings.ContainsAny(tag, "/\\.") {
			if src, err := csldata.FS.ReadFile("locales/locales-" + tag + ".xml"); err == nil {
				l, _ = csl.ParseLocale(src) // the embedded files parse: a test says so
			}
		}
		cache[tag] = l
		return l
	}
}

var (
	categoryFormat = regexp.MustCompile(`<category\s+[^>]*citation-format="([a-z-]+)"`)
	variableAttr   = regexp.MustCompile(`\bvariable="([^"]+)"`)
)

// isNumeric reads <category citation-format="numeric"/> from the style's
// info (the dependent style's first, as it may say what its parent does);
// a style without one is numeric when it uses citation-number at all.
func isNumeric(srcs ...[]byte) bool {
	for _, src := range srcs {
		if m := categoryFormat.FindSubmatch(src); m != nil {
			return string(m[1]) == "numeric"
		}
	}
	return bytes.Contains(srcs[len(srcs)-1], []byte(`variable="citation-number"`))
}

// styleVariables lists the variables a style's source names anywhere.
func styleVariables(src []byte) map[string]bool {
	vars := map[string]bool{}
	for _, m := range variableAttr.FindAllSubmatch(src, -1) {
		for _, v := range strings.Fields(string(m[1])) {
			vars[v] = true
		}
	}
	return vars
}

// essentialFields are, per kind of work, the CSL variables a reader needs
// to find it, with the words a warning uses. Missing reports those that an
// entry lacks and that the style shows (names somewhere in its source):
// CSL styles choose per type what to show, and following every macro for
// every type would report fields a style shows only in rare cases, so this
// is the short list of fields whose absence leaves a reference that cannot
// be found.
var essentialFields = map[string][][2]string{
	"article-journal":  {{"container-title", "journal"}, {"issued", "year"}, {"page", "pages"}},
	"book":             {{"publisher", "publisher"}, {"issued", "year"}},
	"chapter":          {{"container-title", "book title"}, {"publisher", "publisher"}, {"issued", "year"}, {"page", "pages"}},
	"paper-conference": {{"container-title", "proceedings title"}, {"issued", "year"}},
	"report":           {{"publisher", "publisher"}, {"issued", "year"}},
	"thesis":           {{"publisher", "university"}, {"issued", "year"}},
	"webpage":          {{"URL", "URL"}},
}

// Missing lists, in words, the fields the style shows that e lacks and
// that a reader needs to find the work: an author (or editor) and title
// always, then essentialFields for its type.
func (s *Style) Missing(e *Entry) []string {
	it := CSLItem(e)
	var m []string
	if e.Type != "webpage" && len(it.Names["author"]) == 0 && len(it.Names["editor"]) == 0 {
		m = append(m, "author")
	}
	if e.Title == "" {
		m = append(m, "title")
	}
	for _, f := range essentialFields[e.Type] {
		v := f[0]
		if !s.vars[v] {
			continue
		}
		has := it.Vars[v] != ""
		switch v {
		case "issued":
			has = it.Dates["issued"] != nil
		case "page":
			has = has || it.Vars["number"] != ""
		case "container-title":
			has = has || it.Vars["container-title-short"] != ""
		}
		if !has {
			m = append(m, f[1])
		}
	}
	return m
}

// Helpers shared by the renderer.

// esc returns the field s as HTML text.
func esc(s string) string { return html.EscapeString(strings.TrimSpace(s)) }

// join joins the parts that are not empty with sep.
func join(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

// citeName is how a name is cited in running text: the family name with a
// non-dropping particle ("van Gogh"), the literal name, or, for a person
// known by one name, the given name.
func citeName(n Name) string {
	if n.Literal != "" {
		return strings.TrimSpace(n.Literal)
	}
	if f := join(" ", strings.TrimSpace(n.Particle), strings.TrimSpace(n.Family)); f != "" {
		return f
	}
	return strings.TrimSpace(n.Given)
}

// namesInText returns the HTML of the authors (else the editors) as a
// numeric style's author-in-text citation names them ("Bateman and
// Fonagy", "Storebø et al"), or the title when there are none. CSL has no
// author-in-text form and numeric styles have no names in their citation
// layout, so this is Pamphlet's own, in the manner of AMA and Vancouver
// text.
func namesInText(e *Entry) string {
	names, truncated := e.Author, e.AuthorsTruncated
	if len(names) == 0 {
		names, truncated = e.Editor, e.EditorsTruncated
	}
	var list []string
	for _, n := range names {
		if s := citeName(n); s != "" {
			list = append(list, esc(s))
		}
	}
	switch {
	case len(list) == 0:
		t := strings.TrimSpace(e.Title)
		if i := strings.Index(t, ": "); i > 0 {
			t = t[:i]
		}
		return esc(t)
	case len(list) >= 3 || truncated:
		return list[0] + " et al"
	case len(list) == 2:
		return list[0] + " and " + list[1]
	}
	return list[0]
}

// linkTo returns textHTML linked to href, or textHTML alone when href is
// not a web address (a javascript: URL from a bibliography must not become
// a link).
func linkTo(href, textHTML string) string {
	if !isWebURL(href) {
		return textHTML
	}
	return `<a href="` + html.EscapeString(href) + `">` + textHTML + `</a>`
}

// isWebURL reports whether u is an absolute http or https address.
func isWebURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (strings.EqualFold(p.Scheme, "https") || strings.EqualFold(p.Scheme, "http")) && p.Host != ""
}

// doiURL returns the https://doi.org/ address of a DOI, percent-escaping
// the characters that cannot stand in a URL path (DOIs may contain "<",
// "#", "%", ...), as the DOI Handbook asks.
func doiURL(doi string) string {
	const keep = "-._~/:;()!$*+,=@'"
	var b strings.Builder
	b.WriteString("https://doi.org/")
	for i := 0; i < len(doi); i++ {
		c := doi[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%")
		b.WriteString(strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
	}
	return b.String()
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
