package csl

import (
	"sort"
	"strconv"
)

// disambiguate applies the style's disambiguation methods in the spec's
// order: add-names, add-givenname, the disambiguate condition, and
// year-suffix.
func (r *run) disambiguate() {
	cit := r.p.style.citation
	if cit == nil {
		return
	}
	addNames := cit.a("disambiguate-add-names") == "true"
	addGiven := cit.a("disambiguate-add-givenname") == "true"
	addYear := cit.a("disambiguate-add-year-suffix") == "true"
	rule := cit.a("givenname-disambiguation-rule")
	if rule == "" {
		rule = "by-cite"
	}
	condUsed := usesAttr(r.p.style.root, "disambiguate")
	if !addNames && !addGiven && !addYear && !condUsed {
		return
	}
	layout := cit.child("layout")
	cache := map[string]string{}
	renderAt := func(st *itemState, pos Position) string {
		key := stateKey(st)
		if pos != PositionFirst {
			key += "|s"
		}
		if s, ok := cache[key]; ok {
			return s
		}
		ci := &CitationItem{ID: st.item.ID}
		rc := r.renderCite(st, ci, citeInfo{pos: pos}, layout, false)
		s := finish(rc.n, r.p.lc).plain()
		cache[key] = s
		return s
	}
	render := func(st *itemState) string { return renderAt(st, PositionFirst) }
	// cites in subsequent position are compared too when the document has them
	useSub := r.hasSubsequent
	same := func(a, b *itemState) bool {
		if render(a) == render(b) {
			return true
		}
		return useSub && renderAt(a, PositionSubsequent) == renderAt(b, PositionSubsequent)
	}
	if addGiven && rule != "by-cite" {
		r.globalGivenNames(rule, render)
	}
	groups := func(sts []*itemState) [][]*itemState {
		parent := make([]int, len(sts))
		for i := range parent {
			parent[i] = i
		}
		var find func(int) int
		find = func(i int) int {
			for parent[i] != i {
				parent[i] = parent[parent[i]]
				i = parent[i]
			}
			return i
		}
		union := func(keyOf func(*itemState) string) {
			first := map[string]int{}
			for i, st := range sts {
				k := keyOf(st)
				if j, ok := first[k]; ok {
					parent[find(i)] = find(j)
				} else {
					first[k] = i
				}
			}
		}
		union(render)
		if useSub {
			union(func(st *itemState) string { return renderAt(st, PositionSubsequent) })
		}
		m := map[int][]*itemState{}
		var roots []int
		for i, st := range sts {
			r := find(i)
			if _, ok := m[r]; !ok {
				roots = append(roots, r)
			}
			m[r] = append(m[r], st)
		}
		var out [][]*itemState
		for _, r := range roots {
			if len(m[r]) > 1 {
				out = append(out, m[r])
			}
		}
		return out
	}
	amb := groups(r.order)
	if len(amb) == 0 {
		return
	}
	maxNames := func(st *itemState) int {
		m := 0
		for _, ns := range st.item.Names {
			if len(ns) > m {
				m = len(ns)
			}
		}
		return m
	}
	type params struct {
		n      int
		levels map[int]int
	}
	apply := func(st *itemState, p params) {
		st.addNames = p.n
		st.givenLevel = map[int]int{}
		for k, v := range p.levels {
			st.givenLevel[k] = v
		}
	}
	// clash counts the members of g that render like st when all use p.
	clash := func(st *itemState, g []*itemState, p params) int {
		saved := make([]params, len(g))
		for i, o := range g {
			saved[i] = params{o.addNames, o.givenLevel}
			apply(o, p)
		}
		n := 0
		for _, o := range g {
			if o != st && same(o, st) {
				n++
			}
		}
		for i, o := range g {
			o.addNames, o.givenLevel = saved[i].n, saved[i].levels
		}
		return n
	}
	base := etAlUseFirst(r, cit)
	for _, g := range amb {
		max := 0
		for _, st := range g {
			if m := maxNames(st); m > max {
				max = m
			}
		}
		results := make([]params, len(g))
		for gi, st := range g {
			bestP := params{0, nil}
			if st.givenLevel != nil {
				bestP.levels = st.givenLevel
			}
			best := clash(st, g, bestP)
			lo, hi := 0, 0
			if addNames && base > 0 {
				lo, hi = base, max
			}
			for n := lo; n <= hi && best > 0; n++ {
				p := params{n, map[int]int{}}
				for k, v := range bestP.levels {
					p.levels[k] = v
				}
				if n == base {
					p.n = 0
				}
				c := clash(st, g, p)
				if addGiven && rule == "by-cite" {
					shown := n
					if shown == 0 {
						shown = base
					}
					if shown == 0 {
						shown = maxNames(st)
					}
					for i := 0; i < shown && c > 0; i++ {
						old := p.levels[i]
						for lvl := old + 1; lvl <= 2; lvl++ {
							p.levels[i] = lvl
							if c2 := clash(st, g, p); c2 < c {
								c = c2
								old = lvl
								break
							}
						}
						p.levels[i] = old
					}
				}
				if c < best {
					best = c
					bestP = p
				}
			}
			results[gi] = bestP
		}
		for gi, st := range g {
			apply(st, results[gi])
		}
	}
	amb = groups(r.order)
	if condUsed {
		for _, g := range amb {
			for _, st := range g {
				st.disambCond = true
			}
		}
		amb = groups(r.order)
		// items that are unique now keep the flag; still-ambiguous ones too
	}
	if addYear {
		// year-suffix in bibliography order
		pos := map[*itemState]int{}
		for i, st := range r.bib {
			pos[st] = i
		}
		for _, g := range amb {
			sorted := append([]*itemState(nil), g...)
			for i := 1; i < len(sorted); i++ {
				for j := i; j > 0 && pos[sorted[j]] < pos[sorted[j-1]]; j-- {
					sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
				}
			}
			for i, st := range sorted {
				st.yearSuffix = i + 1
			}
		}
	}
}

// stateKey identifies an item with its disambiguation settings.
func stateKey(st *itemState) string {
	b := make([]byte, 0, 32)
	b = strconv.AppendInt(b, int64(st.index), 10)
	b = append(b, '|')
	b = strconv.AppendInt(b, int64(st.addNames), 10)
	if st.disambCond {
		b = append(b, '|', 'd')
	}
	if len(st.givenLevel) > 0 {
		keys := make([]int, 0, len(st.givenLevel))
		for k, v := range st.givenLevel {
			if v > 0 {
				keys = append(keys, k)
			}
		}
		sort.Ints(keys)
		for _, k := range keys {
			b = append(b, '|')
			b = strconv.AppendInt(b, int64(k), 10)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(st.givenLevel[k]), 10)
		}
	}
	return string(b)
}

func etAlUseFirst(r *run, cit *element) int {
	if v, ok := cit.attr["et-al-use-first"]; ok {
		return atoi(v)
	}
	if v, ok := r.p.style.attrs["et-al-use-first"]; ok {
		return atoi(v)
	}
	// look in the layout's names
	var find func(e *element) int
	find = func(e *element) int {
		if e.name == "name" {
			if v, ok := e.attr["et-al-use-first"]; ok {
				return atoi(v)
			}
		}
		if e.macro != nil {
			if n := find(e.macro); n > 0 {
				return n
			}
		}
		for _, k := range e.kids {
			if n := find(k); n > 0 {
				return n
			}
		}
		return 0
	}
	return find(cit)
}

func usesAttr(e *element, a string) bool {
	if _, ok := e.attr[a]; ok && (e.name == "if" || e.name == "else-if") {
		return true
	}
	for _, k := range e.kids {
		if usesAttr(k, a) {
			return true
		}
	}
	return false
}

// globalGivenNames expands given names of all cited names whose short form
// is shared by different people (givenname-disambiguation-rule all-names,
// all-names-with-initials, primary-name, primary-name-with-initials).
func (r *run) globalGivenNames(rule string, render func(*itemState) string) {
	primary := rule == "primary-name" || rule == "primary-name-with-initials"
	maxLevel := 2
	if rule == "all-names-with-initials" || rule == "primary-name-with-initials" {
		maxLevel = 1
	}
	type ref struct {
		st  *itemState
		idx int
		nm  Name
	}
	byFamily := map[string][]ref{}
	for _, st := range r.order {
		for _, v := range []string{"author", "editor", "translator"} {
			ns := st.item.Names[v]
			if len(ns) == 0 {
				continue
			}
			for i, nm := range ns {
				if primary && i > 0 {
					break
				}
				if nm.Literal != "" {
					continue
				}
				k := nm.NonDroppingParticle + " " + nm.Family
				byFamily[k] = append(byFamily[k], ref{st, i, nm})
			}
			break
		}
	}
	for _, refs := range byFamily {
		distinct := map[string]bool{}
		for _, rf := range refs {
			distinct[rf.nm.Given] = true
		}
		if len(distinct) < 2 {
			continue
		}
		// initials enough?
		inits := map[string]map[string]bool{}
		for _, rf := range refs {
			in := initializeGiven(rf.nm.Given, ".", true, true)
			if inits[in] == nil {
				inits[in] = map[string]bool{}
			}
			inits[in][rf.nm.Given] = true
		}
		for _, rf := range refs {
			in := initializeGiven(rf.nm.Given, ".", true, true)
			lvl := 1
			if len(inits[in]) > 1 {
				if maxLevel < 2 {
					continue
				}
				lvl = 2
			}
			if rf.st.givenLevel == nil {
				rf.st.givenLevel = map[int]int{}
			}
			if rf.st.givenLevel[rf.idx] < lvl {
				rf.st.givenLevel[rf.idx] = lvl
			}
		}
	}
}
