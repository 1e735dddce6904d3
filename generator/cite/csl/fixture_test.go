package csl_test

import (
	"os"
	"testing"
)

// TestOneFixture runs the fixture named by $FIX (without .txt) and logs its
// expected and actual output, for working on a single test-suite case:
//
//	FIX=name_AsianGlyphs go test -run TestOneFixture -v
func TestOneFixture(t *testing.T) {
	name := os.Getenv("FIX")
	if name == "" {
		t.Skip()
	}
	f, err := parseFixture("testdata/test-suite/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	got, want, err := runFixture(f, embeddedLocales(t))
	t.Logf("err=%v\n--- want\n%s\n--- got\n%s", err, want, got)
}
