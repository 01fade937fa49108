// Gives the shared library a SONAME so programs link against `libsovereign.so.<ABI>`.
fn main() {
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libsovereign.so.1");
}
