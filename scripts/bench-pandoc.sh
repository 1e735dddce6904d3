#!/bin/sh
# bench-pandoc.sh: time pandoc's citeproc and Pamphlet formatting the same
# 5,000-entry bibliography (content/references.bib copied with new keys,
# titles and first authors), with AMA and APA, on this machine.
#
#   scripts/bench-pandoc.sh [N]      (default N=5000)
#
# Both are timed as whole processes that read the BibTeX and print the
# reference list as plain text (pandoc --citeproc with nocite: '@*';
# go run ./cmd/bibtext, built first); the best of three runs is shown.
# Pamphlet's in-process figure, without reading the file, is
# BenchmarkFormatAll5000 in generator/cite.
set -eu
cd "$(dirname "$0")/.."
n=${1:-5000}
command -v pandoc >/dev/null || { echo "bench-pandoc: pandoc is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/bibtext" ./cmd/bibtext
awk -v n="$n" '
	BEGIN { RS = "\n@"; ORS = "" }
	NR > 1 || /^@/ { sub(/^@/, ""); entries[++k] = $0 }
	END {
		for (i = 0; i < n; i++) {
			e = entries[i % k + 1]
			sub(/\{[^,]*,/, "{k" i ",", e)
			sub(/title = \{/, "title = {Part " i ": ", e)
			sub(/author = \{/, "author = {X" (i % 700) ", A. and ", e)
			print "@" e "\n"
		}
	}' content/references.bib >"$tmp/big.bib"
printf -- "---\nnocite: '@*'\nlang: en-US\n---\n" >"$tmp/nocite.md"

best() { # best wall time of three runs of "$@", in seconds
	b=""
	for _ in 1 2 3; do
		s=$(date +%s.%N)
		"$@" >/dev/null
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}

echo "entries: $(grep -c '^@' "$tmp/big.bib")"
for pair in ama:american-medical-association apa:apa; do
	name=${pair%%:*}
	p=$(best pandoc "$tmp/nocite.md" --citeproc --csl "third_party/csl/styles/${pair#*:}.csl" --bibliography "$tmp/big.bib" -t plain --wrap=none)
	m=$(best "$tmp/bibtext" -style "$name" "$tmp/big.bib")
	printf '%-4s pandoc %6.2fs  pamphlet %6.2fs  %5.1fx faster\n' "$name" "$p" "$m" "$(echo "$p / $m" | bc -l)"
done
