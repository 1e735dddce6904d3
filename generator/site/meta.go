package site

import (
	"errors"
	"strings"
	"time"
)

// Date is a calendar date from front matter or site.yaml, written
// YYYY-MM-DD. Pamphlet never fills a date in with "today": a date is shown
// only when an author wrote it.
type Date struct{ time.Time }

// UnmarshalText reads a date written YYYY-MM-DD. Its error says how to
// write one, after "published is "1 March", which ".
func (d *Date) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(string(b)))
	if err != nil {
		return errors.New("is not a date: write it as YYYY-MM-DD, for example 2025-03-01")
	}
	d.Time = t
	return nil
}

// TimePtr returns the date as a time, or nil for no date (a nil *Date).
func (d *Date) TimePtr() *time.Time {
	if d == nil {
		return nil
	}
	t := d.Time
	return &t
}

// ISO returns the date as YYYY-MM-DD, for <time datetime> and sitemaps.
func (d Date) ISO() string { return d.Format(time.DateOnly) }

// Person is an author or reviewer of a page.
type Person struct {
	Name        string `yaml:"name"`
	Credentials string `yaml:"credentials"` // e.g. "MD, consultant psychiatrist"
	Role        string `yaml:"role"`
	URL         string `yaml:"url"`
}

// FrontMatter is the typed YAML block at the top of a page. Keys not
// listed here are reported as warnings; values of the wrong type as errors.
type FrontMatter struct {
	Title        string   `yaml:"title"`
	Description  string   `yaml:"description"`
	Authors      []Person `yaml:"authors"`
	ReviewedBy   []Person `yaml:"reviewed_by"`
	Published    *Date    `yaml:"published"`
	Updated      *Date    `yaml:"updated"`
	LastReviewed *Date    `yaml:"last_reviewed"`
	NextReview   *Date    `yaml:"next_review"`
	Audience     []string `yaml:"audience"` // patients, carers, professionals
	About        string   `yaml:"about"`    // the condition or treatment the page is about
	Safety       string   `yaml:"safety"`   // "crisis" shows the crisis-support box
	Weight       int      `yaml:"weight"`   // order within the section; then by title
	Draft        bool     `yaml:"draft"`    // left out of the build
	Bibliography []string `yaml:"bibliography"`
	// Related lists pages to show under "Related pages", as links to
	// their .md files from this page; without it, the page's neighbours
	// in its section are shown.
	Related []string `yaml:"related"`
	// Search: false leaves the page out of the site's search index.
	Search *bool `yaml:"search"`
	// Handout: false makes no PDF handout of the page, where site.yaml
	// asks for handouts.
	Handout *bool `yaml:"handout"`
	// TranslatedFrom, on a translation, is the date of the source page's
	// text that it was made from: its last review, or the day it was
	// copied. When the source page has changed since, check reports the
	// translation as out of date, and readers see a notice.
	TranslatedFrom *Date `yaml:"translated_from"`
}

// Searchable reports whether the page belongs in the site's search index:
// not a draft, and not marked search: false.
func (f *FrontMatter) Searchable() bool {
	return !f.Draft && (f.Search == nil || *f.Search)
}

// LastModified returns the latest of the page's own dates (reviewed,
// updated, published), or nil when it has none.
func (f *FrontMatter) LastModified() *Date {
	var last *Date
	for _, d := range []*Date{f.Published, f.Updated, f.LastReviewed} {
		if d != nil && (last == nil || d.After(last.Time)) {
			last = d
		}
	}
	return last
}
