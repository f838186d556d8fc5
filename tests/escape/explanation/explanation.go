// errorcheck -0 -m=2 -l

// Rule: -m=2 explains each escape: a header "x escapes to heap in F:" (or "parameter p
// leaks to R for F with derefs=N:") followed by the flow path, one "flow: dst ← src:"
// line per edge and "from EXPR (REASON) at POS" lines for the steps of each edge, all
// printed at the position of the escaping value.

package explanation

var sink *int

func returned() *int {
	x := 1 // ERROR "moved to heap: x$" "x escapes to heap in returned:$" "flow: ~r0 ← &x:$" "from &x \(address-of\) at .*explanation.go:14:9$" "from return &x \(return\) at .*explanation.go:14:2$"
	return &x
}

func leaked(p *int) { // ERROR "leaking param: p$" "parameter p leaks to {heap} for leaked with derefs=0:$" "flow: {heap} ← p:$" "from sink = p \(assign\) at .*explanation.go:18:7$"
	sink = p
}

func toResult(p *int) *int { // ERROR "leaking param: p to result ~r0 level=0$" "parameter p leaks to ~r0 for toResult with derefs=0:$" "flow: ~r0 ← p:$" "from return p \(return\) at .*explanation.go:22:2$"
	return p
}

// A callee (or an interface call's receiver) computed by a call is moved into a
// temporary first, and the explanation names the temporary.
func callee() func(*int) { return func(p *int) {} } // ERROR "p does not escape$" "func literal escapes to heap$" "func literal escapes to heap in callee:$" "flow: ~r0 ← &{storage for func literal}:$" "from func literal \(spill\) at .*explanation.go:27:35$" "from return func literal \(return\) at .*explanation.go:27:28$"

func callResult() {
	x := 0 // ERROR "moved to heap: x$" "x escapes to heap in callResult:$" "flow: {heap} ← &x:$" "from &x \(address-of\) at .*explanation.go:31:11$" "from .autotmp_1\(&x\) \(call parameter\) at .*explanation.go:31:10$"
	callee()(&x)
}

var sinkPair *int

func idPair(p *int) (*int, int) { return p, 0 } // ERROR "parameter p leaks to ~r0 for idPair with derefs=0:$" "flow: ~r0 ← p:$" "from return p, 0 \(return\) at .*explanation.go:36:35$" "leaking param: p to result ~r0 level=0$"

// A blank target next to others gets the constant 0 (gc's deadlocals pass), which shows
// in the assign-pair step.
func blankInPair() {
	x := 0 // ERROR "x escapes to heap in blankInPair:$" "flow: .autotmp_2 ← &x:$" "from &x \(address-of\) at .*explanation.go:43:16$" "from idPair\(&x\) \(call parameter\) at .*explanation.go:43:15$" "flow: p ← .autotmp_2:$" "from p, _ = \(\*int\)\(.autotmp_2\), 0 \(assign-pair\) at .*explanation.go:43:7$" "flow: {heap} ← p:$" "from sinkPair = p \(assign\) at .*explanation.go:44:11$" "moved to heap: x$"
	var p *int
	p, _ = idPair(&x)
	sinkPair = p
}
