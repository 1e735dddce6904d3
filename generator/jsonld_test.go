package generator

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestJSONLDFull checks the whole JSON-LD of a page that sets every field
// Pamphlet writes, byte for byte: the keys in order, empty ones left out.
func TestJSONLDFull(t *testing.T) {
	s := newTestSite(t, `
-- site.yaml --
title: T
base_url: https://clinic.example/
language: en-GB
editorial_policy_page: policy.md
organisation:
  name: Example Clinic
  url: https://clinic.example/
  email: info@clinic.example
  phone: 0100 000 000
  address: 1 High Street, Town
-- content/references.bib --
@article{a1, author = {Bateman, Anthony}, title = {A study}, journal = {J}, year = {1999}, doi = {10.1/x}}
@misc{w1, author = {NICE}, title = {A guideline}, year = {2009}, url = {https://www.nice.org.uk/}}
-- content/policy.md --
---
title: Policy
---
Our policy.
-- content/mbt.md --
---
title: MBT
description: What it is
about: Mentalization-based therapy
audience: [patients, carers, professionals]
authors:
  - name: A. Writer
    credentials: RMN
    role: Nurse
    url: https://clinic.example/staff/a
  - name: B. Writer
    url: mailto:b@clinic.example
reviewed_by:
  - name: C. Reviewer
published: 2025-01-02
updated: 2025-02-03
last_reviewed: 2025-03-04
next_review: 2027-03-04
---
MBT was studied [@a1; @w1].
`)
	s.mustBuild()
	page := s.read("mbt/index.html")
	start := strings.Index(page, `<script type="application/ld+json">`) + len(`<script type="application/ld+json">`)
	got := page[start : start+strings.Index(page[start:], "</script>")]
	want := `{"@context":"https://schema.org","@type":"MedicalWebPage",` +
		`"about":{"@type":"PsychologicalTreatment","name":"Mentalization-based therapy"},` +
		`"author":[{"@type":"Person","hasCredential":{"@type":"EducationalOccupationalCredential","name":"RMN"},"jobTitle":"Nurse","name":"A. Writer","url":"https://clinic.example/staff/a"},{"@type":"Person","name":"B. Writer"}],` +
		`"citation":[{"@type":"CreativeWork","name":"A study","url":"https://doi.org/10.1/x"},{"@type":"CreativeWork","name":"A guideline","url":"https://www.nice.org.uk/"}],` +
		`"dateModified":"2025-03-04","datePublished":"2025-01-02","description":"What it is","inLanguage":"en-GB","lastReviewed":"2025-03-04",` +
		`"medicalAudience":[{"@type":"MedicalAudience","audienceType":"Patient"},{"@type":"MedicalAudience","audienceType":"Caregiver"},{"@type":"MedicalAudience","audienceType":"Clinician"}],` +
		`"name":"MBT",` +
		`"publisher":{"@type":"Organization","address":"1 High Street, Town","email":"info@clinic.example","name":"Example Clinic","telephone":"0100 000 000","url":"https://clinic.example/"},` +
		`"publishingPrinciples":"https://clinic.example/policy/",` +
		`"reviewedBy":[{"@type":"Person","name":"C. Reviewer"}],` +
		`"specialty":"https://schema.org/Psychiatric","url":"https://clinic.example/mbt/"}`
	if got != want {
		t.Errorf("JSON-LD:\n got %s\nwant %s", got, want)
	}
}

// TestJSONLDPolicyPages checks which pages are marked as the site's own
// policy pages (WebPage, not MedicalWebPage), whether the parser made
// their JSON-LD or the renderer did (for the pages Pamphlet makes): the
// pages site.yaml names, however it writes their paths, and the site-wide
// references page.
func TestJSONLDPolicyPages(t *testing.T) {
	s := newTestSite(t, `
-- site.yaml --
title: T
base_url: https://clinic.example/info/
contact_page: /about/contact.md
editorial_policy_page: ./about/../about/editorial.md
-- content/references.bib --
@article{a1, author = {Bateman, Anthony}, title = {A study}, journal = {J}, year = {1999}}
-- content/about/contact.md --
---
title: Contact
---
Call us.
-- content/about/editorial.md --
---
title: How we write
---
Carefully.
-- content/therapy/mbt.md --
---
title: MBT
---
MBT was studied [@a1].
`)
	s.mustBuild()
	ld := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
	for page, want := range map[string]string{
		"about/contact/index.html":   "WebPage",
		"about/editorial/index.html": "WebPage",
		"references/index.html":      "WebPage",        // made by Pamphlet
		"therapy/mbt/index.html":     "MedicalWebPage", // a page about a treatment
		"therapy/index.html":         "MedicalWebPage", // a folder's list, made by Pamphlet
	} {
		m := ld.FindStringSubmatch(s.read(page))
		if m == nil {
			t.Errorf("%s: no JSON-LD", page)
			continue
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(m[1]), &doc); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		if doc["@type"] != want {
			t.Errorf("%s: @type %v, want %s", page, doc["@type"], want)
		}
		if doc["publishingPrinciples"] != "https://clinic.example/info/about/editorial/" {
			t.Errorf("%s: publishingPrinciples %v", page, doc["publishingPrinciples"])
		}
	}
}
