module goescape.dev/tools/gotypes

go 1.26
