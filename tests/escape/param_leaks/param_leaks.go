// errorcheck -0 -m -l

// Rule: each pointer parameter gets a summary of where it flows: nowhere ("p does not
// escape"), to the heap ("leaking param: p"), only what it points to to the heap
// ("leaking param content: p"), or to a result, after N dereferences ("leaking param: p
// to result ~r0 level=N"; named results print their name). Callers use the summary
// instead of the body.

package param_leaks

type T struct {
	p *int
	q **int
}

var sink *int

func none(p *int) int { return *p } // ERROR "p does not escape$"

func heap(p *int) { sink = p } // ERROR "leaking param: p$"

func content(t *T) { sink = t.p } // ERROR "leaking param content: t$"

func result0(p *int) *int { return p } // ERROR "leaking param: p to result ~r0 level=0$"

func result1(t *T) *int { return t.p } // ERROR "leaking param: t to result ~r0 level=1$"

func result2(t *T) *int { return *t.q } // ERROR "leaking param: t to result ~r0 level=2$"

func named(p *int) (r *int) { // ERROR "leaking param: p to result r level=0$"
	r = p
	return
}

func second(a, b *int) (*int, *int) { // ERROR "leaking param: a to result ~r0 level=0$" "leaking param: b to result ~r1 level=0$"
	return a, b
}

func caller() int {
	x := 1
	return *result0(&x)
}

func callerHeap() {
	x := 1 // ERROR "moved to heap: x$"
	heap(&x)
}

func pair(p *int) (*int, bool) { return p, true } // ERROR "leaking param: p to result ~r0 level=0$"

// A result assigned again by ":=" (with a new variable beside it) is the result.
func redeclared(p *int) (r *int) { // ERROR "leaking param: p to result r level=0$"
	r, ok := pair(p)
	_ = ok
	return
}
