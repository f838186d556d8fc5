//! The JSON the go command prints: `go list -json=FIELDS` (one object per package,
//! concatenated, not an array) and `go env -json VARS`.
//!
//! These types mirror `cmd/go/internal/load.PackagePublic` field for field (only the fields
//! in [`LIST_FIELDS`]); turning them into the crate's model is `graph`'s job.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The fields we ask `go list -json=` for. Naming them (rather than plain `-json`) spares
/// the go command computing the costly ones such as `Stale`.
pub const LIST_FIELDS: &[&str] = &[
    "Dir",
    "ImportPath",
    "Name",
    "Goroot",
    "Standard",
    "DepOnly",
    "Match",
    "Module",
    "GoFiles",
    "CgoFiles",
    "IgnoredGoFiles",
    "IgnoredOtherFiles",
    "InvalidGoFiles",
    "CFiles",
    "CXXFiles",
    "MFiles",
    "HFiles",
    "FFiles",
    "SFiles",
    "SwigFiles",
    "SwigCXXFiles",
    "SysoFiles",
    "Imports",
    "ImportMap",
    "Incomplete",
    "Error",
    "DepsErrors",
];

/// The variables we ask `go env -json` for.
pub const ENV_VARS: &[&str] = &[
    "GOVERSION",
    "GOROOT",
    "GOOS",
    "GOARCH",
    "GOHOSTOS",
    "GOHOSTARCH",
    "CGO_ENABLED",
];

/// One package as `go list -json` describes it. File names are relative to `dir`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RawPackage {
    pub dir: Option<String>,
    pub import_path: String,
    pub name: Option<String>,
    pub goroot: bool,
    pub standard: bool,
    pub dep_only: bool,
    #[serde(rename = "Match")]
    pub matched: Vec<String>,
    pub module: Option<RawModule>,
    pub go_files: Vec<String>,
    pub cgo_files: Vec<String>,
    pub ignored_go_files: Vec<String>,
    pub ignored_other_files: Vec<String>,
    pub invalid_go_files: Vec<String>,
    pub c_files: Vec<String>,
    #[serde(rename = "CXXFiles")]
    pub cxx_files: Vec<String>,
    pub m_files: Vec<String>,
    pub h_files: Vec<String>,
    pub f_files: Vec<String>,
    pub s_files: Vec<String>,
    pub swig_files: Vec<String>,
    #[serde(rename = "SwigCXXFiles")]
    pub swig_cxx_files: Vec<String>,
    pub syso_files: Vec<String>,
    /// Resolved import paths (after `import_map`), sorted, without test imports.
    pub imports: Vec<String>,
    /// Import path as written in the source -> resolved path, where they differ.
    pub import_map: BTreeMap<String, String>,
    pub incomplete: bool,
    pub error: Option<RawPackageError>,
    pub deps_errors: Vec<RawPackageError>,
}

/// `cmd/go/internal/modinfo.ModulePublic`, the part we use.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RawModule {
    pub path: String,
    pub version: Option<String>,
    pub main: bool,
    pub dir: Option<String>,
    pub go_mod: Option<String>,
    pub go_version: Option<String>,
    pub replace: Option<Box<RawModule>>,
    pub error: Option<RawModuleError>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RawModuleError {
    pub err: String,
}

/// `load.PackageError` as marshaled by the go command.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RawPackageError {
    pub import_stack: Option<Vec<String>>,
    pub pos: String,
    pub err: String,
}

/// What `go env -json` reports about the toolchain and target.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawEnv {
    #[serde(rename = "GOVERSION")]
    pub goversion: String,
    #[serde(rename = "GOROOT")]
    pub goroot: String,
    #[serde(rename = "GOOS")]
    pub goos: String,
    #[serde(rename = "GOARCH")]
    pub goarch: String,
    #[serde(rename = "GOHOSTOS")]
    pub gohostos: String,
    #[serde(rename = "GOHOSTARCH")]
    pub gohostarch: String,
    #[serde(rename = "CGO_ENABLED")]
    pub cgo_enabled: String,
}

/// Decodes the stream of objects `go list -json` prints, in order.
pub fn decode_packages(out: &[u8]) -> Result<Vec<RawPackage>, serde_json::Error> {
    serde_json::Deserializer::from_slice(out)
        .into_iter::<RawPackage>()
        .collect()
}

/// Decodes the single object `go env -json` prints.
pub fn decode_env(out: &[u8]) -> Result<RawEnv, serde_json::Error> {
    serde_json::from_slice(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_concatenated_stream() {
        let out = br#"{
	"Dir": "/m/b",
	"ImportPath": "m/b",
	"Name": "b",
	"Module": {"Path": "m", "Main": true, "Dir": "/m", "GoVersion": "1.22"},
	"Match": ["./..."],
	"GoFiles": ["b.go"],
	"CXXFiles": ["x.cc"],
	"Unknown": {"ignored": [1, 2]}
}
{
	"ImportPath": "missing/pkg",
	"DepOnly": true,
	"Incomplete": true,
	"Error": {"ImportStack": ["m"], "Pos": "a.go:5:3", "Err": "cannot find"}
}"#;
        let pkgs = decode_packages(out).unwrap();
        assert_eq!(pkgs.len(), 2);
        assert_eq!(pkgs[0].import_path, "m/b");
        assert_eq!(pkgs[0].matched, ["./..."]);
        assert_eq!(pkgs[0].cxx_files, ["x.cc"]);
        let m = pkgs[0].module.as_ref().unwrap();
        assert!(m.main);
        assert_eq!(m.go_version.as_deref(), Some("1.22"));
        assert!(pkgs[1].dep_only && pkgs[1].incomplete && pkgs[1].dir.is_none());
        let e = pkgs[1].error.as_ref().unwrap();
        assert_eq!(
            (e.pos.as_str(), e.err.as_str()),
            ("a.go:5:3", "cannot find")
        );
    }

    #[test]
    fn reports_truncated_output() {
        assert!(decode_packages(br#"{"ImportPath": "a"} {"ImportPath": "#).is_err());
        assert!(decode_packages(b"").unwrap().is_empty());
    }
}
