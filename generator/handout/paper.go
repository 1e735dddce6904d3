package handout

import (
	"fmt"
	"strconv"
	"strings"
)

// paper is a sheet's size in points.
type paper struct {
	name string
	w, h float64
}

// paperSize returns the paper a Document asks for.
func paperSize(name string) (paper, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "a4":
		return paper{"A4", 595.28, 841.89}, nil
	case "letter":
		return paper{"Letter", 612, 792}, nil
	}
	return paper{}, fmt.Errorf("the handouts' paper size %q is not one Pamphlet knows: write A4 or letter", name)
}

// parseColour reads a brand colour written #rrggbb or #rgb.
func parseColour(s string) (rgb, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return rgb{}, fmt.Errorf("the brand colour %q is not written as #rrggbb", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return rgb{}, fmt.Errorf("the brand colour %q is not written as #rrggbb", s)
	}
	return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}, nil
}
