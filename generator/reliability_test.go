package generator

import (
	"regexp"
	"strings"
	"testing"
)

// These tests each reproduce a way in which a build once gave a silently
// wrong result, and hold what it must do instead.

func TestCrisisNumbersMustBeDialable(t *testing.T) {
	const base = "title: Clinic\nbase_url: https://clinic.example/\n"
	runBreakCases(t, goodSite, []breakCase{
		{
			name:  "words in a phone number",
			files: map[string]string{"site.yaml": base + "crisis:\n  - name: NHS 111\n    phone: \"111, option 2\"\n"},
			want:  []string{`site.yaml:5:12: error: crisis[1] (NHS 111): phone "111, option 2" holds ",", which is not part of a number, so the link would call the wrong number: write only the number, e.g. phone: "116 123", and put anything else ("choose option 2", "send the word SHOUT") in contact:`},
			fails: true,
		},
		{
			name:  "a letter after the digits",
			files: map[string]string{"site.yaml": base + "crisis:\n  - name: Emergency\n    phone: 9-1-1x\n"},
			want:  []string{`site.yaml:5:12: error: crisis[1] (Emergency): phone "9-1-1x" holds "x"`},
			fails: true,
		},
		{
			name:  "a word to text instead of a number",
			files: map[string]string{"site.yaml": base + "crisis:\n  - name: Shout\n    text: SHOUT\n"},
			want:  []string{`site.yaml:5:11: error: crisis[1] (Shout): text "SHOUT" holds "S", which is not part of a number, so the link would text the wrong number`},
			fails: true,
		},
		{
			name:  "a line no one can reach",
			files: map[string]string{"site.yaml": base + "crisis:\n  - name: Helpline\n    when: Any time\n"},
			want:  []string{`site.yaml:4:5: error: crisis[1] (Helpline) says neither how to call, text nor reach it: add phone:, text: or contact:`},
			fails: true,
		},
		{
			name:  "a line with no name",
			files: map[string]string{"site.yaml": base + "crisis:\n  - phone: \"999\"\n"},
			want:  []string{`site.yaml:4:5: error: crisis[1] has no name`},
			fails: true,
		},
	})
}

func TestCrisisLinksDialWhatIsWritten(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write("site.yaml", `title: Clinic
base_url: https://clinic.example/
crisis:
  - name: Local line
    phone: 01234 567890
  - name: International
    phone: +44 20-7946-0000
  - name: Textline
    text: "85258"
    contact: send the word SHOUT
`)
	s.write("content/therapy/groups.md", "---\ntitle: Groups\nsafety: crisis\n---\nText.\n")
	s.mustBuild()
	page := s.read("therapy/groups/index.html")
	assertContains(t, page, `href="tel:01234567890"`, `href="tel:&#43;442079460000"`, `href="sms:85258"`, "send the word SHOUT")
	if n := len(regexp.MustCompile(`href="(tel|sms):`).FindAllString(page, -1)); n != 3 {
		t.Errorf("%d tel: and sms: links, want 3", n)
	}
}

func TestAddressesAreEncodedOnce(t *testing.T) {
	s := newTestSite(t, `
-- site.yaml --
title: Clinic
base_url: https://clinic.example/patient-info/
-- content/_index.md --
---
title: Home
---
See [us](%C3%BCber%20uns.md), [us again](<über uns.md>) and [the FAQ](faq%3F%23%25.md).
-- content/über uns.md --
---
title: About us
---
Text.
-- content/faq?#%.md --
---
title: Questions
---
Text.
`)
	s.mustBuild()
	about := s.read("über-uns/index.html")
	want := "https://clinic.example/patient-info/%C3%BCber-uns/"
	assertContains(t, about, `<link rel="canonical" href="`+want+`">`, `<meta property="og:url" content="`+want+`">`, `"url":"`+want+`"`)
	assertNotContains(t, about, "%25C3")
	sitemap := s.read("sitemap.xml")
	assertContains(t, sitemap, "<loc>"+want+"</loc>", "<loc>https://clinic.example/patient-info/faq%3F%23%25/</loc>")
	assertNotContains(t, sitemap, "%25C3", "%253F")
	home := s.read("index.html")
	assertContains(t, home, `href="/patient-info/%C3%BCber-uns/"`, `href="/patient-info/faq%3F%23%25/"`)
}

func TestPagesThatDifferOnlyInCase(t *testing.T) {
	runBreakCases(t, goodSite, []breakCase{{
		name: "two pages",
		files: map[string]string{
			"content/therapy/Groups.md": "---\ntitle: Big groups\n---\nText.\n",
		},
		want:  []string{"content/therapy/groups.md: error: this page and content/therapy/Groups.md would be published at /therapy/groups/ and /therapy/Groups/, which are the same address on servers and computers that do not tell capitals from small letters (Windows, macOS, many hosts): rename one of them"},
		fails: true,
	}, {
		name:  "a page and a file",
		files: map[string]string{"content/therapy/ROOM.PNG": "PNG"},
		want:  []string{"content/therapy/room.png: error: this file and content/therapy/ROOM.PNG would be published at /therapy/room.png and /therapy/ROOM.PNG"},
		fails: true,
	}})
}

func TestSiteLanguageMustBeATag(t *testing.T) {
	for _, bad := range []string{"42", "english", "en_GB", "e", "en GB", "123-abc"} {
		t.Run(bad, func(t *testing.T) {
			s := newTestSite(t, goodSite)
			s.write("site.yaml", "title: Clinic\nlanguage: "+bad+"\n")
			res, err := s.build()
			assertContains(t, diagnostics(res, err), `site.yaml:2:11: error: language "`+bad+`" is not a language tag: write a BCP 47 tag such as en-GB`)
		})
	}
	for _, good := range []string{"en-GB", "cy", "es-419", "zh-Hant-TW", "ar"} {
		s := newTestSite(t, goodSite)
		s.write("site.yaml", "title: Clinic\nlanguage: "+good+"\n")
		s.mustBuild()
		assertContains(t, s.read("index.html"), `<html lang="`+good+`"`)
	}
}

func TestEverySettingsProblemAtOnce(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write("site.yaml", `title: Clinic
base_url: https://clinic.example/
citation_style: harvard
readability_target: 40
review_interval: often
contact_page: nowhere.md
crisis:
  - name: NHS 111
    phone: "111, option 2"
`)
	res, err := s.build()
	got := diagnostics(res, err)
	assertContains(t, got,
		`site.yaml:3:17: error: citation_style "harvard" is not a style Pamphlet knows`,
		`site.yaml:4:21: error: readability_target is 40`,
		`site.yaml:5:18: error: review_interval:`,
		`site.yaml:6:15: error: contact_page: there is no page content/nowhere.md`,
		`site.yaml:9:12: error: crisis[1] (NHS 111): phone "111, option 2"`,
	)
	if strings.Count(got, "error:") != 5 {
		t.Errorf("want 5 errors:\n%s", got)
	}
}

func TestBaseURLFlagIsBlamedOnTheFlag(t *testing.T) {
	s := newTestSite(t, goodSite)
	res, err := s.build(func(o *Options) { o.BaseURL = "ftp://x/" })
	got := diagnostics(res, err)
	assertContains(t, got, `--base-url: error: --base-url "ftp://x/" is not a web address`)
	assertNotContains(t, got, "site.yaml")
}
