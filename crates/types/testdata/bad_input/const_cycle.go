package p

const a = b
const b = c + 1
const c = a * 2

const d = len([d]int{})
