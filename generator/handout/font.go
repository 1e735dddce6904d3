package handout

import (
	"fmt"
	"io/fs"

	"pamphlet/third_party/fonts"
)

// face is one of the four faces of the handout's font.
type face uint8

const (
	regular face = iota
	bold
	italic
	boldItalic
	faces
)

// fontFamily is the name the faces are registered under in each PDF.
const fontFamily = "DejaVuSans"

// fontName is the font's name, for warnings that a character is missing.
const fontName = "DejaVu Sans"

// fontFiles are the faces' files in third_party/fonts.
var fontFiles = [faces]string{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"}

// fpdfStyle is the PDF library's name for each face.
var fpdfStyle = [faces]string{"", "B", "I", "BI"}

// font is a face's file and its metrics, read once per Renderer.
type font struct {
	data []byte
	*metrics
}

// loadFonts reads and measures the four faces.
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
