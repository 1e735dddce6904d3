package page

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pamphlet/generator/trust"
	"pamphlet/internal/corpus"
)

func TestClaimAndSuicideWords(t *testing.T) {
	for _, tt := range []struct {
		s              string
		claim, suicide bool
	}{
		{"MBT can help people with BPD.", true, false},
		{"The therapy improved symptoms.", true, false},
		{"Treatment outcomes were better.", true, false},
		{"Every claim has a citation.", false, false},
		{"Therapy sessions happen weekly.", false, false},
		{"Friends can help.", false, false},
		{"Some people think about suicide.", false, true},
		{"Suicidal thoughts pass.", false, true},
		{"Self-harm and self harm are both found.", false, true},
		{"People may want to kill themselves.", false, true},
		{"Kill time with a load.Walk.", false, false},
		{"An overdose needs help now.", false, true},
		{"Programmes reduce harm.", true, false},
		{"MEDICATION HELPS SOME PEOPLE.", true, false},
		{"SELF-HARM IS COMMON.", false, true},
		{"Some feel “suicidal” at times.", false, true},
		{"Self\u2011harm is common.", false, true},
		{"It may be 1 of the treatments that helps.", true, false},
		{"Non-therapy groups helped.", false, false},
		{"Interventions can help.", true, false},
	} {
		if got := isClaim(tt.s); got != tt.claim {
			t.Errorf("isClaim(%q) = %v", tt.s, got)
		}
		if got := mentionsSuicide(tt.s); got != tt.suicide {
			t.Errorf("mentionsSuicide(%q) = %v", tt.s, got)
		}
		// The quick tests never rule out what the word checks find.
		for _, s := range []string{tt.s, strings.ToLower(tt.s), strings.ToUpper(tt.s), "(" + tt.s + ")", "—" + tt.s} {
			if isClaim(s) && stemFlags(s)&namesTreatment == 0 {
				t.Errorf("stemFlags(%q) has no namesTreatment, but it is a claim", s)
			}
			if mentionsSuicide(s) && stemFlags(s)&mentionsSuicideWord == 0 {
				t.Errorf("stemFlags(%q) has no mentionsSuicideWord, but it mentions suicide", s)
			}
		}
	}
}

func TestPrefixKeepsCharactersWhole(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 5, "abc"}, {"abcdef", 3, "abc"}, {"aøb", 2, "a"}, {"aøb", 3, "aø"},
	} {
		if got := prefix(tt.s, tt.n); got != tt.want {
			t.Errorf("prefix(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

// TestProseLang checks that a page's prose is measured in the site's
// language: by the formula for it, or not at all.
func TestProseLang(t *testing.T) {
	const body = "---\ntitle: Ansiedad\n---\nLa ansiedad es una reacción normal del cuerpo. Hable con su médico si no le deja dormir.\n"
	for _, tt := range []struct{ lang, formula, notMeasured string }{
		{"en-GB", trust.FormulaFleschKincaid, ""},
		{"es", trust.FormulaSzigriszt, ""},
		{"de-AT", trust.FormulaAmstad, ""},
		{"fr", trust.FormulaKandelMoles, ""},
		{"cy", "", "Pamphlet has no well-established formula for Welsh (cy)"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			dir := t.TempDir()
			if err := corpus.Write(dir, corpus.Options{Pages: 3, Seed: 1}); err != nil {
				t.Fatal(err)
			}
			yaml, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			yaml = bytes.Replace(yaml, []byte("language: en-GB"), []byte("language: "+tt.lang), 1)
			if err := os.WriteFile(filepath.Join(dir, "site.yaml"), yaml, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "content", "ansiedad.md"), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, in, bibs := loadForTest(t, dir)
			ps := NewParser(cfg, in.Files, bibs, nil)
			for _, s := range in.Pages {
				if s.Rel != "ansiedad.md" {
					continue
				}
				if d := s.Read(); d != nil {
					t.Fatal(d)
				}
				rd := ps.Parse(s).TrustFacts(cfg).Readability
				if rd.Lang != tt.lang || rd.Formula != tt.formula || rd.NotMeasured != tt.notMeasured || rd.Words != 17 || rd.Sentences != 2 {
					t.Errorf("Lang %q, Formula %q, NotMeasured %q, %d words, %d sentences; want %q, %q, %q, 17, 2",
						rd.Lang, rd.Formula, rd.NotMeasured, rd.Words, rd.Sentences, tt.lang, tt.formula, tt.notMeasured)
				}
				return
			}
			t.Fatal("ansiedad.md was not loaded")
		})
	}
}
