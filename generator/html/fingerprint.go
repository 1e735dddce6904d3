package html

import (
	"encoding/binary"
	"fmt"
	"hash"
	"hash/fnv"
	"reflect"
)

// The dev server renders a page again only when what it is rendered from
// changed. Rather than list the fields of the views by hand (a field added
// to a view and forgotten in the list would leave stale pages in the
// browser, and no test would fail), the fingerprints below hash every
// exported field of the view, whatever it holds. A field made from the
// page's own source alone is marked `fingerprint:"source"`: the page's
// parse generation covers it, and hashing its bytes (a whole rendered body)
// would cost more than rendering the page.

// HashSiteView hashes what every page shows of the site as a whole.
func HashSiteView(v *SiteView) uint64 {
	h := fnv.New64a()
	hashValue(h, reflect.ValueOf(v).Elem())
	return h.Sum64()
}

// HashPageSet hashes the output paths of the pages a site has.
func HashPageSet(plan []Output) uint64 {
	h := fnv.New64a()
	for _, o := range plan {
		if _, ok := o.(*pageOutput); ok {
			h.Write([]byte(o.Path()))
			h.Write([]byte{0})
		}
	}
	return h.Sum64()
}

// Fingerprint hashes everything a page output is rendered from: its view
// (titles, links, navigation, menu: what neighbours contribute), the parse
// it came from (gen: its body, references and front matter), and the
// generations of its layout (kindGen) and of the site settings (cfgGen).
func Fingerprint(v *PageView, gen, kindGen, cfgGen uint64) uint64 {
	h := fnv.New64a()
	var num [24]byte
	binary.LittleEndian.PutUint64(num[0:], gen)
	binary.LittleEndian.PutUint64(num[8:], kindGen)
	binary.LittleEndian.PutUint64(num[16:], cfgGen)
	h.Write(num[:])
	hashValue(h, reflect.ValueOf(v).Elem())
	return h.Sum64()
}

// hashValue writes v into h: its exported fields, with the length of each
// string and slice first, so that ("ab", "c") and ("a", "bc") differ.
// Views hold only strings, booleans, integers, pointers, slices and structs
// of them; anything else is a bug in the view, and panics in the tests.
func hashValue(h hash.Hash64, v reflect.Value) {
	var num [8]byte
	put := func(n uint64) {
		binary.LittleEndian.PutUint64(num[:], n)
		h.Write(num[:])
	}
	switch v.Kind() {
	case reflect.String:
		put(uint64(v.Len()))
		h.Write([]byte(v.String()))
	case reflect.Bool:
		if v.Bool() {
			put(1)
		} else {
			put(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		put(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		put(v.Uint())
	case reflect.Pointer:
		if v.IsNil() {
			put(0)
			return
		}
		put(1)
		hashValue(h, v.Elem())
	case reflect.Slice:
		put(uint64(v.Len()))
		for i := range v.Len() {
			hashValue(h, v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("fingerprint") == "source" {
				continue
			}
			hashValue(h, v.Field(i))
		}
	default:
		panic(fmt.Sprintf("html: a view holds a %s, which its fingerprint cannot hash", v.Type()))
	}
}
