package generator

import (
	"strings"
	"testing"
)

// TestBrandReachesTheSite: a passing brand colour and a logo reach every
// page, the brand stylesheet (light, dark and print) and the header.
func TestBrandReachesTheSite(t *testing.T) {
	s := newTestSite(t, goodSite+`
-- static/img/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
`)
	s.write("site.yaml", "title: Clinic\nbase_url: https://clinic.example/info/\nbrand:\n  colour: \"#005eb8\"\n  accent: chocolate\n  logo: img/logo.svg\n  logo_alt: Riverside Clinic\n")
	s.mustBuild()
	css := s.read("css/brand.css")
	assertContains(t, css, "--header: #005eb8;", "@media (prefers-color-scheme: dark)", "@media print")
	page := s.read("therapy/what-to-expect/index.html")
	assertContains(t, page, `<link rel="stylesheet" href="/info/css/brand.css">`, `<img class="site-logo" src="/info/img/logo.svg" alt="Riverside Clinic">`)
	if strings.Index(page, "css/brand.css") > strings.Index(page, "css/style.css") {
		t.Error("brand.css must come before style.css, which uses its colours")
	}
}

// TestBrandIsChecked: a brand colour that would make text unreadable, a
// colour that cannot be read, and a missing or wrong logo are errors at
// their line in site.yaml, and the previous site stays.
func TestBrandIsChecked(t *testing.T) {
	const base = "title: Clinic\nbase_url: https://clinic.example/\nbrand:\n"
	runBreakCases(t, goodSite, []breakCase{
		{
			name:  "a colour too pale for links on white",
			files: map[string]string{"site.yaml": base + "  colour: \"#ffcc00\"\n"},
			want:  []string{`site.yaml:4:11: error: brand colour #ffcc00 is too light for links on the white page in light mode: contrast 1.5:1, needs 4.5:1; the nearest colour of the same hue that passes is #917300: put that in brand: as colour: "#917300", or choose another colour that passes`},
			fails: true,
		},
		{
			name:  "an accent too pale for the focus ring",
			files: map[string]string{"site.yaml": base + "  accent: gold\n"},
			want:  []string{`site.yaml:4:11: error: brand accent #ffd700 is too light for the focus ring`, `needs 3:1`},
			fails: true,
		},
		{
			name:  "a colour that is not one",
			files: map[string]string{"site.yaml": base + "  colour: bleu\n"},
			want:  []string{`site.yaml:4:11: error: brand colour: `},
			fails: true,
		},
		{
			name:  "a see-through colour",
			files: map[string]string{"site.yaml": base + "  colour: \"#005eb880\"\n"},
			want:  []string{`site.yaml:4:11: error: brand colour: `},
			fails: true,
		},
		{
			name:  "a logo that is not there",
			files: map[string]string{"site.yaml": base + "  logo: img/logo.svg\n"},
			want:  []string{`site.yaml:4:9: error: brand logo "img/logo.svg": there is no file static/img/logo.svg`},
			fails: true,
		},
		{
			name:  "a logo that is not SVG or PNG",
			files: map[string]string{"site.yaml": base + "  logo: logo.gif\n", "static/logo.gif": "GIF89a"},
			want:  []string{`site.yaml:4:9: error: brand logo "logo.gif" is not an SVG or PNG file`},
			fails: true,
		},
	})
}
