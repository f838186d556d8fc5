package main

// The packages the expectations are computed from. The Rust tests build the same types
// and objects with the model's builders (crates/types/tests/common).

const srcQ = `package q

type Pub struct {
	X int
	y string
}

func (Pub) M()   {}
func (p *Pub) n() {}

type Stringer interface{ String() string }

type IQ interface{ m() }

type S1 struct{ f int }
`

const srcP = `package p

import (
	"unsafe"

	"example.com/q"
)

type T struct {
	A int "json:\"a\""
	b string "k:\"x\ty\"\x01é\u200b"
	q.Pub
	*U
	P unsafe.Pointer
}

type U struct{ V int }

func (t T) Value(x int, rest ...string) (n int, err error) { return }
func (t *T) Ptr()                                          {}

type I interface {
	b()
	A(x int) string
	a()
	q.Stringer
}

type G[K comparable, V any] struct {
	k K
	v V
}

func (g *G[K, V]) Get(k K) V { var v V; return v }

type Alias = G[string, []int]
type GA[T any] = []T

type Ch chan (<-chan int)

var C1 chan<- chan int
var C2 <-chan <-chan int
var F1 func(int, ...string) error
var Any any
var Empty interface{}
func CmpF[T interface{ comparable }]() {}
var M map[string][]*[4]byte
var Inst G[int, string]
var GAI GA[int]

func Generic[A, B any, C interface {
	~int | ~string
	M()
}](a A, b B, c C) {
}
func Shadow[int any](x int) int { return x }
func Implicit[T ~int | string, P *T]()         {}

const K = 1 << 10
const S = "hi"

var V1 int

type S1 struct{ f int }
type S2 struct {
	f int "t"
}
type E struct{ S1 }

func Id1[T any](x T) T          { return x }
func Id2[U any](y U) U          { return y }
func Id3[U comparable](y U) U   { return y }

type I1 interface {
	x()
	Y()
}
type I2 interface {
	Y()
	x()
}
type I3 interface{ I1 }
type Rec interface{ m() Rec }

type Inner struct{ X int }

func (Inner) M()  {}
func (*Inner) P() {}

type Other struct{ X int }

func (*Other) Q() {}

type Outer struct {
	Inner
	*Other
	y int
}

type E1 struct{ A int }
type E2 struct{ A int }
type Amb struct {
	E1
	E2
}
type NP *Inner
type WithI struct{ I }
type Node struct {
	*Node
	f int
}
type WithQ struct {
	q.Pub
}
type Shadowed struct {
	Inner
	M int
}

type Num interface{ ~int | ~int64 }
type Str interface{ ~string }
type Both interface {
	Num
	Str
}
type Cmpbl interface {
	comparable
	~int | []byte
}
`
