// errorcheck -0 -m -l

// Rule: gc drops the statements that follow a terminating one in a list — a return, a
// goto, a call of panic, an if whose taken branches all terminate (a constant condition
// takes one branch only), a block ending in one — before escape analysis, so what they
// would leak or allocate is never reported.

package dead_code

const debug = false

var sink any

func disabled(p *int) { // ERROR "p does not escape$"
	if !debug {
		return
	}
	sink = p
}

func afterPanic(p *int) { // ERROR "p does not escape$"
	if p == nil {
		panic("nil") // ERROR ".nil. escapes to heap$"
	}
	{
		panic("always") // ERROR ".always. escapes to heap$"
	}
	sink = p
}

func bothBranches(p *int, ok bool) int { // ERROR "p does not escape$"
	if ok {
		return 1
	} else {
		return 2
	}
	sink = p
	return 0
}
