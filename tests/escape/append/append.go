// errorcheck -0 -m -l

// Rule: append may allocate a new backing array, printed as the location "append". It
// escapes when the resulting slice escapes (returned, stored globally) and does not when
// the result stays local. The appended values themselves always flow to the heap: a
// pointer appended even to a purely local slice leaks.

package append

var sink []*int

func local(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i) // ERROR "append does not escape$"
	}
	return len(s)
}

func returned(s []int, v int) []int { // ERROR "leaking param: s to result ~r0 level=0$"
	return append(s, v) // ERROR "append escapes to heap$"
}

func pointers(p *int) { // ERROR "leaking param: p$"
	sink = append(sink, p) // ERROR "append escapes to heap$"
}

func pointersLocal(p *int) int { // ERROR "leaking param: p$"
	s := []*int{}    // ERROR "\[\]\*int{} does not escape$"
	s = append(s, p) // ERROR "append does not escape$"
	return len(s)
}
