// errorcheck -0 -m -l

// Rule: a generic function is analysed once per shape (F[go.shape.int]), behind a
// wrapper instance. Messages about its body appear once per shape it is instantiated
// with, at the generic source positions, naming the shape (&box[go.shape.int]{...}).
// Parameter lines are not printed for generic functions at all: first's parameter
// leaks to its result, and only its non-generic caller's parameter line shows it.

package generics

type box[T any] struct{ v T }

func wrap[T any](v T) *box[T] {
	return &box[T]{v} // ERROR "&box\[go.shape.int\]{...} escapes to heap$" "&box\[go.shape.string\]{...} escapes to heap$"
}

func first[T any](s []T) T {
	return s[0]
}

func useInt() *box[int] {
	return wrap(1)
}

func useString() *box[string] {
	return wrap("s")
}

func useFirst(p []*int) *int { // ERROR "leaking param: p to result ~r0 level=1$"
	return first(p)
}

// A literal of a type parameter's type builds its core type, named by its shape; the
// instance is analysed before its caller, whose parameter then leaks its content.
func clone[S ~[]E, E any](s S) S {
	return append(S{}, s...) // ERROR "go.shape.\[\]string{} escapes to heap$" "append escapes to heap$"
}

func useClone(s []string) []string { // ERROR "leaking param content: s$"
	return clone(s)
}
