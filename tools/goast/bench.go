package main

import (
	"encoding/json"
	"flag"
	"go/parser"
	"go/token"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// benchResult is the JSON object the bench subcommand prints (one line on standard output).
// Rates count every parse of every iteration; MB is 10^6 bytes of source.
type benchResult struct {
	Parser      string  `json:"parser"`
	GoVersion   string  `json:"go_version"`
	Files       int     `json:"files"`
	Bytes       int64   `json:"bytes"`
	Iterations  int     `json:"iterations"`
	Parallel    bool    `json:"parallel"`
	Threads     int     `json:"threads"`
	Rejected    int     `json:"rejected"`
	Seconds     float64 `json:"seconds"`
	FilesPerSec float64 `json:"files_per_sec"`
	MBPerSec    float64 `json:"mb_per_sec"`
}

type source struct {
	path string
	src  []byte
}

// runBench implements the bench subcommand: read everything first, then time only parsing.
func runBench(args []string) error {
	fl := flag.NewFlagSet("bench", flag.ExitOnError)
	list := fl.String("list", "", "read paths, one per line, from `FILE` (- for stdin)")
	n := fl.Int("n", 1, "parse every file `N` times")
	parallel := fl.Bool("parallel", false, "parse on GOMAXPROCS goroutines instead of one")
	fl.Parse(args)
	paths, err := inputPaths(*list, fl.Args())
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return errNoFiles
	}
	if *n < 1 {
		*n = 1
	}

	sources := make([]source, 0, len(paths))
	var total int64
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sources = append(sources, source{path, src})
		total += int64(len(src))
	}

	threads := 1
	if *parallel {
		threads = runtime.GOMAXPROCS(0)
	}
	runtime.GC()
	var rejected int64
	start := time.Now()
	for iter := 0; iter < *n; iter++ {
		r := parseAll(sources, threads)
		if iter == 0 {
			rejected = r
		}
	}
	secs := time.Since(start).Seconds()

	parses := float64(len(sources)) * float64(*n)
	res := benchResult{
		Parser:      "go/parser",
		GoVersion:   runtime.Version(),
		Files:       len(sources),
		Bytes:       total,
		Iterations:  *n,
		Parallel:    *parallel,
		Threads:     threads,
		Rejected:    int(rejected),
		Seconds:     secs,
		FilesPerSec: parses / secs,
		MBPerSec:    float64(total) * float64(*n) / 1e6 / secs,
	}
	enc := json.NewEncoder(os.Stdout)
	return enc.Encode(res)
}

// parseAll parses every source once on the given number of goroutines (each file with its
// own FileSet) and returns how many go/parser rejected.
func parseAll(sources []source, threads int) int64 {
	var next, rejected atomic.Int64
	work := func() {
		for {
			i := next.Add(1) - 1
			if i >= int64(len(sources)) {
				return
			}
			s := &sources[i]
			if _, err := parser.ParseFile(token.NewFileSet(), s.path, s.src, parseMode); err != nil {
				rejected.Add(1)
			}
		}
	}
	if threads <= 1 {
		work()
		return rejected.Load()
	}
	var wg sync.WaitGroup
	for t := 0; t < threads; t++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
	return rejected.Load()
}
