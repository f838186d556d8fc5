package p

type T struct{ *T }

func (t T) M() T { return t.M().T.M() }

type I interface{ M() I }

var _ I = T{}
