package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"pamphlet/generator/i18n"
	"pamphlet/internal/browser"
)

// TestBundledSiteHandouts builds the bundled site with handouts: true and
// reads its handouts back as a reader's tools would: the text in order,
// the metadata, the page count the page's link gives, and the QR code,
// which opens the page on the site.
func TestBundledSiteHandouts(t *testing.T) {
	pdftotext, pdfinfo, pdftoppm, zbarimg := pdfTool(t, "pdftotext", "poppler-utils"), pdfTool(t, "pdfinfo", "poppler-utils"), pdfTool(t, "pdftoppm", "poppler-utils"), pdfTool(t, "zbarimg", "zbar-tools")
	root := t.TempDir()
	for _, dir := range []string{"content", "static", "templates"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
	}
	settings, err := os.ReadFile("site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "site.yaml"), append(settings, "\nhandouts: true\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	if _, stderr, code := runCLI(t, "build", "--site", root); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	pdf := filepath.Join(out, "therapy", "what-to-expect", "handout.pdf")

	text, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	words := strings.Join(strings.Fields(string(text)), " ")
	at := -1
	for _, want := range []string{"Understanding MBT", "What to expect in MBT", "If you need help now", "What MBT is", "References", "Bateman", "not yet been reviewed by a clinician", "Page 1 of"} {
		i := strings.Index(words, want)
		if i < 0 {
			t.Errorf("the handout does not say %q", want)
			continue
		}
		if want != "Page 1 of" && i < at {
			t.Errorf("%q comes before what it should follow", want)
		}
		at = max(at, i)
	}

	info, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, want := range []string{"Title:           What to expect in MBT", "Author:          Pamphlet contributors", "Subject:         What usually happens"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo does not say %q:\n%s", want, info)
		}
	}
	pages := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info)
	if pages == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	html, err := os.ReadFile(filepath.Join(out, "therapy", "what-to-expect", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), `Download this page as a PDF handout</a> (`+string(pages[1])+` pages, `) {
		t.Errorf("the page's link does not give the handout's %s pages", pages[1])
	}

	n, _ := strconv.Atoi(string(pages[1]))
	png := filepath.Join(t.TempDir(), "last")
	if b, err := exec.Command(pdftoppm, "-r", "150", "-png", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-singlefile", pdf, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, b)
	}
	code, err := exec.Command(zbarimg, "-q", "--raw", png+".png").Output()
	if err != nil {
		t.Fatalf("zbarimg found no QR code on the last page: %v", err)
	}
	if got, want := strings.TrimSpace(string(code)), "https://example.org/patient-info/therapy/what-to-expect/"; got != want {
		t.Errorf("the QR code opens %q, want %q", got, want)
	}

	for _, rel := range []string{"about/privacy/handout.pdf", "about/contact/handout.pdf"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); err == nil {
			t.Errorf("%s: a policy page has a handout", rel)
		}
	}
}

// pdfTool returns the path of a command that reads PDFs, skipping the test
// when it is missing, except in CI, which installs it (.ci/run).
func pdfTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		browser.Require(t, false, name+" is not installed (Debian's "+pkg+"); .ci/run installs it")
	}
	return p
}

// languagesSite writes the test site in English, Spanish and Arabic
// (generator/testdata/languages.txtar) into a new folder, with more
// settings put before its own, and returns the folder.
func languagesSite(t *testing.T, settings string) string {
	t.Helper()
	archive, err := os.ReadFile(filepath.Join("generator", "testdata", "languages.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, f := range txtar.Parse(archive).Files {
		data := f.Data
		if f.Name == "site.yaml" {
			data = append([]byte(settings), data...)
		}
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestTranslatedHandout builds the test site in three languages with
// handouts and reads the Spanish page's handout back: the theme's words
// are in Spanish, the reference list's heading too, and the citation is
// in the CSL locale of Spanish.
func TestTranslatedHandout(t *testing.T) {
	pdftotext := pdfTool(t, "pdftotext", "poppler-utils")
	root := languagesSite(t, "handouts: true\n")
	if _, stderr, code := runCLI(t, "build", "--site", root); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	text, err := exec.Command(pdftotext, "-enc", "UTF-8", filepath.Join(root, "public", "es", "mbt", "handout.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	catalog, diags := i18n.Load(root, []string{"en-GB", "es", "ar"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	es := catalog.Strings("es")
	got := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Entender la MBT", "¿Qué es la MBT?", "Bateman y Fonagy", es["references"], es.Fill("handout_page_of", "n", "1", "total", "1"), es["unreviewed"]} {
		if !strings.Contains(got, want) {
			t.Errorf("the Spanish handout does not say %q:\n%s", want, got)
		}
	}
}
