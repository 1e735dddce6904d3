package serve

import (
	"strconv"
)

// LiveScriptPath is the URL path of the live-reload script. The Handler
// serves it whatever the snapshot holds.
const LiveScriptPath = "/__pamphlet/live.js"

// EventsPath is the URL path of the Server-Sent Events stream. The Handler
// serves it from its Hub whatever the snapshot holds.
const EventsPath = "/__pamphlet/events"

// InjectLiveReload returns html with the live-reload script tag
//
//	<script src="/__pamphlet/live.js" data-build="N"></script>
//
// inserted just before the last "</body>" (matched without regard to ASCII
// case), or appended when there is none. data-build tells the script which
// build the page came from, so a tab that missed a build reloads itself.
//
// The input is never modified: the result is a new slice, so it is safe to
// call on the shared bytes of a Snapshot. It adds one tag per call; call it
// once, on built output, which never holds the tag itself.
func InjectLiveReload(html []byte, build int64) []byte {
	tag := liveScriptTag(build)
	at := lastBodyClose(html)
	if at < 0 {
		at = len(html)
	}
	out := make([]byte, 0, len(html)+len(tag))
	out = append(out, html[:at]...)
	out = append(out, tag...)
	out = append(out, html[at:]...)
	return out
}

func liveScriptTag(build int64) string {
	return `<script src="` + LiveScriptPath + `" data-build="` + strconv.FormatInt(build, 10) + `"></script>`
}

// lastBodyClose returns the index of the last "</body" that is followed by
// ">" or white space, or -1. It folds ASCII case only: bytes.ToLower would
// change the length of some UTF-8 text and so shift the index.
func lastBodyClose(html []byte) int {
	const want = "</body"
	for i := len(html) - len(want); i >= 0; i-- {
		if !hasPrefixFold(html[i:], want) {
			continue
		}
		if j := i + len(want); j == len(html) || isTagEnd(html[j]) {
			return i
		}
	}
	return -1
}

func hasPrefixFold(s []byte, lowerPrefix string) bool {
	if len(s) < len(lowerPrefix) {
		return false
	}
	for i := 0; i < len(lowerPrefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lowerPrefix[i] {
			return false
		}
	}
	return true
}

func isTagEnd(c byte) bool {
	switch c {
	case '>', ' ', '\t', '\n', '\r', '\f', '/':
		return true
	}
	return false
}
