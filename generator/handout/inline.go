package handout

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inliner turns a block's inline nodes into runs.
type inliner struct {
	l    *layout
	runs []run
	// image is called for an image met among the inlines: the block's
	// runs so far are laid out first, then the image, then the rest.
	image func(img *ast.Image)
}

// inlines appends the runs of n's children, set in st and linked to link.
func (in *inliner) inlines(n ast.Node, st style, link string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.inline(c, st, link)
	}
}

func (in *inliner) inline(n ast.Node, st style, link string) {
	src := in.l.doc.Source
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		if !n.IsRaw() {
			v = unescape(v)
		}
		in.add(run{text: string(v), style: st, link: link, at: n.Segment.Start})
		switch {
		case n.HardLineBreak():
			in.add(run{text: "\n", at: -1})
		case n.SoftLineBreak():
			in.add(run{text: " ", style: st, link: link, at: -1})
		}
	case *ast.String:
		v := n.Value
		if n.IsCode() { // the typographer's curly quotes and dashes, as HTML entities
			v = unescape(v)
		}
		in.add(run{text: string(v), style: st, link: link, at: -1})
	case *ast.Emphasis:
		if n.Level >= 2 {
			st |= styleBold
		} else {
			st |= styleItalic
		}
		in.inlines(n, st, link)
	case *ast.CodeSpan:
		in.inlines(n, st, link)
	case *ast.Link:
		dest := in.l.absolute(string(n.Destination))
		before := len(in.runs)
		in.inlines(n, st, dest)
		in.address(dest, before, st)
	case *ast.AutoLink:
		dest := in.l.absolute(string(n.URL(src)))
		in.add(run{text: string(n.Label(src)), style: st, link: dest, at: n.Pos()})
	case *ast.Image:
		if in.image != nil {
			in.image(n)
		}
	case *ast.RawHTML:
		// Inline HTML is the web page's business; a line break is the one
		// tag that matters on paper.
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			if bytes.HasPrefix(bytes.ToLower(seg.Value(src)), []byte("<br")) {
				in.add(run{text: "\n", at: -1})
			}
		}
	case *east.TaskCheckBox:
		box := "☐ "
		if n.IsChecked {
			box = "☑ "
		}
		in.add(run{text: box, style: st, at: -1})
	case *east.Strikethrough:
		in.inlines(n, st, link)
	default:
		// A node of an extension (a citation): the site's own HTML
		// renderer shows it as the web page does, and its HTML becomes
		// runs.
		in.rendered(n, st, link)
	}
}

// add appends r, dropping empty runs.
func (in *inliner) add(r run) {
	if r.text != "" {
		in.runs = append(in.runs, r)
	}
}

// address follows the text of a link (the runs from before) with its
// address in brackets, since paper cannot be clicked: unless the link is
// to a place on the same page, or its text is its address already.
func (in *inliner) address(dest string, before int, st style) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, in.l.doc.URL+"#") {
		return
	}
	var text strings.Builder
	for _, r := range in.runs[before:] {
		text.WriteString(r.text)
	}
	shown := printable(dest)
	if t := strings.TrimSpace(text.String()); t == shown || t == dest || shown == "" {
		return
	}
	in.add(run{text: " (" + shown + ")", style: st &^ styleBold, link: dest, at: -1})
}

// printable returns an address as it is printed for a person to type: a
// telephone or e-mail link as its number or address, and a web address
// without "https://".
func printable(dest string) string {
	for _, p := range []string{"tel:", "mailto:", "sms:", "https://", "http://"} {
		if s, ok := strings.CutPrefix(dest, p); ok {
			if u, err := url.PathUnescape(s); err == nil {
				s = u
			}
			return s
		}
	}
	return dest
}

// rendered appends the runs of a node rendered to HTML by the site's
// renderer.
func (in *inliner) rendered(n ast.Node, st style, link string) {
	var b bytes.Buffer
	if err := in.l.r.html.Render(&b, in.l.doc.Source, n); err != nil {
		return
	}
	at := -1
	if p := n.Pos(); p >= 0 {
		at = p
	}
	for _, r := range markupRuns(b.String(), st, at) {
		if r.link == "" {
			r.link = link
		}
		if strings.HasPrefix(r.link, "#") {
			r.link = "" // a citation's link to its reference: nothing to follow on paper
		}
		in.add(r)
	}
}

// unescape resolves backslash escapes and character references, as the
// HTML renderer does when it writes text.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}
