// errorcheck -0 -m -l

// Rule: converting between string and []byte copies. The copy is an allocation that
// escapes if the result does; one that does not escape uses a small stack buffer. A
// []byte(s) conversion whose result is never written to and does not escape is done
// without copying ("zero-copy string->[]byte conversion"). String concatenation allocates
// the same way.

package string_conversions

var sink string

func toBytesEscapes(s string) []byte { // ERROR "s does not escape$"
	return []byte(s) // ERROR "\(\[\]byte\)\(s\) escapes to heap$"
}

func toBytesLocal(s string) int { // ERROR "s does not escape$"
	b := []byte(s) // ERROR "\(\[\]byte\)\(s\) does not escape$"
	b[0] = 'x'
	return len(b)
}

func toBytesReadOnly(s string) byte { // ERROR "s does not escape$"
	b := []byte(s) // ERROR "\(\[\]byte\)\(s\) does not escape$" "zero-copy string->\[\]byte conversion$"
	return b[0]
}

func toString(b []byte) { // ERROR "b does not escape$"
	sink = string(b) // ERROR "string\(b\) escapes to heap$"
}

func toStringLocal(b []byte) int { // ERROR "b does not escape$"
	s := string(b) // ERROR "string\(b\) does not escape$"
	return len(s)
}

func concat(a, b string) string { // ERROR "a does not escape$" "b does not escape$"
	return a + b // ERROR "a \+ b escapes to heap$"
}
