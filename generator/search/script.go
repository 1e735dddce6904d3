package search

import _ "embed"

// ScriptFile is the browser script's name, in the index's folder
// (Config.Dir): it finds the index beside itself.
const ScriptFile = "search.js"

// Script is the browser script: it turns every <form data-search> into a
// combobox of results as the reader types, and fills the search page's
// <div data-search-results> from ?q= (see docs/search.md). The lead's
// output writes it to Config.Dir + ScriptFile.
//
//go:embed search.js
var Script []byte
