// Package csl is a citation processor for the Citation Style Language
// (CSL 1.0.2, https://citationstyles.org/).
//
// A Style is parsed from a .csl file with ParseStyle (errors name the file
// and line); a dependent style is resolved with ResolveParent. Locales are
// parsed with ParseLocale or LoadLocales and looked up through a Locales
// function, with the spec's fallback: the style's own cs:locale elements
// (exact tag, then language, then untagged), then the locale file for the
// tag, then the language's primary dialect (es -> es-ES), then en-US.
//
// A Processor combines a style, a Locales lookup and a language. Register
// gives it the references (CSL-JSON, see Item and ParseItems). Cite formats
// citation clusters given in document order: it computes positions (first,
// subsequent, ibid, ibid-with-locator, near-note), sorts cites, applies
// disambiguation (add-names, add-givenname with every
// givenname-disambiguation-rule, the disambiguate condition, year-suffix)
// and collapsing (citation-number ranges, year, year-suffix,
// year-suffix-ranged, cite grouping). Bibliography formats the reference
// list of the cited items, sorted, with subsequent-author-substitute and the
// display attributes; BibliographyOptions gives hanging-indent,
// second-field-align, line-spacing and entry-spacing for the caller's CSS.
//
// Output is available as HTML (escaped, with <i>, <b>, <sup>, <sub> and
// the style spans and csl-* divs citeproc-js uses) and as plain text.
// Markup in the data (<i>, <b>, <sc>, <sup>, <sub>, <span class="nocase">,
// <span class="nodecor">, quotation marks) is understood, with flip-flop of
// italics, bold, small caps and quotes, and punctuation is moved into
// quotes when the locale asks for it.
//
// Style, Locale and a Processor after Register are read-only: Cite and
// Bibliography may be called from several goroutines at once, but Register
// must not run concurrently with any other method.
//
// The package is held to the official CSL test suite (see suite_test.go and
// testdata/known-failures.txt for the fixtures it does not pass, with
// reasons). It uses the standard library only and keeps no package-level
// mutable state. Sorting compares case-folded text with accents folded for
// common Latin letters; it does not implement locale-aware collation.
package csl
