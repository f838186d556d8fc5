//! Positions of IR nodes: a file of the package and a byte offset in it, placed where gc
//! (its `syntax` package and noder) places the node, which is not always where go/ast would.

/// A position in one of the package's files (by index in the package's file list).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct IrPos {
    pub file: u32,
    pub offset: u32,
}

impl IrPos {
    /// No position (gc's `src.NoXPos`): compiler-generated code.
    pub const NONE: IrPos = IrPos {
        file: u32::MAX,
        offset: u32::MAX,
    };

    pub fn new(file: u32, offset: u32) -> IrPos {
        IrPos { file, offset }
    }

    pub fn is_known(self) -> bool {
        self != IrPos::NONE
    }
}
