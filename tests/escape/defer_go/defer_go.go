// errorcheck -0 -m -l

// Rule: a go statement's function and arguments must outlive the spawning frame, so they
// escape. A defer at the top level of a function runs before the frame is gone: its
// closure stays on the stack. A defer inside a loop may run many times after the loop
// iteration, so its closure goes to the heap.

package defer_go

func work(p *int) {} // ERROR "p does not escape$"

func goStatement() {
	x := 1      // ERROR "moved to heap: x$"
	go func() { // ERROR "func literal escapes to heap$"
		x++
	}()
}

func goCall(p *int) { // ERROR "leaking param: p$"
	go work(p)
}

func deferTop() {
	x := 1
	defer func() { // ERROR "func literal does not escape$"
		x++
	}()
}

func deferInLoop(n int) {
	for i := 0; i < n; i++ {
		defer func() { // ERROR "func literal escapes to heap$"
			_ = i
		}()
	}
}
