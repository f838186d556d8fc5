//! Parameter leak summaries (gc's `leaks`): for each parameter, the fewest dereferences
//! with which its value reaches the heap, the mutator, the callee pseudo-location and
//! each of the first five results. Calls of an analysed function use them instead of
//! its body.

/// Index of each destination in the summary.
const HEAP: usize = 0;
const MUTATOR: usize = 1;
const CALLEE: usize = 2;
const RESULT0: usize = 3;

/// How many results a summary tracks; flows to later results count as heap flows.
pub const NUM_RESULTS: usize = 5;

/// Per destination `derefs + 1`, 0 meaning no flow (so the default is "leaks nowhere").
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, Debug)]
pub struct Leaks([u8; 8]);

impl Leaks {
    /// A parameter that leaks to the heap as is: what an unknown function does.
    pub fn to_heap() -> Leaks {
        let mut l = Leaks::default();
        l.add_heap(0);
        l
    }

    fn get(&self, i: usize) -> i32 {
        i32::from(self.0[i]) - 1
    }

    fn add(&mut self, i: usize, derefs: i32) {
        let old = self.get(i);
        if old < 0 || derefs < old {
            self.set(i, derefs);
        }
    }

    fn set(&mut self, i: usize, derefs: i32) {
        self.0[i] = (derefs + 1).clamp(0, 255) as u8;
    }

    pub fn heap(&self) -> i32 {
        self.get(HEAP)
    }
    pub fn mutator(&self) -> i32 {
        self.get(MUTATOR)
    }
    pub fn callee(&self) -> i32 {
        self.get(CALLEE)
    }
    pub fn result(&self, i: usize) -> i32 {
        self.get(RESULT0 + i)
    }
    pub fn add_heap(&mut self, derefs: i32) {
        self.add(HEAP, derefs);
    }
    pub fn add_mutator(&mut self, derefs: i32) {
        self.add(MUTATOR, derefs);
    }
    pub fn add_callee(&mut self, derefs: i32) {
        self.add(CALLEE, derefs);
    }
    pub fn add_result(&mut self, i: usize, derefs: i32) {
        self.add(RESULT0 + i, derefs);
    }

    /// Drops flows that a heap flow with no more dereferences already implies.
    pub fn optimize(&mut self) {
        let x = self.heap();
        if x >= 0 {
            for i in 1..self.0.len() {
                if self.get(i) >= x {
                    self.set(i, -1);
                }
            }
        }
    }
}
