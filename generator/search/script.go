package search

import _ "embed"

// ScriptFile is the browser script's name, in the default language's
// index folder ("search/"). One script serves every language: it finds a
// page's index from the action of the page's <form data-search> (that
// language's search page, which is its index's folder), or beside itself
// when the page has no form.
const ScriptFile = "search.js"

// Script is the browser script: it turns every <form data-search> into a
// combobox of results as the reader types, and fills the search page's
// <div data-search-results> from ?q= (see docs/search.md). The output
// stage writes it once, to "search/" + ScriptFile, for every language.
//
//go:embed search.js
var Script []byte

// ScriptWords are the keys of the words the script shows readers, which
// it takes from its form's data-search-words (a JSON object of them, in
// the page's language, plural forms as "search_count.one": see package
// i18n): any it is not given, it says in English.
func ScriptWords() []string {
	return []string{"search_results_label", "search_unavailable", "search_no_results", "search_count"}
}
