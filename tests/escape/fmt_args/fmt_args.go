// errorcheck -0 -m -l

// Rule: fmt's functions take ...any; the implicit slice does not escape (fmt's parameter
// summary says so), but each argument is converted to an interface and fmt's summary
// makes that interface's contents escape: every argument "escapes to heap", constants
// included, and a string parameter passed along leaks (its bytes are reachable from the
// escaping interface).

package fmt_args

import "fmt"

type pair struct{ a, b int }

func printInt(n int) {
	fmt.Println(n) // ERROR "... argument does not escape$" "n escapes to heap$"
}

func printMany(s string, p pair) { // ERROR "leaking param: s$"
	fmt.Println(s, p, 3) // ERROR "... argument does not escape$" "s escapes to heap$" "p escapes to heap$" "3 escapes to heap$"
}

func printPointer(p *pair) { // ERROR "leaking param: p$"
	fmt.Println(p) // ERROR "... argument does not escape$"
}

func sprint(n int) string {
	return fmt.Sprint(n) // ERROR "... argument does not escape$" "n escapes to heap$"
}
