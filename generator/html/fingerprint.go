package html

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
)

// The dev server renders a page again only when what it is rendered from
// changed. Rather than list the fields of the views by hand (a field added
// to a view and forgotten in the list would leave stale pages in the
// browser, and no test would fail), the fingerprints below hash every
// exported field of the view, whatever it holds. A field made from the
// page's own source alone is marked `fingerprint:"source"`: the page's
// parse generation covers it, and hashing its bytes (a whole rendered body)
// would cost more than rendering the page.

// HashSiteViews hashes what every page shows of the site as a whole, in
// each of its languages.
func HashSiteViews(v *SiteViews) uint64 {
	h := newHasher()
	for _, tag := range slices.Sorted(maps.Keys(v.langs)) {
		h.str(tag)
		h.value(reflect.ValueOf(v.langs[tag]).Elem())
	}
	return uint64(h)
}

// HashPageSet hashes the output paths of the pages a site has.
func HashPageSet(plan []Output) uint64 {
	h := newHasher()
	for _, o := range plan {
		if _, ok := o.(*pageOutput); ok {
			h.str(o.Path())
		}
	}
	return uint64(h)
}

// Fingerprint hashes everything a page output is rendered from: its view
// (titles, links, navigation, menu: what neighbours contribute), the parse
// it came from (gen: its body, references and front matter), and the
// generations of its layout (kindGen) and of the site settings (cfgGen).
func Fingerprint(v *PageView, gen, kindGen, cfgGen uint64) uint64 {
	h := newHasher()
	h.num(gen)
	h.num(kindGen)
	h.num(cfgGen)
	h.value(reflect.ValueOf(v).Elem())
	return uint64(h)
}

// hasher is 64-bit FNV-1a, fed strings and numbers without copying them
// into byte slices (hash.Hash64 takes only []byte: a copy of every string
// of 10,000 views when a title changes).
type hasher uint64

func newHasher() hasher { return 14695981039346656037 }

func (h *hasher) byte(b byte) { *h = (*h ^ hasher(b)) * 1099511628211 }

func (h *hasher) num(n uint64) {
	for range 8 {
		h.byte(byte(n))
		n >>= 8
	}
}

// str hashes s with its length first, so that ("ab", "c") and ("a", "bc")
// differ.
func (h *hasher) str(s string) {
	h.num(uint64(len(s)))
	for i := range len(s) {
		h.byte(s[i])
	}
}

// value hashes v: its exported fields, less those marked
// `fingerprint:"source"`, and those marked `fingerprint:"settings"`,
// which the settings' generation covers. Views hold only strings, booleans, integers,
// pointers, slices and structs of them; anything else is a bug in the
// view, and panics in the tests.
func (h *hasher) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.byte(1)
		} else {
			h.byte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		h.num(v.Uint())
	case reflect.Pointer:
		if v.IsNil() {
			h.byte(0)
			return
		}
		h.byte(1)
		h.value(v.Elem())
	case reflect.Slice:
		h.num(uint64(v.Len()))
		for i := range v.Len() {
			h.value(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if tag := f.Tag.Get("fingerprint"); !f.IsExported() || tag == "source" || tag == "settings" {
				continue
			}
			h.value(v.Field(i))
		}
	default:
		panic(fmt.Sprintf("html: a view holds a %s, which its fingerprint cannot hash", v.Type()))
	}
}
