package serve

import (
	"net"
	"net/http"
	"strings"
)

// AllowHosts returns a handler that passes to next only the requests whose
// Host header names this computer: an IP address, "localhost" or a name
// under ".localhost", or one of names (the --bind name, say). Any other
// name gets 403.
//
// The check is there against DNS rebinding: a web page elsewhere can
// point a name of its own at 127.0.0.1 and so read, from the reader's own
// browser, a preview that holds unpublished drafts. Such a request always
// carries that other name in its Host header; a browser that reaches the
// server by its address or by localhost never does.
func AllowHosts(next http.Handler, names ...string) http.Handler {
	allowed := map[string]bool{}
	for _, n := range names {
		allowed[strings.ToLower(strings.TrimSuffix(n, "."))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hostAllowed(r.Host, allowed) {
			w.Header().Set("Cache-Control", "no-store")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			writePlain(w, r, http.StatusForbidden, "403 forbidden: this preview answers only to localhost and this computer's addresses. To reach it by another name, start it with pamphlet serve --bind NAME.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed reports whether a Host header names this computer.
func hostAllowed(hostport string, allowed map[string]bool) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	switch {
	case host == "" || net.ParseIP(host) != nil:
		// An HTTP/1.0 client may send no Host; a browser always does.
		return true
	case host == "localhost" || strings.HasSuffix(host, ".localhost"):
		return true
	}
	return allowed[host]
}
