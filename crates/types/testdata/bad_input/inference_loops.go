package p

func f[P any](p P) { f(&p) }

func g[A, B any](a A, b B) { g(b, a) }

func h[S ~[]T, T ~[]S](s S) {}

var _ = func() int { h(nil); return 0 }

func k[P ~*Q, Q ~*P](p P) { k(p) }

func m[P any](p P) { m([]P{p}) }
