// errorcheck -0 -m -l

// Rule: unsafe.Pointer conversions keep the pointer flowing: converting *T to
// unsafe.Pointer and back is the same pointer for escape analysis. A uintptr is an
// integer: converting a pointer to uintptr loses track of it, so nothing escapes through
// the uintptr (the pointee is not kept alive by it either).

package unsafe_pointer

import "unsafe"

var sink unsafe.Pointer
var sinkAddr uintptr

func toPointer(p *int) { // ERROR "leaking param: p$"
	sink = unsafe.Pointer(p)
}

func roundTrip(p *int) *float64 { // ERROR "leaking param: p to result ~r0 level=0$"
	return (*float64)(unsafe.Pointer(p))
}

func toUintptr(p *int) { // ERROR "p does not escape$"
	sinkAddr = uintptr(unsafe.Pointer(p))
}

func localAddress() uintptr {
	x := 1
	return uintptr(unsafe.Pointer(&x))
}

// syscall6 has no body (it would be written in assembly): gc keeps the pointers passed
// to it as uintptr alive, which counts as mutating them, so the conversion below
// copies its bytes rather than sharing the string's.
func syscall6(a1 uintptr) uintptr // ERROR "assuming a1 is unsafe uintptr$"

func keepAlive() uintptr {
	path := []byte("path") // ERROR "\(\[\]byte\)\(.path.\) does not escape$"
	return syscall6(uintptr(unsafe.Pointer(&path[0])))
}
