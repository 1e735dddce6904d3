package cite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"pamphlet/generator/diag"
)

// ParseCSLJSON reads a CSL-JSON file as Zotero exports it: a list of
// objects with "id", "type", "author": [{"family", "given"}], "issued":
// {"date-parts": [[2020, 5]]} and so on. file is the site-relative name
// used in diagnostics and Entry.File.
//
// It is forgiving where exporters differ: numbers may be JSON numbers or
// strings, dates may come as "date-parts", "raw" or "literal", names may
// carry particles and suffixes, and field names match in any case ("DOI",
// "doi"). Unknown fields are ignored.
//
// It returns the entries in file order and every problem, sorted by
// position. A JSON syntax error is reported at its line and column; the
// entries before it are still returned. An entry without an "id", or with
// one used before, is left out with an error.
//
// ParseCSLJSON is safe for concurrent use.
func ParseCSLJSON(file string, src []byte) ([]Entry, diag.List) {
	src = stripBOM(src)
	r := &cslReader{file: file, src: src, lines: newLineIndex(string(src)), keys: make(keySet)}
	r.read()
	r.diags.Sort()
	return r.entries, r.diags
}

// cslReader holds the state of one ParseCSLJSON call.
type cslReader struct {
	file    string
	src     []byte
	lines   *lineIndex
	diags   diag.List
	keys    keySet
	entries []Entry
}

func (r *cslReader) errorf(off int, format string, args ...any) {
	line, col := r.lines.pos(off)
	r.diags.Errorf(r.file, line, col, format, args...)
}

func (r *cslReader) warnf(off int, format string, args ...any) {
	line, col := r.lines.pos(off)
	r.diags.Warnf(r.file, line, col, format, args...)
}

func (r *cslReader) read() {
	start := r.skipSpace(0)
	if start >= len(r.src) {
		r.errorf(0, "the file is empty: a CSL-JSON file is a list of entries in [ ... ]")
		return
	}
	// json.Unmarshal checks the whole text first and gives the exact offset
	// of a syntax error; the Decoder below gives where each entry starts.
	var syntax *json.SyntaxError
	if err := json.Unmarshal(r.src, new(json.RawMessage)); errors.As(err, &syntax) {
		if int(syntax.Offset) >= len(bytes.TrimRight(r.src, " \t\r\n")) {
			r.errorf(int(syntax.Offset), "the file ends too early: a \"]\" or \"}\" is missing at the end, or the file was cut off; export it again")
		} else {
			r.errorf(int(syntax.Offset)-1, "this is not valid JSON (%s): check for a missing or extra \",\", quote or bracket just before this point", syntax)
		}
	}
	if r.src[start] != '[' {
		if syntax == nil {
			r.errorf(start, "a CSL-JSON file is a list of entries, starting with \"[\"; this one starts with %q. Export the library again as \"CSL JSON\"", string(r.src[start]))
		}
		return
	}
	dec := json.NewDecoder(bytes.NewReader(r.src))
	if _, err := dec.Token(); err != nil {
		return
	}
	for n := 1; dec.More(); n++ {
		start := r.skipSpace(int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return // reported above
		}
		r.item(n, start, raw)
	}
}

// skipSpace returns the offset of the first byte at or after i that is
// neither white space nor the comma between list items.
func (r *cslReader) skipSpace(i int) int {
	for i < len(r.src) && (isSpaceByte(r.src[i]) || r.src[i] == ',') {
		i++
	}
	return i
}

type cslName struct {
	Family              cslText `json:"family"`
	Given               cslText `json:"given"`
	Literal             cslText `json:"literal"`
	NonDroppingParticle cslText `json:"non-dropping-particle"`
	DroppingParticle    cslText `json:"dropping-particle"`
	Suffix              cslText `json:"suffix"`
}

// cslText is a text field that exporters write as a string or a number
// ("volume": 156 or "156"). null reads as empty.
type cslText string

// UnmarshalJSON implements json.Unmarshaler.
func (t *cslText) UnmarshalJSON(b []byte) error {
	switch {
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = cslText(strings.TrimSpace(s))
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*t = cslText(b)
	case string(b) == "null":
		*t = ""
	default:
		return errNotText
	}
	return nil
}

var errNotText = errors.New("a text or a number is expected")

// cslDate is a CSL-JSON date: {"date-parts": [[2020, 5, 4]]}, or its
// "raw" and "literal" forms. A plain string is read as "raw".
type cslDate struct {
	DateParts [][]cslText `json:"date-parts"`
	Raw       cslText     `json:"raw"`
	Literal   cslText     `json:"literal"`
}

// UnmarshalJSON implements json.Unmarshaler.
func (d *cslDate) UnmarshalJSON(b []byte) error {
	if b[0] == '"' {
		return json.Unmarshal(b, &d.Raw)
	}
	type plain cslDate // without this method
	return json.Unmarshal(b, (*plain)(d))
}

// date returns the date; ok is false when the date parts are not numbers
// or not a date. A range gives its start; a "raw" date that is not
// YYYY-MM-DD is kept as a literal.
func (d *cslDate) date() (_ Date, ok bool) {
	if len(d.DateParts) > 0 && len(d.DateParts[0]) > 0 {
		var n [3]int
		for i, p := range d.DateParts[0][:min(3, len(d.DateParts[0]))] {
			if p == "" {
				break // [["2020", ""]]: the month is not known
			}
			v, err := strconv.Atoi(string(p))
			if err != nil {
				return Date{}, false
			}
			n[i] = v
		}
		dt := Date{Year: n[0], Month: n[1], Day: n[2]}
		return dt, dt.Year != 0 && validDate(dt)
	}
	if d.Raw != "" {
		if dt, ok := parseISODate(string(d.Raw)); ok {
			return dt, true
		}
		return Date{Literal: string(d.Raw)}, true
	}
	return Date{Literal: string(d.Literal)}, true
}

// cslTypes are the item types of CSL 1.0.2.
var cslTypes = map[string]bool{
	"article": true, "article-journal": true, "article-magazine": true, "article-newspaper": true,
	"bill": true, "book": true, "broadcast": true, "chapter": true, "classic": true, "collection": true,
	"dataset": true, "document": true, "entry": true, "entry-dictionary": true, "entry-encyclopedia": true,
	"event": true, "figure": true, "graphic": true, "hearing": true, "interview": true, "legal_case": true,
	"legislation": true, "manuscript": true, "map": true, "motion_picture": true, "musical_score": true,
	"pamphlet": true, "paper-conference": true, "patent": true, "performance": true, "periodical": true,
	"personal_communication": true, "post": true, "post-weblog": true, "regulation": true, "report": true,
	"review": true, "review-book": true, "software": true, "song": true, "speech": true, "standard": true,
	"thesis": true, "treaty": true, "webpage": true,
}

// cslObject is one CSL-JSON object: its fields by lower-case name, so
// that "DOI" and "doi" both match, each converted on its own so that one
// value of the wrong kind costs only that value.
type cslObject struct {
	r      *cslReader
	raw    json.RawMessage
	start  int // offset of the object's "{"
	what   string
	fields map[string]cslField
}

type cslField struct {
	key string // as written
	val json.RawMessage
}

// decode unmarshals the named field into v and reports whether it was
// there and of the right kind; a wrong kind is reported as an error.
func (o *cslObject) decode(name string, v any) bool {
	f, ok := o.fields[name]
	if !ok {
		return false
	}
	if err := json.Unmarshal(f.val, v); err != nil {
		want := "a text or a number"
		switch name {
		case "author", "editor":
			want = `a list of names, e.g. [{"family": "Fonagy", "given": "P."}]`
		case "issued", "accessed":
			want = `a date, e.g. {"date-parts": [[2020, 5, 4]]}`
		}
		off := o.start
		if i := bytes.Index(o.raw, []byte(`"`+f.key+`"`)); i >= 0 {
			off += i
		}
		o.r.errorf(off, "in %s the %q value is %s, but %s is expected; the value is left out", o.what, f.key, jsonKind(f.val), want)
		return false
	}
	return true
}

// text returns the text of the first of the named fields that has one.
func (o *cslObject) text(names ...string) string {
	for _, n := range names {
		var t cslText
		if o.decode(n, &t) && t != "" {
			return string(t)
		}
	}
	return ""
}

// jsonKind names the kind of a JSON value for a message.
func jsonKind(v json.RawMessage) string {
	switch v[0] {
	case '"':
		return "a text"
	case '[':
		return "a list"
	case '{':
		return "an object"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

// item reads the n-th object of the list, which starts at offset start.
func (r *cslReader) item(n, start int, raw json.RawMessage) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		r.errorf(start, "entry %d of the list is not an object in { ... }, so it is skipped; each entry is written {\"id\": ..., \"type\": ..., ...}", n)
		return
	}
	o := &cslObject{r: r, raw: raw, start: start, what: fmt.Sprintf("entry %d of the list", n), fields: make(map[string]cslField, len(fields))}
	for k, v := range fields {
		o.fields[strings.ToLower(k)] = cslField{k, v}
	}
	id := o.text("id")
	if id == "" {
		r.errorf(start, "entry %d of the list has no \"id\", so pages cannot cite it: add one, e.g. \"id\": \"smith2020\" (the entry is skipped until then)", n)
		return
	}
	o.what = fmt.Sprintf("entry %q", id)
	line, col := r.lines.pos(start)
	e := Entry{
		ID:                  id,
		Type:                o.text("type"),
		Author:              o.names("author"),
		Editor:              o.names("editor"),
		Title:               o.text("title"),
		ContainerTitle:      o.text("container-title"),
		ContainerTitleShort: o.text("container-title-short", "journalabbreviation"), // older Zotero
		Collection:          o.text("collection-title"),
		Publisher:           o.text("publisher"),
		PublisherPlace:      o.text("publisher-place"),
		Volume:              o.text("volume"),
		Issue:               o.text("issue"),
		Page:                normalizePages(o.text("page")),
		Edition:             o.text("edition"),
		Genre:               o.text("genre"),
		Number:              o.text("number"),
		DOI:                 normalizeDOI(o.text("doi")),
		PMID:                o.text("pmid"),
		ISBN:                o.text("isbn"),
		ISSN:                o.text("issn"),
		URL:                 o.text("url"),
		Note:                o.text("note"),
		Issued:              o.date("issued"),
		Accessed:            o.date("accessed"),
		File:                r.file,
		Line:                line,
	}
	switch {
	case e.Type == "":
		e.Type = "document"
		r.warnf(start, "entry %q has no \"type\" and is shown as a generic document; add one, e.g. \"type\": \"article-journal\"", e.ID)
	case !cslTypes[e.Type]:
		r.warnf(start, "entry %q has the unknown type %q and is shown as a generic document; use a CSL type such as article-journal, book, chapter, report or webpage", e.ID, e.Type)
		e.Type = "document"
	}
	if !r.keys.add(&r.diags, r.file, "id", e.ID, line, col) {
		return
	}
	checkComplete(&r.diags, &e, col, `"title": "..."`, `"issued": {"date-parts": [[YYYY]]}`)
	r.entries = append(r.entries, e)
}

// names reads a list of CSL names, dropping empty ones with a warning.
func (o *cslObject) names(field string) []Name {
	var ns []cslName
	if !o.decode(field, &ns) {
		return nil
	}
	var out []Name
	for i, n := range ns {
		name := Name{
			Family:           string(n.Family),
			Given:            string(n.Given),
			Literal:          string(n.Literal),
			Particle:         string(n.NonDroppingParticle),
			DroppingParticle: string(n.DroppingParticle),
			Suffix:           string(n.Suffix),
		}
		if name == (Name{}) {
			o.r.warnf(o.start, "in %s name %d of the %s list is empty; remove it", o.what, i+1, field)
			continue
		}
		out = append(out, name)
	}
	return out
}

// date reads a CSL date, warning about one that cannot be read.
func (o *cslObject) date(field string) Date {
	var d cslDate
	if !o.decode(field, &d) {
		return Date{}
	}
	dt, ok := d.date()
	if !ok {
		o.r.warnf(o.start, "in %s the %q date is not a date; write it as {\"date-parts\": [[YYYY, M, D]]}", o.what, field)
		return Date{}
	}
	return dt
}
