package resolve

import (
	"cmp"
	"slices"
	"strings"

	"pamphlet/generator/i18n"
	"pamphlet/generator/page"
	"pamphlet/generator/site"
)

// linkTranslations fills in Translations on a site of several languages:
// the pages that share a key (page.Page.Key) are translations of one
// another. A page that says it is a translation, by translated_from: or
// by its name (therapy.es.md), of a page the default language does not
// have is a warning: it is published, but nothing tells its readers, or
// check, when it falls behind.
func (s *Site) linkTranslations() {
	c := s.Config
	for _, p := range s.Pages {
		if p.Lang == c.DefaultLanguage() && p.Front.TranslatedFrom != nil {
			s.Diags.Warnf(p.Path, p.KeyLines["translated_from"], 0, "translated_from is for a translation, and this page is in the site's default language, %s, so it is ignored: remove it, or, if the page is a translation, say into which language by its name (x.es.md) or folder (es/x.md), with the language in site.yaml's languages:", site.LanguageName(c.DefaultLanguage()))
		}
	}
	if !c.Multilingual() {
		return
	}
	order := map[string]int{}
	for i, l := range c.Languages() {
		order[l.Tag] = i
	}
	byKey := map[string][]*page.Page{}
	for _, p := range s.Pages {
		byKey[p.Key] = append(byKey[p.Key], p)
	}
	s.Translations = map[string][]*page.Page{}
	for key, ps := range byKey {
		if len(ps) < 2 {
			continue
		}
		slices.SortFunc(ps, func(a, b *page.Page) int { return cmp.Compare(order[a.Lang], order[b.Lang]) })
		s.Translations[key] = ps
	}
	def := c.DefaultLanguage()
	for _, p := range s.Pages {
		if p.Generated || p.Lang == def || p.Source != "" {
			continue
		}
		named := !strings.HasPrefix(strings.ToLower(p.Rel), strings.ToLower(c.Lang(p.Lang).Prefix()))
		if p.Front.TranslatedFrom == nil && !named {
			continue // a page in this language only
		}
		src := site.ContentDir + "/" + p.Key
		if named {
			s.Diags.Warnf(p.Path, 1, 0, "this file is named as the %s translation of %s, which does not exist: correct the name if the page it translates has another, add that page, or, if this page is in %s only, move it to %s", site.LanguageName(p.Lang), src, site.LanguageName(p.Lang), site.ContentDir+"/"+c.Lang(p.Lang).Prefix()+p.Key)
			continue
		}
		s.Diags.Warnf(p.Path, p.KeyLines["translated_from"], 0, "translated_from says this page is a translation, but there is no page %s in %s that it translates (a translation has the path of its source page, under the language's folder or with .%s before .md): correct the file's name or folder, or, if this page is in %s only, remove translated_from:", src, site.LanguageName(c.DefaultLanguage()), p.Lang, site.LanguageName(p.Lang))
	}
}

// TranslationsOf returns the page and its translations, in the order of
// site.yaml's languages, or nil when it has none.
func (s *Site) TranslationsOf(p *page.Page) []*page.Page {
	if s.Translations == nil {
		return nil
	}
	ts := s.Translations[p.Key]
	if !slices.Contains(ts, p) {
		return nil // two pages at one key, one of them not published
	}
	return ts
}

// In returns the page's translation into the language tag, or the page
// itself when it has none: what a page in that language links to when
// site.yaml names the page.
func (s *Site) In(p *page.Page, tag string) *page.Page {
	if p == nil || p.Lang == tag {
		return p
	}
	for _, t := range s.TranslationsOf(p) {
		if t.Lang == tag {
			return t
		}
	}
	return p
}

// SourceOf returns the published page a translation was made from, or
// nil.
func (s *Site) SourceOf(p *page.Page) *page.Page {
	if p.Source == "" {
		return nil
	}
	return s.ByRel[p.Source]
}

// checkHandoutLanguages warns, where site.yaml asks for handouts, of the
// languages written right to left, whose pages get none: the PDF writer
// cannot yet lay out right-to-left text.
func (s *Site) checkHandoutLanguages() {
	c := s.Config
	if !c.Handouts {
		return
	}
	for _, l := range c.Languages() {
		if i18n.Dir(l.Tag) == "rtl" {
			s.Diags.Warnf(site.ConfigFile, c.Line("handouts"), c.Col("handouts"), "handouts: pages in %s get no PDF handout, because Pamphlet cannot yet lay out text written right to left in a PDF; their web pages print well from the browser", site.LanguageName(l.Tag))
		}
	}
}
