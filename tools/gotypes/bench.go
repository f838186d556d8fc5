package main

import (
	"cmp"
	"encoding/json"
	"io"
	"runtime"
	"slices"
	"sync"
	"time"
)

// benchResult is what `gotypes -bench N` prints, as one JSON object: the fastest of N runs
// of reading, parsing and type-checking every listed package (go list runs once, before
// and outside the timing), recording the same types.Info as the dump does.
type benchResult struct {
	Seconds float64 `json:"seconds"`
	// Time spent reading and parsing, and in types.Config.Check, summed over packages
	// (in the fastest run).
	ParseSeconds float64 `json:"parse_seconds"`
	CheckSeconds float64 `json:"check_seconds"`
	Packages     int     `json:"packages"`
	Checked      int     `json:"checked"`
	Files        int     `json:"files"`
	Errors       int64   `json:"errors"`
	Workers      int     `json:"workers"`
	GOMAXPROCS   int     `json:"gomaxprocs"`
	// Every package's time in types.Config.Check, slowest first.
	PerPackage []packageTime `json:"per_package"`
}

type packageTime struct {
	Path    string  `json:"path"`
	Seconds float64 `json:"seconds"`
}

// runBench loads the packages once, then n times reads, parses and checks them all in
// dependency order on par workers, without printing anything, and writes the fastest run.
func runBench(cfg *loadConfig, par, n int, out io.Writer) error {
	env, listed, err := loadAll(cfg)
	if err != nil {
		return err
	}
	var best benchResult
	for range max(n, 1) {
		start := time.Now()
		r, err := newRunner(listed, env, false)
		if err != nil {
			return err
		}
		for _, p := range r.pkgs {
			p.print = false
		}
		r.nextPrint = len(r.pkgs)
		r.recordAll = true
		var wg sync.WaitGroup
		for range par {
			wg.Go(r.worker)
		}
		wg.Wait()
		elapsed := time.Since(start).Seconds()
		if best.Seconds != 0 && elapsed >= best.Seconds {
			continue
		}
		best = benchResult{
			Seconds:      elapsed,
			ParseSeconds: time.Duration(r.parseNanos.Load()).Seconds(),
			CheckSeconds: time.Duration(r.checkNanos.Load()).Seconds(),
			Packages:     len(r.pkgs),
			Errors:       r.errorCount.Load(),
			Workers:      par,
			GOMAXPROCS:   runtime.GOMAXPROCS(0),
		}
		for _, p := range r.pkgs {
			best.Files += len(p.lp.GoFiles)
			if p.types != nil {
				best.Checked++
			}
			best.PerPackage = append(best.PerPackage, packageTime{p.lp.ImportPath, p.checkTime.Seconds()})
		}
		slices.SortStableFunc(best.PerPackage, func(a, b packageTime) int { return cmp.Compare(b.Seconds, a.Seconds) })
	}
	return json.NewEncoder(out).Encode(best)
}
