package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file turns the TeX in BibTeX field values into plain Unicode text:
// what a reader of the reference list would see in the typeset PDF, minus
// the fonts. It knows the accents, special letters and symbols that real
// exports contain; it is not a TeX engine. Unknown commands are dropped and
// the text in their braces is kept, so "\foo{Bar}" reads "Bar".

// texToText converts a field value (its outer delimiters removed, inner
// braces kept) to plain text: accents and escapes become Unicode, braces
// go, "--" and "---" become en and em dashes, "~" a no-break space, and
// runs of white space one space.
func texToText(s string) string {
	if plainTeX(s) {
		return strings.TrimSpace(s)
	}
	var w texWriter
	w.b.Grow(len(s))
	w.text(s)
	w.flushMarks()
	return strings.TrimRight(w.b.String(), " ")
}

// plainTeX reports whether s needs no conversion apart from trimming:
// nothing special to TeX and no white space to collapse.
func plainTeX(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '{', '}', '~', '$', '`', '\n', '\r', '\t':
			return false
		case '-', '\'', ' ':
			if i+1 < len(s) && s[i+1] == c {
				return false
			}
		}
	}
	return true
}

// texWriter collects the converted text. Spaces are written lazily so that
// runs collapse and none leads.
type texWriter struct {
	b     strings.Builder
	math  bool // inside $...$
	space bool // a space is due before the next character
	// quotes counts the single quotes opened with "`" and not yet closed:
	// a "'" closes one unless a letter follows ("`Freud's view'").
	quotes int
	// marks are accents waiting for the next character, the innermost
	// last: "\~\^e" is ~ on ^ on e. An accent puts its mark here rather
	// than read its argument, so braces need no matching and any nesting
	// costs linear time.
	marks []rune
	depth int // of superscripts and subscripts, which are limited
}

func (w *texWriter) put(s string) {
	if s == "" {
		return
	}
	if len(w.marks) > 0 {
		s = w.applyMarks(s)
	}
	if w.space && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.space = false
	w.b.WriteString(s)
}

func (w *texWriter) putRune(r rune) {
	if len(w.marks) > 0 {
		w.put(string(r))
		return
	}
	if w.space && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.space = false
	w.b.WriteRune(r)
}

// applyMarks puts the waiting accents on the first character of s ("e" +
// acute -> "é"), as the precomposed character when Unicode has one, since
// editors and browsers search and compare text better that way, and as
// combining marks otherwise.
func (w *texWriter) applyMarks(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	switch r { // the dotless i and j that "\'{\i}" puts the accent on
	case 'ı':
		r = 'i'
	case 'ȷ':
		r = 'j'
	}
	var extra []rune
	for i := len(w.marks) - 1; i >= 0; i-- {
		if c, ok := composed[[2]rune{r, w.marks[i]}]; ok && extra == nil {
			r = c
		} else {
			extra = append(extra, w.marks[i])
		}
	}
	w.marks = w.marks[:0]
	return string(r) + string(extra) + s[n:]
}

// flushMarks shows accents that were left with nothing to go on.
func (w *texWriter) flushMarks() {
	marks := w.marks
	w.marks = nil
	for _, m := range marks {
		w.putRune(spacingAccents[m])
	}
}

// text converts s.
func (w *texWriter) text(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '{' || c == '}':
			// Braces only group and protect case; the text inside reads
			// the same without them. (Commands that take a group as an
			// argument find its end themselves, in texArg.)
			i++
		case c == '\\':
			i = w.command(s, i)
		case c == '$':
			w.math = !w.math
			i++
		case c == '~':
			w.putRune('\u00A0')
			i++
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			if len(w.marks) == 0 { // "\" o" is "ö"
				w.space = true
			}
			i++
		case c == '-' && !w.math:
			n := 1
			for i+n < len(s) && s[i+n] == '-' && n < 3 {
				n++
			}
			w.put([...]string{"", "-", "\u2013", "\u2014"}[n])
			i += n
		case c == '`' && !w.math:
			if i+1 < len(s) && s[i+1] == '`' {
				w.put("\u201C")
				i += 2
			} else {
				w.put("\u2018")
				w.quotes++
				i++
			}
		case c == '\'' && i+1 < len(s) && s[i+1] == '\'' && !w.math:
			w.put("\u201D")
			i += 2
		case c == '\'' && w.quotes > 0 && !w.math && !letterAt(s, i+1):
			w.put("\u2019")
			w.quotes--
			i++
		case (c == '^' || c == '_') && w.math && w.depth < 3:
			arg, next := texArg(s, i+1)
			w.script(c, arg)
			i = next
		case c < utf8.RuneSelf:
			w.put(s[i : i+1])
			i++
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			w.put(s[i : i+n])
			i += n
		}
	}
}

// groupEnd returns the index of the "}" that closes the "{" at s[open], or
// len(s) when it is not closed. Escaped braces ("\{") do not count.
func groupEnd(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// texArg returns the argument that starts at s[i] after optional spaces:
// the content of a brace group, a control sequence ("\i"), or one
// character. next is the index after it.
func texArg(s string, i int) (arg string, next int) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	switch {
	case i >= len(s):
		return "", i
	case s[i] == '{':
		end := groupEnd(s, i)
		return s[i+1 : end], min(end+1, len(s))
	case s[i] == '\\':
		name, next := commandName(s, i)
		next = skipSpacesAfter(s, name, next)
		return s[i:next], next
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i : i+n], i + n
}

// commandName reads the control sequence at s[i] == '\\': a control word
// (letters) or a control symbol (one other character). next is the index
// after the name.
func commandName(s string, i int) (name string, next int) {
	j := i + 1
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	if j == i+1 && j < len(s) {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return s[i+1 : j], j
}

// skipSpacesAfter skips the spaces after a control word, which TeX eats
// ("Stra\ss e" is "Straße"); spaces after a control symbol ("\&") stay.
func skipSpacesAfter(s, name string, i int) int {
	if name == "" || !isASCIILetter(name[0]) {
		return i
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// letterAt reports whether a letter starts at s[i].
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[min(i, len(s)):])
	return unicode.IsLetter(r)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// command converts the control sequence at s[i] == '\\' and returns the
// index after it and its argument.
func (w *texWriter) command(s string, i int) int {
	name, next := commandName(s, i)
	after := skipSpacesAfter(s, name, next)
	if mark, ok := texAccents[name]; ok {
		if strings.HasPrefix(s[after:], "{}") { // an accent on nothing: "\'{}"
			w.put(string(spacingAccents[mark]))
			return after + 2
		}
		w.marks = append(w.marks, mark)
		return after
	}
	if t, ok := texSymbols[name]; ok {
		w.put(t)
		return after
	}
	if _, ok := texDropped[name]; ok {
		return after
	}
	switch name {
	case "":
		return next // a lone backslash at the end
	case " ", "\\":
		w.space = true // "\ " and the line break "\\"
		return next
	case "textsuperscript", "textsubscript":
		if w.depth >= 3 {
			return after
		}
		arg, end := texArg(s, after)
		c := byte('^')
		if name == "textsubscript" {
			c = '_'
		}
		w.script(c, arg)
		return end
	case "url", "nolinkurl", "path":
		arg, end := texArg(s, after)
		w.put(verbatimText(arg))
		return end
	case "href": // \href{url}{text}: the text is what a reader sees
		_, end := texArg(s, after)
		return end
	case "noopsort", "SortNoop", "sortnoop", "NoOp", "hyphenation":
		// \noopsort{a}: text only for sorting, never shown
		_, end := texArg(s, after)
		return end
	}
	// An unknown command: drop it; a brace group that follows is read as
	// ordinary text.
	return after
}

// script writes a superscript or subscript (c is '^' or '_') with Unicode's
// superscript and subscript characters when all of arg has them ("m^2" ->
// "m²", "CO_2" -> "CO₂", "30^\circ" -> "30°"), otherwise as plain text,
// with a caret in math ("x^ab").
func (w *texWriter) script(c byte, arg string) {
	inner := texWriter{math: w.math, depth: w.depth + 1}
	inner.text(arg)
	inner.flushMarks()
	t := inner.b.String()
	table := superscripts
	if c == '_' {
		table = subscripts
	}
	var b strings.Builder
	for _, r := range t {
		m, ok := table[r]
		if !ok {
			b.Reset()
			break
		}
		b.WriteRune(m)
	}
	switch {
	case t == "":
	case b.Len() > 0:
		w.put(b.String())
	case w.math:
		w.put(string(c) + t)
	default:
		w.put(t)
	}
}

// verbatimText reads a URL or DOI: TeX escapes ("\_", "\%") become the
// character, braces and \url go, and white space (from a wrapped line) is
// removed. Nothing else is converted: "~" in a URL is a tilde.
func verbatimText(s string) string {
	if !strings.ContainsAny(s, "\\{} \t\r\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{', '}', ' ', '\t', '\r', '\n':
		case '\\':
			name, next := commandName(s, i)
			if len(name) == 1 && !isASCIILetter(name[0]) {
				b.WriteString(name) // \_ \% \& \# \~ \$
			}
			i = next - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// texAccents maps TeX's accent commands to Unicode combining marks.
var texAccents = map[string]rune{
	"'": '\u0301', "`": '\u0300', "^": '\u0302', "\"": '\u0308', "~": '\u0303',
	"=": '\u0304', ".": '\u0307', "u": '\u0306', "v": '\u030C', "H": '\u030B',
	"c": '\u0327', "k": '\u0328', "d": '\u0323', "b": '\u0331', "r": '\u030A',
	"t": '\u0361',
}

// spacingAccents are shown for an accent on nothing ("\'{}").
var spacingAccents = map[rune]rune{
	'\u0301': '´', '\u0300': '`', '\u0302': '^', '\u0308': '¨', '\u0303': '~',
	'\u0304': '¯', '\u0307': '˙', '\u0306': '˘', '\u030C': 'ˇ', '\u030B': '˝',
	'\u0327': '¸', '\u0328': '˛', '\u0323': '.', '\u0331': '_', '\u030A': '˚',
	'\u0361': '\u0361',
}

// composed maps a letter and a combining mark to the precomposed letter.
// The standard library has no Unicode normalization, so the letters of
// Latin-1 and Latin Extended-A, which cover the names in European
// bibliographies, are listed here; others keep the combining mark.
var composed = func() map[[2]rune]rune {
	pairs := map[rune]string{
		'\u0301': "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćCĆnńNŃsśSŚzźZŹlĺLĹrŕRŔgǵGǴ",
		'\u0300': "aàeèiìoòuùAÀEÈIÌOÒUÙnǹNǸ",
		'\u0302': "aâeêiîoôuûAÂEÊIÎOÔUÛcĉCĈgĝGĜhĥHĤjĵJĴsŝSŜwŵWŴyŷYŶ",
		'\u0308': "aäeëiïoöuüyÿAÄEËIÏOÖUÜYŸ",
		'\u0303': "aãnñoõiĩuũAÃNÑOÕIĨUŨ",
		'\u0304': "aāeēiīoōuūAĀEĒIĪOŌUŪ",
		'\u0306': "aăeĕgğiĭoŏuŭAĂEĔGĞIĬOŎUŬ",
		'\u0307': "cċeėgġzżCĊEĖGĠIİZŻ",
		'\u030C': "cčdďeěnňrřsštťzžCČDĎEĚNŇRŘSŠTŤZŽ",
		'\u030B': "oőuűOŐUŰ",
		'\u0327': "cçsştţgģkķlļnņrŗCÇSŞTŢGĢKĶLĻNŅRŖ",
		'\u0328': "aąeęiįuųAĄEĘIĮUŲ",
		'\u030A': "aåuůAÅUŮ",
	}
	m := make(map[[2]rune]rune)
	for mark, s := range pairs {
		rs := []rune(s)
		for i := 0; i+1 < len(rs); i += 2 {
			m[[2]rune{rs[i], mark}] = rs[i+1]
		}
	}
	return m
}()

// texSymbols maps commands without arguments to their text: escaped
// characters, special letters, typographic symbols and the Greek letters
// and operators found in titles ("interleukin-1$\beta$").
var texSymbols = map[string]string{
	// escaped characters
	"&": "&", "%": "%", "_": "_", "$": "$", "#": "#", "{": "{", "}": "}",
	",": "\u2009", ";": "\u2009", ":": "\u2009", "!": "", "-": "", "/": "", "@": "",
	// letters
	"o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"ss": "ß", "SS": "SS", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"dj": "đ", "DJ": "Đ", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	// typography
	"textendash": "\u2013", "textemdash": "\u2014", "ldots": "…", "dots": "…", "textellipsis": "…",
	"textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"quotedblbase": "„", "quotesinglbase": "‚", "guillemotleft": "«", "guillemotright": "»",
	"guilsinglleft": "‹", "guilsinglright": "›", "textquotesingle": "'", "textquotedbl": "\"",
	"textexclamdown": "¡", "textquestiondown": "¿", "S": "§", "P": "¶", "dag": "†", "ddag": "‡",
	"textdagger": "†", "textdaggerdbl": "‡", "textbullet": "•", "textperiodcentered": "·",
	"copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
	"pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€", "textdollar": "$",
	"textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_",
	"textbar": "|", "textless": "<", "textgreater": ">", "textdegree": "°", "textperthousand": "‰",
	"textmu": "µ", "textonehalf": "½", "textonequarter": "¼", "textthreequarters": "¾",
	"textpm": "±", "texttimes": "×", "textdiv": "÷", "textminus": "−",
	"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX",
	// Greek
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
	"lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
	"varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "φ",
	"varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
	"Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
	"Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	// mathematics
	"pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "·", "leq": "≤", "le": "≤",
	"geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃",
	"equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "lesssim": "≲", "gtrsim": "≳",
	"infty": "∞", "circ": "∘", "degree": "°", "prime": "′", "ast": "∗", "star": "⋆",
	"to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "leftrightarrow": "↔",
	"uparrow": "↑", "downarrow": "↓", "cdots": "⋯", "partial": "∂", "nabla": "∇",
	"sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√", "in": "∈", "notin": "∉",
	"subset": "⊂", "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "emptyset": "∅",
	"ell": "ℓ", "hbar": "ℏ", "langle": "⟨", "rangle": "⟩", "perp": "⊥", "parallel": "∥",
	"dagger": "†", "ddagger": "‡",
}

// texDropped are commands that only change fonts or spacing, written as
// switches ("{\em word}") or before a group ("\emph{word}"): the text they
// apply to is kept, the command goes.
var texDropped = map[string]struct{}{
	"em": {}, "it": {}, "bf": {}, "sc": {}, "rm": {}, "tt": {}, "sf": {}, "sl": {}, "up": {},
	"md": {}, "normalfont": {}, "itshape": {}, "bfseries": {}, "scshape": {}, "upshape": {},
	"mdseries": {}, "rmfamily": {}, "sffamily": {}, "ttfamily": {}, "slshape": {}, "relax": {},
	"protect": {}, "nocorr": {}, "xspace": {}, "small": {}, "large": {}, "Large": {},
	"footnotesize": {}, "tiny": {}, "scriptsize": {}, "normalsize": {}, "huge": {}, "Huge": {},
	"boldmath": {}, "unboldmath": {}, "displaystyle": {}, "textstyle": {}, "newblock": {},
	"emph": {}, "textit": {}, "textbf": {}, "textsc": {}, "textrm": {}, "texttt": {}, "textsf": {},
	"textsl": {}, "textup": {}, "textmd": {}, "textnormal": {}, "mathrm": {}, "mathit": {},
	"mathbf": {}, "mathsf": {}, "mathtt": {}, "mathcal": {}, "mathbb": {}, "text": {}, "mbox": {},
	"hbox": {}, "ensuremath": {}, "mkbibquote": {}, "mkbibemph": {}, "enquote": {}, "doi": {},
}

// superscripts and subscripts map characters to their Unicode forms.
var superscripts = map[rune]rune{
	'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
	'+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ', 'i': 'ⁱ', '∘': '°', '°': '°',
}

var subscripts = map[rune]rune{
	'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
	'+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
}

// asciiLetters spells a lower-case letter in ASCII for a suggested key:
// "ø" -> "o", "é" -> "e", "ß" -> "ss". Anything else gives "".
func asciiLetters(r rune) string {
	if 'a' <= r && r <= 'z' {
		return string(r)
	}
	if t, ok := foldedLetters[r]; ok {
		return t
	}
	return ""
}

// foldedLetters maps the accented and special lower-case letters this file
// knows to plain ASCII.
var foldedLetters = func() map[rune]string {
	m := map[rune]string{'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ŋ': "n"}
	for k, c := range composed {
		if 'a' <= k[0] && k[0] <= 'z' {
			m[c] = string(k[0])
		}
	}
	return m
}()
