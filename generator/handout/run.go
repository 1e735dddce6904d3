package handout

// style is how a run of text is set: its face and its position on the
// line.
type style uint8

const (
	styleBold style = 1 << iota
	styleItalic
	styleSup
	styleSub
)

// face returns the face a run of this style is set in.
func (s style) face() face {
	if s&styleBold != 0 {
		return bold
	}
	return regular
}

// run is a piece of text set in one style, the unit inline content is
// turned into before it is broken into lines. A run "\n" is a forced line
// break.
type run struct {
	text  string
	style style
	link  string // an absolute address the text links to, or ""
	at    int    // the byte offset in the page's source it comes from, or -1
}
