package p

import "unsafe"

type T [unsafe.Sizeof(T{})]int
