#!/bin/sh
# compare-pandoc.sh: format a bibliography with every built-in CSL style,
# once with pandoc's citeproc and once with Pamphlet, and print how many
# entries are identical and the differences.
#
#   scripts/compare-pandoc.sh [BIB]        (default: content/references.bib)
#
# Two comparisons per style:
#   bib   pandoc reads the BibTeX itself: differences come from either
#         BibTeX reader or either processor;
#   json  pandoc reads the CSL-JSON items Pamphlet makes from the BibTeX
#         (go run ./cmd/bibtext -json): differences come from the
#         processors alone.
# pandoc is used here only, never in a build. Entries are cited once each
# in file order (nocite: '@*'), as plain text, one line each.
set -eu
cd "$(dirname "$0")/.."
bib=${1:-content/references.bib}
command -v pandoc >/dev/null || { echo "compare-pandoc: pandoc is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/bibtext" ./cmd/bibtext
"$tmp/bibtext" -json "$bib" >"$tmp/items.json"
printf -- "---\nnocite: '@*'\nlang: en-US\n---\n" >"$tmp/nocite.md"

# one line per entry, spaces normalised
lines() { awk 'BEGIN{RS=""} {gsub(/[ \t\n\302\240]+/, " "); print}'; }

status=0
for pair in ama:american-medical-association apa:apa vancouver:nlm-citation-sequence \
	harvard-cite-them-right:harvard-cite-them-right bmj:bmj lancet:the-lancet \
	chicago-author-date:chicago-author-date; do
	name=${pair%%:*}
	file=third_party/csl/styles/${pair#*:}.csl
	"$tmp/bibtext" -style "$name" "$bib" | lines >"$tmp/$name.pamphlet"
	for input in bib json; do
		src=$bib
		[ "$input" = json ] && src=$tmp/items.json
		pandoc "$tmp/nocite.md" --citeproc --csl "$file" --bibliography "$src" -t plain --wrap=none | lines >"$tmp/$name.pandoc-$input"
		total=$(wc -l <"$tmp/$name.pamphlet")
		same=$(sort "$tmp/$name.pamphlet" | comm -12 - "$(sort "$tmp/$name.pandoc-$input" >"$tmp/s" && echo "$tmp/s")" | wc -l)
		echo "== $name ($input): $same of $total entries identical"
		if ! diff -U0 --label "pandoc ($input)" --label pamphlet "$tmp/$name.pandoc-$input" "$tmp/$name.pamphlet" | grep -v '^@@'; then
			:
		else
			status=1
		fi
	done
done
exit $status
