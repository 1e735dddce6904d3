package search

import (
	"encoding/hex"
	"unicode/utf8"
)

// Shards are named by the first letters of what they hold: the dictionary
// by the words' first letters, the postings by the terms'. A shard starts
// at two letters ("me") and is split by one more letter ("mea", "men")
// while it is larger than shardLimit, down to maxKeyLength letters; what
// is no longer than the key stays in the shorter one. The browser looks a
// word up in the shard of the longest key that begins it (shardOf).
const (
	firstKeyLength = 2
	maxKeyLength   = 6
	shardLimit     = 16 << 10
)

// layout groups sorted names into shards, given the size each adds, and
// returns the shards' keys (sorted) and the key of each name.
func layout(names []string, size func(i int) int) (keys []string, keyOf []string) {
	keyOf = make([]string, len(names))
	var split func(lo, hi, depth int)
	split = func(lo, hi, depth int) {
		for a := lo; a < hi; {
			k := prefix(names[a], depth)
			b, total := a, 0
			for ; b < hi && prefix(names[b], depth) == k; b++ {
				total += size(b)
			}
			if total <= shardLimit || depth >= maxKeyLength {
				keys = append(keys, k)
				for i := a; i < b; i++ {
					keyOf[i] = k
				}
				a = b
				continue
			}
			rest := a
			for ; rest < b && names[rest] == k; rest++ {
				keyOf[rest] = k
			}
			if rest > a {
				keys = append(keys, k)
			}
			split(rest, b, depth+1)
			a = b
		}
	}
	split(0, len(names), firstKeyLength)
	return keys, keyOf
}

// prefix returns the first n letters (runes) of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// shardOf returns the key of the shard that holds s: the longest key
// that begins it, or "" when none does. search.js does the same.
func shardOf(s string, keys map[string]bool) string {
	for n := min(utf8.RuneCountInString(s), maxKeyLength); n > 0; n-- {
		if k := prefix(s, n); keys[k] {
			return k
		}
	}
	return ""
}

// fileName returns the name of a shard's file: its key when that is
// plain lower-case ASCII letters and digits, else "_" and the key's
// UTF-8 bytes in hex, so that every name is safe on every host.
func fileName(key string) string {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return "_" + hex.EncodeToString([]byte(key))
		}
	}
	return key
}
