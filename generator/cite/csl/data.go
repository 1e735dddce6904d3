package csl

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Name is one personal or institutional name of a CSL-JSON name variable.
type Name struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	DroppingParticle    string `json:"dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
	CommaSuffix         bool   `json:"comma-suffix,omitempty"`
	StaticOrdering      bool   `json:"static-ordering,omitempty"`
	ParseNames          *bool  `json:"parse-names,omitempty"`
}

// Date is a CSL-JSON date: date-parts (one array, or two for a range),
// or a literal, or a raw string to parse, with an optional season and circa flag.
type Date struct {
	Parts   [][]int // each [year, month, day] with 1 to 3 elements
	Season  string
	Circa   bool
	Literal string
	Raw     string
}

// Item is one reference in CSL-JSON form.
type Item struct {
	ID    string
	Type  string
	Vars  map[string]string // text and number variables
	Names map[string][]Name // name variables
	Dates map[string]*Date  // date variables
}

var dateVars = map[string]bool{
	"accessed": true, "available-date": true, "event-date": true, "issued": true,
	"original-date": true, "submitted": true, "container": true,
}

var nameVars = map[string]bool{
	"author": true, "chair": true, "collection-editor": true, "compiler": true, "composer": true,
	"container-author": true, "contributor": true, "curator": true, "director": true, "editor": true,
	"editorial-director": true, "editor-translator": true, "executive-producer": true, "guest": true,
	"host": true, "illustrator": true, "interviewer": true, "narrator": true, "organizer": true,
	"original-author": true, "performer": true, "producer": true, "recipient": true,
	"reviewed-author": true, "script-writer": true, "series-creator": true, "translator": true,
}

// ParseItems decodes a CSL-JSON array of items.
func ParseItems(src []byte) ([]Item, error) {
	var raw []map[string]any
	if err := json.Unmarshal(src, &raw); err != nil {
		return nil, fmt.Errorf("csl: items: %w", err)
	}
	items := make([]Item, 0, len(raw))
	for i, m := range raw {
		it, err := ItemFromMap(m)
		if err != nil {
			return nil, fmt.Errorf("csl: item %d: %w", i, err)
		}
		items = append(items, it)
	}
	return items, nil
}

// UnmarshalJSON decodes one CSL-JSON item.
func (it *Item) UnmarshalJSON(b []byte) error {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	v, err := ItemFromMap(m)
	if err != nil {
		return err
	}
	*it = v
	return nil
}

// ItemFromMap converts a decoded CSL-JSON object into an Item.
func ItemFromMap(m map[string]any) (Item, error) {
	it := Item{Vars: map[string]string{}, Names: map[string][]Name{}, Dates: map[string]*Date{}}
	for k, v := range m {
		switch {
		case k == "id":
			it.ID = scalar(v)
		case k == "type":
			it.Type = scalar(v)
		case dateVars[k]:
			d, err := parseDate(v)
			if err != nil {
				return it, fmt.Errorf("%s: %w", k, err)
			}
			if d != nil {
				it.Dates[k] = d
			}
		case nameVars[k]:
			arr, ok := v.([]any)
			if !ok {
				if s, ok := v.(string); ok {
					it.Names[k] = []Name{{Literal: s}}
				}
				continue
			}
			var names []Name
			for _, x := range arr {
				nm, ok := x.(map[string]any)
				if !ok {
					continue
				}
				names = append(names, nameFromMap(nm))
			}
			if len(names) > 0 {
				it.Names[k] = names
			}
		default:
			s := scalar(v)
			if s != "" {
				it.Vars[k] = s
			}
		}
	}
	if it.Type == "" {
		it.Type = "article"
	}
	if note := it.Vars["note"]; note != "" {
		noteVariables(&it, note)
	}
	return it, nil
}

// noteVariables reads "variable: value" lines of the note field (the
// convention Zotero and citeproc-js use for variables Zotero lacks), for
// variables the item does not already have.
func noteVariables(it *Item, note string) {
	for _, line := range strings.Split(note, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimSuffix(strings.TrimPrefix(line, "{:"), "}")
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if k == "" || v == "" || strings.ContainsAny(k, " \t") {
			continue
		}
		switch {
		case dateVars[k]:
			if it.Dates[k] == nil {
				it.Dates[k] = parseRawDate(v)
			}
		case nameVars[k]:
			fam, giv, _ := strings.Cut(v, "||")
			n := Name{Family: strings.TrimSpace(fam), Given: strings.TrimSpace(giv)}
			if n.Given == "" {
				n = Name{Literal: n.Family}
			}
			it.Names[k] = append(it.Names[k], n)
		case k == "type":
			it.Type = v
		case strings.ToLower(k) == k && it.Vars[k] == "" && k != "note":
			it.Vars[k] = v
		}
	}
}

func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "true"
		}
		return ""
	case json.Number:
		return x.String()
	}
	return ""
}

func nameFromMap(m map[string]any) Name {
	var n Name
	n.Family = scalar(m["family"])
	n.Given = scalar(m["given"])
	n.NonDroppingParticle = scalar(m["non-dropping-particle"])
	n.DroppingParticle = scalar(m["dropping-particle"])
	n.Suffix = scalar(m["suffix"])
	n.Literal = scalar(m["literal"])
	if n.Literal == "" && n.Family == "" && n.Given == "" {
		n.Literal = scalar(m["name"])
	}
	n.CommaSuffix = truthy(m["comma-suffix"])
	n.StaticOrdering = truthy(m["static-ordering"])
	if pn, ok := m["parse-names"]; ok {
		b := truthy(pn)
		n.ParseNames = &b
	}
	if n.Literal == "" && (n.ParseNames == nil || *n.ParseNames) {
		n = parseParticles(n)
	}
	return n
}

func truthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return x == "true" || x == "1"
	case float64:
		return x != 0
	}
	return false
}

// parseParticles moves lowercase particles out of family and given names,
// and a comma suffix out of the given name, as citeproc-js does.
func parseParticles(n Name) Name {
	if n.NonDroppingParticle == "" && n.Family != "" {
		if strings.HasPrefix(n.Family, "\"") && strings.HasSuffix(n.Family, "\"") && len(n.Family) > 1 {
			n.Family = n.Family[1 : len(n.Family)-1]
		} else {
			words := strings.Split(n.Family, " ")
			i := 0
			for i < len(words)-1 && isParticle(words[i]) {
				i++
			}
			if i > 0 {
				n.NonDroppingParticle = strings.Join(words[:i], " ")
				if strings.HasSuffix(n.NonDroppingParticle, "’") || strings.HasSuffix(n.NonDroppingParticle, "'") {
					// keep the space the data has after an apostrophe
					n.NonDroppingParticle += " "
				}
				n.Family = strings.Join(words[i:], " ")
			} else if p, rest, ok := apostropheParticle(n.Family); ok {
				n.NonDroppingParticle = p
				n.Family = rest
			} else if i := strings.Index(n.Family, "-"); i > 0 && i <= 3 && isParticle(n.Family[:i]) &&
				i+1 < len(n.Family) && n.Family[i+1] >= 'A' && n.Family[i+1] <= 'Z' {
				// "al-One": a lowercase particle joined by a hyphen
				n.NonDroppingParticle = n.Family[:i+1]
				n.Family = n.Family[i+1:]
			}
		}
	}
	if n.Given != "" {
		if n.Suffix == "" {
			if i := strings.Index(n.Given, ","); i >= 0 {
				suf := strings.TrimSpace(n.Given[i+1:])
				if strings.HasPrefix(suf, "!") {
					suf = strings.TrimSpace(suf[1:])
					n.CommaSuffix = true
				}
				n.Suffix = suf
				n.Given = strings.TrimSpace(n.Given[:i])
			}
		}
		if n.DroppingParticle == "" {
			words := strings.Split(n.Given, " ")
			j := len(words)
			for j > 1 && isParticle(words[j-1]) {
				j--
			}
			if j < len(words) {
				n.DroppingParticle = strings.Join(words[j:], " ")
				n.Given = strings.Join(words[:j], " ")
			}
		}
	}
	return n
}

func isParticle(w string) bool {
	if w == "" {
		return false
	}
	r := []rune(w)
	if r[0] >= 'a' && r[0] <= 'z' || r[0] == '\'' || r[0] == '’' {
		return true
	}
	return false
}

func apostropheParticle(s string) (string, string, bool) {
	for _, q := range []string{"'", "’"} {
		if i := strings.Index(s, q); i > 0 && i <= 3 {
			p := s[:i]
			if isParticle(p) && !strings.Contains(p, " ") {
				return s[:i+len(q)], s[i+len(q):], true
			}
		}
	}
	return "", "", false
}

func parseDate(v any) (*Date, error) {
	switch x := v.(type) {
	case string:
		return parseRawDate(x), nil
	case map[string]any:
		d := &Date{}
		if dp, ok := x["date-parts"].([]any); ok {
			for _, p := range dp {
				arr, ok := p.([]any)
				if !ok {
					continue
				}
				var parts []int
				for _, e := range arr {
					s := strings.TrimSpace(scalar(e))
					if s == "" {
						break
					}
					n, err := strconv.Atoi(s)
					if err != nil {
						break
					}
					parts = append(parts, n)
				}
				if len(parts) > 0 {
					d.Parts = append(d.Parts, parts)
				}
			}
		}
		d.Season = scalar(x["season"])
		d.Circa = truthy(x["circa"])
		d.Literal = scalar(x["literal"])
		d.Raw = scalar(x["raw"])
		if len(d.Parts) == 0 && d.Literal == "" && d.Raw != "" {
			r := parseRawDate(d.Raw)
			d.Parts, d.Literal = r.Parts, r.Literal
			if r.Season != "" && d.Season == "" {
				d.Season = r.Season
			}
		}
		if len(d.Parts) == 0 && d.Literal == "" && d.Season == "" {
			return nil, nil
		}
		return d, nil
	}
	return nil, nil
}

var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
var seasonNames = []string{"spr", "sum", "aut", "win"}

// parseRawDate understands ISO-like dates (2001-03-04, 2001/2002), and
// "Month Year" or "Day Month Year" forms in English; otherwise a literal.
func parseRawDate(s string) *Date {
	d := &Date{Raw: s}
	halves := []string{s}
	if strings.Count(s, "/") == 1 {
		halves = strings.Split(s, "/")
	} else if i := strings.Index(s, " - "); i > 0 {
		halves = []string{s[:i], s[i+3:]}
	}
	for _, h := range halves {
		p, season, ok := parseOneRaw(strings.TrimSpace(h))
		if !ok {
			return &Date{Literal: s, Raw: s}
		}
		if season != "" {
			d.Season = season
		}
		d.Parts = append(d.Parts, p)
	}
	return d
}

func parseOneRaw(s string) ([]int, string, bool) {
	if s == "" {
		return nil, "", false
	}
	if f := strings.Split(s, "-"); len(f) <= 3 && allDigits(f) {
		var p []int
		for _, x := range f {
			n, _ := strconv.Atoi(x)
			p = append(p, n)
		}
		return p, "", true
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
	var year, month, day int
	season := ""
	for _, f := range fields {
		lf := strings.ToLower(f)
		if n, err := strconv.Atoi(f); err == nil {
			if len(f) >= 3 || year == 0 && day != 0 {
				year = n
			} else if day == 0 {
				day = n
			} else {
				year = n
			}
			continue
		}
		found := false
		for i, m := range monthNames {
			if len(lf) >= 3 && strings.HasPrefix(lf, m) {
				month = i + 1
				found = true
			}
		}
		for i, m := range seasonNames {
			if len(lf) >= 3 && strings.HasPrefix(lf, m) {
				season = strconv.Itoa(i + 1)
				found = true
			}
		}
		if !found {
			return nil, "", false
		}
	}
	if year == 0 {
		return nil, "", false
	}
	p := []int{year}
	if month > 0 {
		p = append(p, month)
		if day > 0 {
			p = append(p, day)
		}
	}
	return p, season, true
}

func allDigits(f []string) bool {
	for _, x := range f {
		if x == "" {
			return false
		}
		for _, r := range x {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}
