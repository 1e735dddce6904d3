package i18n

import (
	"strconv"
	"time"
)

// Date writes a date in the language's words, by its date_format and
// month names, with day.N in place of the day's number where the
// language gives one: "14 September 2025", "14 de septiembre de 2025",
// "14. September 2025", "1er septembre 2025". It uses t's own year, month
// and day, in t's location.
func (s Strings) Date(t time.Time) string {
	y, m, d := t.Date()
	day, ok := s["day."+strconv.Itoa(d)]
	if !ok {
		day = strconv.Itoa(d)
	}
	month, ok := s["month."+strconv.Itoa(int(m))]
	if !ok {
		month = m.String()
	}
	format, ok := s["date_format"]
	if !ok {
		format = "{day} {month} {year}"
	}
	return fill(format, []string{"day", day, "month", month, "year", strconv.Itoa(y)})
}
