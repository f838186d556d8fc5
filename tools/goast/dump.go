package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"reflect"
	"strconv"
)

// dumpSource parses src as the file named path and appends its section body to buf: the
// canonical dump, or the line "ERROR LINE:COL MSG" for go/parser's first error.
func dumpSource(path string, src []byte, buf []byte) (out []byte) {
	start := len(buf)
	defer func() {
		// A panic would be a bug in this tool (go/parser's trees are well-formed); report it
		// in the section instead of losing the rest of the stream.
		if r := recover(); r != nil {
			out = append(buf[:start], "PANIC "...)
			out = append(out, oneLine(fmt.Sprint(r))...)
			out = append(out, '\n')
		}
	}()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parseMode)
	if err != nil {
		return appendError(buf, err)
	}
	p := &printer{
		buf:    buf,
		file:   fset.File(f.FileStart),
		groups: make(map[*ast.CommentGroup]int, len(f.Comments)),
	}
	for i, g := range f.Comments {
		p.groups[g] = i
	}
	p.fileNode(f)
	return p.buf
}

// appendError formats the first error of the sorted list go/parser returned, at the
// (adjusted) position go/parser reports.
func appendError(buf []byte, err error) []byte {
	line, col, msg := 0, 0, err.Error()
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		line, col, msg = list[0].Pos.Line, list[0].Pos.Column, list[0].Msg
	}
	buf = append(buf, "ERROR "...)
	buf = strconv.AppendInt(buf, int64(line), 10)
	buf = append(buf, ':')
	buf = strconv.AppendInt(buf, int64(col), 10)
	buf = append(buf, ' ')
	buf = append(buf, oneLine(msg)...)
	return append(buf, '\n')
}

// printer writes the canonical form. Every node is one line:
//
//	INDENT LABEL ": " KIND " " POS { " " NAME "=" VALUE }
//
// followed by the lines of its child nodes, indented two more spaces. POS is the node's
// Pos(); the attributes are the node's other fields that are not nodes, in go/ast order.
type printer struct {
	buf    []byte
	file   *token.File
	groups map[*ast.CommentGroup]int
	depth  int
}

// maxIndent is the deepest level indented with spaces: a line deeper than that gets
// 2*maxIndent spaces and then its level as "(LEVEL) ", so that a dump's size stays linear
// in the size of the tree however deep it is.
const maxIndent = 64

// indent writes the indentation of a line at the current depth.
func (p *printer) indent() {
	n := min(p.depth, maxIndent)
	for i := 0; i < n; i++ {
		p.buf = append(p.buf, ' ', ' ')
	}
	if p.depth > maxIndent {
		p.buf = append(p.buf, '(')
		p.buf = strconv.AppendInt(p.buf, int64(p.depth), 10)
		p.buf = append(p.buf, ") "...)
	}
}

// open starts the line of a node: indentation, label and kind, and the node's position.
func (p *printer) open(label, kind string, pos token.Pos) {
	p.indent()
	if label != "" {
		p.buf = append(p.buf, label...)
		p.buf = append(p.buf, ": "...)
	}
	p.buf = append(p.buf, kind...)
	p.buf = append(p.buf, ' ')
	p.appendPos(pos)
}

// close ends the line of a node; the following lines (its children) are indented further
// until the matching done.
func (p *printer) close() {
	p.buf = append(p.buf, '\n')
	p.depth++
}

func (p *printer) done() { p.depth-- }

// leafEnd ends the line of a node that has no children.
func (p *printer) leafEnd() { p.buf = append(p.buf, '\n') }

func (p *printer) nilLine(label string) {
	p.indent()
	p.buf = append(p.buf, label...)
	p.buf = append(p.buf, ": nil\n"...)
}

func (p *printer) attrName(name string) {
	p.buf = append(p.buf, ' ')
	p.buf = append(p.buf, name...)
	p.buf = append(p.buf, '=')
}

func (p *printer) attrPos(name string, pos token.Pos) {
	p.attrName(name)
	p.appendPos(pos)
}

// attrTok prints a token as go/token spells it, quoted (Tok="=", Op="<-", Kind="INT").
func (p *printer) attrTok(name string, tok token.Token) {
	p.attrName(name)
	p.buf = appendQuoted(p.buf, tok.String())
}

func (p *printer) attrBool(name string, b bool) {
	p.attrName(name)
	p.buf = strconv.AppendBool(p.buf, b)
}

func (p *printer) attrStr(name, s string) {
	p.attrName(name)
	p.buf = appendQuoted(p.buf, s)
}

// attrGroup prints a Doc or Comment attachment as "#i", the index of the group in
// File.Comments, or "-" for nil.
func (p *printer) attrGroup(name string, g *ast.CommentGroup) {
	p.attrName(name)
	if g == nil {
		p.buf = append(p.buf, '-')
		return
	}
	i, ok := p.groups[g]
	if !ok {
		// Not expected from go/parser; printed so that it shows up as a difference.
		p.buf = append(p.buf, "?@"...)
		p.appendPos(g.Pos())
		return
	}
	p.buf = append(p.buf, '#')
	p.buf = strconv.AppendInt(p.buf, int64(i), 10)
}

// appendPos prints LINE:COL (unadjusted), then [FILE:LINE:COL] (or [FILE:LINE] when the
// column is unknown) if //line directives make the adjusted position differ; "-" for NoPos.
func (p *printer) appendPos(pos token.Pos) {
	if !pos.IsValid() || p.file == nil {
		p.buf = append(p.buf, '-')
		return
	}
	raw := p.file.PositionFor(pos, false)
	p.buf = strconv.AppendInt(p.buf, int64(raw.Line), 10)
	p.buf = append(p.buf, ':')
	p.buf = strconv.AppendInt(p.buf, int64(raw.Column), 10)
	adj := p.file.PositionFor(pos, true)
	if adj.Filename == raw.Filename && adj.Line == raw.Line && adj.Column == raw.Column {
		return
	}
	p.buf = append(p.buf, '[')
	p.buf = appendQuoted(p.buf, adj.Filename)
	p.buf = append(p.buf, ':')
	p.buf = strconv.AppendInt(p.buf, int64(adj.Line), 10)
	if adj.Column != 0 {
		p.buf = append(p.buf, ':')
		p.buf = strconv.AppendInt(p.buf, int64(adj.Column), 10)
	}
	p.buf = append(p.buf, ']')
}

// appendQuoted prints s in double quotes: bytes 0x20..0x7e other than '"' and '\' as
// themselves, every other byte as \xHH (lower-case hex).
func appendQuoted(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' {
			buf = append(buf, c)
		} else {
			buf = append(buf, '\\', 'x', hex[c>>4], hex[c&15])
		}
	}
	return append(buf, '"')
}

func label(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}

// safePos returns n.Pos(), or NoPos where go/ast's Pos() would panic on an incomplete node
// (an AssignStmt without Lhs, a FuncDecl without Type, ...; not produced by go/parser).
func safePos(n ast.Node) (pos token.Pos) {
	defer func() {
		if recover() != nil {
			pos = token.NoPos
		}
	}()
	return n.Pos()
}

// isNil reports whether n is nil or an interface holding a nil pointer.
func isNil(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

func (p *printer) fileNode(f *ast.File) {
	p.open("", "File", f.Package)
	p.attrGroup("Doc", f.Doc)
	p.close()
	p.ident("Name", f.Name)
	for i, d := range f.Decls {
		p.node(label("Decls", i), d)
	}
	for i, g := range f.Comments {
		p.commentGroup(label("Comments", i), g)
	}
	p.done()
}

func (p *printer) commentGroup(lbl string, g *ast.CommentGroup) {
	if g == nil {
		p.nilLine(lbl)
		return
	}
	pos := token.NoPos
	if len(g.List) > 0 {
		pos = g.Pos()
	}
	p.open(lbl, "CommentGroup", pos)
	p.close()
	for i, c := range g.List {
		p.open(label("List", i), "Comment", c.Slash)
		p.attrStr("Text", c.Text)
		p.leafEnd()
	}
	p.done()
}

func (p *printer) ident(lbl string, id *ast.Ident) {
	if id == nil {
		p.nilLine(lbl)
		return
	}
	p.open(lbl, "Ident", id.NamePos)
	p.attrStr("Name", id.Name)
	p.leafEnd()
}

func (p *printer) fieldList(lbl string, l *ast.FieldList) {
	if l == nil {
		p.nilLine(lbl)
		return
	}
	p.open(lbl, "FieldList", l.Pos())
	p.attrPos("Opening", l.Opening)
	p.attrPos("Closing", l.Closing)
	p.close()
	for i, f := range l.List {
		p.field(label("List", i), f)
	}
	p.done()
}

func (p *printer) field(lbl string, f *ast.Field) {
	if f == nil {
		p.nilLine(lbl)
		return
	}
	p.open(lbl, "Field", f.Pos())
	p.attrGroup("Doc", f.Doc)
	p.attrGroup("Comment", f.Comment)
	p.close()
	for i, n := range f.Names {
		p.ident(label("Names", i), n)
	}
	p.node("Type", f.Type)
	p.node("Tag", f.Tag)
	p.done()
}

// node prints any expression, statement, declaration or spec (or nil).
func (p *printer) node(lbl string, n ast.Node) {
	p.nodeAt(lbl, n, token.NoPos, false)
}

// nodeAt prints n, whose Pos() is pos if known is set. go/ast computes many nodes' Pos() as
// the Pos() of their first child (X.Pos() for a SelectorExpr, ...); a parent hands its own
// position down to that child, so that a chain of k such nodes costs O(k), not O(k*k).
func (p *printer) nodeAt(lbl string, n ast.Node, pos token.Pos, known bool) {
	if isNil(n) {
		p.nilLine(lbl)
		return
	}
	if !known {
		pos = safePos(n)
	}
	switch n := n.(type) {
	// Expressions.
	case *ast.BadExpr:
		p.open(lbl, "BadExpr", n.From)
		p.attrPos("To", n.To)
		p.leafEnd()
	case *ast.Ident:
		p.ident(lbl, n)
	case *ast.Ellipsis:
		p.open(lbl, "Ellipsis", n.Ellipsis)
		p.close()
		p.node("Elt", n.Elt)
		p.done()
	case *ast.BasicLit:
		p.open(lbl, "BasicLit", n.ValuePos)
		p.attrPos("ValueEnd", n.ValueEnd)
		p.attrTok("Kind", n.Kind)
		p.attrStr("Value", n.Value)
		p.leafEnd()
	case *ast.FuncLit:
		p.open(lbl, "FuncLit", pos)
		p.close()
		p.nodeAt("Type", n.Type, pos, true)
		p.node("Body", n.Body)
		p.done()
	case *ast.CompositeLit:
		p.open(lbl, "CompositeLit", pos)
		p.attrPos("Lbrace", n.Lbrace)
		p.attrPos("Rbrace", n.Rbrace)
		p.attrBool("Incomplete", n.Incomplete)
		p.close()
		p.nodeAt("Type", n.Type, pos, true)
		for i, e := range n.Elts {
			p.node(label("Elts", i), e)
		}
		p.done()
	case *ast.ParenExpr:
		p.open(lbl, "ParenExpr", n.Lparen)
		p.attrPos("Rparen", n.Rparen)
		p.close()
		p.node("X", n.X)
		p.done()
	case *ast.SelectorExpr:
		p.open(lbl, "SelectorExpr", pos)
		p.close()
		p.nodeAt("X", n.X, pos, true)
		p.ident("Sel", n.Sel)
		p.done()
	case *ast.IndexExpr:
		p.open(lbl, "IndexExpr", pos)
		p.attrPos("Lbrack", n.Lbrack)
		p.attrPos("Rbrack", n.Rbrack)
		p.close()
		p.nodeAt("X", n.X, pos, true)
		p.node("Index", n.Index)
		p.done()
	case *ast.IndexListExpr:
		p.open(lbl, "IndexListExpr", pos)
		p.attrPos("Lbrack", n.Lbrack)
		p.attrPos("Rbrack", n.Rbrack)
		p.close()
		p.nodeAt("X", n.X, pos, true)
		for i, e := range n.Indices {
			p.node(label("Indices", i), e)
		}
		p.done()
	case *ast.SliceExpr:
		p.open(lbl, "SliceExpr", pos)
		p.attrPos("Lbrack", n.Lbrack)
		p.attrBool("Slice3", n.Slice3)
		p.attrPos("Rbrack", n.Rbrack)
		p.close()
		p.nodeAt("X", n.X, pos, true)
		p.node("Low", n.Low)
		p.node("High", n.High)
		p.node("Max", n.Max)
		p.done()
	case *ast.TypeAssertExpr:
		p.open(lbl, "TypeAssertExpr", pos)
		p.attrPos("Lparen", n.Lparen)
		p.attrPos("Rparen", n.Rparen)
		p.close()
		p.nodeAt("X", n.X, pos, true)
		p.node("Type", n.Type)
		p.done()
	case *ast.CallExpr:
		p.open(lbl, "CallExpr", pos)
		p.attrPos("Lparen", n.Lparen)
		p.attrPos("Ellipsis", n.Ellipsis)
		p.attrPos("Rparen", n.Rparen)
		p.close()
		p.nodeAt("Fun", n.Fun, pos, true)
		for i, e := range n.Args {
			p.node(label("Args", i), e)
		}
		p.done()
	case *ast.StarExpr:
		p.open(lbl, "StarExpr", n.Star)
		p.close()
		p.node("X", n.X)
		p.done()
	case *ast.UnaryExpr:
		p.open(lbl, "UnaryExpr", n.OpPos)
		p.attrTok("Op", n.Op)
		p.close()
		p.node("X", n.X)
		p.done()
	case *ast.BinaryExpr:
		p.open(lbl, "BinaryExpr", pos)
		p.attrPos("OpPos", n.OpPos)
		p.attrTok("Op", n.Op)
		p.close()
		p.nodeAt("X", n.X, pos, true)
		p.node("Y", n.Y)
		p.done()
	case *ast.KeyValueExpr:
		p.open(lbl, "KeyValueExpr", pos)
		p.attrPos("Colon", n.Colon)
		p.close()
		p.nodeAt("Key", n.Key, pos, true)
		p.node("Value", n.Value)
		p.done()

	// Types.
	case *ast.ArrayType:
		p.open(lbl, "ArrayType", n.Lbrack)
		p.close()
		p.node("Len", n.Len)
		p.node("Elt", n.Elt)
		p.done()
	case *ast.StructType:
		p.open(lbl, "StructType", n.Struct)
		p.attrBool("Incomplete", n.Incomplete)
		p.close()
		p.fieldList("Fields", n.Fields)
		p.done()
	case *ast.FuncType:
		p.open(lbl, "FuncType", pos)
		p.attrPos("Func", n.Func)
		p.close()
		p.fieldList("TypeParams", n.TypeParams)
		p.fieldList("Params", n.Params)
		p.fieldList("Results", n.Results)
		p.done()
	case *ast.InterfaceType:
		p.open(lbl, "InterfaceType", n.Interface)
		p.attrBool("Incomplete", n.Incomplete)
		p.close()
		p.fieldList("Methods", n.Methods)
		p.done()
	case *ast.MapType:
		p.open(lbl, "MapType", n.Map)
		p.close()
		p.node("Key", n.Key)
		p.node("Value", n.Value)
		p.done()
	case *ast.ChanType:
		p.open(lbl, "ChanType", n.Begin)
		p.attrPos("Arrow", n.Arrow)
		p.attrName("Dir")
		p.buf = append(p.buf, chanDir(n.Dir)...)
		p.close()
		p.node("Value", n.Value)
		p.done()

	// Statements.
	case *ast.BadStmt:
		p.open(lbl, "BadStmt", n.From)
		p.attrPos("To", n.To)
		p.leafEnd()
	case *ast.DeclStmt:
		p.open(lbl, "DeclStmt", pos)
		p.close()
		p.nodeAt("Decl", n.Decl, pos, true)
		p.done()
	case *ast.EmptyStmt:
		p.open(lbl, "EmptyStmt", n.Semicolon)
		p.attrBool("Implicit", n.Implicit)
		p.leafEnd()
	case *ast.LabeledStmt:
		p.open(lbl, "LabeledStmt", pos)
		p.attrPos("Colon", n.Colon)
		p.close()
		p.ident("Label", n.Label)
		p.node("Stmt", n.Stmt)
		p.done()
	case *ast.ExprStmt:
		p.open(lbl, "ExprStmt", pos)
		p.close()
		p.nodeAt("X", n.X, pos, true)
		p.done()
	case *ast.SendStmt:
		p.open(lbl, "SendStmt", pos)
		p.attrPos("Arrow", n.Arrow)
		p.close()
		p.nodeAt("Chan", n.Chan, pos, true)
		p.node("Value", n.Value)
		p.done()
	case *ast.IncDecStmt:
		p.open(lbl, "IncDecStmt", pos)
		p.attrPos("TokPos", n.TokPos)
		p.attrTok("Tok", n.Tok)
		p.close()
		p.nodeAt("X", n.X, pos, true)
		p.done()
	case *ast.AssignStmt:
		p.open(lbl, "AssignStmt", pos)
		p.attrPos("TokPos", n.TokPos)
		p.attrTok("Tok", n.Tok)
		p.close()
		for i, e := range n.Lhs {
			p.nodeAt(label("Lhs", i), e, pos, i == 0)
		}
		for i, e := range n.Rhs {
			p.node(label("Rhs", i), e)
		}
		p.done()
	case *ast.GoStmt:
		p.open(lbl, "GoStmt", n.Go)
		p.close()
		p.node("Call", n.Call)
		p.done()
	case *ast.DeferStmt:
		p.open(lbl, "DeferStmt", n.Defer)
		p.close()
		p.node("Call", n.Call)
		p.done()
	case *ast.ReturnStmt:
		p.open(lbl, "ReturnStmt", n.Return)
		p.close()
		for i, e := range n.Results {
			p.node(label("Results", i), e)
		}
		p.done()
	case *ast.BranchStmt:
		p.open(lbl, "BranchStmt", n.TokPos)
		p.attrTok("Tok", n.Tok)
		p.close()
		p.ident("Label", n.Label)
		p.done()
	case *ast.BlockStmt:
		p.open(lbl, "BlockStmt", n.Lbrace)
		p.attrPos("Rbrace", n.Rbrace)
		p.close()
		for i, s := range n.List {
			p.node(label("List", i), s)
		}
		p.done()
	case *ast.IfStmt:
		p.open(lbl, "IfStmt", n.If)
		p.close()
		p.node("Init", n.Init)
		p.node("Cond", n.Cond)
		p.node("Body", n.Body)
		p.node("Else", n.Else)
		p.done()
	case *ast.CaseClause:
		p.open(lbl, "CaseClause", n.Case)
		p.attrPos("Colon", n.Colon)
		p.close()
		for i, e := range n.List {
			p.node(label("List", i), e)
		}
		for i, s := range n.Body {
			p.node(label("Body", i), s)
		}
		p.done()
	case *ast.SwitchStmt:
		p.open(lbl, "SwitchStmt", n.Switch)
		p.close()
		p.node("Init", n.Init)
		p.node("Tag", n.Tag)
		p.node("Body", n.Body)
		p.done()
	case *ast.TypeSwitchStmt:
		p.open(lbl, "TypeSwitchStmt", n.Switch)
		p.close()
		p.node("Init", n.Init)
		p.node("Assign", n.Assign)
		p.node("Body", n.Body)
		p.done()
	case *ast.CommClause:
		p.open(lbl, "CommClause", n.Case)
		p.attrPos("Colon", n.Colon)
		p.close()
		p.node("Comm", n.Comm)
		for i, s := range n.Body {
			p.node(label("Body", i), s)
		}
		p.done()
	case *ast.SelectStmt:
		p.open(lbl, "SelectStmt", n.Select)
		p.close()
		p.node("Body", n.Body)
		p.done()
	case *ast.ForStmt:
		p.open(lbl, "ForStmt", n.For)
		p.close()
		p.node("Init", n.Init)
		p.node("Cond", n.Cond)
		p.node("Post", n.Post)
		p.node("Body", n.Body)
		p.done()
	case *ast.RangeStmt:
		p.open(lbl, "RangeStmt", n.For)
		p.attrPos("TokPos", n.TokPos)
		p.attrTok("Tok", n.Tok)
		p.attrPos("Range", n.Range)
		p.close()
		p.node("Key", n.Key)
		p.node("Value", n.Value)
		p.node("X", n.X)
		p.node("Body", n.Body)
		p.done()

	// Specs.
	case *ast.ImportSpec:
		p.open(lbl, "ImportSpec", pos)
		p.attrGroup("Doc", n.Doc)
		p.attrGroup("Comment", n.Comment)
		p.attrPos("EndPos", n.EndPos)
		p.close()
		p.ident("Name", n.Name)
		p.node("Path", n.Path)
		p.done()
	case *ast.ValueSpec:
		p.open(lbl, "ValueSpec", pos)
		p.attrGroup("Doc", n.Doc)
		p.attrGroup("Comment", n.Comment)
		p.close()
		for i, id := range n.Names {
			p.ident(label("Names", i), id)
		}
		p.node("Type", n.Type)
		for i, e := range n.Values {
			p.node(label("Values", i), e)
		}
		p.done()
	case *ast.TypeSpec:
		p.open(lbl, "TypeSpec", pos)
		p.attrGroup("Doc", n.Doc)
		p.attrPos("Assign", n.Assign)
		p.attrGroup("Comment", n.Comment)
		p.close()
		p.ident("Name", n.Name)
		p.fieldList("TypeParams", n.TypeParams)
		p.node("Type", n.Type)
		p.done()

	// Declarations.
	case *ast.BadDecl:
		p.open(lbl, "BadDecl", n.From)
		p.attrPos("To", n.To)
		p.leafEnd()
	case *ast.GenDecl:
		p.open(lbl, "GenDecl", n.TokPos)
		p.attrGroup("Doc", n.Doc)
		p.attrTok("Tok", n.Tok)
		p.attrPos("Lparen", n.Lparen)
		p.attrPos("Rparen", n.Rparen)
		p.close()
		for i, s := range n.Specs {
			p.node(label("Specs", i), s)
		}
		p.done()
	case *ast.FuncDecl:
		p.open(lbl, "FuncDecl", pos)
		p.attrGroup("Doc", n.Doc)
		p.close()
		p.fieldList("Recv", n.Recv)
		p.ident("Name", n.Name)
		p.nodeAt("Type", n.Type, pos, true)
		p.node("Body", n.Body)
		p.done()

	default:
		// Not produced by go/parser; printed so that it shows up as a difference.
		p.open(lbl, fmt.Sprintf("Unknown(%T)", n), pos)
		p.leafEnd()
	}
}

func chanDir(d ast.ChanDir) string {
	switch d {
	case ast.SEND:
		return "SEND"
	case ast.RECV:
		return "RECV"
	case ast.SEND | ast.RECV:
		return "SEND|RECV"
	}
	return strconv.Itoa(int(d))
}
