package csl

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// node is the rich-text output tree: a leaf with text, or a formatted
// sequence of children.
type node struct {
	text    string
	kids    []*node
	fs      fmtSet
	quote   bool
	display string
	nocase  bool
	rich    bool // formatting from markup in the data
	tag     nodeTag
	names   []string // for tagNames: the rendered names, one per name
}

type nodeTag uint8

const (
	tagNone nodeTag = iota
	tagNames
	tagYearSuffix
	tagCitationNumber
	tagLocator
	tagOpenQuote
	tagCloseQuote
	tagDate
	tagOneName
	tagTerm
	tagPrefix
	tagNameList
	tagSuffix
)

type fmtSet struct {
	fontStyle, fontVariant, fontWeight, textDecoration, verticalAlign string
}

func leaf(s string) *node { return &node{text: s} }

func group(kids ...*node) *node {
	var ks []*node
	for _, k := range kids {
		if k != nil {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		return nil
	}
	return &node{kids: ks}
}

// isEmpty reports whether the node renders no text.
func (n *node) isEmpty() bool {
	if n == nil {
		return true
	}
	if n.text != "" {
		return false
	}
	for _, k := range n.kids {
		if !k.isEmpty() {
			return false
		}
	}
	return true
}

// plain returns the node's text without formatting (quotes not added).
func (n *node) plain() string {
	var b strings.Builder
	n.writePlain(&b)
	return b.String()
}

func (n *node) writePlain(b *strings.Builder) {
	if n == nil {
		return
	}
	b.WriteString(n.text)
	for _, k := range n.kids {
		k.writePlain(b)
	}
}

// writeText writes plain text, separating display blocks: a space after a
// left-margin block, a new line around other blocks.
func (n *node) writeText(b *strings.Builder) {
	if n == nil {
		return
	}
	b.WriteString(n.text)
	if n.display == "block" && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
		b.WriteString("\n")
	}
	for _, k := range n.kids {
		k.writeText(b)
	}
	switch n.display {
	case "left-margin":
		if s := b.String(); s != "" && !strings.HasSuffix(s, " ") {
			b.WriteString(" ")
		}
	case "block":
		b.WriteString("\n")
	}
}

func (n *node) leaves(out []*node) []*node {
	if n == nil {
		return out
	}
	if len(n.kids) == 0 {
		return append(out, n)
	}
	for _, k := range n.kids {
		out = k.leaves(out)
	}
	return out
}

// clone deep-copies the tree.
func (n *node) clone() *node {
	if n == nil {
		return nil
	}
	c := *n
	if n.kids != nil {
		c.kids = make([]*node, len(n.kids))
		for i, k := range n.kids {
			c.kids[i] = k.clone()
		}
	}
	return &c
}

// join puts delimiter text between the non-empty nodes.
func join(ns []*node, delim string) *node {
	var out []*node
	for _, n := range ns {
		if n.isEmpty() {
			continue
		}
		if len(out) > 0 && delim != "" {
			out = append(out, leaf(delim))
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil
	}
	if len(out) == 1 {
		return out[0]
	}
	return &node{kids: out}
}

// applyLayoutFmt applies a cs:layout's affixes inside its formatting, as
// citeproc-js does.
func applyLayoutFmt(n *node, f *fmtAttrs, lc *localeChain) *node {
	if n.isEmpty() {
		return nil
	}
	inner := fmtAttrs{prefix: f.prefix, suffix: f.suffix}
	n = applyFmt(n, &inner, lc, false)
	outer := *f
	outer.prefix, outer.suffix = "", ""
	return applyFmt(n, &outer, lc, true)
}

// applyFmt wraps the node with an element's formatting, quotes, affixes
// and display, in the order CSL gives: text-case and strip-periods on the
// content, then formatting, quotes, affixes, display.
func applyFmt(n *node, f *fmtAttrs, lc *localeChain, textCase bool) *node {
	return applyFmtLang(n, f, lc, textCase, "")
}

// applyFmtLang is applyFmt for text in a given language (for the case
// mapping of Turkish and Azerbaijani).
func applyFmtLang(n *node, f *fmtAttrs, lc *localeChain, textCase bool, lang string) *node {
	if n.isEmpty() {
		return nil
	}
	if f.stripPeriods {
		stripPeriods(n)
	}
	if textCase && f.textCase != "" {
		applyTextCase(n, f.textCase, lang)
	}
	if f.hasFormat {
		n = &node{kids: []*node{n}, fs: fmtSet{f.fontStyle, f.fontVariant, f.fontWeight, f.textDecoration, f.verticalAlign}}
	}
	if f.quotes {
		n = &node{kids: []*node{n}, quote: true}
	}
	if f.prefix != "" || f.suffix != "" {
		var ks []*node
		if f.prefix != "" {
			ks = append(ks, leaf(f.prefix))
		}
		ks = append(ks, n)
		if f.suffix != "" {
			ks = append(ks, leaf(f.suffix))
		}
		n = &node{kids: ks}
	}
	if f.display != "" {
		n = &node{kids: []*node{n}, display: f.display}
	}
	return n
}

func stripPeriods(n *node) {
	for _, l := range n.leaves(nil) {
		l.text = strings.ReplaceAll(l.text, ".", "")
	}
}

// ---------- rich text from data ----------

// parseRich parses the HTML-like markup CSL-JSON allows in strings
// (<i>, <b>, <sc>, <sup>, <sub>, <span style=...>, <span class="nocase">)
// and straight or curly quotes, into a node.
func parseRich(s string) *node { return parseMarkup(s, false) }

// parseMarkup parses rich text; user is set for text an author typed around
// a cite (prefix, suffix).
func parseMarkup(s string, user bool) *node {
	if s == "" {
		return nil
	}
	if !strings.ContainsAny(s, "<\"'‘“") {
		return leaf(s)
	}
	root := &node{}
	stack := []*node{root}
	closers := []string{""}
	cur := func() *node { return stack[len(stack)-1] }
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			c := cur()
			c.kids = append(c.kids, leaf(buf.String()))
			buf.Reset()
		}
	}
	push := func(n *node, closer string) {
		flush()
		c := cur()
		c.kids = append(c.kids, n)
		stack = append(stack, n)
		closers = append(closers, closer)
	}
	pop := func(closer string) bool {
		for i := len(stack) - 1; i > 0; i-- {
			if closers[i] == closer {
				flush()
				stack = stack[:i]
				closers = closers[:i]
				return true
			}
		}
		return false
	}
	tags := []struct {
		open string
		mk   func() *node
		cl   string
	}{
		{"<i>", func() *node { return &node{fs: fmtSet{fontStyle: "italic"}} }, "</i>"},
		{"<em>", func() *node { return &node{fs: fmtSet{fontStyle: "italic"}} }, "</em>"},
		{"<b>", func() *node { return &node{fs: fmtSet{fontWeight: "bold"}} }, "</b>"},
		{"<strong>", func() *node { return &node{fs: fmtSet{fontWeight: "bold"}} }, "</strong>"},
		{"<sc>", func() *node { return &node{fs: fmtSet{fontVariant: "small-caps"}, rich: true} }, "</sc>"},
		{"<sup>", func() *node { return &node{fs: fmtSet{verticalAlign: "sup"}, rich: true} }, "</sup>"},
		{"<sub>", func() *node { return &node{fs: fmtSet{verticalAlign: "sub"}, rich: true} }, "</sub>"},
		{`<span class="nocase">`, func() *node { return &node{nocase: true} }, "</span>"},
		{`<span class="nodecor">`, func() *node {
			return &node{fs: fmtSet{fontStyle: "normal", fontVariant: "normal", fontWeight: "normal"}, rich: true, nocase: true}
		}, "</span>"},
		{`<span style="font-variant:small-caps;">`, func() *node { return &node{fs: fmtSet{fontVariant: "small-caps"}, rich: true} }, "</span>"},
		{`<span style="font-variant: small-caps;">`, func() *node { return &node{fs: fmtSet{fontVariant: "small-caps"}, rich: true} }, "</span>"},
		{`<span style="font-style:normal;">`, func() *node { return &node{fs: fmtSet{fontStyle: "normal"}} }, "</span>"},
		{`<span style="font-weight:normal;">`, func() *node { return &node{fs: fmtSet{fontWeight: "normal"}} }, "</span>"},
	}
	inQuote := func(q string) bool {
		for _, c := range closers {
			if c == q {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == '<' {
			matched := false
			for _, t := range tags {
				if strings.HasPrefix(s[i:], t.open) {
					// only open if a closer follows
					if strings.Contains(s[i+len(t.open):], t.cl) {
						push(t.mk(), t.cl)
						i += len(t.open)
						matched = true
					}
					break
				}
			}
			if !matched {
				for _, cl := range []string{"</i>", "</em>", "</b>", "</strong>", "</sc>", "</sup>", "</sub>", "</span>"} {
					if strings.HasPrefix(s[i:], cl) && pop(cl) {
						i += len(cl)
						matched = true
						break
					}
				}
			}
			if matched {
				continue
			}
			buf.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var prev, next rune = ' ', ' '
		if i > 0 {
			prev, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		if i+size < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+size:])
		}
		switch r {
		case '"':
			if inQuote(`"`) && !unicode.IsSpace(prev) && (!isWordRune(next) || !isWordRune(prev)) {
				pop(`"`)
			} else if !isWordRune(prev) || prev == '(' {
				if strings.Contains(s[i+1:], `"`) {
					push(&node{quote: true}, `"`)
				} else {
					buf.WriteRune(r)
				}
			} else {
				buf.WriteRune(r)
			}
		case '“':
			push(&node{quote: true}, "”")
		case '”':
			if !pop("”") {
				buf.WriteRune(r)
			}
		case '‘':
			if user {
				// in a cite's prefix or suffix, curly single quotes stay as typed
				buf.WriteRune(r)
			} else {
				push(&node{quote: true}, "’")
			}
		case '\'', '’':
			if inQuote("'") && !isWordRune(next) {
				pop("'")
			} else if inQuote("’") && r == '’' && !isWordRune(next) {
				pop("’")
			} else if r == '\'' && !isWordRune(prev) && isWordRune(next) && hasCloseSingle(s[i+1:]) {
				push(&node{quote: true}, "'")
			} else {
				buf.WriteRune('’')
			}
		default:
			buf.WriteRune(r)
		}
		i += size
	}
	flush()
	// quotes left open were not quotes: put the straight quote back
	for i := len(stack) - 1; i > 0; i-- {
		if n := stack[i]; n.quote && (closers[i] == `"` || closers[i] == "'") {
			n.quote = false
			n.kids = append([]*node{leaf(closers[i])}, n.kids...)
		}
	}
	if len(root.kids) == 1 {
		return root.kids[0]
	}
	return root
}

func hasCloseSingle(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			next := ' '
			if i+1 < len(s) {
				next, _ = utf8.DecodeRuneInString(s[i+1:])
			}
			if !isWordRune(next) {
				return true
			}
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// ---------- final passes ----------

// finish resolves quotes into characters (alternating outer and inner
// quotes), moves punctuation into quotes when the locale asks, and removes
// doubled punctuation at joins.
func finish(n *node, lc *localeChain) *node {
	if n == nil {
		return nil
	}
	resolveQuotes(n, lc, 0, false)
	fixPunctuation(n, lc)
	frenchSpaces(n, strings.HasPrefix(lc.lang, "fr"))
	return n
}

// Read-only replacers for frenchSpaces (safe for concurrent use).
var (
	guillemetSpaces   = strings.NewReplacer("« ", "«\u202f", " »", "\u202f»")
	frenchPunctSpaces = strings.NewReplacer(
		"« ", "«\u202f", " »", "\u202f»",
		" ;", "\u202f;", " !", "\u202f!", " ?", "\u202f?", " :", "\u00a0:",
	)
)

// frenchSpaces applies French typography as citeproc-js does: an ordinary
// space inside guillemets becomes a narrow no-break space, and in French
// also one before ; ! ? (a no-break space before a colon). The locale's
// own no-break spaces are kept.
func frenchSpaces(n *node, french bool) {
	r := guillemetSpaces
	if french {
		r = frenchPunctSpaces
	}
	ls := n.leaves(nil)
	marks := "«»"
	if french {
		marks = "«»;!?:"
	}
	for i, l := range ls {
		if !strings.ContainsAny(l.text, marks) && !strings.HasSuffix(l.text, " ") && !strings.HasSuffix(l.text, "«") {
			continue
		}
		l.text = r.Replace(l.text)
		// a space ending one piece before a guillemet or mark in the next
		if strings.HasSuffix(l.text, " ") {
			if j := nextNonEmpty(ls, i); j >= 0 {
				switch fr := firstRune(ls[j].text); {
				case fr == '»', french && (fr == ';' || fr == '!' || fr == '?'):
					l.text = strings.TrimRight(l.text, " ") + "\u202f"
				}
			}
		}
		if strings.HasSuffix(l.text, "«") {
			if j := nextNonEmpty(ls, i); j >= 0 {
				if t := ls[j].text; strings.HasPrefix(t, " ") {
					ls[j].text = "\u202f" + strings.TrimLeft(t, " ")
				}
			}
		}
	}
}

func resolveQuotes(n *node, lc *localeChain, depth int, user bool) {
	if n == nil {
		return
	}
	user = user || n.tag == tagPrefix || n.tag == tagSuffix
	if n.quote {
		n.quote = false
		open, close := "open-quote", "close-quote"
		if depth%2 == 1 {
			open, close = "open-inner-quote", "close-inner-quote"
		}
		o, ok1 := lc.term(open, "long", false, "")
		c, ok2 := lc.term(close, "long", false, "")
		if !ok1 {
			o = "“"
			if depth%2 == 1 {
				o = "‘"
			}
		}
		if !ok2 {
			c = "”"
			if depth%2 == 1 {
				c = "’"
			}
		}
		for _, k := range n.kids {
			resolveQuotes(k, lc, depth+1, user)
		}
		ct := tagCloseQuote
		if user {
			// punctuation is not moved into quotes the author typed
			ct = tagNone
		}
		n.kids = append([]*node{{text: o, tag: tagOpenQuote}}, append(n.kids, &node{text: c, tag: ct})...)
		return
	}
	for _, k := range n.kids {
		resolveQuotes(k, lc, depth, user)
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func fixPunctuation(n *node, lc *localeChain) {
	ls := n.leaves(nil)
	if lc.punctuationInQuote {
		moveIntoQuotes(ls)
	}
	mergeJoins(ls, lc)
	if lc.punctuationInQuote {
		moveIntoQuotes(ls)
	}
}

// moveIntoQuotes moves a period, comma, exclamation or question mark that
// follows closing quotes inside them (American style).
func moveIntoQuotes(ls []*node) {
	for i, l := range ls {
		if l.tag != tagCloseQuote {
			continue
		}
		j := nextNonEmpty(ls, i)
		if j < 0 {
			continue
		}
		nx := ls[j]
		if nx.tag == tagCloseQuote {
			continue
		}
		fr := firstRune(nx.text)
		if fr == '.' || fr == ',' || fr == '!' || fr == '?' {
			// find the last text before the closing quote(s)
			k := i
			for k >= 0 && (ls[k].tag == tagCloseQuote || ls[k].text == "") {
				k--
			}
			if k >= 0 {
				lr := lastRune(ls[k].text)
				drop, replace := mergePunct(lr, fr)
				switch {
				case drop:
				case replace:
					ls[k].text = ls[k].text[:len(ls[k].text)-len(string(lr))] + string(fr)
				default:
					ls[k].text += string(fr)
				}
			}
			nx.text = nx.text[len(string(fr)):]
		}
	}
}

// mergeJoins removes doubled punctuation and spaces where texts meet.
func mergeJoins(ls []*node, lc *localeChain) {
	for i := range ls {
		cur := ls[i]
		if cur.text == "" {
			continue
		}
		p := prevNonEmpty(ls, i)
		if p < 0 {
			continue
		}
		prev := ls[p]
		// look through closing quotes for punctuation
		pt := prev.text
		if prev.tag == tagCloseQuote {
			k := p - 1
			for k >= 0 && (ls[k].tag == tagCloseQuote || ls[k].text == "") {
				k--
			}
			if k >= 0 && lc.punctuationInQuote {
				pt = ls[k].text
			}
		}
		lr := lastRune(pt)
		fr := firstRune(cur.text)
		drop, replace := mergePunct(lr, fr)
		if fr == ' ' {
			drop = lastRune(prev.text) == ' ' && prev.tag != tagCloseQuote
		}
		if drop && (fr != '.' || cur.tag != tagYearSuffix) {
			cur.text = cur.text[1:]
		} else if replace && prev.tag != tagCloseQuote && len(prev.text) > 0 {
			prev.text = prev.text[:len(prev.text)-1]
		}
	}
}

// mergePunct says what to do when text ending in p meets text starting
// with q: drop q, or replace p by q (citeproc-js's punctuation table).
func mergePunct(p, q rune) (drop, replace bool) {
	if !strings.ContainsRune(".,;:!?", p) || !strings.ContainsRune(".,;:!?", q) {
		return false, false
	}
	if p == q {
		return true, false
	}
	switch q {
	case ':':
		return strings.ContainsRune(";!?", p), false
	case '.':
		return strings.ContainsRune(":;!?", p), false
	case '!', '?':
		return false, strings.ContainsRune(":;", p)
	}
	return false, false
}

func nextNonEmpty(ls []*node, i int) int {
	for j := i + 1; j < len(ls); j++ {
		if ls[j].text != "" {
			return j
		}
	}
	return -1
}

func prevNonEmpty(ls []*node, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ls[j].text != "" {
			return j
		}
	}
	return -1
}

// ---------- rendering ----------

type fmtState struct {
	italic, bold, smallcaps bool
}

// superscripts maps Unicode superscript characters to the text citeproc-js
// puts in <sup> elements.
var superscripts = map[rune]string{
	'\u00aa': "a",
	'\u00b2': "2",
	'\u00b3': "3",
	'\u00b9': "1",
	'\u00ba': "o",
	'\u02b0': "h",
	'\u02b1': "ɦ",
	'\u02b2': "j",
	'\u02b3': "r",
	'\u02b4': "ɹ",
	'\u02b5': "ɻ",
	'\u02b6': "ʁ",
	'\u02b7': "w",
	'\u02b8': "y",
	'\u02e0': "ɣ",
	'\u02e1': "l",
	'\u02e2': "s",
	'\u02e3': "x",
	'\u02e4': "ʕ",
	'\u1d2c': "A",
	'\u1d2d': "Æ",
	'\u1d2e': "B",
	'\u1d30': "D",
	'\u1d31': "E",
	'\u1d32': "Ǝ",
	'\u1d33': "G",
	'\u1d34': "H",
	'\u1d35': "I",
	'\u1d36': "J",
	'\u1d37': "K",
	'\u1d38': "L",
	'\u1d39': "M",
	'\u1d3a': "N",
	'\u1d3c': "O",
	'\u1d3d': "Ȣ",
	'\u1d3e': "P",
	'\u1d3f': "R",
	'\u1d40': "T",
	'\u1d41': "U",
	'\u1d42': "W",
	'\u1d43': "a",
	'\u1d44': "ɐ",
	'\u1d45': "ɑ",
	'\u1d46': "ᴂ",
	'\u1d47': "b",
	'\u1d48': "d",
	'\u1d49': "e",
	'\u1d4a': "ə",
	'\u1d4b': "ɛ",
	'\u1d4c': "ɜ",
	'\u1d4d': "g",
	'\u1d4f': "k",
	'\u1d50': "m",
	'\u1d51': "ŋ",
	'\u1d52': "o",
	'\u1d53': "ɔ",
	'\u1d54': "ᴖ",
	'\u1d55': "ᴗ",
	'\u1d56': "p",
	'\u1d57': "t",
	'\u1d58': "u",
	'\u1d59': "ᴝ",
	'\u1d5a': "ɯ",
	'\u1d5b': "v",
	'\u1d5c': "ᴥ",
	'\u1d5d': "β",
	'\u1d5e': "γ",
	'\u1d5f': "δ",
	'\u1d60': "φ",
	'\u1d61': "χ",
	'\u2070': "0",
	'\u2071': "i",
	'\u2074': "4",
	'\u2075': "5",
	'\u2076': "6",
	'\u2077': "7",
	'\u2078': "8",
	'\u2079': "9",
	'\u207a': "+",
	'\u207b': "−",
	'\u207c': "=",
	'\u207d': "(",
	'\u207e': ")",
	'\u207f': "n",
	'\u2120': "SM",
	'\u2122': "TM",
	'\u3192': "一",
	'\u3193': "二",
	'\u3194': "三",
	'\u3195': "四",
	'\u3196': "上",
	'\u3197': "中",
	'\u3198': "下",
	'\u3199': "甲",
	'\u319a': "乙",
	'\u319b': "丙",
	'\u319c': "丁",
	'\u319d': "天",
	'\u319e': "地",
	'\u319f': "人",
	'\u02c0': "ʔ",
	'\u02c1': "ʕ",
	'\u06e5': "و",
	'\u06e6': "ي",
}

func escapeHTML(b *strings.Builder, s string) {
	for _, r := range s {
		if sup, ok := superscripts[r]; ok {
			b.WriteString("<sup>" + sup + "</sup>")
			continue
		}
		switch r {
		case '&':
			b.WriteString("&#38;")
		case '<':
			b.WriteString("&#60;")
		case '>':
			b.WriteString("&#62;")
		default:
			b.WriteRune(r)
		}
	}
}

// html renders the node as HTML in citeproc-js's conventions.
func (n *node) html() string {
	var b strings.Builder
	n.writeHTML(&b, fmtState{})
	return b.String()
}

func (n *node) writeHTML(b *strings.Builder, st fmtState) {
	if n == nil {
		return
	}
	if len(n.kids) == 0 {
		escapeHTML(b, n.text)
		return
	}
	if n.display != "" && n.isEmpty() {
		return
	}
	var closers []string
	open := func(o, c string) {
		b.WriteString(o)
		closers = append(closers, c)
	}
	switch n.display {
	case "block":
		open(`<div class="csl-block">`, "</div>")
	case "left-margin":
		open(`<div class="csl-left-margin">`, "</div>")
	case "right-inline":
		open(`<div class="csl-right-inline">`, "</div>")
	case "indent":
		open(`<div class="csl-indent">`, "</div>")
	}
	switch n.fs.verticalAlign {
	case "sup":
		open("<sup>", "</sup>")
	case "sub":
		open("<sub>", "</sub>")
	case "baseline":
		open(`<span style="baseline">`, "</span>")
	}

	switch n.fs.textDecoration {
	case "underline":
		open(`<span style="text-decoration:underline;">`, "</span>")
	case "none":
		open(`<span style="text-decoration:none;">`, "</span>")
	}
	switch n.fs.fontWeight {
	case "bold":
		if st.bold {
			open(`<span style="font-weight:normal;">`, "</span>")
		} else {
			open("<b>", "</b>")
		}
		st.bold = !st.bold
	case "normal":
		if st.bold {
			open(`<span style="font-weight:normal;">`, "</span>")
			st.bold = false
		}
	case "light":
		open(`<span style="font-weight:light;">`, "</span>")
	}
	switch n.fs.fontVariant {
	case "small-caps":
		if st.smallcaps {
			open(`<span style="font-variant:normal;">`, "</span>")
		} else {
			open(`<span style="font-variant:small-caps;">`, "</span>")
		}
		st.smallcaps = !st.smallcaps
	case "normal":
		if st.smallcaps {
			open(`<span style="font-variant:normal;">`, "</span>")
			st.smallcaps = false
		}
	}
	switch n.fs.fontStyle {
	case "italic", "oblique":
		if st.italic {
			open(`<span style="font-style:normal;">`, "</span>")
		} else {
			open("<i>", "</i>")
		}
		st.italic = !st.italic
	case "normal":
		if st.italic {
			open(`<span style="font-style:normal;">`, "</span>")
			st.italic = false
		}
	}
	if n.display != "right-inline" {
		for _, k := range n.kids {
			k.writeHTML(b, st)
		}
		for i := len(closers) - 1; i >= 0; i-- {
			b.WriteString(closers[i])
		}
		return
	}
	// a right-inline block keeps its trailing space outside the div
	var inner strings.Builder
	for _, k := range n.kids {
		k.writeHTML(&inner, st)
	}
	in := inner.String()
	trimmed := strings.TrimRight(in, " ")
	b.WriteString(trimmed)
	for i := len(closers) - 1; i >= 0; i-- {
		b.WriteString(closers[i])
	}
	b.WriteString(in[len(trimmed):])
}
