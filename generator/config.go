package generator

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"

	"gopkg.in/yaml.v2"

	"pamphlet/generator/diag"
	"pamphlet/generator/trust"
)

// ConfigFile is the name of a site's settings file, at the site root.
const ConfigFile = "site.yaml"

// Config holds the site-wide settings read from site.yaml.
type Config struct {
	Title             string       `yaml:"title"`
	Description       string       `yaml:"description"`
	BaseURL           string       `yaml:"base_url"` // e.g. https://clinic.example/patient-info/
	Language          string       `yaml:"language"` // BCP 47, e.g. en-GB; becomes <html lang>
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
	CitationStyle     string       `yaml:"citation_style"`     // ama (default), vancouver or apa
	ReferencesPage    string       `yaml:"references_page"`    // content-relative .md path of the site-wide list
	ReviewInterval    string       `yaml:"review_interval"`    // "3 years" (default), "18 months"
	ReadabilityTarget float64      `yaml:"readability_target"` // US school grade, default 8

	// base is BaseURL parsed; basePath is its path, always ending in "/".
	doc            *yamlDoc // the text of site.yaml, for line numbers
	reviewInterval trust.Interval
	base           *url.URL
	basePath       string
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

// BasePath returns the path part of base_url, starting and ending with "/".
// Every link the site makes starts with it, so the site works when served
// under a sub-path.
func (c *Config) BasePath() string { return c.basePath }

// Absolute reports whether base_url names a host, so canonical links and
// the sitemap can carry full addresses.
func (c *Config) Absolute() bool { return c.base != nil && c.base.Host != "" }

// pageRel cleans a content-relative path as site.yaml may write it.
func pageRel(rel string) string { return path.Clean(strings.TrimPrefix(rel, "/")) }

// policyPage reports whether the page at content-relative path rel is one
// of the site's own policy pages that site.yaml names (contact, privacy,
// editorial policy, disclaimer) or the site-wide references page: the
// principles about a page's medical content do not apply to them.
func (c *Config) policyPage(rel string) bool {
	refs := c.ReferencesPage
	if refs == "" {
		refs = "references.md"
	}
	for _, p := range []string{c.ContactPage, c.PrivacyPage, c.EditorialPg, c.DisclaimerPg, refs} {
		if p != "" && pageRel(p) == rel {
			return true
		}
	}
	return false
}

// editorialURL returns the full address of the editorial policy page that
// site.yaml names, or "". (A build whose site.yaml names a page that is
// not there fails, so no page is rendered with a broken one.)
func (c *Config) editorialURL() string {
	if c.EditorialPg == "" {
		return ""
	}
	return c.AbsURL(escapedPath(PageURL(pageRel(c.EditorialPg))))
}

// AbsURL returns the full address of a site-relative path ("therapy/").
func (c *Config) AbsURL(rel string) string {
	if !c.Absolute() {
		return ""
	}
	u := *c.base
	u.Path = c.basePath + rel
	u.RawPath = ""
	return u.String()
}

// LoadConfig reads site.yaml from the site root. baseURL, when not empty,
// overrides the file's base_url. A missing file is an error that says how
// to make one.
func LoadConfig(root, baseURL string) (*Config, diag.List) {
	var diags diag.List
	src, err := os.ReadFile(filepath.Join(root, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(ConfigFile, 0, 0, "there is no site.yaml in %s: is this a Pamphlet site? Run \"pamphlet new DIR\" to start one, or pass --site DIR", root)
		return nil, diags
	}
	if err != nil {
		diags.Errorf(ConfigFile, 0, 0, "cannot read site.yaml: %v", err)
		return nil, diags
	}
	return ParseConfig(src, baseURL)
}

// ParseConfig decodes the bytes of site.yaml; see LoadConfig.
func ParseConfig(src []byte, baseURL string) (*Config, diag.List) {
	var diags diag.List
	cfg := &Config{}
	src, d := cleanText(ConfigFile, src)
	if d != nil {
		diags.Add(*d)
		return nil, diags
	}
	doc := newYAMLDoc(ConfigFile, 0, src)
	var m yaml.MapSlice
	if err := yaml.Unmarshal(src, &m); err != nil {
		diags.Add(doc.syntaxError(err))
		return nil, diags
	}
	cfg.doc = doc
	dec := &decoder{doc: doc, what: "site settings"}
	dec.decodeValue(m, reflect.ValueOf(cfg).Elem(), -1, "")
	diags.Add(dec.diags...)
	if baseURL != "" {
		cfg.BaseURL = baseURL
	}
	if cfg.Title == "" {
		diags.Errorf(ConfigFile, 1, 0, "the site has no title: add a line such as \"title: Understanding MBT\"")
	}
	if cfg.Language == "" {
		cfg.Language = "en"
	}
	cfg.reviewInterval = trust.DefaultInterval
	if cfg.ReviewInterval != "" {
		iv, err := trust.ParseInterval(cfg.ReviewInterval)
		if err != nil {
			diags.Errorf(ConfigFile, cfg.lineOf("review_interval", cfg.ReviewInterval), 0, "review_interval: %v", err)
		} else {
			cfg.reviewInterval = iv
		}
	}
	if cfg.ReadabilityTarget == 0 {
		cfg.ReadabilityTarget = 8
	} else if cfg.ReadabilityTarget < 1 || cfg.ReadabilityTarget > 18 {
		diags.Errorf(ConfigFile, cfg.lineOf("readability_target", ""), 0, "readability_target is %g: give a US school grade between 1 and 18; 8 or below is what health bodies advise", cfg.ReadabilityTarget)
	}
	diags.Add(cfg.setBase(doc)...)
	return cfg, diags
}

// setBase checks base_url and derives the base path.
func (c *Config) setBase(doc *yamlDoc) []diag.Diagnostic {
	line := doc.fileLine(doc.keyLine("base_url", -1))
	if c.BaseURL == "" {
		c.basePath = "/"
		return []diag.Diagnostic{diag.Warnf(ConfigFile, line, 0, "base_url is not set, so pages have no canonical links and the sitemap is left out: add the site's full address, e.g. base_url: https://clinic.example/patient-info/")}
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == "") || u.RawQuery != "" || u.Fragment != "" {
		c.basePath = "/"
		return []diag.Diagnostic{diag.Errorf(ConfigFile, line, 0, "base_url %q is not a web address: write it in full, e.g. https://clinic.example/patient-info/", c.BaseURL)}
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	c.base, c.basePath = u, p
	if u.Host == "" {
		return []diag.Diagnostic{diag.Warnf(ConfigFile, line, 0, "base_url %q has no host, so pages have no canonical links and the sitemap is left out: write it in full, e.g. https://clinic.example%s", c.BaseURL, p)}
	}
	return nil
}

// lineOf returns the line of site.yaml on which key has the value val, or
// on which key first appears, or 0.
func (c *Config) lineOf(key, val string) int {
	if c.doc == nil {
		return 0
	}
	first := 0
	for i, l := range c.doc.lines {
		t := strings.TrimLeft(l, " \t-")
		if !strings.HasPrefix(t, key+":") {
			continue
		}
		if first == 0 {
			first = i + 1
		}
		v := strings.Trim(strings.TrimSpace(strings.TrimPrefix(t, key+":")), `"'`)
		if v == val {
			return i + 1
		}
	}
	return first
}
