package p

import "unsafe"

type A struct{ b B }

type B struct{ a [2]A }

const s = unsafe.Sizeof(A{})
