package trust

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// round2 rounds to two decimal places, the precision grades are checked to.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// sentencesOf returns every sentence Measure finds in blocks.
func sentencesOf(blocks []string) []Sentence {
	var all []Sentence
	m := measurer{all: &all, c: &counter{}}
	for _, b := range blocks {
		m.block(b)
	}
	return all
}

// readBlocks reads a passage from testdata: one block per paragraph, list
// item or heading, blocks separated by a blank line.
func readBlocks(t testing.TB, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n\n")
}

func TestCountSyllablesBrief(t *testing.T) {
	// The words the brief asked about. "every" is spoken with two syllables
	// in Merriam-Webster (\ev-rē\) and three in CMUdict's first entry; the
	// counter gives the count of the spelling, three.
	tests := map[string]int{
		"mentalizing": 4, "borderline": 3, "personality": 5, "disorder": 3,
		"therapy": 3, "therapist": 3, "psychiatric": 4, "anxiety": 4,
		"suicide": 3, "area": 3, "create": 2, "being": 2, "people": 2,
		"every": 3,
	}
	for word, want := range tests {
		if got := CountSyllables(word); got != want {
			t.Errorf("CountSyllables(%q) = %d, want %d", word, got, want)
		}
	}
}

// TestCountSyllablesDictionary checks the counter against dictionary counts.
// Run with -v to see the accuracy.
func TestCountSyllablesDictionary(t *testing.T) {
	for _, name := range []string{"syllables.txt", "syllables-sample.txt"} {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			total, right, line := 0, 0, 0
			for sc.Scan() {
				line++
				text := sc.Text()
				if text == "" || strings.HasPrefix(text, "#") {
					continue
				}
				fields := strings.Fields(text)
				if len(fields) != 4 {
					t.Fatalf("%s:%d: want word, count, syllables, source; got %q", name, line, text)
				}
				want, err := strconv.Atoi(fields[1])
				if err != nil {
					t.Fatalf("%s:%d: %v", name, line, err)
				}
				if parts := len(strings.Split(fields[2], "-")); parts != want {
					t.Errorf("%s:%d: %s has %d parts, count is %d", name, line, fields[2], parts, want)
				}
				total++
				if got := CountSyllables(fields[0]); got == want {
					right++
				} else {
					t.Logf("%s:%d: CountSyllables(%q) = %d, dictionary %d", name, line, fields[0], got, want)
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			acc := 100 * float64(right) / float64(total)
			t.Logf("%s: %d of %d words exact (%.1f%%)", name, right, total, acc)
			if acc < 95 {
				t.Errorf("%s: accuracy %.1f%%, want at least 95%%", name, acc)
			}
		})
	}
}

func TestCountSyllablesConventions(t *testing.T) {
	tests := []struct {
		word string
		want int
		why  string
	}{
		{"", 0, "no word"},
		{"—", 0, "no word"},
		{"self-harm", 2, "hyphenated parts add up"},
		{"mentalization-based", 6, "men-tal-i-za-tion + based"},
		{"people's", 2, "a possessive adds nothing"},
		{"nurse's", 2, "except after a hiss"},
		{"isn't", 2, "is-n't"},
		{"don't", 1, "do + n't"},
		{"haven't", 2, "have-n't"},
		{"you're", 1, "you + 're"},
		{"o'clock", 2, "other apostrophes are dropped"},
		{"18", 1, "a number is one syllable"},
		{"2.5", 1, "a number is one syllable"},
		{"1,000", 1, "a number is one syllable"},
		{"24/7", 1, "a number is one syllable"},
		{"1990s", 1, "with its ending"},
		{"18th", 1, "with its ending"},
		{"samaritans.org", 1, "a URL is one syllable"},
		{"jo@samaritans.org", 1, "an e-mail address is one syllable"},
		{"MBT", 3, "initialisms are said letter by letter"},
		{"NHS", 3, "initialisms are said letter by letter"},
		{"OK", 2, "initialisms are said letter by letter"},
		{"WHO", 5, "W is double-u"},
		{"A&E", 3, "A and E"},
		{"e.g.", 2, "dotted abbreviations are said letter by letter"},
		{"U.S.", 2, "dotted abbreviations are said letter by letter"},
		{"NICE", 1, "acronyms with a vowel inside are said as words"},
		{"SHOUT", 1, "acronyms with a vowel inside are said as words"},
		{"Therapy", 3, "case does not matter"},
		{"THERAPY", 3, "case does not matter"},
		{"café", 2, "an accent marks a sounded vowel"},
		{"naïve", 2, "a diaeresis marks a sounded vowel"},
		{"Zoë", 2, "a diaeresis marks a sounded vowel"},
		{"therapies", 3, "-ies"},
		{"places", 2, "-es after a hiss"},
		{"wanted", 2, "-ed after t"},
		{"helped", 1, "-ed after other consonants"},
		{"lonely", 2, "a silent e before a suffix"},
		{"statement", 2, "a silent e before a suffix"},
		{"someone", 2, "a silent e inside a compound"},
		{"guideline", 2, "a silent e inside a compound"},
		{"therefore", 2, "a silent e inside a compound"},
		{"table", 2, "syllabic -le"},
		{"centre", 2, "syllabic -re"},
		{"autism", 3, "-ism"},
		{"rhythm", 2, "-thm"},
	}
	for _, tt := range tests {
		if got := CountSyllables(tt.word); got != tt.want {
			t.Errorf("CountSyllables(%q) = %d, want %d (%s)", tt.word, got, tt.want, tt.why)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		want   []string
	}{
		{"titles", []string{"Dr. Bateman and Prof. Fonagy wrote it. Mr. and Mrs. Smith, Ms. Jones and St. Mary's agree."},
			[]string{"Dr. Bateman and Prof. Fonagy wrote it.", "Mr. and Mrs. Smith, Ms. Jones and St. Mary's agree."}},
		{"decimals and e.g.", []string{"Take 2.5 mg, e.g. with food, i.e. twice a day. Then rest."},
			[]string{"Take 2.5 mg, e.g. with food, i.e. twice a day.", "Then rest."}},
		{"initials and U.S.", []string{"A. W. Bateman and P. Fonagy developed MBT. It is used in the U.S. and the UK. It works."},
			[]string{"A. W. Bateman and P. Fonagy developed MBT.", "It is used in the U.S. and the UK.", "It works."}},
		{"URLs and e-mail", []string{"Visit samaritans.org. Or e-mail jo@samaritans.org. Or see https://www.nhs.uk/111."},
			[]string{"Visit samaritans.org.", "Or e-mail jo@samaritans.org.", "Or see https://www.nhs.uk/111."}},
		{"link after a sentence", []string{"Call any time, day or night. samaritans.org"},
			[]string{"Call any time, day or night.", "samaritans.org"}},
		{"quotes", []string{`She said: "I feel hurt." Then she left.`},
			[]string{`She said: "I feel hurt."`, `Then she left.`}},
		{"quoted question and brackets", []string{`"Why?" she asked. (It was late.) We went home!`},
			[]string{`"Why?" she asked.`, `(It was late.)`, `We went home!`}},
		{"curly quotes", []string{"“Stop.” ‘Wait.’ Go."},
			[]string{"“Stop.”", "‘Wait.’", "Go."}},
		{"ellipses", []string{"I thought… maybe not. I wonder... Then again, who knows?"},
			[]string{"I thought… maybe not.", "I wonder...", "Then again, who knows?"}},
		{"et al. and etc.", []string{"Bateman et al. (2009) found this. Apples, pears, etc. are fine. Add salt, pepper, etc. Then stir."},
			[]string{"Bateman et al. (2009) found this.", "Apples, pears, etc. are fine.", "Add salt, pepper, etc.", "Then stir."}},
		{"numbers", []string{"See Fig. 2, No. 5 and p. 12 vs. approx. 3 others. The answer was no. Then we left."},
			[]string{"See Fig. 2, No. 5 and p. 12 vs. approx. 3 others.", "The answer was no.", "Then we left."}},
		{"unknown abbreviation", []string{"Approx. five people came, cf. the notes. Then it rained."},
			[]string{"Approx. five people came, cf. the notes.", "Then it rained."}},
		{"times", []string{"Come at 9 a.m. Then we talk."},
			[]string{"Come at 9 a.m.", "Then we talk."}},
		{"stops together", []string{"Really?! Yes. Fine!!"},
			[]string{"Really?!", "Yes.", "Fine!!"}},
		{"blocks", []string{"Where to go next", "Ask your team", "  Call 999.  "},
			[]string{"Where to go next", "Ask your team", "Call 999."}},
		{"citations", []string{"It works [@bateman1999]. It lasts [@bateman2009, p. 3]. @fonagy2009 agrees."},
			[]string{"It works [@bateman1999].", "It lasts [@bateman2009, p. 3].", "@fonagy2009 agrees."}},
		{"no words", []string{"", " ", "— …", "[@bateman1999]"}, nil},
		{"glued stop", []string{"It ended.Then it began."},
			[]string{"It ended.Then it began."}},
		{"original text", []string{"It is  a long\nline. And\tanother."},
			[]string{"It is  a long\nline.", "And\tanother."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range sentencesOf(tt.blocks) {
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tt.blocks, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"people's self-harm — it's fine", 4}, // a dash separates, hyphens and apostrophes join
		{"2.5 mg at 10:30, 24/7", 5},
		{"A&E is open", 3},
		{"[@bateman1999] @fonagy2009 says so", 2},
		{"Call 116 123 or visit samaritans.org", 6},
		{"naïve café", 2},
		{"Ψυχή και σώμα", 3}, // any letters; the grades mean nothing outside English
		{"e.g. the U.S.", 3},
		{"parents' views", 2},
	}
	for _, tt := range tests {
		if got := Measure([]string{tt.text}).Words; got != tt.want {
			t.Errorf("Measure(%q).Words = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// checkGrades compares r with the counts and grades worked out by hand.
func checkGrades(t *testing.T, r Readability, words, sentences, syllables, polysyllables int, fk, fre, smog float64) {
	t.Helper()
	if r.Words != words || r.Sentences != sentences || r.Syllables != syllables || r.Polysyllables != polysyllables {
		t.Errorf("counts: got %d words, %d sentences, %d syllables, %d polysyllables; want %d, %d, %d, %d",
			r.Words, r.Sentences, r.Syllables, r.Polysyllables, words, sentences, syllables, polysyllables)
	}
	if got := round2(r.FleschKincaidGrade); got != fk {
		t.Errorf("FleschKincaidGrade = %.4f, want %.2f", r.FleschKincaidGrade, fk)
	}
	if got := round2(r.FleschReadingEase); got != fre {
		t.Errorf("FleschReadingEase = %.4f, want %.2f", r.FleschReadingEase, fre)
	}
	if got := round2(r.SMOGGrade); got != smog {
		t.Errorf("SMOGGrade = %.4f, want %.2f", r.SMOGGrade, smog)
	}
}

// checkSentences compares Measure's sentences with the hand count: words,
// syllables and polysyllables of each sentence in order.
func checkSentences(t *testing.T, blocks []string, want [][3]int) {
	t.Helper()
	got := sentencesOf(blocks)
	if len(got) != len(want) {
		t.Errorf("got %d sentences, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		s := got[i]
		if g := [3]int{s.Words, s.Syllables, s.Polysyllables}; g != want[i] {
			t.Errorf("sentence %d %q: got words, syllables, polysyllables %v, want %v", i+1, s.Text, g, want[i])
		}
	}
}

func TestClassicExample(t *testing.T) {
	// 6 words, 1 sentence, 6 syllables:
	// FK   = 0.39*6 + 11.8*1 - 15.59 = -1.45
	// FRE  = 206.835 - 1.015*6 - 84.6*1 = 116.145 -> 116.15 (116.14499... in
	//        floating point, so compared with a margin)
	// SMOG = 1.0430*sqrt(0) + 3.1291 = 3.13
	r := Measure([]string{"The cat sat on the mat."})
	if r.Words != 6 || r.Sentences != 1 || r.Syllables != 6 || r.Polysyllables != 0 {
		t.Fatalf("counts: %+v", r)
	}
	if round2(r.FleschKincaidGrade) != -1.45 {
		t.Errorf("FleschKincaidGrade = %v, want -1.45", r.FleschKincaidGrade)
	}
	if math.Abs(r.FleschReadingEase-116.145) > 1e-9 {
		t.Errorf("FleschReadingEase = %v, want 116.145", r.FleschReadingEase)
	}
	if round2(r.SMOGGrade) != 3.13 {
		t.Errorf("SMOGGrade = %v, want 3.13", r.SMOGGrade)
	}
}

// The passages below were counted by hand, word by word, with the
// conventions Measure documents: dictionary syllables (Merriam-Webster);
// for words the dictionary gives two counts for, the count of the spelling
// (different = 3, trials = 2); numbers one syllable; initialisms letter by
// letter (MBT = 3, OK = 2); a hyphenated word is one word; a heading or list
// item is a sentence.

func TestPassageShort(t *testing.T) {
	// testdata/passage-short.txt, from content/understanding/what-is-mentalizing.md.
	//
	// 1. When(1) you(1) mentalize(3) you(1) see(1) that(1) people(2) act(1)
	//    for(1) reasons(2) inside(2) them(1): 12 words, 17 syllables, 1 poly
	// 2. You(1) cannot(2) see(1) those(1) reasons(2) from(1) the(1) outside(2):
	//    8 words, 11 syllables
	// 3. You(1) have(1) to(1) wonder(2) about(2) them(1): 6 words, 8 syllables
	//
	// Totals: 26 words, 3 sentences, 36 syllables, 1 polysyllable.
	// ASL = 26/3 = 8.6667, ASW = 36/26 = 1.3846
	// FK   = 0.39*8.6667 + 11.8*1.3846 - 15.59 = 3.3800 + 16.3385 - 15.59 = 4.13
	// FRE  = 206.835 - 1.015*8.6667 - 84.6*1.3846 = 206.835 - 8.7967 - 117.1385 = 80.90
	// SMOG = 1.0430*sqrt(1*30/3) + 3.1291 = 1.0430*3.1623 + 3.1291 = 6.43
	blocks := readBlocks(t, "passage-short.txt")
	checkSentences(t, blocks, [][3]int{{12, 17, 1}, {8, 11, 0}, {6, 8, 0}})
	checkGrades(t, Measure(blocks), 26, 3, 36, 1, 4.13, 80.90, 6.43)
}

func TestPassageEverydayExample(t *testing.T) {
	// testdata/passage-everyday-example.txt: the body of "An everyday
	// example" in content/understanding/what-is-mentalizing.md (the heading
	// is left out), two paragraphs and two list items.
	//
	// Paragraph:
	//  1. Imagine(3) a friend walks past you in the street and does not say
	//     hello(2): 14 words, 12 of one syllable, 17 syllables, 1 poly
	// List item 1:
	//  2. One thought might be: "She is ignoring(3) me.: 8 words, 10 syllables, 1 poly
	//  3. She must hate me.": 4 words, 4 syllables
	//  4. This feels certain(2).: 3 words, 4 syllables
	//  5. It leaves no room for other(2) reasons(2).: 7 words, 9 syllables
	// List item 2:
	//  6. A mentalizing(4) thought might be: "That hurt.: 7 words, 10 syllables, 1 poly
	//  7. Maybe(2) she did not see me.: 6 words, 7 syllables
	//  8. Maybe(2) she had something(2) on her mind.: 7 words, 9 syllables
	//  9. I could ask her later(2).": 5 words, 6 syllables
	// Paragraph:
	// 10. The second(2) thought does not make the hurt go away(2).: 10 words, 12 syllables
	// 11. But it gives you more choices(2).: 6 words, 7 syllables
	// 12. It keeps the door open(2) between(2) you and your friend.: 10 words, 12 syllables
	//
	// Totals: 12 sentences;
	// words 14 + 8+4+3+7 + 7+6+7+5 + 10+6+10 = 87;
	// syllables 17 + 10+4+4+9 + 10+7+9+6 + 12+7+12 = 107;
	// polysyllables imagine, ignoring, mentalizing = 3.
	// ASL = 87/12 = 7.25, ASW = 107/87 = 1.2299
	// FK   = 0.39*7.25 + 11.8*1.2299 - 15.59 = 2.8275 + 14.5126 - 15.59 = 1.75
	// FRE  = 206.835 - 1.015*7.25 - 84.6*1.2299 = 206.835 - 7.3588 - 104.0483 = 95.43
	// SMOG = 1.0430*sqrt(3*30/12) + 3.1291 = 1.0430*2.7386 + 3.1291 = 5.99
	blocks := readBlocks(t, "passage-everyday-example.txt")
	checkSentences(t, blocks, [][3]int{
		{14, 17, 1},
		{8, 10, 1}, {4, 4, 0}, {3, 4, 0}, {7, 9, 0},
		{7, 10, 1}, {6, 7, 0}, {7, 9, 0}, {5, 6, 0},
		{10, 12, 0}, {6, 7, 0}, {10, 12, 0},
	})
	checkGrades(t, Measure(blocks), 87, 12, 107, 3, 1.75, 95.43, 5.99)
}

func TestPassageTherapist(t *testing.T) {
	// testdata/passage-therapist.txt: "How your therapist works with you" and
	// "How long it lasts" from content/therapy/what-to-expect.md, headings
	// and list items as blocks, with the citations left in (Measure must
	// skip them). Only words of more than one syllable are marked.
	//
	//  1. How your therapist(3) works with you: 6 words, 8 syllables, 1 poly
	//  2. MBT(3) therapists(3) take what is called a "not-knowing(3)" stance
	//     [@bateman2006guide].: 9 words, 15 syllables, 3 poly
	//  3. This means your therapist(3):: 4 words, 6 syllables, 1 poly
	//  4. is curious(3) about(2) your mind, and does not claim to know what
	//     you think or feel: 16 words, 19 syllables, 1 poly
	//  5. asks questions(2), rather(2) than giving(2) answers(2): 6 words, 10 syllables
	//  6. checks that they have understood(3) you, and says so when they
	//     have not: 13 words, 15 syllables, 1 poly
	//  7. owns up when they get something(2) wrong: 7 words, 8 syllables
	//  8. notices(3) when feelings(2) run high, and helps to slow things
	//     down: 11 words, 14 syllables, 1 poly
	//  9. This can feel odd at first.: 6 words, 6 syllables
	// 10. You might want your therapist(3) to just tell you what is going(2)
	//     on.: 13 words, 16 syllables, 1 poly
	// 11. But the not-knowing(3) stance is on purpose(2).: 7 words, 10 syllables, 1 poly
	// 12. It shows the open(2), curious(3) way of thinking(2) that MBT(3)
	//     hopes you will build for yourself(2).: 16 words, 23 syllables, 2 poly
	// 13. How long it lasts: 4 words, 4 syllables
	// 14. MBT(3) is not a quick fix.: 6 words, 8 syllables, 1 poly
	// 15. In the main research(2) trials(2), treatment(2) lasted(2) up to
	//     18(1) months [@bateman1999; @bateman2009].: 11 words, 15 syllables
	// 16. Your clinic(2) may offer(2) a different(3) length.: 7 words, 11 syllables, 1 poly
	// 17. Ask your team how long your therapy(3) will last, and how the
	//     ending(2) will be planned.: 16 words, 19 syllables, 1 poly
	// 18. Endings(2) can bring up strong feelings(2).: 6 words, 8 syllables
	// 19. It is OK(2) to talk about(2) them in therapy(3).: 9 words, 13 syllables, 1 poly
	//
	// Totals: 19 sentences;
	// words 6+9+4+16+6+13+7+11+6+13+7+16+4+6+11+7+16+6+9 = 173;
	// syllables 8+15+6+19+10+15+8+14+6+16+10+23+4+8+15+11+19+8+13 = 228;
	// polysyllables 1+3+1+1+0+1+0+1+0+1+1+2+0+1+0+1+1+0+1 = 16.
	// ASL = 173/19 = 9.1053, ASW = 228/173 = 1.3179
	// FK   = 0.39*9.1053 + 11.8*1.3179 - 15.59 = 3.5511 + 15.5514 - 15.59 = 3.51
	// FRE  = 206.835 - 1.015*9.1053 - 84.6*1.3179 = 206.835 - 9.2418 - 111.4960 = 86.10
	// SMOG = 1.0430*sqrt(16*30/19) + 3.1291 = 1.0430*5.0262 + 3.1291 = 8.37
	blocks := readBlocks(t, "passage-therapist.txt")
	checkSentences(t, blocks, [][3]int{
		{6, 8, 1}, {9, 15, 3}, {4, 6, 1},
		{16, 19, 1}, {6, 10, 0}, {13, 15, 1}, {7, 8, 0}, {11, 14, 1},
		{6, 6, 0}, {13, 16, 1}, {7, 10, 1}, {16, 23, 2},
		{4, 4, 0}, {6, 8, 1}, {11, 15, 0},
		{7, 11, 1}, {16, 19, 1}, {6, 8, 0}, {9, 13, 1},
	})
	checkGrades(t, Measure(blocks), 173, 19, 228, 16, 3.51, 86.10, 8.37)
}

func TestEmpty(t *testing.T) {
	for _, blocks := range [][]string{nil, {}, {""}, {" ", "— …", "[@bateman1999]", "!!!"}} {
		r := Measure(blocks)
		if !reflect.DeepEqual(r, Readability{}) {
			t.Errorf("Measure(%q) = %+v, want zeros", blocks, r)
		}
		if r.Stable() {
			t.Errorf("Measure(%q).Stable() = true", blocks)
		}
	}
}

func TestNeverNaN(t *testing.T) {
	for _, text := range []string{"a", "1", "Psychiatric.", "...a", "a...", "?"} {
		r := Measure([]string{text})
		for _, x := range []float64{r.FleschKincaidGrade, r.FleschReadingEase, r.SMOGGrade} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Errorf("Measure(%q) = %+v", text, r)
			}
		}
	}
}

func TestStable(t *testing.T) {
	block := strings.Repeat("We can help. ", 29)
	if r := Measure([]string{block}); r.Sentences != 29 || r.Stable() {
		t.Errorf("29 sentences: Sentences = %d, Stable = %v", r.Sentences, r.Stable())
	}
	if r := Measure([]string{block, "Call us."}); r.Sentences != 30 || !r.Stable() {
		t.Errorf("30 sentences: Sentences = %d, Stable = %v", r.Sentences, r.Stable())
	}
}

func TestHardest(t *testing.T) {
	r := Measure([]string{
		"Go now.",                 // 2 words, 2 syllables: 0.78 + 11.8 - 15.59 = -3.01
		"Psychiatric assessment.", // 2 words, 7 syllables: 0.78 + 41.3 - 15.59 = 26.49, but short
		"It is  a long\nword.",    // 5 words, 5 syllables: 1.95 + 11.8 - 15.59 = -1.84
		"Mentalization-based therapy helps people with borderline personality disorder.", // 8, 24: 22.93
		"We can help you at home.",   // 6 words, 6 syllables: 2.34 + 11.8 - 15.59 = -1.45
		"We can help you with that.", // as hard, as many words, but longer
	})
	var got []string
	for _, s := range r.Hardest {
		got = append(got, fmt.Sprintf("%.2f %s", s.Grade, s.Text))
	}
	want := []string{
		"22.93 Mentalization-based therapy helps people with borderline personality disorder.",
		"-1.45 We can help you with that.",
		"-1.45 We can help you at home.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Hardest:\n got %q\nwant %q", got, want)
	}

	// Short sentences are ranked too when there are not three long ones;
	// a tie goes to the longer sentence, and the text is as written.
	r = Measure([]string{"Go now.", "Psychiatric assessment.", "Go home.", "It is  a long\nword."})
	got = nil
	for _, s := range r.Hardest {
		got = append(got, fmt.Sprintf("%.2f %s", s.Grade, s.Text))
	}
	want = []string{
		"-1.84 It is  a long\nword.",
		"26.49 Psychiatric assessment.",
		"-3.01 Go home.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Hardest:\n got %q\nwant %q", got, want)
	}
}

func TestMeasureConcurrent(t *testing.T) {
	blocks := readBlocks(t, "passage-therapist.txt")
	want := Measure(blocks)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := Measure(blocks); !reflect.DeepEqual(got, want) {
				t.Errorf("concurrent Measure differs: %+v", got)
			}
		})
	}
	wg.Wait()
}

// benchBlocks returns about 1 MB of prose: the bundled pages with their
// Markdown roughly taken out, repeated.
func benchBlocks(b *testing.B) ([]string, int) {
	pages, _ := filepath.Glob("../../content/*/*.md")
	more, _ := filepath.Glob("../../content/*.md")
	pages = append(pages, more...)
	var one []string
	link := regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	for _, p := range pages {
		if strings.HasSuffix(p, "references.md") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		if strings.HasPrefix(text, "---\n") {
			if k := strings.Index(text[4:], "\n---\n"); k >= 0 {
				text = text[4+k+5:]
			}
		}
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimLeft(line, "#-*> ")
			line = link.ReplaceAllString(line, "$1")
			line = strings.ReplaceAll(line, "**", "")
			if strings.TrimSpace(line) != "" {
				one = append(one, line)
			}
		}
	}
	if len(one) == 0 {
		for _, name := range []string{"passage-short.txt", "passage-everyday-example.txt", "passage-therapist.txt"} {
			one = append(one, readBlocks(b, name)...)
		}
	}
	var blocks []string
	size := 0
	for size < 1<<20 {
		for _, s := range one {
			blocks = append(blocks, s)
			size += len(s)
		}
	}
	return blocks, size
}

func BenchmarkMeasure(b *testing.B) {
	blocks, size := benchBlocks(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Measure(blocks)
	}
}

func TestURLLen(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"samaritans.org", 14},
		{"samaritans.org.", 14},
		{"jo@samaritans.org,", 17},
		{"https://www.nhs.uk/111.", 22},
		{"mailto:jo@x.org", 15},
		{"www.nhs.uk", 10},
		{"therapy.", 0},
		{"therapy:", 0},
		{"e.g.", 0},
		{"U.S.", 0},
		{"2.5", 0},
		{"@bateman1999", 0},
		{"word", 0},
	} {
		if got := urlLen(c.s); got != c.want {
			t.Errorf("urlLen(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// FuzzWordEndsBeforeURL checks what Measure relies on to skip urlLen for
// most words: a word (as wordLen finds it) that ends the text or is
// followed by an ASCII space is never the start of an address.
func FuzzWordEndsBeforeURL(f *testing.F) {
	for _, s := range []string{"e.g", "U.S", "2.5", "10:30", "a.b", "www", "nhs.uk", "x@y.org", "self-harm", "A&E", "24/7", "café", "e.g. ", "1,000 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, _ := utf8.DecodeRuneInString(s)
		if s == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return
		}
		if n := wordLen(s); (n == len(s) || isASCIISpace(s[n])) && urlLen(s) != 0 {
			t.Errorf("%q: the word %q ends before a space, but urlLen finds an address of %d bytes", s, s[:n], urlLen(s))
		}
	})
}

// TestCounterCache checks that the syllable cache gives the counts counting
// afresh gives, and keeps words but not numbers, which would fill it.
func TestCounterCache(t *testing.T) {
	cached := &counter{cache: map[string]int{}}
	var plain counter
	for _, tok := range []string{"therapy", "therapy", "44925", "1990s", "18th", "2.5", "self-harm", "mentalizing", "CG78", "3-day"} {
		if got, want := cached.token(tok), plain.token(tok); got != want {
			t.Errorf("token(%q) = %d with the cache, %d without", tok, got, want)
		}
	}
	for tok := range cached.cache {
		if tok[0] >= '0' && tok[0] <= '9' {
			t.Errorf("the cache holds %q, which starts with a digit", tok)
		}
	}
	for _, tok := range []string{"therapy", "self-harm", "mentalizing", "CG78"} {
		if _, ok := cached.cache[tok]; !ok {
			t.Errorf("the cache lacks %q", tok)
		}
	}
}
