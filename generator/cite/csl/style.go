package csl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParseError reports a problem in a style or locale file, with its position.
type ParseError struct {
	File string
	Line int
	Msg  string
}

// Error returns "file:line: message".
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// element is one parsed CSL XML element.
type element struct {
	name  string
	attr  map[string]string
	kids  []*element
	text  string
	line  int
	macro *element // resolved macro of a cs:text or cs:key
	f     fmtAttrs
	conds []cond   // the tests of cs:if and cs:else-if
	vars  []string // the variables of cs:names
}

func (e *element) a(k string) string {
	if e == nil {
		return ""
	}
	return e.attr[k]
}

func (e *element) child(name string) *element {
	if e == nil {
		return nil
	}
	for _, k := range e.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// Style is a parsed CSL style. It is read-only after parsing.
type Style struct {
	ID            string
	Title         string
	Class         string // "in-text" or "note"
	DefaultLocale string
	// ParentURL is set for a dependent style: the id/URL of its independent parent.
	ParentURL string

	root         *element
	attrs        map[string]string // options on cs:style
	macros       map[string]*element
	citation     *element
	bibliography *element
	locales      []*element
}

// IsDependent reports whether the style only points to an independent parent.
func (s *Style) IsDependent() bool { return s.ParentURL != "" && s.citation == nil }

// HasBibliography reports whether the style defines a bibliography.
func (s *Style) HasBibliography() bool { return s.bibliography != nil }

var knownElements = map[string]bool{
	"style": true, "info": true, "locale": true, "macro": true, "citation": true, "bibliography": true,
	"layout": true, "sort": true, "key": true, "text": true, "date": true, "date-part": true,
	"number": true, "names": true, "name": true, "name-part": true, "et-al": true, "substitute": true,
	"label": true, "group": true, "choose": true, "if": true, "else-if": true, "else": true,
	"terms": true, "term": true, "single": true, "multiple": true, "style-options": true,
	"intext": true,
}

type rawParser struct {
	file string
	dec  *xml.Decoder
	src  []byte
}

func (p *rawParser) line() int {
	l, _ := p.dec.InputPos()
	return l
}

// parseTree reads an XML document into an element tree. Elements outside the
// CSL namespace inside cs:info are kept as-is; unknown CSL elements are errors
// when strict is true.
func parseTree(file string, src []byte, strict bool) (*element, error) {
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = true
	p := &rawParser{file: file, dec: dec, src: src}
	var stack []*element
	var root *element
	inInfo := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &ParseError{file, se.Line, "invalid XML: " + se.Msg}
			}
			return nil, &ParseError{file, p.line(), "invalid XML: " + err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			e := &element{name: t.Name.Local, attr: map[string]string{}, line: p.line()}
			for _, a := range t.Attr {
				k := a.Name.Local
				if a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace" {
					k = "xml:" + k
				}
				e.attr[k] = a.Value
			}
			if len(stack) == 0 {
				root = e
			} else {
				par := stack[len(stack)-1]
				par.kids = append(par.kids, e)
			}
			if inInfo == 0 && strict && !knownElements[e.name] {
				return nil, &ParseError{file, e.line, fmt.Sprintf("<%s> is not a CSL element (check its spelling)", e.name)}
			}
			if e.name == "info" {
				inInfo++
			} else if inInfo > 0 {
				inInfo++
			}
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) > 0 {
				if inInfo > 0 {
					inInfo--
				}
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, &ParseError{file, 1, "empty document: expected a <style> element"}
	}
	return root, nil
}

// ParseStyle parses a CSL style. name is used in error messages (a file name).
func ParseStyle(name string, src []byte) (*Style, error) {
	root, err := parseTree(name, src, true)
	if err != nil {
		return nil, err
	}
	if root.name != "style" {
		return nil, &ParseError{name, root.line, fmt.Sprintf("root element is <%s>, expected <style>", root.name)}
	}
	s := &Style{root: root, attrs: root.attr, macros: map[string]*element{}}
	s.Class = root.a("class")
	s.DefaultLocale = root.a("default-locale")
	for _, k := range root.kids {
		switch k.name {
		case "info":
			for _, i := range k.kids {
				switch i.name {
				case "id":
					s.ID = strings.TrimSpace(i.text)
				case "title":
					s.Title = strings.TrimSpace(i.text)
				case "link":
					if i.a("rel") == "independent-parent" {
						s.ParentURL = i.a("href")
					}
				}
			}
		case "macro":
			n := k.a("name")
			if n == "" {
				return nil, &ParseError{name, k.line, "<macro> needs a name attribute"}
			}
			s.macros[n] = k
		case "citation":
			s.citation = k
		case "bibliography":
			s.bibliography = k
		case "locale":
			s.locales = append(s.locales, k)
		}
	}
	if s.citation == nil && s.ParentURL == "" {
		return nil, &ParseError{name, root.line, "the style has no <citation> element (and no independent-parent link)"}
	}
	for _, sec := range []*element{s.citation, s.bibliography} {
		if sec != nil && sec.child("layout") == nil {
			return nil, &ParseError{name, sec.line, fmt.Sprintf("<%s> has no <layout>", sec.name)}
		}
	}
	if err := s.resolve(name, root, 0); err != nil {
		return nil, err
	}
	state := map[*element]int{}
	for _, m := range root.kids {
		if m.name == "macro" {
			if err := checkCycles(name, m, state); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// checkCycles reports a macro that calls itself, directly or not.
func checkCycles(file string, m *element, state map[*element]int) error {
	switch state[m] {
	case 1:
		return &ParseError{file, m.line, fmt.Sprintf("macro %q calls itself", m.a("name"))}
	case 2:
		return nil
	}
	state[m] = 1
	var walk func(e *element) error
	walk = func(e *element) error {
		if e.macro != nil {
			if err := checkCycles(file, e.macro, state); err != nil {
				return err
			}
		}
		for _, k := range e.kids {
			if err := walk(k); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(m); err != nil {
		return err
	}
	state[m] = 2
	return nil
}

// resolve links macro calls and precomputes formatting attributes.
func (s *Style) resolve(file string, e *element, depth int) error {
	if depth > 200 {
		return &ParseError{file, e.line, "elements nested too deeply"}
	}
	if e.name == "info" {
		return nil
	}
	if m := e.attr["macro"]; m != "" && (e.name == "text" || e.name == "key") {
		mac, ok := s.macros[m]
		if !ok {
			return &ParseError{file, e.line, fmt.Sprintf("unknown macro %q: define <macro name=%q> or fix the name", m, m)}
		}
		e.macro = mac
	}
	switch e.name {
	case "text":
		if e.attr["variable"] == "" && e.attr["macro"] == "" && e.attr["term"] == "" && e.attr["value"] == "" {
			if _, ok := e.attr["value"]; !ok {
				return &ParseError{file, e.line, "<text> needs one of variable, macro, term or value"}
			}
		}
	case "date":
		if e.attr["variable"] == "" && e.attr["form"] == "" {
			return &ParseError{file, e.line, "<date> needs a variable attribute"}
		}
	}
	e.f = parseFmt(e.attr)
	if e.name == "if" || e.name == "else-if" {
		e.conds = parseConds(e)
		if e.conds == nil {
			e.conds = []cond{}
		}
	}
	if e.name == "names" {
		e.vars = strings.Fields(e.attr["variable"])
	}
	for _, k := range e.kids {
		if err := s.resolve(file, k, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// fmtAttrs are the formatting, affix and display attributes of an element.
type fmtAttrs struct {
	prefix, suffix string
	fontStyle      string
	fontVariant    string
	fontWeight     string
	textDecoration string
	verticalAlign  string
	display        string
	textCase       string
	quotes         bool
	stripPeriods   bool
	delimiter      string
	hasFormat      bool
}

func parseFmt(a map[string]string) fmtAttrs {
	f := fmtAttrs{
		prefix: a["prefix"], suffix: a["suffix"],
		fontStyle: a["font-style"], fontVariant: a["font-variant"], fontWeight: a["font-weight"],
		textDecoration: a["text-decoration"], verticalAlign: a["vertical-align"],
		display: a["display"], textCase: a["text-case"],
		quotes: a["quotes"] == "true", stripPeriods: a["strip-periods"] == "true",
		delimiter: a["delimiter"],
	}
	f.hasFormat = f.fontStyle != "" || f.fontVariant != "" || f.fontWeight != "" ||
		f.textDecoration != "" || f.verticalAlign != ""
	return f
}

// StyleLookup returns the source of a style given its id or URL (for
// dependent styles' independent-parent links).
type StyleLookup func(idOrURL string) ([]byte, error)

// ResolveParent returns the independent parent of a dependent style, with the
// dependent style's default-locale and locale overrides applied. A style that
// is not dependent is returned unchanged.
func ResolveParent(s *Style, lookup StyleLookup) (*Style, error) {
	if !s.IsDependent() {
		return s, nil
	}
	if lookup == nil {
		return nil, fmt.Errorf("csl: style %q is dependent on %q, but no style lookup was given", s.ID, s.ParentURL)
	}
	src, err := lookup(s.ParentURL)
	if err != nil {
		return nil, fmt.Errorf("csl: parent style %q: %w", s.ParentURL, err)
	}
	parent, err := ParseStyle(s.ParentURL, src)
	if err != nil {
		return nil, err
	}
	if parent.IsDependent() {
		return nil, fmt.Errorf("csl: parent style %q is itself dependent", s.ParentURL)
	}
	cp := *parent
	if s.DefaultLocale != "" {
		cp.DefaultLocale = s.DefaultLocale
	}
	cp.locales = append(append([]*element{}, parent.locales...), s.locales...)
	cp.ID, cp.Title = s.ID, s.Title
	return &cp, nil
}
