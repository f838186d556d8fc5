//! Rendering syntax errors the way gc prints them: `file:line:col: message`.

use goescape_syntax::{ast, Pos, SyntaxError};

/// Renders `error` with the position gc would print: the one a `//line` directive assigns,
/// if any applies (`file:line: msg` when the directive gave no column), else the physical
/// `line:col` in `display_path`, the path as the user gave it or as the walk found it.
pub fn render_syntax_error(display_path: &str, file: &ast::File, error: &SyntaxError) -> String {
    let msg = &error.msg;
    if !error.pos.is_valid() {
        return format!("{display_path}: {msg}");
    }
    // `adjusted_for`: a `//line :10` directive keeps the file's own name.
    if let Some((name, line, col)) = file.line_table.adjusted_for(error.pos, display_path) {
        return if col == 0 {
            format!("{name}:{line}: {msg}")
        } else {
            format!("{name}:{line}:{col}: {msg}")
        };
    }
    let position = file.line_table.position(error.pos);
    format!("{display_path}:{}:{}: {msg}", position.line, position.col)
}

/// Go source must be UTF-8. The parser reports invalid bytes where it meets them; this is
/// the backstop that keeps a binary or mis-encoded file from ever passing as clean.
pub fn invalid_utf8_error(src: &[u8]) -> Option<SyntaxError> {
    let err = std::str::from_utf8(src).err()?;
    Some(SyntaxError {
        pos: Pos(err.valid_up_to() as u32),
        msg: "invalid UTF-8 encoding".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_invalid_byte() {
        let error = invalid_utf8_error(b"package p\n// \xff\n").unwrap();
        assert_eq!(error.pos, Pos(13));
        assert!(invalid_utf8_error("package p // é\n".as_bytes()).is_none());
    }

    #[test]
    fn renders_physical_line_and_column() {
        let src = b"package p\n\nfunc f() {\n\tx := \n}\n".to_vec();
        let parsed = goescape_syntax::parse_file("p.go", src);
        assert!(!parsed.errors.is_empty());
        let rendered = render_syntax_error("dir/p.go", &parsed.file, &parsed.errors[0]);
        assert!(rendered.starts_with("dir/p.go:"), "{rendered}");
        let mut parts = rendered.splitn(4, ':');
        let (_, line, col) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
        assert!(line.parse::<u32>().unwrap() >= 4, "{rendered}");
        assert!(col.parse::<u32>().unwrap() >= 1, "{rendered}");
    }

    #[test]
    fn renders_the_position_a_line_directive_assigns() {
        let src = b"package p\n\n//line gen.y:100\nfunc f() { x := }\n".to_vec();
        let parsed = goescape_syntax::parse_file("p.go", src);
        assert!(!parsed.errors.is_empty());
        let rendered = render_syntax_error("p.go", &parsed.file, &parsed.errors[0]);
        assert!(rendered.starts_with("gen.y:100:"), "{rendered}");
    }
}
