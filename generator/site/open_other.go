//go:build !unix

package site

// openNonBlocking is 0 where named pipes cannot be opened by name.
const openNonBlocking = 0
