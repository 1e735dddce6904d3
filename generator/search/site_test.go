package search

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// tinySite is a small site in the bundled site's field, written as the
// parse stage would give it.
func tinySite() []Document {
	return []Document{
		{URL: "", Title: "Understanding MBT", Description: "Plain-language information about mentalization-based therapy (MBT) for borderline personality disorder.",
			Blocks: []Block{{Text: "This site explains mentalization-based therapy and how it helps people with BPD."}}},
		{URL: "get-help-now/", Title: "Getting help now", Section: "Get help now", Crisis: true,
			Description: "Who to call or text if you are in crisis or not safe right now.",
			Blocks: []Block{
				{Text: "If you are struggling right now, you are not alone."},
				{Heading: "If a life is at risk, or you have hurt yourself", Anchor: "if-a-life-is-at-risk", Text: "Get emergency help now if a life is at risk, or if you have taken an overdose. Call 999 or go to A&E."},
			}},
		{URL: "understanding/mentalizing-and-bpd/", Title: "Mentalizing and borderline personality disorder", Section: "Understanding BPD",
			Description: "What borderline personality disorder is, how it links to mentalizing, and why there is reason for hope.",
			Blocks: []Block{
				{Text: "This page explains what borderline personality disorder (BPD) is. Some parts talk about self-harm."},
				{Heading: "What is borderline personality disorder?", Anchor: "what-is-bpd", Text: "BPD is a mental health condition. It affects how you feel about yourself and how you cope with strong feelings."},
			}},
		{URL: "understanding/what-is-mentalizing/", Title: "What is mentalizing?", Section: "Understanding BPD",
			Description: "Mentalizing is making sense of what people think and feel.",
			Blocks: []Block{
				{Text: "Mentalizing means noticing and making sense of thoughts and feelings, your own and other people's."},
				{Heading: "When mentalizing is hard", Anchor: "when-hard", Text: "Under stress, everyone finds mentalising harder. Behaviour can seem to come from nowhere."},
			}},
		{URL: "therapy/what-to-expect/", Title: "What to expect in MBT", Section: "MBT",
			Description: "How a programme of mentalization-based treatment runs.",
			Blocks: []Block{
				{Text: "MBT has weekly group sessions and individual sessions with your therapist."},
				{Heading: "Groups", Anchor: "groups", Text: "In the group, people practise noticing feelings. Dialectical behavior therapy (DBT) is a different treatment."},
			}},
		{URL: "about/privacy/", Title: "Privacy", Section: "About",
			Description: "What this site records about you: nothing.",
			Blocks:      []Block{{Text: "The site sets no cookies and its search runs in your browser."}}},
	}
}

func buildTiny(t testing.TB, docs []Document) *Index {
	t.Helper()
	ix := NewIndexer(Config{CrisisURL: "get-help-now/"})
	b1, b2 := ix.NewBuilder(), ix.NewBuilder()
	for i, d := range docs {
		if i%2 == 0 {
			b1.Add(d)
		} else {
			b2.Add(d)
		}
	}
	return ix.Merge(testSections, b1, b2)
}

func searcher(t testing.TB, x *Index) *Searcher {
	t.Helper()
	files := x.Shards()
	s, err := NewSearcher(func(p string) ([]byte, error) {
		b, ok := files[x.rules.Dir+p]
		if !ok {
			return nil, fmt.Errorf("%s: %w", p, fs.ErrNotExist)
		}
		return b, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func urls(rs []Result) string {
	var out []string
	for _, r := range rs {
		out = append(out, "/"+r.URL)
	}
	return strings.Join(out, " ")
}

func TestTinySmoke(t *testing.T) {
	x := buildTiny(t, tinySite())
	for _, q := range []string{"EUPD", "mentalizng", "mentalising", "self harm", "suicide", "kill myself", "behaviour", "therapies", "dialectical behaviour therapy", "menta", "cookies"} {
		rs, err := searcher(t, x).Search(Query{Text: q, Typing: q == "menta"})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%q -> %s", q, urls(rs))
		for _, r := range rs[:min(1, len(rs))] {
			t.Logf("   %s | %s | %s", r.Title, r.Heading, r.Snippet)
		}
	}
}

// testSections gives the sections of the test sites their titles: their
// pages name their sections by title, which is also the section's address.
var testSections = map[string]string{
	"About": "About", "Get help now": "Get help now", "MBT": "MBT", "Understanding BPD": "Understanding BPD",
}
