package csl_test

import (
	"os"
	"testing"
)

func TestDebugOne(t *testing.T) {
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
