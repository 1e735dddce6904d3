package generator

import (
	"encoding/json"
	"strings"
	"testing"
)

const searchSite = `
-- site.yaml --
title: Clinic
base_url: https://clinic.example/
crisis_page: help.md
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/help.md --
---
title: Get help now
---
Call your GP or 111.
-- content/therapy/_index.md --
---
title: Talking therapies
---
Therapies we offer.
-- content/therapy/mbt.md --
---
title: Mentalization-based treatment
---
## What happens

Weekly groups and one-to-one sessions.
-- content/therapy/private.md --
---
title: Staff rota
search: false
---
Not for patients to find.
-- content/therapy/unfinished.md --
---
title: Unfinished page
draft: true
---
Not ready.
`

// TestSearchIndexHoldsTheRightPages: the index a build writes holds every
// published page but those with search: false, never a draft, and shows
// each page's section by its title.
func TestSearchIndexHoldsTheRightPages(t *testing.T) {
	s := newTestSite(t, searchSite)
	s.mustBuild(func(o *Options) { o.Drafts = true })
	var meta struct {
		Pages      int               `json:"pages"`
		CrisisPage int               `json:"crisisPage"`
		Sections   map[string]string `json:"sections"`
	}
	if err := json.Unmarshal([]byte(s.read("search/meta.json")), &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Pages != 4 { // home, help, therapy/, therapy/mbt
		t.Errorf("the index holds %d pages, want 4", meta.Pages)
	}
	if meta.Sections["therapy/"] != "Talking therapies" {
		t.Errorf("sections: %v", meta.Sections)
	}
	var all strings.Builder
	for i := range meta.Pages {
		all.WriteString(s.read("search/x/" + string(rune('0'+i)) + ".json"))
	}
	assertContains(t, all.String(), `"u":"therapy/mbt/"`, `"s":"therapy/"`, "What happens", "Weekly groups")
	assertNotContains(t, all.String(), "Staff rota")
	assertNotContains(t, all.String(), "Unfinished")
	if meta.CrisisPage < 0 {
		t.Error("the crisis page is not marked as such in the index")
	}
	assertContains(t, s.read("search/index.html"), `data-search-results`, `<a href="/therapy/mbt/">Mentalization-based treatment</a>`)
	assertContains(t, s.read("index.html"), `<form class="site-search" role="search" action="/search/" method="get" data-search data-search-words="{&#34;search_count.one&#34;:&#34;{n} result for {query}&#34;,`, `<script src="/search/search.js" defer></script>`)
	if !s.exists("search/search.js") {
		t.Error("no search/search.js")
	}
}

// TestSearchSynonymsMistakes: a site's synonyms file with a mistake stops
// the build with the file and line, and leaves public/ as it was.
func TestSearchSynonymsMistakes(t *testing.T) {
	runBreakCases(t, searchSite, []breakCase{
		{name: "not YAML", files: map[string]string{"search/synonyms.yaml": "synonyms: [a, b\n"}, want: []string{"search/synonyms.yaml:"}, fails: true},
		{name: "a group of one word", files: map[string]string{"search/synonyms.yaml": "synonyms:\n  - [CMHT]\n"}, want: []string{"search/synonyms.yaml:2:"}, fails: true},
		{name: "a good file", files: map[string]string{"search/synonyms.yaml": "synonyms:\n  - [CMHT, community mental health team]\n"}, fails: false},
	})
}

// TestSearchPageCollision: a page of the site at /search/ is where the
// search page goes: the build says so.
func TestSearchPageCollision(t *testing.T) {
	runBreakCases(t, searchSite, []breakCase{
		{name: "a page at search/", files: map[string]string{"content/search.md": "---\ntitle: Search\n---\nMine.\n"}, want: []string{"content/search.md: error: this would be published at /search/, where the site's search page goes"}, fails: true},
	})
}
