package handout

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/jpeg" // to read JPEG images
	"image/png"
	"os"
	"path"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
)

// pixel is the size of an image's pixel on paper: 96 pixels an inch, as
// browsers show images, so that an image is printed the size it is seen.
const pixel = 72.0 / 96

// image lays out an image as a block of its own: as wide as it is on
// screen, narrowed to the text width and to half the page's height.
func (l *layout) image(img *ast.Image, indent float64) {
	dest := string(img.Destination)
	at := img.Pos()
	if at < 0 {
		at = -1
	}
	file := dest
	if l.doc.Images != nil {
		if f := l.doc.Images(dest); f != "" {
			file = f
		}
	}
	data, kind, w, h, ok := l.readImage(file, dest, at)
	if !ok {
		return
	}
	maxW, maxH := l.width()-indent, (l.paper.h-marginTop-marginBottom)/2
	w, h = w*pixel, h*pixel
	if w > maxW {
		w, h = maxW, h*maxW/w
	}
	if h > maxH {
		w, h = w*maxH/h, maxH
	}
	name := "img" + strconv.Itoa(len(l.items))
	id := l.block()
	l.add(item{h: h, before: paragraphGap, block: id, kind: "image", label: dest, draw: func(d *drawer, y float64) {
		opts := fpdf.ImageOptions{ImageType: kind}
		d.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(data))
		d.pdf.ImageOptions(name, marginSide+indent, y, w, h, false, opts, 0, "")
	}})
}

// readImage reads an image file, returning its bytes, its type for the
// PDF library and its size in pixels; a file that cannot be shown is a
// warning, and ok is false.
func (l *layout) readImage(file, dest string, at int) (data []byte, kind string, w, h float64, ok bool) {
	switch ext := strings.ToLower(path.Ext(dest)); ext {
	case ".svg":
		l.warn(at, "the image %q is an SVG file, which PDF handouts cannot show yet: it is left out of the handout. Save a PNG copy of it and use that, if it should be printed", dest)
		return nil, "", 0, 0, false
	}
	data, err := os.ReadFile(file)
	if err != nil {
		l.warn(at, "the image %q cannot be read for the PDF handout (%v): it is left out of the handout. Check that the file exists", dest, err)
		return nil, "", 0, 0, false
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		l.warn(at, "the image %q is not a PNG or JPEG file that can be read, so it is left out of the PDF handout. Save it again as PNG or JPEG", dest)
		return nil, "", 0, 0, false
	}
	switch format {
	case "png":
		kind = "PNG"
	case "jpeg":
		kind = "JPG"
	default:
		return nil, "", 0, 0, false
	}
	if !fits(data, kind) {
		// The PDF library reads 8-bit, non-interlaced PNGs and baseline
		// JPEGs; anything else is decoded and written again as a plain
		// PNG.
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			l.warn(at, "the image %q cannot be read (%v), so it is left out of the PDF handout. Save it again as PNG or JPEG", dest, err)
			return nil, "", 0, 0, false
		}
		plain := image.NewNRGBA(img.Bounds())
		draw.Draw(plain, plain.Bounds(), img, img.Bounds().Min, draw.Src)
		var b bytes.Buffer
		if err := png.Encode(&b, plain); err != nil || !fits(b.Bytes(), "PNG") {
			l.warn(at, "the image %q cannot be put in a PDF, so it is left out of the handout. Save it again as PNG or JPEG", dest)
			return nil, "", 0, 0, false
		}
		data, kind = b.Bytes(), "PNG"
	}
	return data, kind, float64(cfg.Width), float64(cfg.Height), true
}

// fits reports whether the PDF library can read an image as it is.
func fits(data []byte, kind string) bool {
	probe := fpdf.New("P", "pt", "A4", "")
	probe.RegisterImageOptionsReader("probe", fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
	return !probe.Err()
}

// imageOptions returns the PDF library's options for an image of kind.
func imageOptions(kind string) fpdf.ImageOptions { return fpdf.ImageOptions{ImageType: kind} }

// bytesReader returns a reader of data.
func bytesReader(data []byte) *bytes.Reader { return bytes.NewReader(data) }
