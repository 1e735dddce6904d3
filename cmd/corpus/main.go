// Command corpus writes a deterministic benchmark site of N pages, as a
// Pamphlet site and, with -hugo, the same pages as a Hugo site.
//
//	go run ./cmd/corpus -pages 10000 -out /tmp/corpus/pamphlet -hugo /tmp/corpus/hugo
//	go run ./cmd/corpus -pages 10000 -translations es -out /tmp/corpus/two-languages
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"pamphlet/internal/corpus"
)

func main() {
	pages := flag.Int("pages", 1000, "number of pages")
	out := flag.String("out", "", "folder for the Pamphlet site (must not exist)")
	hugo := flag.String("hugo", "", "folder for the Hugo site (optional)")
	nocite := flag.Bool("no-citations", false, "leave out citations and the bibliography")
	langs := flag.String("translations", "", "comma-separated language tags: every page is also written as a translation into each (Pamphlet only)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "corpus: -out is required")
		os.Exit(2)
	}
	o := corpus.Options{Pages: *pages, Citations: !*nocite, Seed: 1}
	if *langs != "" {
		o.Translations = strings.Split(*langs, ",")
	}
	if err := corpus.Write(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
	if *hugo != "" {
		if err := corpus.WriteHugo(*hugo, o); err != nil {
			fmt.Fprintln(os.Stderr, "corpus:", err)
			os.Exit(1)
		}
	}
}
