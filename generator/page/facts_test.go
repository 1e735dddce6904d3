package page

import (
	"strings"
	"testing"
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
