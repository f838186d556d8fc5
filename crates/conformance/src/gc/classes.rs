//! The kinds of message gc prints with `-m`, `-m=2` and `-l`, named after their text.
//!
//! The class of a message is decided by its text alone, the same way for gc's output and
//! ours, so a class is a bucket for counting, not a claim about the program: `x does not
//! escape` for a plain name is almost always a parameter, but a variable converted to an
//! interface prints the same way.

/// A kind of message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// `moved to heap: x`
    MovedToHeap,
    /// `E escapes to heap` (other than `... argument`)
    EscapesToHeap,
    /// `E does not escape`, E an expression (`&T{...}`, `make([]int, n)`, `func literal`)
    DoesNotEscape,
    /// `p does not escape`, p a plain name: a parameter (or a variable converted to an
    /// interface)
    ParamDoesNotEscape,
    /// `leaking param: p`
    LeakingParam,
    /// `leaking param content: p`
    LeakingParamContent,
    /// `leaking param: p to result ~r0 level=N`
    LeakingParamToResult,
    /// `... argument does not escape`, `... argument escapes to heap`
    VariadicArgument,
    /// `F capturing by value: x (...)`, `F capturing by ref: x (...)` (`-m=2`)
    Capturing,
    /// The header of a `-m=2` explanation: `E escapes to heap in F:`, `parameter p leaks
    /// to ~r0 for F with derefs=N:`
    Explanation,
    /// A continuation line of an explanation: `  flow: ...`, `    from ... at POS`
    Flow,
    /// `F ignoring self-assignment in S`
    SelfAssignment,
    /// `zero-copy string->[]byte conversion`
    ZeroCopy,
    /// `assuming p is unsafe uintptr`, `marking p as escaping uintptr`
    Uintptr,
    /// `can inline F` (without `-l`)
    CanInline,
    /// `inlining call to F` (without `-l`)
    InliningCall,
    /// `cannot inline F: REASON` (`-m=2` without `-l`)
    CannotInline,
    /// `devirtualizing i.M to *T`
    Devirtualizing,
    /// `index bounds check elided` (walk, printed under any `-m`)
    BoundsCheck,
    /// Anything else (`imprecise interface call`, lines we do not recognise).
    Other,
}

impl Class {
    /// Every class, in report order.
    pub const ALL: [Class; 20] = [
        Class::MovedToHeap,
        Class::EscapesToHeap,
        Class::DoesNotEscape,
        Class::ParamDoesNotEscape,
        Class::LeakingParam,
        Class::LeakingParamContent,
        Class::LeakingParamToResult,
        Class::VariadicArgument,
        Class::Capturing,
        Class::Explanation,
        Class::Flow,
        Class::SelfAssignment,
        Class::ZeroCopy,
        Class::Uintptr,
        Class::CanInline,
        Class::InliningCall,
        Class::CannotInline,
        Class::Devirtualizing,
        Class::BoundsCheck,
        Class::Other,
    ];

    /// The class's name in reports and in the ratchet file.
    pub fn name(self) -> &'static str {
        match self {
            Class::MovedToHeap => "moved to heap",
            Class::EscapesToHeap => "escapes to heap",
            Class::DoesNotEscape => "does not escape",
            Class::ParamDoesNotEscape => "param does not escape",
            Class::LeakingParam => "leaking param",
            Class::LeakingParamContent => "leaking param content",
            Class::LeakingParamToResult => "leaking param to result",
            Class::VariadicArgument => "... argument",
            Class::Capturing => "capturing",
            Class::Explanation => "explanation",
            Class::Flow => "flow",
            Class::SelfAssignment => "self-assignment",
            Class::ZeroCopy => "zero-copy",
            Class::Uintptr => "uintptr",
            Class::CanInline => "can inline",
            Class::InliningCall => "inlining call",
            Class::CannotInline => "cannot inline",
            Class::Devirtualizing => "devirtualizing",
            Class::BoundsCheck => "bounds check",
            Class::Other => "other",
        }
    }

    /// The class named `name` (as [`Class::name`] spells it).
    pub fn from_name(name: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The class of a message's text (after `POS: `).
pub fn classify(text: &str) -> Class {
    if text.starts_with("  ") {
        return Class::Flow;
    }
    if text.ends_with(':')
        && (text.contains(" escapes to heap in ")
            || (text.starts_with("parameter ") && text.contains(" with derefs=")))
    {
        return Class::Explanation;
    }
    if text.starts_with("moved to heap: ") {
        return Class::MovedToHeap;
    }
    if let Some(rest) = text.strip_prefix("leaking param content: ") {
        return if rest.is_empty() {
            Class::Other
        } else {
            Class::LeakingParamContent
        };
    }
    if let Some(rest) = text.strip_prefix("leaking param: ") {
        return if rest.contains(" to result ") {
            Class::LeakingParamToResult
        } else {
            Class::LeakingParam
        };
    }
    if text == "... argument does not escape" || text == "... argument escapes to heap" {
        return Class::VariadicArgument;
    }
    if text.ends_with(" escapes to heap") {
        return Class::EscapesToHeap;
    }
    if let Some(subject) = text.strip_suffix(" does not escape") {
        return if is_plain_name(subject) {
            Class::ParamDoesNotEscape
        } else {
            Class::DoesNotEscape
        };
    }
    if text.contains(" capturing by value: ") || text.contains(" capturing by ref: ") {
        return Class::Capturing;
    }
    if text.contains(" ignoring self-assignment in ") {
        return Class::SelfAssignment;
    }
    if text == "zero-copy string->[]byte conversion" {
        return Class::ZeroCopy;
    }
    if (text.starts_with("assuming ") && text.ends_with(" is unsafe uintptr"))
        || (text.starts_with("marking ") && text.ends_with(" as escaping uintptr"))
    {
        return Class::Uintptr;
    }
    if text.starts_with("can inline ") {
        return Class::CanInline;
    }
    if text.starts_with("inlining call to ") {
        return Class::InliningCall;
    }
    if text.starts_with("cannot inline ") {
        return Class::CannotInline;
    }
    if text.starts_with("devirtualizing ") {
        return Class::Devirtualizing;
    }
    if text == "index bounds check elided" {
        return Class::BoundsCheck;
    }
    Class::Other
}

/// A name as gc prints variables: letters, digits, `_`, and the `.` `~` `#` of qualified,
/// unnamed (`~p0`), temporary (`.autotmp_3`) and range-over-func (`#next`) names.
fn is_plain_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '~' | '#'))
        && s.chars().any(|c| c.is_alphabetic() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_messages() {
        let cases = [
            ("moved to heap: x", Class::MovedToHeap),
            ("&T{...} escapes to heap", Class::EscapesToHeap),
            ("append escapes to heap", Class::EscapesToHeap),
            ("make([]byte, 0, 48) does not escape", Class::DoesNotEscape),
            ("func literal does not escape", Class::DoesNotEscape),
            ("\"abc\" does not escape", Class::DoesNotEscape),
            ("s does not escape", Class::ParamDoesNotEscape),
            ("~p0 does not escape", Class::ParamDoesNotEscape),
            (".this does not escape", Class::ParamDoesNotEscape),
            ("leaking param: p", Class::LeakingParam),
            ("leaking param content: p", Class::LeakingParamContent),
            (
                "leaking param: b to result ~r0 level=0",
                Class::LeakingParamToResult,
            ),
            ("... argument does not escape", Class::VariadicArgument),
            ("... argument escapes to heap", Class::VariadicArgument),
            (
                "F capturing by value: x (addr=false assign=false width=8)",
                Class::Capturing,
            ),
            ("x escapes to heap in F:", Class::Explanation),
            (
                "parameter b leaks to ~r0 for appendBytes with derefs=0:",
                Class::Explanation,
            ),
            ("  flow: ~r0 ← b:", Class::Flow),
            ("    from return b (return) at /a.go:1:2", Class::Flow),
            (
                "(*B).f ignoring self-assignment in b.buf = b.buf[1:]",
                Class::SelfAssignment,
            ),
            ("zero-copy string->[]byte conversion", Class::ZeroCopy),
            ("assuming fd is unsafe uintptr", Class::Uintptr),
            ("marking a1 as escaping uintptr", Class::Uintptr),
            ("can inline F", Class::CanInline),
            ("inlining call to F", Class::InliningCall),
            ("cannot inline F: recursive", Class::CannotInline),
            ("devirtualizing w.Write to *T", Class::Devirtualizing),
            ("index bounds check elided", Class::BoundsCheck),
            ("imprecise interface call", Class::Other),
            ("leaking param content: ", Class::Other),
        ];
        for (text, class) in cases {
            assert_eq!(classify(text), class, "{text}");
        }
        for class in Class::ALL {
            assert_eq!(Class::from_name(class.name()), Some(class));
        }
    }
}
