// Package cite reads the bibliographies that clinics keep their references
// in, parses pandoc's citation syntax in pages, and formats citations and
// reference lists with a CSL style through the processor in
// generator/cite/csl (see style.go, resolve.go and render.go, and
// docs/citations.md).
//
// Two formats are read, each into the same []Entry:
//
//   - BibTeX and biblatex (.bib), as Zotero, Mendeley, JabRef and Google
//     Scholar export it: ParseBibTeX.
//   - CSL-JSON (.json), as Zotero exports it: ParseCSLJSON.
//
// Entry is modelled on CSL-JSON, the format citation styles are written
// against, so the formatter needs to know nothing about BibTeX; CSLItem
// turns an Entry into the processor's item. The BibTeX
// reader does the translation: TeX accents and escapes become Unicode,
// protective braces go, "Last, First" names are split into their parts,
// and entry types and fields are mapped to their CSL counterparts.
//
// Goals: read real exports without fuss; never lose an entry silently;
// report every problem as a diag.Diagnostic at file:line:col in words that
// say what to do. Non-goals: running BibTeX's style language, keeping
// formatting (italics, the case protection of braces), and writing either
// format back out.
package cite
