// Command gotypes prints what go/types says about a fixed set of types, one fact per
// line, as the expectations of goescape-types' tests (see regen.sh).
package main

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"
)

type mapImporter map[string]*types.Package

func (m mapImporter) Import(path string) (*types.Package, error) {
	if p, ok := m[path]; ok {
		return p, nil
	}
	return importer.Default().Import(path)
}

func check(fset *token.FileSet, path, src string, imp types.Importer) (*types.Package, *types.Info, []string) {
	f, err := parser.ParseFile(fset, path+".go", src, 0)
	if err != nil {
		panic(err)
	}
	var errs []string
	conf := types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err.Error()) }}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{}}
	pkg, _ := conf.Check(path, fset, []*ast.File{f}, info)
	return pkg, info, errs
}

func line(parts ...string) { fmt.Println(strings.Join(parts, "\t")) }

func main() {
	fset := token.NewFileSet()
	q, _, errs := check(fset, "example.com/q", srcQ, nil)
	if len(errs) > 0 {
		panic(strings.Join(errs, "\n"))
	}
	p, info, errs := check(fset, "example.com/p", srcP, mapImporter{"example.com/q": q})
	if len(errs) > 0 {
		panic(strings.Join(errs, "\n"))
	}
	rel := types.RelativeTo(p)
	scope := p.Scope()
	obj := func(name string) types.Object { return scope.Lookup(name) }
	typ := func(name string) types.Type { return obj(name).Type() }

	// Type strings of every package-level object's type, and of named types' underlying types.
	for _, name := range scope.Names() {
		t := typ(name)
		line("type", name, types.TypeString(t, rel), types.TypeString(t, nil))
		if _, ok := obj(name).(*types.TypeName); ok {
			line("under", name, types.TypeString(t.Underlying(), rel), types.TypeString(t.Underlying(), nil))
		}
		line("object", name, types.ObjectString(obj(name), rel), types.ObjectString(obj(name), nil))
	}
	// Methods, fields, type parameters, universe and unsafe objects.
	tn := obj("T").Type().(*types.Named)
	for i := 0; i < tn.NumMethods(); i++ {
		m := tn.Method(i)
		line("object", "T."+m.Name(), types.ObjectString(m, rel), types.ObjectString(m, nil))
	}
	tst := tn.Underlying().(*types.Struct)
	for i := 0; i < tst.NumFields(); i++ {
		f := tst.Field(i)
		line("object", "T.field"+fmt.Sprint(i), types.ObjectString(f, rel), types.ObjectString(f, nil))
	}
	gn := obj("G").Type().(*types.Named)
	line("object", "G.Get", types.ObjectString(gn.Method(0), rel), types.ObjectString(gn.Method(0), nil))
	gsig := obj("Generic").Type().(*types.Signature)
	for i := 0; i < gsig.TypeParams().Len(); i++ {
		tp := gsig.TypeParams().At(i)
		line("object", "Generic.tparam"+fmt.Sprint(i), types.ObjectString(tp.Obj(), rel), types.ObjectString(tp.Obj(), nil))
	}
	for _, name := range []string{"any", "error", "comparable", "len", "nil", "true", "iota", "byte", "int"} {
		o := types.Universe.Lookup(name)
		line("object", "universe."+name, types.ObjectString(o, rel), types.ObjectString(o, nil))
	}
	for _, name := range []string{"Pointer", "Sizeof"} {
		o := types.Unsafe.Scope().Lookup(name)
		line("object", "unsafe."+name, types.ObjectString(o, rel), types.ObjectString(o, nil))
	}
	for _, o := range info.Implicits {
		if pn, ok := o.(*types.PkgName); ok && pn.Name() == "q" {
			line("object", "pkgname.q", types.ObjectString(pn, rel), types.ObjectString(pn, nil))
		}
	}
	renamed := types.NewPkgName(token.NoPos, p, "qq", pn(info))
	line("object", "pkgname.qq", types.ObjectString(renamed, rel), "")
	line("object", "label", types.ObjectString(types.NewLabel(token.NoPos, p, "L"), rel), "")
	line("object", "local", types.ObjectString(types.NewVar(token.NoPos, p, "x", types.Typ[types.Int]), rel), "")
	line("type", "untyped.int", types.TypeString(types.Typ[types.UntypedInt], rel), "")
	line("type", "untyped.nil", types.TypeString(types.Typ[types.UntypedNil], rel), "")
	line("type", "invalid", types.TypeString(types.Typ[types.Invalid], rel), "")

	// Identity.
	pairs := [][2]string{
		{"Id1", "Id2"}, {"Id1", "Id3"}, {"S1", "S2"}, {"I1", "I2"}, {"I1", "I3"}, {"Inst", "Inst"},
	}
	for _, pr := range pairs {
		x, y := typ(pr[0]), typ(pr[1])
		if _, ok := obj(pr[0]).(*types.TypeName); ok {
			x, y = x.Underlying(), y.Underlying()
		}
		line("identical", pr[0], pr[1], fmt.Sprint(types.Identical(x, y)), fmt.Sprint(types.IdenticalIgnoreTags(x, y)))
	}
	line("identical", "S1", "q.S1", fmt.Sprint(types.Identical(typ("S1").Underlying(), q.Scope().Lookup("S1").Type().Underlying())), "")
	line("identical", "S1", "E", fmt.Sprint(types.Identical(typ("S1").Underlying(), typ("E").Underlying())), "")
	inst2, _ := types.Instantiate(nil, gn, []types.Type{types.Typ[types.Int], types.Typ[types.String]}, false)
	line("identical", "Inst", "G[int,string]", fmt.Sprint(types.Identical(typ("Inst"), inst2)), fmt.Sprint(typ("Inst") == inst2))

	// Comparability and type sets.
	for _, name := range []string{"T", "S1", "I", "G", "M", "F1", "Any", "Num", "Both", "Cmpbl", "Rec", "Amb"} {
		t := typ(name)
		line("comparable", name, fmt.Sprint(types.Comparable(t)))
	}
	for _, name := range []string{"I", "I3", "Num", "Str", "Both", "Cmpbl", "Rec", "Any"} {
		iface := typ(name).Underlying().(*types.Interface)
		var ms []string
		for i := 0; i < iface.NumMethods(); i++ {
			ms = append(ms, iface.Method(i).Id())
		}
		line("typeset", name, strings.Join(ms, ","), fmt.Sprint(iface.IsComparable()), fmt.Sprint(iface.IsMethodSet()), fmt.Sprint(iface.Empty()))
	}

	// Method sets.
	for _, name := range []string{"T", "Inner", "Outer", "Amb", "NP", "WithI", "Node", "WithQ", "Shadowed", "I", "Inst"} {
		for _, ptr := range []bool{false, true} {
			t := typ(name)
			label := name
			if ptr {
				t = types.NewPointer(t)
				label = "*" + name
			}
			ms := types.NewMethodSet(t)
			var entries []string
			for i := 0; i < ms.Len(); i++ {
				s := ms.At(i)
				entries = append(entries, fmt.Sprintf("%s%v%v", s.Obj().Id(), s.Index(), s.Indirect()))
			}
			line("methodset", label, strings.Join(entries, " "))
		}
	}

	// Lookups: type, name, package (p or q), addressable.
	type lk struct {
		typ, name string
		pkg       *types.Package
		addr      bool
	}
	lookups := []lk{
		{"Outer", "X", p, false}, {"Outer", "M", p, false}, {"Outer", "P", p, false}, {"Outer", "P", p, true},
		{"*Outer", "P", p, false}, {"*Outer", "Q", p, false}, {"Outer", "Q", p, false}, {"Outer", "y", p, false},
		{"Outer", "y", q, false}, {"Amb", "A", p, false}, {"NP", "X", p, false}, {"NP", "M", p, false},
		{"Inner", "_", p, false}, {"WithI", "a", p, false}, {"WithI", "a", q, false}, {"WithI", "String", p, false},
		{"*WithI", "A", p, false}, {"WithQ", "n", p, true}, {"WithQ", "n", q, true}, {"WithQ", "y", q, false},
		{"Node", "f", p, false}, {"Node", "Node", p, false}, {"Shadowed", "M", p, false}, {"Inst", "Get", p, true},
		{"Inst", "k", p, false}, {"*I", "a", p, false}, {"T", "V", p, false},
	}
	for _, l := range lookups {
		name := strings.TrimPrefix(l.typ, "*")
		t := typ(name)
		if name != l.typ {
			t = types.NewPointer(t)
		}
		o, index, indirect := types.LookupFieldOrMethod(t, l.addr, l.pkg, l.name)
		res := "notfound"
		switch {
		case o != nil:
			res = fmt.Sprintf("found %s %v %v", o.Name(), index, indirect)
		case index != nil:
			res = fmt.Sprintf("ambiguous %v", index)
		case indirect:
			res = "pointer"
		}
		line("lookup", l.typ, l.name, l.pkg.Name(), fmt.Sprint(l.addr), res)
	}

	// Missing methods: go/types' verdict, and the cause as the checker words it.
	type mm struct{ v, t string }
	missings := []mm{
		{"Inner", "interface{ M(); P() }"}, {"*Inner", "interface{ M(); P() }"}, {"Inner", "interface{ M(int) }"},
		{"Inner", "interface{ m() }"}, {"Inner", "interface{ X() }"}, {"Amb", "interface{ A() }"},
		{"WithQ", "interface{ n() }"}, {"*G[int, string]", "interface{ Get(int) string }"}, {"*G[int, string]", "interface{ Get(string) string }"}, {"G[int, string]", "interface{ Get(int) string }"},
		{"I", "interface{ a(); Z() }"}, {"I1", "interface{ Y() }"}, {"Outer", "interface{ M(); Q() }"},
	}
	for _, m := range missings {
		src := fmt.Sprintf("package r\nimport . \"example.com/p\"\nvar _ %s = %s\n", m.t, zero(m.v))
		_, _, errs := check(fset, "example.com/r", src, mapImporter{"example.com/q": q, "example.com/p": p})
		cause := "ok"
		if len(errs) > 0 {
			cause = errs[0][strings.Index(errs[0], ": ")+2:]
			cause = strings.NewReplacer("\n", " ", "\t", " ").Replace(cause)
		}
		vt := checkType(fset, m.v, q, p)
		tt := checkType(fset, m.t, q, p)
		method, wrong := types.MissingMethod(vt, tt.Underlying().(*types.Interface), true)
		mname := "-"
		if method != nil {
			mname = method.Name()
		}
		mnStatic := mname
		method, _ = types.MissingMethod(vt, tt.Underlying().(*types.Interface), false)
		if method != nil {
			mnStatic = method.Name()
		} else {
			mnStatic = "-"
		}
		line("missing", m.v, m.t, mname, fmt.Sprint(wrong), mnStatic, cause)
	}

	sizes()
}

func pn(info *types.Info) *types.Package {
	for _, o := range info.Implicits {
		if pn, ok := o.(*types.PkgName); ok && pn.Name() == "q" {
			return pn.Imported()
		}
	}
	return nil
}

func zero(v string) string {
	if strings.HasPrefix(v, "*") {
		return "(" + v + ")(nil)"
	}
	return "*new(" + v + ")"
}

func checkType(fset *token.FileSet, expr string, q, p *types.Package) types.Type {
	src := "package r\nimport . \"example.com/p\"\nvar _ = X[int, string]{}\ntype Z = " + expr + "\ntype X[A, B any] struct{}\n"
	pkg, _, _ := check(fset, "example.com/r", src, mapImporter{"example.com/q": q, "example.com/p": p})
	return pkg.Scope().Lookup("Z").Type()
}

func sizes() {
	atomicPkg := types.NewPackage("sync/atomic", "atomic")
	align64 := types.NewNamed(types.NewTypeName(token.NoPos, atomicPkg, "align64", nil), types.NewStruct(nil, nil), nil)
	other := types.NewPackage("example.com/other", "other")
	fakeAlign := types.NewNamed(types.NewTypeName(token.NoPos, other, "align64", nil), types.NewStruct(nil, nil), nil)
	field := func(name string, t types.Type) *types.Var { return types.NewField(token.NoPos, nil, name, t, false) }
	st := func(fs ...*types.Var) *types.Struct { return types.NewStruct(fs, nil) }
	b := types.Typ
	const maxInt64 = 1<<63 - 1
	cases := []struct {
		name string
		t    types.Type
	}{
		{"bool", b[types.Bool]}, {"int8", b[types.Int8]}, {"int16", b[types.Int16]}, {"int32", b[types.Int32]},
		{"int64", b[types.Int64]}, {"int", b[types.Int]}, {"uint", b[types.Uint]}, {"uintptr", b[types.Uintptr]},
		{"float32", b[types.Float32]}, {"float64", b[types.Float64]}, {"complex64", b[types.Complex64]},
		{"complex128", b[types.Complex128]}, {"string", b[types.String]}, {"unsafe.Pointer", b[types.UnsafePointer]},
		{"*int8", types.NewPointer(b[types.Int8])}, {"[]int8", types.NewSlice(b[types.Int8])},
		{"map[int8]int8", types.NewMap(b[types.Int8], b[types.Int8])}, {"chan int8", types.NewChan(types.SendRecv, b[types.Int8])},
		{"func()", types.NewSignatureType(nil, nil, nil, nil, nil, false)}, {"any", types.NewInterfaceType(nil, nil)},
		{"struct{}", st()}, {"[0]int64", types.NewArray(b[types.Int64], 0)}, {"[3]int16", types.NewArray(b[types.Int16], 3)},
		{"struct{a bool; b int64; c bool}", st(field("a", b[types.Bool]), field("b", b[types.Int64]), field("c", b[types.Bool]))},
		{"struct{a int64; b struct{}}", st(field("a", b[types.Int64]), field("b", st()))},
		{"struct{a struct{}; b struct{}}", st(field("a", st()), field("b", st()))},
		{"struct{a int8; c complex128}", st(field("a", b[types.Int8]), field("c", b[types.Complex128]))},
		{"struct{a int8; c complex64}", st(field("a", b[types.Int8]), field("c", b[types.Complex64]))},
		{"[3]struct{a int32; b bool}", types.NewArray(st(field("a", b[types.Int32]), field("b", b[types.Bool])), 3)},
		{"struct{a int32; s string; i any; sl []int8}", st(field("a", b[types.Int32]), field("s", b[types.String]), field("i", types.NewInterfaceType(nil, nil)), field("sl", types.NewSlice(b[types.Int8])))},
		{"struct{_ atomic.align64; x int64; b bool}", st(field("_", align64), field("x", b[types.Int64]), field("b", b[types.Bool]))},
		{"struct{_ other.align64; x int64}", st(field("_", fakeAlign), field("x", b[types.Int64]))},
		{"[1<<62]int64", types.NewArray(b[types.Int64], 1<<62)},
		{"[1<<62][0]int64", types.NewArray(types.NewArray(b[types.Int64], 0), 1<<62)},
		{"struct{a [maxInt64]byte; b int8; c int8}", st(field("a", types.NewArray(b[types.Byte], maxInt64)), field("b", b[types.Int8]), field("c", b[types.Int8]))},
		{"struct{a [1<<62]int64; b int8}", st(field("a", types.NewArray(b[types.Int64], 1<<62)), field("b", b[types.Int8]))},
		{"struct{x int64; a [maxInt64-16]byte; b int32}", st(field("x", b[types.Int64]), field("a", types.NewArray(b[types.Byte], maxInt64-16)), field("b", b[types.Int32]))},
	}
	arches := []string{"386", "amd64", "amd64p32", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64", "ppc64le", "riscv64", "s390x", "sparc64", "wasm"}
	sort.Strings(arches)
	for _, arch := range arches {
		s := types.SizesFor("gc", arch)
		for _, c := range cases {
			offs := "-"
			if st, ok := c.t.Underlying().(*types.Struct); ok && st.NumFields() > 0 {
				var fs []*types.Var
				for i := 0; i < st.NumFields(); i++ {
					fs = append(fs, st.Field(i))
				}
				offs = fmt.Sprint(s.Offsetsof(fs))
			}
			line("size", arch, c.name, fmt.Sprint(s.Sizeof(c.t)), fmt.Sprint(s.Alignof(c.t)), offs)
		}
	}
	_ = os.Stdout
}
