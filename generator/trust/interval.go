package trust

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Interval is a review interval in whole months ("3 years", "18 months").
type Interval struct{ Months int }

// DefaultInterval is three years, as NHS.UK and Ireland's HSE use.
var DefaultInterval = Interval{Months: 36}

// ParseInterval reads "3 years", "3y", "18 months", "18m" or "1 year".
func ParseInterval(s string) (Interval, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	if i <= 0 {
		return Interval{}, fmt.Errorf("%q is not an interval: write it as a number of years or months, e.g. \"3 years\" or \"18 months\"", s)
	}
	n, _ := strconv.Atoi(t[:i])
	switch strings.TrimSpace(t[i:]) {
	case "y", "year", "years":
		n *= 12
	case "m", "month", "months":
	default:
		return Interval{}, fmt.Errorf("%q is not an interval: write it as a number of years or months, e.g. \"3 years\" or \"18 months\"", s)
	}
	if n <= 0 {
		return Interval{}, fmt.Errorf("%q is not an interval: it must be at least one month", s)
	}
	return Interval{Months: n}, nil
}

// AddTo returns t plus the interval, clamped to the end of the month
// (31 January + 1 month = 28 or 29 February).
func (iv Interval) AddTo(t time.Time) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(iv.Months), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, t.Location())
}

// String returns "3 years" or "18 months".
func (iv Interval) String() string {
	if iv.Months%12 == 0 {
		if iv.Months == 12 {
			return "1 year"
		}
		return fmt.Sprintf("%d years", iv.Months/12)
	}
	if iv.Months == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", iv.Months)
}
