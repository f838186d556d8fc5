package p

type G[P any] [1]G[*P]

var _ G[int]

type H[P any] struct{ f *H[*P] }

var h H[int]

var _ = h.f.f.f
