package p

type I interface {
	J
	M()
}

type J interface {
	I
	N()
}

var _ I

func f(i I) { i.M() }
