package search

import "math"

// How much a word counts where it stands: a word of the title counts as
// six of the body, so that the page about a thing comes before the pages
// that mention it; headings and the description come between.
const (
	weightTitle       = 6
	weightHeading     = 3
	weightDescription = 2
	weightBody        = 1
)

// BM25's parameters: k1 is how fast more of the same word stops adding
// (saturation); b how much a long page's words count less. The usual
// values. typicalLength stands in for the site's average page length so
// that a page's weights depend on that page alone: editing one page then
// changes only that page's postings (Index.Update), and the dev server's
// index stays byte for byte the one a build makes.
const (
	bm25K1        = 1.2
	bm25B         = 0.75
	typicalLength = 400
)

// weight returns BM25's term-frequency part for a word seen tf times
// (weighted by where, see weightTitle) on a page of length words, scaled
// to 1..255 for one byte of the postings. The browser multiplies it by
// the word's idf, from the postings' length (see idf).
func weight(tf float32, length int) uint8 {
	norm := bm25K1 * (1 - bm25B + bm25B*float64(length)/typicalLength)
	part := float64(tf) * (bm25K1 + 1) / (float64(tf) + norm) / (bm25K1 + 1)
	return uint8(max(1, min(255, math.Round(part*255))))
}

// idf is BM25's inverse document frequency of a term found on df of n
// pages. search.js computes the same.
func idf(df, n int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}
