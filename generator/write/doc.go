// Package write is the last stage of a build: it puts a finished site in
// place without ever leaving a half-written one. A build writes into a
// staging folder beside the output folder (Staging) and swaps it in whole
// when every file is written (Commit), or, for an output folder that is a
// mount point and cannot be swapped, works inside it and replaces what it
// holds entry by entry. One build of a folder runs at a time (Lock); what
// a killed build left is removed by the next (RemoveLeftovers); a folder
// Pamphlet did not write is never replaced (CheckOut, Marker); and the
// files the last build wrote can be compared with what the folder holds
// (Inspect), so that a build with nothing to do can say so.
//
// It knows nothing of pages or templates: it takes paths and bytes.
package write
