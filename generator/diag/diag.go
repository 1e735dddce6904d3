// Package diag defines the one diagnostic type that every part of Pamphlet
// reports through: the build, `pamphlet check`, the dev server's overlay and the
// tests all print and compare the same values.
//
// A diagnostic says where (file:line:col), how bad (error or warning) and what
// is wrong, in a plain sentence that also says what to do about it:
//
//	content/therapy/what-to-expect.md:12:5: error: link to "crisis.md": no such page; check the file name
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Warning is reported but does not stop the build.
	Warning Severity = iota
	// Error stops the build; the previous output is left as it was.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText implements encoding.TextMarshaler so JSON reports read
// "error" and "warning" rather than numbers.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	default:
		return fmt.Errorf("unknown severity %q", b)
	}
	return nil
}

// Diagnostic is one problem found in a site. File is relative to the site
// root and uses forward slashes; Line and Col count from 1, and 0 means
// "not known" (a whole-file or whole-site problem).
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// Errorf returns an error diagnostic at file:line:col.
func Errorf(file string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning diagnostic at file:line:col.
func Warnf(file string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...)}
}

// Pos returns "file:line:col", leaving out the parts that are not known.
func (d Diagnostic) Pos() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	return b.String()
}

// String formats the diagnostic the way compilers do, so editors and CI
// logs can jump to the place: "content/x.md:12:5: error: message".
func (d Diagnostic) String() string {
	if d.File == "" {
		return d.Severity.String() + ": " + d.Message
	}
	return d.Pos() + ": " + d.Severity.String() + ": " + d.Message
}

// List is a set of diagnostics. The zero value is empty and ready to use.
// A List is not safe for concurrent use; collect per goroutine and Append.
type List []Diagnostic

// Add appends diagnostics to the list.
func (l *List) Add(ds ...Diagnostic) { *l = append(*l, ds...) }

// Errorf adds an error diagnostic.
func (l *List) Errorf(file string, line, col int, format string, args ...any) {
	l.Add(Errorf(file, line, col, format, args...))
}

// Warnf adds a warning diagnostic.
func (l *List) Warnf(file string, line, col int, format string, args ...any) {
	l.Add(Warnf(file, line, col, format, args...))
}

// HasErrors reports whether any diagnostic in the list is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders the list by file, line and column, then message, so output
// is the same on every run however the pages were scheduled.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// String returns one diagnostic a line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Failed is the error returned when error diagnostics stopped a build. It carries
// every diagnostic, warnings included, so callers can print them all.
type Failed struct {
	Diagnostics List
}

// Error implements the error interface with a count and the first error.
func (e *Failed) Error() string {
	n, _ := e.Diagnostics.Count()
	for _, d := range e.Diagnostics {
		if d.Severity == Error {
			if n == 1 {
				return d.String()
			}
			return fmt.Sprintf("%s (and %d more errors)", d, n-1)
		}
	}
	return "build failed"
}

// Compact returns the list sorted (see Sort) without repeated diagnostics:
// a problem in a file that several pages use is said once.
func (l List) Compact() List {
	l.Sort()
	return slices.Compact(l)
}

// Cause drops the path that *fs.PathError repeats, since every
// diagnostic already names the file.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
