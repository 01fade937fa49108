//! A host-wide limit on concurrent generations: N lock files, one `flock` each.
//!
//! PHP-FPM runs many worker processes; each may hold a model, but two generations on a 2-core
//! host already saturate it, and more only add latency and memory. A counting semaphore that
//! spans processes and survives crashes is simplest with advisory file locks: a slot is held
//! while a process has an exclusive `flock` on `slot-<i>.lock`; the kernel drops the lock when
//! the file is closed, including when the process dies, so a killed worker never leaks a slot.
//! `flock` locks belong to the open file description, so threads of one process that open the
//! file separately also exclude each other.

use std::fs::{self, File, OpenOptions};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use crate::{Error, Result};

/// How often a waiting process retries the slots.
const POLL: Duration = Duration::from_millis(20);

/// Where the slots live, how many there are, and how long to wait for one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SlotLimit {
    dir: PathBuf,
    slots: usize,
    wait: Duration,
}

impl Default for SlotLimit {
    /// One slot per two cores (at least one) under `$TMPDIR/sovereign-llm-slots`, waiting 30 s.
    fn default() -> Self {
        SlotLimit {
            dir: std::env::temp_dir().join("sovereign-llm-slots"),
            slots: default_slots(),
            wait: Duration::from_secs(30),
        }
    }
}

/// One generation per two cores, at least one.
pub fn default_slots() -> usize {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    (cores / 2).max(1)
}

impl SlotLimit {
    /// `slots` lock files in `dir` (created world-writable with the sticky bit, like /tmp, so
    /// that every pool user shares them); a caller waits up to `wait` for a free one.
    pub fn new(dir: impl Into<PathBuf>, slots: usize, wait: Duration) -> SlotLimit {
        SlotLimit {
            dir: dir.into(),
            slots: slots.max(1),
            wait,
        }
    }

    /// The default directory with `slots` slots, `0` meaning the default (one per two cores),
    /// and a wait of `wait`: what a php.ini or C caller configures.
    pub fn host(slots: usize, wait: Duration) -> SlotLimit {
        let defaults = SlotLimit::default();
        let slots = if slots > 0 { slots } else { defaults.slots };
        SlotLimit::new(defaults.dir, slots, wait)
    }

    /// The directory holding the lock files.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How many generations may run at once on this host.
    pub fn slots(&self) -> usize {
        self.slots
    }

    /// How long [`SlotLimit::acquire`] waits.
    pub fn wait(&self) -> Duration {
        self.wait
    }

    /// Takes a free slot, polling until one frees up or the wait runs out.
    pub fn acquire(&self) -> Result<SlotGuard> {
        self.ensure_dir()?;
        let deadline = Instant::now() + self.wait;
        loop {
            for index in 0..self.slots {
                if let Some(file) = self.try_slot(index)? {
                    return Ok(SlotGuard { _file: file, index });
                }
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(Error::Model(format!(
                    "inference busy: all {} generation slot(s) in {} stayed taken for {:.1} s; \
                     retry later or raise the slot count",
                    self.slots,
                    self.dir.display(),
                    self.wait.as_secs_f64()
                )));
            }
            thread::sleep(POLL.min(deadline - now));
        }
    }

    fn ensure_dir(&self) -> Result<()> {
        if self.dir.is_dir() {
            return Ok(());
        }
        fs::create_dir_all(&self.dir).map_err(|source| self.io(&self.dir, source))?;
        // Best effort: another user may own it already, which is fine if it is shared.
        let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o1777));
        Ok(())
    }

    /// `Some(file)` when slot `index` was free and is now ours.
    fn try_slot(&self, index: usize) -> Result<Option<File>> {
        let path = self.dir.join(format!("slot-{index}.lock"));
        // Read-only is enough for flock, so files created by another pool user still work.
        let file = OpenOptions::new()
            .read(true)
            .write(false)
            .create(false)
            .custom_flags(libc::O_CLOEXEC)
            .open(&path);
        let file = match file {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_slot(&path).map_err(|source| self.io(&path, source))?
            }
            Err(source) => return Err(self.io(&path, source)),
        };
        // SAFETY: flock on a valid, open descriptor has no memory-safety requirements.
        let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc == 0 {
            return Ok(Some(file));
        }
        let err = std::io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EWOULDBLOCK) | Some(libc::EINTR) => Ok(None),
            _ => Err(self.io(&path, err)),
        }
    }

    fn io(&self, path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Creates a slot file readable by everyone (flock needs only a read descriptor).
fn create_slot(path: &Path) -> std::io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .mode(0o644)
        .custom_flags(libc::O_CLOEXEC)
        .open(path)?;
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o644));
    Ok(file)
}

/// A held slot; dropping it (or the process dying) frees the slot.
#[derive(Debug)]
pub struct SlotGuard {
    _file: File,
    index: usize,
}

impl SlotGuard {
    /// Which slot this is (0-based).
    pub fn index(&self) -> usize {
        self.index
    }
}
