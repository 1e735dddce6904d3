package page

import (
	"bytes"
	"cmp"
	"encoding/json"
	"strings"

	"pamphlet/generator/site"
)

// audienceTypes maps front matter's audience to schema.org's
// MedicalAudienceType.
var audienceTypes = map[string]string{"patients": "Patient", "carers": "Caregiver", "professionals": "Clinician"}

// The schema.org vocabulary Pamphlet writes. Fields are in the order of
// their JSON names, as encoding/json would sort a map's keys, and empty
// ones are left out.
type (
	ldPage struct {
		Context              string       `json:"@context"`
		Type                 string       `json:"@type"`
		About                *ldThing     `json:"about,omitempty"`
		Author               []ldPerson   `json:"author,omitempty"`
		Citation             []ldWork     `json:"citation,omitempty"`
		DateModified         string       `json:"dateModified,omitempty"`
		DatePublished        string       `json:"datePublished,omitempty"`
		Description          string       `json:"description,omitempty"`
		InLanguage           string       `json:"inLanguage"`
		LastReviewed         string       `json:"lastReviewed,omitempty"`
		MedicalAudience      []ldAudience `json:"medicalAudience,omitempty"`
		Name                 string       `json:"name"`
		Publisher            *ldOrg       `json:"publisher,omitempty"`
		PublishingPrinciples string       `json:"publishingPrinciples,omitempty"`
		ReviewedBy           []ldPerson   `json:"reviewedBy,omitempty"`
		Specialty            string       `json:"specialty,omitempty"`
		TranslationOfWork    *ldRef       `json:"translationOfWork,omitempty"`
		URL                  string       `json:"url,omitempty"`
	}
	ldRef struct {
		ID string `json:"@id"`
	}
	ldThing struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ldPerson struct {
		Type          string   `json:"@type"`
		HasCredential *ldThing `json:"hasCredential,omitempty"`
		JobTitle      string   `json:"jobTitle,omitempty"`
		Name          string   `json:"name"`
		URL           string   `json:"url,omitempty"`
	}
	ldWork struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	ldAudience struct {
		Type         string `json:"@type"`
		AudienceType string `json:"audienceType"`
	}
	ldOrg struct {
		Type      string `json:"@type"`
		Address   string `json:"address,omitempty"`
		Email     string `json:"email,omitempty"`
		Name      string `json:"name"`
		Telephone string `json:"telephone,omitempty"`
		URL       string `json:"url,omitempty"`
	}
)

// JSONLD returns the page's schema.org MedicalWebPage as JSON for a
// <script type="application/ld+json"> element. json.Marshal escapes <, >,
// & and U+2028/U+2029, so no value can close the script element, open a
// comment or break the JSON, whatever an author wrote.
//
// It needs only the page and site.yaml, so the parser makes it for each
// page it parses (Page.jsonld), while what it shows is still in the
// processor's caches; the renderers make it for the pages Pamphlet makes
// itself. At 100,000 pages, making it while rendering, from memory
// untouched since parsing, took 0.95 s of CPU.
func JSONLD(c *site.Config, p *Page) []byte {
	var b bytes.Buffer
	writeJSONLD(&b, c, p)
	return bytes.TrimSpace(b.Bytes())
}

// writeJSONLD writes JSONLD's result, and a newline, to b: a parser
// writes every page's into one buffer of its own.
func writeJSONLD(b *bytes.Buffer, c *site.Config, p *Page) {
	f := &p.Front
	doc := ldPage{
		Context:     "https://schema.org",
		Type:        "MedicalWebPage",
		Name:        f.Title,
		InLanguage:  cmp.Or(p.Lang, c.Language),
		Description: f.Description,
		URL:         c.AbsURL(p.URL),
		Author:      people(f.Authors),
		ReviewedBy:  people(f.ReviewedBy),
	}
	if c.PolicyPage(p.Rel) {
		doc.Type = "WebPage"
	}
	if p.Source != "" {
		u := c.AbsURL(c.URLOf(p.Source))
		if u == "" {
			u = site.Href(c.BasePath(), c.URLOf(p.Source))
		}
		doc.TranslationOfWork = &ldRef{u}
	}
	if f.LastReviewed != nil {
		doc.LastReviewed = f.LastReviewed.ISO()
	}
	if f.Published != nil {
		doc.DatePublished = f.Published.ISO()
	}
	if d := f.LastModified(); d != nil && (f.Updated != nil || f.LastReviewed != nil) {
		doc.DateModified = d.ISO()
	}
	for _, a := range f.Audience {
		doc.MedicalAudience = append(doc.MedicalAudience, ldAudience{"MedicalAudience", audienceTypes[a]})
	}
	if f.About != "" {
		t := "MedicalCondition"
		if l := strings.ToLower(f.About); strings.Contains(l, "therap") || strings.Contains(l, "treatment") {
			t = "PsychologicalTreatment"
		}
		doc.About = &ldThing{t, f.About}
		doc.Specialty = "https://schema.org/Psychiatric"
	}
	if p.Cited != nil {
		for _, l := range p.Cited.List {
			w := ldWork{Type: "CreativeWork", Name: l.Entry.Title}
			if l.Entry.DOI != "" {
				w.URL = "https://doi.org/" + l.Entry.DOI
			} else if l.Entry.URL != "" {
				w.URL = l.Entry.URL
			}
			doc.Citation = append(doc.Citation, w)
		}
	}
	if o := c.Organisation; o.Name != "" {
		doc.Publisher = &ldOrg{Type: "Organization", Name: o.Name, URL: o.URL, Email: o.Email, Telephone: o.Phone, Address: o.Address}
	}
	doc.PublishingPrinciples = c.EditorialURL()
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(&doc) // cannot fail: strings, numbers and structs of them
}

// people returns schema.org Persons, each credential as an
// EducationalOccupationalCredential.
func people(ps []site.Person) []ldPerson {
	var out []ldPerson
	for _, p := range ps {
		m := ldPerson{Type: "Person", Name: p.Name, JobTitle: p.Role}
		if p.Credentials != "" {
			m.HasCredential = &ldThing{"EducationalOccupationalCredential", p.Credentials}
		}
		if l := strings.ToLower(p.URL); strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
			m.URL = p.URL
		}
		out = append(out, m)
	}
	return out
}
