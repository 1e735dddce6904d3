package page

import (
	"context"

	"pamphlet/generator/diag"
	"pamphlet/generator/load"
	"pamphlet/internal/parallel"
)

// ParseAll reads and parses sources on the given number of workers. Each
// source's bytes are dropped once parsed, so a large site does not hold
// all its Markdown in memory. Files that cannot be read are diagnostics.
// When sums is not nil, it receives the SHA-256 of each source's bytes.
func ParseAll(ctx context.Context, workers int, newParser func() *Parser, srcs []load.Source, sums [][32]byte) ([]*Page, diag.List, error) {
	pages := make([]*Page, len(srcs))
	problems := make([]*diag.Diagnostic, len(srcs))
	err := parallel.Run(ctx, workers, len(srcs), newParser, func(ps *Parser, i int) error {
		src := srcs[i]
		var sum *[32]byte
		if sums != nil {
			sum = &sums[i]
		}
		if d := src.ReadSum(sum, &ps.src); d != nil {
			problems[i] = d
			return nil
		}
		pages[i] = ps.Parse(src)
		return nil
	})
	var diags diag.List
	out := pages[:0]
	for i, p := range pages {
		if problems[i] != nil {
			diags.Add(*problems[i])
		}
		if p != nil {
			out = append(out, p)
		}
	}
	return out, diags, err
}
