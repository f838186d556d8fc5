// errorcheck -0 -m -l

// Rule: a range-over-func loop is rewritten into a call of the iterator with the loop
// body as a closure (named F-range1). The body closure captures the loop's state and the
// variables it assigns; whether they escape depends on the iterator's parameter summary.
// An iterator that only calls yield lets nothing escape.

package range_func

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) { // ERROR "func literal escapes to heap$" "yield does not escape$"
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func each(yield func(int) bool) { // ERROR "yield does not escape$"
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func sum() int {
	t := 0
	for v := range each { // ERROR "func literal does not escape$"
		t += v
	}
	return t
}
