module goescape/gotypes

go 1.26
