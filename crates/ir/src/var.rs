//! Variables (gc's `ir.Name` of class PAUTO, PPARAM, PPARAMOUT).

use goescape_types::ObjId;

use crate::expr::IrType;

use crate::ids::{FuncId, StmtId};
use crate::pos::IrPos;

/// What kind of storage a variable is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VarClass {
    /// A local variable or compiler temporary.
    Local,
    Param,
    /// A result parameter (named or not).
    Result,
}

#[derive(Clone, Debug)]
pub struct Var {
    /// The name gc prints: the source name, `~r0` for an unnamed result, `~p0` for an
    /// unnamed parameter, `.autotmp_N` for a temporary.
    pub name: String,
    pub class: VarClass,
    pub ty: IrType,
    /// The declaring identifier (for temporaries: the expression they hold).
    pub pos: IrPos,
    /// The function whose frame holds the variable.
    pub func: FuncId,
    /// The type checker's object, for source variables.
    pub obj: Option<ObjId>,
    /// The statement that declares and initialises it (`x := e`, `var x = e`, a range
    /// or type switch clause): gc's `Name.Defn`, which tells re-assignments apart.
    pub defn: Option<StmtId>,
    /// A blank parameter or result (`_`), which gc never reports.
    pub blank: bool,
    /// The package whose files `pos` is in when it is not this one's: a parameter of a
    /// wrapper, declared by the wrapped method in another package (gc qualifies its name).
    pub pos_pkg: Option<goescape_types::PkgIdx>,
}

impl Var {
    /// A compiler temporary (`.autotmp_N`).
    pub fn is_temporary(&self) -> bool {
        self.name.starts_with(".autotmp")
    }

    /// The package gc qualifies the variable's name with when a function of package
    /// `local` prints it: the package it was declared in (`own` for the IR's), unless that
    /// is `local` or the name is the compiler's own (temporaries belong to the compiling
    /// package; a shape wrapper's invented names already say `go.shape.`).
    pub fn qualifier(
        &self,
        own: Option<goescape_types::PkgIdx>,
        local: goescape_types::PkgIdx,
    ) -> Option<goescape_types::PkgIdx> {
        let invented = self.is_temporary() || self.name.starts_with("go.shape.");
        self.pos_pkg.or(own).filter(|&p| p != local && !invented)
    }
}
