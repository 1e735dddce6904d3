package cite

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"pamphlet/generator/diag"
)

// ParseBibTeX reads a BibTeX or biblatex file as reference managers export
// it. file is the site-relative name used in diagnostics and Entry.File.
//
// It returns the entries in file order and every problem found, sorted by
// position. Reading goes on after an error, from the next line that starts
// an entry, so one mistake does not hide the rest of the file. An entry
// that cannot be used (no key, a key defined twice) is left out, and always
// with an error that says so; an entry with a syntax error later in it is
// kept with the fields read before the error. Warnings (a missing year, an
// unknown entry type) never remove an entry.
//
// What is read as BibTeX does: @string abbreviations (and the month
// abbreviations jan..dec) defined before use, "#" concatenation, values in
// braces, quotes or bare numbers, entry types and field names in any case,
// "@comment" and "@preamble" skipped, text between entries ignored. What is
// read more kindly: a "%" line comment inside an entry or before an "@" is
// skipped (as biber does), "\{" and "\"" do not count as delimiters, a
// missing comma between fields is reported and the next field still read.
//
// ParseBibTeX is safe for concurrent use.
func ParseBibTeX(file string, src []byte) ([]Entry, diag.List) {
	s := string(stripBOM(src))
	p := &bibParser{
		file:    file,
		s:       s,
		lines:   newLineIndex(s),
		macros:  make(map[string]string),
		macroAt: make(map[string]int),
		keys:    make(keySet),
		// Far more than any real file needs: @string abbreviations are
		// short, and a value uses a few.
		maxJoined: 8<<20 + 4*len(s),
	}
	p.parse()
	p.diags.Sort()
	return p.entries, p.diags
}

// bibParser holds the state of one ParseBibTeX call. Field values are
// substrings of s, so reading them allocates nothing.
type bibParser struct {
	file  string
	s     string // the source without its byte order mark
	pos   int    // next byte to read
	lines *lineIndex
	diags diag.List
	errs  int  // errors reported so far, to tell whether an entry had one
	quiet bool // drop warnings: the entry being built had an error

	blockUnclosed bool // a @comment or @preamble ran to the end of the file

	macros  map[string]string // @string abbreviations by lower-case name
	macroAt map[string]int    // offset of each abbreviation's first definition
	unknown []macroUse        // uses of undefined abbreviations, reported at the end

	fields []bibField // the fields of the entry being read, reused

	// joined counts the bytes copied to join values with "#". It may not
	// pass maxJoined: @string definitions that double each other ("@string{b
	// = a # a}", "@string{c = b # b}", ...) would otherwise fill memory.
	// Pieces past the limit are left out, with one error (tooLong).
	joined, maxJoined int
	tooLong           bool

	keys    keySet
	entries []Entry
}

// macroUse is a use of an abbreviation that was not defined at that point.
// It is reported after the whole file is read, so the message can say when
// the definition comes later.
type macroUse struct {
	name  string // as written
	off   int
	where string // "the \"journal\" field of entry \"x\""
}

// bibField is one "name = value" of an entry.
type bibField struct {
	name string // lower case
	raw  string // TeX, outer delimiters removed, abbreviations expanded
	off  int    // offset of the value
}

// fieldDesc names a field for messages: `the "title" field of entry "x"`.
// With no name it is what, which names an @string.
func fieldDesc(name, what string) string {
	if name == "" {
		return what
	}
	return fmt.Sprintf("the %q field of %s", name, what)
}

// monthMacros are BibTeX's predefined abbreviations; an @string may
// redefine them.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
	"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

func (p *bibParser) errorf(off int, format string, args ...any) {
	line, col := p.lines.pos(off)
	p.diags.Errorf(p.file, line, col, format, args...)
	p.errs++
}

func (p *bibParser) warnf(off int, format string, args ...any) {
	if p.quiet {
		return
	}
	line, col := p.lines.pos(off)
	p.diags.Warnf(p.file, line, col, format, args...)
}

// parse reads the whole file: everything up to an "@" is ignored, and so
// is an "@" after a "%" on its line.
func (p *bibParser) parse() {
	// The start of the line of the last "@" seen and the offset of its
	// first "%" in it, found by looking only at text not looked at before.
	seen, lineStart, percent := 0, 0, strings.IndexByte(p.s[:p.lineEnd(0)], '%')
	for {
		i := strings.IndexByte(p.s[p.pos:], '@')
		if i < 0 {
			break
		}
		p.pos += i
		if j := strings.LastIndexByte(p.s[seen:p.pos], '\n'); j >= 0 {
			lineStart = seen + j + 1
			percent = strings.IndexByte(p.s[lineStart:p.lineEnd(lineStart)], '%')
		}
		seen = p.pos
		if percent >= 0 && lineStart+percent < p.pos {
			p.pos = p.lineEnd(p.pos)
			continue
		}
		p.command()
	}
	p.reportUnknownMacros()
}

// command reads what follows an "@": an entry, @string, @comment or
// @preamble.
func (p *bibParser) command() {
	at := p.pos
	p.pos++
	p.skipBlanks()
	typ := p.ident()
	p.skipBlanks()
	lower := strings.ToLower(typ)
	if typ == "" || p.pos >= len(p.s) || (p.s[p.pos] != '{' && p.s[p.pos] != '(') {
		if typ != "" && lower != "comment" && p.atLineStart(at) {
			p.warnf(at, "%q is not followed by \"{\", so it is not read as an entry; if it is one, write it as @%s{key, ...}", "@"+typ, typ)
		}
		if typ == "" {
			p.pos = at + 1
		}
		return
	}
	closer := byte('}')
	if p.s[p.pos] == '(' {
		closer = ')'
	}
	switch lower {
	case "comment", "preamble":
		p.skipBlock(at, typ, closer)
	case "string":
		p.stringDef(at, closer)
	default:
		p.entry(at, typ, closer)
	}
}

// skipBlock skips a @comment or @preamble whose opening delimiter is at
// p.pos, as biber does. One that is not closed is skipped only up to its
// opening delimiter, as BibTeX does, so that entries after it are still
// read.
func (p *bibParser) skipBlock(at int, typ string, closer byte) {
	if p.blockUnclosed {
		// After one block ran to the end of the file unclosed, read the
		// rest as BibTeX does: skip only the "@comment{". Searching for
		// the end of every later block could cost time quadratic in the
		// size of the file.
		p.pos++
		return
	}
	depth, quoted := 0, false
	for i := p.pos + 1; i < len(p.s); i++ {
		switch p.s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			if depth == 0 && closer == '}' {
				p.pos = i + 1
				return
			}
			depth = max(depth-1, 0)
		case '"':
			if closer == ')' && depth == 0 {
				quoted = !quoted
			}
		case ')':
			if closer == ')' && depth == 0 && !quoted {
				p.pos = i + 1
				return
			}
		}
	}
	p.warnf(at, "this @%s is not closed: a %q is missing, so the text after it is read as entries; add it", typ, string(closer))
	p.blockUnclosed = true
	p.pos++
}

// stringDef reads "@string{name = value}" (several, separated by commas,
// are accepted too).
func (p *bibParser) stringDef(at int, closer byte) {
	p.pos++
	for {
		p.skipSpace()
		nameOff := p.pos
		name := p.ident()
		if name == "" {
			p.errorf(p.pos, "this @string has no name: write it as @string{name = {text}}")
			p.recover()
			return
		}
		lname := strings.ToLower(name)
		if _, ok := p.macroAt[lname]; !ok {
			p.macroAt[lname] = nameOff
		}
		p.skipSpace()
		if p.peek() != '=' {
			p.errorf(p.pos, "in @string %q an \"=\" is missing after the name: write it as @string{%s = {text}}", name, name)
			p.recover()
			return
		}
		p.pos++
		raw, ok := p.value("", fmt.Sprintf("the @string %q", name), closer)
		if !ok {
			p.recover()
			return
		}
		p.macros[lname] = raw
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
		case closer:
			p.pos++
			return
		default:
			p.errorf(p.pos, "@string %q is not closed: a %q is missing after its value; add it", name, string(closer))
			p.recover()
			return
		}
	}
}

// entry reads "@type{key, name = value, ...}" from its opening delimiter.
func (p *bibParser) entry(at int, typ string, closer byte) {
	errsBefore := p.errs
	p.pos++
	p.skipSpace()
	keyOff := p.pos
	key := p.key()
	p.skipSpace()
	switch c := p.peek(); {
	case key == "" || c == '=':
		// No key: JabRef's "@article{," or a field where the key should be,
		// read again as a field.
		key = ""
		p.pos = keyOff
		if p.peek() == ',' {
			p.pos++
		}
	case c == ',':
		p.pos++
	case c == closer:
	case p.startsField(p.pos):
		p.errorf(p.pos, "a \",\" is missing after the key %q; add it", key)
	default:
		p.errorf(p.pos, "the key %q is followed by %s: a key cannot contain spaces, braces or quotes; correct it (this entry is skipped until then)", key, quoteSource(p.shortText(p.pos)))
		p.recover()
		return
	}

	fields := p.fields[:0]
	defer func() { p.fields = fields[:0] }()
	var index fieldIndexMap
	what := fmt.Sprintf("entry %q", key)
	if key == "" {
		what = fmt.Sprintf("the @%s on line %d", typ, p.lines.line(at))
	}
	lastEnd := p.pos // where a missing closing delimiter belongs
	closed := false
fields:
	for {
		p.skipSpace()
		switch c := p.peek(); {
		case p.pos >= len(p.s):
			p.fieldError(fields, what, lastEnd, lastEnd, "%s is not closed: a %q is missing before the end of the file; add it", what, string(closer))
			break fields
		case c == closer:
			p.pos++
			closed = true
			break fields
		case c == ',': // a stray comma: ",," or after the key
			p.pos++
			continue
		case c == '@' && p.entryAt(p.pos):
			p.fieldError(fields, what, lastEnd, lastEnd, "%s is not closed: a %q is missing before the next \"@\" (line %d); add it", what, string(closer), p.lines.line(p.pos))
			break fields
		}
		nameOff := p.pos
		name := p.ident()
		p.skipSpace()
		if name == "" || p.peek() != '=' {
			switch {
			case hasBlankLine(p.s[lastEnd:nameOff]):
				// Exports never leave a blank line inside an entry: this
				// is text after an entry that lost its closing "}".
				p.errorf(lastEnd, "%s is not closed: a %q is missing before line %d; add it", what, string(closer), p.lines.line(nameOff))
			case name == "":
				p.fieldError(fields, what, nameOff, nameOff, "%s has %s where a field should start; fields are written name = {value}, separated by commas (the rest of this entry is skipped)", what, quoteSource(p.shortText(nameOff)))
			default:
				p.fieldError(fields, what, nameOff, p.pos, "in %s an \"=\" is missing after %q: write it as %s = {value} (the rest of this entry is skipped)", what, name, name)
			}
			p.recover()
			break
		}
		p.pos++
		lname := strings.ToLower(name)
		valOff := p.skipSpace()
		raw, ok := p.value(lname, what, closer)
		if !ok {
			p.recover()
			break
		}
		if i := index.find(fields, lname); i >= 0 {
			p.warnf(nameOff, "%s has two %q fields (lines %d and %d); the first is used: delete the other", what, lname, p.lines.line(fields[i].off), p.lines.line(nameOff))
		} else {
			fields = append(fields, bibField{name: lname, raw: raw, off: valOff})
			index.add(fields)
		}
		lastEnd = p.pos
		p.skipSpace()
		switch c := p.peek(); {
		case c == ',':
			p.pos++
			lastEnd = p.pos
		case c == closer || p.pos >= len(p.s) || (c == '@' && p.entryAt(p.pos)):
			// handled at the top of the loop
		case p.startsField(p.pos):
			p.errorf(lastEnd, "a \",\" is missing after the %q field of %s; add it", lname, what)
		default:
			p.fieldError(fields, what, p.pos, p.pos, "%s follows the %q field of %s: to join texts write {a} # {b}; to end the field add a \",\" (the rest of this entry is skipped)", quoteSource(p.shortText(p.pos)), lname, what)
			p.recover()
			break fields
		}
	}

	if closed {
		p.checkStrayFields(what, p.pos-1)
	}
	if key == "" {
		p.errorf(at, "this @%s has no key, so pages cannot cite it: write one after \"@%s{\", e.g. @%s{%s, (the entry is skipped until then)", typ, typ, typ, suggestKey(fields))
		return
	}
	p.quiet = p.errs > errsBefore // its warnings would be about the error's effects
	e := p.build(at, typ, key, fields)
	p.quiet = false
	line, col := p.lines.pos(at)
	if !p.keys.add(&p.diags, p.file, "key", key, line, col) {
		p.errs++
		return
	}
	if p.errs == errsBefore {
		checkComplete(&p.diags, &e, col, "title = {...}", "year = {...} or date = {YYYY-MM-DD}")
	}
	p.entries = append(p.entries, e)
}

// value reads a field value: pieces in braces, quotes, bare numbers or
// abbreviations, joined with "#". name and what name the field for
// messages (see fieldDesc). It reports false after an error that leaves
// the parser inside the value; a missing value is reported but reads as
// empty, so the entry goes on.
func (p *bibParser) value(name, what string, closer byte) (string, bool) {
	var val string         // the value while it has one piece: no copy
	var b *strings.Builder // the value once it has more
	result := func() string {
		if b != nil {
			return b.String()
		}
		return val
	}
	for {
		p.skipSpace()
		off := p.pos
		var piece string
		switch c := p.peek(); {
		case p.pos >= len(p.s) || c == ',' || c == closer || (c == '@' && p.entryAt(p.pos)):
			p.errorf(off, "%s has no value: write it in braces, e.g. {text}", fieldDesc(name, what))
			return result(), true
		case c == '{' || c == '"':
			var ok bool
			if piece, ok = p.delimited(name, what); !ok {
				return "", false
			}
		case c >= '0' && c <= '9':
			piece = p.ident()
		case isIdentByte(c):
			macro := p.ident()
			var ok bool
			if piece, ok = p.macros[strings.ToLower(macro)]; !ok {
				if piece, ok = monthMacros[strings.ToLower(macro)]; !ok {
					p.unknown = append(p.unknown, macroUse{name: macro, off: off, where: fieldDesc(name, what)})
				}
			}
		default:
			p.errorf(off, "%s starts with %s: write the value in braces, e.g. {text}", fieldDesc(name, what), quoteSource(p.shortText(off)))
			return "", false
		}
		switch {
		case b == nil:
			val = piece
		case p.joined+len(piece) > p.maxJoined:
			if !p.tooLong {
				p.errorf(off, "%s is too long once its abbreviations are put in (over %d MB): @string definitions that use each other probably double the text at each step; check them (the text past this point is left out)", fieldDesc(name, what), p.maxJoined>>20)
				p.tooLong = true
			}
		default:
			p.joined += len(piece)
			b.WriteString(piece)
		}
		end := p.pos
		p.skipSpace()
		if p.peek() != '#' {
			p.pos = end
			return result(), true
		}
		p.pos++
		if b == nil {
			b = new(strings.Builder)
			b.WriteString(val)
			p.joined += len(val)
		}
	}
}

// delimited reads a value in braces or quotes starting at p.pos and returns
// it without the outer delimiters. Braces inside must balance. A line that
// starts a new entry ends the search: the value was not closed.
func (p *bibParser) delimited(name, what string) (string, bool) {
	open := p.pos
	quote := p.s[open] == '"'
	depth := 0
	if !quote {
		depth = 1
	}
	for i := open + 1; i < len(p.s); i++ {
		switch p.s[i] {
		case '\\':
			if i+1 < len(p.s) && p.s[i+1] != '\n' {
				i++
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && !quote {
				p.pos = i + 1
				return p.s[open+1 : i], true
			}
			if depth < 0 { // only in quotes: the "}" ends the entry
				p.unclosed(open, i, fieldDesc(name, what), fmt.Sprintf("the \"}\" on line %d", p.lines.line(i)))
				p.pos = i
				return "", false
			}
		case '"':
			if quote && depth == 0 {
				p.pos = i + 1
				return p.s[open+1 : i], true
			}
		case '\n':
			if p.entryAt(i + 1) {
				p.unclosed(open, i, fieldDesc(name, what), fmt.Sprintf("the next \"@\" (line %d)", p.lines.line(i+1)))
				p.pos = i + 1
				return "", false
			}
		}
	}
	p.unclosed(open, len(p.s), fieldDesc(name, what), "the end of the file")
	p.pos = len(p.s)
	return "", false
}

// fieldError reports a syntax error found at off inside an entry, unless
// its cause is the value of the last field, which ran on to end: then that
// is reported instead (see ranOn).
func (p *bibParser) fieldError(fields []bibField, what string, end, off int, format string, args ...any) {
	if len(fields) == 0 || !p.ranOn(fields[len(fields)-1], what, end) {
		p.errorf(off, format, args...)
	}
}

// ranOn reports a value that was not closed where it should have been, so
// that it took in the fields after it and often the entry's own "}": for
// "title = {Text,\n year = 1999,\n}" the parser only notices at the next
// entry or later. The value is f, ending at end; it ran on when a line
// inside it starts a field. The fix is in the value, so the message
// points there. It reports false if that is not the case.
func (p *bibParser) ranOn(f bibField, what string, end int) bool {
	if f.off >= len(p.s) || p.s[f.off] != '{' && p.s[f.off] != '"' || p.fieldLine(p.lineEnd(f.off), end) < 0 {
		return false
	}
	p.unclosed(f.off, end, fieldDesc(f.name, what), "")
	return true
}

// fieldLine returns the offset of the first field ("name =") that starts a
// line in s[from:to], after blanks and commas, or -1. from counts as a line
// start.
func (p *bibParser) fieldLine(from, to int) int {
	for i := from; i < to; {
		j := i
		for j < to && (p.s[j] == ' ' || p.s[j] == '\t' || p.s[j] == ',' || p.s[j] == '\r') {
			j++
		}
		if j < to && p.startsField(j) {
			return j
		}
		nl := strings.IndexByte(p.s[i:to], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	return -1
}

// unclosed reports the value whose delimiter at open is not closed before
// end. The missing delimiter belongs before the first field inside the
// value, if one is there, else before what the caller names.
func (p *bibParser) unclosed(open, end int, where, before string) {
	if at := p.fieldLine(p.lineEnd(open), end); at >= 0 {
		before = fmt.Sprintf("%s on line %d", quoteSource(p.shortText(at)), p.lines.line(at))
	}
	if p.s[open] == '"' {
		p.errorf(open, "%s is not closed: the closing quote (\") is missing before %s, or a \"{\" inside the quotes has no \"}\"; add what is missing", where, before)
		return
	}
	p.errorf(open, "%s is not closed: a \"}\" is missing before %s; add it", where, before)
}

// checkStrayFields looks at the text after an entry's closing delimiter
// (at closeOff) up to the next "@": a field there was cut off by an extra
// "}", which BibTeX would drop without a word.
func (p *bibParser) checkStrayFields(what string, closeOff int) {
	end := len(p.s)
	if i := strings.IndexByte(p.s[p.pos:], '@'); i >= 0 {
		end = p.pos + i
	}
	if at := p.fieldLine(p.pos, end); at >= 0 {
		line, col := p.lines.pos(closeOff)
		p.errorf(at, "this field is outside any entry: %s already ended at the %q on line %d, column %d; remove that extra brace (this field is ignored until then)", what, string(p.s[closeOff]), line, col)
	}
}

func (p *bibParser) reportUnknownMacros() {
	for _, u := range p.unknown {
		if def, ok := p.macroAt[strings.ToLower(u.name)]; ok && def > u.off {
			p.errorf(u.off, "unknown abbreviation %q in %s: its @string is on line %d, after this entry; move that @string above the entries that use it", u.name, u.where, p.lines.line(def))
			continue
		}
		p.errorf(u.off, "unknown abbreviation %q in %s: define it above this entry with @string{%s = {...}}, or write the text in braces: {%s}", u.name, u.where, u.name, u.name)
	}
}

// recover moves to the next line that starts an entry, after an error
// that leaves the parser lost inside an entry.
func (p *bibParser) recover() {
	for i := p.pos; i < len(p.s); i++ {
		if (i == 0 || p.s[i-1] == '\n') && p.entryAt(i) {
			p.pos = i
			return
		}
	}
	p.pos = len(p.s)
}

// entryAt reports whether a line of the source starts an entry at or just
// before i: only blanks between the line start and an "@", then a name and
// "{" or "(". It is how an unclosed entry or value is noticed.
func (p *bibParser) entryAt(i int) bool {
	if !p.atLineStart(i) {
		return false
	}
	for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t') {
		i++
	}
	if i >= len(p.s) || p.s[i] != '@' {
		return false
	}
	i++
	j := i
	for j < len(p.s) && isIdentByte(p.s[j]) {
		j++
	}
	if j == i {
		return false
	}
	for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t') {
		j++
	}
	return j < len(p.s) && (p.s[j] == '{' || p.s[j] == '(')
}

// atLineStart reports whether only blanks stand between the start of its
// line and i.
func (p *bibParser) atLineStart(i int) bool {
	for i > 0 && (p.s[i-1] == ' ' || p.s[i-1] == '\t') {
		i--
	}
	return i == 0 || p.s[i-1] == '\n'
}

func (p *bibParser) lineEnd(i int) int {
	if j := strings.IndexByte(p.s[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(p.s)
}

// startsField reports whether a field ("name =") starts at i: after a
// missing comma the parser can then read on.
func (p *bibParser) startsField(i int) bool {
	j := i
	for j < len(p.s) && isIdentByte(p.s[j]) {
		j++
	}
	if j == i || (p.s[i] >= '0' && p.s[i] <= '9') {
		return false
	}
	for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t') {
		j++
	}
	return j < len(p.s) && p.s[j] == '='
}

func (p *bibParser) peek() byte {
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

// skipBlanks skips white space only.
func (p *bibParser) skipBlanks() {
	for p.pos < len(p.s) && isSpaceByte(p.s[p.pos]) {
		p.pos++
	}
}

// skipSpace skips white space and "%" line comments inside an entry, and
// returns the new position.
func (p *bibParser) skipSpace() int {
	for p.pos < len(p.s) {
		switch c := p.s[p.pos]; {
		case isSpaceByte(c):
			p.pos++
		case c == '%':
			p.pos = p.lineEnd(p.pos)
		default:
			return p.pos
		}
	}
	return p.pos
}

// ident reads a BibTeX name: an entry type, a field name, an abbreviation.
func (p *bibParser) ident() string {
	start := p.pos
	for p.pos < len(p.s) && isIdentByte(p.s[p.pos]) {
		p.pos++
	}
	return p.s[start:p.pos]
}

// key reads an entry's key, which may hold more characters than a name
// ("bateman:1999/a+b") but no white space or delimiters.
func (p *bibParser) key() string {
	start := p.pos
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		if c <= ' ' || c == 0x7f || strings.IndexByte(",{}()\"=@\\", c) >= 0 {
			break
		}
		p.pos++
	}
	return p.s[start:p.pos]
}

// shortText returns the text at i up to the end of its word, for messages.
func (p *bibParser) shortText(i int) string {
	j := i
	for j < len(p.s) && j-i < 20 && !isSpaceByte(p.s[j]) && (j == i || isIdentByte(p.s[j])) {
		j++
	}
	for j < len(p.s) && !utf8.RuneStart(p.s[j]) {
		j++
	}
	return p.s[i:j]
}

// hasBlankLine reports whether s holds a line of nothing but blanks
// between two line breaks.
func hasBlankLine(s string) bool {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		if t := strings.TrimLeft(s, " \t\r"); t != "" && t[0] == '\n' {
			return true
		}
	}
}

// quoteSource puts source text in quotes for a message: double quotes, or
// single ones when the text has a double quote.
func quoteSource(s string) string {
	if strings.ContainsRune(s, '"') {
		return "'" + s + "'"
	}
	return strconv.Quote(s)
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isIdentByte reports whether c may be part of a BibTeX name: anything
// printable except white space and the characters BibTeX gives a meaning.
func isIdentByte(c byte) bool {
	return c > ' ' && c != 0x7f && strings.IndexByte("\"#%'(),={}@\\", c) < 0
}

// fieldIndexMap finds fields by name in an entry with so many of them that
// searching the list for each new one, to find a field given twice, would
// be slow. Real entries have a few dozen at most; then it stays nil.
type fieldIndexMap map[string]int

// add records the last of fields.
func (m *fieldIndexMap) add(fields []bibField) {
	switch {
	case *m != nil:
		(*m)[fields[len(fields)-1].name] = len(fields) - 1
	case len(fields) >= 64:
		*m = make(fieldIndexMap, len(fields))
		for i := len(fields) - 1; i >= 0; i-- {
			(*m)[fields[i].name] = i
		}
	}
}

func (m fieldIndexMap) find(fields []bibField, name string) int {
	if m == nil {
		return fieldIndex(fields, name)
	}
	if i, ok := m[name]; ok {
		return i
	}
	return -1
}

func fieldIndex(fields []bibField, name string) int {
	for i := range fields {
		if fields[i].name == name {
			return i
		}
	}
	return -1
}

// bibTypes maps BibTeX and biblatex entry types to CSL types.
var bibTypes = map[string]string{
	"article":        "article-journal",
	"book":           "book",
	"mvbook":         "book",
	"collection":     "book",
	"mvcollection":   "book",
	"proceedings":    "book",
	"mvproceedings":  "book",
	"reference":      "book",
	"mvreference":    "book",
	"manual":         "book",
	"booklet":        "pamphlet",
	"inbook":         "chapter",
	"incollection":   "chapter",
	"bookinbook":     "chapter",
	"suppbook":       "chapter",
	"suppcollection": "chapter",
	"inreference":    "entry-encyclopedia",
	"inproceedings":  "paper-conference",
	"conference":     "paper-conference",
	"report":         "report",
	"techreport":     "report",
	"misc":           "document",
	"online":         "webpage",
	"webpage":        "webpage",
	"electronic":     "webpage",
	"www":            "webpage",
	"thesis":         "thesis",
	"phdthesis":      "thesis",
	"mastersthesis":  "thesis",
	"unpublished":    "manuscript",
	"patent":         "patent",
	"dataset":        "dataset",
	"software":       "software",
	"periodical":     "periodical",
}

// genres turns the values biblatex uses in a "type" field, and the thesis
// entry types, into words.
var genres = map[string]string{
	"phdthesis":     "PhD thesis",
	"mathesis":      "Master's thesis",
	"mastersthesis": "Master's thesis",
	"candthesis":    "Candidate thesis",
	"techreport":    "Technical report",
	"resreport":     "Research report",
}

// build turns the fields of an entry into an Entry. Only fields that a
// style uses are converted; the many others that reference managers add
// (abstract, keywords, file, ...) are ignored.
func (p *bibParser) build(at int, typ, key string, fields []bibField) Entry {
	lt := strings.ToLower(typ)
	e := Entry{ID: key, File: p.file, Line: p.lines.line(at)}
	what := fmt.Sprintf("entry %q", key)
	find := func(name string) *bibField {
		if i := fieldIndex(fields, name); i >= 0 {
			return &fields[i]
		}
		return nil
	}
	text := func(names ...string) string {
		for _, n := range names {
			if f := find(n); f != nil {
				if t := texToText(f.raw); t != "" {
					return t
				}
			}
		}
		return ""
	}
	verbatim := func(name string) string {
		if f := find(name); f != nil {
			return verbatimText(f.raw)
		}
		return ""
	}

	var known bool
	if e.Type, known = bibTypes[lt]; !known {
		e.Type = "document"
		p.warnf(at, "%s has the unknown type @%s and is shown as a generic document; use @article, @book, @incollection, @inproceedings, @report, @thesis, @online or @misc if one fits", what, typ)
	}
	switch {
	case e.Type == "article-journal":
		switch strings.ToLower(text("entrysubtype")) {
		case "magazine":
			e.Type = "article-magazine"
		case "newspaper":
			e.Type = "article-newspaper"
		}
	case lt == "inbook" && find("booktitle") == nil:
		// BibTeX's @inbook is a part of a book whose title is the book's.
		e.Type = "book"
	}
	e.Genre = genres[lt]
	if g := text("type"); g != "" {
		e.Genre = cmp.Or(genres[strings.ToLower(g)], g)
	}

	if f := find("author"); f != nil {
		e.Author, e.AuthorsTruncated = p.names(f, what)
	}
	if f := find("editor"); f != nil {
		e.Editor, e.EditorsTruncated = p.names(f, what)
	}
	e.Title = text("title")
	e.ContainerTitle = text("journaltitle", "journal", "booktitle")
	e.ContainerTitleShort = text("shortjournal", "journalabbrev", "journal-abbrev")
	e.Collection = text("series")
	e.Publisher = text("publisher", "school", "institution", "organization")
	e.PublisherPlace = text("location", "address")
	e.Volume = text("volume")
	if strings.HasPrefix(e.Type, "article") {
		e.Issue = text("number", "issue")
		e.Number = text("eid")
	} else {
		e.Issue = text("issue")
		e.Number = text("number", "eid")
	}
	e.Page = normalizePages(text("pages"))
	e.Edition = text("edition")
	e.Note = text("note")
	e.DOI = normalizeDOI(verbatim("doi"))
	e.URL = verbatim("url")
	e.ISBN = verbatim("isbn")
	e.ISSN = verbatim("issn")
	e.PMID = verbatim("pmid")
	if e.PMID == "" && strings.EqualFold(text("eprinttype"), "pubmed") {
		e.PMID = verbatim("eprint")
	}
	if h := text("howpublished"); h != "" {
		switch {
		case looksLikeURL(h) && e.URL == "":
			e.URL = h
		case h == e.URL:
		case e.Publisher == "" && !looksLikeURL(h):
			e.Publisher = h
		default:
			e.Note = strings.TrimPrefix(e.Note+"; "+h, "; ")
		}
	}

	if f := find("date"); f != nil {
		t := texToText(f.raw)
		if d, ok := parseISODate(t); ok {
			e.Issued = d
		} else {
			p.warnf(f.off, "in %s the date %q is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY", what, t)
		}
	}
	if f := find("year"); f != nil && e.Issued.IsZero() {
		e.Issued = p.yearDate(f, find("month"), find("day"), what)
	}
	if f := find("urldate"); f != nil {
		t := texToText(f.raw)
		if d, ok := parseISODate(t); ok {
			e.Accessed = d
		} else {
			p.warnf(f.off, "in %s the urldate %q is not a date: write it as YYYY-MM-DD", what, t)
		}
	}
	return e
}

// yearDate reads BibTeX's year, month and day fields.
func (p *bibParser) yearDate(year, month, day *bibField, what string) Date {
	y := texToText(year.raw)
	n := 0
	for n < len(y) && y[n] >= '0' && y[n] <= '9' {
		n++
	}
	if n == 0 {
		return Date{Literal: y} // "in press", "forthcoming"
	}
	d := Date{}
	d.Year, _ = strconv.Atoi(y[:n])
	if n < len(y) {
		p.warnf(year.off, "in %s the year %q is not just a number; %d is used", what, y, d.Year)
	}
	if month != nil {
		m := texToText(month.raw)
		if d.Month = monthNumber(m); d.Month == 0 && m != "" {
			p.warnf(month.off, "in %s the month %q is not a month: write a number from 1 to 12 or jan, feb, ... dec", what, m)
		}
	}
	if day != nil && d.Month > 0 {
		t := texToText(day.raw)
		d.Day, _ = strconv.Atoi(t)
		if !validDate(d) || d.Day == 0 {
			p.warnf(day.off, "in %s the day %q is not a day of that month; it is left out", what, t)
			d.Day = 0
		}
	}
	return d
}

func looksLikeURL(s string) bool {
	for _, p := range []string{"http://", "https://", "ftp://", "www."} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// suggestKey proposes a key for an entry that has none, in the common
// "familyYEAR" form, from its first author and year.
func suggestKey(fields []bibField) string {
	family, year := "smith", "2020"
	if i := fieldIndex(fields, "author"); i >= 0 {
		if names, _, _ := parseNames(fields[i].raw); len(names) > 0 {
			var b strings.Builder
			for _, r := range strings.ToLower(cmp.Or(names[0].Family, names[0].Literal)) {
				b.WriteString(asciiLetters(r))
			}
			family = cmp.Or(b.String(), family)
		}
	}
	if i := fieldIndex(fields, "year"); i >= 0 {
		year = cmp.Or(strings.TrimSpace(texToText(fields[i].raw)), year)
	} else if i := fieldIndex(fields, "date"); i >= 0 {
		if d, ok := parseISODate(texToText(fields[i].raw)); ok {
			year = strconv.Itoa(d.Year)
		}
	}
	return family + year
}

// names reads an author or editor field and reports its problems.
func (p *bibParser) names(f *bibField, what string) ([]Name, bool) {
	names, truncated, problems := parseNames(f.raw)
	for _, pr := range problems {
		p.warnf(f.off, "in the %s field of %s %s", f.name, what, pr)
	}
	return names, truncated
}

// parseNames splits a BibTeX name list on "and" and reads each name in
// one of BibTeX's three forms: "First von Last", "von Last, First" and
// "von Last, Jr, First". A name in braces ("{National Institute for Health
// and Care Excellence}") is a literal, not split. A final "and others"
// sets truncated. problems describe names that had to be guessed at.
func parseNames(raw string) (names []Name, truncated bool, problems []string) {
	parts := splitNames(raw)
	for i, s := range parts {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			if len(parts) > 1 {
				problems = append(problems, fmt.Sprintf("name %d of %d is empty: remove the extra \"and\"", i+1, len(parts)))
			}
			continue
		case strings.EqualFold(s, "others"):
			truncated = true
			continue
		}
		n, problem := parseName(s)
		if problem != "" {
			problems = append(problems, problem)
		}
		names = append(names, n)
	}
	return names, truncated, problems
}

// splitNames splits a name list at each "and" that stands between white
// space (or ends the list) outside braces.
func splitNames(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case c == '{':
			depth++
		case c == '}':
			depth--
		case depth == 0 && isSpaceByte(c) && i+4 <= len(s) && strings.EqualFold(s[i+1:i+4], "and") && (i+4 == len(s) || isSpaceByte(s[i+4])):
			parts = append(parts, s[start:i])
			start = i + 4
			i += 3
		}
	}
	return append(parts, s[start:])
}

// parseName reads one name; problem is non-empty when it had to guess.
func parseName(s string) (n Name, problem string) {
	if len(s) > 2 && s[0] == '{' && s[1] != '\\' && groupEnd(s, 0) == len(s)-1 {
		return Name{Literal: texToText(s[1 : len(s)-1])}, ""
	}
	parts := splitTopLevel(s, ',')
	if len(parts) > 3 {
		problem = fmt.Sprintf("the name %q has more than two commas, so all after the first is read as the first name; write it as \"Last, First\" or \"Last, Jr, First\"", texToText(s))
		parts = []string{parts[0], strings.Join(parts[1:], ",")}
	}
	var first, von, last []string
	switch len(parts) {
	case 1: // First von Last
		words := nameWords(parts[0])
		vs, ve := -1, -1
		for i := 0; i+1 < len(words); i++ {
			if wordCase(words[i]) < 0 {
				if vs < 0 {
					vs = i
				}
				ve = i
			}
		}
		if vs >= 0 {
			first, von, last = words[:vs], words[vs:ve+1], words[ve+1:]
		} else if len(words) > 0 {
			first, last = words[:len(words)-1], words[len(words)-1:]
		}
	default: // von Last, [Jr,] First
		words := nameWords(parts[0])
		ve := -1
		for i := 0; i+1 < len(words) && wordCase(words[i]) < 0; i++ {
			ve = i
		}
		von, last = words[:ve+1], words[ve+1:]
		first = nameWords(parts[len(parts)-1])
		if len(parts) == 3 {
			n.Suffix = joinWords(nameWords(parts[1]))
		}
	}
	n.Given, n.Particle, n.Family = joinWords(first), joinWords(von), joinWords(last)
	if n.Family == "" && n.Given != "" && n.Particle == "" {
		// "Fonagy," or ", Peter": keep what there is as the family name.
		n.Family, n.Given = n.Given, ""
	}
	return n, problem
}

// splitTopLevel splits s at each sep outside braces.
func splitTopLevel(s string, sep byte) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
		case sep:
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// nameWords splits a part of a name into words at white space and "~"
// outside braces.
func nameWords(s string) []string {
	var words []string
	depth, start := 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		sep := depth == 0 && (isSpaceByte(c) || c == '~')
		if !sep && start < 0 {
			start = i
		}
		switch {
		case sep:
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
		case c == '\\':
			i++
		case c == '{':
			depth++
		case c == '}':
			depth--
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

// joinWords joins the words of a name part with spaces and converts the
// result, as TeX would see it: "\O stergaard" is one word to BibTeX but
// "Østergaard" to TeX.
func joinWords(words []string) string {
	return texToText(strings.Join(words, " "))
}

// wordCase tells a "von" word (lower case, -1) from others (1), the way
// BibTeX does: by its first letter outside braces. An accented letter in
// braces ("{\"u}ber") counts by its letter; a word in plain braces
// ("{van}") has no case (0) and so is never "von".
func wordCase(w string) int {
	for i := 0; i < len(w); {
		switch c := w[i]; {
		case c == '{' && i+1 < len(w) && w[i+1] == '\\', c == '\\':
			return letterCase(texToText(w[i:]))
		case c == '{':
			i = groupEnd(w, i) + 1
		default:
			r, n := utf8.DecodeRuneInString(w[i:])
			if unicode.IsLetter(r) {
				return letterCase(string(r))
			}
			i += n
		}
	}
	return 0
}

func letterCase(s string) int {
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return -1
		case unicode.IsLetter(r):
			return 1
		}
	}
	return 0
}
