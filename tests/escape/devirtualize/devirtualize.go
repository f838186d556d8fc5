// errorcheck -0 -m -l

// Rule: gc devirtualizes an interface method call before escape analysis (even with -l)
// when every assignment to the receiver's variable gives it the same concrete type
// (through conversions and type assertions; nil does not count). The call becomes a
// direct call of that type's method, so its summary applies: here nothing escapes.

package devirtualize

import "io"

type buffer struct{ n int }

func (b *buffer) Write(p []byte) (int, error) { // ERROR "b does not escape$" "p does not escape$"
	b.n += len(p)
	return len(p), nil
}

func direct(p []byte) int { // ERROR "p does not escape$"
	var w io.Writer = &buffer{} // ERROR "&buffer{} does not escape$"
	n, _ := w.Write(p)          // ERROR "devirtualizing w.Write to \*buffer$"
	return n
}

func throughAssertion(p []byte) int { // ERROR "p does not escape$"
	var x any = &buffer{} // ERROR "&buffer{} does not escape$"
	if w, ok := x.(io.Writer); ok {
		n, _ := w.Write(p) // ERROR "devirtualizing w.Write to \*buffer$"
		return n
	}
	return 0
}

// Two concrete types reach w: the call stays an interface call, and the buffers escape.
func twoTypes(p []byte, other bool) int { // ERROR "leaking param: p$"
	var w io.Writer = &buffer{} // ERROR "&buffer{} escapes to heap$"
	if other {
		w = &struct{ buffer }{} // ERROR "&struct { buffer }{} escapes to heap$"
	}
	n, _ := w.Write(p)
	return n
}
