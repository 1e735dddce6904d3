package trust

import (
	"testing"
	"time"
)

func TestInterval(t *testing.T) {
	for _, tt := range []struct {
		in     string
		months int
		str    string
	}{
		{"3 years", 36, "3 years"}, {"3y", 36, "3 years"}, {"1 year", 12, "1 year"},
		{"18 months", 18, "18 months"}, {"18m", 18, "18 months"}, {" 2 Years ", 24, "2 years"},
	} {
		iv, err := ParseInterval(tt.in)
		if err != nil || iv.Months != tt.months || iv.String() != tt.str {
			t.Errorf("ParseInterval(%q) = %v %q, %v", tt.in, iv.Months, iv.String(), err)
		}
	}
	for _, bad := range []string{"", "three years", "3 weeks", "0 years", "-1y"} {
		if _, err := ParseInterval(bad); err == nil {
			t.Errorf("ParseInterval(%q) succeeded", bad)
		}
	}
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	for _, tt := range []struct{ from, add, want string }{
		{"2025-09-14", "3 years", "2028-09-14"},
		{"2024-01-31", "1m", "2024-02-29"}, // clamped to the end of February
		{"2023-02-28", "12m", "2024-02-28"},
		{"2024-02-29", "1 year", "2025-02-28"},
	} {
		iv, _ := ParseInterval(tt.add)
		if got := iv.AddTo(d(tt.from)).Format(time.DateOnly); got != tt.want {
			t.Errorf("%s + %s = %s, want %s", tt.from, tt.add, got, tt.want)
		}
	}
}
