package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

const newSynopsis = `new DIR

Writes a complete starter site into DIR: site.yaml, the example pages about
mentalization-based therapy in content/, and the default theme in
templates/ and static/ for you to change. DIR must be empty or not exist.`

func runNew(args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("new", newSynopsis)
	if done, err := parseFlags(fset, args, stdout, stderr, 1); done || err != nil {
		return err
	}
	if fset.NArg() != 1 {
		return usageError{"new needs one folder name, e.g. pamphlet new my-site"}
	}
	dir := fset.Arg(0)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: pamphlet new only writes into an empty or new folder, so nothing is overwritten", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot use %s: %w", dir, err)
	}
	if err := writeStarter(dir); err != nil {
		return err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	fmt.Fprintf(stdout, "Wrote a starter site into %s.\nNext: pamphlet serve --site %s\n(From Pamphlet's source folder: go run . serve --site %s)\n", dir, dir, abs)
	return nil
}

// writeStarter copies the embedded starter site into dir.
func writeStarter(dir string) error {
	return fs.WalkDir(starter, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := fs.ReadFile(starter, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
