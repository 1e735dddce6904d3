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

// lengthNorm is BM25's length part for a page of n words, which weight
// takes.
func lengthNorm(n int) float64 {
	return bm25K1 * (1 - bm25B + bm25B*roughLength(n)/typicalLength)
}

// weight returns BM25's term-frequency part for a word seen tf times
// (weighted by where, see weightTitle) on a page of lengthNorm norm, scaled
// to 1..255 for one byte of the postings. The browser multiplies it by
// the word's idf, from the postings' length (see idf).
func weight(tf float32, norm float64) uint8 {
	part := float64(tf) * (bm25K1 + 1) / (float64(tf) + norm) / (bm25K1 + 1)
	return uint8(max(1, min(255, math.Round(part*255))))
}

// idf is BM25's inverse document frequency of a term found on df of n
// pages. search.js computes the same.
func idf(df, n int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// lengthStep is the ratio between the page lengths weight tells apart.
const lengthStep = 1.25

// roughLength returns a page's length rounded to a power of lengthStep.
// An edit that adds or removes a few words then leaves the weights of
// the page's other words as they were, and so their postings shards: the
// dev server rewrites the shards of the words that changed, not of every
// word of the page.
func roughLength(n int) float64 {
	if n < 1 {
		return 1
	}
	return math.Pow(lengthStep, math.Round(math.Log(float64(n))/math.Log(lengthStep)))
}
