// errorcheck -0 -m -l

// Rule: a value sent on a channel may be received by another goroutine, so escape
// analysis treats a send as a store to the heap: a pointer sent leaks, and the address of
// a local sent moves the local to the heap. Sending a non-pointer value copies it.

package channels

func sendPointer(c chan *int, p *int) { // ERROR "c does not escape$" "leaking param: p$"
	c <- p
}

func sendLocal(c chan *int) { // ERROR "c does not escape$"
	x := 1 // ERROR "moved to heap: x$"
	c <- &x
}

func sendValue(c chan int, p *int) { // ERROR "c does not escape$" "p does not escape$"
	c <- *p
}

func receive(c chan *int) *int { // ERROR "c does not escape$"
	return <-c
}

func localChannel() int {
	c := make(chan int, 1)
	c <- 1
	return <-c
}
