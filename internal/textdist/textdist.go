// Package textdist measures how far apart two words are, to suggest the
// name a user probably meant ("did you mean ...?").
package textdist

import "strings"

// Distance is the Levenshtein distance between a and b, ignoring case.
func Distance(a, b string) int {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	return Within(la, lb, len(la)+len(lb))
}

// Within returns the Levenshtein distance between a and b in letters
// (case counts), or max+1 as soon as it is known to be more than max:
// a search that tries every word of a list against a query word stops
// early on most of them.
func Within(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], max+1)
}

// Closest returns the candidate nearest to s, if it is near enough to be
// a likely typing mistake (at most max(2, len(s)/divisor) edits), or "".
// Ties go to the candidate that comes first.
func Closest(s string, candidates []string, divisor int) string {
	best, bestD := "", -1
	for _, c := range candidates {
		if d := Distance(s, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(2, len(s)/divisor) {
		return ""
	}
	return best
}
