package trust

import (
	"strings"

	"pamphlet/generator/diag"
)

// Helpline is one line of the crisis block in site.yaml, as the checks see
// it.
type Helpline struct {
	Name  string
	Phone string
	Text  string
}

// nationalNumbers are the national crisis services the bundled site lists
// (see content/get-help-now.md), by their digits. A crisis block made only
// of these gives a reader no local crisis team and no out-of-hours number.
var nationalNumbers = map[string]bool{
	"999":    true, // UK emergency services
	"111":    true, // NHS 111 (option 2: urgent mental health help)
	"116123": true, // Samaritans
	"85258":  true, // Shout, by text
	"911":    true, // US emergency services
	"988":    true, // 988 Suicide & Crisis Lifeline
}

// HasPlaceholder reports whether s holds a placeholder (see
// FindPlaceholders): a site statement that does, says nothing yet.
func HasPlaceholder(s string) bool {
	return len(FindPlaceholders(s, false)) > 0
}

// siteChecks returns the warnings about the site's settings: placeholders
// left in site.yaml, and a crisis block with no local service in it.
func siteChecks(site SiteFacts) diag.List {
	var l diag.List
	for _, ph := range site.ConfigPlaceholders {
		if ph.Address {
			l.Warnf(site.ConfigFile, ph.Line, ph.Col, "Placeholder: %q is at a domain kept for examples, where nobody reads mail and no site is published; put your clinic's own address in its place, or take the line out", shorten(ph.Text, 80))
		} else {
			l.Warnf(site.ConfigFile, ph.Line, ph.Col, "Placeholder: starter text that readers would see, %q; write what the note asks for in its place", shorten(ph.Text, 100))
		}
	}
	if len(site.Helplines) > 0 && !hasLocalLine(site.Helplines) {
		var names []string
		for _, h := range site.Helplines {
			names = append(names, h.Name)
		}
		l.Warnf(site.ConfigFile, site.CrisisAt, 0, "Placeholder: the crisis block lists only national services (%s); add your own crisis team and out-of-hours numbers beside them, and keep the national lines", strings.Join(names, ", "))
	}
	return l
}

// hasLocalLine reports whether any helpline has a number that is not one of
// the national services, or no number at all (a line such as "your care
// team: the number is on your crisis plan" is the clinic's own).
func hasLocalLine(lines []Helpline) bool {
	for _, h := range lines {
		national := false
		for _, n := range []string{h.Phone, h.Text} {
			d := digits(n)
			if d == "" {
				continue
			}
			if !nationalNumbers[d] {
				return true
			}
			national = true
		}
		if !national {
			return true
		}
	}
	return false
}

// digits returns the digits of a phone number: "116 123" -> "116123".
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
