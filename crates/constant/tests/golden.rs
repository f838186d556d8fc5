//! The crate against Go itself: every program of `testdata/cases.txt` (hand-written) and
//! `testdata/random_cases.txt` (generated, fixed seed) is evaluated here and its
//! description compared, line by line, with what `testdata/gen` printed from Go's
//! go/constant and go/types (`testdata/golden.txt`). When `go` is on PATH, a second test
//! re-runs the generators and checks that the committed outputs are current.

use std::path::{Path, PathBuf};
use std::process::Command;

use goescape_constant::{
    binary_op, compare, denom, imag, make_from_literal, make_imag, num, real, representable,
    shift_by, to_complex, to_float, to_int, unary_op, BinaryOp, CompareOp, Kind, LiteralKind, Repr,
    ShiftOp, UnaryOp, Value,
};

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The programs of cases.txt, one per non-blank, non-comment line.
fn cases(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn literal_kind(name: &str) -> Option<LiteralKind> {
    Some(match name {
        "int" => LiteralKind::Int,
        "float" => LiteralKind::Float,
        "imag" => LiteralKind::Imag,
        "char" => LiteralKind::Char,
        "string" => LiteralKind::String,
        _ => return None,
    })
}

fn unhex(s: &str) -> Result<Vec<u8>, String> {
    s.as_bytes()
        .chunks(2)
        .map(|pair| {
            let text = std::str::from_utf8(pair).map_err(|e| e.to_string())?;
            match pair.len() {
                2 => u8::from_str_radix(text, 16).map_err(|e| e.to_string()),
                _ => Err(format!("odd hex length in {s:?}")),
            }
        })
        .collect()
}

fn binary(name: &str) -> Option<BinaryOp> {
    Some(match name {
        "+" => BinaryOp::Add,
        "-" => BinaryOp::Sub,
        "*" => BinaryOp::Mul,
        "/" => BinaryOp::Quo,
        "div" => BinaryOp::IntDiv,
        "%" => BinaryOp::Rem,
        "&" => BinaryOp::And,
        "|" => BinaryOp::Or,
        "^" => BinaryOp::Xor,
        "&^" => BinaryOp::AndNot,
        "&&" => BinaryOp::LogAnd,
        "||" => BinaryOp::LogOr,
        _ => return None,
    })
}

fn comparison(name: &str) -> Option<CompareOp> {
    Some(match name {
        "==" => CompareOp::Eq,
        "!=" => CompareOp::Ne,
        "<" => CompareOp::Lt,
        "<=" => CompareOp::Le,
        ">" => CompareOp::Gt,
        ">=" => CompareOp::Ge,
        _ => return None,
    })
}

/// Evaluates one stack program; `Err` only for a malformed program.
fn run(program: &str) -> Result<Value, String> {
    let mut stack: Vec<Value> = Vec::new();
    let pop = |stack: &mut Vec<Value>| stack.pop().ok_or_else(|| "stack underflow".to_string());
    for token in program.split_whitespace() {
        let (name, arg) = token.split_once(':').unwrap_or((token, ""));
        let has_arg = token.contains(':');
        let value = if let (Some(kind), true) = (literal_kind(name), has_arg) {
            make_from_literal(arg, kind)
        } else if let Some(op) = binary(name) {
            let y = pop(&mut stack)?;
            let x = pop(&mut stack)?;
            binary_op(&x, op, &y)
        } else if let Some(op) = comparison(name) {
            let y = pop(&mut stack)?;
            let x = pop(&mut stack)?;
            Value::from_bool(compare(&x, op, &y))
        } else {
            match name {
                "hex" => {
                    let (kind, bytes) = arg.split_once(':').ok_or("hex needs KIND:HEX")?;
                    let kind = literal_kind(kind).ok_or("bad literal kind")?;
                    make_from_literal(unhex(bytes)?, kind)
                }
                "i64" => Value::from_i64(arg.parse().map_err(|e| format!("{token}: {e}"))?),
                "u64" => Value::from_u64(arg.parse().map_err(|e| format!("{token}: {e}"))?),
                "f64" => {
                    let bits = u64::from_str_radix(arg.trim_start_matches("0x"), 16)
                        .map_err(|e| format!("{token}: {e}"))?;
                    Value::from_f64(f64::from_bits(bits))
                }
                "bool" => Value::from_bool(arg == "true"),
                "str" => Value::from_string(unhex(arg)?),
                "unknown" => Value::unknown(),
                "pos" | "neg" | "not" | "cpl" => {
                    let op = match name {
                        "pos" => UnaryOp::Plus,
                        "neg" => UnaryOp::Neg,
                        "not" => UnaryOp::Not,
                        _ => UnaryOp::Xor,
                    };
                    let prec = if arg.is_empty() {
                        0
                    } else {
                        arg.parse().map_err(|e| format!("{token}: {e}"))?
                    };
                    let x = pop(&mut stack)?;
                    unary_op(op, &x, prec)
                }
                "<<" | ">>" => {
                    let n: i64 = arg.parse().map_err(|e| format!("{token}: {e}"))?;
                    let op = if name == "<<" {
                        ShiftOp::Shl
                    } else {
                        ShiftOp::Shr
                    };
                    let x = pop(&mut stack)?;
                    shift_by(&x, op, &Value::from_i64(n))
                }
                "to_int" => to_int(&pop(&mut stack)?),
                "to_float" => to_float(&pop(&mut stack)?),
                "to_complex" => to_complex(&pop(&mut stack)?),
                "real_part" => real(&pop(&mut stack)?),
                "imag_part" => imag(&pop(&mut stack)?),
                "num" => num(&pop(&mut stack)?),
                "denom" => denom(&pop(&mut stack)?),
                "make_imag" => make_imag(&pop(&mut stack)?),
                "dup" => {
                    let x = pop(&mut stack)?;
                    stack.push(x.clone());
                    x
                }
                "swap" => {
                    let y = pop(&mut stack)?;
                    let x = pop(&mut stack)?;
                    stack.push(y);
                    x
                }
                _ => return Err(format!("unknown token {token}")),
            }
        };
        stack.push(value);
    }
    match stack.len() {
        1 => Ok(stack.remove(0)),
        n => Err(format!("{n} values left on the stack")),
    }
}

const TARGETS: &[(&str, Repr)] = &[
    ("bool", Repr::Bool),
    ("string", Repr::String),
    ("int8", Repr::INT8),
    ("int16", Repr::INT16),
    ("int32", Repr::INT32),
    ("int64", Repr::INT64),
    ("uint8", Repr::UINT8),
    ("uint16", Repr::UINT16),
    ("uint32", Repr::UINT32),
    ("uint64", Repr::UINT64),
    ("uintptr", Repr::UINTPTR),
    ("float32", Repr::Float32),
    ("float64", Repr::Float64),
    ("complex64", Repr::Complex64),
    ("complex128", Repr::Complex128),
    ("untyped_int", Repr::UntypedInt),
    ("untyped_float", Repr::UntypedFloat),
    ("untyped_complex", Repr::UntypedComplex),
];

/// The same description of a value that gen/main.go prints.
fn describe(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let kind = v.kind();
    out.push(format!("  kind {kind:?}"));
    out.push(format!("  string {v}"));
    out.push(format!("  exact {}", v.exact_string()));
    let is_int = matches!(kind, Kind::Int | Kind::Unknown);
    let is_real = is_int || kind == Kind::Float;
    if is_int {
        let (i, iok) = v.int64_val();
        let (u, uok) = v.uint64_val();
        out.push(format!("  int64 {i} {iok}"));
        out.push(format!("  uint64 {u} {uok}"));
        out.push(format!("  bitlen {}", v.bit_len()));
    }
    if is_real {
        let (f32v, ok32) = v.float32_val();
        let (f64v, ok64) = v.float64_val();
        out.push(format!("  float32 0x{:08x} {ok32}", f32v.to_bits()));
        out.push(format!("  float64 0x{:016x} {ok64}", f64v.to_bits()));
        out.push(format!("  num {}", num(v).exact_string()));
        out.push(format!("  denom {}", denom(v).exact_string()));
    }
    if is_real || kind == Kind::Complex {
        out.push(format!("  sign {}", v.sign()));
    }
    let mut not = String::new();
    for (name, target) in TARGETS {
        match representable(v, *target) {
            None => {
                not.push(' ');
                not.push_str(name);
            }
            Some(r) => out.push(format!(
                "  repr {name} {:?} {} {}",
                r.kind(),
                r,
                r.exact_string()
            )),
        }
    }
    out.push(format!("  not representable:{not}"));
    out
}

/// golden.txt as (case text, description lines) blocks.
fn golden_blocks(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut blocks: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in text.lines() {
        if let Some(case) = line.strip_prefix("case ") {
            blocks.push((case, Vec::new()));
        } else if let Some(block) = blocks.last_mut() {
            block.1.push(line);
        }
    }
    blocks
}

#[test]
fn matches_go_constant() {
    let cases_text = read(&testdata().join("cases.txt"));
    let random_text = read(&testdata().join("random_cases.txt"));
    let golden_text = read(&testdata().join("golden.txt"));
    let mut programs = cases(&cases_text);
    programs.extend(cases(&random_text));
    let golden = golden_blocks(&golden_text);
    assert_eq!(
        programs.len(),
        golden.len(),
        "golden.txt is out of date with cases.txt: run testdata/regen.sh"
    );

    let mut failures = Vec::new();
    let mut lines_compared = 0;
    for (program, (case, expected)) in programs.iter().zip(&golden) {
        assert_eq!(
            program, case,
            "golden.txt is out of date: run testdata/regen.sh"
        );
        let value = match run(program) {
            Ok(v) => v,
            Err(e) => panic!("malformed case {program:?}: {e}"),
        };
        if expected.as_slice() == ["  panic"] {
            // Go rejects the program; the crate must give unknown (or false).
            lines_compared += 1;
            let rejected = value.is_unknown() || (value.kind() == Kind::Bool && !value.bool_val());
            if !rejected {
                failures.push(format!("{program}: Go panics, crate gives {value}"));
            }
            continue;
        }
        let actual = describe(&value);
        lines_compared += expected.len();
        if actual.len() != expected.len() {
            failures.push(format!(
                "{program}: {} lines, Go has {}\n  crate: {actual:#?}\n  go: {expected:#?}",
                actual.len(),
                expected.len()
            ));
            continue;
        }
        for (a, e) in actual.iter().zip(expected) {
            if a != e {
                failures.push(format!("{program}:\n  crate:{a}\n  go:   {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {lines_compared} lines differ from Go:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(golden.len() > 1500 && lines_compared > 30_000);
}

/// Runs `go run FILE ARGS…` in testdata; `None` if go is not installed.
fn go_run(args: &[&str]) -> Option<String> {
    let output = Command::new("go")
        .arg("run")
        .args(args)
        .current_dir(testdata())
        .env("GOTOOLCHAIN", "local")
        .output()
        .ok()?;
    assert!(
        output.status.success(),
        "go run {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).unwrap_or_default())
}

#[test]
fn generated_files_are_current() {
    let Some(random) = go_run(&["random/main.go"]) else {
        return; // no Go toolchain: nothing to compare with
    };
    assert!(
        random == read(&testdata().join("random_cases.txt")),
        "testdata/random_cases.txt is stale: run testdata/regen.sh"
    );
    let Some(golden) = go_run(&["gen/main.go", "cases.txt", "random_cases.txt"]) else {
        return;
    };
    assert!(
        golden == read(&testdata().join("golden.txt")),
        "testdata/golden.txt is stale: run testdata/regen.sh"
    );
    let Some(isprint) = go_run(&["isprint/main.go"]) else {
        return;
    };
    let committed = read(&testdata().join("../src/isprint.rs"));
    assert!(
        isprint == committed,
        "src/isprint.rs is stale: run testdata/regen.sh"
    );
}
