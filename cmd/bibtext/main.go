// Command bibtext prints a bibliography file formatted by Pamphlet's CSL
// processor, as plain text, one entry a paragraph, citing every entry once
// in file order (pandoc's nocite: '@*'); or, with -json, the entries as
// the CSL-JSON items Pamphlet gives the processor. scripts/compare-pandoc.sh
// uses it to compare Pamphlet with pandoc's citeproc; -n repeats the
// formatting for timing.
//
//	go run ./cmd/bibtext -style ama content/references.bib
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"pamphlet/generator/cite"
	"pamphlet/generator/cite/csl"
)

func main() {
	style := flag.String("style", "ama", "a built-in style name, or a .csl file")
	lang := flag.String("lang", "en-US", "the language, for styles without a default-locale")
	asJSON := flag.Bool("json", false, "print the entries as CSL-JSON instead")
	repeat := flag.Int("n", 1, "format the bibliography this many times and print the time per run to stderr")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bibtext [-style NAME|FILE.csl] [-json] FILE.bib|FILE.json")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *style, *lang, *asJSON, *repeat); err != nil {
		fmt.Fprintln(os.Stderr, "bibtext:", err)
		os.Exit(1)
	}
}

func run(file, styleName, lang string, asJSON bool, repeat int) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	list, diags := cite.Parse(file, src)
	if diags.HasErrors() {
		return fmt.Errorf("%s", diags)
	}
	entries := make([]*cite.Entry, len(list))
	for i := range list {
		entries[i] = &list[i]
	}
	if asJSON {
		items := make([]map[string]any, len(entries))
		for i, e := range entries {
			items[i] = itemJSON(cite.CSLItem(e))
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(items)
	}
	var st *cite.Style
	if cite.IsStyleFile(styleName) {
		s, err := os.ReadFile(styleName)
		if err != nil {
			return err
		}
		st, err = cite.LoadStyle(styleName, styleName, s, lang)
		if err != nil {
			return err
		}
	} else if st, err = cite.LoadBuiltin(styleName, lang); err != nil {
		return err
	}
	start := time.Now()
	var out []csl.Entry
	for range max(repeat, 1) {
		p, err := st.Processor(entries)
		if err != nil {
			return err
		}
		cits := make([]csl.Citation, len(entries))
		for i, e := range entries {
			cits[i] = csl.Citation{ID: e.ID, Items: []csl.CitationItem{{ID: e.ID}}}
		}
		if out, err = p.Bibliography(cits...); err != nil {
			return err
		}
	}
	if repeat > 1 {
		fmt.Fprintf(os.Stderr, "%d entries, %v per run\n", len(entries), time.Since(start)/time.Duration(repeat))
	}
	for _, e := range out {
		fmt.Printf("%s\n\n", e.Text())
	}
	return nil
}

// itemJSON writes a csl.Item as a CSL-JSON object.
func itemJSON(it csl.Item) map[string]any {
	m := map[string]any{"id": it.ID, "type": it.Type}
	for k, v := range it.Vars {
		m[k] = v
	}
	for k, v := range it.Names {
		m[k] = v
	}
	for k, d := range it.Dates {
		if d.Literal != "" {
			m[k] = map[string]any{"literal": d.Literal}
		} else {
			m[k] = map[string]any{"date-parts": d.Parts}
		}
	}
	return m
}
