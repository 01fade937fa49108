//! One llama.cpp backend and one loaded copy of each model per process.
//!
//! Weights are memory-mapped (`use_mmap`), so every PHP-FPM worker that loads the same file
//! shares its pages through the page cache; only the KV cache and scratch buffers are private.
//!
//! **Fork safety.** PHP-FPM's master forks workers. A model loaded before `fork` would be
//! inherited as a copy whose llama.cpp state (thread pools, locks held by other threads at the
//! moment of the fork) does not survive into the child, so each entry records the pid that loaded
//! it; a lookup from another pid loads afresh. The stale copy is leaked, not freed: freeing it
//! could touch a lock that some parent thread held during the fork. Its mapped weights are the
//! same page-cache pages, so the leak costs address space, not memory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::LlamaModel;

use super::gguf;
use super::llama_log;
use crate::{Error, Result};

/// How a model is loaded and run; part of the registry key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ModelSettings {
    /// Context window in tokens (prompt + generated).
    pub context_size: u32,
    /// CPU threads for prompt processing and generation.
    pub threads: u32,
    /// Tokens decoded per llama.cpp call while reading the prompt.
    pub batch_size: u32,
    /// Default sampling seed (a generation may override it).
    pub seed: u32,
}

impl Default for ModelSettings {
    fn default() -> Self {
        ModelSettings {
            context_size: 2048,
            threads: 2,
            batch_size: 512,
            seed: 0,
        }
    }
}

/// A loaded model plus what it was loaded with.
pub struct LoadedModel {
    pub(crate) model: LlamaModel,
    pub(crate) path: PathBuf,
    pub(crate) settings: ModelSettings,
    pid: u32,
    /// The texts of the model's control tokens, found on the first templated chat.
    pub(crate) control: std::sync::OnceLock<super::chat::ControlText>,
}

impl std::fmt::Debug for LoadedModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedModel")
            .field("path", &self.path)
            .field("settings", &self.settings)
            .field("pid", &self.pid)
            .finish()
    }
}

impl LoadedModel {
    /// The file it was loaded from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The settings it runs with.
    pub fn settings(&self) -> &ModelSettings {
        &self.settings
    }

    /// The process that loaded it.
    pub fn pid(&self) -> u32 {
        self.pid
    }
}

type Key = (PathBuf, ModelSettings);

fn models() -> &'static Mutex<HashMap<Key, Arc<LoadedModel>>> {
    static MODELS: OnceLock<Mutex<HashMap<Key, Arc<LoadedModel>>>> = OnceLock::new();
    MODELS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The process's llama.cpp backend, initialised on first use.
///
/// llama.cpp's global init may run only once per process; a forked child inherits the parent's
/// initialised globals (plain tables, no threads), which is why this is not redone after fork.
pub(crate) fn backend() -> Result<&'static LlamaBackend> {
    static BACKEND: OnceLock<std::result::Result<LlamaBackend, String>> = OnceLock::new();
    BACKEND
        .get_or_init(|| {
            let backend = LlamaBackend::init().map_err(|e| e.to_string())?;
            llama_log::install();
            Ok(backend)
        })
        .as_ref()
        .map_err(|e| Error::Model(format!("cannot initialise llama.cpp: {e}")))
}

/// The model at `path` with `settings`, loading it on first use in this process.
pub fn get(path: &Path, settings: &ModelSettings) -> Result<Arc<LoadedModel>> {
    let pid = std::process::id();
    let key = (path.to_path_buf(), settings.clone());
    // Loading under the lock keeps two threads from mapping the same file twice.
    let mut map = models()
        .lock()
        .map_err(|_| Error::Internal("model registry lock poisoned".into()))?;
    if let Some(found) = map.get(&key) {
        if found.pid == pid {
            return Ok(Arc::clone(found));
        }
        if let Some(stale) = map.remove(&key) {
            // See the module docs: never run llama.cpp's destructor on a pre-fork copy.
            std::mem::forget(stale);
        }
    }
    let loaded = Arc::new(load(path, settings, pid)?);
    map.insert(key, Arc::clone(&loaded));
    Ok(loaded)
}

fn load(path: &Path, settings: &ModelSettings, pid: u32) -> Result<LoadedModel> {
    validate(settings)?;
    gguf::check(path)?;
    let backend = backend()?;
    let params = LlamaModelParams::default().with_use_mmap(true);
    llama_log::capture();
    let model = LlamaModel::load_from_file(backend, path, &params).map_err(|e| {
        Error::Model(format!(
            "llama.cpp could not load {}: {e}{}",
            path.display(),
            llama_log::reason()
        ))
    })?;
    Ok(LoadedModel {
        model,
        path: path.to_path_buf(),
        settings: settings.clone(),
        pid,
        control: std::sync::OnceLock::new(),
    })
}

fn validate(settings: &ModelSettings) -> Result<()> {
    if settings.context_size < 16 {
        return Err(Error::Config(format!(
            "context size {} is too small (at least 16 tokens)",
            settings.context_size
        )));
    }
    if settings.threads == 0 || settings.threads > 512 {
        return Err(Error::Config(format!(
            "threads must be 1..=512, got {}",
            settings.threads
        )));
    }
    if settings.batch_size == 0 {
        return Err(Error::Config("batch size must be at least 1".into()));
    }
    Ok(())
}
