// Package serve is the dev server behind `pamphlet serve`: a file watcher
// (fsnotify, or polling where the file system cannot report changes) that
// hands over batches of changed paths; an HTTP handler that serves a whole
// built site from memory, swapped in atomically so no request ever sees a
// half-built site; and a Server-Sent Events hub with live.js, which
// reloads or restyles the open tabs after a good build and shows an
// overlay with every diagnostic after a failed one.
//
// The builder that turns a batch of changes into a new site is
// generator.Builder; package main wires the three together.
package serve
