package p

import "unsafe"

var a [1 << 62]byte
var b [1 << 63]byte
var c [1 << 40][1 << 40]byte
var d [-1]int

const s = unsafe.Sizeof(c)

type E [1 << 30][1 << 30][1 << 30]int64

var e E

const t = unsafe.Sizeof(e)
