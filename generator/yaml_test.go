package generator

import "testing"

func TestIsKey(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"title: MBT", true},
		{"title:", true},
		{`"title": MBT`, true},
		{`'title': MBT`, true},
		{"titles: MBT", false},
		{"title MBT", false},
		{`"title: MBT`, false},
		{`"title': MBT`, false},
		{"subtitle: MBT", false},
		{"", false},
	} {
		if got := isKey(c.line, "title"); got != c.want {
			t.Errorf("isKey(%q, title) = %v, want %v", c.line, got, c.want)
		}
	}
}
