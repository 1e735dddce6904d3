package site

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"pamphlet/generator/brand"
	"pamphlet/generator/cite"
	"pamphlet/generator/diag"

	"pamphlet/generator/trust"
	"pamphlet/internal/yamldecode"
)

// Config holds the site-wide settings read from site.yaml.
type Config struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	BaseURL     string `yaml:"base_url"` // e.g. https://clinic.example/patient-info/
	Language    string `yaml:"language"` // BCP 47, e.g. en-GB; becomes <html lang>
	// Langs are the site's languages, the default first (see Language);
	// without languages:, the one language: names.
	Langs             []Language   `yaml:"languages"`
	UnsafeHTML        bool         `yaml:"unsafe_html"`
	Menu              []MenuEntry  `yaml:"menu"`
	Organisation      Organisation `yaml:"organisation"`
	Disclaimer        string       `yaml:"disclaimer"`
	Funding           string       `yaml:"funding"`
	Advertising       string       `yaml:"advertising"`
	ContactPage       string       `yaml:"contact_page"`          // content-relative .md path
	PrivacyPage       string       `yaml:"privacy_page"`          // content-relative .md path
	EditorialPg       string       `yaml:"editorial_policy_page"` // content-relative .md path
	DisclaimerPg      string       `yaml:"disclaimer_page"`       // content-relative .md path
	CrisisPage        string       `yaml:"crisis_page"`           // content-relative .md path
	Crisis            []CrisisLine `yaml:"crisis"`
	Bibliography      []string     `yaml:"bibliography"`       // site-relative paths of more bibliography files
	CitationStyle     string       `yaml:"citation_style"`     // a built-in CSL style (ama, the default; apa, vancouver, ...) or a site-relative .csl file
	ReferencesPage    string       `yaml:"references_page"`    // content-relative .md path of the site-wide list
	ReviewInterval    string       `yaml:"review_interval"`    // "3 years" (default), "18 months"
	ReadabilityTarget float64      `yaml:"readability_target"` // US school grade, default 8
	Brand             Brand        `yaml:"brand"`
	// Handouts makes a printable PDF of each medical page (handout.pdf
	// beside it), on Paper: "A4" (the default) or "letter".
	Handouts bool   `yaml:"handouts"`
	Paper    string `yaml:"paper"`

	// pos says where each setting stands in site.yaml; base is BaseURL
	// parsed, basePath its path, always ending in "/"; baseFromFlag says
	// that --base-url gave it.
	pos            yamldecode.Positions
	text           string // site.yaml as read, for the placeholder check
	reviewInterval trust.Interval
	theme          brand.Theme // the colours derived from Brand, checked
	base           *url.URL
	basePath       string
	baseFromFlag   bool
	languageSet    bool // site.yaml set language:
}

// MenuEntry is one item of the site menu: a page of the site (a
// content-relative .md path, checked by the build) or an outside URL.
type MenuEntry struct {
	Title string `yaml:"title"`
	Page  string `yaml:"page"`
	URL   string `yaml:"url"`
}

// Organisation is who publishes the site.
type Organisation struct {
	Name    string `yaml:"name"`
	URL     string `yaml:"url"`
	Address string `yaml:"address"`
	Email   string `yaml:"email"`
	Phone   string `yaml:"phone"`
}

// CrisisLine is a helpline shown in the crisis-support box.
type CrisisLine struct {
	Name    string `yaml:"name"`    // "Samaritans"
	When    string `yaml:"when"`    // "If you need to talk to someone"
	Phone   string `yaml:"phone"`   // "116 123": shown as a link that calls it
	Text    string `yaml:"text"`    // "85258": shown as a link that starts a text message
	Contact string `yaml:"contact"` // anything else: "free, day or night", "or go to A&E"
	Region  string `yaml:"region"`  // "UK", "US": lines are grouped by it
}

// Brand is a clinic's own look: its logo and two colours, which the
// build checks for contrast against WCAG 2.2 before it uses them.
type Brand struct {
	Logo    string `yaml:"logo"`     // an SVG or PNG file under static/, e.g. img/logo.svg
	LogoAlt string `yaml:"logo_alt"` // the logo's text for people who cannot see it
	Colour  string `yaml:"colour"`   // the header, links, headings, buttons: #005eb8, rgb(0, 94, 184), navy
	Accent  string `yaml:"accent"`   // the focus ring that shows keyboard users where they are
}

// Theme returns the colours derived from Brand, checked for contrast.
func (c *Config) Theme() brand.Theme { return c.theme }

// ReviewEvery returns review_interval, read: how long after its last
// review a page is due for another.
func (c *Config) ReviewEvery() trust.Interval { return c.reviewInterval }

// Text returns site.yaml as read, for the check for placeholder text.
func (c *Config) Text() string { return c.text }

// ExtraFiles lists the files outside the site's folders that site.yaml
// names and the site is built from: its bibliographies and its own .csl
// style, as slash-separated paths from the site root. The digest that
// tells an unchanged site, and the dev server's watcher, both take them
// from here.
func (c *Config) ExtraFiles() []string {
	var out []string
	for _, p := range c.Bibliography {
		out = append(out, path.Clean(filepath.ToSlash(p)))
	}
	if f := c.StyleFile(); f != "" {
		out = append(out, f)
	}
	for _, l := range c.Langs {
		out = append(out, c.SynonymsFileIn(l.Tag))
	}
	return out
}

// StyleFile returns the site-relative path of the site's own .csl style,
// or "" when it uses a built-in one (or there are no settings).
func (c *Config) StyleFile() string {
	if c == nil || !cite.IsStyleFile(c.CitationStyle) {
		return ""
	}
	return path.Clean(filepath.ToSlash(strings.TrimSpace(c.CitationStyle)))
}

// BasePath returns the path part of base_url, starting and ending with "/".
// Every link the site makes starts with it, so the site works when served
// under a sub-path.
func (c *Config) BasePath() string { return c.basePath }

// Absolute reports whether base_url names a host, so canonical links and
// the sitemap can carry full addresses.
func (c *Config) Absolute() bool { return c.base != nil && c.base.Host != "" }

// PageRel cleans a content-relative path as site.yaml may write it.
func PageRel(rel string) string { return path.Clean(strings.TrimPrefix(rel, "/")) }

// PolicyPage reports whether the page at content-relative path rel is one
// of the site's own policy pages that site.yaml names (contact, privacy,
// editorial policy, disclaimer) or the site-wide references page, or a
// translation of one: the principles about a page's medical content do
// not apply to them.
func (c *Config) PolicyPage(rel string) bool {
	_, key := c.LanguageOf(rel)
	refs := c.ReferencesPage
	if refs == "" {
		refs = "references.md"
	}
	for _, p := range []string{c.ContactPage, c.PrivacyPage, c.EditorialPg, c.DisclaimerPg, refs} {
		if p != "" && PageRel(p) == key {
			return true
		}
	}
	for _, l := range c.Langs {
		for _, p := range []string{l.ContactPage, l.PrivacyPage, l.EditorialPg, l.DisclaimerPg} {
			if p != "" && PageRel(p) == rel {
				return true
			}
		}
	}
	return false
}

// editorialURL returns the full address of the editorial policy page that
// site.yaml names, or "". (A build whose site.yaml names a page that is
// not there fails, so no page is rendered with a broken one.)
func (c *Config) EditorialURL() string {
	if c.EditorialPg == "" {
		return ""
	}
	return c.AbsURL(PageURL(PageRel(c.EditorialPg)))
}

// AbsURL returns the full address of a site-relative path ("therapy/",
// "über-uns/"), each segment percent-encoded once, as Href encodes it.
func (c *Config) AbsURL(rel string) string {
	if !c.Absolute() {
		return ""
	}
	return c.base.Scheme + "://" + c.base.Host + Href(c.basePath, rel)
}

// LoadConfig reads site.yaml from the site root. baseURL, when not empty,
// overrides the file's base_url. A missing file is an error that says how
// to make one.
func LoadConfig(root, baseURL string) (*Config, diag.List) {
	var diags diag.List
	src, err := ReadRegular(filepath.Join(root, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(ConfigFile, 0, 0, "there is no site.yaml in %s: is this a Pamphlet site? Run \"pamphlet new DIR\" to start one, or pass --site DIR", root)
		return nil, diags
	}
	if err != nil {
		diags.Errorf(ConfigFile, 0, 0, "cannot read site.yaml: %v", diag.Cause(err))
		return nil, diags
	}
	return ParseConfig(src, baseURL)
}

// ParseConfig decodes the bytes of site.yaml; see LoadConfig. It checks
// every setting and reports every problem at once. The Config it returns
// is nil only when the file cannot be read as YAML at all; otherwise a
// setting that is wrong is left at its default, so that the rest of the
// site can still be checked.
func ParseConfig(src []byte, baseURL string) (*Config, diag.List) {
	var diags diag.List
	cfg := &Config{}
	src, d := CleanText(ConfigFile, src)
	if d != nil {
		diags.Add(*d)
		return nil, diags
	}
	pos, d2 := yamldecode.New[Config]().Decode(yamldecode.Source{File: ConfigFile, What: "site settings"}, src, cfg)
	diags.Add(d2...)
	for _, x := range d2 {
		if yamldecode.IsSyntaxError(x) {
			return nil, diags
		}
	}
	cfg.pos, cfg.text = pos, string(src)
	if baseURL != "" {
		cfg.BaseURL = baseURL
		cfg.baseFromFlag = true
	}
	if strings.TrimSpace(cfg.Title) == "" {
		diags.Errorf(ConfigFile, max(1, cfg.Line("title")), 0, "the site has no title: add a line such as \"title: Understanding MBT\"")
	}
	diags.Add(cfg.checkLanguages()...)
	cfg.reviewInterval = trust.DefaultInterval
	if cfg.ReviewInterval != "" {
		iv, err := trust.ParseInterval(cfg.ReviewInterval)
		if err != nil {
			diags.Errorf(ConfigFile, cfg.Line("review_interval"), cfg.Col("review_interval"), "review_interval: %v", err)
		} else {
			cfg.reviewInterval = iv
		}
	}
	if cfg.ReadabilityTarget == 0 {
		cfg.ReadabilityTarget = 8
	} else if cfg.ReadabilityTarget < 1 || cfg.ReadabilityTarget > 18 {
		diags.Errorf(ConfigFile, cfg.Line("readability_target"), cfg.Col("readability_target"), "readability_target is %g: give a US school grade between 1 and 18; 8 or below is what health bodies advise", cfg.ReadabilityTarget)
		cfg.ReadabilityTarget = 8
	}
	if !cite.IsBuiltin(cfg.CitationStyle) && !cite.IsStyleFile(cfg.CitationStyle) {
		diags.Errorf(ConfigFile, cfg.Line("citation_style"), cfg.Col("citation_style"), "citation_style %q is not a style Pamphlet knows: use %s, or the path of a .csl file in the site (e.g. styles/my-clinic.csl)", cfg.CitationStyle, strings.Join(cite.StyleNames(), ", "))
		cfg.CitationStyle = ""
	}
	diags.Add(cfg.checkCrisis()...)
	diags.Add(cfg.checkBrand()...)
	diags.Add(cfg.checkPaper()...)
	diags.Add(cfg.setBase()...)
	return cfg, diags
}

// checkBrand reads the brand colours and derives the theme's colours from
// them, light and dark; a colour that cannot be read, or that fails a
// contrast the theme needs, is an error at its line that gives the ratio
// found, the ratio needed and the nearest colour of the same hue that
// passes. The default brand stands in for what is wrong, so the rest of
// the site is still checked.
// checkPaper checks the handouts' paper size, and writes it as the
// handouts take it.
func (c *Config) checkPaper() []diag.Diagnostic {
	switch strings.ToLower(strings.TrimSpace(c.Paper)) {
	case "", "a4":
		c.Paper = "A4"
	case "letter", "us letter":
		c.Paper = "letter"
	default:
		d := diag.Errorf(ConfigFile, c.Line("paper"), c.Col("paper"), "paper %q is not a paper size Pamphlet prints handouts on: write A4 (the default) or letter", c.Paper)
		c.Paper = "A4"
		return []diag.Diagnostic{d}
	}
	return nil
}

func (c *Config) checkBrand() []diag.Diagnostic {
	var diags []diag.Diagnostic
	var b brand.Brand
	for _, f := range []struct {
		key string
		val string
		dst *brand.Colour
		set *bool
	}{{"colour", c.Brand.Colour, &b.Colour, &b.ColourSet}, {"accent", c.Brand.Accent, &b.Accent, &b.AccentSet}} {
		if strings.TrimSpace(f.val) == "" {
			continue
		}
		col, err := brand.ParseColour(f.val)
		if err != nil {
			key := "brand." + f.key
			diags = append(diags, diag.Errorf(ConfigFile, c.Line(key), c.Col(key), "brand %s: %v", f.key, err))
			continue
		}
		*f.dst, *f.set = col, true
	}
	theme, problems := brand.Derive(b)
	for _, p := range problems {
		key := "brand." + p.Setting
		diags = append(diags, diag.Errorf(ConfigFile, c.Line(key), c.Col(key), "%s: put that in brand: as %s: \"%s\", or choose another colour that passes", p, p.Setting, p.Nearest))
	}
	if len(problems) > 0 {
		theme, _ = brand.Derive(brand.Default())
	}
	c.theme = theme
	if l := c.Brand.Logo; l != "" {
		c.Brand.Logo = strings.TrimPrefix(PageRel(l), StaticDir+"/") // "static/img/logo.svg" means the same
		if ext := strings.ToLower(path.Ext(l)); ext != ".svg" && ext != ".png" {
			diags = append(diags, diag.Errorf(ConfigFile, c.Line("brand.logo"), c.Col("brand.logo"), "brand logo %q is not an SVG or PNG file: save the logo as .svg (best: sharp at any size) or .png, put it under static/, and name it here, e.g. logo: img/logo.svg", l))
			c.Brand.Logo = ""
		}
	}
	return diags
}

// checkCrisis checks that every crisis line's phone and text numbers can
// be dialled as written: a number with words in it ("111, option 2")
// would otherwise become a link that calls the wrong number.
func (c *Config) checkCrisis() []diag.Diagnostic {
	diags := c.checkCrisisLines("", c.Crisis)
	for _, l := range c.Langs {
		diags = append(diags, c.checkCrisisLines(l.at+".", l.Crisis)...)
	}
	return diags
}

// checkCrisisLines checks one list of crisis lines, at the key path
// prefix+"crisis".
func (c *Config) checkCrisisLines(prefix string, lines []CrisisLine) []diag.Diagnostic {
	var diags []diag.Diagnostic
	for i, l := range lines {
		at := fmt.Sprintf("%scrisis[%d]", prefix, i+1)
		name := l.Name
		if name == "" {
			name = at
			diags = append(diags, diag.Errorf(ConfigFile, c.Line(at), c.Col(at), "%s has no name: add name: (e.g. name: Samaritans), which readers see beside the number", at))
		}
		for _, f := range []struct{ key, val, verb string }{{"phone", l.Phone, "call"}, {"text", l.Text, "text"}} {
			if f.val == "" {
				continue
			}
			if why := dialable(f.val); why != "" {
				key := at + "." + f.key
				diags = append(diags, diag.Errorf(ConfigFile, c.Line(key), c.Col(key), "%s (%s): %s %q %s, so the link would %s the wrong number: write only the number, e.g. %s: \"116 123\", and put anything else (\"choose option 2\", \"send the word SHOUT\") in contact:", at, name, f.key, f.val, why, f.verb, f.key))
			}
		}
		if l.Phone == "" && l.Text == "" && l.Contact == "" {
			diags = append(diags, diag.Errorf(ConfigFile, c.Line(at), c.Col(at), "%s (%s) says neither how to call, text nor reach it: add phone:, text: or contact:", at, name))
		}
	}
	return diags
}

// dialable returns "" when a crisis number is written as one that can be
// dialled: digits, with spaces or hyphens between groups, and an optional
// + in front; otherwise it says what is wrong.
func dialable(n string) string {
	digits := 0
	for i, r := range n {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case (r == ' ' || r == '-') && i > 0 && i < len(n)-1:
		default:
			return fmt.Sprintf("holds %q, which is not part of a number", string(r))
		}
	}
	if digits < 2 {
		return "is not a number"
	}
	return ""
}

// line returns the line of site.yaml that holds the setting at a key path
// ("citation_style", "crisis[2].phone", "menu[1]"), or 0 when it is not
// there or comes from a flag.
func (c *Config) Line(path string) int { return c.pos.Line(path) }

// col returns the column of the setting at a key path, or 0.
func (c *Config) Col(path string) int { return c.pos.At(path).Col }

// setBase checks base_url and derives the base path. A bad --base-url is
// blamed on the flag, not on site.yaml.
func (c *Config) setBase() []diag.Diagnostic {
	file, line, col, what := ConfigFile, c.Line("base_url"), c.Col("base_url"), "base_url"
	if c.baseFromFlag {
		file, line, col, what = "--base-url", 0, 0, "--base-url"
	}
	if c.BaseURL == "" {
		c.basePath = "/"
		return []diag.Diagnostic{diag.Warnf(ConfigFile, line, 0, "base_url is not set, so pages have no canonical links and the sitemap is left out: add the site's full address, e.g. base_url: https://clinic.example/patient-info/")}
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == "") || u.RawQuery != "" || u.Fragment != "" {
		c.basePath = "/"
		return []diag.Diagnostic{diag.Errorf(file, line, col, "%s %q is not a web address: write it in full, e.g. https://clinic.example/patient-info/", what, c.BaseURL)}
	}
	// The base path is kept percent-encoded, as links write it.
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	c.base, c.basePath = u, p
	if u.Host == "" {
		return []diag.Diagnostic{diag.Warnf(file, line, col, "%s %q has no host, so pages have no canonical links and the sitemap is left out: write it in full, e.g. https://clinic.example%s", what, c.BaseURL, p)}
	}
	return nil
}
