package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAppendQuoted(t *testing.T) {
	got := string(appendQuoted(nil, "a \"b\" \\ \t\x7f\xff~é"))
	want := `"a \x22b\x22 \x5c \x09\x7f\xff~\xc3\xa9"`
	if got != want {
		t.Errorf("appendQuoted = %s, want %s", got, want)
	}
}

// dump returns the section body for src, parsed as the file named path.
func dump(path, src string) string {
	return string(dumpSource(path, []byte(src), nil))
}

func TestDumpShape(t *testing.T) {
	src := "// Doc.\npackage p\n\nfunc f(xs ...int) { _ = xs[1:2:3]; for range xs {} }\n"
	got := dump("/d/a.go", src)
	for _, want := range []string{
		"File 2:1 Doc=#0\n",
		"  Name: Ident 2:9 Name=\"p\"\n",
		"  Decls[0]: FuncDecl 4:1 Doc=-\n",
		"    Recv: nil\n",
		"    Type: FuncType 4:1 Func=4:1\n",
		"          Type: Ellipsis 4:11\n",
		"      List[0]: AssignStmt 4:21 TokPos=4:23 Tok=\"=\"\n",
		"        Rhs[0]: SliceExpr 4:25 Lbrack=4:27 Slice3=true Rbrack=4:33\n",
		"      List[1]: RangeStmt 4:36 TokPos=- Tok=\"ILLEGAL\" Range=4:40\n",
		"  Comments[0]: CommentGroup 1:1\n    List[0]: Comment 1:1 Text=\"// Doc.\"\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("dump lacks %q; dump:\n%s", want, got)
		}
	}
	// Empty lists are omitted: no Results, no List under the empty range body.
	if strings.Contains(got, "Results[") || strings.Contains(got, "List[0]: EmptyStmt") {
		t.Errorf("unexpected list entries:\n%s", got)
	}
}

func TestDumpLineDirectives(t *testing.T) {
	src := "package p\n\n//line :10:20\nvar a = 1\n//line ../x/./y.go:100\nvar b = 1\n/*line /abs//z.go:3:4*/var c = 2\n//line :5\nvar d = 1\n"
	got := dump("/d/sub/a.go", src)
	for _, want := range []string{
		// Empty filename with a column: go/token keeps the file's own name.
		"Names[0]: Ident 4:5[\"/d/sub/a.go\":10:24] Name=\"a\"",
		// Relative filename: cleaned and joined with the file's directory.
		"Names[0]: Ident 6:5[\"/d/x/y.go\":100] Name=\"b\"",
		// Absolute filename: cleaned; the column applies on the directive's line.
		"Names[0]: Ident 7:28[\"/abs/z.go\":3:8] Name=\"c\"",
		// Empty filename without a column stays empty.
		"Names[0]: Ident 9:5[\"\":5] Name=\"d\"",
		// No directive applies before the first one.
		"  Name: Ident 1:9 Name=\"p\"\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("dump lacks %q; dump:\n%s", want, got)
		}
	}
}

func TestDumpCarriageReturns(t *testing.T) {
	src := "package p\r\n// a\r\r\n/* x*\r/ */\r\nvar s = `a\r\nb`\r\n"
	got := dump("a.go", src)
	for _, want := range []string{
		`Comment 2:1 Text="// a"`,
		`Comment 3:1 Text="/* x*\x0d/ */"`,
		"BasicLit 4:9 ValueEnd=5:3 Kind=\"STRING\" Value=\"`a\\x0ab`\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("dump lacks %q; dump:\n%s", want, got)
		}
	}
}

func TestDumpError(t *testing.T) {
	got := dump("a.go", "package p\n\n//line b.go:40:1\nfunc f() { x := }\n")
	if want := "ERROR 40:17 expected operand, found '}'\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// A line-only directive leaves the column unknown: go/parser reports column 0.
	got = dump("a.go", "package p\n\n//line b.go:40\nfunc f() { x := }\n")
	if want := "ERROR 40:0 expected operand, found '}'\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDumpDeep(t *testing.T) {
	const n = 50000
	src := "package p\nvar x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "\n"
	got := dump("a.go", src)
	if c := strings.Count(got, "ParenExpr"); c != n {
		t.Errorf("%d ParenExpr lines, want %d", c, n)
	}
	// Indentation stops growing at maxIndent levels: the dump stays linear in size.
	if len(got) > 200*n {
		t.Errorf("dump of %d nested parentheses is %d bytes", n, len(got))
	}
	deep := "\n" + strings.Repeat("  ", maxIndent) + "(65) X: ParenExpr 2:71 Rparen=2:"
	if !strings.Contains(got, deep) {
		t.Errorf("dump lacks %q", deep)
	}
}

func TestInputPaths(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.go", "a.go", "sub/c.go", "notgo.txt", "dir.go/d.go"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("package p\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(list, []byte("x.go\r\n\ny.go\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := inputPaths(list, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x.go", "y.go"}
	for _, name := range []string{"a.go", "b.go", "dir.go/d.go", "sub/c.go"} {
		want = append(want, filepath.Join(dir, name))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inputPaths = %q, want %q", got, want)
	}
}
