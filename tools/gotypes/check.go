package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// parseMode is the mode every file is parsed with, as in tools/goast.
const parseMode = parser.ParseComments | parser.SkipObjectResolution

// pkgState is one listed package on its way through the tool.
type pkgState struct {
	lp    *listPackage
	index int  // position in go list's output
	print bool // whether its section is printed
	lang  string

	deps       []int // indices of the imported packages listed before this one
	dependents []int
	waiting    int // deps not yet done

	// Set by the worker that checks the package.
	types   *types.Package // nil if the package could not be type-checked
	failure string         // why types is nil
	out     [][]byte       // the section, if printed, in chunks
	done    bool

	checkTime time.Duration // time in types.Config.Check

}

// runner type-checks the listed packages in dependency order on a pool of workers and
// hands the sections to the printer in go list's order.
type runner struct {
	fset   *token.FileSet
	sizes  types.Sizes
	pkgs   []*pkgState
	byPath map[string]*pkgState

	mu         sync.Mutex
	cond       *sync.Cond
	ready      []int // packages whose dependencies are all done, ascending
	dispatched int
	buffered   int // bytes of sections done but not yet printed
	nextPrint  int // the lowest index of a printed package whose section is not yet printed

	// For benchmarks (bench.go): record types.Info for every package, printed or not,
	// and add up the time spent parsing and checking, and the errors.
	recordAll  bool
	parseNanos atomic.Int64
	checkNanos atomic.Int64
	errorCount atomic.Int64
}

// maxBuffered bounds the sections waiting to be printed: a worker only starts a package
// that prints a section if less than this is buffered, or if it is the next to print.
const maxBuffered = 256 << 20

func newRunner(listed []*listPackage, env goEnv, deps bool) (*runner, error) {
	sizes := types.SizesFor("gc", env.goarch)
	if sizes == nil {
		return nil, fmt.Errorf("no gc sizes for GOARCH=%s", env.goarch)
	}
	r := &runner{
		fset:   token.NewFileSet(),
		sizes:  sizes,
		byPath: make(map[string]*pkgState, len(listed)),
	}
	r.cond = sync.NewCond(&r.mu)
	for i, lp := range listed {
		p := &pkgState{lp: lp, index: i, print: deps || !lp.DepOnly}
		p.lang = langVersion(lp, env.goVersion)
		r.pkgs = append(r.pkgs, p)
		r.byPath[lp.ImportPath] = p
	}
	for _, p := range r.pkgs {
		seen := make(map[int]bool)
		for _, path := range p.lp.Imports {
			// A dependency listed later (only in an import cycle) is not waited for: the
			// importer reports it as unavailable.
			if d, ok := r.byPath[path]; ok && d.index < p.index && !seen[d.index] {
				seen[d.index] = true
				p.deps = append(p.deps, d.index)
				d.dependents = append(d.dependents, p.index)
			}
		}
		p.waiting = len(p.deps)
		if p.waiting == 0 {
			r.ready = append(r.ready, p.index)
		}
	}
	r.nextPrint = r.nextPrinted(0)
	return r, nil
}

// nextPrinted is the index of the first printed package at or after i (len(pkgs) if none).
func (r *runner) nextPrinted(i int) int {
	for i < len(r.pkgs) && !r.pkgs[i].print {
		i++
	}
	return i
}

// take blocks until a package can be started and returns it, or returns nil when every
// package has been started. It prefers the lowest index, so that sections complete roughly
// in printing order.
func (r *runner) take() *pkgState {
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		if r.dispatched == len(r.pkgs) {
			return nil
		}
		for k, i := range r.ready {
			p := r.pkgs[i]
			if p.print && i != r.nextPrint && r.buffered >= maxBuffered {
				continue
			}
			r.ready = append(r.ready[:k], r.ready[k+1:]...)
			r.dispatched++
			return p
		}
		r.cond.Wait()
	}
}

// finish records a package as done and makes its dependents ready.
func (r *runner) finish(p *pkgState) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p.done = true
	r.buffered += outLen(p.out)
	for _, d := range p.dependents {
		q := r.pkgs[d]
		q.waiting--
		if q.waiting == 0 {
			i := sort.SearchInts(r.ready, d)
			r.ready = append(r.ready, 0)
			copy(r.ready[i+1:], r.ready[i:])
			r.ready[i] = d
		}
	}
	r.cond.Broadcast()
}

// worker checks packages until there are none left.
func (r *runner) worker() {
	for p := r.take(); p != nil; p = r.take() {
		r.process(p)
		r.finish(p)
	}
}

func outLen(out [][]byte) int {
	n := 0
	for _, b := range out {
		n += len(b)
	}
	return n
}

// section waits for the section of the printed package p and returns it, releasing it.
func (r *runner) section(p *pkgState) [][]byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	for !p.done {
		r.cond.Wait()
	}
	out := p.out
	p.out = nil
	r.buffered -= outLen(out)
	r.nextPrint = r.nextPrinted(p.index + 1)
	r.cond.Broadcast()
	return out
}

// process type-checks p and, if it is printed, renders its section. A panic (a bug in
// this tool or in go/types) is reported in the section and on standard error; the package
// stays usable by its importers if the panic happened after type checking.
func (r *runner) process(p *pkgState) {
	var head []byte
	if p.print {
		head = append(head, "=== "...)
		head = append(head, p.lp.ImportPath...)
		head = append(head, '\n')
	}
	defer func() {
		if e := recover(); e != nil {
			fmt.Fprintf(os.Stderr, "gotypes: panic in %s: %v\n%s", p.lp.ImportPath, e, debug.Stack())
			if p.types == nil {
				p.failure = "type checker panic"
			}
			if p.print {
				b := append(head, "PANIC "...)
				b = append(b, oneLine(fmt.Sprint(e))...)
				p.out = [][]byte{append(b, '\n')}
			}
		}
	}()
	if p.lp.ImportPath == "unsafe" {
		p.types = types.Unsafe
		if p.print {
			d := newDumper(r.fset, types.Unsafe, r.sizes, head)
			d.buf = append(d.buf, "PACKAGE unsafe path=unsafe lang=-\n"...)
			d.objects()
			p.out = d.result()
		}
		return
	}
	if e := p.lp.Error; e != nil {
		p.failure = "go list error"
		if p.print {
			b := append(head, "LISTERROR "...)
			b = append(b, oneLine(e.Err)...)
			p.out = [][]byte{append(b, '\n')}
		}
		return
	}
	parseStart := time.Now()
	files, parseErrs := r.parse(p)
	r.parseNanos.Add(int64(time.Since(parseStart)))
	if len(parseErrs) > 0 {
		p.failure = "syntax error"
		if p.print {
			p.out = [][]byte{append(head, parseErrs...)}
		}
		return
	}

	var info *types.Info
	if p.print || r.recordAll {
		info = &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Instances:    make(map[*ast.Ident]types.Instance),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			Scopes:       make(map[ast.Node]*types.Scope),
			FileVersions: make(map[*ast.File]string),
		}
	}
	var errs []types.Error
	conf := types.Config{
		GoVersion:   p.lang,
		Importer:    importer{r, p},
		Sizes:       r.sizes,
		FakeImportC: false,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				errs = append(errs, te)
			} else {
				errs = append(errs, types.Error{Msg: err.Error()})
			}
		},
	}
	checkStart := time.Now()
	pkg, _ := conf.Check(checkPath(p.lp), r.fset, files, info)
	p.checkTime = time.Since(checkStart)
	r.checkNanos.Add(int64(p.checkTime))
	r.errorCount.Add(int64(len(errs)))
	p.types = pkg
	if p.print {
		d := newDumper(r.fset, pkg, r.sizes, head)
		d.dump(p.lang, files, info, errs)
		p.out = d.result()
	}
}

// checkPath is the package path the compiler is given (-p): "main" for a command, as
// cmd/go does, else the import path.
func checkPath(lp *listPackage) string {
	if lp.Name == "main" {
		return "main"
	}
	return lp.ImportPath
}

// parse parses the package's files in go list's order. For each file go/parser rejects it
// returns a line "SYNTAXERROR FILE:LINE:COL MSG" (go/parser's first error, at the position
// it reports) or "IOERROR FILE MSG".
func (r *runner) parse(p *pkgState) ([]*ast.File, []byte) {
	var files []*ast.File
	var errs []byte
	for _, name := range p.lp.GoFiles {
		path := filepath.Join(p.lp.Dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, "IOERROR "...)
			errs = appendAtom(errs, name)
			errs = append(errs, ' ')
			errs = append(errs, oneLine(err.Error())...)
			errs = append(errs, '\n')
			continue
		}
		f, err := parser.ParseFile(r.fset, path, src, parseMode)
		if err != nil {
			line, col, msg := 0, 0, err.Error()
			if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
				line, col, msg = list[0].Pos.Line, list[0].Pos.Column, list[0].Msg
			}
			errs = append(errs, "SYNTAXERROR "...)
			errs = appendAtom(errs, name)
			errs = fmt.Appendf(errs, ":%d:%d ", line, col)
			errs = append(errs, oneLine(msg)...)
			errs = append(errs, '\n')
			continue
		}
		files = append(files, f)
	}
	return files, errs
}

// importer resolves the imports of one package to the packages checked before it, after
// the package's ImportMap (vendoring).
type importer struct {
	r    *runner
	from *pkgState
}

func (im importer) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if m, ok := im.from.lp.ImportMap[path]; ok {
		path = m
	}
	dep, ok := im.r.byPath[path]
	switch {
	case !ok:
		return nil, fmt.Errorf("package %s is not loaded", path)
	case dep.index >= im.from.index:
		return nil, fmt.Errorf("package %s is not checked before %s (import cycle)", path, im.from.lp.ImportPath)
	case !slices.Contains(im.from.deps, dep.index):
		// Not expected: go list lists every import. Not waited for, so not usable.
		return nil, fmt.Errorf("package %s is not among the imports of %s", path, im.from.lp.ImportPath)
	case dep.types == nil:
		return nil, fmt.Errorf("package %s was not type-checked (%s)", path, dep.failure)
	}
	return dep.types, nil
}
