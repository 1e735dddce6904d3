package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"pamphlet/generator"
	"pamphlet/generator/trust"
)

const checkSynopsis = `check [--site DIR] [--format text|json] [--strict] [--verbose] [--today YYYY-MM-DD]

Checks every page of the site without building it: the eight HONcode
principles (who wrote and reviewed it, disclaimer, privacy, dates and
sources, evidence for claims, contact, funding, advertising), how easy the
text is to read, which pages are due for review, safe messaging, and every
problem the build would report. Exit status 0 when clean, 1 with errors
(or with warnings when --strict), 2 for a usage mistake.`

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", checkSynopsis)
	site := fs.String("site", ".", "the site's folder, where site.yaml is")
	format := fs.String("format", "text", "text, or json for other programs (see the README for its fields)")
	strict := fs.Bool("strict", false, "fail (exit status 1) on warnings too, for a clinic's own CI")
	verbose := fs.Bool("verbose", false, "list every bibliography entry that no page cites, where check sums up more than a few")
	todayFlag := fs.String("today", "", "check review dates as of this date (YYYY-MM-DD) instead of today")
	if done, err := parseFlags(fs, args, stdout, stderr, 0); done || err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageError{fmt.Sprintf("--format %q: use text or json", *format)}
	}
	var today time.Time
	if *todayFlag != "" {
		t, err := time.Parse(time.DateOnly, *todayFlag)
		if err != nil {
			return usageError{fmt.Sprintf("--today %q is not a date: write it as YYYY-MM-DD", *todayFlag)}
		}
		today = t
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := checkSiteFolder(*site); err != nil {
		return err
	}
	report, err := generator.Check(ctx, generator.Options{Site: *site, Theme: theme(), Today: today, GCFloor: gcFloor, Verbose: *verbose})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return err
		}
	} else {
		printReport(stdout, report)
	}
	if report.Summary.Errors > 0 || (*strict && report.Summary.Warnings > 0) {
		return errSilent
	}
	return nil
}

// printReport writes the report for people: each page with its problems
// (as file:line diagnostics), the principles it meets, its readability and
// its review state, then a summary.
func printReport(w io.Writer, r *trust.Report) {
	for _, d := range r.Site {
		fmt.Fprintln(w, d)
	}
	if len(r.Site) > 0 {
		fmt.Fprintln(w)
	}
	for _, p := range r.Pages {
		fmt.Fprintf(w, "%s: %s\n", p.File, p.Title)
		for _, d := range p.Diagnostics {
			fmt.Fprintf(w, "  %s\n", d)
		}
		var met []string
		for _, s := range p.Principles {
			if s.Met {
				met = append(met, s.Name)
			}
		}
		switch {
		case len(met) == len(p.Principles):
			fmt.Fprintln(w, "  Meets all eight HONcode principles.")
		case len(met) > 0:
			fmt.Fprintf(w, "  Meets: %s.\n", strings.Join(met, ", "))
		}
		if rd := p.Readability; rd != nil {
			printReadability(w, rd)
		}
		switch p.Review.State {
		case trust.ReviewNever:
			fmt.Fprintln(w, "  Review: never reviewed.")
		case trust.ReviewOverdue:
			fmt.Fprintf(w, "  Review: overdue since %s.\n", p.Review.NextReview)
		case trust.ReviewDueSoon:
			fmt.Fprintf(w, "  Review: due on %s (in %d days).\n", p.Review.NextReview, *p.Review.DaysLeft)
		case trust.ReviewCurrent:
			fmt.Fprintf(w, "  Review: last reviewed %s, next due %s.\n", p.Review.LastReviewed, p.Review.NextReview)
		}
		fmt.Fprintln(w)
	}
	s := r.Summary
	fmt.Fprintf(w, "Checked %s as of %s: %s, %s; %d overdue for review, %d due within %d days.\n",
		plural(s.Pages, "page"), r.Today, plural(s.Errors, "error"), plural(s.Warnings, "warning"), s.Overdue, s.DueSoon, trust.DueSoonDays)
	var missing []string
	for _, name := range trust.Principles {
		if n := s.Missing[name]; n > 0 {
			missing = append(missing, fmt.Sprintf("%s (%s)", name, plural(n, "page")))
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "Principles not met: %s.\n", strings.Join(missing, ", "))
	}
}

// printReadability writes a page's reading level: for English its
// Flesch-Kincaid and SMOG grades; for other languages the formula's score
// and band, then the approximate grade; or why it was not measured.
func printReadability(w io.Writer, rd *trust.ReadabilityReport) {
	switch {
	case rd.Verdict == nil:
		fmt.Fprintf(w, "  Reading level not measured: %s.\n", rd.NotMeasured)
		return
	case rd.EnglishGrades != nil:
		smog := fmt.Sprintf("SMOG grade %.1f over %d sentences", rd.SMOGGrade, rd.Sentences)
		if rd.SMOGEstimate {
			smog = fmt.Sprintf("SMOG grade %.1f (an estimate: %d sentences, SMOG is defined on 30)", rd.SMOGGrade, rd.Sentences)
		}
		verdict := "both meet"
		if !rd.Met {
			verdict = "above"
		}
		fmt.Fprintf(w, "  Reading level: Flesch-Kincaid grade %.1f, %s, reading ease %.0f; %s the target of grade %g.\n", rd.FleschKincaidGrade, smog, rd.FleschReadingEase, verdict, rd.Target)
		if !rd.Met {
			for _, s := range rd.Hardest {
				fmt.Fprintf(w, "    rewrite first (grade %.0f): %q\n", s.Grade, s.Text)
			}
		}
		return
	}
	score := fmt.Sprintf("%s score %.1f (%s) over %d sentences", rd.Formula, *rd.Score, rd.Band, rd.Sentences)
	if rd.FernandezHuerta != nil {
		score += fmt.Sprintf(", Fernández Huerta %.1f", *rd.FernandezHuerta)
	}
	verdict := "meets"
	if !rd.Met {
		verdict = "above"
	}
	fmt.Fprintf(w, "  Reading level: %s; about grade %.1f by Flesch's table (an approximation), %s the target of grade %g.\n", score, rd.Grade, verdict, rd.Target)
	if !rd.Met {
		for _, s := range rd.Hardest {
			fmt.Fprintf(w, "    rewrite first (score %.0f, about grade %.0f): %q\n", *s.Score, s.Grade, s.Text)
		}
	}
}
