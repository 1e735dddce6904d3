// Command benchcmp times Pamphlet against Hugo on the same generated
// corpus (see internal/corpus): several cold builds of each, interleaved so
// that both meet the same machine conditions, then Pamphlet's rebuild with
// nothing changed. It prints wall time, CPU time (user + system) and peak
// resident memory for each, and the ratios measured in this run.
//
//	go run ./cmd/benchcmp -pages 10000 -runs 3
//
// It also times a bare goldmark loop (see bareLoop): converting and writing
// the same pages with nothing else, the floor a builder can approach.
//
// Hugo is used when it is on PATH (Debian: apt-get install hugo).
//
// With -baseline BIN, another pamphlet binary (built from an earlier
// commit, say) is timed in the same rounds, for a before-and-after ratio:
//
//	git stash; go build -o /tmp/pamphlet-before .; git stash pop
//	go run ./cmd/benchcmp -pages 10000 -runs 5 -baseline /tmp/pamphlet-before
//
// With -scale K, it instead times Pamphlet alone on the corpus and on one
// K times larger, alternating sizes and which goes first, and prints how
// many times the smaller build the larger one costs:
//
//	go run ./cmd/benchcmp -pages 10000 -scale 10 -runs 8 -dir /dev/shm/bc
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"pamphlet/internal/corpus"
)

type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

func main() {
	pages := flag.Int("pages", 10000, "pages in the corpus")
	runs := flag.Int("runs", 3, "cold builds of each tool")
	keep := flag.String("dir", "", "work folder (default: a new temporary folder, removed at the end)")
	bare := flag.String("bare", "", "internal: run the bare goldmark loop on this site's content/ into -bare-out")
	bareOut := flag.String("bare-out", "", "internal: the bare loop's output folder")
	scale := flag.Int("scale", 0, "time Pamphlet alone on the corpus and on one this many times larger, and print the ratio")
	write := flag.Bool("write", false, "internal: write the corpus into -dir and stop")
	noHugo := flag.Bool("no-hugo", false, "internal: with -write, write no Hugo copy")
	baseline := flag.String("baseline", "", "another pamphlet binary to time in the same rounds, for a before-and-after ratio")
	flag.Parse()
	if *bare != "" {
		check(bareLoop(*bare, *bareOut))
		return
	}
	o := corpus.Options{Pages: *pages, Citations: true, Seed: 1}
	if *write {
		check(corpus.Write(filepath.Join(*keep, "pamphlet"), o))
		if !*noHugo {
			check(corpus.WriteHugo(filepath.Join(*keep, "hugo"), o))
		}
		return
	}

	dir := *keep
	if dir == "" {
		d, err := os.MkdirTemp("", "pamphlet-benchcmp-")
		check(err)
		defer os.RemoveAll(d)
		dir = d
	}
	psite, hsite := filepath.Join(dir, "pamphlet"), filepath.Join(dir, "hugo")
	self, err := os.Executable()
	check(err)
	// The corpus is written by a child process. Linux counts a process's
	// peak memory from that of the process it was forked from, so this one
	// must stay small for the peaks measured below to be the tools' own.
	writeCorpus := func(pages int, dir string, hugo bool) {
		fmt.Printf("Writing a %d-page corpus into %s ...\n", pages, dir)
		writer := exec.Command(self, "-write", "-pages", fmt.Sprint(pages), "-dir", dir, "-no-hugo="+fmt.Sprint(!hugo))
		writer.Stdout, writer.Stderr = os.Stdout, os.Stderr
		check(writer.Run())
	}
	writeCorpus(*pages, dir, *scale <= 1)
	bin := filepath.Join(dir, "pamphlet-bin")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	check(build.Run())
	if *scale > 1 {
		big, large := filepath.Join(dir, "scale"), *pages*(*scale)
		writeCorpus(large, big, false)
		scaleRuns(bin, []string{psite, filepath.Join(big, "pamphlet")}, []int{*pages, large}, *runs, dir)
		return
	}

	// Every run writes to a new output folder, and old ones are removed
	// only at the end. ext4 without a journal (as on this project's
	// machine) skips the inodes freed in the last few seconds each time it
	// makes a file, one by one, so removing the last run's output just
	// before a run made that run's file system time several times longer.
	out := func(tool string, i int) string { return filepath.Join(dir, fmt.Sprintf("out-%s-%d", tool, i)) }
	pamphlet := func(i int) *exec.Cmd {
		return exec.Command(bin, "build", "--site", psite, "--out", out("pamphlet", i))
	}
	hugoPath, _ := exec.LookPath("hugo")
	hugo := func(i int) *exec.Cmd {
		return exec.Command(hugoPath, "--quiet", "-s", hsite, "-d", out("hugo", i))
	}
	bareRun := func(i int) *exec.Cmd { return exec.Command(self, "-bare", psite, "-bare-out", out("bare", i)) }
	tools := []string{"pamphlet", "hugo", "bare"}
	if *baseline != "" {
		tools = append(tools, "baseline")
	}
	defer func() {
		for i := 0; i < *runs; i++ {
			for _, tool := range tools {
				os.RemoveAll(out(tool, i))
			}
		}
	}()

	var ps, hs, bs, rs, bls []sample
	for i := 0; i < *runs; i++ {
		// Rotate which goes first, so none always meets a warm cache.
		order := slices.Clone(tools)
		for k := 0; k < i%len(tools); k++ {
			order = append(order[1:], order[0])
		}
		for _, tool := range order {
			switch {
			case tool == "pamphlet":
				ps = append(ps, run(pamphlet(i)))
			case tool == "baseline":
				bls = append(bls, run(exec.Command(*baseline, "build", "--site", psite, "--out", out("baseline", i))))
			case tool == "bare":
				bs = append(bs, run(bareRun(i)))
			case hugoPath != "":
				hs = append(hs, run(hugo(i)))
			}
		}
		// Nothing changed since the build just done.
		rs = append(rs, run(pamphlet(i)))
	}

	fmt.Printf("\n%d pages, %d runs each, medians (peak memory: highest)\n\n", *pages, *runs)
	fmt.Printf("%-28s %10s %10s %12s\n", "", "wall", "CPU", "peak RSS")
	show := func(name string, s []sample) {
		if len(s) > 0 {
			m := median(s)
			fmt.Printf("%-28s %10s %10s %9d MiB\n", name, m.wall.Round(time.Millisecond), m.cpu.Round(time.Millisecond), m.rssKB/1024)
		}
	}
	show("pamphlet build (cold)", ps)
	show("hugo (cold)", hs)
	show("bare goldmark loop", bs)
	show("pamphlet build (no change)", rs)
	show("baseline build (cold)", bls)
	p, r, b := median(ps), median(rs), median(bs)
	fmt.Println()
	if len(hs) > 0 {
		h := median(hs)
		fmt.Printf("pamphlet / hugo:      wall %.2f, CPU %.2f, peak RSS %.2f\n", ratio(p.wall, h.wall), ratio(p.cpu, h.cpu), float64(p.rssKB)/float64(h.rssKB))
		fmt.Printf("bare loop / hugo:     wall %.2f, CPU %.2f\n", ratio(b.wall, h.wall), ratio(b.cpu, h.cpu))
	} else {
		fmt.Println("hugo is not installed: apt-get install hugo to compare")
	}
	fmt.Printf("pamphlet / bare loop: wall %.2f, CPU %.2f\n", ratio(p.wall, b.wall), ratio(p.cpu, b.cpu))
	fmt.Printf("no change / cold:     wall %.2f\n", ratio(r.wall, p.wall))
	if len(bls) > 0 {
		bl := median(bls)
		fmt.Printf("pamphlet / baseline:  wall %.2f, CPU %.2f, peak RSS %.2f\n", ratio(p.wall, bl.wall), ratio(p.cpu, bl.cpu), float64(p.rssKB)/float64(bl.rssKB))
	}
}

// scaleRuns builds two sites (a small one first in sites) in turn, runs
// times each, and prints how many times the small build the large one
// costs. The order changes every round: the build that follows a large
// one pays for the memory and files the large one freed. On this
// project's machine, two binaries of the same speed, timed in a fixed
// order, came out 0.6 and 1.0 apart in the ratio in two runs; with the
// order alternated, 0.1.
// Each build writes to a new folder; those of the round before last are
// removed (a large site's output is 1.6 GB at 100,000 pages).
func scaleRuns(bin string, sites []string, pages []int, runs int, dir string) {
	out := func(size, i int) string { return filepath.Join(dir, fmt.Sprintf("out-scale-%d-%d", size, i)) }
	samples := make([][]sample, len(sites))
	for i := range runs {
		for k := range sites {
			size := k
			if i%2 == 1 {
				size = len(sites) - 1 - k
			}
			samples[size] = append(samples[size], run(exec.Command(bin, "build", "--site", sites[size], "--out", out(size, i))))
		}
		for size := range sites {
			os.RemoveAll(out(size, i-2))
		}
	}
	for size := range sites {
		os.RemoveAll(out(size, runs-2))
		os.RemoveAll(out(size, runs-1))
	}

	fmt.Printf("\npamphlet build, %d runs of each size, alternating; medians (peak memory: highest)\n\n", runs)
	fmt.Printf("%-28s %10s %10s %12s\n", "", "wall", "CPU", "peak RSS")
	for size, s := range samples {
		m := median(s)
		fmt.Printf("%-28s %10s %10s %9d MiB\n", fmt.Sprintf("%d pages", pages[size]), m.wall.Round(time.Millisecond), m.cpu.Round(time.Millisecond), m.rssKB/1024)
	}
	small, large := samples[0], samples[len(samples)-1]
	ms, ml := median(small), median(large)
	fmt.Printf("\n%d / %d pages: wall %.2f, CPU %.2f, peak RSS %.2f\n",
		pages[len(pages)-1], pages[0], ratio(ml.wall, ms.wall), ratio(ml.cpu, ms.cpu), float64(ml.rssKB)/float64(ms.rssKB))
	fmt.Printf("each round, wall (small, large, ratio):")
	for i := range small {
		fmt.Printf(" %.2fs %.2fs %.1f;", small[i].wall.Seconds(), large[i].wall.Seconds(), ratio(large[i].wall, small[i].wall))
	}
	fmt.Println()
}

// run runs a command and measures it; the command must succeed.
func run(c *exec.Cmd) sample {
	c.Stderr = os.Stderr
	// Write out what the last run (or removing its output) left dirty, so
	// that no run pays for the one before it.
	syscall.Sync()
	start := time.Now()
	if err := c.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", c.Path, err)
		os.Exit(1)
	}
	wall := time.Since(start)
	ru := c.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rssKB: ru.Maxrss}
}

func median(s []sample) sample {
	if len(s) == 0 {
		return sample{}
	}
	walls := make([]time.Duration, len(s))
	cpus := make([]time.Duration, len(s))
	var rss int64
	for i, x := range s {
		walls[i], cpus[i] = x.wall, x.cpu
		rss = max(rss, x.rssKB)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	return sample{wall: walls[len(s)/2], cpu: cpus[len(s)/2], rssKB: rss}
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchcmp:", err)
		os.Exit(1)
	}
}
