package serve

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestAllowHosts(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	h := AllowHosts(ok, "preview.clinic.lan")
	for _, tt := range []struct {
		host string
		code int
	}{
		{"127.0.0.1:1313", 200},
		{"localhost:1313", 200},
		{"LOCALHOST.:1313", 200},
		{"app.localhost:1313", 200},
		{"[::1]:1313", 200},
		{"192.168.1.20:1313", 200},
		{"preview.clinic.lan:1313", 200},
		{"", 200},
		// DNS rebinding: an outside name pointed at this computer.
		{"attacker.example:1313", 403},
		{"attacker.example", 403},
		{"localhost.attacker.example", 403},
		{"127.0.0.1.nip.io:1313", 403},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tt.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tt.code {
			t.Errorf("Host %q: %d, want %d", tt.host, w.Code, tt.code)
		}
		if tt.code == 403 && w.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("Host %q: the refusal may be cached", tt.host)
		}
	}
}
