module goescape.dev/tools/goast

go 1.26
