// errorcheck -0 -m -l

// Rule: converting a value that is not pointer-shaped (an int, a string, a struct) to an
// interface needs storage for the value: that storage escapes if the interface does, and
// stays on the stack if it does not. Pointer-shaped values (pointers, maps, channels,
// functions, one-pointer structs) are stored in the interface directly and flow as the
// pointer itself. A string converted to an escaping interface leaks the string's bytes
// (leaking param: s). Constants are reported as escaping too, although the compiler
// later backs them with read-only static data.

package iface_conversion

type small struct{ a, b int }

type onePointer struct{ p *int }

var sink any

func escapes(n int, s string, v small) { // ERROR "leaking param: s$"
	sink = n // ERROR "n escapes to heap$"
	sink = s // ERROR "s escapes to heap$"
	sink = v // ERROR "v escapes to heap$"
}

func staysLocal(n int) bool {
	var i any = n // ERROR "n does not escape$"
	_, ok := i.(string)
	return ok
}

func pointerShaped(p *int, q onePointer) { // ERROR "leaking param: p$" "leaking param: q$"
	sink = p
	sink = q
}

func pointerShapedLocal(p *int) bool { // ERROR "p does not escape$"
	var i any = p
	_, ok := i.(*int)
	return ok
}

func constants() {
	sink = 7          // ERROR "7 escapes to heap$"
	sink = "constant" // ERROR ".constant. escapes to heap$"
	sink = small{}    // ERROR "small{} escapes to heap$"
}
