package handout

import (
	"fmt"

	qrcode "github.com/yeqown/go-qrcode/v2"
)

// qrQuiet is the margin of light modules a QR code needs around it to be
// found by a reader.
const qrQuiet = 4

// qrModules returns the modules of the QR code of address, true for dark,
// without the quiet zone. Level M (15% of the code can be lost) survives
// a fold or a smudge and keeps the code small.
func qrModules(address string) ([][]bool, error) {
	q, err := qrcode.NewWith(address,
		qrcode.WithEncodingMode(qrcode.EncModeByte),
		qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return nil, fmt.Errorf("make the QR code of %q: %w", address, err)
	}
	var w bitmapWriter
	if err := q.Save(&w); err != nil {
		return nil, fmt.Errorf("make the QR code of %q: %w", address, err)
	}
	return w.bitmap, nil
}

// bitmapWriter is a qrcode.Writer that keeps the code's modules.
type bitmapWriter struct{ bitmap [][]bool }

var _ qrcode.Writer = (*bitmapWriter)(nil)

// Write implements qrcode.Writer.Write.
func (w *bitmapWriter) Write(m qrcode.Matrix) error {
	w.bitmap = m.Bitmap()
	return nil
}

// Close implements qrcode.Writer.Close.
func (*bitmapWriter) Close() error { return nil }

// drawQR draws the modules as black squares in a square of side size at
// (x, y), the quiet zone inside it. Each row's runs of dark modules are
// one rectangle, which keeps the PDF small and leaves no hairline gaps
// between modules when printed.
func (d *drawer) drawQR(modules [][]bool, x, y, size float64) {
	n := len(modules)
	if n == 0 {
		return
	}
	m := size / float64(n+2*qrQuiet)
	x0, y0 := x+qrQuiet*m, y+qrQuiet*m
	d.pdf.SetFillColor(0, 0, 0)
	for row, cells := range modules {
		for col := 0; col < len(cells); {
			if !cells[col] {
				col++
				continue
			}
			end := col
			for end < len(cells) && cells[end] {
				end++
			}
			d.pdf.Rect(x0+float64(col)*m, y0+float64(row)*m, float64(end-col)*m, m, "F")
			col = end
		}
	}
}
