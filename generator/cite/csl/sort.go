package csl

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type sortVal struct {
	s     string
	empty bool
}

var numericVars = map[string]bool{
	"citation-number": true, "chapter-number": true, "collection-number": true, "edition": true,
	"issue": true, "number": true, "number-of-pages": true, "number-of-volumes": true, "volume": true,
	"first-reference-note-number": true, "page": true, "locator": true, "part-number": true,
	"supplement-number": true, "printing-number": true, "citation-label": false,
}

func (r *run) sortKeys(st *itemState, s *element, section *element) []sortVal {
	var out []sortVal
	for _, k := range s.kids {
		if k.name != "key" {
			continue
		}
		c := r.newCtx(st, "sort")
		c.section = section
		c.suppressed = map[string]bool{}
		c.sortKeyMode = true
		if k.attr["names-min"] != "" || k.attr["names-use-first"] != "" || k.attr["names-use-last"] != "" {
			c.sortNames = &sortNameOpts{k.attr["names-min"], k.attr["names-use-first"], k.attr["names-use-last"]}
		}
		var v string
		if k.macro != nil {
			n := c.renderKids(k.macro, "")
			v = n.plain()
		} else {
			name := k.a("variable")
			switch {
			case nameVars[name]:
				if c.sortNames == nil {
					c.sortNames = &sortNameOpts{min: "0"}
				}
				names := st.item.Names[name]
				if len(names) > 0 {
					o := c.nameOptions(nil)
					o.asSortOrder = "all"
					o.sortSeparator = " "
					o.form = "long"
					o.hasInitializeWith = false
					n, _, _ := c.formatNameList(names, o, nil, name, 0)
					v = n.plain()
				}
			case dateVars[name]:
				if d := st.item.Dates[name]; d != nil {
					v = dateSortKey(d)
				}
			case numericVars[name]:
				v = c.variableForTest(name)
				if name == "citation-number" {
					v = strconv.Itoa(st.citationNumber)
				}
				if n, ok := leadingInt(v); ok {
					v = strconv.Itoa(n)
				}
			default:
				v = parseRich(c.variable(name)).plain()
			}
		}
		v = sortNormalize(v)
		sv := sortVal{s: v, empty: v == ""}
		if k.a("sort") == "descending" {
			sv.s = "\x00desc" + sv.s
		}
		out = append(out, sv)
	}
	return out
}

func leadingInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:i])
	return n, err == nil
}

func sortNormalize(s string) string {
	var b strings.Builder
	s = strings.TrimLeft(s, "'’‘")
	for _, r := range s {
		switch r {
		case '[', ']', '“', '”', '"', '‘', '(', ')', '¿', '¡', '«', '»':
			continue
		case '’', '\'':
			b.WriteByte(' ')
			continue
		case ',', '.', ';', ':', '!', '?':
			// punctuation does not count in sorting
			continue
		}
		b.WriteRune(unicode.ToLower(foldAccent(r)))
	}
	return strings.TrimSpace(b.String())
}

func foldAccent(r rune) rune {
	switch {
	case strings.ContainsRune("àáâãäåā", r):
		return 'a'
	case strings.ContainsRune("ÀÁÂÃÄÅĀ", r):
		return 'A'
	case strings.ContainsRune("èéêëē", r):
		return 'e'
	case strings.ContainsRune("ÈÉÊËĒ", r):
		return 'E'
	case strings.ContainsRune("ìíîïī", r):
		return 'i'
	case strings.ContainsRune("òóôõöøō", r):
		return 'o'
	case strings.ContainsRune("ÒÓÔÕÖØŌ", r):
		return 'O'
	case strings.ContainsRune("ùúûüū", r):
		return 'u'
	case strings.ContainsRune("ÙÚÛÜŪ", r):
		return 'U'
	case r == 'ç':
		return 'c'
	case r == 'ñ':
		return 'n'
	}
	return r
}

// naturalLess compares strings with digit runs compared as numbers.
func naturalCmp(a, b string) int {
	for a != "" && b != "" {
		ad := a[0] >= '0' && a[0] <= '9'
		bd := b[0] >= '0' && b[0] <= '9'
		if ad && bd {
			i := 0
			for i < len(a) && a[i] >= '0' && a[i] <= '9' {
				i++
			}
			j := 0
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			na := strings.TrimLeft(a[:i], "0")
			nb := strings.TrimLeft(b[:j], "0")
			if len(na) != len(nb) {
				if len(na) < len(nb) {
					return -1
				}
				return 1
			}
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			a, b = a[i:], b[j:]
			continue
		}
		if a[0] != b[0] {
			ra := []rune(a)[0]
			rb := []rune(b)[0]
			if ra == ' ' {
				return -1
			}
			if rb == ' ' {
				return 1
			}
			if ra < rb {
				return -1
			}
			if ra > rb {
				return 1
			}
		}
		a, b = a[1:], b[1:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

func compareKeys(a, b []sortVal) int {
	for i := range a {
		x, y := a[i], b[i]
		if x.empty || y.empty {
			if x.empty && y.empty {
				continue
			}
			if x.empty {
				return 1
			}
			return -1
		}
		desc := strings.HasPrefix(x.s, "\x00desc")
		xs := strings.TrimPrefix(x.s, "\x00desc")
		ys := strings.TrimPrefix(y.s, "\x00desc")
		c := naturalCmp(xs, ys)
		if desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

func (r *run) sortPerm(sts []*itemState, s *element, section *element) []int {
	keys := make([][]sortVal, len(sts))
	for i, st := range sts {
		keys[i] = r.sortKeys(st, s, section)
	}
	perm := make([]int, len(sts))
	for i := range perm {
		perm[i] = i
	}
	sort.SliceStable(perm, func(i, j int) bool {
		return compareKeys(keys[perm[i]], keys[perm[j]]) < 0
	})
	return perm
}

// sortCites orders the cites of a citation: by the citation's sort keys,
// then by their order in the bibliography (as citeproc-js does).
func (r *run) sortCites(sts []*itemState, s *element, section *element) []int {
	keys := make([][]sortVal, len(sts))
	for i, st := range sts {
		keys[i] = r.sortKeys(st, s, section)
	}
	bibPos := map[*itemState]int{}
	for i, st := range r.bib {
		bibPos[st] = i
	}
	perm := make([]int, len(sts))
	for i := range perm {
		perm[i] = i
	}
	sort.SliceStable(perm, func(i, j int) bool {
		if c := compareKeys(keys[perm[i]], keys[perm[j]]); c != 0 {
			return c < 0
		}
		return bibPos[sts[perm[i]]] < bibPos[sts[perm[j]]]
	})
	return perm
}

func (r *run) sortStates(sts []*itemState, s *element, section *element) {
	perm := r.sortPerm(sts, s, section)
	cp := append([]*itemState(nil), sts...)
	for i, j := range perm {
		sts[i] = cp[j]
	}
}
