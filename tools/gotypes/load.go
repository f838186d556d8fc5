package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/version"
	"io"
	"os"
	"os/exec"
	"strings"
)

// listFields are the go list -json fields the tool reads.
const listFields = "ImportPath,Name,Dir,GoFiles,Imports,ImportMap,Standard,Module,Error,DepsErrors,DepOnly"

// listPackage is one package as `go list -json` prints it (the fields in listFields).
type listPackage struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	Imports    []string
	ImportMap  map[string]string
	Standard   bool
	DepOnly    bool
	Module     *listModule
	Error      *listError
	DepsErrors []*listError
}

type listModule struct {
	Path      string
	Version   string
	Main      bool
	GoVersion string
}

type listError struct {
	ImportStack []string
	Pos         string
	Err         string
}

// loadConfig is what decides which packages and files go list selects.
type loadConfig struct {
	dir      string   // directory go runs in ("" for the current one)
	tags     string   // -tags value, "" for none
	patterns []string // package patterns
}

// goEnv holds what the tool needs to know about the toolchain and the target.
type goEnv struct {
	goVersion string // GOVERSION, e.g. go1.26.8
	goarch    string
}

// environ is the environment of every go command the tool runs: the caller's, with cgo off
// (goescape does not run cgo; files importing "C" are then excluded by go list, as for
// CGO_ENABLED=0 go build).
func environ() []string {
	return append(os.Environ(), "CGO_ENABLED=0")
}

// goCommand runs `go ARGS` in cfg.dir and returns its standard output; standard error is
// passed through.
func goCommand(cfg *loadConfig, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = cfg.dir
	cmd.Env = environ()
	cmd.Stdin = nil
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if stderr.Len() > 0 {
		os.Stderr.Write(stderr.Bytes())
	}
	if err != nil {
		return nil, fmt.Errorf("go %s: %v", strings.Join(args, " "), err)
	}
	return out, nil
}

// readEnv asks the go command (in the same directory and environment as go list, so with
// the same toolchain selection) for GOVERSION and GOARCH.
func readEnv(cfg *loadConfig) (goEnv, error) {
	out, err := goCommand(cfg, "env", "GOVERSION", "GOARCH")
	if err != nil {
		return goEnv{}, err
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != 2 {
		return goEnv{}, fmt.Errorf("unexpected go env output %q", out)
	}
	return goEnv{goVersion: lines[0], goarch: lines[1]}, nil
}

// goList runs go list -e -deps on the patterns and returns the packages in the order it
// printed them (every package after its dependencies, unless there is an import cycle).
func goList(cfg *loadConfig) ([]*listPackage, error) {
	args := []string{"list", "-e", "-deps", "-json=" + listFields, "-compiler=gc"}
	if cfg.tags != "" {
		args = append(args, "-tags="+cfg.tags)
	}
	args = append(args, "--")
	args = append(args, cfg.patterns...)
	out, err := goCommand(cfg, args...)
	if err != nil {
		return nil, err
	}
	var pkgs []*listPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		p := new(listPackage)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("decoding go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// defaultGoModVersion is the language version the go command assumes for a module whose
// go.mod has no go line (gover.DefaultGoModVersion).
const defaultGoModVersion = "1.16"

// langVersion is the -lang flag go build passes to the compiler for p
// (cmd/go/internal/work/gc.go): the module's go version (1.16 if go.mod has none) unless
// it is newer than the toolchain, else (the standard library, GOPATH mode) the toolchain's
// own version; reduced to a language version, e.g. go1.22.
func langVersion(p *listPackage, toolchain string) string {
	local := toolchainVersion(toolchain)
	vers := local
	if p.Module != nil {
		v := p.Module.GoVersion
		if v == "" {
			v = defaultGoModVersion
		}
		if version.Compare(local, "go"+v) >= 0 {
			vers = "go" + v
		}
	}
	return version.Lang(vers)
}

// toolchainVersion turns GOVERSION ("go1.26.8", "go1.26.0-corp X:exp") into a Go version
// that go/version understands.
func toolchainVersion(goversion string) string {
	if i := strings.IndexAny(goversion, " \t"); i >= 0 {
		goversion = goversion[:i]
	}
	return goversion
}

// readPatternList reads patterns, one per line, from name ("-" for standard input).
func readPatternList(name string) ([]string, error) {
	var r io.Reader
	if name == "-" {
		r = os.Stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var patterns []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line != "" {
			patterns = append(patterns, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %v", name, err)
	}
	return patterns, nil
}

var errNoPackages = errors.New("go list printed no packages")
