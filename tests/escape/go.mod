module goescape.test/escape

go 1.26
