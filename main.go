// Command pamphlet builds psychoeducation websites: plain-language pages
// about a condition and its treatment, with citations and the trust
// metadata health-information standards ask for.
//
// Usage:
//
//	pamphlet build [--site DIR] [--out DIR] [--base-url URL] [--drafts]
//	pamphlet serve [--site DIR] [--bind 127.0.0.1] [--port 1313] [--poll DURATION]
//	pamphlet check [--site DIR] [--format text|json] [--strict] [--verbose] [--today YYYY-MM-DD]
//	pamphlet new DIR
//	pamphlet help [COMMAND]
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errSilent reports a failure whose details were already printed: exit 1.
var errSilent = errors.New("failed")

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"build", "build the site into public/", runBuild},
		{"serve", "serve the site and rebuild it as you write", runServe},
		{"check", "check every page for what health-information standards ask", runCheck},
		{"new", "write a new starter site into a folder", runNew},
		{"help", "show help for a command", runHelp},
	}
}

const usage = `Pamphlet builds psychoeducation websites from Markdown.

Usage:
  pamphlet COMMAND [flags]

Commands:
%s
Run "pamphlet help COMMAND" or "pamphlet COMMAND --help" for a command's flags.
`

func mainUsage(w io.Writer) {
	var list string
	for _, c := range commands() {
		list += fmt.Sprintf("  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, usage, list)
}

// run runs the pamphlet command with args (without the program name). It
// returns nil on success, a usageError for a wrong call, and any other
// error for a failure; main turns these into exit statuses 0, 2 and 1.
func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		mainUsage(stderr)
		return usageError{"no command given"}
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	switch args[0] {
	case "-h", "-help", "--help":
		mainUsage(stdout)
		return nil
	}
	mainUsage(stderr)
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

func runHelp(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		mainUsage(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] && c.name != "help" {
			return c.run([]string{"--help"}, stdout, stderr)
		}
	}
	return usageError{fmt.Sprintf("unknown command %q: run \"pamphlet help\" for the list", args[0])}
}

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err (unless it was already printed) and returns the
// exit status for it.
func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "pamphlet:", ue.msg)
		return 2
	case errors.Is(err, errSilent):
		return 1
	default:
		fmt.Fprintln(stderr, "pamphlet:", err)
		return 1
	}
}
