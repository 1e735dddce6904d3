package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"

	"pamphlet/generator"
	"pamphlet/generator/diag"
	"pamphlet/generator/serve"
	"pamphlet/generator/site"
)

const serveSynopsis = `serve [--site DIR] [--bind 127.0.0.1] [--port 1313] [--poll DURATION]

Builds the site in memory, serves it, and rebuilds what changed each time
you save a file: the open browser tab updates by itself, or shows what is
wrong (file:line) until you fix it. Nothing is written to public/.`

// serveOptions are the settings of one run of the dev server.
type serveOptions struct {
	site  string
	bind  string
	port  int
	poll  time.Duration
	ready func(url string) // called once the first build is served (tests)
}

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveSynopsis)
	o := serveOptions{}
	fs.StringVar(&o.site, "site", ".", "the site's folder, where site.yaml is")
	fs.StringVar(&o.bind, "bind", "127.0.0.1", "the address to listen on; only this computer can see the site unless you change it")
	fs.IntVar(&o.port, "port", 1313, "the port to listen on; if it is taken, the next free one of the following nine is used")
	fs.DurationVar(&o.poll, "poll", 0, "look for changes every DURATION (e.g. 1s) instead of being told by the system: for WSL, Docker mounts and network drives")
	if done, err := parseFlags(fs, args, stdout, stderr, 0); done || err != nil {
		return err
	}
	if err := checkSiteFolder(o.site); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(o.site, site.ConfigFile)); err != nil {
		return usageError{fmt.Sprintf("there is no site.yaml in %s: serve the folder that holds it with --site DIR, or start a site with pamphlet new DIR", o.site)}
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	return serveSite(ctx, o, stdout, stderr)
}

// serveSite runs the dev server until ctx is cancelled.
func serveSite(ctx context.Context, o serveOptions, stdout, stderr io.Writer) error {
	ln, err := listen(o.bind, o.port, stderr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(o.bind); ip == nil || !ip.IsLoopback() {
		if o.bind != "localhost" {
			fmt.Fprintf(stderr, "Warning: listening on %s: other computers on your network can see this site.\n", o.bind)
		}
	}
	addr := ln.Addr().(*net.TCPAddr)
	host := o.bind
	if host == "0.0.0.0" || host == "::" || host == "" {
		host = "127.0.0.1"
	}
	url := "http://" + net.JoinHostPort(host, strconv.Itoa(addr.Port)) + "/"

	hub := serve.NewHub()
	handler := serve.NewHandler(hub)
	srv := &http.Server{Handler: serve.AllowHosts(handler, o.bind), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer func() {
		hub.Close()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()

	b := generator.NewBuilder(generator.Options{Site: o.site, Theme: theme(), BaseURL: url})
	// Build numbers start from the clock, so a tab left open across a
	// restart of the server sees a different number and reloads.
	p := &publisher{b: b, h: handler, hub: hub, stdout: stdout, stderr: stderr, base: time.Now().UnixMilli()}
	start := time.Now()
	u, err := b.Build(ctx)
	if err != nil {
		return err
	}
	p.publish(u, time.Since(start))
	watch := func(extra []string) (serve.Watcher, error) {
		return serve.NewWatcher(o.site, extra, o.poll, func(reason error) {
			fmt.Fprintf(stderr, "Warning: cannot watch files the usual way (%v); looking for changes every second instead.\n", reason)
		})
	}
	extra := b.ExtraFiles()
	w, err := watch(extra)
	if err != nil {
		return err
	}
	defer func() { w.Close() }()
	where, _ := filepath.Abs(o.site)
	fmt.Fprintf(stdout, "Serving the site in %s at %s (press Ctrl-C to stop)\n", where, url)
	if o.ready != nil {
		o.ready(url)
	}
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(stdout, "Stopped.")
			return nil
		case batch, ok := <-w.Changes():
			if !ok {
				return nil
			}
			start := time.Now()
			u, err := b.Rebuild(ctx, batch)
			if errors.Is(err, context.Canceled) {
				return nil
			}
			if err != nil {
				return err
			}
			p.publish(u, time.Since(start))
			// site.yaml may now list other bibliographies to watch.
			if now := b.ExtraFiles(); !slices.Equal(now, extra) {
				w.Close()
				if w, err = watch(now); err != nil {
					return err
				}
				extra = now
			}
		}
	}
}

// listen listens on port, or on the next free one of the nine after it.
func listen(bind string, port int, stderr io.Writer) (net.Listener, error) {
	var first error
	for p := port; p < port+10; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			if p != port {
				fmt.Fprintf(stderr, "Port %d is in use; using %d.\n", port, p)
			}
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			// Not a busy port: the address itself is wrong.
			return nil, fmt.Errorf("cannot listen on %s: %w; --bind takes an address of this computer, such as 127.0.0.1 (this computer only) or 0.0.0.0 (your network too)", bind, err)
		}
		if first == nil {
			first = err
		}
		if port == 0 {
			break
		}
	}
	return nil, fmt.Errorf("cannot listen on %s, ports %d to %d: %w; choose another with --port", bind, port, port+9, first)
}

// publisher hands each build to the HTTP handler and the open tabs.
type publisher struct {
	b              *generator.Builder
	h              *serve.Handler
	hub            *serve.Hub
	stdout, stderr io.Writer
	base, good     int64 // first build number; the last good one
}

// publish serves a good build and tells the open tabs what changed, or
// keeps the last good site and shows them what is wrong.
func (p *publisher) publish(u *generator.Update, took time.Duration) {
	for _, d := range u.Diagnostics {
		fmt.Fprintln(p.stderr, d)
	}
	if u.Failed {
		e, _ := u.Diagnostics.Count()
		if p.good == 0 {
			fmt.Fprintf(p.stderr, "Build failed (%s); the browser shows what is wrong until it builds. Fix the file and save.\n", plural(e, "error"))
		} else {
			fmt.Fprintf(p.stderr, "Build failed (%s); still serving the last good version. Fix the file and save.\n", plural(e, "error"))
		}
		p.hub.Publish(serve.Event{Build: p.good, Kind: serve.KindErrors, Diagnostics: errorsFirst(u.Diagnostics)})
		return
	}
	// Builder numbers its good builds 1, 2, 3...: the tabs rely on
	// consecutive numbers (see serve.Event).
	p.good = p.base + u.Build
	p.h.Swap(&serve.Snapshot{ID: p.good, Files: p.b.Files()})
	ev := serve.Event{Build: p.good, Kind: serve.KindUpdate, Pages: u.Pages, CSS: u.CSS, Other: u.Other}
	p.hub.Publish(ev)
	if u.Build > 1 {
		fmt.Fprintf(p.stdout, "Rebuilt in %s: %s rendered, %s changed.\n", took.Round(time.Millisecond), plural(u.Rendered, "page"), plural(len(u.Changed)+len(u.Removed), "file"))
	}
}

// errorsFirst puts errors before warnings, for the overlay.
func errorsFirst(l diag.List) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	for _, d := range l {
		if d.Severity != diag.Error {
			out = append(out, d)
		}
	}
	return out
}
