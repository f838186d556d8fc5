package p

type A = B
type B = A

type C = []C

type D = struct{ d *D }
