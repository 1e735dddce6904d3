// Package corpus writes deterministic sites shaped like real
// psychoeducation sites, of any size, for benchmarks: sections of pages of
// about 900 words with headings, lists, a table, emphasis, links to other
// pages, three to six citations each against a bibliography of one entry
// per ten pages, and full trust metadata. It can write the same pages as a
// Hugo site, with one template for pages and one for sections, so the two
// tools can be timed on the same content.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options says what to write.
type Options struct {
	Pages     int  // pages in all, section pages included
	Sections  int  // 6 to 10; 0 means 8
	Citations bool // cite the bibliography (false: the same pages without citations)
	Seed      uint64
	// Translations are the tags of languages besides en-GB (Pamphlet
	// only): every page is also written under each one's folder
	// (content/es/...), as a translation of the English page.
	Translations []string
}

// words is the vocabulary of the generated prose: the plain words of
// patient information, so readability and syllable counting do real work.
var words = strings.Fields(`you your feel feelings think thoughts mind minds other people person
help helps support therapy therapist group session sessions week weeks month months care team
talk talking listen notice notices understand understanding hard difficult strong calm safe
plan crisis family friends carers partner work home life day days time often sometimes many
some most change changes better worse stress anger fear sad worried hope hopeful relationship
relationships trust treatment assessment research study studies evidence trial results show
mentalizing mentalization borderline personality disorder symptoms emotions emotional respond
response behaviour action actions question questions answer curious open honest kind simple
together alone first next last small large important useful clear slow quick moment moments`)

// Write writes a Pamphlet site into dir.
func Write(dir string, o Options) error {
	g := newGen(o)
	files := map[string]string{"site.yaml": siteYAML}
	if len(o.Translations) > 0 {
		files["site.yaml"] = strings.Replace(siteYAML, "language: en-GB\n", "languages:\n  - en-GB\n  - "+strings.Join(o.Translations, "\n  - ")+"\n", 1)
	}
	for _, p := range g.pages {
		md := g.markdown(p, true)
		files["content/"+p.path] = md
		for _, tag := range o.Translations {
			files["content/"+tag+"/"+p.path] = strings.Replace(md, "\n---\n", "\ntranslated_from: 2025-12-31\n---\n", 1)
		}
	}
	if o.Citations {
		files["content/references.bib"] = g.bibtex()
	}
	return writeAll(dir, files)
}

// WriteHugo writes the same pages as a Hugo site into dir.
func WriteHugo(dir string, o Options) error {
	g := newGen(o)
	files := map[string]string{
		"hugo.toml":                        hugoConfig,
		"layouts/_default/single.html":     hugoSingle,
		"layouts/_default/list.html":       hugoList,
		"layouts/index.html":               hugoList,
		"layouts/partials/head.html":       hugoHead,
		"layouts/partials/assets.html":     hugoAssets,
		"layouts/partials/header.html":     hugoHeader,
		"layouts/partials/meta.html":       hugoMeta,
		"layouts/partials/footer.html":     hugoFooter,
		"layouts/partials/sitefooter.html": hugoSiteFooter,
	}
	for _, p := range g.pages {
		files["content/"+p.path] = g.markdown(p, false)
	}
	return writeAll(dir, files)
}

type page struct {
	path    string // content-relative
	title   string
	section int
	index   bool
	n       int
}

type gen struct {
	o     Options
	pages []page
	bib   int
}

func newGen(o Options) *gen {
	if o.Sections == 0 {
		o.Sections = 8
	}
	g := &gen{o: o, bib: max(1, o.Pages/10)}
	g.pages = append(g.pages, page{path: "_index.md", title: "Home", index: true, section: -1})
	for s := 0; s < o.Sections; s++ {
		g.pages = append(g.pages, page{path: fmt.Sprintf("section-%d/_index.md", s), title: fmt.Sprintf("Section %d", s), index: true, section: s})
	}
	for i := 0; len(g.pages) < o.Pages; i++ {
		s := i % o.Sections
		g.pages = append(g.pages, page{path: fmt.Sprintf("section-%d/page-%d.md", s, i), title: fmt.Sprintf("Page %d about %s", i, words[i%len(words)]), section: s, n: i})
	}
	return g
}

// markdown writes one page. cite false keeps the citations as plain text
// for Hugo, which has no citation processor.
func (g *gen) markdown(p page, pamphlet bool) string {
	r := rand.New(rand.NewPCG(g.o.Seed, uint64(len(p.path))*7919+uint64(p.n)))
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %q\n", p.title, "A page about "+words[r.IntN(len(words))]+" and "+words[r.IntN(len(words))]+".")
	b.WriteString("authors:\n  - name: Writer One\n    credentials: RMN, mental health nurse\nreviewed_by:\n  - name: Reviewer Two\n    credentials: MD, consultant psychiatrist\n")
	fmt.Fprintf(&b, "published: 2024-%02d-%02d\nlast_reviewed: 2025-%02d-%02d\naudience: [patients, carers]\nweight: %d\n---\n\n", 1+r.IntN(12), 1+r.IntN(28), 1+r.IntN(12), 1+r.IntN(28), p.n+1)
	if p.index {
		b.WriteString(g.paragraph(r, 60, false, pamphlet) + "\n\n")
		return b.String()
	}
	for h := 0; h < 4; h++ {
		w := words[r.IntN(len(words))]
		fmt.Fprintf(&b, "## %s %s %d\n\n", strings.ToUpper(w[:1])+w[1:], words[r.IntN(len(words))], h)
		for para := 0; para < 3; para++ {
			b.WriteString(g.paragraph(r, 55, para == 0 && h < 4, pamphlet) + "\n\n")
		}
		switch h {
		case 1:
			for i := 0; i < 5; i++ {
				fmt.Fprintf(&b, "- %s\n", g.sentence(r, 8))
			}
			b.WriteString("\n")
		case 2:
			b.WriteString("| What | When | Who |\n|---|---|---|\n")
			for i := 0; i < 4; i++ {
				fmt.Fprintf(&b, "| %s | %s | %s |\n", words[r.IntN(len(words))], words[r.IntN(len(words))], words[r.IntN(len(words))])
			}
			b.WriteString("\n")
		}
	}
	// Links to other pages of the site.
	for i := 0; i < 3; i++ {
		t := g.pages[1+g.o.Sections+r.IntN(max(1, len(g.pages)-1-g.o.Sections))]
		if t.index || t.path == p.path {
			continue
		}
		rel, _ := filepath.Rel(filepath.Dir(p.path), t.path)
		fmt.Fprintf(&b, "See also [%s](%s).\n\n", t.title, filepath.ToSlash(rel))
	}
	return b.String()
}

// paragraph writes about n words in sentences, with emphasis, and (when
// cite) a citation at the end of its first sentence.
func (g *gen) paragraph(r *rand.Rand, n int, cite, pamphlet bool) string {
	var b strings.Builder
	for b.Len() < n*6 {
		s := g.sentence(r, 6+r.IntN(10))
		if r.IntN(4) == 0 {
			parts := strings.SplitN(s, " ", 3)
			if len(parts) == 3 {
				s = parts[0] + " *" + parts[1] + "* " + parts[2]
			}
		}
		b.WriteString(s)
		if cite && g.o.Citations {
			key := fmt.Sprintf("ref%d", r.IntN(g.bib))
			if pamphlet {
				fmt.Fprintf(&b, " [@%s]", key)
			} else {
				fmt.Fprintf(&b, " [%s]", key)
			}
			cite = false
		}
		b.WriteString(" ")
	}
	return strings.TrimSpace(b.String())
}

func (g *gen) sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

// bibtex writes one article per ten pages.
func (g *gen) bibtex() string {
	var b strings.Builder
	for i := 0; i < g.bib; i++ {
		fmt.Fprintf(&b, "@article{ref%d,\n  author = {Author%d, Anne and Second, Bob and Third, Carol},\n  title = {A study of %s and %s number %d},\n  journal = {Journal of Mental Health Studies},\n  shortjournal = {J Ment Health Stud},\n  year = {%d},\n  volume = {%d},\n  number = {%d},\n  pages = {%d--%d},\n  doi = {10.1000/jmhs.%d},\n}\n\n",
			i, i, words[i%len(words)], words[(i*7)%len(words)], i, 1990+i%35, 1+i%60, 1+i%12, 100+i%900, 110+i%900, i)
	}
	return b.String()
}

func writeAll(dir string, files map[string]string) error {
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

const siteYAML = `title: Benchmark leaflets
base_url: https://clinic.example/leaflets/
language: en-GB
organisation:
  name: Example clinic
  email: info@clinic.example
disclaimer: This supports, and does not replace, care from your clinician.
funding: The clinic pays for this site.
advertising: This site carries no advertising.
menu:
  - title: Section 0
    page: section-0/_index.md
  - title: Section 1
    page: section-1/_index.md
`

const hugoConfig = `baseURL = "https://clinic.example/leaflets/"
languageCode = "en-GB"
title = "Benchmark leaflets"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.parser]
autoHeadingID = true
[markup.tableOfContents]
startLevel = 2
endLevel = 2
[params]
disclaimer = "This supports, and does not replace, care from your clinician."
funding = "The clinic pays for this site."
advertising = "This site carries no advertising."
organisation = "Example clinic"
email = "info@clinic.example"
[[menus.main]]
name = "Section 0"
pageRef = "/section-0"
weight = 1
[[menus.main]]
name = "Section 1"
pageRef = "/section-1"
weight = 2
`

// The Hugo layouts below make the same page furniture as Pamphlet's
// default theme, so that the two are timed making the same pages: the
// head with description, canonical, Open Graph and JSON-LD; a header with
// the menu; breadcrumbs; the "On this page" list (Hugo's
// .TableOfContents); the content; bylines and review dates; three related
// pages of the section; previous/next; the footer. What Hugo cannot do
// (citations, trust checks) it is not asked to.
const hugoHead = `<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:description" content="{{ .Description }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ .Site.Title }}">
<meta name="color-scheme" content="light dark">
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "MedicalWebPage" "name" .Title "description" .Description "url" .Permalink "inLanguage" .Site.LanguageCode "datePublished" .Params.published "lastReviewed" .Params.last_reviewed "author" .Params.authors "reviewedBy" .Params.reviewed_by | jsonify | safeJS }}</script>
{{ partialCached "assets.html" . }}</head>
<body class="kind-{{ .Kind }}">
<a class="skip-link" href="#main">Skip to main content</a>
{{ partialCached "header.html" . .Section }}
<main id="main" tabindex="-1">
`

const hugoAssets = `<link rel="stylesheet" href="{{ "css/brand.css" | relURL }}">
<link rel="stylesheet" href="{{ "css/style.css" | relURL }}">
<link rel="stylesheet" href="{{ "css/print.css" | relURL }}" media="print">
<link rel="icon" href="{{ "favicon.svg" | relURL }}" type="image/svg+xml">
`

const hugoHeader = `<header class="site-header">
<div class="wrap">
<a class="site-title" href="{{ .Site.Home.RelPermalink }}"><span>{{ .Site.Title }}</span></a>
<nav class="site-nav" aria-label="Main">
<details class="site-menu">
<summary>Menu</summary>
<ul>
{{ $p := . }}{{ range .Site.Menus.main }}<li><a href="{{ .URL }}"{{ if $p.IsMenuCurrent "main" . }} aria-current="page"{{ else if $p.HasMenuCurrent "main" . }} aria-current="true"{{ end }}>{{ .Name }}</a></li>
{{ end }}</ul>
</details>
</nav>
</div>
</header>
`

const hugoMeta = `<aside class="page-meta" aria-label="About this page">
{{ range .Params.authors }}<p class="byline">Written by {{ .name }} ({{ .credentials }})</p>
{{ end }}{{ range .Params.reviewed_by }}<p class="byline">Reviewed by {{ .name }} ({{ .credentials }})</p>
{{ end }}{{ with .Params.last_reviewed }}{{ $d := time . }}<p class="review-dates">Page last reviewed: <time datetime="{{ $d.Format "2006-01-02" }}">{{ $d.Format "2 January 2006" }}</time> · Next review due: {{ $n := $d.AddDate 3 0 0 }}<time datetime="{{ $n.Format "2006-01-02" }}">{{ $n.Format "2 January 2006" }}</time></p>
{{ end }}{{ with .Params.published }}{{ $d := time . }}<p class="pub-dates">First published: <time datetime="{{ $d.Format "2006-01-02" }}">{{ $d.Format "2 January 2006" }}</time></p>
{{ end }}</aside>
`

const hugoFooter = `</main>
<footer class="site-footer">
<div class="wrap">
{{ partialCached "sitefooter.html" . }}<p class="print-only print-source">{{ .Title }}{{ with .Params.last_reviewed }} · Page last reviewed: {{ (time .).Format "2 January 2006" }}{{ end }} · {{ .Permalink }}</p>
</div>
</footer>
</body>
</html>
`

const hugoSiteFooter = `<p class="disclaimer">{{ .Site.Params.disclaimer }}</p>
<p class="funding">{{ .Site.Params.funding }}</p>
<p class="advertising">{{ .Site.Params.advertising }}</p>
<p class="org">{{ .Site.Params.organisation }} · <a href="mailto:{{ .Site.Params.email }}">{{ .Site.Params.email }}</a></p>
`

const hugoSingle = `{{ partial "head.html" . }}<nav class="breadcrumbs" aria-label="Breadcrumb">
<ol>
{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}<li><span aria-current="page">{{ .Title }}</span></li>
</ol>
</nav>
<article class="page">
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>
{{ end }}<nav class="contents" aria-labelledby="contents-heading">
<h2 id="contents-heading">On this page</h2>
{{ .TableOfContents }}
</nav>
<div class="content">
{{ .Content }}
</div>
{{ partial "meta.html" . }}</article>
<nav class="related" aria-labelledby="related-heading">
<h2 id="related-heading">Related pages</h2>
<ul>
{{ with .NextInSection }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>
{{ with .NextInSection }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>
{{ with .NextInSection }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>
{{ end }}{{ end }}{{ end }}</ul>
</nav>
<nav class="pagenav" aria-label="More in {{ .CurrentSection.Title }}">
<ul>
{{ with .PrevInSection }}<li class="prev"><a href="{{ .RelPermalink }}" rel="prev"><span class="label">Previous</span> <span class="title">{{ .Title }}</span></a></li>
{{ end }}{{ with .NextInSection }}<li class="next"><a href="{{ .RelPermalink }}" rel="next"><span class="label">Next</span> <span class="title">{{ .Title }}</span></a></li>
{{ end }}</ul>
</nav>
{{ partial "footer.html" . }}`

const hugoList = `{{ partial "head.html" . }}<article class="section">
<h1>{{ .Title }}</h1>
<div class="content">
{{ .Content }}
</div>
<nav class="section-list" aria-label="In this section">
<h2>In this section</h2>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>
{{ end }}</ul>
</nav>
{{ partial "meta.html" . }}</article>
{{ partial "footer.html" . }}`
