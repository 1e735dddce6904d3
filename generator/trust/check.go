package trust

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"pamphlet/generator/diag"
)

// Person is an author or reviewer as the front matter names them.
type Person struct {
	Name        string `json:"name"`
	Credentials string `json:"credentials,omitempty"`
	Role        string `json:"role,omitempty"`
	URL         string `json:"url,omitempty"`
}

// SiteFacts are the site-wide settings the principles ask for. Page fields
// are "" when site.yaml does not name the page (or names a missing one).
type SiteFacts struct {
	Organisation  string
	ContactPage   string // URL
	ContactEmail  string
	ContactPhone  string
	EditorialPage string // URL
	PrivacyPage   string // URL
	Disclaimer    string
	Funding       string
	Advertising   string
	CrisisPage    string // content-relative source path
	// ConfigFile names the settings file in diagnostics ("site.yaml");
	// ConfigPlaceholders are the placeholders outside its comments (see
	// FindPlaceholders).
	ConfigFile         string
	ConfigPlaceholders []Placeholder
	// Helplines are the crisis block's lines, and CrisisAt the line of the
	// settings file where the block begins.
	Helplines []Helpline
	CrisisAt  int
	// ReviewInterval is added to last_reviewed when a page has no
	// next_review; ReadabilityTarget is the US grade pages should not pass.
	ReviewInterval    Interval
	ReadabilityTarget float64
	// MissingWords are, for each language, the theme's words the site
	// does not have in it (see package i18n).
	MissingWords []MissingWords
}

// PageFacts is what the checks need to know about one page. The generator
// fills it in while parsing, so checking needs no second pass over the text.
type PageFacts struct {
	Path  string // site-relative source path, for diagnostics
	URL   string // site-relative URL path
	Title string
	// Medical is false for the site's own policy pages (contact, privacy,
	// editorial policy, disclaimer, the references page): the principles
	// about a page's medical content do not apply to them.
	Medical bool

	Authors      []Person
	Reviewers    []Person
	Published    *time.Time
	Updated      *time.Time
	LastReviewed *time.Time
	NextReview   *time.Time
	Safety       string
	KeyLines     map[string]int // front-matter key -> line, for diagnostics

	Citations int    // citations on the page
	Claim     string // the first sentence that describes what a treatment does, or ""
	ClaimLine int
	Suicide   string // the first sentence that mentions suicide or self-harm, or ""
	SuicideLn int
	// LinksToCrisis is true when the page links to the crisis page.
	LinksToCrisis bool
	// Placeholders are the placeholders in the page's file, front matter
	// included (see FindPlaceholders).
	Placeholders []Placeholder

	Readability Readability
	// Translation is set on a page that translates another.
	Translation *Translation
}

// Principle names, in HONcode's order.
const (
	Authority           = "Authority"
	Complementarity     = "Complementarity"
	Privacy             = "Privacy"
	Attribution         = "Attribution"
	Justifiability      = "Justifiability"
	Transparency        = "Transparency"
	FinancialDisclosure = "Financial disclosure"
	AdvertisingPolicy   = "Advertising policy"
)

// Principles lists the eight HONcode principles in order.
var Principles = []string{Authority, Complementarity, Privacy, Attribution, Justifiability, Transparency, FinancialDisclosure, AdvertisingPolicy}

// PrincipleStatus says whether a page meets one principle, and why not.
type PrincipleStatus struct {
	Name    string   `json:"name"`
	Met     bool     `json:"met"`
	Reasons []string `json:"reasons,omitempty"`
}

// Review states of a page.
const (
	ReviewCurrent  = "current"
	ReviewDueSoon  = "due"     // next review within 90 days
	ReviewOverdue  = "overdue" // next review date has passed
	ReviewNever    = "never"   // no last_reviewed date
	ReviewNotKnown = "not-applicable"
)

// DueSoonDays is how far ahead a review counts as due soon.
const DueSoonDays = 90

// ReviewStatus is where a page stands in its review cycle.
type ReviewStatus struct {
	State        string `json:"state"`
	LastReviewed string `json:"last_reviewed,omitempty"` // YYYY-MM-DD
	NextReview   string `json:"next_review,omitempty"`   // YYYY-MM-DD, given or worked out
	DaysLeft     *int   `json:"days_left,omitempty"`     // negative when overdue
}

// ReadabilityReport is a page's readability against the site's target,
// by the formula for the page's language.
//
// Its JSON form for an English page is what it has always been. The
// English grades (EnglishGrades) are left out for other languages, whose
// pages have the fields from Lang to GradeApprox instead; and a page in a
// language Pamphlet has no formula for has NotMeasured and no verdict.
type ReadabilityReport struct {
	Words     int `json:"words"`
	Sentences int `json:"sentences"`

	// EnglishGrades are the grades of an English page; nil for others.
	*EnglishGrades

	// Lang is the page's language tag, Formula the formula it was measured
	// by, Score its figure (a reading ease, about 0 to 100, higher is
	// easier) and Band the score's band on the formula's own scale, for
	// pages not in English. FernandezHuerta is a Spanish page's reading
	// ease by Fernández Huerta's formula, beside the Szigriszt-Pazos
	// score. GradeApprox says that Grade was read off Flesch's table of
	// reading ease and school grade: an approximation.
	Lang            string   `json:"lang,omitempty"`
	Formula         string   `json:"formula,omitempty"`
	Score           *float64 `json:"score,omitempty"`
	Band            string   `json:"band,omitempty"`
	FernandezHuerta *float64 `json:"fernandez_huerta,omitempty"`
	GradeApprox     bool     `json:"grade_approximate,omitempty"`

	// NotMeasured says why a page was not measured: Pamphlet has no
	// formula for its language. Such a page has no Verdict.
	NotMeasured string `json:"not_measured,omitempty"`

	Target float64 `json:"target_grade"`

	// Verdict is the page's grade against the target; nil when the page
	// was not measured.
	*Verdict

	// Hardest are the sentences to rewrite first, hardest first.
	Hardest []HardSentence `json:"hardest,omitempty"`
}

// EnglishGrades are the grades of an English page.
type EnglishGrades struct {
	FleschKincaidGrade float64 `json:"flesch_kincaid_grade"`
	SMOGGrade          float64 `json:"smog_grade"`
	SMOGStable         bool    `json:"smog_stable"` // 30 sentences or more
	// SMOGEstimate is true when the page has fewer than the 30 sentences
	// SMOG is defined on: its grade is then an estimate, scaled up from
	// the sentences there are.
	SMOGEstimate      bool    `json:"smog_estimate"`
	FleschReadingEase float64 `json:"flesch_reading_ease"`
}

// Verdict is a page's grade against the site's target.
type Verdict struct {
	// Grade is what Met compares with the target. For English it is the
	// higher of the two grades: a page meets the target only when both
	// grades are at or under it. For other languages it is the grade
	// Flesch's table gives the formula's score, an approximation.
	Grade float64 `json:"grade"`
	Met   bool    `json:"met"`
}

// HardSentence is a sentence and its own grade: for English its
// Flesch-Kincaid grade; for other languages the approximate grade of its
// own Score by the formula for the language.
type HardSentence struct {
	Text  string   `json:"text"`
	Grade float64  `json:"grade"`
	Score *float64 `json:"score,omitempty"`
}

// PageReport is the check of one page.
type PageReport struct {
	File        string             `json:"file"`
	URL         string             `json:"url"`
	Title       string             `json:"title"`
	Medical     bool               `json:"medical"`
	Principles  []PrincipleStatus  `json:"principles"`
	Readability *ReadabilityReport `json:"readability,omitempty"`
	Review      ReviewStatus       `json:"review"`
	// Translation, on a translation, says whether its source changed
	// after it was made.
	Translation *TranslationReport `json:"translation,omitempty"`
	Diagnostics diag.List          `json:"diagnostics"`
}

// Summary counts what a report found.
type Summary struct {
	Pages    int `json:"pages"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Overdue  int `json:"overdue"`
	DueSoon  int `json:"due_soon"`
	// OutdatedTranslations counts the translations whose source changed
	// after they were made.
	OutdatedTranslations int `json:"outdated_translations"`
	// Missing counts, per principle, the pages that do not meet it.
	Missing map[string]int `json:"missing"`
}

// Report is the result of checking a site. Its JSON form is documented in
// the README and stable: fields may be added, never renamed or removed.
type Report struct {
	Version int          `json:"version"` // 1
	Today   string       `json:"today"`
	Summary Summary      `json:"summary"`
	Site    diag.List    `json:"site"` // problems not tied to one page
	Pages   []PageReport `json:"pages"`
}

// Errors returns the report's errors, the site's first, then each page's.
func (r *Report) Errors() diag.List {
	var l diag.List
	for _, d := range r.Site {
		if d.Severity == diag.Error {
			l = append(l, d)
		}
	}
	for i := range r.Pages {
		for _, d := range r.Pages[i].Diagnostics {
			if d.Severity == diag.Error {
				l = append(l, d)
			}
		}
	}
	return l
}

// Check checks each page against the eight principles, its readability and
// its review dates. today decides which reviews are due; site-level
// diagnostics (from the build) go in siteDiags, page-level ones are matched
// to their pages by file.
func Check(site SiteFacts, pages []PageFacts, build diag.List, today time.Time) *Report {
	r := &Report{Version: 1, Today: today.Format(time.DateOnly), Summary: Summary{Missing: map[string]int{}}}
	// Sized at once: grown page by page, a 100,000-page report was copied
	// over and over, which cost as much as checking the pages.
	r.Pages = make([]PageReport, 0, len(pages))
	byFile := make(map[string]int, len(pages))
	for _, p := range pages {
		pr := checkPage(site, p, today)
		byFile[p.Path] = len(r.Pages)
		r.Pages = append(r.Pages, pr)
	}
	r.Site = siteChecks(site)
	r.Site.Add(missingWords(site)...)
	for _, d := range build {
		if i, ok := byFile[d.File]; ok {
			r.Pages[i].Diagnostics.Add(d)
		} else {
			r.Site.Add(d)
		}
	}
	for i := range r.Pages {
		p := &r.Pages[i]
		p.Diagnostics = p.Diagnostics.Compact()
		e, w := p.Diagnostics.Count()
		r.Summary.Errors += e
		r.Summary.Warnings += w
		for _, s := range p.Principles {
			if !s.Met {
				r.Summary.Missing[s.Name]++
			}
		}
		switch p.Review.State {
		case ReviewOverdue:
			r.Summary.Overdue++
		case ReviewDueSoon:
			r.Summary.DueSoon++
		}
		if p.Translation != nil && p.Translation.State == TranslationOutdated {
			r.Summary.OutdatedTranslations++
		}
	}
	r.Site = r.Site.Compact()
	e, w := r.Site.Count()
	r.Summary.Errors += e
	r.Summary.Warnings += w
	r.Summary.Pages = len(r.Pages)
	sort.SliceStable(r.Pages, func(i, j int) bool { return r.Pages[i].File < r.Pages[j].File })
	return r
}

// checkPage runs the checks of one page.
func checkPage(site SiteFacts, p PageFacts, today time.Time) PageReport {
	pr := PageReport{File: p.Path, URL: p.URL, Title: p.Title, Medical: p.Medical}
	var tdiags []diag.Diagnostic
	pr.Translation, tdiags = checkTranslation(&p)
	pr.Diagnostics.Add(tdiags...)
	line := func(key string) int {
		if l, ok := p.KeyLines[key]; ok {
			return l
		}
		return 1
	}
	add := func(name string, reasons ...reason) {
		s := PrincipleStatus{Name: name, Met: len(reasons) == 0}
		for _, r := range reasons {
			s.Reasons = append(s.Reasons, r.text)
			pr.Diagnostics.Warnf(p.Path, r.line, r.col, "%s: %s; %s", name, r.text, r.fix)
		}
		pr.Principles = append(pr.Principles, s)
	}

	// 1. Authority: who wrote it and reviewed it, with their qualifications.
	var authority []reason
	if p.Medical {
		if len(p.Authors) == 0 {
			authority = append(authority, reason{text: "no author named", fix: "add authors: with each author's name and credentials", line: line("title")})
		}
		for _, a := range p.Authors {
			if a.Credentials == "" && a.Role == "" {
				authority = append(authority, reason{text: fmt.Sprintf("author %q has no credentials", a.Name), fix: "add credentials: (e.g. \"RMN, mental health nurse\"), or a role: that says the author is not a health professional", line: line("authors")})
			}
		}
		if len(p.Reviewers) == 0 {
			authority = append(authority, reason{text: "no clinical reviewer named", fix: "add reviewed_by: with the reviewer's name and credentials once a clinician has reviewed the page", line: line("title")})
		}
		for _, a := range p.Reviewers {
			if a.Credentials == "" {
				authority = append(authority, reason{text: fmt.Sprintf("reviewer %q has no credentials", a.Name), fix: "add the reviewer's credentials:", line: line("reviewed_by")})
			}
		}
	}
	add(Authority, authority...)

	// 2. Complementarity: the disclaimer, shown on every page.
	switch {
	case site.Disclaimer == "":
		add(Complementarity, reason{text: "the site has no disclaimer", fix: "add disclaimer: to site.yaml, e.g. \"This information supports, and does not replace, the care you get from your doctor.\"", line: line("title")})
	case HasPlaceholder(site.Disclaimer):
		add(Complementarity, reason{text: "the disclaimer in site.yaml is a placeholder", fix: "write the site's own disclaimer: in site.yaml", line: line("title")})
	default:
		add(Complementarity)
	}

	// 3. Privacy: a privacy policy linked from every page.
	if site.PrivacyPage == "" {
		add(Privacy, reason{text: "no privacy policy is linked", fix: "write a privacy page and name it in site.yaml as privacy_page:", line: line("title")})
	} else {
		add(Privacy)
	}

	// 4. Attribution: dated with its own creation and review dates.
	var attribution []reason
	if p.Medical {
		if p.Published == nil {
			attribution = append(attribution, reason{text: "no publication date", fix: "add published: YYYY-MM-DD (the date the page first went live)", line: line("title")})
		}
		if p.LastReviewed == nil {
			attribution = append(attribution, reason{text: "no last-reviewed date", fix: "add last_reviewed: YYYY-MM-DD after a clinician has reviewed the whole page", line: line("title")})
		}
	}
	add(Attribution, attribution...)

	// 5. Justifiability: claims about treatment backed by evidence.
	if p.Medical && p.Claim != "" && p.Citations == 0 {
		add(Justifiability, reason{text: fmt.Sprintf("page describes treatment benefits but cites nothing (%q)", shorten(p.Claim, 80)), fix: "cite the evidence with [@key] from the bibliography", line: p.ClaimLine})
	} else {
		add(Justifiability)
	}

	// 6. Transparency: a way to get in touch from every page, and a page
	// that shows its readers nothing meant for somebody else. An address
	// nobody reads is no way to get in touch (the site-wide check reports
	// it where site.yaml gives it).
	var transparency []reason
	email := site.ContactEmail
	if HasPlaceholder(email) {
		email = ""
	}
	if site.ContactPage == "" && email == "" && site.ContactPhone == "" {
		transparency = append(transparency, reason{text: "no contact page or address", fix: "name a contact_page: in site.yaml, or give organisation: email:", line: line("title")})
	}
	for _, ph := range p.Placeholders {
		transparency = append(transparency, placeholderReason(ph))
	}
	add(Transparency, transparency...)

	// 7. Financial disclosure and 8. advertising policy.
	switch {
	case site.Funding == "":
		add(FinancialDisclosure, reason{text: "the site does not say who funds it", fix: "add funding: to site.yaml", line: line("title")})
	case HasPlaceholder(site.Funding):
		add(FinancialDisclosure, reason{text: "the funding statement in site.yaml is a placeholder", fix: "say in funding: who pays for the site", line: line("title")})
	default:
		add(FinancialDisclosure)
	}
	switch {
	case site.Advertising == "":
		add(AdvertisingPolicy, reason{text: "the site states no advertising policy", fix: "add advertising: to site.yaml, e.g. \"This site carries no advertising.\"", line: line("title")})
	case HasPlaceholder(site.Advertising):
		add(AdvertisingPolicy, reason{text: "the advertising policy in site.yaml is a placeholder", fix: "state the site's policy in advertising:, e.g. \"This site carries no advertising.\"", line: line("title")})
	default:
		add(AdvertisingPolicy)
	}

	pr.Review = reviewStatus(site, p, today, &pr.Diagnostics, line)

	// Every page that has prose is measured, the site's policy pages too:
	// patients read them.
	if p.Readability.Words > 0 {
		pr.Readability = readabilityReport(p, site.ReadabilityTarget, &pr.Diagnostics)
	}

	if p.Suicide != "" && p.Safety != "crisis" && !p.LinksToCrisis {
		pr.Diagnostics.Warnf(p.Path, p.SuicideLn, 0, "Safety: this page mentions suicide or self-harm but shows no crisis support; add safety: crisis to its front matter, or link to the crisis page")
	}
	return pr
}

type reason struct {
	text, fix string
	line, col int
}

// placeholderReason says what a placeholder on a page is and what to do
// about it.
func placeholderReason(ph Placeholder) reason {
	if ph.Address {
		return reason{
			text: fmt.Sprintf("%q is at a domain kept for examples, so nobody reads mail sent there", shorten(ph.Text, 80)),
			fix:  "put your clinic's own address in its place, or take it out",
			line: ph.Line, col: ph.Col,
		}
	}
	return reason{
		text: fmt.Sprintf("starter text that readers would see, %q", shorten(ph.Text, 100)),
		fix:  "write what the note asks for in its place, or take the sentence out",
		line: ph.Line, col: ph.Col,
	}
}

// readabilityReport grades a page's prose against the target and warns
// when its grade is above it.
//
// An English page must meet the target on both its grades. SMOG is the
// measure health material is judged by, and Flesch-Kincaid tends to say
// text is easier than it is. On fewer than 30 sentences SMOG is an
// estimate, but it still counts: a short page full of long words is hard
// to read however few sentences it has.
//
// A page in another language is judged by the grade Flesch's table gives
// its formula's score; the warning gives the score and its band first, and
// the grade as the approximation it is. A page in a language Pamphlet has
// no formula for is reported as not measured, and never warned about.
func readabilityReport(p PageFacts, target float64, diags *diag.List) *ReadabilityReport {
	rd := p.Readability
	rr := &ReadabilityReport{Words: rd.Words, Sentences: rd.Sentences, Target: target}
	switch rd.Formula {
	case FormulaFleschKincaid:
		return englishReport(p, rr, diags)
	case "":
		rr.Lang, rr.NotMeasured = rd.Lang, rd.NotMeasured
		if rr.NotMeasured == "" {
			rr.NotMeasured = "Pamphlet has no formula for the page's language"
		}
		return rr
	}
	score := round1(rd.Score)
	rr.Lang, rr.Formula, rr.Score, rr.Band, rr.GradeApprox = rd.Lang, rd.Formula, &score, rd.Band, rd.GradeApprox
	if rd.Formula == FormulaSzigriszt {
		fh := round1(rd.FernandezHuerta)
		rr.FernandezHuerta = &fh
	}
	for _, h := range rd.Hardest {
		s := round1(h.Score)
		rr.Hardest = append(rr.Hardest, HardSentence{Text: h.Text, Grade: round1(h.Grade), Score: &s})
	}
	rr.Verdict = &Verdict{Grade: round1(rd.Grade)}
	rr.Met = rr.Grade <= target
	if rr.Met {
		return rr
	}
	hint := "use shorter sentences and shorter words"
	if len(rd.Hardest) > 0 {
		hint += fmt.Sprintf("; start with the hardest sentence: %q", shorten(rd.Hardest[0].Text, 90))
	}
	diags.Warnf(p.Path, 0, 0, "Readability: %s score %.1f (%s) is about grade %.1f by Flesch's table of reading ease, above the target of grade %g; %s",
		rr.Formula, score, rr.Band, rr.Grade, target, hint)
	return rr
}

// englishReport is readabilityReport for an English page.
func englishReport(p PageFacts, rr *ReadabilityReport, diags *diag.List) *ReadabilityReport {
	rd, target := p.Readability, rr.Target
	rr.EnglishGrades = &EnglishGrades{
		FleschKincaidGrade: round1(rd.FleschKincaidGrade), SMOGGrade: round1(rd.SMOGGrade),
		SMOGStable: rd.Stable(), SMOGEstimate: !rd.Stable(),
		FleschReadingEase: round1(rd.FleschReadingEase),
	}
	for _, h := range rd.Hardest {
		rr.Hardest = append(rr.Hardest, HardSentence{Text: h.Text, Grade: round1(h.Grade)})
	}
	rr.Verdict = &Verdict{Grade: max(rr.FleschKincaidGrade, rr.SMOGGrade)}
	rr.Met = rr.Grade <= target
	if rr.Met {
		return rr
	}
	smog := fmt.Sprintf("SMOG grade %.1f", rr.SMOGGrade)
	if rr.SMOGEstimate {
		smog += fmt.Sprintf(" (an estimate: the page has %d sentences, SMOG is defined on 30)", rd.Sentences)
	}
	fk := fmt.Sprintf("Flesch-Kincaid grade %.1f", rr.FleschKincaidGrade)
	var what, hint string
	switch {
	case rr.FleschKincaidGrade > target && rr.SMOGGrade > target:
		what, hint = fmt.Sprintf("%s and %s are", fk, smog), "use shorter sentences and fewer long words"
	case rr.SMOGGrade > target:
		what, hint = fmt.Sprintf("%s is", smog), "use fewer long words (of three syllables or more)"
	default:
		what, hint = fmt.Sprintf("%s is", fk), "use shorter sentences and shorter words"
	}
	if len(rd.Hardest) > 0 {
		hint += fmt.Sprintf("; start with the hardest sentence: %q", shorten(rd.Hardest[0].Text, 90))
	}
	diags.Warnf(p.Path, 0, 0, "Readability: %s above the target of grade %g; %s", what, target, hint)
	return rr
}

// reviewStatus works out the page's review state and reports dates in the
// future as errors: a page cannot have been reviewed tomorrow.
func reviewStatus(site SiteFacts, p PageFacts, today time.Time, diags *diag.List, line func(string) int) ReviewStatus {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	for _, d := range []struct {
		key string
		t   *time.Time
	}{{"published", p.Published}, {"updated", p.Updated}, {"last_reviewed", p.LastReviewed}} {
		if d.t != nil && d.t.After(today) {
			diags.Errorf(p.Path, line(d.key), 0, "%s is %s, which is in the future (today is %s): a date must say when something happened; correct it", d.key, day(*d.t), day(today))
		}
	}
	if !p.Medical {
		return ReviewStatus{State: ReviewNotKnown}
	}
	if p.LastReviewed == nil {
		return ReviewStatus{State: ReviewNever}
	}
	next := p.NextReview
	if next == nil {
		n := site.ReviewInterval.AddTo(*p.LastReviewed)
		next = &n
	}
	left := int(next.Sub(today).Hours() / 24)
	s := ReviewStatus{LastReviewed: day(*p.LastReviewed), NextReview: day(*next), DaysLeft: &left}
	switch {
	case left < 0:
		s.State = ReviewOverdue
		diags.Warnf(p.Path, line("last_reviewed"), 0, "Review: the page was due for review on %s (%d days ago); review it and update last_reviewed", day(*next), -left)
	case left <= DueSoonDays:
		s.State = ReviewDueSoon
	default:
		s.State = ReviewCurrent
	}
	return s
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// shorten cuts s to at most n characters at a word boundary.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
