package page

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"pamphlet/generator/trust"
)

// proseBlock is one paragraph, heading or list item of a page's prose, as
// plain text, with the offset where it starts in the source.
type proseBlock struct {
	text    string
	offset  int
	label   bool         // a heading or a lone link
	heading *ast.Heading // the heading it is, if it is one
}

// onlyLink reports whether a block holds nothing but one link.
func onlyLink(n ast.Node) bool {
	c := n.FirstChild()
	return c != nil && c.NextSibling() == nil && c.Kind() == ast.KindLink
}

// collectProse returns the prose of a page for the readability and
// content checks: paragraphs, headings and list items, without code,
// tables or citations (the reference list is not part of the body).
//
// The blocks and their text are written into sc, which the caller reuses
// from page to page: the blocks are valid until sc is next used. Their
// text is not copied out of it into a string of its own, since the
// content checks copy the little they keep (see parseState.facts): at
// 100,000 pages, that copy and the growing of the lists were 1 GB of the
// 7 GB a build allocates while parsing.
func collectProse(doc ast.Node, source []byte, sc *proseScratch) []proseBlock {
	buf := &sc.text
	blocks, ends := sc.blocks[:0], sc.ends[:0]
	*buf = (*buf)[:0]
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case east.KindTable, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			start := len(*buf)
			*buf = appendPlainText(*buf, n, source)
			if len(*buf) > start {
				off := 0
				if n.Lines().Len() > 0 {
					off = n.Lines().At(0).Start
				}
				// A heading, or a list item that is only a link, is a label,
				// not a sentence: kept for the content checks, left out of
				// the readability scores.
				h, _ := n.(*ast.Heading)
				label := h != nil || onlyLink(n)
				blocks = append(blocks, proseBlock{"", off, label, h})
				ends = append(ends, len(*buf))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	all, start := unsafe.String(unsafe.SliceData(*buf), len(*buf)), 0
	for i := range blocks {
		blocks[i].text = all[start:ends[i]]
		start = ends[i]
	}
	sc.blocks, sc.ends = blocks, ends
	return blocks
}

// proseScratch is one parser's room for a page's prose (collectProse)
// and for the content checks' working lists (parseState.facts).
type proseScratch struct {
	text   []byte
	blocks []proseBlock
	ends   []int
	texts  []string
	spans  [][2]int
}

// Words that mark the sentences the content checks look for. A claim
// names a treatment and an outcome in one sentence ("MBT can help ...");
// such a claim needs a source (HONcode 5). Suicide and self-harm words
// call for crisis support (safe messaging). Matching is by whole word,
// ignoring case, in one pass over the text: regular expressions with \b
// and (?i) were most of the cost of parsing a page.
var (
	treatmentWords = wordSet("therapy therapies treatment treatments mbt medicine medicines medication programme programmes program programs intervention interventions")
	outcomeWords   = wordSet("helps helped effective effectiveness improve improves improved improvement improvements benefit benefits reduce reduces reduced recovery recovered recover outcome outcomes")
	// Two-word outcomes: "can help", "did better", "does better".
	outcomePairs = map[[2]string]bool{{"can", "help"}: true, {"did", "better"}: true, {"does", "better"}: true}
	killWho      = wordSet("yourself myself themselves himself herself")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// scanWords calls fn for each word of s (letters, digits, apostrophes and
// hyphens inside a word), lower-cased, with the previous word, and stops
// when fn returns false.
func scanWords(s string, fn func(prev, w string) bool) {
	prev := ""
	start := -1
	flush := func(end int) bool {
		if start < 0 {
			return true
		}
		w := lowerWord(s[start:end])
		start = -1
		ok := fn(prev, w)
		prev = w
		return ok
	}
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '-' || r == '\'' || r == '’') && start >= 0)
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if !flush(i) {
			return
		}
	}
	flush(len(s))
}

// prefix returns at most the first n bytes of s, cut at a character
// boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// lowerWord lower-cases a word, without allocating when it is lower-case
// ASCII already (most words of most pages).
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// Quick tests that let most blocks skip the word-by-word checks. The
// checks match whole words, or the start of one ("suicidal"), so a block
// can only need one if one of these stems begins a word in it, in any case.
// One pass over the block looks at each word's first letters only; a
// search for each stem in turn cost a twentieth of parsing.
const (
	namesTreatment = 1 << iota
	mentionsSuicideWord
)

// wordStems lists, by first letter, the stems that may begin a word the
// checks look for, with what each may mean.
var wordStems = func() (t [26][]stem) {
	for _, s := range []stem{
		{"therap", namesTreatment}, {"treatment", namesTreatment}, {"mbt", namesTreatment},
		{"medic", namesTreatment}, {"program", namesTreatment}, {"intervention", namesTreatment},
		{"suicid", mentionsSuicideWord}, {"self", mentionsSuicideWord},
		{"overdos", mentionsSuicideWord}, {"kill", mentionsSuicideWord},
	} {
		t[s.word[0]-'a'] = append(t[s.word[0]-'a'], s)
	}
	return t
}()

type stem struct {
	word string // lower case
	flag int
}

// stemFlags returns the flags of the stems that begin a word of s. A word
// begins at a letter after anything but a letter, digit, hyphen or
// apostrophe (any byte of a non-ASCII character counts as a boundary, to
// be safe). It goes from word to word, looking at each word's first
// letters only, and stops once it has found every flag.
func stemFlags(s string) int { return stemScan(s, nil) }

// stemScan is stemFlags that also appends to treat, when it is not nil,
// where each word that may name a treatment starts, so that the claim
// check looks only at the sentences that hold one.
func stemScan(s string, treat *[]int) int {
	const all = namesTreatment | mentionsSuicideWord
	flags := 0
	for i := 0; i < len(s); {
		c := s[i]
		if !wordByte[c] {
			i++
			continue
		}
		// s[i] begins a run of word bytes: a word, if it is a letter.
		if l := c | 0x20; l >= 'a' && l <= 'z' {
			for _, st := range wordStems[l-'a'] {
				// The second letter first: most words starting with t are
				// not "therap" or "treatment", and EqualFold is the slow part.
				if (flags&st.flag == 0 || treat != nil && st.flag == namesTreatment) &&
					len(s)-i >= len(st.word) && s[i+1]|0x20 == st.word[1] &&
					strings.EqualFold(s[i:i+len(st.word)], st.word) {
					flags |= st.flag
					if treat != nil && st.flag == namesTreatment {
						*treat = append(*treat, i)
						break
					}
					if flags == all && treat == nil {
						return flags
					}
				}
			}
		}
		for i++; i < len(s) && wordByte[s[i]]; i++ {
		}
	}
	return flags
}

// wordByte holds the bytes that continue a word for stemFlags: ASCII
// letters and digits, hyphens and apostrophes.
var wordByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isASCIIAlnum(byte(c)) || c == '-' || c == '\''
	}
	return t
}()

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isClaim reports whether a sentence names a treatment and an outcome.
func isClaim(sentence string) bool {
	treatment, outcome := false, false
	scanWords(sentence, func(prev, w string) bool {
		treatment = treatment || treatmentWords[w]
		outcome = outcome || outcomeWords[w] || outcomePairs[[2]string{prev, w}]
		return !(treatment && outcome)
	})
	return treatment && outcome
}

// mentionsSuicide reports whether text mentions suicide or self-harm.
func mentionsSuicide(text string) bool {
	found := false
	scanWords(text, func(prev, w string) bool {
		found = strings.HasPrefix(w, "suicid") || strings.HasPrefix(w, "self-harm") || strings.HasPrefix(w, "overdos") ||
			(prev == "self" && strings.HasPrefix(w, "harm")) || (prev == "kill" && killWho[w])
		return !found
	})
	return found
}

// sentenceSpans splits a block into rough sentences for the claim check:
// the start and end of each.
func sentenceSpans(out [][2]int, s string) [][2]int {
	out = out[:0]
	start := 0
	for i := 0; i < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// Facts is what the trust checks need from a page's text, worked out
// once while the page is parsed.
type Facts struct {
	readability trust.Readability
	claim       string
	claimLine   int
	suicide     string
	suicideLine int
	// placeholders are the starter's notes and example.org addresses left
	// in the page's file, for the clinic to replace.
	placeholders []trust.Placeholder
}

func (s *parseState) facts(blocks []proseBlock, sc *proseScratch) Facts {
	// Headings are left out of the readability scores: two or three words
	// without a verb are not sentences, and formulas misjudge them.
	texts := sc.texts[:0]
	for _, b := range blocks {
		if !b.label {
			texts = append(texts, b.text)
		}
	}
	sc.texts = texts
	f := Facts{readability: trust.MeasureLang(s.page.Lang, texts)}
	// Keep copies of the few strings the report shows, not the page's
	// text, and none when only the report's summary is wanted: they were
	// an eighth of what a page holds until it is rendered.
	if s.summary {
		f.readability.Hardest = nil
	}
	for i := range f.readability.Hardest {
		f.readability.Hardest[i].Text = strings.Clone(f.readability.Hardest[i].Text)
	}
	f.placeholders = trust.FindPlaceholders(unsafe.String(unsafe.SliceData(s.source), len(s.source)), false)
	for i := range f.placeholders {
		f.placeholders[i].Text = strings.Clone(f.placeholders[i].Text)
	}
	var treat []int // where words that may name a treatment start, in a block
	for _, b := range blocks {
		if f.claim != "" && f.suicide != "" {
			break
		}
		var flags int
		treat = treat[:0]
		if f.claim == "" && !b.label {
			flags = stemScan(b.text, &treat)
		} else {
			flags = stemFlags(b.text)
		}
		if len(treat) > 0 {
			k := 0
			sc.spans = sentenceSpans(sc.spans, b.text)
			for _, sp := range sc.spans {
				for k < len(treat) && treat[k] < sp[0] {
					k++
				}
				if k == len(treat) {
					break
				}
				sentence := b.text[sp[0]:sp[1]]
				if treat[k] < sp[1] && isClaim(sentence) {
					f.claim = strings.Clone(strings.TrimSpace(sentence))
					f.claimLine, _ = s.pos(b.offset)
					break
				}
			}
		}
		if f.suicide == "" && flags&mentionsSuicideWord != 0 && mentionsSuicide(b.text) {
			f.suicide = strings.Clone(prefix(b.text, 200))
			f.suicideLine, _ = s.pos(b.offset)
		}
	}
	return f
}
