package i18n

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"pamphlet/generator/diag"
	"pamphlet/generator/site"
)

// loader is the state of one Load.
type loader struct {
	root   string
	tags   []string          // the site's languages, the default first, each once
	needed map[string]bool   // lower-case tags that a strings file may be for: the site's languages and their parents (es for es-MX)
	site   map[string]*layer // the site's files, by lower-case tag
	theme  map[string]*layer // the theme's files read so far, by lower-case tag (nil: none)
	files  []string
	diags  diag.List
}

func newLoader(root string, tags []string) *loader {
	l := &loader{root: root, needed: map[string]bool{}, site: map[string]*layer{}, theme: map[string]*layer{}}
	for _, t := range tags {
		if !slices.ContainsFunc(l.tags, func(u string) bool { return strings.EqualFold(t, u) }) {
			l.tags = append(l.tags, t)
		}
	}
	if len(l.tags) == 0 {
		l.tags = []string{"en"}
	}
	for _, t := range l.tags {
		for _, p := range prefixes(t) {
			l.needed[p] = true
		}
	}
	return l
}

// prefixes returns a tag and its parents, lower-case, most specific
// first: "es-MX" gives "es-mx" and "es"; "zh-Hant-TW" gives "zh-hant-tw",
// "zh-hant" and "zh".
func prefixes(tag string) []string {
	t := strings.ToLower(tag)
	list := []string{t}
	for {
		i := strings.LastIndexByte(t, '-')
		if i <= 0 {
			return list
		}
		t = t[:i]
		list = append(list, t)
	}
}

// readSite reads and checks the site's strings files, one per language
// of the site (or parent of one), and reports every other file in the
// folder.
func (l *loader) readSite() {
	entries, err := os.ReadDir(filepath.Join(l.root, site.I18nDir))
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		l.diags.Errorf(site.I18nDir, 0, 0, "cannot read the folder of the site's own words (%v): check that it is a folder, and that you may open it", diag.Cause(err))
		return
	}
	names := map[string]string{} // file name by lower-case tag
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // .DS_Store, an editor's backup
		}
		file := site.I18nDir + "/" + name
		stem, isYAML := strings.CutSuffix(name, ".yaml")
		if alt, ok := strings.CutSuffix(name, ".yml"); ok {
			l.diags.Warnf(file, 0, 0, "this file is not read: Pamphlet reads strings files ending in .yaml; rename it %s/%s.yaml", site.I18nDir, alt)
			continue
		}
		if !isYAML || e.IsDir() {
			l.diags.Warnf(file, 0, 0, "this is not read: the %s folder holds one strings file per language, named after the language, such as %s/%s.yaml", site.I18nDir, site.I18nDir, l.tags[0])
			continue
		}
		if _, err := language.Parse(stem); err != nil {
			l.diags.Warnf(file, 0, 0, "%q is not a language tag, so this file is not read: name it after one of the site's languages (%s), such as %s/%s.yaml", stem, strings.Join(l.tags, ", "), site.I18nDir, l.tags[0])
			continue
		}
		tag := strings.ToLower(stem)
		if !l.needed[tag] {
			l.diags.Warnf(file, 0, 0, "this file is for %s, which is not one of the site's languages (%s), so it is not used: add %s to languages: in %s, or remove the file", stem, strings.Join(l.tags, ", "), stem, site.ConfigFile)
			continue
		}
		if other, ok := names[tag]; ok {
			l.diags.Errorf(file, 0, 0, "this file and %s/%s are both for %s, so this one is not read: keep one of them", site.I18nDir, other, stem)
			continue
		}
		names[tag] = name
		l.readFile(file, tag)
	}
}

// readFile reads and checks one of the site's strings files.
func (l *loader) readFile(file, tag string) {
	l.files = append(l.files, file)
	text, err := site.ReadRegular(filepath.Join(l.root, filepath.FromSlash(file)))
	if err != nil {
		l.diags.Errorf(file, 0, 0, "cannot read this file (%v): check that it is a plain text file that you may open", diag.Cause(err))
		return
	}
	text, bad := site.CleanText(file, text)
	if bad != nil {
		l.diags.Add(*bad)
		return
	}
	lay, diags := parseLayer(file, tag, text)
	l.diags.Add(diags...)
	checkLayer(lay, rulesFor(tagOf(tag)), l.themeLayer("en"), &l.diags)
	l.site[tag] = lay
}

// themeLayer returns the theme's strings file for a lower-case tag, or
// nil, reading each once.
func (l *loader) themeLayer(tag string) *layer {
	lay, ok := l.theme[tag]
	if !ok {
		lay = themeLayer(tag)
		l.theme[tag] = lay
	}
	return lay
}

// own returns a language's own layers, most important first: the site's
// files for the tag and its parents, then the theme's.
func (l *loader) own(tag string) []*layer {
	var layers []*layer
	for _, p := range prefixes(tag) {
		if lay := l.site[p]; lay != nil {
			layers = append(layers, lay)
		}
	}
	for _, p := range prefixes(tag) {
		if lay := l.themeLayer(p); lay != nil {
			layers = append(layers, lay)
		}
	}
	return layers
}

// catalog resolves every language's words (see resolve) and what each
// lacks.
func (l *loader) catalog() *Catalog {
	c := &Catalog{tags: l.tags, strings: map[string]Strings{}, files: l.files}
	slices.Sort(c.files)
	def := l.tags[0]
	own := l.own(def)
	var english Strings
	if !slices.Contains(own, l.themeLayer("en")) {
		english, _ = resolve("en", []*layer{l.themeLayer("en")}, nil)
	}
	defWords, given := resolve(def, own, english)
	c.strings[strings.ToLower(def)] = defWords
	if english != nil {
		c.addMissing(def, missingKeys(def, english, given))
	}
	for _, tag := range l.tags[1:] {
		s, given := resolve(tag, l.own(tag), defWords)
		c.strings[strings.ToLower(tag)] = s
		c.addMissing(tag, missingKeys(tag, defWords, given))
	}
	return c
}

// addMissing records what a language lacks, with the file to write it in:
// the site's file for the tag if it has one, else a new one.
func (c *Catalog) addMissing(tag string, keys []string) {
	if len(keys) == 0 {
		return
	}
	file := site.I18nDir + "/" + tag + ".yaml"
	for _, f := range c.files {
		if strings.EqualFold(f, file) {
			file = f
		}
	}
	c.missing = append(c.missing, Missing{Lang: tag, Keys: keys, File: file})
}
