// errorcheck -0 -m -l

// Rule: storing a pointer in a package-level variable makes it reachable after the
// function returns: the pointee moves to the heap, and a pointer parameter stored there
// leaks ("leaking param"). Storing the pointee's value (a copy) does not.

package address_global

var (
	sinkPtr *int
	sinkVal int
	sinkAny any
)

func storeLocal() {
	x := 1 // ERROR "moved to heap: x$"
	sinkPtr = &x
}

func storeParam(p *int) { // ERROR "leaking param: p$"
	sinkPtr = p
}

func storeCopy(p *int) { // ERROR "p does not escape$"
	sinkVal = *p
}

func storeThroughParam(pp **int) { // ERROR "leaking param content: pp$"
	sinkPtr = *pp
}

func storeInterface(x int) {
	sinkAny = x // ERROR "x escapes to heap$"
}
