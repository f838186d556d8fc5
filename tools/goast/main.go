// Command goast is the reference side of goescape's parser conformance check.
//
// It parses Go files with go/parser and prints them in the canonical AST text form described
// in docs/ast-dump.md, which goescape's Rust parser prints too (crates/syntax/src/dump.rs), so
// that the two trees can be compared line by line. It also measures go/parser's speed for the
// side-by-side benchmark.
//
// Usage:
//
//	goast dump  [-list FILE] [PATHS...]
//	goast bench [-list FILE] [-n N] [-parallel] [PATHS...]
//
// PATHS are files or directories; a directory stands for every regular file named *.go below
// it, in sorted order. -list names a file holding one path per line ("-" is standard input);
// its paths come first, in the order given.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// parseMode is the mode both subcommands parse with: comments are part of the dump, object
// resolution is not.
const parseMode = parser.ParseComments | parser.SkipObjectResolution

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "dump":
		err = runDump(os.Args[2:])
	case "bench":
		err = runBench(os.Args[2:])
	case "-h", "-help", "--help", "help":
		usage()
	default:
		fmt.Fprintf(os.Stderr, "goast: unknown subcommand %q\n", os.Args[1])
		usage()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "goast: %v\n", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `usage:
  goast dump  [-list FILE] [PATHS...]
        print each file as "=== PATH" followed by its canonical AST dump, or by
        "ERROR LINE:COL MSG" (go/parser's first error) if go/parser rejects it
  goast bench [-list FILE] [-n N] [-parallel] [PATHS...]
        read all files into memory, parse them N times, print the speed as JSON

PATHS are files or directories (searched recursively for *.go files).
-list FILE reads further paths, one per line, from FILE ("-" for standard input).
`)
	os.Exit(2)
}

// inputPaths returns the files named by -list and by the command-line arguments.
func inputPaths(listFile string, args []string) ([]string, error) {
	var paths []string
	if listFile != "" {
		var r io.Reader
		if listFile == "-" {
			r = os.Stdin
		} else {
			f, err := os.Open(listFile)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			r = f
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			line := strings.TrimSuffix(sc.Text(), "\r")
			if line != "" {
				paths = append(paths, line)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("reading %s: %v", listFile, err)
		}
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			paths = append(paths, arg)
			continue
		}
		files, err := goFilesUnder(arg)
		if err != nil {
			return nil, err
		}
		paths = append(paths, files...)
	}
	return paths, nil
}

// goFilesUnder lists the regular files named *.go below dir, sorted by path.
// Symbolic links are not followed.
func goFilesUnder(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".go") {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// runDump implements the dump subcommand.
func runDump(args []string) error {
	fl := flag.NewFlagSet("dump", flag.ExitOnError)
	list := fl.String("list", "", "read paths, one per line, from `FILE` (- for stdin)")
	fl.Parse(args)
	paths, err := inputPaths(*list, fl.Args())
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	for _, path := range paths {
		if err := dumpPath(w, path); err != nil {
			return err
		}
	}
	return w.Flush()
}

// dumpPath writes the section of one file. Only errors writing the output are returned.
func dumpPath(w *bufio.Writer, path string) error {
	w.WriteString("=== ")
	w.WriteString(path)
	w.WriteByte('\n')
	src, err := os.ReadFile(path)
	if err != nil {
		w.WriteString("IOERROR ")
		w.WriteString(oneLine(err.Error()))
		w.WriteByte('\n')
		return nil
	}
	out := dumpSource(path, src, nil)
	_, err = w.Write(out)
	return err
}

// oneLine makes a message safe to print on a single output line.
func oneLine(msg string) string {
	var b strings.Builder
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if c < 0x20 || c == 0x7f {
			fmt.Fprintf(&b, `\x%02x`, c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

var errNoFiles = errors.New("no input files")
