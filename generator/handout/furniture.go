package handout

import (
	"strconv"
	"strings"
)

// masthead lays out the top of the first page: the logo, the site's name
// beside it, and a rule.
func (l *layout) masthead() {
	logoW, logoH := 0.0, 0.0
	var data []byte
	var kind string
	if l.doc.Logo != "" {
		var ok bool
		var w, h float64
		data, kind, w, h, ok = l.readImage(l.doc.Logo, l.doc.Logo, -1)
		if ok {
			logoH = 30.0
			logoW = w * logoH / h
			if logoW > 150 {
				logoW, logoH = 150, h*150/w
			}
		}
	}
	if l.doc.SiteName == "" && logoH == 0 {
		return
	}
	name := l.breakLines([]run{{text: l.doc.SiteName, style: styleBold, at: -1}}, 11, l.width()-logoW-10)
	h := max(logoH, float64(len(name))*11*leading)
	l.add(item{h: h + 10, block: l.block(), kind: "masthead", label: l.doc.SiteName, draw: func(d *drawer, y float64) {
		x := float64(marginSide)
		if logoH > 0 {
			d.pdf.RegisterImageOptionsReader("logo", imageOptions(kind), bytesReader(data))
			d.pdf.ImageOptions("logo", x, y+(h-logoH)/2, logoW, logoH, false, imageOptions(kind), 0, "")
			x += logoW + 10
		}
		top := y + (h-float64(len(name))*11*leading)/2
		for i, ln := range name {
			d.line(ln, x, top+float64(i)*11*leading+baseline(11), l.brand)
		}
		d.rule(marginSide, marginSide+l.width(), y+h+6, 1.5, l.brand)
	}})
}

// title lays out the page's title and description.
func (l *layout) title() {
	if t := strings.TrimSpace(l.doc.Title); t != "" {
		lines := l.breakLines([]run{{text: t, style: styleBold, at: -1}}, titleSize, l.width())
		l.textLines("title", lines, titleSize, 0, 8, l.brand, true)
	}
	if s := strings.TrimSpace(l.doc.Description); s != "" {
		lines := l.breakLines([]run{{text: s, at: -1}}, subtitleSize, l.width())
		l.textLines("description", lines, subtitleSize, 0, 4, black, false)
	}
}

// crisisBox lays out the crisis lines in a box with a heavy border, near
// the top where it is seen first, as the web page shows them.
func (l *layout) crisisBox() {
	if len(l.doc.Crisis) == 0 {
		return
	}
	const pad = 10
	inner := l.width() - 2*pad
	heading := l.say.CrisisHeading
	type row struct {
		lines []line
		size  float64
		gap   float64
	}
	rows := []row{{lines: l.breakLines([]run{{text: heading, style: styleBold, at: -1}}, headingSize[3], inner), size: headingSize[3]}}
	region := ""
	for _, c := range l.doc.Crisis {
		if c.Region != region && c.Region != "" {
			region = c.Region
			rows = append(rows, row{lines: l.breakLines([]run{{text: region, style: styleBold, at: -1}}, bodySize, inner), size: bodySize, gap: 4})
		}
		rows = append(rows, row{lines: l.breakLines(crisisRuns(c), bodySize, inner-10), size: bodySize, gap: 2})
	}
	h := 2.0 * pad
	for _, r := range rows {
		h += r.gap + float64(len(r.lines))*r.size*leading
	}
	l.add(item{h: h, before: 10, block: l.block(), kind: "crisis", label: heading, draw: func(d *drawer, y float64) {
		d.pdf.SetDrawColor(0, 0, 0)
		d.pdf.SetLineWidth(1.5)
		d.pdf.Rect(marginSide, y, l.width(), h, "D")
		yy := y + pad
		for i, r := range rows {
			yy += r.gap
			indent := 0.0
			if i > 0 && r.gap == 2 {
				indent = 10
				d.setColour(black)
				d.setFont(regular, r.size)
				d.pdf.Text(marginSide+pad, yy+baseline(r.size), "•")
			}
			for _, ln := range r.lines {
				d.line(ln, marginSide+pad+indent, yy+baseline(r.size), black)
				yy += r.size * leading
			}
		}
	}})
}

// crisisRuns is one crisis line as the web page words it: "When: Name,
// call 111 or text 85258 (contact)".
func crisisRuns(c CrisisLine) []run {
	var rs []run
	if c.When != "" {
		rs = append(rs, run{text: c.When + ": ", at: -1})
	}
	rs = append(rs, run{text: c.Name, style: styleBold, at: -1})
	if c.Phone != "" {
		rs = append(rs, run{text: ", call ", at: -1}, run{text: c.Phone, style: styleBold, link: "tel:" + strings.ReplaceAll(c.Phone, " ", ""), at: -1})
	}
	if c.Text != "" {
		sep := ", text "
		if c.Phone != "" {
			sep = " or text "
		}
		rs = append(rs, run{text: sep, at: -1}, run{text: c.Text, style: styleBold, at: -1})
	}
	if c.Contact != "" {
		rs = append(rs, run{text: " (" + c.Contact + ")", at: -1})
	}
	return rs
}

// references lays out the reference list under its heading, each entry
// with its number (numeric styles) hanging to its left.
func (l *layout) references() {
	if len(l.doc.References) == 0 {
		return
	}
	heading := l.breakLines([]run{{text: l.say.References, style: styleBold, at: -1}}, headingSize[2], l.width())
	l.textLines("h2", heading, headingSize[2], 0, headingSize[2]*0.9, l.brand, true)
	hang := 0.0
	for _, ref := range l.doc.References {
		if ref.Number > 0 {
			hang = max(hang, l.r.fonts[regular].width(strconv.Itoa(ref.Number)+".", referenceSize)+5)
		}
	}
	for _, ref := range l.doc.References {
		lines := l.breakLines(markupRuns(ref.HTML, 0, -1), referenceSize, l.width()-hang)
		first := l.textLines("reference", lines, referenceSize, hang, 4, black, false)
		if ref.Number > 0 {
			label := strconv.Itoa(ref.Number) + "."
			it := &l.items[first]
			draw := it.draw
			it.draw = func(d *drawer, y float64) {
				d.setColour(black)
				d.setFont(regular, referenceSize)
				d.pdf.Text(marginSide, y+baseline(referenceSize), label)
				draw(d, y)
			}
		}
	}
}

// aboutBox lays out the box that ends a handout: whether and when the
// page was reviewed, who wrote and reviewed it, and the QR code of its
// address with the address printed under it.
func (l *layout) aboutBox() {
	const pad, qrSide, qrCol = 10.0, 84.0, 120.0
	var modules [][]bool
	if l.doc.URL != "" {
		var err error
		if modules, err = qrModules(l.doc.URL); err != nil {
			l.warn(-1, "the PDF handout has no QR code: %v", err)
		}
	}
	textW := l.width() - 2*pad
	if modules != nil {
		textW -= qrCol + pad
	}
	var rows [][]run
	if l.doc.Unreviewed {
		rows = append(rows, []run{{text: l.say.Unreviewed, style: styleBold, at: -1}})
	}
	if l.doc.LastReviewed != "" {
		rows = append(rows, []run{{text: l.say.LastReviewed + ": ", at: -1}, {text: l.doc.LastReviewed, style: styleBold, at: -1}})
	}
	if l.doc.NextReview != "" {
		rows = append(rows, []run{{text: l.say.NextReview + ": ", at: -1}, {text: l.doc.NextReview, style: styleBold, at: -1}})
	}
	if len(l.doc.Authors) > 0 {
		rows = append(rows, []run{{text: l.say.WrittenBy + " " + strings.Join(l.doc.Authors, ", "), at: -1}})
	}
	if len(l.doc.Reviewers) > 0 {
		rows = append(rows, []run{{text: l.say.ReviewedBy + " " + strings.Join(l.doc.Reviewers, ", "), at: -1}})
	}
	if modules != nil {
		rows = append(rows, []run{{text: l.say.Scan, at: -1}})
	}
	if len(rows) == 0 {
		return
	}
	var text [][]line
	textH := 0.0
	for i, rs := range rows {
		ls := l.breakLines(rs, smallSize+0.5, textW)
		text = append(text, ls)
		textH += float64(len(ls)) * (smallSize + 0.5) * leading
		if i > 0 {
			textH += 3
		}
	}
	var address []line
	qrH := 0.0
	if modules != nil {
		address = l.breakLines([]run{{text: printable(l.doc.URL), link: l.doc.URL, at: -1}}, 7.5, qrCol)
		qrH = qrSide + float64(len(address))*7.5*leading
	}
	h := max(textH, qrH) + 2*pad
	label := ""
	if len(text) > 0 && len(text[0]) > 0 {
		label = text[0][0].text()
	}
	l.add(item{h: h, before: 16, block: l.block(), kind: "about", label: label, draw: func(d *drawer, y float64) {
		d.pdf.SetDrawColor(l.brand.r, l.brand.g, l.brand.b)
		d.pdf.SetLineWidth(1)
		d.pdf.Rect(marginSide, y, l.width(), h, "D")
		yy := y + pad
		for i, ls := range text {
			if i > 0 {
				yy += 3
			}
			for _, ln := range ls {
				d.line(ln, marginSide+pad, yy+baseline(smallSize+0.5), black)
				yy += (smallSize + 0.5) * leading
			}
		}
		if modules != nil {
			x := marginSide + l.width() - pad - qrCol
			d.drawQR(modules, x+(qrCol-qrSide)/2, y+pad, qrSide)
			ay := y + pad + qrSide
			for _, ln := range address {
				d.line(ln, x+(qrCol-ln.w)/2, ay+baseline(7.5), black)
				ay += 7.5 * leading
			}
		}
	}})
}

// footer draws a page's footer: the site's name and "Page 1 of 2".
func (l *layout) footer(d *drawer, page, pages int) {
	y := l.paper.h - footerLine
	d.rule(marginSide, marginSide+l.width(), y-12, 0.5, l.brand)
	d.setColour(black)
	if l.doc.SiteName != "" {
		name := l.breakLines([]run{{text: l.doc.SiteName, at: -1}}, footerSize, l.width()*0.6)
		d.line(name[0], marginSide, y, black)
	}
	of := strings.NewReplacer("{n}", strconv.Itoa(page), "{total}", strconv.Itoa(pages)).Replace(l.say.PageOf)
	d.setFont(regular, footerSize)
	d.pdf.Text(marginSide+l.width()-l.r.fonts[regular].width(of, footerSize), y, of)
}
