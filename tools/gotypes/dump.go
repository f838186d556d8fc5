package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// dumper renders the section of one type-checked package (see docs/types-dump.md).
type dumper struct {
	fset  *token.FileSet
	pkg   *types.Package
	sizes types.Sizes
	qual  types.Qualifier
	buf   []byte   // the text after the last chunk
	out   [][]byte // the section so far, in chunks (see result)

	last  *token.File             // the file of the last position printed
	types map[types.Type]string   // quoted type strings
	objs  map[types.Object]string // rendered objects
	kinds map[reflect.Type]string // AST node kinds
}

func newDumper(fset *token.FileSet, pkg *types.Package, sizes types.Sizes, buf []byte) *dumper {
	d := &dumper{
		fset:  fset,
		pkg:   pkg,
		sizes: sizes,
		buf:   buf,
		types: make(map[types.Type]string),
		objs:  make(map[types.Object]string),
		kinds: make(map[reflect.Type]string),
	}
	// Other packages by their full path, the package being dumped unqualified.
	d.qual = func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Path()
	}
	return d
}

// dump renders everything after the "=== PATH" line of a type-checked package.
func (d *dumper) dump(lang string, files []*ast.File, info *types.Info, errs []types.Error) {
	b := d.buf
	b = append(b, "PACKAGE "...)
	b = appendAtom(b, d.pkg.Name())
	b = append(b, " path="...)
	b = appendAtom(b, d.pkg.Path())
	b = append(b, " lang="...)
	b = appendAtomOrDash(b, lang)
	b = append(b, '\n')
	for _, f := range files {
		b = append(b, "FILE "...)
		b = appendAtom(b, filepath.Base(d.fset.File(f.FileStart).Name()))
		b = append(b, ' ')
		b = appendAtomOrDash(b, info.FileVersions[f])
		b = append(b, '\n')
	}
	for _, e := range errs {
		b = append(b, "ERROR "...)
		b = d.appendPos(b, e.Pos)
		if e.Soft {
			b = append(b, " (soft)"...)
		}
		b = append(b, ' ')
		b = append(b, oneLine(errorMessage(e.Msg))...)
		b = append(b, '\n')
	}
	d.buf = b

	var s section
	for e, tv := range info.Types {
		s.begin()
		s.buf = append(s.buf, "EXPR "...)
		s.buf = d.appendSpan(s.buf, e.Pos(), e.End())
		s.buf = append(s.buf, ' ')
		s.buf = append(s.buf, d.nodeKind(e)...)
		s.buf = append(s.buf, ' ')
		s.buf = append(s.buf, modeWord(tv)...)
		s.buf = append(s.buf, ' ')
		s.buf = d.appendType(s.buf, tv.Type)
		if tv.Value != nil {
			s.buf = append(s.buf, ' ')
			s.buf = appendConst(s.buf, tv.Value)
		}
		s.end(e.Pos(), e.End())
	}
	info.Types = nil // released as soon as printed: the maps of a big package are large
	d.flush(&s)

	for id, obj := range info.Defs {
		s.begin()
		s.buf = append(s.buf, "DEF "...)
		s.buf = d.appendIdentObj(s.buf, id, obj)
		s.end(id.Pos(), id.End())
	}
	for id, obj := range info.Uses {
		s.begin()
		s.buf = append(s.buf, "USE "...)
		s.buf = d.appendIdentObj(s.buf, id, obj)
		s.end(id.Pos(), id.End())
	}
	info.Defs, info.Uses = nil, nil
	d.flush(&s)

	for n, obj := range info.Implicits {
		s.begin()
		s.buf = append(s.buf, "IMPLICIT "...)
		s.buf = d.appendSpan(s.buf, n.Pos(), n.End())
		s.buf = append(s.buf, ' ')
		s.buf = append(s.buf, d.nodeKind(n)...)
		s.buf = append(s.buf, ' ')
		s.buf = d.appendObj(s.buf, obj)
		s.end(n.Pos(), n.End())
	}
	d.flush(&s)

	for e, sel := range info.Selections {
		s.begin()
		s.buf = append(s.buf, "SEL "...)
		s.buf = d.appendSpan(s.buf, e.Pos(), e.End())
		s.buf = append(s.buf, ' ')
		s.buf = d.appendSelection(s.buf, sel)
		s.end(e.Pos(), e.End())
	}
	info.Selections = nil
	d.flush(&s)

	for id, inst := range info.Instances {
		s.begin()
		s.buf = append(s.buf, "INST "...)
		s.buf = d.appendPos(s.buf, id.Pos())
		s.buf = append(s.buf, ' ')
		s.buf = appendAtom(s.buf, id.Name)
		s.buf = append(s.buf, " ["...)
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			if i > 0 {
				s.buf = append(s.buf, ' ')
			}
			s.buf = d.appendType(s.buf, inst.TypeArgs.At(i))
		}
		s.buf = append(s.buf, "] "...)
		s.buf = d.appendType(s.buf, inst.Type)
		s.end(id.Pos(), id.End())
	}
	d.flush(&s)

	for n, sc := range info.Scopes {
		s.begin()
		s.buf = append(s.buf, "SCOPE "...)
		s.buf = d.appendSpan(s.buf, sc.Pos(), sc.End())
		s.buf = append(s.buf, ' ')
		s.buf = append(s.buf, d.nodeKind(n)...)
		s.buf = append(s.buf, ' ')
		s.buf = d.appendSpan(s.buf, n.Pos(), n.End())
		for _, name := range sc.Names() {
			s.buf = append(s.buf, ' ')
			s.buf = appendAtom(s.buf, name)
		}
		s.end(sc.Pos(), sc.End())
	}
	d.flush(&s)

	for _, init := range info.InitOrder {
		d.buf = append(d.buf, "INIT"...)
		for _, v := range init.Lhs {
			d.buf = append(d.buf, ' ')
			d.buf = appendAtom(d.buf, v.Name())
		}
		d.buf = append(d.buf, " = "...)
		d.buf = d.appendSpan(d.buf, init.Rhs.Pos(), init.Rhs.End())
		d.buf = append(d.buf, '\n')
	}

	d.objects()
}

// flush ends the current chunk and adds the sorted lines of s as a chunk of their own,
// allocated at their exact size (the output of the biggest packages is over 100 MB).
func (d *dumper) flush(s *section) {
	if len(d.buf) > 0 {
		d.out = append(d.out, d.buf)
		d.buf = nil
	}
	if len(s.ents) > 0 {
		d.out = append(d.out, s.flush(make([]byte, 0, len(s.buf))))
	}
}

// result returns the rendered text, in chunks.
func (d *dumper) result() [][]byte {
	if len(d.buf) > 0 {
		d.out = append(d.out, d.buf)
		d.buf = nil
	}
	return d.out
}

// objects renders the package-level objects, in the order of their names, with the
// details of type names.
func (d *dumper) objects() {
	scope := d.pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		d.buf = append(d.buf, "OBJECT "...)
		d.buf = d.appendObj(d.buf, obj)
		d.buf = append(d.buf, '\n')
		if tn, ok := obj.(*types.TypeName); ok {
			if _, ok := tn.Type().(*types.TypeParam); !ok {
				d.typeDetails(tn.Type())
			}
		}
	}
}

// typeDetails renders the lines below the OBJECT line of a type name: its underlying type,
// its size and alignment (and field offsets) unless it is generic, and the method sets of
// T and *T.
func (d *dumper) typeDetails(t types.Type) {
	d.buf = append(d.buf, "  UNDERLYING "...)
	d.buf = d.appendType(d.buf, t.Underlying())
	d.buf = append(d.buf, '\n')
	if !isGeneric(t) {
		d.buf = append(d.buf, "  SIZE sizeof="...)
		d.buf = strconv.AppendInt(d.buf, d.sizes.Sizeof(t), 10)
		d.buf = append(d.buf, " alignof="...)
		d.buf = strconv.AppendInt(d.buf, d.sizes.Alignof(t), 10)
		d.buf = append(d.buf, '\n')
		if st, ok := t.Underlying().(*types.Struct); ok && st.NumFields() > 0 {
			fields := make([]*types.Var, st.NumFields())
			for i := range fields {
				fields[i] = st.Field(i)
			}
			d.buf = append(d.buf, "  OFFSETS"...)
			for i, off := range d.sizes.Offsetsof(fields) {
				d.buf = append(d.buf, ' ')
				d.buf = appendAtom(d.buf, fields[i].Name())
				d.buf = append(d.buf, '=')
				d.buf = strconv.AppendInt(d.buf, off, 10)
			}
			d.buf = append(d.buf, '\n')
		}
	}
	for _, recv := range []types.Type{t, types.NewPointer(t)} {
		mset := types.NewMethodSet(recv)
		for i := 0; i < mset.Len(); i++ {
			sel := mset.At(i)
			d.buf = append(d.buf, "  MSET "...)
			d.buf = d.appendType(d.buf, recv)
			d.buf = append(d.buf, ' ')
			d.buf = appendIndex(d.buf, sel.Index())
			d.buf = append(d.buf, ' ')
			d.buf = appendIndirect(d.buf, sel.Indirect())
			d.buf = append(d.buf, ' ')
			d.buf = d.appendObj(d.buf, sel.Obj())
			d.buf = append(d.buf, '\n')
		}
	}
}

// isGeneric reports whether t is a generic (uninstantiated) named type or alias, whose
// size is not defined.
func isGeneric(t types.Type) bool {
	switch t := t.(type) {
	case *types.Named:
		return t.TypeParams().Len() > 0 && t.TypeArgs().Len() == 0
	case *types.Alias:
		return t.TypeParams().Len() > 0 && t.TypeArgs().Len() == 0
	}
	return false
}

// appendSelection renders KIND RECV INDEX INDIRECT TYPE OBJ.
func (d *dumper) appendSelection(b []byte, sel *types.Selection) []byte {
	switch sel.Kind() {
	case types.FieldVal:
		b = append(b, "fieldval "...)
	case types.MethodVal:
		b = append(b, "methodval "...)
	case types.MethodExpr:
		b = append(b, "methodexpr "...)
	default:
		b = fmt.Appendf(b, "SelectionKind(%d) ", sel.Kind())
	}
	b = d.appendType(b, sel.Recv())
	b = append(b, ' ')
	b = appendIndex(b, sel.Index())
	b = append(b, ' ')
	b = appendIndirect(b, sel.Indirect())
	b = append(b, ' ')
	b = d.appendType(b, sel.Type())
	b = append(b, ' ')
	return d.appendObj(b, sel.Obj())
}

func appendIndex(b []byte, index []int) []byte {
	b = append(b, '[')
	for i, x := range index {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(x), 10)
	}
	return append(b, ']')
}

func appendIndirect(b []byte, indirect bool) []byte {
	if indirect {
		return append(b, "indirect"...)
	}
	return append(b, "direct"...)
}

// appendIdentObj renders POS, then the object, or "- NAME" if the map holds nil for the
// identifier; " ident=NAME" follows if the object's name is not the identifier's.
func (d *dumper) appendIdentObj(b []byte, id *ast.Ident, obj types.Object) []byte {
	b = d.appendPos(b, id.Pos())
	b = append(b, ' ')
	if obj == nil {
		b = append(b, "- "...)
		return appendAtom(b, id.Name)
	}
	b = d.appendObj(b, obj)
	if obj.Name() != id.Name {
		b = append(b, " ident="...)
		b = appendAtom(b, id.Name)
	}
	return b
}

// appendObj renders an object: KIND NAME PKG DECLPOS TYPE, then kind-specific extras.
func (d *dumper) appendObj(b []byte, obj types.Object) []byte {
	if s, ok := d.objs[obj]; ok {
		return append(b, s...)
	}
	start := len(b)
	b = append(b, objKind(obj)...)
	b = append(b, ' ')
	b = appendAtom(b, obj.Name())
	b = append(b, ' ')
	if pkg := obj.Pkg(); pkg != nil {
		b = appendAtom(b, pkg.Path())
	} else {
		b = append(b, '-')
	}
	b = append(b, ' ')
	b = d.appendPos(b, obj.Pos())
	b = append(b, ' ')
	b = d.appendType(b, obj.Type())
	switch o := obj.(type) {
	case *types.Const:
		b = append(b, ' ')
		b = appendConst(b, o.Val())
	case *types.PkgName:
		b = append(b, " imported="...)
		b = appendAtom(b, o.Imported().Path())
	case *types.Var:
		if o.Embedded() {
			b = append(b, " embedded"...)
		}
		if o.Origin() != o {
			b = append(b, " instance"...)
		}
	case *types.Func:
		if recv := o.Signature().Recv(); recv != nil {
			b = append(b, " recv="...)
			b = d.appendType(b, recv.Type())
		}
		if o.Origin() != o {
			b = append(b, " instance"...)
		}
	case *types.TypeName:
		switch t := o.Type().(type) {
		case *types.TypeParam:
			b = append(b, " constraint="...)
			b = d.appendType(b, t.Constraint())
		case *types.Alias:
			b = append(b, " rhs="...)
			b = d.appendType(b, t.Rhs())
		}
	}
	d.objs[obj] = string(b[start:])
	return b
}

// objKind is the kind word of an object.
func objKind(obj types.Object) string {
	switch o := obj.(type) {
	case *types.Var:
		switch o.Kind() {
		case types.PackageVar:
			return "var"
		case types.LocalVar:
			return "local"
		case types.RecvVar:
			return "recv"
		case types.ParamVar:
			return "param"
		case types.ResultVar:
			return "result"
		case types.FieldVar:
			return "field"
		}
		return o.Kind().String()
	case *types.Const:
		return "const"
	case *types.TypeName:
		if _, ok := o.Type().(*types.TypeParam); ok {
			return "typeparam"
		}
		if o.IsAlias() {
			return "alias"
		}
		return "type"
	case *types.Func:
		if o.Signature().Recv() != nil {
			return "method"
		}
		return "func"
	case *types.PkgName:
		return "pkgname"
	case *types.Label:
		return "label"
	case *types.Builtin:
		return "builtin"
	case *types.Nil:
		return "nil"
	}
	return fmt.Sprintf("%T", obj)
}

// modeWord names the operand mode of a recorded expression, derived from TypeAndValue's
// predicates (the mode itself is not exported).
func modeWord(tv types.TypeAndValue) string {
	switch {
	case tv.IsVoid():
		return "novalue"
	case tv.IsType():
		return "type"
	case tv.IsBuiltin():
		return "builtin"
	case tv.Value != nil:
		return "constant"
	case tv.IsNil():
		return "nil"
	case tv.Addressable():
		return "variable"
	case tv.Assignable():
		return "mapindex"
	case tv.HasOk():
		return "commaok"
	case tv.IsValue():
		return "value"
	}
	return "invalid"
}

// appendConst renders a constant value: KIND "EXACT" "STRING".
func appendConst(b []byte, v constant.Value) []byte {
	if v == nil {
		return append(b, '-')
	}
	b = append(b, v.Kind().String()...)
	b = append(b, ' ')
	b = appendQuoted(b, v.ExactString())
	b = append(b, ' ')
	return appendQuoted(b, v.String())
}

// appendType renders a type string in quotes, or "-" for no type.
func (d *dumper) appendType(b []byte, t types.Type) []byte {
	if t == nil {
		return append(b, '-')
	}
	s, ok := d.types[t]
	if !ok {
		s = string(appendQuoted(nil, types.TypeString(t, d.qual)))
		d.types[t] = s
	}
	return append(b, s...)
}

func (d *dumper) nodeKind(n ast.Node) string {
	t := reflect.TypeOf(n)
	k, ok := d.kinds[t]
	if !ok {
		if t.Kind() == reflect.Pointer {
			k = t.Elem().Name()
		} else {
			k = t.Name()
		}
		d.kinds[t] = k
	}
	return k
}

// file returns the token.File holding pos (which must be valid).
func (d *dumper) file(pos token.Pos) *token.File {
	if f := d.last; f != nil && int(pos) >= f.Base() && int(pos) <= f.Base()+f.Size() {
		return f
	}
	d.last = d.fset.File(pos)
	return d.last
}

// appendPos renders FILE:LINE:COL (unadjusted, FILE the base name), or "-".
func (d *dumper) appendPos(b []byte, pos token.Pos) []byte {
	if !pos.IsValid() {
		return append(b, '-')
	}
	f := d.file(pos)
	if f == nil {
		return append(b, '?')
	}
	p := f.PositionFor(pos, false)
	b = appendAtom(b, filepath.Base(p.Filename))
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, ':')
	return strconv.AppendInt(b, int64(p.Column), 10)
}

// appendSpan renders FILE:LINE:COL-LINE:COL (the end in the start's file).
func (d *dumper) appendSpan(b []byte, start, end token.Pos) []byte {
	b = d.appendPos(b, start)
	b = append(b, '-')
	if !start.IsValid() || !end.IsValid() {
		return append(b, '-')
	}
	f := d.file(start)
	if f == nil || int(end) > f.Base()+f.Size() || int(end) < f.Base() {
		return d.appendPos(b, end) // not expected: an end in another file
	}
	p := f.PositionFor(end, false)
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, ':')
	return strconv.AppendInt(b, int64(p.Column), 10)
}

// section collects lines keyed by a source range and prints them sorted: by start, then
// enclosing ranges before enclosed ones (end descending), then by the text of the line.
type section struct {
	buf  []byte
	ents []entry
	off  int
}

type entry struct {
	start, end token.Pos
	off, lim   int
}

func (s *section) begin() { s.off = len(s.buf) }

func (s *section) end(start, end token.Pos) {
	s.buf = append(s.buf, '\n')
	s.ents = append(s.ents, entry{start, end, s.off, len(s.buf)})
}

// flush appends the sorted lines to out and empties the section.
func (s *section) flush(out []byte) []byte {
	slices.SortFunc(s.ents, func(x, y entry) int {
		if c := cmp.Compare(x.start, y.start); c != 0 {
			return c
		}
		if c := cmp.Compare(y.end, x.end); c != 0 {
			return c
		}
		return bytes.Compare(s.buf[x.off:x.lim], s.buf[y.off:y.lim])
	})
	for _, e := range s.ents {
		out = append(out, s.buf[e.off:e.lim]...)
	}
	s.buf = s.buf[:0]
	s.ents = s.ents[:0]
	return out
}

// appendQuoted prints s in double quotes: bytes 0x20..0x7e other than '"' and '\' as
// themselves, every other byte as \xHH (lower-case hex). The rule of tools/goast.
func appendQuoted(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' {
			buf = append(buf, c)
		} else {
			buf = append(buf, '\\', 'x', hex[c>>4], hex[c&0xf])
		}
	}
	return append(buf, '"')
}

// appendAtom prints a name, package path or file name bare if it is not empty and all its
// bytes are ASCII letters, digits or one of _ . / + -, and it is not "-" (which stands
// for none); quoted (appendQuoted) otherwise.
func appendAtom(buf []byte, s string) []byte {
	if !isBare(s) {
		return appendQuoted(buf, s)
	}
	return append(buf, s...)
}

// appendAtomOrDash is appendAtom, with "-" for the empty string.
func appendAtomOrDash(buf []byte, s string) []byte {
	if s == "" {
		return append(buf, '-')
	}
	return appendAtom(buf, s)
}

func isBare(s string) bool {
	if s == "" || s == "-" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '_', c == '.', c == '/', c == '+', c == '-':
		default:
			return false
		}
	}
	return true
}

// goFilePath matches a file path ending in ".go:" (followed by a line number), as
// go/types writes positions into a few messages ("cannot infer T (declared at
// /abs/dir/p.go:3:6)").
var goFilePath = regexp.MustCompile(`[^\s():"]*/([^\s/():"]+\.go:[0-9])`)

// errorMessage is a go/types error message with the directories of the file names that it
// quotes removed, so that dumps do not depend on where the sources are.
func errorMessage(msg string) string {
	if !strings.Contains(msg, ".go:") {
		return msg
	}
	return goFilePath.ReplaceAllString(msg, "$1")
}

// oneLine makes a message safe to print on a single output line: control bytes become
// \xHH, as in tools/goast.
func oneLine(msg string) string {
	var b []byte
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if c < 0x20 || c == 0x7f {
			b = fmt.Appendf(b, `\x%02x`, c)
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}
