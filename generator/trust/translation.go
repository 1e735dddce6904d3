package trust

import (
	"fmt"
	"strings"
	"time"

	"pamphlet/generator/diag"
)

// Translation is what the checks need to know of a page that translates
// another: a translation keeps the advice of the day it was made, and
// must say when that was, so that a change to its source shows.
type Translation struct {
	Source string // the source page, site-relative: "content/mbt.md"
	// TranslatedFrom is the page's translated_from: the date of the
	// source's text it was made from (nil when it does not say).
	TranslatedFrom *time.Time
	// SourceChanged is the source's latest own date (last review, update
	// or publication), and SourceKey the front-matter key that gives it;
	// nil when the source has no date.
	SourceChanged *time.Time
	SourceKey     string
}

// Translation states.
const (
	TranslationCurrent  = "current"  // made from the source as it stands
	TranslationOutdated = "outdated" // the source changed after translated_from
	TranslationUndated  = "undated"  // no translated_from: nobody can tell
)

// TranslationReport is where a translation stands against its source.
type TranslationReport struct {
	Source         string `json:"source"`
	TranslatedFrom string `json:"translated_from,omitempty"` // YYYY-MM-DD
	SourceChanged  string `json:"source_changed,omitempty"`  // YYYY-MM-DD
	State          string `json:"state"`
}

// MissingWords are the theme's words that a language lacks, shown in the
// default language instead (see package i18n).
type MissingWords struct {
	Language string   // named for messages: "Welsh (cy)"
	File     string   // where the site adds them: "i18n/cy.yaml"
	Keys     []string // sorted
}

// checkTranslation reports where a translation stands, with a warning at
// translated_from (or the top of the page) when it is out of date or
// does not say when it was made.
func checkTranslation(p *PageFacts) (*TranslationReport, []diag.Diagnostic) {
	t := p.Translation
	if t == nil {
		return nil, nil
	}
	r := &TranslationReport{Source: t.Source, State: TranslationCurrent}
	if t.SourceChanged != nil {
		r.SourceChanged = t.SourceChanged.Format(time.DateOnly)
	}
	if t.TranslatedFrom == nil {
		r.State = TranslationUndated
		hint := ""
		if r.SourceChanged != "" {
			hint = fmt.Sprintf(" (its %s is %s)", t.SourceKey, r.SourceChanged)
		}
		return r, []diag.Diagnostic{diag.Warnf(p.Path, 1, 0, "this is a translation of %s, but it does not say when it was made, so Pamphlet cannot tell its readers when it falls behind: add translated_from: with the date of the source page's text that you translated%s", t.Source, hint)}
	}
	r.TranslatedFrom = t.TranslatedFrom.Format(time.DateOnly)
	if !Outdated(t.TranslatedFrom, t.SourceChanged) {
		return r, nil
	}
	r.State = TranslationOutdated
	line := p.KeyLines["translated_from"]
	return r, []diag.Diagnostic{diag.Warnf(p.Path, line, 0, "this translation was made from %s as of %s, but that page has changed since (its %s is %s), so readers of this page see a notice that it may be out of date: bring the translation up to date with it, then set translated_from: %s", t.Source, r.TranslatedFrom, t.SourceKey, r.SourceChanged, r.SourceChanged)}
}

// Outdated reports whether a translation made from its source's text of
// the day translatedFrom fell behind a source last changed on
// sourceChanged (its last review, update or publication); a date that is
// not known tells nothing.
func Outdated(translatedFrom, sourceChanged *time.Time) bool {
	return translatedFrom != nil && sourceChanged != nil && sourceChanged.After(*translatedFrom)
}

// missingWords reports, for each language, the theme's words it lacks.
func missingWords(c SiteFacts) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, m := range c.MissingWords {
		keys := m.Keys
		more := ""
		if len(keys) > 8 {
			keys, more = keys[:8], fmt.Sprintf(" and %d more", len(m.Keys)-8)
		}
		out = append(out, diag.Warnf(m.File, 0, 0, "the theme has no words in %s for %d of its texts (%s%s), so readers see them in the site's default language: add them to %s (see docs/i18n.md)", m.Language, len(m.Keys), strings.Join(keys, ", "), more, m.File))
	}
	return out
}
