// errorcheck -0 -m -l

// Rule: a method value x.M binds its receiver into a closure. The bound closure is an
// allocation like a func literal: it escapes when the method value outlives the function
// and stays on the stack otherwise. A method expression T.M binds nothing.

package method_values

type counter struct{ n int }

func (c *counter) inc() { c.n++ } // ERROR "c does not escape$"

func (c counter) get() int { return c.n }

var sink func()

func escapingValue(c *counter) { // ERROR "leaking param: c$"
	sink = c.inc // ERROR "c.inc escapes to heap$"
}

func localValue(c *counter) { // ERROR "c does not escape$"
	f := c.inc // ERROR "c.inc does not escape$"
	f()
}

func valueReceiver(c counter) int {
	f := c.get // ERROR "c.get does not escape$"
	return f()
}

func methodExpression(c *counter) { // ERROR "c does not escape$"
	f := (*counter).inc
	f(c)
}
