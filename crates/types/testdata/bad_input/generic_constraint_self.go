package p

type C[P C[P]] interface{ ~int }

func F[P interface{ *P }]() {}

func G[P any, Q interface{ *P | Q }]() {}
