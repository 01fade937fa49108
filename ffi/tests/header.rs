//! The committed header must be exactly what cbindgen generates from the code.
//! Regenerate with: `SOVEREIGN_BLESS=1 cargo test -p sovereign-ffi --test header`.

use std::path::Path;

#[test]
fn header_matches_code() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).unwrap();
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen parses ffi/src")
        .write(&mut generated);
    let path = crate_dir.join("include/sovereign.h");
    if std::env::var_os("SOVEREIGN_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ffi/include/sovereign.h is out of date: run SOVEREIGN_BLESS=1 cargo test -p sovereign-ffi --test header"
    );
}

#[test]
fn abi_version_macro_matches_code() {
    let header =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("include/sovereign.h"))
            .unwrap();
    let expected = format!(
        "#define SOVEREIGN_ABI_VERSION {}",
        sovereign_ffi::SOVEREIGN_ABI_VERSION
    );
    assert!(header.contains(&expected), "header lacks `{expected}`");
}
