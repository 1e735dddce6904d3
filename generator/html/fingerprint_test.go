package html

import (
	"reflect"
	"testing"
)

// TestFingerprintCoversTheView: the dev server re-renders a page only when
// its Fingerprint changes. Every field of PageView must change it, except
// those marked as made from the page's own source, which its parse
// generation covers; and every field of SiteView must change HashSiteView.
func TestFingerprintCoversTheView(t *testing.T) {
	base := Fingerprint(&PageView{}, 1, 1, 1)
	typ := reflect.TypeFor[PageView]()
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		v := &PageView{}
		fill(reflect.ValueOf(v).Elem().Field(i))
		changed := Fingerprint(v, 1, 1, 1) != base
		if own := f.Tag.Get("fingerprint") == "source"; changed == own {
			t.Errorf("PageView.%s: changes the fingerprint: %v, want %v", f.Name, changed, !own)
		}
	}
	for _, gens := range [][3]uint64{{2, 1, 1}, {1, 2, 1}, {1, 1, 2}} {
		if Fingerprint(&PageView{}, gens[0], gens[1], gens[2]) == base {
			t.Errorf("generations %v do not change the fingerprint", gens)
		}
	}
	one := func(v *SiteView) *SiteViews { return &SiteViews{def: v, langs: map[string]*SiteView{"en": v}} }
	siteBase := HashSiteViews(one(&SiteView{}))
	styp := reflect.TypeFor[SiteView]()
	for i := 0; i < styp.NumField(); i++ {
		f := styp.Field(i)
		if !f.IsExported() || f.Tag.Get("fingerprint") == "settings" {
			continue
		}
		v := &SiteView{}
		fill(reflect.ValueOf(v).Elem().Field(i))
		if HashSiteViews(one(v)) == siteBase {
			t.Errorf("SiteView.%s does not change HashSiteViews", f.Name)
		}
	}
	two := &SiteViews{langs: map[string]*SiteView{"en": {}, "es": {Title: "x"}}}
	if HashSiteViews(two) == HashSiteViews(&SiteViews{langs: map[string]*SiteView{"en": {}, "es": {}}}) {
		t.Error("a language's SiteView does not change HashSiteViews")
	}
}

// TestFingerprintTellsSplitStrings: two views whose strings differ only
// in where one ends and the next begins have different fingerprints.
func TestFingerprintTellsSplitStrings(t *testing.T) {
	a := &PageView{Title: "ab", Description: "c"}
	b := &PageView{Title: "a", Description: "bc"}
	if Fingerprint(a, 1, 1, 1) == Fingerprint(b, 1, 1, 1) {
		t.Error("(ab, c) and (a, bc) have the same fingerprint")
	}
}

// fill sets v to a value that is not its zero value: a string "x", true,
// or a slice or pointer to such a value.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(1)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0))
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}
