package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"pamphlet/generator"
	"pamphlet/generator/diag"
	"pamphlet/generator/site"
)

// newFlagSet returns a flag set for a command that never exits the
// process; its usage starts with the command's synopsis.
func newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: pamphlet %s\n\n%s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses a command's arguments, of which at most maxArgs may
// be positional. For --help it prints the usage to stdout and returns
// done; a mistake is a usageError, with flag's own message on stderr.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer, maxArgs int) (done bool, err error) {
	// flag prints the usage itself on -help and on a mistake; hold it back,
	// so that --help is printed once, to stdout.
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(stderr)
	err = fs.Parse(args)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return true, nil
	}
	if err != nil {
		fs.Usage()
		return false, usageError{err.Error()}
	}
	if fs.NArg() > maxArgs {
		return false, usageError{fmt.Sprintf("%s: unexpected argument %q (flags come before arguments; run \"pamphlet help %s\")", fs.Name(), fs.Arg(maxArgs), fs.Name())}
	}
	return false, nil
}

const buildSynopsis = `build [--site DIR] [--out DIR] [--base-url URL] [--drafts] [--timings]

Builds the site in DIR (default: the current folder) into its public/
folder, or into --out. When anything is wrong, every problem is listed
with its file and line, and the previous output is left as it was.`

// gcFloor is the least heap a one-shot command lets grow between garbage
// collections (see generator.Options.GCFloor); the build raises it to 16
// KiB a page, so that a 10,000-page site may use 160 MiB and stays under
// 200 MiB in all, and a small site little more than Go's default.
const gcFloor = 32 << 20

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build", buildSynopsis)
	site := fs.String("site", ".", "the site's folder, where site.yaml is")
	out := fs.String("out", "", "the output folder (default: DIR/public)")
	baseURL := fs.String("base-url", "", "the address the site is published at, overriding site.yaml's base_url")
	drafts := fs.Bool("drafts", false, "include pages marked draft: true")
	timings := fs.Bool("timings", false, "print how long each stage took")
	if done, err := parseFlags(fs, args, stdout, stderr, 0); done || err != nil {
		return err
	}
	if err := checkSiteFolder(*site); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	res, err := generator.Build(ctx, generator.Options{
		Site: *site, Out: *out, BaseURL: *baseURL, Theme: theme(), Drafts: *drafts, GCFloor: gcFloor,
	})
	printDiagnostics(stderr, res.Diagnostics)
	var failed *diag.Failed
	if errors.As(err, &failed) {
		e, w := failed.Diagnostics.Count()
		fmt.Fprintf(stderr, "Build failed: %s, %s. Nothing was written; the previous site is unchanged.\n", plural(e, "error"), plural(w, "warning"))
		return errSilent
	}
	if err != nil {
		return err
	}
	dest := *out
	if dest == "" {
		dest = filepath.Join(*site, "public")
	}
	_, w := res.Diagnostics.Count()
	if res.UpToDate {
		fmt.Fprintf(stdout, "Nothing changed since the last build: %s is up to date (%s, %s).\n", dest, plural(res.Pages, "page"), plural(res.Files, "file"))
		if t := res.Trust; t != nil {
			printDiagnostics(stderr, t.Site)
			fmt.Fprintf(stdout, "Check (as of %s): %s, %s, %s; %d overdue for review: run pamphlet check for details.\n",
				res.CheckedOn, plural(t.Summary.Pages, "page"), plural(t.Summary.Errors, "error"), plural(max(t.Summary.Warnings-w, 0), "warning"), t.Summary.Overdue)
		}
		return nil
	}
	fmt.Fprintf(stdout, "Built %s (%s) into %s in %s", plural(res.Pages, "page"), plural(res.Files, "file"), dest, res.Duration.Round(1e6))
	if w > 0 {
		fmt.Fprintf(stdout, "; %s above", plural(w, "warning"))
	}
	fmt.Fprintln(stdout, ".")
	if *timings {
		for _, s := range res.Stages {
			fmt.Fprintf(stdout, "  %-22s %s\n", s.Name, s.Took.Round(time.Millisecond))
		}
	}
	if t := res.Trust; t != nil {
		// The check's own findings: the build's diagnostics are printed
		// above, and only its errors (a date in the future) here.
		printDiagnostics(stderr, t.Site)
		te, tw := t.Summary.Errors, t.Summary.Warnings-w
		fmt.Fprintf(stdout, "Check: %s, %s, %s; %d overdue for review: run pamphlet check for details.\n",
			plural(t.Summary.Pages, "page"), plural(te, "error"), plural(max(tw, 0), "warning"), t.Summary.Overdue)
	}
	return nil
}

// checkSiteFolder refuses a --site that is not a folder, before anything
// reads inside it: "--site site.yaml" would otherwise fail on its own
// output folder, site.yaml/public.
func checkSiteFolder(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageError{fmt.Sprintf("--site %s: there is no such folder; give the folder that holds site.yaml", dir)}
	case err != nil:
		return fmt.Errorf("--site %s: %w", dir, err)
	case !info.IsDir() && filepath.Base(dir) == site.ConfigFile:
		return usageError{fmt.Sprintf("--site %s: give the folder that holds site.yaml, not the file: --site %s", dir, filepath.Dir(dir))}
	case !info.IsDir():
		return usageError{fmt.Sprintf("--site %s: this is a file; give the folder that holds site.yaml", dir)}
	}
	return nil
}

func printDiagnostics(w io.Writer, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(w, d)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
