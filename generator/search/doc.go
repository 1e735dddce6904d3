// Package search makes the site's search index: shards of a split index
// that the browser script (search.js, embedded here) fetches one query
// word at a time, so that a one-word query at 10,000 pages moves tens of
// kilobytes, not the whole index, and nothing leaves the site.
//
// The work is split so that the browser needs no stemmer. At build time
// every word seen in the site (in English, with its British and American
// spellings) is mapped to the stems and synonym groups ("concepts") it
// stands for (the dictionary shards, by the word's first letters). The
// browser folds the query word the same way, looks it up (or, for a typo,
// the nearest words of that shard), then fetches the postings of the
// stems it found (the postings shards, by the stem's first letters).
// Ranking weights (BM25 with title and headings above body) are worked out
// per page at build time; the browser adds them up. docs/search.md
// describes the files.
//
// A site in several languages has an index per language, each from an
// Indexer of its own (Config.Language, Config.Dir): the words of each
// are stemmed by Snowball where it has a stemmer for the language, and
// indexed as they are, folded, where it has none (language.go). The one
// script serves them all.
//
// Use: one Builder per parse worker, fed page by page with Add; Merge
// the builders into an Index; Index.Shards gives the files; Index.Update
// re-indexes one page and says which files changed. Query (a Searcher)
// runs the browser's matching in Go, on the same bytes.
package search
