// errorcheck -0 -m -l

// Rule: a map's contents live in the heap-allocated table, so keys and values stored into
// any map escape (a pointer key or value leaks), while the map itself can be a stack
// value if it does not outlive the function. Reading from a map copies out and leaks
// nothing, not even when the value read is a pointer that is returned: what a map holds
// is already on the heap.

package maps

func localMap(k string, v int) int { // ERROR "leaking param: k$"
	m := map[string]int{} // ERROR "map\[string\]int{} does not escape$"
	m[k] = v
	return len(m)
}

func pointerValues(p *int) int { // ERROR "leaking param: p$"
	m := make(map[int]*int) // ERROR "make\(map\[int\]\*int\) does not escape$"
	m[1] = p
	return len(m)
}

func returned() map[int]int {
	return map[int]int{1: 2} // ERROR "map\[int\]int{...} escapes to heap$"
}

func lookup(m map[string]*int, k string) *int { // ERROR "m does not escape$" "k does not escape$"
	return m[k]
}
