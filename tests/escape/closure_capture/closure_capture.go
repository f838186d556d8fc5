// errorcheck -0 -m=2 -l

// Rule: a closure captures a variable by value when the variable is never reassigned
// after capture, its address is never taken, and it is at most 128 bytes; otherwise by
// reference. -m=2 reports each decision as "F capturing by value|ref: x (addr=.. assign=..
// width=..)" at the variable's declaration. A closure called where it is created does
// not escape.

package closure_capture

func byValue() int {
	x := 1              // ERROR "byValue capturing by value: x \(addr=false assign=false width=8\)$"
	return func() int { // ERROR "func literal does not escape$"
		return x
	}()
}

func byRefAssigned() int {
	x := 1   // ERROR "byRefAssigned capturing by ref: x \(addr=false assign=true width=8\)$"
	func() { // ERROR "func literal does not escape$"
		x = 2
	}()
	return x
}

func byRefAddress() int {
	x := 1   // ERROR "byRefAddress capturing by ref: x \(addr=true assign=false width=8\)$"
	func() { // ERROR "func literal does not escape$"
		p := &x
		*p = 3
	}()
	return x
}

func byRefTooWide() int {
	var big [200]byte   // ERROR "byRefTooWide capturing by ref: big \(addr=false assign=false width=200\)$"
	return func() int { // ERROR "func literal does not escape$"
		return int(big[3])
	}()
}
