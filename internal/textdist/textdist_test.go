package textdist

import "testing"

func TestClosest(t *testing.T) {
	if d := Distance("kitten", "sitting"); d != 3 {
		t.Errorf("Distance = %d, want 3", d)
	}
	if d := Distance("Bateman", "bateman"); d != 0 {
		t.Errorf("case counted: %d", d)
	}
	for _, tt := range []struct {
		s    string
		want string
	}{
		{"reviwed_by", "reviewed_by"},
		{"tile", "title"},
		{"x", ""},
		{"bateman1998", "bateman1999"},
	} {
		if got := Closest(tt.s, []string{"title", "reviewed_by", "bateman1999", "storebo2020"}, 3); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		a, b      string
		max, want int
	}{
		{"mentalizng", "mentalizing", 2, 1}, {"sucide", "suicide", 1, 1}, {"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 1, 2}, {"abc", "abcdef", 2, 3}, {"café", "cafe", 1, 1}, {"", "", 1, 0},
		{"Cafe", "cafe", 1, 1},
	} {
		if got := Within(c.a, c.b, c.max); got != c.want {
			t.Errorf("Within(%q, %q, %d) = %d, want %d", c.a, c.b, c.max, got, c.want)
		}
	}
}
