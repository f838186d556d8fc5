// errorcheck -0 -m -l

// Rule: stack frames have size limits. An explicitly declared variable larger than 128 KiB
// (ir.MaxStackVarSize) moves to the heap; an implicit allocation (new, &T{}, make with a
// constant size, a composite literal) larger than 64 KiB (ir.MaxImplicitStackVarSize)
// escapes. Below the limits the same code stays on the stack.

package too_large

func explicitLarge() byte {
	var buf [256 << 10]byte // ERROR "moved to heap: buf$"
	return buf[0]
}

func explicitSmall() byte {
	var buf [64 << 10]byte
	return buf[0]
}

func implicitLarge() byte {
	p := new([128 << 10]byte) // ERROR "new\(\[131072\]byte\) escapes to heap$"
	return p[0]
}

func implicitSmall() byte {
	p := new([32 << 10]byte) // ERROR "new\(\[32768\]byte\) does not escape$"
	return p[0]
}

func makeLarge() byte {
	s := make([]byte, 100<<10) // ERROR "make\(\[\]byte, 102400\) escapes to heap$"
	return s[0]
}
