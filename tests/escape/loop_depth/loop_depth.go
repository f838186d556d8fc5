// errorcheck -0 -m -l

// Rule: a value that flows into a variable declared outside a loop outlives the loop
// iteration that created it, so a local declared inside the loop whose address is kept
// by a variable from outside the loop moves to the heap, even though everything stays in
// one function. Within a single iteration it stays on the stack.

package loop_depth

func keptAcrossIterations(n int) int {
	var last *int
	for i := 0; i < n; i++ {
		x := i // ERROR "moved to heap: x$"
		last = &x
	}
	if last == nil {
		return 0
	}
	return *last
}

func withinIteration(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		x := i
		p := &x
		t += *p
	}
	return t
}

func allocationInLoop(n int) *int {
	var last *int
	for i := 0; i < n; i++ {
		last = new(int) // ERROR "new\(int\) escapes to heap$"
	}
	return last
}

func labelledLoop(n int) int {
	var last *int
	i := 0
again:
	x := i // ERROR "moved to heap: x$"
	last = &x
	i++
	if i < n {
		goto again
	}
	return *last
}
