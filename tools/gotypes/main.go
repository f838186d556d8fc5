// Command gotypes is the reference side of goescape's type checker conformance check.
//
// It loads packages as the go command would build them (go list), type-checks them with
// go/types in dependency order, and prints what go/types recorded for each package in the
// canonical text form described in docs/types-dump.md, which goescape's Rust type checker
// prints too, so that the two can be compared line by line.
//
// Usage:
//
//	gotypes [-deps] [-tags TAGS] [-C DIR] [-list FILE] [-p N] [-bench N] [PATTERNS...]
//
// PATTERNS are package patterns as for go build (default "."); -list names a file holding
// more, one per line ("-" is standard input), which come first. With -bench N it prints
// no dump: it loads the packages once, then N times reads, parses and checks them all,
// and prints the fastest run's times as JSON (bench.go).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
)

func main() {
	fl := flag.NewFlagSet("gotypes", flag.ExitOnError)
	deps := fl.Bool("deps", false, "also print the packages the patterns match only as dependencies")
	tags := fl.String("tags", "", "comma-separated build `tags`, as for go build")
	dir := fl.String("C", "", "run go list in `dir` (relative patterns are resolved there)")
	list := fl.String("list", "", "read patterns, one per line, from `FILE` (- for stdin)")
	par := fl.Int("p", runtime.GOMAXPROCS(0), "type-check up to `N` packages in parallel")
	bench := fl.Int("bench", 0, "print no dump: time `N` runs of parsing and checking, print the fastest as JSON")
	fl.Usage = func() {
		fmt.Fprint(os.Stderr, `usage: gotypes [-deps] [-tags TAGS] [-C DIR] [-list FILE] [-p N] [-bench N] [PATTERNS...]

Type-checks the packages matched by PATTERNS (as go build would compile them, with
CGO_ENABLED=0) and prints, for each, "=== IMPORTPATH" followed by the canonical dump of
what go/types recorded (docs/types-dump.md).

`)
		fl.PrintDefaults()
	}
	fl.Parse(os.Args[1:])
	cfg := &loadConfig{dir: *dir, tags: *tags}
	if *list != "" {
		patterns, err := readPatternList(*list)
		if err != nil {
			fatal(err)
		}
		cfg.patterns = patterns
	}
	cfg.patterns = append(cfg.patterns, fl.Args()...)
	if *par < 1 {
		*par = 1
	}
	if *bench > 0 {
		if err := runBench(cfg, *par, *bench, os.Stdout); err != nil {
			fatal(err)
		}
		return
	}
	if err := run(cfg, *deps, *par, os.Stdout); err != nil {
		fatal(err)
	}
}

// loadAll asks the go command for the toolchain and the packages, concurrently.
func loadAll(cfg *loadConfig) (goEnv, []*listPackage, error) {
	var env goEnv
	var envErr error
	var wg sync.WaitGroup
	wg.Go(func() { env, envErr = readEnv(cfg) })
	listed, err := goList(cfg)
	wg.Wait()
	if err != nil {
		return env, nil, err
	}
	if envErr != nil {
		return env, nil, envErr
	}
	if len(listed) == 0 {
		return env, nil, errNoPackages
	}
	return env, listed, nil
}

func fatal(err error) {
	fmt.Fprintf(os.Stderr, "gotypes: %v\n", err)
	os.Exit(1)
}

// run loads, checks and prints to out, flushing after each package; only failures of the
// go command or of writing the output are errors (problems of single packages are part of
// the output).
func run(cfg *loadConfig, deps bool, par int, out io.Writer) error {
	env, listed, err := loadAll(cfg)
	if err != nil {
		return err
	}
	r, err := newRunner(listed, env, deps)
	if err != nil {
		return err
	}
	for range par {
		go r.worker()
	}
	w := bufio.NewWriterSize(out, 1<<20)
	for _, p := range r.pkgs {
		if !p.print {
			continue
		}
		for _, chunk := range r.section(p) {
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return w.Flush()
}
