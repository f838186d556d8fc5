// errorcheck -0 -m -l

// Rule: a value whose address outlives its function moves to the heap. Returning &x
// makes the local (or parameter) x outlive the call; so does returning a pointer to a
// composite literal or to new(T). A pointer that is only used inside the function does
// not escape.

package address_returned

type point struct{ x, y int }

func local() *int {
	x := 1 // ERROR "moved to heap: x$"
	return &x
}

func param(x int) *int { // ERROR "moved to heap: x$"
	return &x
}

func literal() *point {
	return &point{1, 2} // ERROR "&point{...} escapes to heap$"
}

func literalUsedLocally() int {
	p := &point{1, 2} // ERROR "&point{...} does not escape$"
	return p.x + p.y
}

func field() *int {
	var p point // ERROR "moved to heap: p$"
	return &p.y
}

func addressNotReturned() int {
	x := 1
	p := &x
	return *p
}
