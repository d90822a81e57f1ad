//! Open files: the handles that `prim_file:open/2` gives out, each owned by
//! the process that opened it and closed when that process exits (as OTP
//! closes a raw file whose owner dies).
//!
//! Reads are buffered per handle, so `read_line/1` does not make a system
//! call per byte; a write or a seek first gives the unread buffer back.

use crate::term::{Pid, Ref};
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// One open file and its read buffer.
#[derive(Debug)]
pub struct OpenFile {
    file: File,
    buf: Vec<u8>,
    /// Where in `buf` the unread bytes start.
    at: usize,
    /// Whether the file was opened for reading / writing.
    pub readable: bool,
    /// See `readable`.
    pub writable: bool,
    /// The process that opened it.
    pub owner: Pid,
}

impl OpenFile {
    /// Wraps an opened file.
    pub fn new(file: File, readable: bool, writable: bool, owner: Pid) -> OpenFile {
        OpenFile {
            file,
            buf: Vec::new(),
            at: 0,
            readable,
            writable,
            owner,
        }
    }

    /// Drops the read buffer, moving the OS position back to the logical one.
    fn unbuffer(&mut self) -> io::Result<()> {
        let unread = self.buf.len() - self.at;
        if unread > 0 {
            self.file.seek(SeekFrom::Current(-(unread as i64)))?;
        }
        self.buf.clear();
        self.at = 0;
        Ok(())
    }

    fn fill(&mut self) -> io::Result<bool> {
        if self.at < self.buf.len() {
            return Ok(true);
        }
        self.buf.resize(64 * 1024, 0);
        let n = self.file.read(&mut self.buf)?;
        self.buf.truncate(n);
        self.at = 0;
        Ok(n > 0)
    }

    /// Reads up to `n` bytes; an empty result is the end of the file.
    pub fn read(&mut self, n: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(n.min(1 << 20));
        while out.len() < n && self.fill()? {
            let take = (n - out.len()).min(self.buf.len() - self.at);
            out.extend_from_slice(&self.buf[self.at..self.at + take]);
            self.at += take;
        }
        Ok(out)
    }

    /// Reads up to and including the next `\n`, a `\r` before it dropped
    /// (as OTP's `file:read_line/1`); empty at the end of the file.
    pub fn read_line(&mut self) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        while self.fill()? {
            let rest = &self.buf[self.at..];
            if let Some(i) = rest.iter().position(|&b| b == b'\n') {
                out.extend_from_slice(&rest[..=i]);
                self.at += i + 1;
                if out.ends_with(b"\r\n") {
                    out.remove(out.len() - 2);
                }
                return Ok(out);
            }
            out.extend_from_slice(rest);
            self.at = self.buf.len();
        }
        Ok(out)
    }

    /// Writes every byte.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.unbuffer()?;
        self.file.write_all(bytes)
    }

    /// Moves the position; returns the new absolute position.
    pub fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.unbuffer()?;
        self.file.seek(to)
    }

    /// Reads at an absolute position, then returns to the current one.
    pub fn pread(&mut self, pos: u64, n: usize) -> io::Result<Vec<u8>> {
        let here = self.seek(SeekFrom::Current(0))?;
        self.file.seek(SeekFrom::Start(pos))?;
        let r = self.read(n);
        self.seek(SeekFrom::Start(here))?;
        r
    }

    /// Writes at an absolute position, then returns to the current one.
    pub fn pwrite(&mut self, pos: u64, bytes: &[u8]) -> io::Result<()> {
        let here = self.seek(SeekFrom::Current(0))?;
        self.file.seek(SeekFrom::Start(pos))?;
        let r = self.file.write_all(bytes);
        self.file.seek(SeekFrom::Start(here))?;
        r
    }

    /// Truncates the file at the current position.
    pub fn truncate(&mut self) -> io::Result<()> {
        let here = self.seek(SeekFrom::Current(0))?;
        self.file.set_len(here)
    }

    /// Flushes data (and metadata unless `data_only`) to the device.
    pub fn sync(&mut self, data_only: bool) -> io::Result<()> {
        if data_only {
            self.file.sync_data()
        } else {
            self.file.sync_all()
        }
    }
}

/// Every open file of a runtime.
#[derive(Default)]
pub struct Files {
    open: Mutex<HashMap<u64, Arc<Mutex<OpenFile>>>>,
    count: AtomicUsize,
}

impl Files {
    /// Registers an open file under a new handle.
    pub fn insert(&self, id: Ref, f: OpenFile) {
        self.open
            .lock()
            .unwrap()
            .insert(id.0, Arc::new(Mutex::new(f)));
        self.count.fetch_add(1, Ordering::SeqCst);
    }

    /// The open file of a handle.
    pub fn get(&self, id: Ref) -> Option<Arc<Mutex<OpenFile>>> {
        self.open.lock().unwrap().get(&id.0).cloned()
    }

    /// Closes a handle; false if it was not open.
    pub fn close(&self, id: Ref) -> bool {
        let gone = self.open.lock().unwrap().remove(&id.0).is_some();
        if gone {
            self.count.fetch_sub(1, Ordering::SeqCst);
        }
        gone
    }

    /// Closes every file `pid` opened (it exited).
    pub fn owner_exited(&self, pid: Pid) {
        if self.count.load(Ordering::SeqCst) == 0 {
            return;
        }
        let mut open = self.open.lock().unwrap();
        let before = open.len();
        open.retain(|_, f| f.lock().map(|f| f.owner != pid).unwrap_or(false));
        self.count.fetch_sub(before - open.len(), Ordering::SeqCst);
    }
}
