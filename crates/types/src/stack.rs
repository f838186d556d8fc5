//! Deep recursion over types: a type nested 100 000 levels deep (`[][][]...int`) is valid
//! input, so recursive queries grow the stack on demand instead of overflowing it.

/// Runs `f` with at least 64 KiB of stack left, growing it by 1 MiB segments.
pub(crate) fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}
