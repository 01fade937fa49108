//! Prints the catalogue of entity types, one per line: id, category, default level and how the
//! type is detected.
//!
//! `cargo run --example entities`

use sovereign::catalogue;

fn main() {
    let width = catalogue::entities()
        .map(|info| info.id.len())
        .max()
        .unwrap_or(0);
    println!(
        "{:<width$}  {:<8}  {:<12}  detection",
        "id", "category", "level"
    );
    for info in catalogue::entities() {
        println!(
            "{:<width$}  {:<8}  {:<12}  {}",
            info.id,
            info.category.as_str(),
            info.level.as_str(),
            info.detection
        );
    }
}
