// Package i18n holds the theme's own words ("On this page", "Skip to main
// content", the month names of a date) in every language a site is
// written in, and what the theme needs to know of a language: which way
// it is written (Dir), what it calls itself (Catalog.Name) and how it
// counts (Strings.Plural).
//
// The words come from strings files, one per language: flat YAML maps of
// key to text. The theme's are embedded (strings/en.yaml, cy, es, pl, ar,
// fr, de); a site may change or add words with its own files beside
// site.yaml, i18n/<tag>.yaml, whose keys win over the theme's.
//
// A key with a plural category after a dot is one form of a plural word:
// handout_pages.one, handout_pages.few, handout_pages.other. A language
// gives the forms that CLDR's rules for it use (Polish one, few, many and
// other; Welsh and Arabic zero, one, two, few, many and other). In a
// word's text, a name in braces ({section}, {n}) is a placeholder that the
// theme fills in; a translation keeps the English word's placeholders, in
// whatever order its sentence needs. A plural form for a single number
// (Arabic two, which is only ever 2) may leave out {n}, so that it can be
// written as a word ("صفحتان", two pages).
//
// For a language such as es-MX, a word is looked for in the site's
// i18n/es-MX.yaml, then its i18n/es.yaml, then the theme's es-MX and es,
// and last among the default language's words (the site's first
// language, whose own last resort is the theme's English). A language
// that gives a plural word's "other" form never borrows another
// language's forms of that word. The month names, date_format and the
// optional day.N overrides ("day.1: 1er") make Strings.Date; day.N and
// language_name never come from another language.
//
// Every problem with a site's file is a diagnostic at its file and line
// that says what to do. A Catalog, and the Strings it gives, do not change
// once Load has made them, and are safe for concurrent use.
package i18n
