//! Tests of the scanner and the line table.
//!
//! The `go_*` tests are data generated from go/scanner itself (Go 1.26): a throwaway Go
//! program ran `go/scanner` in `ScanComments` mode on each input and printed the tokens, the
//! errors (interleaved at the point go/scanner reported them) and, for line directives,
//! `go/token`'s unadjusted and adjusted positions. Token ends are the exact source extent.
//! The remaining tests are written by hand: behaviour where this crate deliberately follows
//! gc rather than go/token, the API, and robustness on arbitrary input.

use goescape_syntax::lexer::{strip_cr, Lexed, Lexer, MAX_SOURCE_LEN};
use goescape_syntax::{LineTable, Pos, Position, Span, Token as K};

/// One event of a scan: a token with its span, an implicit semicolon, or an error.
#[derive(Debug, PartialEq, Eq)]
enum Ev {
    Tok(K, u32, u32),
    Semi(u32),
    Err(u32, String),
}

#[allow(non_snake_case)]
fn T(tok: K, start: u32, end: u32) -> Ev {
    Ev::Tok(tok, start, end)
}

#[allow(non_snake_case)]
fn S(at: u32) -> Ev {
    Ev::Semi(at)
}

#[allow(non_snake_case)]
fn E(at: u32, msg: &str) -> Ev {
    Ev::Err(at, msg.to_string())
}

/// Scans `src` to the end, checking the invariants every token must satisfy, and returns
/// the events with each error placed before the token whose scanning reported it.
fn scan(src: &[u8]) -> (Vec<Ev>, Lexer<'_>) {
    let mut lx = Lexer::new(src);
    let mut evs: Vec<Ev> = lx
        .take_errors()
        .into_iter()
        .map(|e| Ev::Err(e.pos.0, e.msg))
        .collect();
    let mut last_end = 0;
    for _ in 0..=src.len() * 2 + 2 {
        let t = lx.next();
        evs.extend(
            lx.take_errors()
                .into_iter()
                .map(|e| Ev::Err(e.pos.0, e.msg)),
        );
        assert!(
            t.span.start <= t.span.end && t.span.end as usize <= src.len(),
            "{t:?}"
        );
        if t.implicit {
            assert_eq!(t.tok, K::Semicolon);
            assert!(t.span.is_empty());
            evs.push(S(t.span.start));
        } else {
            assert!(
                t.span.start >= last_end,
                "token {t:?} starts before {last_end}"
            );
            last_end = t.span.end;
            evs.push(T(t.tok, t.span.start, t.span.end));
        }
        if t.tok == K::Eof {
            // EOF repeats forever, without new errors.
            let len = src.len() as u32;
            for _ in 0..3 {
                let again = lx.next();
                assert_eq!(
                    again,
                    Lexed {
                        tok: K::Eof,
                        span: Span::new(len, len),
                        implicit: false
                    }
                );
                assert!(lx.take_errors().is_empty());
            }
            return (evs, lx);
        }
    }
    panic!(
        "no EOF after {} tokens for {:?}",
        src.len() * 2 + 2,
        String::from_utf8_lossy(src)
    );
}

#[track_caller]
fn check(src: &[u8], want: &[Ev]) {
    let (got, _) = scan(src);
    assert_eq!(got, want, "scanning {:?}", String::from_utf8_lossy(src));
}

/// For each `(offset, line, col, file, adjusted line, adjusted col)`: the unadjusted and the
/// adjusted position (the plain position in "f.go" when no directive applies).
#[track_caller]
fn check_positions(src: &[u8], want: &[(u32, u32, u32, &str, u32, u32)]) {
    let (_, lx) = scan(src);
    let table = lx.finish();
    for &(off, line, col, file, aline, acol) in want {
        let ctx = format!("offset {off} of {:?}", String::from_utf8_lossy(src));
        assert_eq!(table.position(Pos(off)), Position { line, col }, "{ctx}");
        let adjusted = table
            .adjusted_for(Pos(off), "f.go")
            .unwrap_or(("f.go", line, col));
        assert_eq!(adjusted, (file, aline, acol), "{ctx}");
    }
}

// ---- Generated from go/scanner -----------------------------------------------------------

/// Expectations printed by go/scanner; kept one case per line-pair, so not rustfmt'd.
#[rustfmt::skip]
mod go_scanner {
use super::*;

#[test]
fn go_semicolons() {
    check(
        b"x\n",
        &[T(K::Ident, 0, 1), S(1), T(K::Eof, 2, 2)],
    );
    check(
        b"x",
        &[T(K::Ident, 0, 1), S(1), T(K::Eof, 1, 1)],
    );
    check(
        b"x\n\n\ny\n",
        &[T(K::Ident, 0, 1), S(1), T(K::Ident, 4, 5), S(5), T(K::Eof, 6, 6)],
    );
    check(
        b"x // c\n",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 6), S(6), T(K::Eof, 7, 7)],
    );
    check(
        b"x // c",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"x /* c */\n",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 9), S(9), T(K::Eof, 10, 10)],
    );
    check(
        b"x /* c */",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 9), S(9), T(K::Eof, 9, 9)],
    );
    check(
        b"x /* a\nb */ y",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 11), S(6), T(K::Ident, 12, 13), S(13), T(K::Eof, 13, 13)],
    );
    check(
        b"x /* a\nb */\n",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 11), S(6), T(K::Eof, 12, 12)],
    );
    check(
        b"x /*\n*/",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 7), S(4), T(K::Eof, 7, 7)],
    );
    check(
        b"x /* unterminated\n",
        &[T(K::Ident, 0, 1), E(2, "comment not terminated"), T(K::Comment, 2, 18), S(17), T(K::Eof, 18, 18)],
    );
    check(
        b"x /* unterminated",
        &[T(K::Ident, 0, 1), E(2, "comment not terminated"), T(K::Comment, 2, 17), S(17), T(K::Eof, 17, 17)],
    );
    check(
        b"x /**/ // c\n",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 6), T(K::Comment, 7, 11), S(11), T(K::Eof, 12, 12)],
    );
    check(
        b"x /* a */ /* b\n */ y",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 9), T(K::Comment, 10, 18), S(14), T(K::Ident, 19, 20), S(20), T(K::Eof, 20, 20)],
    );
    check(
        b"x// c\r\n",
        &[T(K::Ident, 0, 1), T(K::Comment, 1, 5), S(6), T(K::Eof, 7, 7)],
    );
    check(
        b"x /* c */ /* d */\n",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 9), T(K::Comment, 10, 17), S(17), T(K::Eof, 18, 18)],
    );
    check(
        b"x\n// c\n",
        &[T(K::Ident, 0, 1), S(1), T(K::Comment, 2, 6), T(K::Eof, 7, 7)],
    );
    check(
        b"x)/*\n*/",
        &[T(K::Ident, 0, 1), T(K::RParen, 1, 2), T(K::Comment, 2, 7), S(4), T(K::Eof, 7, 7)],
    );
    check(
        b"( /*\n*/ x",
        &[T(K::LParen, 0, 1), T(K::Comment, 2, 7), T(K::Ident, 8, 9), S(9), T(K::Eof, 9, 9)],
    );
    check(
        b"return\n",
        &[T(K::Return, 0, 6), S(6), T(K::Eof, 7, 7)],
    );
    check(
        b"break\ncontinue\nfallthrough\nreturn\n",
        &[T(K::Break, 0, 5), S(5), T(K::Continue, 6, 14), S(14), T(K::Fallthrough, 15, 26), S(26), T(K::Return, 27, 33), S(33), T(K::Eof, 34, 34)],
    );
    check(
        b"goto L\n",
        &[T(K::Goto, 0, 4), T(K::Ident, 5, 6), S(6), T(K::Eof, 7, 7)],
    );
    check(
        b"a++\nb--\n",
        &[T(K::Ident, 0, 1), T(K::Inc, 1, 3), S(3), T(K::Ident, 4, 5), T(K::Dec, 5, 7), S(7), T(K::Eof, 8, 8)],
    );
    check(
        b"f()\n",
        &[T(K::Ident, 0, 1), T(K::LParen, 1, 2), T(K::RParen, 2, 3), S(3), T(K::Eof, 4, 4)],
    );
    check(
        b"a[1]\n",
        &[T(K::Ident, 0, 1), T(K::LBrack, 1, 2), T(K::Int, 2, 3), T(K::RBrack, 3, 4), S(4), T(K::Eof, 5, 5)],
    );
    check(
        b"}\n",
        &[T(K::RBrace, 0, 1), S(1), T(K::Eof, 2, 2)],
    );
    check(
        b"{\n",
        &[T(K::LBrace, 0, 1), T(K::Eof, 2, 2)],
    );
    check(
        b"x;y",
        &[T(K::Ident, 0, 1), T(K::Semicolon, 1, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"x ;\n",
        &[T(K::Ident, 0, 1), T(K::Semicolon, 2, 3), T(K::Eof, 4, 4)],
    );
    check(
        b"if x {\n}\n",
        &[T(K::If, 0, 2), T(K::Ident, 3, 4), T(K::LBrace, 5, 6), T(K::RBrace, 7, 8), S(8), T(K::Eof, 9, 9)],
    );
    check(
        b"func\n",
        &[T(K::Func, 0, 4), T(K::Eof, 5, 5)],
    );
    check(
        b"a.\nb",
        &[T(K::Ident, 0, 1), T(K::Period, 1, 2), T(K::Ident, 3, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1\n2.0\n3i\n'a'\n\"s\"\n`r`\n",
        &[T(K::Int, 0, 1), S(1), T(K::Float, 2, 5), S(5), T(K::Imag, 6, 8), S(8), T(K::Char, 9, 12), S(12), T(K::String, 13, 16), S(16), T(K::String, 17, 20), S(20), T(K::Eof, 21, 21)],
    );
    check(
        b"x\r\n",
        &[T(K::Ident, 0, 1), S(2), T(K::Eof, 3, 3)],
    );
    check(
        b"x\t \r\n",
        &[T(K::Ident, 0, 1), S(4), T(K::Eof, 5, 5)],
    );
    check(
        b"x\n",
        &[T(K::Ident, 0, 1), S(1), T(K::Eof, 2, 2)],
    );
    check(
        b"x + \n y",
        &[T(K::Ident, 0, 1), T(K::Add, 2, 3), T(K::Ident, 6, 7), S(7), T(K::Eof, 7, 7)],
    );
    check(
        b"\n\n\n",
        &[T(K::Eof, 3, 3)],
    );
    check(
        b"",
        &[T(K::Eof, 0, 0)],
    );
    check(
        b" ",
        &[T(K::Eof, 1, 1)],
    );
    check(
        b"x /* a\r\nb */",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 12), S(7), T(K::Eof, 12, 12)],
    );
    check(
        b"var x = 1 // one\n/* two\n*/",
        &[T(K::Var, 0, 3), T(K::Ident, 4, 5), T(K::Assign, 6, 7), T(K::Int, 8, 9), T(K::Comment, 10, 16), S(16), T(K::Comment, 17, 26), T(K::Eof, 26, 26)],
    );
    check(
        b"x\n/*a\nb*/\ny",
        &[T(K::Ident, 0, 1), S(1), T(K::Comment, 2, 9), T(K::Ident, 10, 11), S(11), T(K::Eof, 11, 11)],
    );
    check(
        b"x /*\n*/ // c\n",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 7), S(4), T(K::Comment, 8, 12), T(K::Eof, 13, 13)],
    );
    check(
        b"x +\n/*\n*/",
        &[T(K::Ident, 0, 1), T(K::Add, 2, 3), T(K::Comment, 4, 9), T(K::Eof, 9, 9)],
    );
    check(
        b"x @\n",
        &[T(K::Ident, 0, 1), E(2, "illegal character U+0040 '@'"), T(K::Illegal, 2, 3), S(3), T(K::Eof, 4, 4)],
    );
    check(
        b"x \x00\n",
        &[T(K::Ident, 0, 1), E(2, "illegal character NUL"), E(2, "illegal character U+0000"), T(K::Illegal, 2, 3), S(3), T(K::Eof, 4, 4)],
    );
    check(
        b"x \xef\xbb\xbf\n",
        &[T(K::Ident, 0, 1), E(2, "illegal byte order mark"), T(K::Illegal, 2, 5), S(5), T(K::Eof, 6, 6)],
    );
    check(
        b"x /* a\n",
        &[T(K::Ident, 0, 1), E(2, "comment not terminated"), T(K::Comment, 2, 7), S(6), T(K::Eof, 7, 7)],
    );
    check(
        b"x\n\x00",
        &[T(K::Ident, 0, 1), E(2, "illegal character NUL"), S(1), E(2, "illegal character U+0000"), T(K::Illegal, 2, 3), T(K::Eof, 3, 3)],
    );
}

#[test]
fn go_operators() {
    check(
        b"+ += ++ - -= -- * *= / /= % %= & &= && &^ &^= | |= || ^ ^= << <<= >> >>= < <= > >= <- = == ! != : := . ... .. , ; ( ) [ ] { } ~",
        &[T(K::Add, 0, 1), T(K::AddAssign, 2, 4), T(K::Inc, 5, 7), T(K::Sub, 8, 9), T(K::SubAssign, 10, 12), T(K::Dec, 13, 15), T(K::Mul, 16, 17), T(K::MulAssign, 18, 20), T(K::Quo, 21, 22), T(K::QuoAssign, 23, 25), T(K::Rem, 26, 27), T(K::RemAssign, 28, 30), T(K::And, 31, 32), T(K::AndAssign, 33, 35), T(K::LAnd, 36, 38), T(K::AndNot, 39, 41), T(K::AndNotAssign, 42, 45), T(K::Or, 46, 47), T(K::OrAssign, 48, 50), T(K::LOr, 51, 53), T(K::Xor, 54, 55), T(K::XorAssign, 56, 58), T(K::Shl, 59, 61), T(K::ShlAssign, 62, 65), T(K::Shr, 66, 68), T(K::ShrAssign, 69, 72), T(K::Lss, 73, 74), T(K::Leq, 75, 77), T(K::Gtr, 78, 79), T(K::Geq, 80, 82), T(K::Arrow, 83, 85), T(K::Assign, 86, 87), T(K::Eql, 88, 90), T(K::Not, 91, 92), T(K::Neq, 93, 95), T(K::Colon, 96, 97), T(K::Define, 98, 100), T(K::Period, 101, 102), T(K::Ellipsis, 103, 106), T(K::Period, 107, 108), T(K::Period, 108, 109), T(K::Comma, 110, 111), T(K::Semicolon, 112, 113), T(K::LParen, 114, 115), T(K::RParen, 116, 117), T(K::LBrack, 118, 119), T(K::RBrack, 120, 121), T(K::LBrace, 122, 123), T(K::RBrace, 124, 125), T(K::Tilde, 126, 127), T(K::Eof, 127, 127)],
    );
    check(
        b"+++=---=&&&^^&^==<<<->>>=...._..",
        &[T(K::Inc, 0, 2), T(K::AddAssign, 2, 4), T(K::Dec, 4, 6), T(K::SubAssign, 6, 8), T(K::LAnd, 8, 10), T(K::AndNot, 10, 12), T(K::Xor, 12, 13), T(K::AndNotAssign, 13, 16), T(K::Assign, 16, 17), T(K::Shl, 17, 19), T(K::Arrow, 19, 21), T(K::Shr, 21, 23), T(K::Geq, 23, 25), T(K::Ellipsis, 25, 28), T(K::Period, 28, 29), T(K::Ident, 29, 30), T(K::Period, 30, 31), T(K::Period, 31, 32), T(K::Eof, 32, 32)],
    );
    check(
        b"a<-b",
        &[T(K::Ident, 0, 1), T(K::Arrow, 1, 3), T(K::Ident, 3, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"a&^=b",
        &[T(K::Ident, 0, 1), T(K::AndNotAssign, 1, 4), T(K::Ident, 4, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"x....",
        &[T(K::Ident, 0, 1), T(K::Ellipsis, 1, 4), T(K::Period, 4, 5), T(K::Eof, 5, 5)],
    );
    check(
        b"&&=",
        &[T(K::LAnd, 0, 2), T(K::Assign, 2, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"||=",
        &[T(K::LOr, 0, 2), T(K::Assign, 2, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"!!==",
        &[T(K::Not, 0, 1), T(K::Neq, 1, 3), T(K::Assign, 3, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"<<-",
        &[T(K::Shl, 0, 2), T(K::Sub, 2, 3), T(K::Eof, 3, 3)],
    );
    check(
        b".",
        &[T(K::Period, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"..",
        &[T(K::Period, 0, 1), T(K::Period, 1, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"...",
        &[T(K::Ellipsis, 0, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"....",
        &[T(K::Ellipsis, 0, 3), T(K::Period, 3, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"=>",
        &[T(K::Assign, 0, 1), T(K::Gtr, 1, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"<>",
        &[T(K::Lss, 0, 1), T(K::Gtr, 1, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"x.y",
        &[T(K::Ident, 0, 1), T(K::Period, 1, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"x./**/y",
        &[T(K::Ident, 0, 1), T(K::Period, 1, 2), T(K::Comment, 2, 6), T(K::Ident, 6, 7), S(7), T(K::Eof, 7, 7)],
    );
    check(
        b"a/b",
        &[T(K::Ident, 0, 1), T(K::Quo, 1, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"a/ /b",
        &[T(K::Ident, 0, 1), T(K::Quo, 1, 2), T(K::Quo, 3, 4), T(K::Ident, 4, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"a/=b",
        &[T(K::Ident, 0, 1), T(K::QuoAssign, 1, 3), T(K::Ident, 3, 4), S(4), T(K::Eof, 4, 4)],
    );
}

#[test]
fn go_identifiers_and_keywords() {
    check(
        b"break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var",
        &[T(K::Break, 0, 5), T(K::Case, 6, 10), T(K::Chan, 11, 15), T(K::Const, 16, 21), T(K::Continue, 22, 30), T(K::Default, 31, 38), T(K::Defer, 39, 44), T(K::Else, 45, 49), T(K::Fallthrough, 50, 61), T(K::For, 62, 65), T(K::Func, 66, 70), T(K::Go, 71, 73), T(K::Goto, 74, 78), T(K::If, 79, 81), T(K::Import, 82, 88), T(K::Interface, 89, 98), T(K::Map, 99, 102), T(K::Package, 103, 110), T(K::Range, 111, 116), T(K::Return, 117, 123), T(K::Select, 124, 130), T(K::Struct, 131, 137), T(K::Switch, 138, 144), T(K::Type, 145, 149), T(K::Var, 150, 153), T(K::Eof, 153, 153)],
    );
    check(
        b"x _ _x x1 X9_z \xce\xb1\xce\xb2 \xc3\xb1 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e x\xc2\xb2 a\xc2\xb7b \xd9\xa0 x\xd9\xa0 \xe2\x85\xa8 e\xcc\x81 \xc7\x85x",
        &[T(K::Ident, 0, 1), T(K::Ident, 2, 3), T(K::Ident, 4, 6), T(K::Ident, 7, 9), T(K::Ident, 10, 14), T(K::Ident, 15, 19), T(K::Ident, 20, 22), T(K::Ident, 23, 32), T(K::Ident, 33, 34), E(34, "illegal character U+00B2 '\u{b2}'"), T(K::Illegal, 34, 36), T(K::Ident, 37, 38), E(38, "illegal character U+00B7 '\u{b7}'"), T(K::Illegal, 38, 40), T(K::Ident, 40, 41), E(42, "illegal character U+0660 '\u{660}'"), T(K::Illegal, 42, 44), T(K::Ident, 45, 48), E(49, "illegal character U+2168 '\u{2168}'"), T(K::Illegal, 49, 52), T(K::Ident, 53, 54), E(54, "illegal character U+0301 '\u{301}'"), T(K::Illegal, 54, 56), T(K::Ident, 57, 60), S(60), T(K::Eof, 60, 60)],
    );
    check(
        b"Break BREAK breaks go_ goto1 iF",
        &[T(K::Ident, 0, 5), T(K::Ident, 6, 11), T(K::Ident, 12, 18), T(K::Ident, 19, 22), T(K::Ident, 23, 28), T(K::Ident, 29, 31), S(31), T(K::Eof, 31, 31)],
    );
    check(
        b"\xf0\x9d\x92\x9c \xf0\x90\x90\x80x",
        &[T(K::Ident, 0, 4), T(K::Ident, 5, 10), S(10), T(K::Eof, 10, 10)],
    );
    check(
        b"a\xe2\x80\x8bb",
        &[T(K::Ident, 0, 1), E(1, "illegal character U+200B"), T(K::Illegal, 1, 4), T(K::Ident, 4, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"\xca\xb0\xe3\x80\x85",
        &[T(K::Ident, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"_ __ _1",
        &[T(K::Ident, 0, 1), T(K::Ident, 2, 4), T(K::Ident, 5, 7), S(7), T(K::Eof, 7, 7)],
    );
    check(
        b"ab\xffcd",
        &[E(2, "illegal UTF-8 encoding"), T(K::Ident, 0, 2), E(2, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 2, 3), T(K::Ident, 3, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"ab\x00cd",
        &[E(2, "illegal character NUL"), T(K::Ident, 0, 2), E(2, "illegal character U+0000"), T(K::Illegal, 2, 3), T(K::Ident, 3, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"\xc3\xa9",
        &[T(K::Ident, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xc3\xa9\xe2\x82",
        &[E(2, "illegal UTF-8 encoding"), T(K::Ident, 0, 2), E(3, "illegal UTF-8 encoding"), E(2, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 2, 3), E(3, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 3, 4), S(4), T(K::Eof, 4, 4)],
    );
}

#[test]
fn go_numbers() {
    check(
        b"0 1 123 1_000 0x1F 0X_1f 0o17 0O17 0b101 0B1 017 0_17",
        &[T(K::Int, 0, 1), T(K::Int, 2, 3), T(K::Int, 4, 7), T(K::Int, 8, 13), T(K::Int, 14, 18), T(K::Int, 19, 24), T(K::Int, 25, 29), T(K::Int, 30, 34), T(K::Int, 35, 40), T(K::Int, 41, 44), T(K::Int, 45, 48), T(K::Int, 49, 53), S(53), T(K::Eof, 53, 53)],
    );
    check(
        b"08",
        &[E(1, "invalid digit '8' in octal literal"), T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"09",
        &[E(1, "invalid digit '9' in octal literal"), T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0_8",
        &[E(2, "invalid digit '8' in octal literal"), T(K::Int, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"09.5",
        &[T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"08i",
        &[T(K::Imag, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0b102",
        &[E(4, "invalid digit '2' in binary literal"), T(K::Int, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0o8",
        &[E(2, "invalid digit '8' in octal literal"), T(K::Int, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0o19",
        &[E(3, "invalid digit '9' in octal literal"), T(K::Int, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0x",
        &[E(2, "hexadecimal literal has no digits"), T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0b",
        &[E(2, "binary literal has no digits"), T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0o",
        &[E(2, "octal literal has no digits"), T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0x_",
        &[E(3, "hexadecimal literal has no digits"), E(2, "'_' must separate successive digits"), T(K::Int, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0_",
        &[E(1, "'_' must separate successive digits"), T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"1__2",
        &[E(2, "'_' must separate successive digits"), T(K::Int, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1_",
        &[E(1, "'_' must separate successive digits"), T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"_1",
        &[T(K::Ident, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0x1p-2",
        &[T(K::Float, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"0X1.8P+3",
        &[T(K::Float, 0, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"0x.8p1",
        &[T(K::Float, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"0x1.8",
        &[E(5, "hexadecimal mantissa requires a 'p' exponent"), T(K::Float, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0x1e",
        &[T(K::Int, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0x1p",
        &[E(4, "exponent has no digits"), T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1e",
        &[E(2, "exponent has no digits"), T(K::Float, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"1e+",
        &[E(3, "exponent has no digits"), T(K::Float, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"1e+5",
        &[T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1E-5",
        &[T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b".5",
        &[T(K::Float, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b".5e3",
        &[T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1.",
        &[T(K::Float, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"1.5",
        &[T(K::Float, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"1.e2",
        &[T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0.i",
        &[T(K::Imag, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"1i",
        &[T(K::Imag, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0x1i",
        &[T(K::Imag, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0b1.0",
        &[E(3, "invalid radix point in binary literal"), T(K::Float, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0o1.5",
        &[E(3, "invalid radix point in octal literal"), T(K::Float, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0b1e5",
        &[E(3, "'e' exponent requires decimal mantissa"), T(K::Float, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0o1E5",
        &[E(3, "'E' exponent requires decimal mantissa"), T(K::Float, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"1p5",
        &[E(1, "'p' exponent requires hexadecimal mantissa"), T(K::Float, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"1P5",
        &[E(1, "'P' exponent requires hexadecimal mantissa"), T(K::Float, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0x1p1i",
        &[T(K::Imag, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"1_.5",
        &[E(1, "'_' must separate successive digits"), T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1._5",
        &[E(2, "'_' must separate successive digits"), T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0x_1p1",
        &[T(K::Float, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"0x1_p1",
        &[E(3, "'_' must separate successive digits"), T(K::Float, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"1e_1",
        &[E(2, "'_' must separate successive digits"), T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1e1_",
        &[E(3, "'_' must separate successive digits"), T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0b1_",
        &[E(3, "'_' must separate successive digits"), T(K::Int, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0b_1",
        &[T(K::Int, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"09e1",
        &[T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0b12i",
        &[T(K::Imag, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0x1.p1",
        &[T(K::Float, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"0x.p1",
        &[E(3, "hexadecimal literal has no digits"), T(K::Float, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0_x",
        &[E(1, "'_' must separate successive digits"), T(K::Int, 0, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"00",
        &[T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0.5_",
        &[E(3, "'_' must separate successive digits"), T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1..2",
        &[T(K::Float, 0, 2), T(K::Float, 2, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1...2",
        &[T(K::Float, 0, 2), T(K::Period, 2, 3), T(K::Float, 3, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0x1.8e",
        &[E(6, "hexadecimal mantissa requires a 'p' exponent"), T(K::Float, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"0X",
        &[E(2, "hexadecimal literal has no digits"), T(K::Int, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0xg",
        &[E(2, "hexadecimal literal has no digits"), T(K::Int, 0, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0b2",
        &[E(2, "invalid digit '2' in binary literal"), T(K::Int, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0o_8_",
        &[E(3, "invalid digit '8' in octal literal"), E(4, "'_' must separate successive digits"), T(K::Int, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"1e+-1",
        &[E(3, "exponent has no digits"), T(K::Float, 0, 3), T(K::Sub, 3, 4), T(K::Int, 4, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0e",
        &[E(2, "exponent has no digits"), T(K::Float, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0.e",
        &[E(3, "exponent has no digits"), T(K::Float, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0x1P-1_0",
        &[T(K::Float, 0, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"1_000.000_1e1_0i",
        &[T(K::Imag, 0, 16), S(16), T(K::Eof, 16, 16)],
    );
    check(
        b"0b1.1e1",
        &[E(3, "invalid radix point in binary literal"), E(5, "'e' exponent requires decimal mantissa"), T(K::Float, 0, 7), S(7), T(K::Eof, 7, 7)],
    );
    check(
        b"0o.1",
        &[E(2, "invalid radix point in octal literal"), T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0b.",
        &[E(2, "invalid radix point in binary literal"), E(3, "binary literal has no digits"), T(K::Float, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0x.",
        &[E(3, "hexadecimal literal has no digits"), E(3, "hexadecimal mantissa requires a 'p' exponent"), T(K::Float, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"08.",
        &[T(K::Float, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0__1",
        &[E(2, "'_' must separate successive digits"), T(K::Int, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"1a",
        &[T(K::Int, 0, 1), T(K::Ident, 1, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"0x1fg",
        &[T(K::Int, 0, 4), T(K::Ident, 4, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"123abc",
        &[T(K::Int, 0, 3), T(K::Ident, 3, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"1.5.5",
        &[T(K::Float, 0, 3), T(K::Float, 3, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0i",
        &[T(K::Imag, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"00i",
        &[T(K::Imag, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0o8i",
        &[T(K::Imag, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"0b101_i",
        &[E(5, "'_' must separate successive digits"), T(K::Imag, 0, 7), S(7), T(K::Eof, 7, 7)],
    );
    check(
        b"0x_p",
        &[E(3, "hexadecimal literal has no digits"), E(4, "exponent has no digits"), E(2, "'_' must separate successive digits"), T(K::Float, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"x.5",
        &[T(K::Ident, 0, 1), T(K::Float, 1, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"5.x",
        &[T(K::Float, 0, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"0.0.0",
        &[T(K::Float, 0, 3), T(K::Float, 3, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"0x1\xff",
        &[E(3, "illegal UTF-8 encoding"), T(K::Int, 0, 3), E(3, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 3, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"09\x00",
        &[E(2, "illegal character NUL"), E(1, "invalid digit '9' in octal literal"), T(K::Int, 0, 2), E(2, "illegal character U+0000"), T(K::Illegal, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"1\xc3\xa9",
        &[T(K::Int, 0, 1), T(K::Ident, 1, 3), S(3), T(K::Eof, 3, 3)],
    );
}

#[test]
fn go_runes() {
    check(
        b"'a' '\\n' '\\'' '\\\\' '\\x41' '\\101' '\\u00e9' '\\U0001F600' '\xc3\xa9' '\xf0\x9f\x98\x80' '\\a' '\\b' '\\f' '\\r' '\\t' '\\v' '\\377'",
        &[T(K::Char, 0, 3), T(K::Char, 4, 8), T(K::Char, 9, 13), T(K::Char, 14, 18), T(K::Char, 19, 25), T(K::Char, 26, 32), T(K::Char, 33, 41), T(K::Char, 42, 54), T(K::Char, 55, 59), T(K::Char, 60, 66), T(K::Char, 67, 71), T(K::Char, 72, 76), T(K::Char, 77, 81), T(K::Char, 82, 86), T(K::Char, 87, 91), T(K::Char, 92, 96), T(K::Char, 97, 103), S(103), T(K::Eof, 103, 103)],
    );
    check(
        b"''",
        &[E(0, "illegal rune literal"), T(K::Char, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"'ab'",
        &[E(0, "illegal rune literal"), T(K::Char, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"'\\q'",
        &[E(2, "unknown escape sequence"), T(K::Char, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"'\\x4'",
        &[E(4, "illegal character U+0027 ''' in escape sequence"), T(K::Char, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"'\\x4g'",
        &[E(4, "illegal character U+0067 'g' in escape sequence"), T(K::Char, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"'\\400'",
        &[E(2, "escape sequence is invalid Unicode code point"), T(K::Char, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"'\\uD800'",
        &[E(2, "escape sequence is invalid Unicode code point"), T(K::Char, 0, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"'\\uDFFF'",
        &[E(2, "escape sequence is invalid Unicode code point"), T(K::Char, 0, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"'\\U00110000'",
        &[E(2, "escape sequence is invalid Unicode code point"), T(K::Char, 0, 12), S(12), T(K::Eof, 12, 12)],
    );
    check(
        b"'\\\"'",
        &[E(2, "unknown escape sequence"), T(K::Char, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"'a",
        &[E(0, "rune literal not terminated"), T(K::Char, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"'a\nb'",
        &[E(0, "rune literal not terminated"), T(K::Char, 0, 2), S(2), T(K::Ident, 3, 4), E(4, "rune literal not terminated"), T(K::Char, 4, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"'\\",
        &[E(2, "escape sequence not terminated"), T(K::Char, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"'",
        &[E(0, "rune literal not terminated"), T(K::Char, 0, 1), S(1), T(K::Eof, 1, 1)],
    );
    check(
        b"'\\x",
        &[E(3, "escape sequence not terminated"), T(K::Char, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"'\\u12",
        &[E(5, "escape sequence not terminated"), T(K::Char, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"'\\0'",
        &[E(3, "illegal character U+0027 ''' in escape sequence"), T(K::Char, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"'\\08'",
        &[E(3, "illegal character U+0038 '8' in escape sequence"), T(K::Char, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"'\\x\xc3\xa9'",
        &[E(3, "illegal character U+00E9 '\u{e9}' in escape sequence"), T(K::Char, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"'\xff'",
        &[E(1, "illegal UTF-8 encoding"), T(K::Char, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"'\x00'",
        &[E(1, "illegal character NUL"), T(K::Char, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"'\\\n'",
        &[E(2, "unknown escape sequence"), T(K::Char, 0, 2), S(2), E(3, "rune literal not terminated"), T(K::Char, 3, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"'\\x\n'",
        &[E(3, "illegal character U+000A in escape sequence"), T(K::Char, 0, 3), S(3), E(4, "rune literal not terminated"), T(K::Char, 4, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"'\\u00E9'",
        &[T(K::Char, 0, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"'\\U0010FFFF'",
        &[T(K::Char, 0, 12), S(12), T(K::Eof, 12, 12)],
    );
    check(
        b"'\\U0010ffff'",
        &[T(K::Char, 0, 12), S(12), T(K::Eof, 12, 12)],
    );
    check(
        b"'\\xg",
        &[E(3, "illegal character U+0067 'g' in escape sequence"), T(K::Char, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"'ab",
        &[E(0, "rune literal not terminated"), T(K::Char, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"''x",
        &[E(0, "illegal rune literal"), T(K::Char, 0, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"'\\'",
        &[E(0, "rune literal not terminated"), T(K::Char, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"'\\''x",
        &[T(K::Char, 0, 4), T(K::Ident, 4, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"'\\uzzzz'",
        &[E(3, "illegal character U+007A 'z' in escape sequence"), T(K::Char, 0, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"'\\ud7ff'",
        &[T(K::Char, 0, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"'\\ue000'",
        &[T(K::Char, 0, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"'\r'",
        &[T(K::Char, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"'\t'",
        &[T(K::Char, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"'\\\xff'",
        &[E(2, "illegal UTF-8 encoding"), E(2, "unknown escape sequence"), T(K::Char, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
}

#[test]
fn go_strings() {
    check(
        b"\"abc\"",
        &[T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"\"a\\tb\"",
        &[T(K::String, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"\"\\'\"",
        &[E(2, "unknown escape sequence"), T(K::String, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"\"unterminated",
        &[E(0, "string literal not terminated"), T(K::String, 0, 13), S(13), T(K::Eof, 13, 13)],
    );
    check(
        b"\"unterminated\nx",
        &[E(0, "string literal not terminated"), T(K::String, 0, 13), S(13), T(K::Ident, 14, 15), S(15), T(K::Eof, 15, 15)],
    );
    check(
        b"\"\\",
        &[E(2, "escape sequence not terminated"), E(0, "string literal not terminated"), T(K::String, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"\"\\x\"",
        &[E(3, "illegal character U+0022 '\"' in escape sequence"), T(K::String, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"\"\xc3\xa9\"",
        &[T(K::String, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"\"\\u00e9\\U0001F600\\xff\\377\"",
        &[T(K::String, 0, 26), S(26), T(K::Eof, 26, 26)],
    );
    check(
        b"`raw`",
        &[T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"`a\r\nb`",
        &[T(K::String, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"`unterminated",
        &[E(0, "raw string literal not terminated"), T(K::String, 0, 13), S(13), T(K::Eof, 13, 13)],
    );
    check(
        b"`a\nb`",
        &[T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"\"a\rb\"",
        &[T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"\"\\\"\\\\\\a\\b\"",
        &[T(K::String, 0, 10), S(10), T(K::Eof, 10, 10)],
    );
    check(
        b"\"\\400\"",
        &[E(2, "escape sequence is invalid Unicode code point"), T(K::String, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"\"\\uD800x\"",
        &[E(2, "escape sequence is invalid Unicode code point"), T(K::String, 0, 9), S(9), T(K::Eof, 9, 9)],
    );
    check(
        b"\"\\q\\w\"",
        &[E(2, "unknown escape sequence"), E(4, "unknown escape sequence"), T(K::String, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"\"\xff\"",
        &[E(1, "illegal UTF-8 encoding"), T(K::String, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"\"a\x00b\"",
        &[E(2, "illegal character NUL"), T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"`\xff\x00`",
        &[E(1, "illegal UTF-8 encoding"), E(2, "illegal character NUL"), T(K::String, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"\"\"",
        &[T(K::String, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"``",
        &[T(K::String, 0, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"\"\\\n\"",
        &[E(2, "unknown escape sequence"), E(0, "string literal not terminated"), T(K::String, 0, 2), S(2), E(3, "string literal not terminated"), T(K::String, 3, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"\"\\08\"",
        &[E(3, "illegal character U+0038 '8' in escape sequence"), T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"\"\\\xe2\x82\"",
        &[E(2, "illegal UTF-8 encoding"), E(2, "unknown escape sequence"), E(3, "illegal UTF-8 encoding"), T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"\"\xc3\xa9\xe2\x82",
        &[E(3, "illegal UTF-8 encoding"), E(4, "illegal UTF-8 encoding"), E(0, "string literal not terminated"), T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
    check(
        b"`\r`",
        &[T(K::String, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"`a\rb\r`",
        &[T(K::String, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"\"\\x4g\"",
        &[E(4, "illegal character U+0067 'g' in escape sequence"), T(K::String, 0, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"\"x\\",
        &[E(3, "escape sequence not terminated"), E(0, "string literal not terminated"), T(K::String, 0, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"\"\xef\xbb\xbf\"",
        &[E(1, "illegal byte order mark"), T(K::String, 0, 5), S(5), T(K::Eof, 5, 5)],
    );
}

#[test]
fn go_comments() {
    check(
        b"// c",
        &[T(K::Comment, 0, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"//c\r\n",
        &[T(K::Comment, 0, 3), T(K::Eof, 5, 5)],
    );
    check(
        b"/* c */",
        &[T(K::Comment, 0, 7), T(K::Eof, 7, 7)],
    );
    check(
        b"/* c",
        &[E(0, "comment not terminated"), T(K::Comment, 0, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"/*/",
        &[E(0, "comment not terminated"), T(K::Comment, 0, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"/**/",
        &[T(K::Comment, 0, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"/***/",
        &[T(K::Comment, 0, 5), T(K::Eof, 5, 5)],
    );
    check(
        b"/* a */b",
        &[T(K::Comment, 0, 7), T(K::Ident, 7, 8), S(8), T(K::Eof, 8, 8)],
    );
    check(
        b"// a\r\r\n",
        &[T(K::Comment, 0, 5), T(K::Eof, 7, 7)],
    );
    check(
        b"/* \r */",
        &[T(K::Comment, 0, 7), T(K::Eof, 7, 7)],
    );
    check(
        b"//",
        &[T(K::Comment, 0, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"/*",
        &[E(0, "comment not terminated"), T(K::Comment, 0, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"x/**/y",
        &[T(K::Ident, 0, 1), T(K::Comment, 1, 5), T(K::Ident, 5, 6), S(6), T(K::Eof, 6, 6)],
    );
    check(
        b"/* a *\r/ b */",
        &[T(K::Comment, 0, 13), T(K::Eof, 13, 13)],
    );
    check(
        b"// \xff\n",
        &[E(3, "illegal UTF-8 encoding"), T(K::Comment, 0, 4), T(K::Eof, 5, 5)],
    );
    check(
        b"/* \xff */",
        &[E(3, "illegal UTF-8 encoding"), T(K::Comment, 0, 7), T(K::Eof, 7, 7)],
    );
    check(
        b"/* \x00 */",
        &[E(3, "illegal character NUL"), T(K::Comment, 0, 7), T(K::Eof, 7, 7)],
    );
    check(
        b"//\x00",
        &[E(2, "illegal character NUL"), T(K::Comment, 0, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"/*\r*/",
        &[T(K::Comment, 0, 5), T(K::Eof, 5, 5)],
    );
    check(
        b"// a\rb\n",
        &[T(K::Comment, 0, 6), T(K::Eof, 7, 7)],
    );
    check(
        b"/*\n\n*/x",
        &[T(K::Comment, 0, 6), T(K::Ident, 6, 7), S(7), T(K::Eof, 7, 7)],
    );
    check(
        b"x /*\n*/\n",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 7), S(4), T(K::Eof, 8, 8)],
    );
    check(
        b"/* * / */",
        &[T(K::Comment, 0, 9), T(K::Eof, 9, 9)],
    );
    check(
        b"//\n//\n",
        &[T(K::Comment, 0, 2), T(K::Comment, 3, 5), T(K::Eof, 6, 6)],
    );
    check(
        b"/* a\n",
        &[E(0, "comment not terminated"), T(K::Comment, 0, 5), T(K::Eof, 5, 5)],
    );
    check(
        b"/*\xe2\x82",
        &[E(2, "illegal UTF-8 encoding"), E(3, "illegal UTF-8 encoding"), E(0, "comment not terminated"), T(K::Comment, 0, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"// \xc3\xa9\r",
        &[T(K::Comment, 0, 5), T(K::Eof, 6, 6)],
    );
}

#[test]
fn go_errors() {
    check(
        b"@",
        &[E(0, "illegal character U+0040 '@'"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"#",
        &[E(0, "illegal character U+0023 '#'"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"$",
        &[E(0, "illegal character U+0024 '$'"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"?",
        &[E(0, "illegal character U+003F '?'"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"\\",
        &[E(0, "illegal character U+005C '\\'"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"x\x00y",
        &[E(1, "illegal character NUL"), T(K::Ident, 0, 1), E(1, "illegal character U+0000"), T(K::Illegal, 1, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"\x00",
        &[E(0, "illegal character NUL"), E(0, "illegal character U+0000"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"\x01",
        &[E(0, "illegal character U+0001"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"\x7f",
        &[E(0, "illegal character U+007F"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"\xe2\x80\x9cx\xe2\x80\x9d",
        &[E(0, "curly quotation mark '\u{201c}' (use neutral '\"')"), T(K::Illegal, 0, 3), T(K::Ident, 3, 4), E(4, "curly quotation mark '\u{201d}' (use neutral '\"')"), T(K::Illegal, 4, 7), S(7), T(K::Eof, 7, 7)],
    );
    check(
        b"a\xffb",
        &[E(1, "illegal UTF-8 encoding"), T(K::Ident, 0, 1), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), T(K::Ident, 2, 3), S(3), T(K::Eof, 3, 3)],
    );
    check(
        b"\xff",
        &[E(0, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), T(K::Eof, 1, 1)],
    );
    check(
        b"\xe2\x82",
        &[E(0, "illegal UTF-8 encoding"), E(1, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xef\xbb\xbfpackage p",
        &[T(K::Package, 3, 10), T(K::Ident, 11, 12), S(12), T(K::Eof, 12, 12)],
    );
    check(
        b"x\xef\xbb\xbf",
        &[E(1, "illegal byte order mark"), T(K::Ident, 0, 1), T(K::Illegal, 1, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"\xef\xbb\xbf\xef\xbb\xbf",
        &[E(3, "illegal byte order mark"), T(K::Illegal, 3, 6), T(K::Eof, 6, 6)],
    );
    check(
        b"\xef\xbb\xbf",
        &[T(K::Eof, 3, 3)],
    );
    check(
        b"\xff\xfep\x00",
        &[E(0, "illegal UTF-8 encoding (got UTF-16)"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"\xfe\xff",
        &[E(0, "illegal UTF-8 encoding (got UTF-16)"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xfe\xffx\n\xff",
        &[E(0, "illegal UTF-8 encoding (got UTF-16)"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 5), T(K::Eof, 5, 5)],
    );
    check(
        b"\xff\xfe",
        &[E(0, "illegal UTF-8 encoding (got UTF-16)"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xff\xfd",
        &[E(0, "illegal UTF-8 encoding"), E(1, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"x\xff",
        &[E(1, "illegal UTF-8 encoding"), T(K::Ident, 0, 1), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), S(2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xed\xa0\x80",
        &[E(0, "illegal UTF-8 encoding"), E(1, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), E(2, "illegal UTF-8 encoding"), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), E(2, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 2, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"\xc0\x80",
        &[E(0, "illegal UTF-8 encoding"), E(1, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xf4\x90\x80\x80",
        &[E(0, "illegal UTF-8 encoding"), E(1, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), E(2, "illegal UTF-8 encoding"), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), E(3, "illegal UTF-8 encoding"), E(2, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 2, 3), E(3, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 3, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"\xc2\xa0",
        &[E(0, "illegal character U+00A0"), T(K::Illegal, 0, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xe2\x80\x8b",
        &[E(0, "illegal character U+200B"), T(K::Illegal, 0, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"\xe2\x80\xa8",
        &[E(0, "illegal character U+2028"), T(K::Illegal, 0, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"\xe2\x82\xac",
        &[E(0, "illegal character U+20AC '\u{20ac}'"), T(K::Illegal, 0, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"\xf0\x9f\x98",
        &[E(0, "illegal UTF-8 encoding"), E(1, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), E(2, "illegal UTF-8 encoding"), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), E(2, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 2, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"\xe2(\xa1",
        &[E(0, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), E(2, "illegal UTF-8 encoding"), T(K::LParen, 1, 2), E(2, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 2, 3), T(K::Eof, 3, 3)],
    );
    check(
        b"@\xff",
        &[E(1, "illegal UTF-8 encoding"), E(0, "illegal character U+0040 '@'"), T(K::Illegal, 0, 1), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"x\xff\n",
        &[E(1, "illegal UTF-8 encoding"), T(K::Ident, 0, 1), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), S(2), T(K::Eof, 3, 3)],
    );
    check(
        b"\xcc\x81",
        &[E(0, "illegal character U+0301 '\u{301}'"), T(K::Illegal, 0, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xf0\x9f\x98\x80",
        &[E(0, "illegal character U+1F600 '\u{1f600}'"), T(K::Illegal, 0, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"\xef\xbb",
        &[E(0, "illegal UTF-8 encoding"), E(1, "illegal UTF-8 encoding"), E(0, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 0, 1), E(1, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 1, 2), T(K::Eof, 2, 2)],
    );
    check(
        b"\xef\xbb\xbf\xff",
        &[E(3, "illegal UTF-8 encoding"), E(3, "illegal character U+FFFD '\u{fffd}'"), T(K::Illegal, 3, 4), T(K::Eof, 4, 4)],
    );
    check(
        b"x\n\xef\xbb\xbf",
        &[T(K::Ident, 0, 1), E(2, "illegal byte order mark"), S(1), T(K::Illegal, 2, 5), T(K::Eof, 5, 5)],
    );
    check(
        b"\"\xef\xbb\xbf",
        &[E(1, "illegal byte order mark"), E(0, "string literal not terminated"), T(K::String, 0, 4), S(4), T(K::Eof, 4, 4)],
    );
    check(
        b"\xc2\xad",
        &[E(0, "illegal character U+00AD"), T(K::Illegal, 0, 2), T(K::Eof, 2, 2)],
    );
}

#[test]
fn go_line_directives() {
    check(
        b"//line a.go:10\nx\ny",
        &[T(K::Comment, 0, 14), T(K::Ident, 15, 16), S(16), T(K::Ident, 17, 18), S(18), T(K::Eof, 18, 18)],
    );
    check_positions(
        b"//line a.go:10\nx\ny",
        &[(0, 1, 1, "f.go", 1, 1), (15, 2, 1, "a.go", 10, 0), (16, 2, 2, "a.go", 10, 0), (17, 3, 1, "a.go", 11, 0)],
    );
    check(
        b"//line a.go:10:5\nx y\nz",
        &[T(K::Comment, 0, 16), T(K::Ident, 17, 18), T(K::Ident, 19, 20), S(20), T(K::Ident, 21, 22), S(22), T(K::Eof, 22, 22)],
    );
    check_positions(
        b"//line a.go:10:5\nx y\nz",
        &[(0, 1, 1, "f.go", 1, 1), (17, 2, 1, "a.go", 10, 5), (19, 2, 3, "a.go", 10, 7), (20, 2, 4, "a.go", 10, 8), (21, 3, 1, "a.go", 11, 1)],
    );
    check(
        b"x /*line b.go:20:3*/y z\nw",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 20), T(K::Ident, 20, 21), T(K::Ident, 22, 23), S(23), T(K::Ident, 24, 25), S(25), T(K::Eof, 25, 25)],
    );
    check_positions(
        b"x /*line b.go:20:3*/y z\nw",
        &[(0, 1, 1, "f.go", 1, 1), (2, 1, 3, "f.go", 1, 3), (20, 1, 21, "b.go", 20, 3), (22, 1, 23, "b.go", 20, 5), (23, 1, 24, "b.go", 20, 6), (24, 2, 1, "b.go", 21, 1)],
    );
    check(
        b"/*line b.go:20*/x\ny",
        &[T(K::Comment, 0, 16), T(K::Ident, 16, 17), S(17), T(K::Ident, 18, 19), S(19), T(K::Eof, 19, 19)],
    );
    check_positions(
        b"/*line b.go:20*/x\ny",
        &[(0, 1, 1, "f.go", 1, 1), (16, 1, 17, "b.go", 20, 0), (17, 1, 18, "b.go", 20, 0), (18, 2, 1, "b.go", 21, 0)],
    );
    check(
        b" //line a.go:10\nx",
        &[T(K::Comment, 1, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b" //line a.go:10\nx",
        &[(1, 1, 2, "f.go", 1, 2), (16, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line :10:2\nx\n//line :7\ny",
        &[T(K::Comment, 0, 12), T(K::Ident, 13, 14), S(14), T(K::Comment, 15, 24), T(K::Ident, 25, 26), S(26), T(K::Eof, 26, 26)],
    );
    check_positions(
        b"//line :10:2\nx\n//line :7\ny",
        &[(0, 1, 1, "f.go", 1, 1), (13, 2, 1, "f.go", 10, 2), (14, 2, 2, "f.go", 10, 3), (15, 3, 1, "f.go", 11, 1), (25, 4, 1, "", 7, 0)],
    );
    check(
        b"//line a.go:10\n//line :20:3\nx y",
        &[T(K::Comment, 0, 14), T(K::Comment, 15, 27), T(K::Ident, 28, 29), T(K::Ident, 30, 31), S(31), T(K::Eof, 31, 31)],
    );
    check_positions(
        b"//line a.go:10\n//line :20:3\nx y",
        &[(0, 1, 1, "f.go", 1, 1), (15, 2, 1, "a.go", 10, 0), (28, 3, 1, "a.go", 20, 3), (30, 3, 3, "a.go", 20, 5)],
    );
    check(
        b"//line a.go:10\n//line :20\nx y",
        &[T(K::Comment, 0, 14), T(K::Comment, 15, 25), T(K::Ident, 26, 27), T(K::Ident, 28, 29), S(29), T(K::Eof, 29, 29)],
    );
    check_positions(
        b"//line a.go:10\n//line :20\nx y",
        &[(0, 1, 1, "f.go", 1, 1), (15, 2, 1, "a.go", 10, 0), (26, 3, 1, "", 20, 0), (28, 3, 3, "", 20, 0)],
    );
    check(
        b"//line a.go:0\nx",
        &[E(12, "invalid line number: 0"), T(K::Comment, 0, 13), T(K::Ident, 14, 15), S(15), T(K::Eof, 15, 15)],
    );
    check_positions(
        b"//line a.go:0\nx",
        &[(0, 1, 1, "f.go", 1, 1), (14, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:x\nx",
        &[E(12, "invalid line number: x"), T(K::Comment, 0, 13), T(K::Ident, 14, 15), S(15), T(K::Eof, 15, 15)],
    );
    check_positions(
        b"//line a.go:x\nx",
        &[(0, 1, 1, "f.go", 1, 1), (14, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:10:0\nx",
        &[E(15, "invalid column number: 0"), T(K::Comment, 0, 16), T(K::Ident, 17, 18), S(18), T(K::Eof, 18, 18)],
    );
    check_positions(
        b"//line a.go:10:0\nx",
        &[(0, 1, 1, "f.go", 1, 1), (17, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:1073741825\nx",
        &[E(12, "invalid line number: 1073741825"), T(K::Comment, 0, 22), T(K::Ident, 23, 24), S(24), T(K::Eof, 24, 24)],
    );
    check_positions(
        b"//line a.go:1073741825\nx",
        &[(0, 1, 1, "f.go", 1, 1), (23, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:1073741824:1073741824\nx",
        &[T(K::Comment, 0, 33), T(K::Ident, 34, 35), S(35), T(K::Eof, 35, 35)],
    );
    check_positions(
        b"//line a.go:1073741824:1073741824\nx",
        &[(0, 1, 1, "f.go", 1, 1), (34, 2, 1, "a.go", 1073741824, 1073741824)],
    );
    check(
        b"//line a.go:10:1073741825\nx",
        &[E(15, "invalid column number: 1073741825"), T(K::Comment, 0, 25), T(K::Ident, 26, 27), S(27), T(K::Eof, 27, 27)],
    );
    check_positions(
        b"//line a.go:10:1073741825\nx",
        &[(0, 1, 1, "f.go", 1, 1), (26, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go\nx",
        &[T(K::Comment, 0, 11), T(K::Ident, 12, 13), S(13), T(K::Eof, 13, 13)],
    );
    check_positions(
        b"//line a.go\nx",
        &[(0, 1, 1, "f.go", 1, 1), (12, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line c:\\dir\\a.go:10\nx",
        &[T(K::Comment, 0, 21), T(K::Ident, 22, 23), S(23), T(K::Eof, 23, 23)],
    );
    check_positions(
        b"//line c:\\dir\\a.go:10\nx",
        &[(0, 1, 1, "f.go", 1, 1), (22, 2, 1, "c:\\dir\\a.go", 10, 0)],
    );
    check(
        b"//line a.go:10:5:7\nx",
        &[T(K::Comment, 0, 18), T(K::Ident, 19, 20), S(20), T(K::Eof, 20, 20)],
    );
    check_positions(
        b"//line a.go:10:5:7\nx",
        &[(0, 1, 1, "f.go", 1, 1), (19, 2, 1, "a.go:10", 5, 7)],
    );
    check(
        b"//line a.go:-1\nx",
        &[E(12, "invalid line number: -1"), T(K::Comment, 0, 14), T(K::Ident, 15, 16), S(16), T(K::Eof, 16, 16)],
    );
    check_positions(
        b"//line a.go:-1\nx",
        &[(0, 1, 1, "f.go", 1, 1), (15, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:+1\nx",
        &[E(12, "invalid line number: +1"), T(K::Comment, 0, 14), T(K::Ident, 15, 16), S(16), T(K::Eof, 16, 16)],
    );
    check_positions(
        b"//line a.go:+1\nx",
        &[(0, 1, 1, "f.go", 1, 1), (15, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go: 10\nx",
        &[E(12, "invalid line number:  10"), T(K::Comment, 0, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"//line a.go: 10\nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:10 \nx",
        &[E(12, "invalid line number: 10 "), T(K::Comment, 0, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"//line a.go:10 \nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:10\r\nx",
        &[T(K::Comment, 0, 14), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"//line a.go:10\r\nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "a.go", 10, 0)],
    );
    check(
        b"//line a.go:1_0\nx",
        &[E(12, "invalid line number: 1_0"), T(K::Comment, 0, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"//line a.go:1_0\nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:99999999999999999999\nx",
        &[E(12, "invalid line number: 99999999999999999999"), T(K::Comment, 0, 32), T(K::Ident, 33, 34), S(34), T(K::Eof, 34, 34)],
    );
    check_positions(
        b"//line a.go:99999999999999999999\nx",
        &[(0, 1, 1, "f.go", 1, 1), (33, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:18446744073709551616\nx",
        &[E(12, "invalid line number: 18446744073709551616"), T(K::Comment, 0, 32), T(K::Ident, 33, 34), S(34), T(K::Eof, 34, 34)],
    );
    check_positions(
        b"//line a.go:18446744073709551616\nx",
        &[(0, 1, 1, "f.go", 1, 1), (33, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:x:5\nx",
        &[T(K::Comment, 0, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"//line a.go:x:5\nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "a.go:x", 5, 0)],
    );
    check(
        b"//line a.go:0:5\nx",
        &[E(12, "invalid line number: 0"), T(K::Comment, 0, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"//line a.go:0:5\nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go:5:x\nx",
        &[E(14, "invalid line number: x"), T(K::Comment, 0, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"//line a.go:5:x\nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a.go::5\nx",
        &[T(K::Comment, 0, 14), T(K::Ident, 15, 16), S(16), T(K::Eof, 16, 16)],
    );
    check_positions(
        b"//line a.go::5\nx",
        &[(0, 1, 1, "f.go", 1, 1), (15, 2, 1, "a.go:", 5, 0)],
    );
    check(
        b"//line :5\nx",
        &[T(K::Comment, 0, 9), T(K::Ident, 10, 11), S(11), T(K::Eof, 11, 11)],
    );
    check_positions(
        b"//line :5\nx",
        &[(0, 1, 1, "f.go", 1, 1), (10, 2, 1, "", 5, 0)],
    );
    check(
        b"//line :\nx",
        &[E(8, "invalid line number: "), T(K::Comment, 0, 8), T(K::Ident, 9, 10), S(10), T(K::Eof, 10, 10)],
    );
    check_positions(
        b"//line :\nx",
        &[(0, 1, 1, "f.go", 1, 1), (9, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line ::\nx",
        &[E(9, "invalid line number: "), T(K::Comment, 0, 9), T(K::Ident, 10, 11), S(11), T(K::Eof, 11, 11)],
    );
    check_positions(
        b"//line ::\nx",
        &[(0, 1, 1, "f.go", 1, 1), (10, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line a b.go:10\nx",
        &[T(K::Comment, 0, 16), T(K::Ident, 17, 18), S(18), T(K::Eof, 18, 18)],
    );
    check_positions(
        b"//line a b.go:10\nx",
        &[(0, 1, 1, "f.go", 1, 1), (17, 2, 1, "a b.go", 10, 0)],
    );
    check(
        b"// line a.go:10\nx",
        &[T(K::Comment, 0, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"// line a.go:10\nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//linea.go:10\nx",
        &[T(K::Comment, 0, 13), T(K::Ident, 14, 15), S(15), T(K::Eof, 15, 15)],
    );
    check_positions(
        b"//linea.go:10\nx",
        &[(0, 1, 1, "f.go", 1, 1), (14, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line\ta.go:10\nx",
        &[T(K::Comment, 0, 14), T(K::Ident, 15, 16), S(16), T(K::Eof, 16, 16)],
    );
    check_positions(
        b"//line\ta.go:10\nx",
        &[(0, 1, 1, "f.go", 1, 1), (15, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"/*line a.go:10:5*/ x /*line b.go:3*/ y\nz",
        &[T(K::Comment, 0, 18), T(K::Ident, 19, 20), T(K::Comment, 21, 36), T(K::Ident, 37, 38), S(38), T(K::Ident, 39, 40), S(40), T(K::Eof, 40, 40)],
    );
    check_positions(
        b"/*line a.go:10:5*/ x /*line b.go:3*/ y\nz",
        &[(0, 1, 1, "f.go", 1, 1), (19, 1, 20, "a.go", 10, 6), (21, 1, 22, "a.go", 10, 8), (37, 1, 38, "b.go", 3, 0), (38, 1, 39, "b.go", 3, 0), (39, 2, 1, "b.go", 4, 0)],
    );
    check(
        b"/*line a.go:10\n*/x",
        &[E(12, "invalid line number: 10\n"), T(K::Comment, 0, 17), T(K::Ident, 17, 18), S(18), T(K::Eof, 18, 18)],
    );
    check_positions(
        b"/*line a.go:10\n*/x",
        &[(0, 1, 1, "f.go", 1, 1), (17, 2, 3, "f.go", 2, 3)],
    );
    check(
        b"x\n//line a.go:10:5\n\tx y\n z",
        &[T(K::Ident, 0, 1), S(1), T(K::Comment, 2, 18), T(K::Ident, 20, 21), T(K::Ident, 22, 23), S(23), T(K::Ident, 25, 26), S(26), T(K::Eof, 26, 26)],
    );
    check_positions(
        b"x\n//line a.go:10:5\n\tx y\n z",
        &[(0, 1, 1, "f.go", 1, 1), (1, 1, 2, "f.go", 1, 2), (2, 2, 1, "f.go", 2, 1), (20, 3, 2, "a.go", 10, 6), (22, 3, 4, "a.go", 10, 8), (23, 3, 5, "a.go", 10, 9), (25, 4, 2, "a.go", 11, 2)],
    );
    check(
        b"//line a.go:10:5",
        &[T(K::Comment, 0, 16), T(K::Eof, 16, 16)],
    );
    check_positions(
        b"//line a.go:10:5",
        &[(0, 1, 1, "f.go", 1, 1)],
    );
    check(
        b"x\n//line a.go:10:5\n\n\nx",
        &[T(K::Ident, 0, 1), S(1), T(K::Comment, 2, 18), T(K::Ident, 21, 22), S(22), T(K::Eof, 22, 22)],
    );
    check_positions(
        b"x\n//line a.go:10:5\n\n\nx",
        &[(0, 1, 1, "f.go", 1, 1), (1, 1, 2, "f.go", 1, 2), (2, 2, 1, "f.go", 2, 1), (21, 5, 1, "a.go", 12, 1)],
    );
    check(
        b"/*line a.go:1:1*//*line :5:5*/x",
        &[T(K::Comment, 0, 17), T(K::Comment, 17, 30), T(K::Ident, 30, 31), S(31), T(K::Eof, 31, 31)],
    );
    check_positions(
        b"/*line a.go:1:1*//*line :5:5*/x",
        &[(0, 1, 1, "f.go", 1, 1), (17, 1, 18, "a.go", 1, 1), (30, 1, 31, "a.go", 5, 5)],
    );
    check(
        b"\xef\xbb\xbf//line a.go:10\nx",
        &[T(K::Comment, 3, 17), T(K::Ident, 18, 19), S(19), T(K::Eof, 19, 19)],
    );
    check_positions(
        b"\xef\xbb\xbf//line a.go:10\nx",
        &[(3, 1, 4, "f.go", 1, 4), (18, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"x //line a.go:10\ny",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 16), S(16), T(K::Ident, 17, 18), S(18), T(K::Eof, 18, 18)],
    );
    check_positions(
        b"x //line a.go:10\ny",
        &[(0, 1, 1, "f.go", 1, 1), (2, 1, 3, "f.go", 1, 3), (16, 1, 17, "f.go", 1, 17), (17, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"//line /abs/a.go:3\nx",
        &[T(K::Comment, 0, 18), T(K::Ident, 19, 20), S(20), T(K::Eof, 20, 20)],
    );
    check_positions(
        b"//line /abs/a.go:3\nx",
        &[(0, 1, 1, "f.go", 1, 1), (19, 2, 1, "/abs/a.go", 3, 0)],
    );
    check(
        b"/*line a.go:10:5*/\n  x",
        &[T(K::Comment, 0, 18), T(K::Ident, 21, 22), S(22), T(K::Eof, 22, 22)],
    );
    check_positions(
        b"/*line a.go:10:5*/\n  x",
        &[(0, 1, 1, "f.go", 1, 1), (21, 2, 3, "a.go", 11, 3)],
    );
    check(
        b"x\n\t/*line a.go:10:5*/ y\nz",
        &[T(K::Ident, 0, 1), S(1), T(K::Comment, 3, 21), T(K::Ident, 22, 23), S(23), T(K::Ident, 24, 25), S(25), T(K::Eof, 25, 25)],
    );
    check_positions(
        b"x\n\t/*line a.go:10:5*/ y\nz",
        &[(0, 1, 1, "f.go", 1, 1), (1, 1, 2, "f.go", 1, 2), (3, 2, 2, "f.go", 2, 2), (22, 2, 21, "a.go", 10, 6), (23, 2, 22, "a.go", 10, 7), (24, 3, 1, "a.go", 11, 1)],
    );
    check(
        b"/*line a.go:10:5 */x",
        &[E(15, "invalid line number: 5 "), T(K::Comment, 0, 19), T(K::Ident, 19, 20), S(20), T(K::Eof, 20, 20)],
    );
    check_positions(
        b"/*line a.go:10:5 */x",
        &[(0, 1, 1, "f.go", 1, 1), (19, 1, 20, "f.go", 1, 20)],
    );
    check(
        b"/*line :10:5*/x",
        &[T(K::Comment, 0, 14), T(K::Ident, 14, 15), S(15), T(K::Eof, 15, 15)],
    );
    check_positions(
        b"/*line :10:5*/x",
        &[(0, 1, 1, "f.go", 1, 1), (14, 1, 15, "f.go", 10, 5)],
    );
    check(
        b"/*line :10*/x",
        &[T(K::Comment, 0, 12), T(K::Ident, 12, 13), S(13), T(K::Eof, 13, 13)],
    );
    check_positions(
        b"/*line :10*/x",
        &[(0, 1, 1, "f.go", 1, 1), (12, 1, 13, "", 10, 0)],
    );
    check(
        b"//line a.go:10:5\r\n x",
        &[T(K::Comment, 0, 16), T(K::Ident, 19, 20), S(20), T(K::Eof, 20, 20)],
    );
    check_positions(
        b"//line a.go:10:5\r\n x",
        &[(0, 1, 1, "f.go", 1, 1), (19, 2, 2, "a.go", 10, 6)],
    );
    check(
        b"//line a.go:10\r\r\nx",
        &[E(12, "invalid line number: 10\r"), T(K::Comment, 0, 15), T(K::Ident, 17, 18), S(18), T(K::Eof, 18, 18)],
    );
    check_positions(
        b"//line a.go:10\r\r\nx",
        &[(0, 1, 1, "f.go", 1, 1), (17, 2, 1, "f.go", 2, 1)],
    );
    check(
        b"/*line a.go:10*/x\n/*line b.go:3:4*/y /*line :7:1*/z",
        &[T(K::Comment, 0, 16), T(K::Ident, 16, 17), S(17), T(K::Comment, 18, 35), T(K::Ident, 35, 36), T(K::Comment, 37, 50), T(K::Ident, 50, 51), S(51), T(K::Eof, 51, 51)],
    );
    check_positions(
        b"/*line a.go:10*/x\n/*line b.go:3:4*/y /*line :7:1*/z",
        &[(0, 1, 1, "f.go", 1, 1), (16, 1, 17, "a.go", 10, 0), (17, 1, 18, "a.go", 10, 0), (18, 2, 1, "a.go", 11, 0), (35, 2, 18, "b.go", 3, 4), (37, 2, 20, "b.go", 3, 6), (50, 2, 33, "b.go", 7, 1)],
    );
    check(
        b"x /*line a.go:10:5*/",
        &[T(K::Ident, 0, 1), T(K::Comment, 2, 20), S(20), T(K::Eof, 20, 20)],
    );
    check_positions(
        b"x /*line a.go:10:5*/",
        &[(0, 1, 1, "f.go", 1, 1), (2, 1, 3, "f.go", 1, 3)],
    );
    check(
        b"package p\n//line a.go:10\nfunc f() {}\n",
        &[T(K::Package, 0, 7), T(K::Ident, 8, 9), S(9), T(K::Comment, 10, 24), T(K::Func, 25, 29), T(K::Ident, 30, 31), T(K::LParen, 31, 32), T(K::RParen, 32, 33), T(K::LBrace, 34, 35), T(K::RBrace, 35, 36), S(36), T(K::Eof, 37, 37)],
    );
    check_positions(
        b"package p\n//line a.go:10\nfunc f() {}\n",
        &[(0, 1, 1, "f.go", 1, 1), (8, 1, 9, "f.go", 1, 9), (9, 1, 10, "f.go", 1, 10), (10, 2, 1, "f.go", 2, 1), (25, 3, 1, "a.go", 10, 0), (30, 3, 6, "a.go", 10, 0), (31, 3, 7, "a.go", 10, 0), (32, 3, 8, "a.go", 10, 0), (34, 3, 10, "a.go", 10, 0), (35, 3, 11, "a.go", 10, 0), (36, 3, 12, "a.go", 10, 0)],
    );
    check(
        b"/*line a.go:5:5",
        &[E(0, "comment not terminated"), T(K::Comment, 0, 15), T(K::Eof, 15, 15)],
    );
    check_positions(
        b"/*line a.go:5:5",
        &[(0, 1, 1, "f.go", 1, 1)],
    );
    check(
        b"//line \xc3\xa9.go:10\nx",
        &[T(K::Comment, 0, 15), T(K::Ident, 16, 17), S(17), T(K::Eof, 17, 17)],
    );
    check_positions(
        b"//line \xc3\xa9.go:10\nx",
        &[(0, 1, 1, "f.go", 1, 1), (16, 2, 1, "\u{e9}.go", 10, 0)],
    );
    check(
        b"/* line a.go:10*/x",
        &[T(K::Comment, 0, 17), T(K::Ident, 17, 18), S(18), T(K::Eof, 18, 18)],
    );
    check_positions(
        b"/* line a.go:10*/x",
        &[(0, 1, 1, "f.go", 1, 1), (17, 1, 18, "f.go", 1, 18)],
    );
    check(
        b"/*line a.go:10\r*/x",
        &[E(12, "invalid line number: 10\r"), T(K::Comment, 0, 17), T(K::Ident, 17, 18), S(18), T(K::Eof, 18, 18)],
    );
    check_positions(
        b"/*line a.go:10\r*/x",
        &[(0, 1, 1, "f.go", 1, 1), (17, 1, 18, "f.go", 1, 18)],
    );
    check(
        b"/*line a.go:10:3*/\r\nx",
        &[T(K::Comment, 0, 18), T(K::Ident, 20, 21), S(21), T(K::Eof, 21, 21)],
    );
    check_positions(
        b"/*line a.go:10:3*/\r\nx",
        &[(0, 1, 1, "f.go", 1, 1), (20, 2, 1, "a.go", 11, 1)],
    );
}
}

// ---- Where this crate follows gc rather than go/token (checked against `go tool compile`) --

/// An adjusted position: file, line, column.
type Adjusted<'a> = (&'a str, u32, u32);

fn lex_all(src: &[u8]) -> (Vec<Lexed>, Lexer<'_>) {
    let mut lx = Lexer::new(src);
    let mut toks = Vec::new();
    loop {
        let t = lx.next();
        toks.push(t);
        if t.tok == K::Eof {
            return (toks, lx);
        }
    }
}

fn table_of(src: &[u8]) -> LineTable {
    lex_all(src).1.finish()
}

#[test]
fn eof_after_final_newline_is_on_the_next_line() {
    // gc: "3:1: syntax error: unexpected EOF" (go/parser would say 2:12).
    let src = b"package p\nfunc f() {\n";
    let (toks, lx) = lex_all(src);
    let eof = toks.last().unwrap();
    assert_eq!(eof.span, Span::new(21, 21));
    let table = lx.finish();
    assert_eq!(table.position(eof.span.pos()), Position { line: 3, col: 1 });
    assert_eq!(table.position(Pos(20)), Position { line: 2, col: 11 });
    assert_eq!(table.line_count(), 3);
    assert_eq!(table.line_start(3), Some(21));
    assert_eq!(table.line_start(4), None);

    let table = LineTable::from_source(b"package p\nfunc f() {");
    assert_eq!(table.position(Pos(20)), Position { line: 2, col: 11 });
    assert_eq!(table.line_count(), 2);
}

#[test]
fn line_directive_applying_to_eof_only() {
    // Each expectation is what gc reports for the `unexpected EOF` error of the source.
    let cases: [(&[u8], Adjusted); 4] = [
        (b"package p\nfunc f() {\n//line a.go:10\n", ("a.go", 10, 0)),
        (
            b"package p\nfunc f() {\n//line a.go:10:3\n",
            ("a.go", 10, 3),
        ),
        (b"package p\nfunc f() {/*line a.go:10:3*/", ("a.go", 10, 3)),
        // No newline after the directive: gc's base is on the line after the end.
        (b"package p\nfunc f() {\n//line a.go:10:3", ("a.go", 9, 17)),
    ];
    for (src, want) in cases {
        let table = table_of(src);
        let eof = Pos(src.len() as u32);
        assert_eq!(
            table.adjusted(eof),
            Some(want),
            "{:?}",
            String::from_utf8_lossy(src)
        );
    }
}

#[test]
fn multi_line_block_directive_is_anchored_like_gc() {
    // gc: `a\n.go:11:23: cannot use "s" ...` (go/token would say line 10, column 5 + 12).
    let src = b"package p\n\n/*line a\n.go:10:5*/var x int = \"s\"\n";
    let table = table_of(src);
    let s = src.iter().position(|&b| b == b'"').unwrap() as u32;
    assert_eq!(table.position(Pos(s)), Position { line: 4, col: 23 });
    assert_eq!(table.adjusted(Pos(s)), Some(("a\n.go", 11, 23)));
}

#[test]
fn directive_filename_is_kept_as_written() {
    // go/scanner would clean this to "b.go"; gc keeps it.
    let table = table_of(b"//line ./a/../b.go:3\nx");
    assert_eq!(table.adjusted(Pos(21)), Some(("./a/../b.go", 3, 0)));
}

#[test]
fn directive_numbers_beyond_63_bits_are_rejected_like_gc() {
    // go/scanner wraps these to -1 and accepts them; gc reports them.
    let src = b"//line a.go:18446744073709551615\nx";
    let (_, mut lx) = lex_all(src);
    let errors: Vec<_> = lx
        .take_errors()
        .into_iter()
        .map(|e| (e.pos.0, e.msg))
        .collect();
    assert_eq!(
        errors,
        [(12, "invalid line number: 18446744073709551615".to_string())]
    );
    assert_eq!(lx.finish().adjusted(Pos(33)), None);

    let src = b"//line a.go:10:18446744073709551615\nx";
    let (_, mut lx) = lex_all(src);
    let errors: Vec<_> = lx
        .take_errors()
        .into_iter()
        .map(|e| (e.pos.0, e.msg))
        .collect();
    assert_eq!(
        errors,
        [(
            15,
            "invalid column number: 18446744073709551615".to_string()
        )]
    );
    assert_eq!(lx.finish().adjusted(Pos(36)), None);
}

// ---- Line table API ------------------------------------------------------------------------

#[test]
fn inherited_filenames() {
    // `:line:col` keeps the previous filename; with no previous directive, the file's own.
    let table = table_of(b"//line :5:3\nx");
    assert_eq!(table.adjusted(Pos(12)), Some(("", 5, 3)));
    assert_eq!(table.adjusted_for(Pos(12), "m.go"), Some(("m.go", 5, 3)));
    // `:line` really names the empty file.
    let table = table_of(b"//line :5\nx");
    assert_eq!(table.adjusted_for(Pos(10), "m.go"), Some(("", 5, 0)));
    // Inheritance chains.
    let table = table_of(b"//line :5:3\n//line :7:1\nx");
    assert_eq!(table.adjusted_for(Pos(24), "m.go"), Some(("m.go", 7, 1)));
    let table = table_of(b"//line b.go:1\n//line :7:2\nx");
    assert_eq!(table.adjusted_for(Pos(26), "m.go"), Some(("b.go", 7, 2)));
    let table = table_of(b"//line b.go:1\n//line :3\n//line :7:2\nx");
    assert_eq!(table.adjusted_for(Pos(36), "m.go"), Some(("", 7, 2)));
    // Before the first directive nothing applies.
    assert_eq!(table.adjusted_for(Pos(0), "m.go"), None);
    assert!(table.has_directives());
}

#[test]
fn positions_never_panic() {
    let table = table_of(b"ab\ncd\n//line x.go:7:2\ne");
    assert_eq!(table.position(Pos::NONE), Position { line: 0, col: 0 });
    assert_eq!(table.adjusted(Pos::NONE), None);
    // Offsets past the end are clamped to the end (like go/token).
    assert_eq!(table.position(Pos(1000)), table.position(Pos(23)));
    assert_eq!(table.position(Pos(23)), Position { line: 4, col: 2 });
    assert_eq!(table.adjusted(Pos(1000)), Some(("x.go", 7, 3)));
    assert_eq!(table.line_start(0), None);
    assert_eq!(table.line_start(1), Some(0));
    assert_eq!(table.line_start(2), Some(3));
    assert_eq!(table.line_start(5), None);
    assert_eq!(table.line_start(u32::MAX), None);
    assert_eq!(table.source_len(), 23);

    let empty = LineTable::default();
    assert_eq!(empty.position(Pos(0)), Position { line: 1, col: 1 });
    assert_eq!(empty.position(Pos(7)), Position { line: 1, col: 1 });
    assert_eq!(empty.position(Pos::NONE), Position { line: 0, col: 0 });
    assert_eq!(empty.adjusted(Pos(0)), None);
    assert_eq!(empty.line_count(), 1);
    assert_eq!(empty.line_start(1), Some(0));
    assert_eq!(LineTable::from_source(b"").line_count(), 1);

    // Directives added out of order or out of range are ignored.
    let mut t = LineTable::from_source(b"a\nb\nc\n");
    t.add_line_directive(Span::new(2, 3), false, Some("x.go"), 5, 0);
    t.add_line_directive(Span::new(0, 1), false, Some("y.go"), 9, 0);
    t.add_line_directive(Span::new(4, 99), true, Some("z.go"), 9, 0);
    t.add_line_directive(Span::new(3, 2), true, Some("z.go"), 9, 0);
    assert_eq!(t.adjusted(Pos(4)), Some(("x.go", 5, 0)));
    assert_eq!(t.adjusted(Pos(2)), None);
}

#[test]
fn from_source_lines() {
    let table = LineTable::from_source(b"a\n\nbc\r\nd");
    assert_eq!(table.line_count(), 4);
    let starts: Vec<_> = (1..=5).map(|l| table.line_start(l)).collect();
    assert_eq!(starts, [Some(0), Some(2), Some(3), Some(7), None]);
    assert_eq!(table.position(Pos(5)), Position { line: 3, col: 3 });
    assert_eq!(table.position(Pos(6)), Position { line: 3, col: 4 });
    assert_eq!(table.position(Pos(7)), Position { line: 4, col: 1 });
    assert!(!table.has_directives());
}

// ---- Lexer API -----------------------------------------------------------------------------

#[test]
fn errors_are_drained_in_order() {
    let mut lx = Lexer::new(b"@ # $");
    assert_eq!(lx.next().tok, K::Illegal);
    assert_eq!(lx.next().tok, K::Illegal);
    let first: Vec<_> = lx.take_errors().into_iter().map(|e| e.pos).collect();
    assert_eq!(first, [Pos(0), Pos(2)]);
    assert!(lx.take_errors().is_empty());
    assert_eq!(lx.next().tok, K::Illegal);
    let rest: Vec<_> = lx.take_errors().into_iter().map(|e| e.msg).collect();
    assert_eq!(rest, ["illegal character U+0024 '$'"]);
    assert_eq!(lx.next().tok, K::Eof);
}

#[test]
fn errors_about_the_first_character_come_before_any_token() {
    let mut lx = Lexer::new(b"\xffx");
    let errors: Vec<_> = lx
        .take_errors()
        .into_iter()
        .map(|e| (e.pos.0, e.msg))
        .collect();
    assert_eq!(errors, [(0, "illegal UTF-8 encoding".to_string())]);
    let mut lx = Lexer::new(b"\xff\xfeh\x00i\x00");
    assert_eq!(
        lx.take_errors()[0].msg,
        "illegal UTF-8 encoding (got UTF-16)"
    );
    let t = lx.next();
    assert_eq!((t.tok, t.span), (K::Illegal, Span::new(0, 6)));
    assert_eq!(lx.next().tok, K::Eof);
}

#[test]
fn finish_covers_the_whole_source_after_stopping_early() {
    let src = b"x\n//line a.go:10\ny\n/*line b.go:1:1*/z\n";
    let mut lx = Lexer::new(src);
    assert_eq!(lx.next().tok, K::Ident);
    assert_eq!(lx.next().tok, K::Semicolon);
    assert_eq!(lx.next().tok, K::Comment); // the //line directive
    let table = lx.finish();
    assert_eq!(table.line_count(), 5);
    assert_eq!(table.position(Pos(36)), Position { line: 4, col: 18 });
    // Only the directive scanned so far is known.
    assert_eq!(table.adjusted(Pos(36)), Some(("a.go", 11, 0)));
    assert_eq!(table_of(src).adjusted(Pos(36)), Some(("b.go", 1, 1)));
}

#[test]
fn comment_spans_and_text() {
    let src = b"x // a\r\n/* b\r\n*/ `c\r\nd`";
    let (toks, _) = lex_all(src);
    let spans: Vec<_> = toks.iter().map(|t| (t.tok, t.span, t.implicit)).collect();
    assert_eq!(
        spans,
        [
            (K::Ident, Span::new(0, 1), false),
            (K::Comment, Span::new(2, 6), false),
            (K::Semicolon, Span::new(7, 7), true),
            (K::Comment, Span::new(8, 16), false),
            (K::String, Span::new(17, 23), false),
            (K::Semicolon, Span::new(23, 23), true),
            (K::Eof, Span::new(23, 23), false),
        ]
    );
    // The text go/scanner returns for comments and raw strings.
    let cases: [(&[u8], bool, &[u8]); 10] = [
        (b"/* a *\r/ b */", true, b"/* a *\r/ b */"),
        (b"/*\r*/", true, b"/**/"),
        (b"/* a\r\nb */", true, b"/* a\nb */"),
        (b"/*\r\r*/", true, b"/**/"),
        (b"/* *\r\r/ */", true, b"/* *\r/ */"),
        (b"/**\r/", true, b"/**\r/"),
        (b"/*\r/ */", true, b"/*/ */"),
        (b"// a\rb", false, b"// ab"),
        (b"`a\r\nb\r`", false, b"`a\nb`"),
        (b"plain", false, b"plain"),
    ];
    for (text, block, want) in cases {
        assert_eq!(
            &*strip_cr(text, block),
            want,
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
}

// ---- Robustness ----------------------------------------------------------------------------

/// A small deterministic generator (xorshift), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Scans `src` completely, checking that tokens are in order, in bounds and make progress,
/// and that every offset can be turned into a position.
fn scan_checked(src: &[u8]) -> usize {
    let (_, lx) = scan(src);
    let table = lx.finish();
    for off in 0..=src.len() as u32 {
        let p = table.position(Pos(off));
        assert!(p.line >= 1 && p.col >= 1);
        let _ = table.adjusted(Pos(off));
    }
    table.line_count()
}

#[test]
fn arbitrary_bytes_never_panic() {
    const FRAGMENTS: &[&[u8]] = &[
        b"0",
        b"1",
        b"8",
        b"x",
        b"X",
        b"o",
        b"b",
        b"e",
        b"E",
        b"p",
        b"P",
        b"i",
        b"_",
        b".",
        b"+",
        b"-",
        b"'",
        b"\"",
        b"`",
        b"\\",
        b"/",
        b"*",
        b"\n",
        b"\r",
        b" ",
        b"u",
        b"U",
        b"line ",
        b":",
        b"10",
        b"//line a.go:",
        b"/*line ",
        b"*/",
        b"\x00",
        b"\xff",
        b"\xef\xbb\xbf",
        "é".as_bytes(),
        b"\xe2\x82",
        "“".as_bytes(),
        b"@",
        b")",
        b"}",
        b"return",
        b"\xfe",
        b"\xff\xfe",
        b"\\x",
        b"\\u",
        b"\\U",
        b"\\0",
        b"//",
        b"/*",
        b"\r\n",
        b"1073741824",
        b"99999999999999999999",
        b"\xf0\x9f",
        b"\xed\xa0\x80",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let mut src = Vec::new();
        for _ in 0..rng.below(40) {
            if rng.below(4) == 0 {
                src.push(rng.next() as u8);
            } else {
                src.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            }
        }
        scan_checked(&src);
    }
}

#[test]
fn every_truncation_of_a_tricky_source() {
    let mut src = "\u{FEFF}package p // c\r\n/*line f.go:3:4*/ var (\n\tx = 0x1.8p-3i + 'a' + '\\u00e9' + \
               \"s\\x41\\n\" + `r\r\naw` /* c\n */\n\ty = 1_000.5e+10 &^ ^5 <<= 3\n)\n//line g.go:7\nfunc \
               f(ch <-chan int) { x, y := ...; return }\n日本 := '😀' \x00 \u{201C}"
        .as_bytes()
        .to_vec();
    src.extend_from_slice(b" \xff \xe2\x82 '\\x");
    let src = &src[..];
    for end in 0..=src.len() {
        scan_checked(&src[..end]);
        scan_checked(&src[end..]);
    }
}

#[test]
fn big_file() {
    // About 50 MB of varied Go code: one pass, no panic, and it all adds up.
    let chunk = "package p\n\n// Comment with é and //line-ish text.\nfunc f(a, b int) (int, \
                 error) {\n\tif a > b {\n\t\treturn a << 2, nil\n\t}\n\ts := \"str\\n\" + `raw`\n\t_ = \
                 s\n\treturn 0x1F + 1e3i, nil /* block\n */\n}\n";
    let repeats = 50_000_000 / chunk.len();
    let src = chunk.repeat(repeats).into_bytes();
    let mut lx = Lexer::new(&src);
    let mut count = 0usize;
    let mut last = Lexed {
        tok: K::Illegal,
        span: Span::new(0, 0),
        implicit: false,
    };
    loop {
        let t = lx.next();
        if t.tok == K::Eof {
            break;
        }
        count += 1;
        last = t;
    }
    assert!(lx.take_errors().is_empty());
    let (per_chunk, _) = lex_all(chunk.as_bytes());
    assert_eq!(count, (per_chunk.len() - 1) * repeats);
    assert_eq!(last.span.end as usize, src.len() - 1);
    let table = lx.finish();
    assert_eq!(
        table.line_count(),
        chunk.matches('\n').count() * repeats + 1
    );
    assert!(src.len() < MAX_SOURCE_LEN);
}

/// Every `.go` file of the Go distribution lexes to the end without panicking; outside
/// `testdata` directories none has a lexical error.
#[test]
#[allow(clippy::print_stderr)]
fn goroot_sources() {
    let goroot = std::process::Command::new("go")
        .args(["env", "GOROOT"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .filter(|dir| !dir.is_empty());
    let Some(goroot) = goroot else {
        eprintln!("note: `go env GOROOT` failed; skipping the GOROOT lexing test");
        return;
    };
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(goroot).join("src")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "go") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 1000, "only {} .go files found", files.len());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = files.len().div_ceil(threads);
    let bad: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut bad = Vec::new();
                    for path in part {
                        let Ok(src) = std::fs::read(path) else {
                            continue;
                        };
                        let mut lx = Lexer::new(&src);
                        let mut errors = lx.take_errors();
                        let mut end = 0;
                        for _ in 0..=src.len() + 1 {
                            let t = lx.next();
                            assert!(t.span.start >= end || t.implicit, "{}", path.display());
                            end = end.max(t.span.end);
                            if t.tok == K::Eof {
                                break;
                            }
                        }
                        assert_eq!(lx.next().tok, K::Eof, "{}", path.display());
                        errors.extend(lx.take_errors());
                        let in_testdata = path.components().any(|c| c.as_os_str() == "testdata");
                        if !errors.is_empty() && !in_testdata {
                            bad.push(format!("{}: {:?}", path.display(), errors[0]));
                        }
                        let table = lx.finish();
                        assert_eq!(table.source_len() as usize, src.len());
                    }
                    bad
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert!(
        bad.is_empty(),
        "lexical errors in non-testdata files: {bad:#?}"
    );
}
