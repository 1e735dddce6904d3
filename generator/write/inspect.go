package write

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
)

// Record is one file a build wrote: its slash-separated path in the
// output folder, its size and its modification time in nanoseconds.
type Record struct {
	Path string `json:"p"`
	Size int64  `json:"s"`
	Mod  int64  `json:"m"`
}

// State is what a build found in the output folder against the
// manifest of the build that wrote it.
type State struct {
	Intact  bool     // every file written is there, with its size and time
	Foreign []string // files the build did not write (slash paths), sorted
}

// Inspect compares the output folder out with what the last build
// wrote there. The marker file and the entries of a build in progress
// inside a mounted folder (see ScratchPrefix) are Pamphlet's own.
func Inspect(out string, written []Record) (State, error) {
	want := make(map[string]Record, len(written))
	for _, r := range written {
		want[r.Path] = r
	}
	st := State{Intact: true}
	seen := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if rel == Marker || strings.HasPrefix(rel, ScratchPrefix) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		r, ok := want[rel]
		if !ok {
			st.Foreign = append(st.Foreign, rel)
			return nil
		}
		seen++
		fi, err := d.Info()
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != r.Size || fi.ModTime().UnixNano() != r.Mod {
			st.Intact = false
		}
		return nil
	})
	if seen != len(want) {
		st.Intact = false
	}
	slices.Sort(st.Foreign)
	return st, err
}

// ForeignFilesError is the error for an output folder that holds files a
// build did not write: replacing the folder would delete them.
func ForeignFilesError(out string, foreign []string) error {
	shown := foreign
	if len(shown) > 5 {
		shown = shown[:5]
	}
	var list []string
	for _, f := range shown {
		list = append(list, filepath.Join(out, filepath.FromSlash(f)))
	}
	more := ""
	if n := len(foreign) - len(shown); n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	what := "this file was"
	if len(foreign) > 1 {
		what = "these files were"
	}
	return fmt.Errorf("%s%s: %s not written by pamphlet, and a build replaces the whole output folder, which would delete them. Move each into the site's static/ folder (e.g. %s -> static/%s), so that every build publishes it, or delete it. Nothing was written; the previous site is unchanged",
		strings.Join(list, ", "), more, what, filepath.Join(out, filepath.FromSlash(foreign[0])), foreign[0])
}
