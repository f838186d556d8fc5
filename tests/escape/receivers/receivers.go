// errorcheck -0 -m -l

// Rule: a receiver is a parameter like any other. A pointer receiver that is only read
// through does not escape; one stored somewhere leaks; one returned leaks to the result.
// A value receiver is a copy: its own address moves it to the heap, like a local.

package receivers

type node struct {
	next *node
	val  int
}

var root *node

func (n *node) value() int { return n.val } // ERROR "n does not escape$"

func (n *node) publish() { root = n } // ERROR "leaking param: n$"

func (n *node) self() *node { return n } // ERROR "leaking param: n to result ~r0 level=0$"

func (n *node) following() *node { return n.next } // ERROR "leaking param: n to result ~r0 level=1$"

func (n node) address() *node { return &n } // ERROR "moved to heap: n$"

func (n node) copyNext() *node { return n.next } // ERROR "leaking param: n to result ~r0 level=0$"
