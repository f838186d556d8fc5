package p

type T struct{ T }

type U struct {
	x int
	u U
}
