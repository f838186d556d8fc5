// errorcheck -0 -m -l

// Rule: a closure that outlives its function (returned, stored globally, passed to an
// unknown function) escapes, and so do the variables it captures by reference. A
// variable captured by value is copied into the closure and needs no heap cell of its own.

package closure_escape

var sink func() int

func counter() func() int {
	n := 0              // ERROR "moved to heap: n$"
	return func() int { // ERROR "func literal escapes to heap$"
		n++
		return n
	}
}

func constant() func() int {
	n := 42
	return func() int { // ERROR "func literal escapes to heap$"
		return n
	}
}

func stored() {
	n := 0              // ERROR "moved to heap: n$"
	sink = func() int { // ERROR "func literal escapes to heap$"
		n++
		return n
	}
}

func called(f func() int) int { // ERROR "f does not escape$"
	return f()
}

func passed() int {
	n := 1
	return called(func() int { return n }) // ERROR "func literal does not escape$"
}

var sinkLit *int

// A function literal that captures nothing is a function of its own: it is analysed
// before its user, whose call reads its summary (p leaks to its result only).
func literalWithoutCaptures() {
	pass := func(p *int) *int { return p } // ERROR "leaking param: p to result ~r0 level=0$" "func literal does not escape$"
	x := 0                                 // ERROR "moved to heap: x$"
	sinkLit = pass(&x)
}

// Function literals of package-level initializers, static or not, belong to the package's
// init function: init.func1, init.func2, in initialization order.
var hook = func(p *int) *int { return p } // ERROR "leaking param: p to result ~r0 level=0$"
