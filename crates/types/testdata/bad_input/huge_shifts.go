package p

const a = 1 << 1e9
const b = 1 << 100000000
const c = 1.0 << 2000
const d = -1 >> 100000000
const e = 1 << 1023 << 1023 << 1023

var x = 1 << 100000000
var s uint = 1e9
var y = 1 << s
