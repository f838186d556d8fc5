// errorcheck -0 -m -l

// Rule: a slice literal has a backing array that can live on the stack. Its elements are
// stored into it, so pointers in an escaping slice escape with it; a slice's elements
// read back out are one dereference away from the slice ("level=1").

package pointer_slices

var sink []*int

func literalLocal() int {
	a, b := 1, 2
	s := []*int{&a, &b} // ERROR "\[\]\*int{...} does not escape$"
	return *s[0] + *s[1]
}

func literalEscapes() {
	a, b := 1, 2          // ERROR "moved to heap: a$" "moved to heap: b$"
	sink = []*int{&a, &b} // ERROR "\[\]\*int{...} escapes to heap$"
}

func element(s []*int) *int { // ERROR "leaking param: s to result ~r0 level=1$"
	return s[0]
}

func storeElement(s []*int, p *int) { // ERROR "s does not escape$" "leaking param: p$"
	s[0] = p
}

func subslice(s []*int) []*int { // ERROR "leaking param: s to result ~r0 level=0$"
	return s[1:]
}
