package p

func f() {
	type T [2]T
	type S struct{ s S }
	var x T
	_ = x
}
