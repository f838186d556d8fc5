// Command gen evaluates the cases of the files it is given (../cases.txt and
// ../random_cases.txt) with Go's go/constant and prints, for
// each, what the Rust crate must reproduce: the result's kind, String and ExactString,
// its machine-value accessors, and its representability (with the rounded value) in each
// basic type as go/types decides it. Run by ../regen.sh; its output is ../golden.txt.
//
// A case is a line of whitespace-separated tokens evaluated as a stack program (reverse
// Polish notation); see ../cases.txt for the token list.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"os"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gen cases.txt...")
		os.Exit(2)
	}
	var lines []string
	for _, name := range os.Args[1:] {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fmt.Fprintf(w, "case %s\n", line)
		v, ok := run(strings.Fields(line))
		if !ok {
			fmt.Fprintln(w, "  panic")
			continue
		}
		describe(w, v)
		crossCheck(line, v)
	}
}

// errInvalid marks an operation go/constant rejects (it panics) or go/types would reject
// before calling it (a negative shift count).
type errInvalid struct{}

func run(tokens []string) (result constant.Value, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			result, ok = nil, false
		}
	}()
	var stack []constant.Value
	pop := func() constant.Value {
		if len(stack) == 0 {
			fail("stack underflow")
		}
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return v
	}
	push := func(v constant.Value) { stack = append(stack, v) }
	for _, t := range tokens {
		name, arg, _ := strings.Cut(t, ":")
		switch name {
		case "int", "float", "imag", "char", "string":
			push(constant.MakeFromLiteral(arg, literalToken(name), 0))
		case "hex":
			kind, h, _ := strings.Cut(arg, ":")
			b, err := hex.DecodeString(h)
			if err != nil {
				fail("bad hex " + t)
			}
			push(constant.MakeFromLiteral(string(b), literalToken(kind), 0))
		case "i64":
			n, err := strconv.ParseInt(arg, 10, 64)
			if err != nil {
				fail("bad i64 " + t)
			}
			push(constant.MakeInt64(n))
		case "u64":
			n, err := strconv.ParseUint(arg, 10, 64)
			if err != nil {
				fail("bad u64 " + t)
			}
			push(constant.MakeUint64(n))
		case "f64":
			n, err := strconv.ParseUint(strings.TrimPrefix(arg, "0x"), 16, 64)
			if err != nil {
				fail("bad f64 " + t)
			}
			push(constant.MakeFloat64(math.Float64frombits(n)))
		case "bool":
			push(constant.MakeBool(arg == "true"))
		case "str":
			b, err := hex.DecodeString(arg)
			if err != nil {
				fail("bad str " + t)
			}
			push(constant.MakeString(string(b)))
		case "unknown":
			push(constant.MakeUnknown())
		case "pos", "neg", "not", "cpl":
			var prec uint64
			if arg != "" {
				prec, _ = strconv.ParseUint(arg, 10, 32)
			}
			op := map[string]token.Token{"pos": token.ADD, "neg": token.SUB, "not": token.NOT, "cpl": token.XOR}[name]
			push(constant.UnaryOp(op, pop(), uint(prec)))
		case "+", "-", "*", "/", "div", "%", "&", "|", "^", "&^", "&&", "||":
			y, x := pop(), pop()
			op := map[string]token.Token{"+": token.ADD, "-": token.SUB, "*": token.MUL, "/": token.QUO,
				"div": token.QUO_ASSIGN, "%": token.REM, "&": token.AND, "|": token.OR, "^": token.XOR,
				"&^": token.AND_NOT, "&&": token.LAND, "||": token.LOR}[name]
			push(constant.BinaryOp(x, op, y))
		case "<<", ">>":
			n, err := strconv.ParseInt(arg, 10, 64)
			if err != nil {
				fail("bad shift " + t)
			}
			x := pop()
			if n < 0 {
				panic(errInvalid{})
			}
			op := token.SHL
			if name == ">>" {
				op = token.SHR
			}
			push(constant.Shift(x, op, uint(n)))
		case "==", "!=", "<", "<=", ">", ">=":
			y, x := pop(), pop()
			op := map[string]token.Token{"==": token.EQL, "!=": token.NEQ, "<": token.LSS,
				"<=": token.LEQ, ">": token.GTR, ">=": token.GEQ}[name]
			push(constant.MakeBool(constant.Compare(x, op, y)))
		case "to_int":
			push(constant.ToInt(pop()))
		case "to_float":
			push(constant.ToFloat(pop()))
		case "to_complex":
			push(constant.ToComplex(pop()))
		case "real_part":
			push(constant.Real(pop()))
		case "imag_part":
			push(constant.Imag(pop()))
		case "num":
			push(constant.Num(pop()))
		case "denom":
			push(constant.Denom(pop()))
		case "make_imag":
			push(constant.MakeImag(pop()))
		case "dup":
			v := pop()
			push(v)
			push(v)
		case "swap":
			y, x := pop(), pop()
			push(y)
			push(x)
		default:
			fail("unknown token " + t)
		}
	}
	if len(stack) != 1 {
		fail(fmt.Sprintf("%d values left on the stack", len(stack)))
	}
	return stack[0], true
}

// fail reports a malformed case; it must not be mistaken for a go/constant panic.
func fail(msg string) {
	fmt.Fprintln(os.Stderr, "gen:", msg)
	os.Exit(1)
}

func literalToken(kind string) token.Token {
	switch kind {
	case "int":
		return token.INT
	case "float":
		return token.FLOAT
	case "imag":
		return token.IMAG
	case "char":
		return token.CHAR
	case "string":
		return token.STRING
	}
	fail("bad literal kind " + kind)
	return token.ILLEGAL
}

func describe(w *bufio.Writer, v constant.Value) {
	k := v.Kind()
	fmt.Fprintf(w, "  kind %s\n", k)
	fmt.Fprintf(w, "  string %s\n", v.String())
	fmt.Fprintf(w, "  exact %s\n", v.ExactString())
	isInt := k == constant.Int || k == constant.Unknown
	isReal := isInt || k == constant.Float
	if isInt {
		i, iok := constant.Int64Val(v)
		u, uok := constant.Uint64Val(v)
		fmt.Fprintf(w, "  int64 %d %t\n", i, iok)
		fmt.Fprintf(w, "  uint64 %d %t\n", u, uok)
		fmt.Fprintf(w, "  bitlen %d\n", constant.BitLen(v))
	}
	if isReal {
		f32, ok32 := constant.Float32Val(v)
		f64, ok64 := constant.Float64Val(v)
		fmt.Fprintf(w, "  float32 %#08x %t\n", math.Float32bits(f32), ok32)
		fmt.Fprintf(w, "  float64 %#016x %t\n", math.Float64bits(f64), ok64)
		fmt.Fprintf(w, "  num %s\n", constant.Num(v).ExactString())
		fmt.Fprintf(w, "  denom %s\n", constant.Denom(v).ExactString())
	}
	if isReal || k == constant.Complex {
		fmt.Fprintf(w, "  sign %d\n", constant.Sign(v))
	}
	var not []string
	for _, t := range targets {
		r, ok := representable(v, t.kind)
		if !ok {
			not = append(not, t.name)
			continue
		}
		fmt.Fprintf(w, "  repr %s %s %s %s\n", t.name, r.Kind(), r.String(), r.ExactString())
	}
	fmt.Fprintf(w, "  not representable:%s\n", strings.Join(append([]string{""}, not...), " "))
}

var targets = []struct {
	name string
	kind types.BasicKind
}{
	{"bool", types.Bool}, {"string", types.String},
	{"int8", types.Int8}, {"int16", types.Int16}, {"int32", types.Int32}, {"int64", types.Int64},
	{"uint8", types.Uint8}, {"uint16", types.Uint16}, {"uint32", types.Uint32}, {"uint64", types.Uint64},
	{"uintptr", types.Uintptr},
	{"float32", types.Float32}, {"float64", types.Float64},
	{"complex64", types.Complex64}, {"complex128", types.Complex128},
	{"untyped_int", types.UntypedInt}, {"untyped_float", types.UntypedFloat},
	{"untyped_complex", types.UntypedComplex},
}

// representable is go/types' representableConst (unexported there) for gc on amd64,
// using go/constant's exported API only; crossCheck compares it with go/types itself.
func representable(x constant.Value, kind types.BasicKind) (constant.Value, bool) {
	rounded := x
	if x.Kind() == constant.Unknown {
		return rounded, true
	}
	info := types.Typ[kind].Info()
	switch {
	case info&types.IsInteger != 0:
		x := constant.ToInt(x)
		if x.Kind() != constant.Int {
			return nil, false
		}
		rounded = x
		if x, ok := constant.Int64Val(x); ok {
			switch kind {
			case types.Int8:
				return rounded, -1<<7 <= x && x <= 1<<7-1
			case types.Int16:
				return rounded, -1<<15 <= x && x <= 1<<15-1
			case types.Int32:
				return rounded, -1<<31 <= x && x <= 1<<31-1
			case types.Int64, types.UntypedInt:
				return rounded, true
			case types.Uint8:
				return rounded, 0 <= x && x <= 1<<8-1
			case types.Uint16:
				return rounded, 0 <= x && x <= 1<<16-1
			case types.Uint32:
				return rounded, 0 <= x && x <= 1<<32-1
			case types.Uint64, types.Uintptr:
				return rounded, 0 <= x
			}
			fail("unexpected integer kind")
		}
		switch n := constant.BitLen(x); kind {
		case types.Uint64, types.Uintptr:
			return rounded, constant.Sign(x) >= 0 && n <= 64
		case types.UntypedInt:
			return rounded, true
		}
		return nil, false
	case info&types.IsFloat != 0:
		x := constant.ToFloat(x)
		if x.Kind() != constant.Float {
			return nil, false
		}
		switch kind {
		case types.Float32:
			r := roundFloat32(x)
			return r, r != nil
		case types.Float64:
			r := roundFloat64(x)
			return r, r != nil
		}
		return rounded, true
	case info&types.IsComplex != 0:
		x := constant.ToComplex(x)
		if x.Kind() != constant.Complex {
			return nil, false
		}
		var re, im constant.Value
		switch kind {
		case types.Complex64:
			re, im = roundFloat32(constant.Real(x)), roundFloat32(constant.Imag(x))
		case types.Complex128:
			re, im = roundFloat64(constant.Real(x)), roundFloat64(constant.Imag(x))
		default:
			return rounded, true
		}
		if re == nil || im == nil {
			return nil, false
		}
		return constant.BinaryOp(re, token.ADD, constant.MakeImag(im)), true
	case info&types.IsString != 0:
		return rounded, x.Kind() == constant.String
	case info&types.IsBoolean != 0:
		return rounded, x.Kind() == constant.Bool
	}
	return nil, false
}

func roundFloat32(x constant.Value) constant.Value {
	f32, _ := constant.Float32Val(x)
	if f := float64(f32); !math.IsInf(f, 0) {
		return constant.MakeFloat64(f)
	}
	return nil
}

func roundFloat64(x constant.Value) constant.Value {
	if f, _ := constant.Float64Val(x); !math.IsInf(f, 0) {
		return constant.MakeFloat64(f)
	}
	return nil
}

// crossCheck compares the representable replica with go/types for cases that are a
// single numeric literal: the conversion T(lit) must succeed exactly when the replica
// says the literal is representable, with the same value.
func crossCheck(line string, v constant.Value) {
	name, lit, _ := strings.Cut(line, ":")
	if strings.ContainsAny(line, " \t") || (name != "int" && name != "float" && name != "imag" && name != "char") {
		return
	}
	fset := token.NewFileSet()
	if tv, err := types.Eval(fset, nil, token.NoPos, lit); err != nil || tv.Value == nil || tv.Value.ExactString() != v.ExactString() {
		return // not a literal go/parser accepts as is
	}
	for _, t := range targets {
		if t.kind == types.Bool || t.kind == types.String || types.Typ[t.kind].Info()&types.IsUntyped != 0 {
			continue
		}
		r, ok := representable(v, t.kind)
		tv, err := types.Eval(fset, nil, token.NoPos, fmt.Sprintf("%s(%s)", t.name, lit))
		switch {
		case ok != (err == nil):
			fail(fmt.Sprintf("replica disagrees with go/types on %s(%s): %v vs %v", t.name, lit, ok, err))
		case ok && r.ExactString() != tv.Value.ExactString():
			fail(fmt.Sprintf("replica disagrees with go/types on %s(%s): %s vs %s", t.name, lit, r.ExactString(), tv.Value.ExactString()))
		}
	}
}
