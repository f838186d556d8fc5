package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sources of the test module. Line numbers matter: the expectations below refer to them.
var testModule = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.26\n",

	// Generic code in a second package, used through imports.
	"a/a.go": `package a

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(x T) { l.items = append(l.items, x) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
`,

	// A command is checked as package path "main", as go build compiles it.
	"cmd/tool/main.go": "package main\n\nfunc main() {}\n",

	"p/p.go": `package p

import "example.com/m/a"

type Inner struct {
	X int
}

func (i *Inner) Get() int { return i.X }

type Outer struct {
	Name string
	*Inner
}

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	Big   = 1 << 100
	Small = Big >> 98
	Half  = 0.5
)

func Use(o Outer, l *a.List[string]) int {
	get := o.Get
	n := o.X
	f := (*Inner).Get
	lens := a.Map([]string{"x"}, func(s string) int { return len(s) })
	l.Push("y")
	return get() + n + f(o.Inner) + lens[0] + Small
}

var bad int = "x"

func soft() {
	x := 1
}
`,
}

// writeModule writes testModule under a fresh directory and returns it.
func writeModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range testModule {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	return dir
}

// dumpModule runs the tool on patterns in dir and returns the output split into sections
// by import path.
func dumpModule(t *testing.T, dir string, deps bool, patterns ...string) (string, map[string]string) {
	t.Helper()
	var out bytes.Buffer
	if err := run(&loadConfig{dir: dir, patterns: patterns}, deps, 2, &out); err != nil {
		t.Fatal(err)
	}
	sections := make(map[string]string)
	for _, s := range strings.Split(out.String(), "=== ")[1:] {
		path, body, _ := strings.Cut(s, "\n")
		sections[path] = body
	}
	return out.String(), sections
}

func TestTempModule(t *testing.T) {
	dir := writeModule(t)
	all, sections := dumpModule(t, dir, false, "./...")
	if strings.Contains(all, "PANIC") {
		t.Fatalf("panic in dump:\n%s", all)
	}
	if len(sections) != 3 {
		t.Errorf("got sections %v, want example.com/m/{a,p,cmd/tool}", keys(sections))
	}
	if got, want := sections["example.com/m/cmd/tool"], "PACKAGE main path=main lang=go1.26\n"; !strings.HasPrefix(got, want) {
		t.Errorf("section example.com/m/cmd/tool starts with %q, want %q", got, want)
	}
	p := sections["example.com/m/p"]
	for _, want := range []string{
		"PACKAGE p path=example.com/m/p lang=go1.26",
		"FILE p.go go1.26",

		// Type errors, in go/types' order, the soft one marked.
		`ERROR p.go:39:15 cannot use "x" (untyped string constant) as int value in variable declaration`,
		"ERROR p.go:42:2 (soft) declared and not used: x",

		// Constants: iota, a typed constant, huge and untyped values.
		`DEF p.go:19:2 const Sunday example.com/m/p p.go:19:2 "Weekday" Int "0" "0"`,
		`DEF p.go:20:2 const Monday example.com/m/p p.go:20:2 "Weekday" Int "1" "1"`,
		`DEF p.go:21:2 const Tuesday example.com/m/p p.go:21:2 "Weekday" Int "2" "2"`,
		`EXPR p.go:25:10-25:18 BinaryExpr constant "untyped int" Int "1267650600228229401496703205376" "1267650600228229401496703205376"`,
		`DEF p.go:26:2 const Small example.com/m/p p.go:26:2 "untyped int" Int "4" "4"`,
		`EXPR p.go:27:10-27:13 BasicLit constant "untyped float" Float "1/2" "0.5"`,
		// Big >> 98 converted to int in the return expression.
		`EXPR p.go:36:44-36:49 Ident constant "int" Int "4" "4"`,

		// Method value through an embedded pointer: index path [1 0], indirect.
		`EXPR p.go:31:9-31:14 SelectorExpr value "func() int"`,
		`SEL p.go:31:9-31:14 methodval "Outer" [1 0] indirect "func() int" method Get example.com/m/p p.go:9:17 "func() int" recv="*Inner"`,
		// Promoted field.
		`EXPR p.go:32:7-32:10 SelectorExpr variable "int"`,
		`SEL p.go:32:7-32:10 fieldval "Outer" [1 0] indirect "int" field X example.com/m/p p.go:6:2 "int"`,
		// Method expression: the receiver becomes the first parameter. The recorded type
		// leaves it unnamed, Selection.Type keeps the receiver's name.
		`EXPR p.go:33:7-33:19 SelectorExpr value "func(*Inner) int"`,
		`SEL p.go:33:7-33:19 methodexpr "*Inner" [0] indirect "func(i *Inner) int" method Get example.com/m/p p.go:9:17 "func() int" recv="*Inner"`,
		// The embedded field is both a definition (the field) and a use (the type).
		`DEF p.go:13:3 field Inner example.com/m/p p.go:13:3 "*Inner" embedded`,
		`USE p.go:13:3 type Inner example.com/m/p p.go:5:6 "Inner"`,

		// Generics: explicit instantiation, and inference of both type arguments.
		`INST p.go:30:24 List ["string"] "example.com/m/a.List[string]"`,
		`EXPR p.go:30:22-30:36 IndexExpr type "example.com/m/a.List[string]"`,
		`EXPR p.go:30:22-30:28 SelectorExpr type "example.com/m/a.List[T any]"`,
		`INST p.go:34:12 Map ["string" "int"] "func(xs []string, f func(string) int) []int"`,
		`USE p.go:34:12 func Map example.com/m/a a.go:9:6 "func[T, U any](xs []T, f func(T) U) []U"`,
		`EXPR p.go:34:10-34:68 CallExpr value "[]int"`,
		// A method of an instantiated type is an instance of the generic method.
		`USE p.go:35:4 method Push example.com/m/a a.go:7:19 "func(x string)" recv="*example.com/m/a.List[string]" instance`,
		`EXPR p.go:35:2-35:13 CallExpr novalue "()"`,

		// Other packages' objects are qualified by path, the package's own are not.
		`USE p.go:34:10 pkgname a example.com/m/p p.go:3:8 "invalid type" imported=example.com/m/a`,
		`USE p.go:6:4 type int - - "int"`,
		`IMPLICIT p.go:3:8-3:25 ImportSpec pkgname a example.com/m/p p.go:3:8 "invalid type" imported=example.com/m/a`,

		// Scopes, init order, and the package-level objects with gc sizes.
		// A function's scope spans the whole declaration.
		"SCOPE p.go:30:1-37:2 FuncType p.go:30:1-30:41 f get l lens n o",
		// The file scope spans the whole file, the File node from "package" to EOF.
		"SCOPE p.go:1:1-43:3 File p.go:1:1-43:2 a",
		"INIT bad = p.go:39:15-39:18",
		`OBJECT type Outer example.com/m/p p.go:11:6 "Outer"` + "\n" +
			`  UNDERLYING "struct{Name string; *Inner}"` + "\n" +
			"  SIZE sizeof=24 alignof=8\n" +
			"  OFFSETS Name=0 Inner=16\n" +
			`  MSET "Outer" [1 0] indirect method Get example.com/m/p p.go:9:17 "func() int" recv="*Inner"` + "\n" +
			`  MSET "*Outer" [1 0] indirect method Get example.com/m/p p.go:9:17 "func() int" recv="*Inner"`,
		`OBJECT const Big example.com/m/p p.go:25:2 "untyped int" Int "1267650600228229401496703205376" "1267650600228229401496703205376"`,
		`OBJECT const Half example.com/m/p p.go:27:2 "untyped float" Float "1/2" "0.5"`,
	} {
		if !strings.Contains(p, want+"\n") {
			t.Errorf("section example.com/m/p lacks\n\t%s", want)
		}
	}

	a := sections["example.com/m/a"]
	for _, want := range []string{
		`OBJECT type List example.com/m/a a.go:3:6 "List[T any]"` + "\n" +
			`  UNDERLYING "struct{items []T}"` + "\n" +
			// No sizes for a generic type.
			`  MSET "*List[T any]" [0] indirect method Push example.com/m/a a.go:7:19 "func(x T)" recv="*List[T]"`,
		`DEF a.go:3:11 typeparam T example.com/m/a a.go:3:11 "T" constraint="any"`,
		`DEF a.go:9:13 typeparam U example.com/m/a a.go:9:13 "U" constraint="any"`,
		`EXPR a.go:12:9-12:26 CallExpr value "[]U"`,
	} {
		if !strings.Contains(a, want+"\n") {
			t.Errorf("section example.com/m/a lacks\n\t%s", want)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", all)
	}
}

// TestDepsAndDeterminism: dependency-only packages print only with -deps, and the output
// does not depend on the parallelism.
func TestDepsAndDeterminism(t *testing.T) {
	dir := writeModule(t)
	_, sections := dumpModule(t, dir, false, "./p")
	if _, ok := sections["example.com/m/a"]; ok || len(sections) != 1 {
		t.Errorf("without -deps: sections %v, want only example.com/m/p", keys(sections))
	}
	all, sections := dumpModule(t, dir, true, "./p")
	if _, ok := sections["example.com/m/a"]; !ok {
		t.Errorf("with -deps: sections %v, want example.com/m/a too", keys(sections))
	}
	if i, j := strings.Index(all, "=== example.com/m/a\n"), strings.Index(all, "=== example.com/m/p\n"); i > j {
		t.Errorf("dependency printed after its importer")
	}
	var serial bytes.Buffer
	if err := run(&loadConfig{dir: dir, patterns: []string{"./p"}}, true, 1, &serial); err != nil {
		t.Fatal(err)
	}
	if serial.String() != all {
		t.Errorf("output with -p 1 differs from -p 2")
	}
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestAtomsAndQuoting(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"fmt", "fmt"},
		{"example.com/m/p", "example.com/m/p"},
		{"x_test.go", "x_test.go"},
		{"", `""`},
		{"-", `"-"`},
		{"π", `"\xcf\x80"`},
		{"a b", `"a b"`},
	} {
		if got := string(appendAtom(nil, c.in)); got != c.want {
			t.Errorf("appendAtom(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	if got, want := string(appendQuoted(nil, "a \"b\" \\ \t\x7f\xff~é")), `"a \x22b\x22 \x5c \x09\x7f\xff~\xc3\xa9"`; got != want {
		t.Errorf("appendQuoted = %s, want %s", got, want)
	}
}

func TestErrorMessage(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"cannot infer U (declared at /tmp/x/a/a.go:9:13)", "cannot infer U (declared at a.go:9:13)"},
		{"multiple defaults (first at /d/p.go:12:2)", "multiple defaults (first at p.go:12:2)"},
		{"undefined: x.go", "undefined: x.go"},
		{`cannot use "a/b.go:1" as int`, `cannot use "b.go:1" as int`},
	} {
		if got := errorMessage(c.in); got != c.want {
			t.Errorf("errorMessage(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLangVersion(t *testing.T) {
	for _, c := range []struct {
		module *listModule
		want   string
	}{
		{nil, "go1.26"},
		{&listModule{GoVersion: "1.22.3"}, "go1.22"},
		{&listModule{}, "go1.16"},
		{&listModule{GoVersion: "1.30"}, "go1.26"},
	} {
		if got := langVersion(&listPackage{Module: c.module}, "go1.26.8"); got != c.want {
			t.Errorf("langVersion(%+v) = %s, want %s", c.module, got, c.want)
		}
	}
}
