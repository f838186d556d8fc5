//! Indices into the arenas of an IR [`crate::Package`].

macro_rules! ir_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

ir_id!(
    /// A function of the package: declared, a method, a closure or a generated wrapper.
    FuncId
);
ir_id!(
    /// A variable: a parameter, result, local or compiler temporary of some function.
    VarId
);
ir_id!(
    /// An expression node.
    ExprId
);
ir_id!(
    /// A statement node.
    StmtId
);
