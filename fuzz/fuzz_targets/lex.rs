//! Scans arbitrary bytes to the end: the lexer may not panic or loop, every token must lie
//! inside the source in order, and every error must have a position the line table maps.

#![no_main]

use goescape_syntax::lexer::Lexer;
use goescape_syntax::Token;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let len = data.len() as u32;
    let mut lexer = Lexer::new(data);
    // Every token but an implicit semicolon consumes at least one byte, and at most one
    // implicit semicolon is due per consumed token, so this many tokens reach EOF.
    let token_limit = 2 * data.len() + 2;
    let mut previous_start = 0;
    let mut reached_eof = false;
    for _ in 0..=token_limit {
        let lexed = lexer.next();
        assert!(
            lexed.span.start <= lexed.span.end && lexed.span.end <= len,
            "token outside the source: {lexed:?}"
        );
        assert!(
            lexed.span.start >= previous_start,
            "token before its predecessor: {lexed:?}"
        );
        assert!(
            !lexed.implicit || lexed.tok == Token::Semicolon,
            "{lexed:?}"
        );
        previous_start = lexed.span.start;
        if lexed.tok == Token::Eof {
            assert_eq!(lexed.span.start, len, "EOF before the end");
            reached_eof = true;
            break;
        }
    }
    assert!(reached_eof, "no EOF after {token_limit} tokens");
    let errors = lexer.take_errors();
    let line_table = lexer.finish();
    for error in &errors {
        assert!(
            error.pos.is_valid() && error.pos.0 <= len,
            "error outside the source: {error:?}"
        );
        let position = line_table.position(error.pos);
        assert!(position.line >= 1 && position.col >= 1, "{error:?}");
        let _ = line_table.adjusted(error.pos);
    }
});
