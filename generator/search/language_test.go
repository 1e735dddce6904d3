package search

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestFoldLanguages(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"Arabic harakat", "الْعِلَاجُ النَّفْسِيُّ", "العلاج النفسي"},
		{"Arabic alefs", "أمل إيمان آمن", "امل ايمان امن"},
		{"Arabic alef maksura, teh marbuta", "مستشفى مدرسة", "مستشفي مدرسه"},
		{"Arabic tatweel", "عـــلاج", "علاج"},
		{"Arabic-Indic digits", "٩٩٩ ۱۲", "999 12"},
		{"Arabic punctuation splits words", "العلاج، النفسي؟ للمرضى", "العلاج النفسي للمرضي"},
		{"Welsh", "Ŵyr ŷd Tŷ", "wyr yd ty"},
		{"Polish", "Łódź, ŁATWO źle", "lodz latwo zle"},
		{"German", "Straße STRAẞE Maßnahmen Übung", "strasse strasse massnahmen ubung"},
		{"Russian й kept, ё folded", "Мой ЙОД ещё", "мой йод еще"},
		{"Spanish", "Qué año TERAPÉUTICO", "que ano terapeutico"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := strings.Join(Words(c.in), " "); got != c.want {
				t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestDir(t *testing.T) {
	for _, c := range []struct{ in, dir, root string }{
		{"", "search/", "../"}, {"search/", "search/", "../"}, {"es/search/", "es/search/", "../../"},
		{"es/search", "es/search/", "../../"}, {"/pt-br/search/", "pt-br/search/", "../../"},
	} {
		if d := cleanDir(c.in); d != c.dir || rootOf(d) != c.root {
			t.Errorf("Dir %q: folder %q, root %q; want %q, %q", c.in, d, rootOf(d), c.dir, c.root)
		}
	}
}

func TestStemmed(t *testing.T) {
	for tag, want := range map[string]bool{
		"": true, "en-GB": true, "es": true, "es-MX": true, "fr": true, "ru": true, "sv": true,
		"nb": true, "hu": true, "de": false, "cy": false, "pl": false, "ar": false,
	} {
		if Stemmed(tag) != want {
			t.Errorf("Stemmed(%q) = %v", tag, !want)
		}
	}
	// Stems of folded words: folding must not undo a stemmer's endings.
	for tag, same := range map[string][]string{
		"es": {"terapia", "terapias"},
		"fr": {"thérapie", "thérapies"},
		"ru": {"красный", "красная", "красные"},
		"sv": {"känsla", "känslor"},
		"hu": {"kezelés", "kezelések"},
	} {
		l := languageOf(tag)
		want := l.term(Fold(same[0]))
		for _, w := range same[1:] {
			if got := l.term(Fold(w)); got != want {
				t.Errorf("%s: %q is filed under %q, %q under %q", tag, same[0], want, w, got)
			}
		}
	}
}

// buildLang makes the index of one language's pages.
func buildLang(t testing.TB, c Config, docs []Document) *Index {
	t.Helper()
	ix := NewIndexer(c)
	b := ix.NewBuilder()
	for _, d := range docs {
		b.Add(d)
	}
	return ix.Merge(nil, b)
}

// Pages of the language tests, one site per language.
var (
	spanishSite = []Document{
		{URL: "es/terapia/que-esperar/", Title: "Qué esperar de la terapia", Section: "es/terapia/",
			Blocks: []Block{{Text: "La terapia de grupo es semanal. Hablamos del trastorno límite de la personalidad."}}},
		{URL: "es/terapia/otras/", Title: "Otras terapias", Section: "es/terapia/",
			Blocks: []Block{{Text: "Hay muchas terapias psicológicas."}}},
		{URL: "es/privacidad/", Title: "Privacidad", Blocks: []Block{{Text: "Este sitio no guarda cookies."}}},
		{URL: "es/ayuda-urgente/", Title: "Ayuda urgente", Crisis: true,
			Blocks: []Block{{Text: "Si piensa en el suicidio, llame al 112."}}},
	}
	arabicSite = []Document{
		{URL: "ar/alilaj/", Title: "العلاج النفسي", Blocks: []Block{{Text: "العلاج النفسي للاكتئاب يعطي الامل. نلتقي في المستشفى كل اسبوع."}}},
		{URL: "ar/khususiya/", Title: "الخصوصية", Blocks: []Block{{Text: "هذا الموقع لا يحفظ أي شيء عنك."}}},
	}
	polishSite = []Document{
		{URL: "pl/pomoc/", Title: "Pomoc w Łodzi", Blocks: []Block{{Text: "Łatwo znaleźć pomoc. Terapia i wsparcie."}}},
		{URL: "pl/prywatnosc/", Title: "Prywatność", Blocks: []Block{{Text: "Strona nie zapisuje plików cookie."}}},
	}
	germanSite = []Document{
		{URL: "de/hilfe/", Title: "Hilfe in der Straße", Blocks: []Block{{Text: "Maßnahmen bei Krisen. Die Therapie hilft."}}},
		{URL: "de/datenschutz/", Title: "Datenschutz", Blocks: []Block{{Text: "Diese Seite speichert keine Cookies. Massnahmen zum Schutz."}}},
	}
	welshSite = []Document{
		{URL: "cy/help/", Title: "Help yn y tŷ", Blocks: []Block{{Text: "Mae ŵyr yn helpu."}}},
	}
)

// languageSites are the test sites of the languages, with their indexes'
// settings, as the browser test serves them too.
func languageSites(t testing.TB) map[string]*Index {
	esSyn, diags := ParseSynonymsFor("es", "search/synonyms.es.yaml", []byte(
		"synonyms:\n  - [TLP, trastorno límite de la personalidad]\ncrisis:\n  - suicidio\n  - quitarme la vida\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return map[string]*Index{
		"es": buildLang(t, Config{Language: "es", Dir: "es/search/", CrisisURL: "es/ayuda-urgente/", Synonyms: DefaultSynonymsFor("es").With(esSyn)}, spanishSite),
		"ar": buildLang(t, Config{Language: "ar", Dir: "ar/search/"}, arabicSite),
		"pl": buildLang(t, Config{Language: "pl", Dir: "pl/search/"}, polishSite),
		"de": buildLang(t, Config{Language: "de", Dir: "de/search/"}, germanSite),
		"cy": buildLang(t, Config{Language: "cy", Dir: "cy/search/"}, welshSite),
	}
}

// languageQueries are queries of each language and what they find.
var languageQueries = map[string][]struct{ q, want string }{
	"es": {
		{"terapia", "/es/terapia/otras/ /es/terapia/que-esperar/"},  // stemmed: terapias too
		{"terapias", "/es/terapia/otras/ /es/terapia/que-esperar/"}, // and back
		{"psicologica", "/es/terapia/otras/"},                       // accents folded
		{"grupos", "/es/terapia/que-esperar/"},                      // an ending the site lacks
		{"de la", ""},                                               // stop words
		{"TLP", "/es/terapia/que-esperar/"},                         // the site's synonyms
		{"suicidio", "/es/ayuda-urgente/"},                          // the site's crisis words
		{"quiero quitarme la vida", "/es/ayuda-urgente/"},           // a crisis phrase
		{"suicide", ""},                                             // no English crisis words
		{"BPD", ""},                                                 // nor English synonyms
		{"privacidad", "/es/privacidad/"},
	},
	"ar": {
		{"العِلَاجُ", "/ar/alilaj/"},      // harakat in the query
		{"الأمل", "/ar/alilaj/"},          // أ and ا
		{"المستشفي", "/ar/alilaj/"},       // ى and ي
		{"الخصوصيـــة", "/ar/khususiya/"}, // tatweel, ة and ه
		{"اي", "/ar/khususiya/"},          // أي and اي: no stop words
	},
	"pl": {
		{"lodzi", "/pl/pomoc/"}, {"Łatwo", "/pl/pomoc/"}, {"latwo", "/pl/pomoc/"}, {"i", "/pl/pomoc/"},
	},
	"de": {
		{"strasse", "/de/hilfe/"}, {"STRAẞE", "/de/hilfe/"},
		{"Maßnahmen", "/de/datenschutz/ /de/hilfe/"}, {"massnahmen", "/de/datenschutz/ /de/hilfe/"},
		{"therapien", "/de/hilfe/"}, // an ending, unstemmed
		{"die", "/de/hilfe/"},       // no stop words
	},
	"cy": {{"wyr", "/cy/help/"}, {"tŷ", "/cy/help/"}, {"ty", "/cy/help/"}},
}

func TestLanguages(t *testing.T) {
	sites := languageSites(t)
	for tag, queries := range languageQueries {
		for _, c := range queries {
			got := search(t, sites[tag], c.q)
			if tag == "es" || tag == "de" { // order by score is not the point here
				parts := strings.Fields(got)
				slices.Sort(parts)
				got = strings.Join(parts, " ")
			}
			if got != c.want {
				t.Errorf("%s: %q found %q, want %q", tag, c.q, got, c.want)
			}
		}
	}
}

func TestLanguageFiles(t *testing.T) {
	sites := languageSites(t)
	es := sites["es"].Shards()
	for p := range es {
		if !strings.HasPrefix(p, "es/search/") {
			t.Errorf("file %s is outside es/search/", p)
		}
	}
	var m meta
	if err := json.Unmarshal(es["es/search/meta.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Root != "../../" || m.Lang != "es" || m.Endings == nil || len(*m.Endings) == 0 {
		t.Errorf("es meta.json: root %q, lang %q, endings %v", m.Root, m.Lang, m.Endings)
	}
	var dict map[string][]string
	if err := json.Unmarshal(es["es/search/w/"+fileName(shardOf("terapia", keySet(m.Dict)))+".json"], &dict); err != nil {
		t.Fatal(err)
	}
	if a, b := dict["terapia"], dict["terapias"]; len(a) != 1 || !slices.Equal(a, b) {
		t.Errorf("terapia is filed under %v, terapias under %v: want one stem", a, b)
	}
	for _, w := range []string{"de", "la"} {
		k := shardOf(w, keySet(m.Dict))
		var d map[string][]string
		if err := json.Unmarshal(es["es/search/w/"+fileName(k)+".json"], &d); err != nil {
			t.Fatal(err)
		}
		if terms, ok := d[w]; !ok || len(terms) != 0 {
			t.Errorf("stop word %q in the dictionary as %v, %v; want []", w, terms, ok)
		}
		if post := es["es/search/p/"+fileName(shardOf(w, keySet(m.Post)))+".bin"]; post != nil {
			ps, _ := decodePostings(post)
			if _, ok := ps[w]; ok {
				t.Errorf("stop word %q has postings", w)
			}
		}
	}
	// An unstemmed language: a word is its own term, and meta.json says
	// there are no endings to try rather than leaving English's.
	ar := sites["ar"].Shards()
	if !bytes.Contains(ar["ar/search/meta.json"], []byte(`"lang":"ar","root":"../../","endings":[]`)) {
		t.Errorf("ar meta.json: %s", ar["ar/search/meta.json"])
	}
}

// TestEnglishTagged holds an index told its language is English ("en-GB")
// to the bytes of one told nothing, but for meta.json's lang.
func TestEnglishTagged(t *testing.T) {
	plain := buildTiny(t, tinySite()).Shards()
	ix := NewIndexer(Config{Language: "en-GB", CrisisURL: "get-help-now/"})
	b := ix.NewBuilder()
	for _, d := range tinySite() {
		b.Add(d)
	}
	tagged := ix.Merge(testSections, b).Shards()
	if !slices.Equal(slices.Sorted(maps.Keys(plain)), slices.Sorted(maps.Keys(tagged))) {
		t.Fatal("the files differ")
	}
	for p, want := range plain {
		got := tagged[p]
		if p == "search/meta.json" {
			got = bytes.Replace(got, []byte(`"lang":"en-GB",`), nil, 1)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs:\n%s\n%s", p, got, want)
		}
	}
}

func TestParseSynonymsFor(t *testing.T) {
	_, diags := ParseSynonymsFor("es", "s.yaml", []byte("synonyms:\n  - [TLP, de la]\n"))
	if !strings.Contains(diags.String(), `"de la" is made only of words too common`) {
		t.Errorf("Spanish stop words: %q", diags.String())
	}
	// English's stop words are not Spanish's: "the" is a word there.
	if _, diags := ParseSynonymsFor("es", "s.yaml", []byte("synonyms:\n  - [TLP, the]\n")); len(diags) > 0 {
		t.Errorf("English stop words in a Spanish file: %s", diags)
	}
	if got := DefaultSynonymsFor("es").String(); got != "" {
		t.Errorf("Spanish has the theme's synonyms:\n%s", got)
	}
	if DefaultSynonymsFor("en-GB").String() != DefaultSynonyms().String() {
		t.Error("en-GB lacks the theme's synonyms")
	}
}
