package p

type T [10]T

var x T

var _ = len(x)
