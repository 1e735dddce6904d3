// Package csl is a citation processor for the Citation Style Language
// (CSL 1.0.2, https://citationstyles.org/).
//
// A Style is parsed from a .csl file with ParseStyle, locales with
// ParseLocale. A Processor combines a style with a Locales lookup and the
// items to cite (CSL-JSON, see Item); Cite formats citation clusters in
// document order (computing positions, disambiguation and collapsing) and
// Bibliography formats the reference list. Output is available as HTML
// (escaped, with the tags citeproc-js uses) and as plain text.
//
// Style, Locale and a Processor after Register are read-only: Cite and
// Bibliography may be called from several goroutines at once, but Register
// must not run concurrently with any other method.
//
// The package uses the standard library only and keeps no package-level
// mutable state.
package csl
