package p

var x = y
var y = f()

func f() int { return x }

var g = func() int { return g() }
