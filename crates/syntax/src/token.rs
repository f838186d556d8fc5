//! Lexical tokens of Go, with the spellings the Go toolchain uses in its messages.

use std::fmt;

/// The kind of a lexical token.
///
/// The set and the spellings follow `go/token`, so that error messages such as
/// `expected ';', found ')'` read the same as go/parser's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Token {
    Illegal,
    Eof,
    Comment,

    // Literals and names.
    Ident,
    Int,
    Float,
    Imag,
    Char,
    String,

    // Operators and delimiters.
    Add,    // +
    Sub,    // -
    Mul,    // *
    Quo,    // /
    Rem,    // %
    And,    // &
    Or,     // |
    Xor,    // ^
    Shl,    // <<
    Shr,    // >>
    AndNot, // &^

    AddAssign,    // +=
    SubAssign,    // -=
    MulAssign,    // *=
    QuoAssign,    // /=
    RemAssign,    // %=
    AndAssign,    // &=
    OrAssign,     // |=
    XorAssign,    // ^=
    ShlAssign,    // <<=
    ShrAssign,    // >>=
    AndNotAssign, // &^=

    LAnd,  // &&
    LOr,   // ||
    Arrow, // <-
    Inc,   // ++
    Dec,   // --

    Eql,    // ==
    Lss,    // <
    Gtr,    // >
    Assign, // =
    Not,    // !

    Neq,      // !=
    Leq,      // <=
    Geq,      // >=
    Define,   // :=
    Ellipsis, // ...

    LParen,    // (
    LBrack,    // [
    LBrace,    // {
    Comma,     // ,
    Period,    // .
    RParen,    // )
    RBrack,    // ]
    RBrace,    // }
    Semicolon, // ;
    Colon,     // :
    Tilde,     // ~

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Token {
    /// The spelling `go/token` gives this token: the operator or keyword itself,
    /// or an upper-case class name (`IDENT`, `INT`, `EOF`, ...).
    pub fn as_str(self) -> &'static str {
        use Token::*;
        match self {
            Illegal => "ILLEGAL",
            Eof => "EOF",
            Comment => "COMMENT",
            Ident => "IDENT",
            Int => "INT",
            Float => "FLOAT",
            Imag => "IMAG",
            Char => "CHAR",
            String => "STRING",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            AddAssign => "+=",
            SubAssign => "-=",
            MulAssign => "*=",
            QuoAssign => "/=",
            RemAssign => "%=",
            AndAssign => "&=",
            OrAssign => "|=",
            XorAssign => "^=",
            ShlAssign => "<<=",
            ShrAssign => ">>=",
            AndNotAssign => "&^=",
            LAnd => "&&",
            LOr => "||",
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            Eql => "==",
            Lss => "<",
            Gtr => ">",
            Assign => "=",
            Not => "!",
            Neq => "!=",
            Leq => "<=",
            Geq => ">=",
            Define => ":=",
            Ellipsis => "...",
            LParen => "(",
            LBrack => "[",
            LBrace => "{",
            Comma => ",",
            Period => ".",
            RParen => ")",
            RBrack => "]",
            RBrace => "}",
            Semicolon => ";",
            Colon => ":",
            Tilde => "~",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// The keyword spelled `word`, if it is one.
    pub fn keyword(word: &[u8]) -> Option<Token> {
        use Token::*;
        Some(match word {
            b"break" => Break,
            b"case" => Case,
            b"chan" => Chan,
            b"const" => Const,
            b"continue" => Continue,
            b"default" => Default,
            b"defer" => Defer,
            b"else" => Else,
            b"fallthrough" => Fallthrough,
            b"for" => For,
            b"func" => Func,
            b"go" => Go,
            b"goto" => Goto,
            b"if" => If,
            b"import" => Import,
            b"interface" => Interface,
            b"map" => Map,
            b"package" => Package,
            b"range" => Range,
            b"return" => Return,
            b"select" => Select,
            b"struct" => Struct,
            b"switch" => Switch,
            b"type" => Type,
            b"var" => Var,
            _ => return None,
        })
    }

    pub fn is_keyword(self) -> bool {
        self >= Token::Break
    }

    pub fn is_literal(self) -> bool {
        matches!(
            self,
            Token::Ident | Token::Int | Token::Float | Token::Imag | Token::Char | Token::String
        )
    }

    pub fn is_operator(self) -> bool {
        self >= Token::Add && self <= Token::Tilde
    }

    /// Binary operator precedence as in the spec (5 binds tightest); 0 for non-operators.
    pub fn precedence(self) -> u8 {
        use Token::*;
        match self {
            LOr => 1,
            LAnd => 2,
            Eql | Neq | Lss | Leq | Gtr | Geq => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Quo | Rem | Shl | Shr | And | AndNot => 5,
            _ => 0,
        }
    }

    /// For a compound assignment operator such as `+=`, the binary operator it applies.
    pub fn assign_op_binary(self) -> Option<Token> {
        use Token::*;
        Some(match self {
            AddAssign => Add,
            SubAssign => Sub,
            MulAssign => Mul,
            QuoAssign => Quo,
            RemAssign => Rem,
            AndAssign => And,
            OrAssign => Or,
            XorAssign => Xor,
            ShlAssign => Shl,
            ShrAssign => Shr,
            AndNotAssign => AndNot,
            _ => return None,
        })
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
