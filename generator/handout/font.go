package handout

import (
	"fmt"
	"io/fs"

	"pamphlet/third_party/fonts"
)

// face is one of the faces of the handout's font. Italics are the
// upright faces slanted as they are drawn (see drawer.line): DejaVu Sans's
// own Oblique faces are the upright ones slanted by 11 degrees, and
// slanting as they are drawn spares each handout with italics a font to
// read and embed, a third of its cost.
type face uint8

const (
	regular face = iota
	bold
	faces
)

// fontFamily is the name the faces are registered under in each PDF.
const fontFamily = "DejaVuSans"

// fontName is the font's name, for warnings that a character is missing.
const fontName = "DejaVu Sans"

// fontFiles are the faces' files in third_party/fonts.
var fontFiles = [faces]string{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}

// fpdfStyle is the PDF library's name for each face.
var fpdfStyle = [faces]string{"", "B"}

// font is a face's file and its metrics, read once per Renderer.
type font struct {
	data []byte
	*metrics
}

// loadFonts reads and measures the faces.
func loadFonts() ([faces]font, error) {
	var set [faces]font
	for f, name := range fontFiles {
		data, err := fs.ReadFile(fonts.FS, name)
		if err != nil {
			return set, fmt.Errorf("handout font %s: %w", name, err)
		}
		m, err := parseMetrics(data)
		if err != nil {
			return set, fmt.Errorf("handout font %s: %w", name, err)
		}
		set[f] = font{data: data, metrics: m}
	}
	return set, nil
}
