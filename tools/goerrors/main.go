// Command goerrors is the reference side of goescape's type-error conformance check.
//
// Each argument is a unit: a .go file, which is a package by itself, or a directory, whose
// .go files make up one package, as go/types' own tests treat the files under
// src/internal/types/testdata. Each unit is parsed with go/parser and type-checked with
// go/types (the importer of the gc toolchain for imports, so the standard library is
// importable), with the flags its first line sets as in go/types' check_test.go. For each
// unit goerrors prints:
//
//	=== UNIT
//	LANG go1.17               the -lang flag, if the first line sets one
//	SKIP why                  flags this check cannot honour on both sides; nothing follows
//	IMPORT path               each import path go/types could import, sorted
//	SYNTAX file:line:col msg  go/parser's errors, if any
//	ERROR file:line:col hard|soft msg
//
// ERROR lines are go/types' errors in the order it reports them, without the continuation
// errors (messages starting with a tab) that explain the error before them. Positions are
// the unadjusted ones (//line directives ignored), file being the base name. In messages,
// newlines are written as \n and backslashes as \\.
//
// Usage:
//
//	goerrors [-list FILE] [UNIT...]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
)

func main() {
	fl := flag.NewFlagSet("goerrors", flag.ExitOnError)
	list := fl.String("list", "", "read units, one per line, from `FILE` (- for stdin)")
	fl.Parse(os.Args[1:])
	units := fl.Args()
	if *list != "" {
		more, err := readLines(*list)
		if err != nil {
			fmt.Fprintf(os.Stderr, "goerrors: %v\n", err)
			os.Exit(1)
		}
		units = append(more, units...)
	}
	// The same view of the standard library as goescape's loader (cgo off).
	os.Setenv("CGO_ENABLED", "0")
	out := bufio.NewWriter(os.Stdout)
	imp := importer.ForCompiler(token.NewFileSet(), "gc", nil)
	for _, unit := range units {
		fmt.Fprintf(out, "=== %s\n", unit)
		checkUnit(out, unit, imp)
		out.Flush()
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "goerrors: %v\n", err)
		os.Exit(1)
	}
}

func readLines(name string) ([]string, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = readAll(os.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return lines, nil
}

func readAll(f *os.File) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(f)
	return buf.Bytes(), err
}

// unitFiles lists a unit's files: the file itself, or a directory's .go files, sorted.
func unitFiles(unit string) ([]string, error) {
	info, err := os.Stat(unit)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{unit}, nil
	}
	entries, err := os.ReadDir(unit)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			files = append(files, filepath.Join(unit, e.Name()))
		}
	}
	return files, nil
}

// firstLineFlags reads the flags of a first line "// -flag=value ..." as check_test.go's
// parseFlags does: only a line comment whose text starts with "-".
func firstLineFlags(src []byte) (lang string, skip string) {
	rest, ok := bytes.CutPrefix(src, []byte("//"))
	if !ok {
		return "", ""
	}
	i := bytes.IndexByte(rest, '-')
	if i < 0 || len(bytes.TrimSpace(rest[:i])) != 0 {
		return "", ""
	}
	end := bytes.IndexByte(rest, '\n')
	if end < 0 || end > 256 {
		return "", "flags line too long"
	}
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	fs.SetOutput(new(bytes.Buffer))
	fs.StringVar(&lang, "lang", "", "")
	goexperiment := fs.String("goexperiment", "", "")
	fakeImportC := fs.Bool("fakeImportC", false, "")
	alias := fs.String("gotypesalias", "", "")
	if err := fs.Parse(strings.Fields(string(rest[:end]))); err != nil {
		return "", "flags: " + err.Error()
	}
	switch {
	case *goexperiment != "":
		return "", "-goexperiment=" + *goexperiment
	case *fakeImportC:
		return "", "-fakeImportC"
	case *alias != "" && *alias != "1":
		// Alias types are go/types' default; the checker has no other mode.
		return "", "-gotypesalias=" + *alias
	}
	return lang, ""
}

// escape keeps a message on one line.
func escape(msg string) string {
	msg = strings.ReplaceAll(msg, `\`, `\\`)
	return strings.ReplaceAll(msg, "\n", `\n`)
}

func checkUnit(out *bufio.Writer, unit string, imp types.Importer) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(out, "PANIC %s\n", escape(fmt.Sprintf("%v\n%s", r, debug.Stack())))
		}
	}()
	names, err := unitFiles(unit)
	if err != nil || len(names) == 0 {
		fmt.Fprintf(out, "SKIP no files: %v\n", err)
		return
	}
	fset := token.NewFileSet()
	var files []*ast.File
	var syntax []string
	var lang string
	for i, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(out, "SKIP %s\n", escape(err.Error()))
			return
		}
		if i == 0 {
			var skip string
			if lang, skip = firstLineFlags(src); skip != "" {
				fmt.Fprintf(out, "SKIP %s\n", escape(skip))
				return
			}
		}
		// The mode of tools/goast, which goescape's parser reproduces.
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if list, ok := err.(scanner.ErrorList); ok {
			for _, e := range list {
				syntax = append(syntax, fmt.Sprintf("SYNTAX %s:%d:%d %s", filepath.Base(e.Pos.Filename), e.Pos.Line, e.Pos.Column, escape(e.Msg)))
			}
		} else if err != nil {
			syntax = append(syntax, "SYNTAX "+escape(err.Error()))
		}
		if f != nil {
			files = append(files, f)
		}
	}
	if lang != "" {
		fmt.Fprintf(out, "LANG %s\n", lang)
	}
	imported := map[string]bool{}
	for _, f := range files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || path == "unsafe" || path == "C" || imported[path] {
				continue
			}
			if _, err := imp.Import(path); err == nil {
				imported[path] = true
			}
		}
	}
	var paths []string
	for path := range imported {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		fmt.Fprintf(out, "IMPORT %s\n", path)
	}
	for _, line := range syntax {
		fmt.Fprintln(out, line)
	}
	if len(files) == 0 {
		return
	}
	conf := types.Config{
		GoVersion: lang,
		Importer:  imp,
		Error: func(err error) {
			e, ok := err.(types.Error)
			if !ok || strings.HasPrefix(e.Msg, "\t") {
				return
			}
			pos := e.Fset.PositionFor(e.Pos, false)
			kind := "hard"
			if e.Soft {
				kind = "soft"
			}
			fmt.Fprintf(out, "ERROR %s:%d:%d %s %s\n", filepath.Base(pos.Filename), pos.Line, pos.Column, kind, escape(e.Msg))
		},
	}
	conf.Check(files[0].Name.Name, fset, files, nil)
}
