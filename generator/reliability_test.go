package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"pamphlet/generator/write"
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
citation_style: mla
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
		`site.yaml:3:17: error: citation_style "mla" is not a style Pamphlet knows`,
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

func TestPrivateFilesAreNeverPublished(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write(".env", "PASSWORD=hunter2\n")
	s.write(".git/config", "[core]\n")
	mustSymlink(t, "../../.env", filepath.Join(s.root, "content", "therapy", "env.txt"))
	mustSymlink(t, "../.git/config", filepath.Join(s.root, "content", "git.txt"))
	mustSymlink(t, "../site.yaml", filepath.Join(s.root, "content", "settings.txt"))
	res, err := s.build()
	got := diagnostics(res, err)
	assertContains(t, got,
		"content/therapy/env.txt: error: this is a link to .env, a hidden file or the site's settings, which are never published: remove the link",
		"content/git.txt: error: this is a link to .git/config",
		"content/settings.txt: error: this is a link to site.yaml")
	if err == nil {
		t.Fatal("the build published links to private files")
	}
	for _, f := range []string{"therapy/env.txt", "git.txt", "settings.txt"} {
		if s.exists(f) {
			t.Errorf("%s was published", f)
		}
	}
}

func TestBinaryFileIsCalledBinary(t *testing.T) {
	runBreakCases(t, goodSite, []breakCase{{
		name:  "NUL bytes",
		files: map[string]string{"content/therapy/groups.md": strings.Repeat("\x00", 64)},
		want:  []string{"content/therapy/groups.md:1: error: this file holds NUL bytes, so it is not text"},
		fails: true,
	}})
}

func TestNewFolderLinkIsReportedAfterAnUpToDateBuild(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.mustBuild()
	mustSymlink(t, filepath.Join(s.root, "content", "therapy"), filepath.Join(s.root, "content", "linked"))
	res := s.mustBuild()
	if res.UpToDate {
		t.Error("a new link to a folder was taken for no change")
	}
	assertContains(t, res.Diagnostics.String(), "content/linked: warning: this is a link to a folder, which Pamphlet does not follow")
	// And with nothing changed since, the warning is still given.
	res = s.mustBuild()
	if !res.UpToDate {
		t.Error("a second build with nothing changed was not up to date")
	}
	assertContains(t, res.Diagnostics.String(), "content/linked: warning: this is a link to a folder")
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
}

func TestUpToDateChecksTheOutputFolder(t *testing.T) {
	for _, c := range []struct {
		name  string
		spoil func(out string) error
	}{
		{"emptied", func(out string) error {
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if e.Name() != write.Marker {
					os.RemoveAll(filepath.Join(out, e.Name()))
				}
			}
			return nil
		}},
		{"a file deleted", func(out string) error { return os.Remove(filepath.Join(out, "therapy", "groups", "index.html")) }},
		{"a file edited", func(out string) error {
			p := filepath.Join(out, "therapy", "groups", "index.html")
			b, _ := os.ReadFile(p)
			b[len(b)/2] = 'X' // same size
			if err := os.WriteFile(p, b, 0o644); err != nil {
				return err
			}
			old := time.Now().Add(-time.Hour)
			return os.Chtimes(p, old, old)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newTestSite(t, goodSite)
			s.mustBuild()
			want := s.read("therapy/groups/index.html")
			if err := c.spoil(filepath.Join(s.root, "public")); err != nil {
				t.Fatal(err)
			}
			res := s.mustBuild()
			if res.UpToDate {
				t.Fatal("the build took a spoilt output folder to be up to date")
			}
			if got := s.read("therapy/groups/index.html"); got != want {
				t.Error("the page was not written again")
			}
			if res = s.mustBuild(); !res.UpToDate {
				t.Error("the next build with nothing changed was not up to date")
			}
		})
	}
}

func TestFilesAddedToTheOutputFolderAreNotDeleted(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.mustBuild()
	out := filepath.Join(s.root, "public")
	if err := os.WriteFile(filepath.Join(out, "CNAME"), []byte("leaflets.clinic.example\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := s.snapshot()
	s.write("content/therapy/groups.md", "---\ntitle: Group sessions\n---\nText.\n")
	_, err := s.build()
	if err == nil {
		t.Fatal("a build deleted a file it did not write")
	}
	assertContains(t, err.Error(), filepath.Join(out, "CNAME")+": this file was not written by pamphlet", "static/CNAME", "Nothing was written")
	if s.snapshot() != before {
		t.Error("public/ changed")
	}
	// Moved to static/, it is published by every build.
	os.Remove(filepath.Join(out, "CNAME"))
	s.write("static/CNAME", "leaflets.clinic.example\n")
	s.mustBuild()
	if s.read("CNAME") != "leaflets.clinic.example\n" {
		t.Error("static/CNAME was not published")
	}
}

func TestLargeAssetsAreStreamed(t *testing.T) {
	s := newTestSite(t, goodSite)
	const size = 64 << 20
	f, err := os.Create(filepath.Join(s.root, "content", "therapy", "video.mp4"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s.mustBuild()
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > size/4 {
		t.Errorf("the build allocated %d MiB for a %d MiB file: it read the file into memory", grew>>20, size>>20)
	}
	if fi, err := os.Stat(filepath.Join(s.root, "public", "therapy", "video.mp4")); err != nil || fi.Size() != size {
		t.Errorf("the file was not copied whole: %v", err)
	}
}

// TestFuturePublishedDateIsNamed: a page dated in the future builds (the
// date is the check's business), but the build names the file and line,
// and names it again when nothing has changed since.
func TestFuturePublishedDateIsNamed(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write("content/therapy/groups.md", "---\ntitle: Groups\npublished: 2999-01-01\n---\nText.\n")
	for _, build := range []string{"first", "up to date"} {
		res := s.mustBuild()
		if (build == "up to date") != res.UpToDate {
			t.Fatalf("%s build: UpToDate = %v", build, res.UpToDate)
		}
		assertContains(t, res.Trust.Site.String(), "content/therapy/groups.md:3: error: published is 2999-01-01, which is in the future")
	}
}

// TestTheCauseIsNotDrownedByWhatFollows: a page that cannot be read (no
// permission, or not text) is one error, not one more for every link to
// it. (Root reads any file, so the test uses a page of NUL bytes.)
func TestTheCauseIsNotDrownedByWhatFollows(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.write("content/therapy/groups.md", "---\ntitle: Groups\n---\nSee [what to expect](what-to-expect.md).\n")
	s.write("content/links.md", "---\ntitle: Links\n---\n[a](therapy/what-to-expect.md) [b](therapy/what-to-expect.md) [c](therapy/missing.md)\n")
	s.write("content/therapy/what-to-expect.md", strings.Repeat("\x00", 64))
	res, err := s.build()
	got := diagnostics(res, err)
	assertContains(t, got, "content/therapy/what-to-expect.md:1: error: this file holds NUL bytes", `content/links.md:4:63: error: link to "therapy/missing.md": there is no page content/therapy/missing.md`)
	if n := strings.Count(got, "error:"); n != 2 {
		t.Errorf("%d errors, want the unreadable page and the missing one:\n%s", n, got)
	}
}

// TestUpToDateTrustsNoFileChangedDuringABuild: a build with nothing
// changed takes a file's hash from the last manifest when its size and
// time are as recorded, but never for a file whose time is not before the
// last build began: an edit in the same clock tick, keeping the size, is
// still seen.
func TestUpToDateTrustsNoFileChangedDuringABuild(t *testing.T) {
	s := newTestSite(t, goodSite)
	page := filepath.Join(s.root, "content", "therapy", "groups.md")
	s.write("content/therapy/groups.md", "---\ntitle: Groups\n---\nVersion one.\n")
	later := time.Now().Add(time.Hour) // as if written while the build ran
	if err := os.Chtimes(page, later, later); err != nil {
		t.Fatal(err)
	}
	s.mustBuild()
	// The same size, the same time: only the content differs.
	s.write("content/therapy/groups.md", "---\ntitle: Groups\n---\nVersion two.\n")
	if err := os.Chtimes(page, later, later); err != nil {
		t.Fatal(err)
	}
	if res := s.mustBuild(); res.UpToDate {
		t.Fatal("an edit that kept the size and time of a file written during the last build was missed")
	}
	assertContains(t, s.read("therapy/groups/index.html"), "Version two.")
	// A file untouched since: its hash comes from the manifest.
	if res := s.mustBuild(); !res.UpToDate {
		t.Error("a build with nothing changed was not up to date")
	}
}
