package csl_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	csldata "pamphlet/third_party/csl"

	"pamphlet/generator/cite/csl"
)

const dependentStyle = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="de-AT">
  <info>
    <title>Journal of Clinic Examples</title>
    <id>http://www.zotero.org/styles/journal-of-clinic-examples</id>
    <link href="http://www.zotero.org/styles/journal-of-clinic-examples" rel="self"/>
    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
</style>`

func TestDependentStyleAndLocaleFallback(t *testing.T) {
	dep, err := csl.ParseStyle("dep.csl", []byte(dependentStyle))
	if err != nil {
		t.Fatal(err)
	}
	if !dep.IsDependent() {
		t.Fatal("style should be dependent")
	}
	if _, err := csl.NewProcessor(dep, nil, ""); err == nil {
		t.Fatal("NewProcessor should refuse an unresolved dependent style")
	}
	style, err := csl.ResolveParent(dep, csl.FSStyleLookup(csldata.FS, "styles"))
	if err != nil {
		t.Fatal(err)
	}
	locales, err := csl.LoadLocales(csldata.FS, "locales/locales-*.xml")
	if err != nil {
		t.Fatal(err)
	}
	// de-AT is not bundled: de-AT -> de-DE (primary dialect) -> en-US
	p, err := csl.NewProcessor(style, locales, "")
	if err != nil {
		t.Fatal(err)
	}
	items, _ := csl.ParseItems([]byte(`[{"id":"a","type":"book","title":"Ein Buch",
		"author":[{"family":"Müller","given":"Anna"},{"family":"Weber","given":"Jan"}],
		"issued":{"date-parts":[[2021]]},"publisher":"Verlag"}]`))
	if err := p.Register(items); err != nil {
		t.Fatal(err)
	}
	out, err := p.Cite(csl.Citation{Items: []csl.CitationItem{{ID: "a", Locator: "12"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out[0].Text(), "(Müller & Weber, 2021, S. 12)"; got != want {
		t.Errorf("German APA citation = %q, want %q", got, want)
	}
	// an explicit language overrides the style's default-locale
	p2, _ := csl.NewProcessor(style, locales, "es-ES")
	p2.Register(items)
	out, _ = p2.Cite(csl.Citation{Items: []csl.CitationItem{{ID: "a", Locator: "12"}}})
	if got := out[0].Text(); !strings.Contains(got, "p. 12") {
		t.Errorf("Spanish APA citation = %q, want the Spanish page label", got)
	}
}

func TestStyleLocaleOverridesFile(t *testing.T) {
	src := `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <locale xml:lang="en"><terms><term name="and">plus</term></terms></locale>
  <locale xml:lang="en-GB"><terms><term name="editor" form="short"><single>ed</single><multiple>eds</multiple></term></terms></locale>
  <citation><layout><names variable="author"><name and="text"/></names><text value=" "/><names variable="editor"><name/><label form="short" prefix=" "/></names></layout></citation>
</style>`
	style, err := csl.ParseStyle("x.csl", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := csl.NewProcessor(style, embeddedLocales(t), "")
	items, _ := csl.ParseItems([]byte(`[{"id":"a","author":[{"family":"Doe","given":"A"},{"family":"Roe","given":"B"}],
		"editor":[{"family":"Poe","given":"C"},{"family":"Loe","given":"D"}]}]`))
	p.Register(items)
	out, _ := p.Cite(csl.Citation{Items: []csl.CitationItem{{ID: "a"}}})
	if got, want := out[0].Text(), "A Doe plus B Roe C Poe, D Loe eds"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestConcurrentUse formats from several goroutines at once (run with -race).
func TestConcurrentUse(t *testing.T) {
	p, err := csl.NewProcessor(loadStyle(t, "apa.csl"), embeddedLocales(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Register(loadRefs(t)); err != nil {
		t.Fatal(err)
	}
	want, _ := p.Bibliography(sampleCitations...)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				got, err := p.Bibliography(sampleCitations...)
				if err != nil || len(got) != len(want) || got[0].HTML() != want[0].HTML() {
					t.Errorf("concurrent bibliography differs: %v", err)
					return
				}
				if _, err := p.Cite(sampleCitations...); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

func TestUnknownItem(t *testing.T) {
	p, _ := csl.NewProcessor(loadStyle(t, "apa.csl"), embeddedLocales(t), "")
	if _, err := p.Cite(csl.Citation{Items: []csl.CitationItem{{ID: "nope"}}}); err == nil ||
		!strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("want an error naming the unknown item, got %v", err)
	}
}

func ExampleProcessor() {
	style, _ := csl.ParseStyle("ama.csl", mustRead("styles/american-medical-association.csl"))
	locales, _ := csl.LoadLocales(csldata.FS, "locales/locales-*.xml")
	p, _ := csl.NewProcessor(style, locales, "")
	items, _ := csl.ParseItems([]byte(`[{"id":"k1","type":"article-journal",
		"title":"Sleep and mood","container-title":"J Sleep Res",
		"author":[{"family":"Lee","given":"Min"}],
		"issued":{"date-parts":[[2019]]},"volume":"28","issue":"2","page":"e12345"}]`))
	p.Register(items)
	cites, _ := p.Cite(csl.Citation{NoteIndex: 1, Items: []csl.CitationItem{{ID: "k1"}}})
	bib, _ := p.Bibliography()
	fmt.Println(cites[0].HTML())
	fmt.Println(bib[0].Text())
	// Output:
	// <sup>1</sup>
	// 1. Lee M. Sleep and mood. J Sleep Res. 2019;28(2):e12345.
}

func mustRead(name string) []byte {
	b, err := csldata.FS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}
