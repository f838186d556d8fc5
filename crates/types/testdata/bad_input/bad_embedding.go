package p

type T struct {
	*T
	U
}

type U struct {
	*T
}

var x T

var _ = x.T.T.U.T.U
