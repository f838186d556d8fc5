//! The packages of testdata/gotypes/sources.go, built declaration by declaration as the
//! checker would: `example.com/q`, then `example.com/p` (importing it), then an empty
//! `example.com/r` left open for tests to add types to.

use std::collections::HashMap;

use goescape_constant::Value;
use goescape_types::object::VarKind;
use goescape_types::ty::{ChanDir, Signature};
use goescape_types::{BasicKind, ObjId, ObjKind, PkgIdx, TypeId};

use super::Builder;

pub struct Fixture {
    pub b: Builder,
    pub q: PkgIdx,
    pub p: PkgIdx,
    pub r: PkgIdx,
    /// Package-level objects of p (and `q.Name` for q's), and a few others by name.
    pub objects: HashMap<String, ObjId>,
}

impl Fixture {
    pub fn obj(&self, name: &str) -> ObjId {
        *self
            .objects
            .get(name)
            .unwrap_or_else(|| panic!("fixture has no {name}"))
    }

    pub fn ty(&self, name: &str) -> TypeId {
        self.b.store().obj(self.obj(name)).ty.expect("typed object")
    }
}

fn no_params() -> Signature {
    Signature::default()
}

pub fn build() -> Fixture {
    let mut b = Builder::new();
    let mut objects = HashMap::new();
    let int = b.int();
    let string = b.string();
    let any = b.universe.any;
    let comparable = b.universe.comparable;

    // package q
    b.start_package(PkgIdx(2), "example.com/q", "q");
    let pub_ = b.named("Pub", None);
    let u = b.struct_of(&[("X", int), ("y", string)]);
    b.set_underlying(pub_, u);
    b.method(pub_, "", pub_, "M", no_params());
    let pub_ptr = b.ptr(pub_);
    b.method(pub_, "p", pub_ptr, "n", no_params());
    let stringer = b.named("Stringer", None);
    let sig = b.signature(&[], &[("", string)], false);
    let m = b.interface_method("String", Some(stringer), sig);
    let u = b.interface(vec![m], vec![]);
    b.set_underlying(stringer, u);
    let iq = b.named("IQ", None);
    let m = b.interface_method("m", Some(iq), no_params());
    let u = b.interface(vec![m], vec![]);
    b.set_underlying(iq, u);
    let qs1 = b.named("S1", None);
    let u = b.struct_of(&[("f", int)]);
    b.set_underlying(qs1, u);
    for name in ["Pub", "Stringer", "IQ", "S1"] {
        objects.insert(format!("q.{name}"), b.lookup(name));
    }
    let q = b.finish_package("example.com/p", "p");

    // package p
    let unsafe_pointer = b.basic(BasicKind::UnsafePointer);
    let file_scope_q = b.object(
        "q",
        None,
        ObjKind::PkgName {
            imported: q,
            used: true,
        },
    );
    objects.insert("pkgname.q".into(), file_scope_q);
    let qq = b.object(
        "qq",
        None,
        ObjKind::PkgName {
            imported: q,
            used: true,
        },
    );
    objects.insert("pkgname.qq".into(), qq);

    let t = b.named("T", None);
    let u_named = b.named("U", None);
    let u = b.struct_of(&[("V", int)]);
    b.set_underlying(u_named, u);
    let fa = b.field("A", int);
    let fb = b.field("b", string);
    let fpub = b.embedded(pub_);
    let u_ptr = b.ptr(u_named);
    let fu = b.embedded(u_ptr);
    let fp = b.field("P", unsafe_pointer);
    let tag_b = "k:\"x\ty\"\u{1}é\u{200b}".as_bytes();
    let u = b.tagged_struct(
        vec![fa, fb, fpub, fu, fp],
        vec![b"json:\"a\"", tag_b, b"", b"", b""],
    );
    b.set_underlying(t, u);
    for (i, f) in [fa, fb, fpub, fu, fp].into_iter().enumerate() {
        objects.insert(format!("T.field{i}"), f);
    }
    let strings = b.slice(string);
    let error = b.universe.error;
    let sig = b.signature(
        &[("x", int), ("rest", strings)],
        &[("n", int), ("err", error)],
        true,
    );
    let value = b.method(t, "t", t, "Value", sig);
    objects.insert("T.Value".into(), value);
    let t_ptr = b.ptr(t);
    let ptr = b.method(t, "t", t_ptr, "Ptr", no_params());
    objects.insert("T.Ptr".into(), ptr);

    let i = b.named("I", None);
    let mb = b.interface_method("b", Some(i), no_params());
    let sig = b.signature(&[("x", int)], &[("", string)], false);
    let ma = b.interface_method("A", Some(i), sig);
    let ma2 = b.interface_method("a", Some(i), no_params());
    let u = b.interface(vec![mb, ma, ma2], vec![stringer]);
    b.set_underlying(i, u);

    // type G[K comparable, V any] struct{ k K; v V }
    let g = b.named("G", None);
    let k = b.type_param("K", 0, Some(comparable));
    let v = b.type_param("V", 1, Some(any));
    b.set_type_params(g, vec![k, v]);
    let u = b.struct_of(&[("k", k), ("v", v)]);
    b.set_underlying(g, u);
    // func (g *G[K, V]) Get(k K) V, with the receiver's own type parameters.
    let rk = b.type_param("K", 0, Some(comparable));
    let rv = b.type_param("V", 1, Some(any));
    let recv_inst = b.instance(g, vec![rk, rv], None);
    let recv_ptr = b.ptr(recv_inst);
    let sig = Signature {
        recv_type_params: vec![rk, rv],
        ..b.signature(&[("k", rk)], &[("", rv)], false)
    };
    let get = b.method(g, "g", recv_ptr, "Get", sig);
    objects.insert("G.Get".into(), get);

    let ints = b.slice(int);
    let u = b.struct_of(&[("k", string), ("v", ints)]);
    let g_string_ints = b.instance(g, vec![string, ints], Some(u));
    b.alias("Alias", g_string_ints, vec![]);
    let ga_t = b.type_param("T", 0, Some(any));
    let ts = b.slice(ga_t);
    let ga = b.alias("GA", ts, vec![ga_t]);

    let recv_int = b.chan(ChanDir::Recv, int);
    let u = b.chan(ChanDir::Both, recv_int);
    let ch = b.named("Ch", Some(u));
    let _ = ch;
    let chan_int = b.chan(ChanDir::Both, int);
    let c1 = b.chan(ChanDir::Send, chan_int);
    b.global("C1", c1);
    let c2 = b.chan(ChanDir::Recv, recv_int);
    b.global("C2", c2);
    let strings2 = b.slice(string);
    let f1 = b.func_type(&[("", int), ("", strings2)], &[("", error)], true);
    b.global("F1", f1);
    b.global("Any", any);
    let empty = b.interface(vec![], vec![]);
    b.global("Empty", empty);
    let cmp_iface = b.interface(vec![], vec![comparable]);
    let cmp_t = b.type_param("T", 0, Some(cmp_iface));
    let sig = b.generic_func_type(vec![cmp_t], &[], &[]);
    b.func("CmpF", sig);
    let byte = b.universe.byte;
    let arr = b.array(4, byte);
    let parr = b.ptr(arr);
    let sparr = b.slice(parr);
    let m = b.map(string, sparr);
    b.global("M", m);
    let u = b.struct_of(&[("k", int), ("v", string)]);
    let inst = b.instance(g, vec![int, string], Some(u));
    b.global("Inst", inst);
    let int_slice = b.slice(int);
    let gai = b.alias_instance(ga, vec![int], int_slice);
    b.global("GAI", gai);

    // func Generic[A, B any, C interface{ ~int | ~string; M() }](a A, b B, c C)
    let ta = b.type_param("A", 0, Some(any));
    let tb = b.type_param("B", 1, Some(any));
    let union = b.union(&[(true, int), (true, string)]);
    let c_iface = b.interface_literal(vec![("M", no_params())], vec![union]);
    let tc = b.type_param("C", 2, Some(c_iface));
    let sig = b.generic_func_type(vec![ta, tb, tc], &[("a", ta), ("b", tb), ("c", tc)], &[]);
    b.func("Generic", sig);
    for (i, tp) in [ta, tb, tc].into_iter().enumerate() {
        let obj = match b.store().ty(tp) {
            goescape_types::Type::TypeParam(p) => p.obj,
            _ => unreachable!(),
        };
        objects.insert(format!("Generic.tparam{i}"), obj);
    }
    // func Shadow[int any](x int) int
    let tint = b.type_param("int", 0, Some(any));
    let sig = b.generic_func_type(vec![tint], &[("x", tint)], &[("", tint)]);
    b.func("Shadow", sig);
    // func Implicit[T ~int | string, P *T]()
    let union = b.union(&[(true, int), (false, string)]);
    let t_bound = b.implicit_interface(union);
    let it = b.type_param("T", 0, Some(t_bound));
    let pt = b.ptr(it);
    let p_bound = b.implicit_interface(pt);
    let ip = b.type_param("P", 1, Some(p_bound));
    let sig = b.generic_func_type(vec![it, ip], &[], &[]);
    b.func("Implicit", sig);

    let untyped_int = b.basic(BasicKind::UntypedInt);
    b.constant("K", untyped_int, Value::from_i64(1024));
    let untyped_string = b.basic(BasicKind::UntypedString);
    b.constant("S", untyped_string, Value::from_string("hi"));
    b.global("V1", int);

    let s1 = b.named("S1", None);
    let u = b.struct_of(&[("f", int)]);
    b.set_underlying(s1, u);
    let s2 = b.named("S2", None);
    let f = b.field("f", int);
    let u = b.tagged_struct(vec![f], vec![b"t"]);
    b.set_underlying(s2, u);
    let e = b.named("E", None);
    let f = b.embedded(s1);
    let u = b.strukt(vec![f]);
    b.set_underlying(e, u);

    for (name, param, pname, bound) in [
        ("Id1", "T", "x", any),
        ("Id2", "U", "y", any),
        ("Id3", "U", "y", comparable),
    ] {
        let tp = b.type_param(param, 0, Some(bound));
        let sig = b.generic_func_type(vec![tp], &[(pname, tp)], &[("", tp)]);
        b.func(name, sig);
    }

    let i1 = b.named("I1", None);
    let x = b.interface_method("x", Some(i1), no_params());
    let y = b.interface_method("Y", Some(i1), no_params());
    let u = b.interface(vec![x, y], vec![]);
    b.set_underlying(i1, u);
    let i2 = b.named("I2", None);
    let y = b.interface_method("Y", Some(i2), no_params());
    let x = b.interface_method("x", Some(i2), no_params());
    let u = b.interface(vec![y, x], vec![]);
    b.set_underlying(i2, u);
    let i3 = b.named("I3", None);
    let u = b.interface(vec![], vec![i1]);
    b.set_underlying(i3, u);
    let rec = b.named("Rec", None);
    let sig = b.signature(&[], &[("", rec)], false);
    let m = b.interface_method("m", Some(rec), sig);
    let u = b.interface(vec![m], vec![]);
    b.set_underlying(rec, u);

    let inner = b.named("Inner", None);
    let u = b.struct_of(&[("X", int)]);
    b.set_underlying(inner, u);
    b.method(inner, "", inner, "M", no_params());
    let inner_ptr = b.ptr(inner);
    b.method(inner, "", inner_ptr, "P", no_params());
    let other = b.named("Other", None);
    let u = b.struct_of(&[("X", int)]);
    b.set_underlying(other, u);
    let other_ptr = b.ptr(other);
    b.method(other, "", other_ptr, "Q", no_params());
    let outer = b.named("Outer", None);
    let f1 = b.embedded(inner);
    let f2 = b.embedded(other_ptr);
    let f3 = b.field("y", int);
    let u = b.strukt(vec![f1, f2, f3]);
    b.set_underlying(outer, u);

    let e1 = b.named("E1", None);
    let u = b.struct_of(&[("A", int)]);
    b.set_underlying(e1, u);
    let e2 = b.named("E2", None);
    let u = b.struct_of(&[("A", int)]);
    b.set_underlying(e2, u);
    let amb = b.named("Amb", None);
    let f1 = b.embedded(e1);
    let f2 = b.embedded(e2);
    let u = b.strukt(vec![f1, f2]);
    b.set_underlying(amb, u);
    let inner_ptr2 = b.ptr(inner);
    b.named("NP", Some(inner_ptr2));
    let with_i = b.named("WithI", None);
    let f = b.embedded(i);
    let u = b.strukt(vec![f]);
    b.set_underlying(with_i, u);
    let node = b.named("Node", None);
    let node_ptr = b.ptr(node);
    let f1 = b.embedded(node_ptr);
    let f2 = b.field("f", int);
    let u = b.strukt(vec![f1, f2]);
    b.set_underlying(node, u);
    let with_q = b.named("WithQ", None);
    let f = b.embedded(pub_);
    let u = b.strukt(vec![f]);
    b.set_underlying(with_q, u);
    let shadowed = b.named("Shadowed", None);
    let f1 = b.embedded(inner);
    let f2 = b.field("M", int);
    let u = b.strukt(vec![f1, f2]);
    b.set_underlying(shadowed, u);

    let int64 = b.basic(BasicKind::Int64);
    let num = b.named("Num", None);
    let union = b.union(&[(true, int), (true, int64)]);
    let u = b.interface(vec![], vec![union]);
    b.set_underlying(num, u);
    let str_ = b.named("Str", None);
    let union = b.union(&[(true, string)]);
    let u = b.interface(vec![], vec![union]);
    b.set_underlying(str_, u);
    let both = b.named("Both", None);
    let u = b.interface(vec![], vec![num, str_]);
    b.set_underlying(both, u);
    let cmpbl = b.named("Cmpbl", None);
    let bytes = b.slice(byte);
    let union = b.union(&[(true, int), (false, bytes)]);
    let u = b.interface(vec![], vec![comparable, union]);
    b.set_underlying(cmpbl, u);

    let scope = b.arena.info.scope.expect("scope");
    for name in b.arena.scopes[scope.index as usize].names.clone() {
        objects.insert(name.to_string(), b.lookup(&name));
    }
    let p = b.finish_package("example.com/r", "r");
    let r = b.pkg();
    let _ = VarKind::Var;
    Fixture {
        b,
        q,
        p,
        r,
        objects,
    }
}
