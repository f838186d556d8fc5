//! The line table the lexer records while scanning is the table of every newline of the
//! source, whatever the source holds and wherever scanning stopped.

use goescape_syntax::{parse_file, LineTable};

fn assert_same_lines(name: &str, src: &[u8]) {
    let parsed = parse_file(name, src.to_vec());
    let recorded = &parsed.file.line_table;
    let searched = LineTable::from_source(src);
    assert_eq!(
        recorded.line_count(),
        searched.line_count(),
        "{name}: line count"
    );
    for line in 1..=searched.line_count() as u32 {
        assert_eq!(
            recorded.line_start(line),
            searched.line_start(line),
            "{name}: line {line}"
        );
    }
}

#[test]
fn tricky_sources() {
    let cases: [&[u8]; 12] = [
        b"",
        b"\n",
        b"package p\n",
        b"package p\nvar s = `raw\nstring\n`\n",
        b"package p /* block\ncomment */ var x = 1\n\n\n",
        b"package p\nvar s = \"unterminated\nvar t = 'x\n",
        b"package p\nvar s = `never closed\n\n",
        b"package p\n/* never closed\n\n",
        b"package p\nfunc f() { x := 1 // c\n}\r\n\r\n",
        b"\xff\xfepackage p\n\n",
        // Too many errors: the parser stops reading the file early.
        b"package p\n)\n)\n)\n)\n)\n)\n)\n)\n)\n)\n)\n)\n)\n)\n)\n)\n",
        b"package p\nvar s = \"a\\\nb\"\n",
    ];
    for (i, src) in cases.iter().enumerate() {
        assert_same_lines(&format!("case{i}"), src);
    }
}

#[test]
fn every_truncation_of_a_file() {
    let src = b"package p\n\nimport \"fmt\"\n\n/* doc\n */\nfunc f(s string) {\n\tx := `a\nb`\n\tfmt.Println(x, s) // c\n}\n";
    for end in 0..=src.len() {
        assert_same_lines(&format!("prefix{end}"), &src[..end]);
    }
}

#[test]
fn the_standard_library() {
    let Ok(output) = std::process::Command::new("go")
        .args(["env", "GOROOT"])
        .output()
    else {
        panic!("the go command is not on PATH: goescape needs Go 1.26");
    };
    let root = std::path::PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()).join("src");
    let mut stack = vec![root];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "go") {
                if let Ok(src) = std::fs::read(&path) {
                    assert_same_lines(&path.display().to_string(), &src);
                    files += 1;
                }
            }
        }
    }
    assert!(files > 5000, "only {files} files found under GOROOT/src");
}
