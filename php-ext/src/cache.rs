//! The process-wide engine cache: an engine is compiled once per worker process and reused by
//! every request, so `new Sovereign\Engine()` costs a `stat` and a map lookup.
//!
//! File engines are keyed by path and revalidated by modification time and size, so editing
//! the policy takes effect on the next request without restarting php-fpm. Engines from
//! policy text are keyed by the text itself.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::SystemTime;

use sovereign::{Engine, Result};

/// Most policy texts kept; beyond it the cache is cleared (texts are expected to be few).
const MAX_TEXTS: usize = 64;

struct FileEntry {
    modified: Option<SystemTime>,
    size: u64,
    engine: Arc<Engine>,
}

#[derive(Default)]
struct Cache {
    files: HashMap<PathBuf, FileEntry>,
    texts: HashMap<String, Arc<Engine>>,
}

fn cache() -> MutexGuard<'static, Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE
        .get_or_init(Mutex::default)
        .lock()
        // A panic while holding the lock cannot leave the maps half-updated (inserts are
        // single calls), so a poisoned cache is still consistent.
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The engine with the built-in default policy.
pub fn default_engine() -> Arc<Engine> {
    static DEFAULT: OnceLock<Arc<Engine>> = OnceLock::new();
    Arc::clone(DEFAULT.get_or_init(|| Arc::new(Engine::new())))
}

/// The engine for the policy file at `path` (raw bytes, as PHP gives them). A relative path is
/// resolved against the working directory first, so that scripts in different directories
/// naming `policy.toml` never share an entry.
pub fn file_engine(path: &[u8]) -> Result<Arc<Engine>> {
    let given = Path::new(OsStr::from_bytes(path));
    let absolute;
    let path = if given.is_absolute() {
        given
    } else {
        let cwd = std::env::current_dir().map_err(|source| sovereign::Error::Io {
            path: given.to_path_buf(),
            source,
        })?;
        absolute = cwd.join(given);
        absolute.as_path()
    };
    let meta = std::fs::metadata(path).map_err(|source| sovereign::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let (modified, size) = (meta.modified().ok(), meta.len());
    if let Some(entry) = cache().files.get(path) {
        if entry.modified == modified && entry.size == size {
            return Ok(Arc::clone(&entry.engine));
        }
    }
    // Compile without holding the lock: other threads keep being served meanwhile.
    let engine = Arc::new(Engine::builder().policy_file(path).build()?);
    cache().files.insert(
        path.to_path_buf(),
        FileEntry {
            modified,
            size,
            engine: Arc::clone(&engine),
        },
    );
    Ok(engine)
}

/// The engine for policy TOML held in memory.
pub fn text_engine(text: &str) -> Result<Arc<Engine>> {
    if let Some(engine) = cache().texts.get(text) {
        return Ok(Arc::clone(engine));
    }
    let engine = Arc::new(Engine::builder().policy_text(text).build()?);
    let mut cache = cache();
    if cache.texts.len() >= MAX_TEXTS {
        cache.texts.clear();
    }
    cache.texts.insert(text.to_string(), Arc::clone(&engine));
    Ok(engine)
}

/// Number of compiled engines held (files and texts; the default engine is not counted).
pub fn len() -> usize {
    let cache = cache();
    cache.files.len() + cache.texts.len()
}
