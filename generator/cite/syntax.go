package cite

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindCitation is the node kind of a citation cluster.
var KindCitation = ast.NewNodeKind("Citation")

// Ref is one cited work inside a cluster, as written:
// "[see @bateman1999, p. 33; -@bateman2009]" has two.
type Ref struct {
	Key            string
	Prefix         string // text before the key: "see"
	Locator        string // "p. 33", "pp. 3-5", "chap. 2"
	Suffix         string // other text after the key and locator
	SuppressAuthor bool   // written -@key
	Offset         int    // byte offset of the "@" in the source, for diagnostics

	// Set by the resolver.
	Entry  *Entry
	Number int    // 1-based position in the page's reference list
	ID     string // id of this occurrence, the target of back-links
}

// Citation is an inline node for one citation cluster: "[@a; @b]", or an
// author-in-text citation "@a" (Narrative) with an optional "[p. 30]".
type Citation struct {
	ast.BaseInline
	Refs      []*Ref
	Narrative bool
	Source    string // the text as written, shown when a key is unknown
	ID        string // id of the cluster, for its popup

	// Set by the resolver: the cluster's HTML with its links, and the
	// popup HTML of each work it cites.
	html   string
	popups []string
}

// Kind implements ast.Node.Kind.
func (*Citation) Kind() ast.NodeKind { return KindCitation }

// Dump implements ast.Node.Dump.
func (c *Citation) Dump(source []byte, level int) {
	m := map[string]string{"Narrative": fmt.Sprint(c.Narrative)}
	for i, r := range c.Refs {
		m[fmt.Sprintf("Ref%d", i)] = fmt.Sprintf("%q prefix=%q locator=%q suffix=%q suppress=%v", r.Key, r.Prefix, r.Locator, r.Suffix, r.SuppressAuthor)
	}
	ast.DumpHelper(c, source, level, m, nil)
}

// citationParser parses pandoc's citation syntax. It is triggered by "["
// (bracketed clusters, tried before links) and "@" (author-in-text).
//
// What is not a citation: an e-mail address (the "@" follows a letter,
// digit or one of ._+-), anything inside code (code spans are parsed
// first), a bracket with no @key in it, and a bracket followed by "(" or
// "[", which is a link.
type citationParser struct{}

// NewParser returns the inline parser for citations.
func NewParser() parser.InlineParser { return citationParser{} }

// Trigger implements parser.InlineParser.Trigger.
func (citationParser) Trigger() []byte { return []byte{'[', '@'} }

// Parse implements parser.InlineParser.Parse.
func (citationParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	if line[0] == '[' {
		close := closingBrackets(pc, line, seg.Start)
		if close < 0 || close > maxCluster {
			return nil
		}
		end, refs := parseBracket(line[:close+1], seg.Start)
		if refs == nil {
			return nil
		}
		if end < len(line) && (line[end] == '(' || line[end] == '[') {
			return nil // [text with @x](url) is a link
		}
		c := &Citation{Refs: refs, Source: string(line[:end])}
		block.Advance(end)
		return c
	}
	// Author-in-text: @key, not inside a word or an e-mail address.
	if prev := block.PrecendingCharacter(); unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune("._+-@/:", prev) {
		return nil
	}
	key, n := parseKey(line[1:])
	if key == "" {
		return nil
	}
	end := 1 + n
	r := &Ref{Key: key, Offset: seg.Start}
	// "@key [p. 30]": a bracket right after (one space) holds the locator.
	if end+1 < len(line) && line[end] == ' ' && line[end+1] == '[' {
		if close := bytes.IndexByte(line[end+1:], ']'); close > 0 {
			inner := string(line[end+2 : end+1+close])
			after := end + 2 + close
			if !strings.Contains(inner, "@") && (after >= len(line) || (line[after] != '(' && line[after] != '[')) {
				r.Locator, r.Suffix = splitLocator(strings.TrimSpace(inner))
				end = after
			}
		}
	}
	c := &Citation{Refs: []*Ref{r}, Narrative: true, Source: string(line[:end])}
	block.Advance(end)
	return c
}

// maxCluster is the longest bracket read as a citation cluster: longer
// ones are text. It keeps a line of brackets nested thousands deep from
// costing the square of its length, and is far longer than the clusters
// people write ("[see @bateman1999, pp. 33-35; also @storebo2020]").
const maxCluster = 2000

// bracketsKey holds the matches of the brackets of the line being parsed.
var bracketsKey = parser.NewContextKey()

// brackets records, for one line of a block, where each "[" is closed: so
// that finding the end of a bracket costs the same however many brackets
// are open before it. Looking for it from each "[" made a line of many
// unclosed brackets take quadratic time (50,000 took seven seconds).
type brackets struct {
	start, end int     // the line, as offsets in the source
	close      []int32 // for each byte of the line from start: where its "[" closes, or -1
}

// closingBrackets returns the index in line (which starts at offset start
// in the source) of the "]" that closes the "[" at line[0], or -1.
func closingBrackets(pc parser.Context, line []byte, start int) int {
	b, _ := pc.Get(bracketsKey).(*brackets)
	if b == nil || start < b.start || start+len(line) != b.end {
		b = matchBrackets(line, start)
		pc.Set(bracketsKey, b)
	}
	c := b.close[start-b.start]
	if c < 0 {
		return -1
	}
	return int(c) - (start - b.start)
}

// matchBrackets finds where each "[" of line closes, skipping characters
// escaped with a backslash.
func matchBrackets(line []byte, start int) *brackets {
	b := &brackets{start: start, end: start + len(line), close: make([]int32, len(line))}
	var open []int32
	for i := 0; i < len(line); i++ {
		b.close[i] = -1
		switch line[i] {
		case '\\':
			if i+1 < len(line) {
				i++
				b.close[i] = -1
			}
		case '[':
			open = append(open, int32(i))
		case ']':
			if n := len(open); n > 0 {
				b.close[open[n-1]] = int32(i)
				open = open[:n-1]
			}
		}
	}
	return b
}

// parseBracket parses "[...]" at the start of line into its references.
// It returns the length of the bracket and nil when it is not a citation.
func parseBracket(line []byte, start int) (int, []*Ref) {
	depth, end := 0, -1
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				end = i
			}
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		return 0, nil
	}
	inner := string(line[1:end])
	var refs []*Ref
	off := start + 1
	for _, part := range splitItems(inner) {
		r, ok := parseItem(part.text, off+part.start)
		if !ok {
			return 0, nil // every item of a cluster must cite something
		}
		refs = append(refs, r)
	}
	if len(refs) == 0 {
		return 0, nil
	}
	return end + 1, refs
}

type item struct {
	text  string
	start int
}

// splitItems splits a cluster at ";" outside braces.
func splitItems(s string) []item {
	var items []item
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ';':
			if depth == 0 {
				items = append(items, item{s[from:i], from})
				from = i + 1
			}
		}
	}
	return append(items, item{s[from:], from})
}

// parseItem parses "prefix -@key, locator suffix".
func parseItem(s string, off int) (*Ref, bool) {
	at := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '@' && (i == 0 || !isWordByte(s[i-1]) || s[i-1] == '-') {
			at = i
			break
		}
	}
	if at < 0 {
		return nil, false
	}
	key, n := parseKey([]byte(s[at+1:]))
	if key == "" {
		return nil, false
	}
	r := &Ref{Key: key, Offset: off + at}
	prefix := s[:at]
	if strings.HasSuffix(prefix, "-") {
		r.SuppressAuthor = true
		prefix = prefix[:len(prefix)-1]
	}
	r.Prefix = strings.TrimSpace(prefix)
	rest := strings.TrimSpace(s[at+1+n:])
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	r.Locator, r.Suffix = splitLocator(rest)
	return r, true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '+' || c >= 0x80
}

// parseKey reads a citation key at the start of b: "{any text}" or a
// letter, digit or "_" followed by letters, digits and the punctuation
// :.#$%&-+?<>~/ where it is followed by another key character (so the
// full stop ending a sentence is not part of the key). It returns the key
// and the number of bytes read.
func parseKey(b []byte) (string, int) {
	if len(b) > 0 && b[0] == '{' {
		close := strings.IndexByte(string(b), '}')
		if close <= 1 {
			return "", 0
		}
		return string(b[1:close]), close + 1
	}
	n := 0
	for n < len(b) {
		r, size := utf8.DecodeRune(b[n:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			n += size
			continue
		case n > 0 && strings.ContainsRune(":.#$%&-+?<>~/", r):
			// Internal punctuation only: it must be followed by a key character.
			next, _ := utf8.DecodeRune(b[n+size:])
			if n+size < len(b) && (unicode.IsLetter(next) || unicode.IsDigit(next) || next == '_') {
				n += size
				continue
			}
		}
		break
	}
	return string(b[:n]), n
}

// locatorRE matches a locator at the start of the text after a key: an
// optional label ("p.", "pp.", "chap.", "sec.", "fig." ...) and a number,
// range or list of them.
var locatorRE = regexp.MustCompile(`^(?i)((?:pp?\.?|pages?|chap\.?|chapters?|sec\.?|sections?|para\.?|paragraphs?|fig\.?|figures?|vol\.?|volumes?|lines?|tab\.?|tables?|no\.?)\s*)?[0-9ivxlcdm]+[a-z]?(?:\s*(?:[-–—]|,\s*(?:[0-9]))\s*[0-9ivxlcdm]+[a-z]?)*`)

// splitLocator splits "p. 33, emphasis added" into the locator "p. 33"
// and the suffix "emphasis added".
func splitLocator(s string) (locator, suffix string) {
	if s == "" {
		return "", ""
	}
	m := locatorRE.FindString(s)
	if m == "" || (len(m) < len(s) && isWordByte(s[len(m)]) && s[len(m)] != '.') {
		return "", s
	}
	rest := strings.TrimSpace(s[len(m):])
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	return strings.TrimSpace(m), rest
}
