// Package cite reads the bibliographies that clinics keep their references
// in, so that pages can cite them and a style (AMA, Vancouver, APA) can
// format the reference lists.
//
// Two formats are read, each into the same []Entry:
//
//   - BibTeX and biblatex (.bib), as Zotero, Mendeley, JabRef and Google
//     Scholar export it: ParseBibTeX.
//   - CSL-JSON (.json), as Zotero exports it: ParseCSLJSON.
//
// Entry is modelled on CSL-JSON, the format citation styles are written
// against, so the formatter needs to know nothing about BibTeX. The BibTeX
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
