// errorcheck -0 -m -l

// Rule: a make whose slice does not outlive the function "does not escape", with a
// constant size or not: since Go 1.25 a non-constant make that does not escape gets a
// small stack buffer and falls back to the heap at run time when it is too small, and -m
// reports it as not escaping. A make whose slice is returned escapes either way.

package make_size

func constantSize() int {
	s := make([]int, 8) // ERROR "make\(\[\]int, 8\) does not escape$"
	return len(s)
}

func variableSize(n int) int {
	s := make([]int, n) // ERROR "make\(\[\]int, n\) does not escape$"
	return len(s)
}

func variableReturned(n int) []int {
	return make([]int, n) // ERROR "make\(\[\]int, n\) escapes to heap$"
}

func returned() []int {
	return make([]int, 8) // ERROR "make\(\[\]int, 8\) escapes to heap$"
}

func constantCapacity(n int) int {
	s := make([]int, 0, 16) // ERROR "make\(\[\]int, 0, 16\) does not escape$"
	for i := 0; i < n; i++ {
		s = append(s, i) // ERROR "append does not escape$"
	}
	return len(s)
}

// A size held by a local assigned once is replaced by its constant (gc's
// rewriteWithLiterals), so the slice gets a constant-sized stack backing.
func staticSize() int {
	n := 48
	s := make([]int, 0, n) // ERROR "make\(\[\]int, 0, 48\) does not escape$"
	return len(s)
}
