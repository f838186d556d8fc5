// errorcheck -0 -m -l

// Rule: new(T) and &T{} are the same allocation for escape analysis: on the stack unless
// the pointer outlives the function. new(T) of a zero-sized type and small locals whose
// address is only dereferenced stay local.

package new_builtin

type pair struct{ a, b int }

var sink *pair

func local() int {
	p := new(pair) // ERROR "new\(pair\) does not escape$"
	p.a = 1
	return p.a
}

func returned() *pair {
	return new(pair) // ERROR "new\(pair\) escapes to heap$"
}

func stored() {
	sink = new(pair) // ERROR "new\(pair\) escapes to heap$"
}

func compositeEqual() *pair {
	return &pair{} // ERROR "&pair{} escapes to heap$"
}
