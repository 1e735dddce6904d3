package generator

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
)

// audienceTypes maps front matter's audience to schema.org's
// MedicalAudienceType.
var audienceTypes = map[string]string{"patients": "Patient", "carers": "Caregiver", "professionals": "Clinician"}

// jsonLD returns the page's schema.org MedicalWebPage as JSON for a
// <script type="application/ld+json"> element. json.Marshal escapes <, >,
// & and U+2028/U+2029, so no value can close the script element, open a
// comment or break the JSON, whatever an author wrote.
func (s *Site) jsonLD(p *Page, v *pageView) template.JS {
	c := s.Config
	f := &p.Front
	doc := map[string]any{
		"@context":   "https://schema.org",
		"@type":      "MedicalWebPage", // a policy page is a plain WebPage, below
		"name":       f.Title,
		"inLanguage": c.Language,
	}
	set := func(k string, v any) {
		switch x := v.(type) {
		case string:
			if x == "" {
				return
			}
		case []any:
			if len(x) == 0 {
				return
			}
		case nil:
			return
		}
		doc[k] = v
	}
	if s.Policy[p] {
		doc["@type"] = "WebPage"
	}
	set("description", f.Description)
	set("url", v.Permalink)
	set("author", people(f.Authors))
	set("reviewedBy", people(f.ReviewedBy))
	if f.LastReviewed != nil {
		set("lastReviewed", f.LastReviewed.ISO())
	}
	if f.Published != nil {
		set("datePublished", f.Published.ISO())
	}
	if d := f.LastModified(); d != nil && (f.Updated != nil || f.LastReviewed != nil) {
		set("dateModified", d.ISO())
	}
	var audience []any
	for _, a := range f.Audience {
		audience = append(audience, map[string]any{"@type": "MedicalAudience", "audienceType": audienceTypes[a]})
	}
	set("medicalAudience", audience)
	if f.About != "" {
		t := "MedicalCondition"
		if l := strings.ToLower(f.About); strings.Contains(l, "therap") || strings.Contains(l, "treatment") {
			t = "PsychologicalTreatment"
		}
		set("about", map[string]any{"@type": t, "name": f.About})
		set("specialty", "https://schema.org/Psychiatric")
	}
	if p.Cited != nil {
		var cites []any
		for _, l := range p.Cited.List {
			w := map[string]any{"@type": "CreativeWork", "name": l.Entry.Title}
			if l.Entry.DOI != "" {
				w["url"] = "https://doi.org/" + l.Entry.DOI
			} else if l.Entry.URL != "" {
				w["url"] = l.Entry.URL
			}
			cites = append(cites, w)
		}
		set("citation", cites)
	}
	if o := c.Organisation; o.Name != "" {
		pub := map[string]any{"@type": "Organization", "name": o.Name}
		for k, val := range map[string]string{"url": o.URL, "email": o.Email, "telephone": o.Phone, "address": o.Address} {
			if val != "" {
				pub[k] = val
			}
		}
		set("publisher", pub)
	}
	if ed := s.Page(c.EditorialPg); c.EditorialPg != "" && ed != nil {
		set("publishingPrinciples", c.AbsURL(escapedPath(ed.URL)))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(doc); err != nil {
		return ""
	}
	return template.JS(bytes.TrimSpace(b.Bytes()))
}

// people returns schema.org Persons, each credential as an
// EducationalOccupationalCredential.
func people(ps []Person) []any {
	var out []any
	for _, p := range ps {
		m := map[string]any{"@type": "Person", "name": p.Name}
		if p.Credentials != "" {
			m["hasCredential"] = map[string]any{"@type": "EducationalOccupationalCredential", "name": p.Credentials}
		}
		if p.Role != "" {
			m["jobTitle"] = p.Role
		}
		if l := strings.ToLower(p.URL); strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
			m["url"] = p.URL
		}
		out = append(out, m)
	}
	return out
}
