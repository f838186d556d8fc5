// errorcheck -0 -m -l

// Rule: the variadic arguments of a call are packed into an implicit slice, printed as
// "... argument". It does not escape unless the callee lets its variadic parameter
// escape. Passing an existing slice with s... creates no new slice.

package variadic

var sink []int

func sum(xs ...int) int { // ERROR "xs does not escape$"
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func keep(xs ...int) { // ERROR "leaking param: xs$"
	sink = xs
}

func callSum() int {
	return sum(1, 2, 3) // ERROR "... argument does not escape$"
}

func callKeep() {
	keep(1, 2, 3) // ERROR "... argument escapes to heap$"
}

func spread(s []int) int { // ERROR "s does not escape$"
	return sum(s...)
}
