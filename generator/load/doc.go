// Package load is the first stage of a build: it lists a site's files
// (Load: the pages to parse as Sources, the files beside them and those
// of static/ as Assets, every name the content folder holds), reads the
// bibliographies and the citation style (LoadBibliographies), and reads
// each page's source when a parse worker asks (Source.Read). Links out of
// the site, files that cannot be read and editors' temporary files are
// found here and reported with their paths.
package load
