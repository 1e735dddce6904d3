package diag

import (
	"encoding/json"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Errorf("content/a.md", 12, 5, "unknown key %q", "x"), `content/a.md:12:5: error: unknown key "x"`},
		{Warnf("content/a.md", 3, 0, "no alt text"), `content/a.md:3: warning: no alt text`},
		{Errorf("site.yaml", 0, 0, "no title"), `site.yaml: error: no title`},
		{Errorf("", 0, 0, "no content folder"), `error: no content folder`},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSortAndCount(t *testing.T) {
	var l List
	l.Warnf("b.md", 1, 1, "w")
	l.Errorf("a.md", 9, 1, "e2")
	l.Errorf("a.md", 2, 1, "e1")
	l.Sort()
	if l[0].Message != "e1" || l[1].Message != "e2" || l[2].Message != "w" {
		t.Fatalf("sorted wrongly:\n%s", l)
	}
	if e, w := l.Count(); e != 2 || w != 1 {
		t.Errorf("Count = %d, %d; want 2, 1", e, w)
	}
	if !l.HasErrors() {
		t.Error("HasErrors = false")
	}
	err := &Failed{Diagnostics: l}
	if got, want := err.Error(), "a.md:2:1: error: e1 (and 1 more errors)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestJSON(t *testing.T) {
	b, err := json.Marshal(Errorf("a.md", 1, 2, "m"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"file":"a.md","line":1,"col":2,"severity":"error","message":"m"}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	var d Diagnostic
	if err := json.Unmarshal(b, &d); err != nil || d.Severity != Error {
		t.Errorf("round trip: %v %+v", err, d)
	}
}
