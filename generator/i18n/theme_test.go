package i18n

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"pamphlet/generator/diag"
)

// themeTags are the languages the theme has words for, and what each
// calls itself.
var themeTags = map[string]string{
	"en": "English", "cy": "Cymraeg", "es": "Español", "pl": "Polski",
	"ar": "العربية", "fr": "Français", "de": "Deutsch",
}

func TestThemeFiles(t *testing.T) {
	files, err := fs.Glob(theme, "strings/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, strings.TrimSuffix(strings.TrimPrefix(f, "strings/"), ".yaml"))
	}
	var want []string
	for tag := range themeTags {
		want = append(want, tag)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the theme has strings files for %v, want %v", got, want)
	}
}

// TestThemeCatalogs checks every language's file against English: it
// reads with no diagnostic (so no unknown key, no plural form the
// language does not use, and exactly the English placeholders, {n} being
// optional only in a form for a single number), and gives every English
// word, in every plural form that the language uses.
func TestThemeCatalogs(t *testing.T) {
	en := themeLayer("en")
	for tag, name := range themeTags {
		t.Run(tag, func(t *testing.T) {
			text, err := theme.ReadFile("strings/" + tag + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(text), "# The theme's words in ") {
				t.Errorf("strings/%s.yaml does not open with a comment saying what it is", tag)
			}
			if tag != "en" && !strings.Contains(string(text), "a native speaker should check them") {
				t.Errorf("strings/%s.yaml does not ask for a native speaker's check", tag)
			}
			l, diags := parseLayer("strings/"+tag+".yaml", tag, text)
			rules := rulesFor(tagOf(tag))
			checkLayer(l, rules, en, &diags)
			if len(diags) > 0 {
				t.Errorf("diagnostics:\n%s", diags)
			}
			if l.words["language_name"] != name {
				t.Errorf("language_name = %q, want %q", l.words["language_name"], name)
			}
			for _, key := range en.keys {
				word, _, plural := splitPlural(key)
				if !plural && !l.has(key) {
					t.Errorf("no %s", key)
				}
				if !plural {
					continue
				}
				for _, cat := range rules.used {
					if !l.has(word + "." + cat) {
						t.Errorf("no %s.%s", word, cat)
					}
				}
			}
		})
	}
}

// TestThemeEnglish pins the English keys: the theme's templates use them.
func TestThemeEnglish(t *testing.T) {
	want := strings.Fields(`language_name skip_to_content home get_help_now search_label search_button
		menu main_navigation languages breadcrumb on_this_page start_here pages_on_site in_this_section
		more_in_section more_in_this_section previous next related_pages about_this_page written_by
		reviewed_by page_last_reviewed next_review_due first_published last_updated editorial_policy_link
		about_this_site crisis_heading crisis_call crisis_text crisis_or crisis_more urgent_support
		handout_download handout_pages.one handout_pages.other handout_scan handout_page_of unreviewed
		references references_description back_to_citation all_references cited_on csl_credit csl_style
		not_found_title not_found_text go_home search_title search_intro search_nojs search_results_label
		search_unavailable search_no_results search_count.one search_count.other translation_outdated
		translation_read_current translation_of date_format month.1 month.2 month.3 month.4 month.5
		month.6 month.7 month.8 month.9 month.10 month.11 month.12`)
	if got := themeLayer("en").keys; !slices.Equal(got, want) {
		t.Errorf("English keys:\n got %v\nwant %v", got, want)
	}
}

func TestPluralRules(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "one other", "es": "one other", "fr": "one other", "de": "one other",
		"pl": "one few many other", "cy": "zero one two few many other", "ar": "zero one two few many other",
		"ur": "one other",
	} {
		r := rulesFor(tagOf(tag))
		if got := strings.Join(r.used, " "); got != want {
			t.Errorf("%s uses %q, want %q", tag, got, want)
		}
	}
	// A single number's form: Arabic's and Welsh's zero, one and two;
	// French "one" is 0 and 1, so it must keep {n}.
	for _, c := range []struct {
		tag, cat string
		single   bool
	}{{"ar", "two", true}, {"ar", "few", false}, {"cy", "many", true}, {"fr", "one", false}, {"pl", "one", true}} {
		if got := rulesFor(tagOf(c.tag)).single[c.cat]; got != c.single {
			t.Errorf("%s %s stands for a single number: %v, want %v", c.tag, c.cat, got, c.single)
		}
	}
}

// load is Load on a site made from a txtar archive, with sorted diagnostics.
func load(t *testing.T, archive string, tags ...string) (*Catalog, diag.List) {
	t.Helper()
	c, diags := Load(writeSite(t, archive), tags)
	diags.Sort()
	return c, diags
}
