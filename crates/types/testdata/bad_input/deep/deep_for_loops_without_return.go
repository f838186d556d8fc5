package p

func f() int {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
for {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
