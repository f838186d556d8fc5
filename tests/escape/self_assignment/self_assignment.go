// errorcheck -0 -m -l

// Rule: an assignment of a field from the same field of the same pointer (b.buf =
// b.buf[i:j]) cannot make anything escape that was not already reachable: escape
// analysis ignores it and says so ("ignoring self-assignment"), so the receiver does not
// leak to the heap.

package self_assignment

type buffer struct {
	buf []byte
	off int
}

func (b *buffer) advance(n int) { // ERROR "b does not escape$"
	b.buf = b.buf[n:] // ERROR "\(\*buffer\).advance ignoring self-assignment in b.buf = b.buf\[n:\]$"
}

func (b *buffer) reset() { // ERROR "b does not escape$"
	b.buf = b.buf[:0] // ERROR "\(\*buffer\).reset ignoring self-assignment in b.buf = b.buf\[:0\]$"
}

func (b *buffer) swap(other *buffer) { // ERROR "b does not escape$" "leaking param content: other$"
	b.buf = other.buf
}
