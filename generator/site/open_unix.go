//go:build unix

package site

import "syscall"

// openNonBlocking opens a named pipe without waiting for a writer (see
// openRegular); for a regular file it changes nothing.
const openNonBlocking = syscall.O_NONBLOCK
