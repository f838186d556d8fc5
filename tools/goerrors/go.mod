module goescape.dev/tools/goerrors

go 1.26
