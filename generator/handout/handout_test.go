package handout

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// typical is a page like the bundled site's: headings, a list, emphasis,
// a link, a table, a block quote, citations.
const typical = `Placeholder opening paragraph with *emphasis*, **strong words** and a citation [@smith2020].

## What happens at the first meeting

The first meeting is a placeholder for a description of what happens, with a narrative citation of @jones2018 and a [link to another page](../other/) and [one elsewhere](https://www.example.com/help).

- A first point of placeholder text
- A second point, long enough that it needs to wrap onto the next line of the list to be read
- A third point

## A table of placeholder times

| Day | Time | What |
|-----|-----:|------|
| Monday | 10:00 | Group |
| Thursday | 14:30 | One-to-one |

> A quotation of placeholder text, set off from the rest of the page [@smith2020].

### Questions to ask

1. What is the first placeholder question?
2. And the second?
`

// TestReadBack renders a typical page and reads the PDF back with
// poppler: its pages, its text in order, its metadata and its font.
func TestReadBack(t *testing.T) {
	d, r := page(t, typical, testBib, "")
	h, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Warnings) > 0 {
		t.Errorf("warnings: %v", h.Warnings)
	}
	text := pdfText(t, h.PDF)
	inOrder(t, text,
		"Example Clinic",
		"Placeholder title",
		"A page made for the tests.",
		"strong words",
		"What happens at the first meeting",
		"Jones", // the narrative citation's name
		"link to another page (example.org/patient-info/other/)",
		"one elsewhere (www.example.com/help)",
		"Thursday 14:30 One-to-one",
		"Questions to ask",
		"References",
		"1. Smith A, Łukasiewicz J. A placeholder study of sleep.",
		"2. Jones B. A Placeholder Book.",
		"Page last reviewed: 13 February 2025",
		"Next review due: 13 February 2028",
		"Written by Dr Ann Example (MD)",
		"Reviewed by Dr Siân Ŵyn (PhD)",
		"example.org/patient-info/sleep/",
		"Page 1 of "+strconv.Itoa(h.Pages),
	)
	info := pdfInfo(t, h.PDF)
	for key, want := range map[string]string{
		"Title":   "Placeholder title",
		"Subject": "A page made for the tests.",
		"Author":  "Dr Ann Example (MD)",
		"Pages":   strconv.Itoa(h.Pages),
	} {
		if info[key] != want {
			t.Errorf("pdfinfo %s = %q, want %q", key, info[key], want)
		}
	}
	if !bytes.Contains(h.PDF, []byte("/Lang (en-GB)")) {
		t.Error("the PDF does not say its language is en-GB")
	}
	fonts := pdfFonts(t, h.PDF)
	if !regexp.MustCompile(`(?m)dejavusans\s+CID TrueType\s+Identity-H\s+yes`).MatchString(fonts) {
		t.Errorf("DejaVu Sans is not embedded:\n%s", fonts)
	}
}

// TestQRCode decodes the QR code of a rendered page with zbarimg.
func TestQRCode(t *testing.T) {
	d, r := page(t, "Placeholder.", testBib, "")
	d.URL = "https://example.org/patient-info/therapy/what-to-expect/"
	h, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := decodeQR(t, h.PDF); got != d.URL {
		t.Errorf("the QR code reads %q, want %q", got, d.URL)
	}
}

// TestUnicode prints the letters the issue names: curly quotes, dashes,
// accented names, Welsh and Polish letters.
func TestUnicode(t *testing.T) {
	md := "\"Quoted\" -- and --- dashes, 'single' quotes.\n\nSiân, Zoë, José, Gwŷn, Ŵyn, ŵ ŷ Ŵ Ŷ; Łódź, zażółć gęślą jaźń, ą ę ł Ą Ę Ł.\n"
	d, r := page(t, md, testBib, "")
	h, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Warnings) > 0 {
		t.Errorf("warnings: %v", h.Warnings)
	}
	inOrder(t, pdfText(t, h.PDF),
		"“Quoted” – and — dashes, ‘single’ quotes.",
		"Siân, Zoë, José, Gwŷn, Ŵyn, ŵ ŷ Ŵ Ŷ; Łódź, zażółć gęślą jaźń, ą ę ł Ą Ę Ł.")
}

// TestMissingCharacters: characters the font cannot show are left out
// and named in one warning at the first place they are met, never drawn
// as boxes.
func TestMissingCharacters(t *testing.T) {
	md := "Placeholder text.\n\nA line with 漢字 and an emoji 🙂 in it.\n"
	d, r := page(t, md, testBib, "")
	h, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Warnings) != 1 {
		t.Fatalf("warnings: %v, want one", h.Warnings)
	}
	w := h.Warnings[0]
	for _, s := range []string{`"字 漢 🙂"`, "U+5B57", "U+6F22", "U+1F642", "DejaVu Sans", "handout: false"} {
		if !strings.Contains(w.Message, s) {
			t.Errorf("the warning does not say %s: %s", s, w.Message)
		}
	}
	if want := strings.Index(md, "A line"); w.Offset != want {
		t.Errorf("the warning is at offset %d, want %d (the text node of the first missing character)", w.Offset, want)
	}
	text := pdfText(t, h.PDF)
	inOrder(t, text, "A line with and an emoji in it.")
	if strings.ContainsAny(text, "漢字🙂") {
		t.Errorf("missing characters were drawn: %s", text)
	}
}

// TestCrisisAndUnreviewed: a crisis page's lines in their box near the
// top, and an unreviewed page's notice.
func TestCrisisAndUnreviewed(t *testing.T) {
	d, r := page(t, "## Placeholder heading\n\nPlaceholder text.\n", testBib, "")
	d.Crisis = []CrisisLine{
		{Region: "UK", When: "If you need to talk", Name: "Placeholder Line", Phone: "000 000", Contact: "free, any time"},
		{Region: "UK", Name: "Text Placeholder", Text: "00000"},
	}
	d.Unreviewed, d.Words.Unreviewed = true, "This placeholder page has not been reviewed."
	d.LastReviewed, d.NextReview, d.Reviewers = "", "", nil
	h, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, h.PDF)
	inOrder(t, text, "Placeholder title", "If you need help now", "UK",
		"If you need to talk: Placeholder Line, call 000 000 (free, any time)",
		"Text Placeholder, text 00000", "Placeholder heading",
		"This placeholder page has not been reviewed.")
	if strings.Contains(text, "Page last reviewed") {
		t.Error("an unreviewed page shows a review date")
	}
}

// TestBadInputs: what a Document can get wrong is an error (paper) or a
// warning (everything else), never a panic or a broken PDF.
func TestBadInputs(t *testing.T) {
	r := testRenderer(t)
	if _, err := r.Render(&Document{Title: "x", Paper: "A5"}); err == nil || !strings.Contains(err.Error(), "A4 or letter") {
		t.Errorf("paper A5: %v, want an error that names A4 and letter", err)
	}
	svg := writeTemp(t, []byte("<svg/>"), "logo.svg")
	broken := writeTemp(t, []byte("\x89PNG\r\n\x1a\nnot really"), "broken.png")
	md := "![a](missing.png)\n\n![b](broken.png)\n\n![c](logo.svg)\n"
	d, r := page(t, md, testBib, "")
	d.Images = func(dest string) string {
		switch dest {
		case "broken.png":
			return broken
		case "logo.svg":
			return svg
		}
		return ""
	}
	d.Brand, d.URL, d.Logo = "blue", "/relative/", svg
	h, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, w := range h.Warnings {
		all += w.Message + "\n"
	}
	for _, want := range []string{`brand colour "blue"`, `address "/relative/" is not a full web address`, `"missing.png" cannot be read`, `"broken.png" is not a PNG or JPEG`, `"logo.svg" is an SVG file`} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning says %s; warnings:\n%s", want, all)
		}
	}
	if h.Pages != 1 {
		t.Errorf("%d pages, want 1", h.Pages)
	}
	if _, err := r.Render(&Document{}); err != nil {
		t.Errorf("an empty Document: %v", err)
	}
}

// TestDeterministic: the same Document makes the same bytes, so that the
// build writes a handout again only when it changed.
func TestDeterministic(t *testing.T) {
	d, r := page(t, typical, testBib, "")
	a, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Error("two renders of one Document differ")
	}
}

// TestConcurrent renders with one Renderer from several goroutines, as a
// build's workers do (run with -race).
func TestConcurrent(t *testing.T) {
	d, r := page(t, typical, testBib, "")
	want, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			h, err := r.Render(d)
			if err != nil || !bytes.Equal(h.PDF, want.PDF) {
				t.Errorf("a concurrent render differs (%v)", err)
			}
		})
	}
	wg.Wait()
}

// TestLetter: letter paper, when site.yaml asks for it.
func TestLetter(t *testing.T) {
	d, r := page(t, "Placeholder.", testBib, "")
	d.Paper = "letter"
	h, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := pdfInfo(t, h.PDF)["Page size"]; !strings.Contains(got, "612 x 792") {
		t.Errorf("page size %q, want letter (612 x 792 pts)", got)
	}
}

// TestAuthorDate: an author-date style's citations and unnumbered list.
func TestAuthorDate(t *testing.T) {
	d, r := page(t, "Placeholder claim [@smith2020].\n", testBib, "apa")
	h, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	inOrder(t, pdfText(t, h.PDF), "Placeholder claim (Smith & Łukasiewicz, 2020).", "References", "Smith, A., & Łukasiewicz, J. (2020).")
}

// TestWidths: the widths layout measures are the PDF library's, so that
// what is laid out to fit does fit when drawn.
func TestWidths(t *testing.T) {
	r := testRenderer(t)
	for f := range faces {
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes("f", fpdfStyle[f], r.fonts[f].data)
		pdf.SetFont("f", fpdfStyle[f], 11)
		for _, s := range []string{"Placeholder text", "“Siân” — Łódź, ŵ ŷ ą ę ł", "WAVY 1234567890"} {
			if got, want := r.fonts[f].width(s, 11), pdf.GetStringWidth(s); abs(got-want) > 0.001 {
				t.Errorf("%s: width of %q = %.3f, the PDF library says %.3f", fontFiles[f], s, got, want)
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// inOrder fails unless each of want occurs in text, in this order.
func inOrder(t *testing.T, text string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			if strings.Contains(text, w) {
				t.Errorf("%q is out of order in the PDF's text:\n%s", w, text)
			} else {
				t.Errorf("the PDF's text lacks %q:\n%s", w, text)
			}
			return
		}
		at += i + len(w)
	}
}

// pdfInfo returns pdfinfo's fields.
func pdfInfo(t *testing.T, pdf []byte) map[string]string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdfinfo", "poppler-utils"), writeTemp(t, pdf, "h.pdf")).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	info := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// pdfFonts returns pdffonts' table of the fonts a PDF uses.
func pdfFonts(t *testing.T, pdf []byte) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdffonts", "poppler-utils"), writeTemp(t, pdf, "h.pdf")).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	return string(out)
}

// decodeQR rasterises the PDF's last page and returns what zbarimg reads
// in its QR code.
func decodeQR(t *testing.T, pdf []byte) string {
	t.Helper()
	ppm := tool(t, "pdftoppm", "poppler-utils")
	zbar := tool(t, "zbarimg", "zbar-tools")
	dir := t.TempDir()
	f := writeTemp(t, pdf, "h.pdf")
	if out, err := exec.Command(ppm, "-r", "150", "-png", "-singlefile", f, dir+"/page").CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	out, err := exec.Command(zbar, "-q", "--raw", dir+"/page.png").Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	return strings.TrimSpace(string(out))
}
