//! ETS: tables of tuples shared between processes, owned by one of them.
//!
//! The registry maps table ids (references) and names to tables; each
//! table sits behind its own lock, so operations on different tables never
//! wait for each other, and a table is read under a shared lock. Terms are
//! immutable and shared, so storing an object is a count bump, not a copy.
//! When its owner exits a table passes to its heir (with an
//! `{'ETS-TRANSFER', Tab, From, HeirData}` message) or is deleted.

pub mod matchspec;
pub mod table;

use crate::term::{Atom, Pid, Ref, Term};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
pub use table::{Kind, Objects};

/// Who may read and write a table besides its owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protection {
    /// Only the owner reads or writes.
    Private,
    /// Everyone reads, only the owner writes.
    Protected,
    /// Everyone reads and writes.
    Public,
}

impl Protection {
    /// The atom naming the protection.
    pub fn name(self) -> &'static str {
        match self {
            Protection::Private => "private",
            Protection::Protected => "protected",
            Protection::Public => "public",
        }
    }
}

/// A table's mutable state: its objects and its settings.
#[derive(Debug)]
pub struct State {
    /// The objects.
    pub objects: Objects,
    /// The name given to `ets:new/2` (or `rename/2`).
    pub name: Atom,
    /// Whether the table is reachable by its name.
    pub named: bool,
    /// The owning process.
    pub owner: Pid,
    /// The heir and the data it receives, if any.
    pub heir: Option<(Pid, Term)>,
    /// Access for processes other than the owner.
    pub protection: Protection,
    /// The tuning options, reported by `info/1` as given.
    pub read_concurrency: bool,
    /// `true`, `false` or `auto`.
    pub write_concurrency: Term,
    /// Whether `compressed` was given.
    pub compressed: bool,
    /// Whether decentralized counters were asked for.
    pub decentralized_counters: bool,
    /// Whether the table has been deleted (a holder of its `Arc` may still see it).
    pub deleted: bool,
}

/// One table: its id and its locked state.
#[derive(Debug)]
pub struct Table {
    /// The reference that identifies the table.
    pub id: Ref,
    /// The objects and settings.
    pub state: RwLock<State>,
}

impl Table {
    /// How processes name this table: its name if named, else its id.
    pub fn handle(&self, st: &State) -> Term {
        if st.named {
            Term::Atom(st.name)
        } else {
            Term::Ref(self.id)
        }
    }
}

#[derive(Default)]
struct Registry {
    by_id: HashMap<u64, Arc<Table>>,
    by_name: HashMap<Atom, Arc<Table>>,
    owned: HashMap<Pid, Vec<u64>>,
}

/// Every live table of a runtime.
#[derive(Default)]
pub struct Tables {
    registry: RwLock<Registry>,
    /// How many tables exist, so that a process exit checks nothing when none do.
    count: AtomicUsize,
    /// Serializes ownership changes against owner exits.
    transfers: Mutex<()>,
}

/// A table name already in use (`ets:new/2`, `rename/2` answer badarg).
#[derive(Debug, PartialEq, Eq)]
pub struct NameTaken;

impl Tables {
    /// Registers a new table; fails if `named` and the name is taken.
    pub fn create(&self, id: Ref, st: State) -> Result<Arc<Table>, NameTaken> {
        let mut reg = self.registry.write().unwrap();
        let named = st.named.then_some(st.name);
        if let Some(n) = named {
            if reg.by_name.contains_key(&n) {
                return Err(NameTaken);
            }
        }
        let owner = st.owner;
        let t = Arc::new(Table {
            id,
            state: RwLock::new(st),
        });
        reg.by_id.insert(id.0, t.clone());
        if let Some(n) = named {
            reg.by_name.insert(n, t.clone());
        }
        reg.owned.entry(owner).or_default().push(id.0);
        self.count.fetch_add(1, Ordering::SeqCst);
        Ok(t)
    }

    /// The table named by a term (an atom for a named table, or an id).
    pub fn resolve(&self, t: &Term) -> Option<Arc<Table>> {
        let reg = self.registry.read().unwrap();
        match t {
            Term::Atom(a) => reg.by_name.get(a).cloned(),
            Term::Ref(r) => reg.by_id.get(&r.0).cloned(),
            _ => None,
        }
    }

    /// The id of the table named `name`.
    pub fn whereis(&self, name: Atom) -> Option<Ref> {
        self.registry
            .read()
            .unwrap()
            .by_name
            .get(&name)
            .map(|t| t.id)
    }

    /// The handles of every table, as `ets:all/0` lists them.
    pub fn all(&self) -> Vec<Term> {
        let reg = self.registry.read().unwrap();
        let mut ids: Vec<&Arc<Table>> = reg.by_id.values().collect();
        ids.sort_by_key(|t| t.id.0);
        ids.iter()
            .map(|t| t.handle(&t.state.read().unwrap()))
            .collect()
    }

    /// Deletes a table.
    pub fn delete(&self, t: &Arc<Table>) {
        let mut reg = self.registry.write().unwrap();
        let mut st = t.state.write().unwrap();
        if st.deleted {
            return;
        }
        st.deleted = true;
        st.objects.clear();
        reg.by_id.remove(&t.id.0);
        if st.named {
            reg.by_name.remove(&st.name);
        }
        if let Some(v) = reg.owned.get_mut(&st.owner) {
            v.retain(|id| *id != t.id.0);
            if v.is_empty() {
                reg.owned.remove(&st.owner);
            }
        }
        self.count.fetch_sub(1, Ordering::SeqCst);
    }

    /// Renames a table; fails if it is named and the new name is taken.
    pub fn rename(&self, t: &Arc<Table>, name: Atom) -> Result<(), NameTaken> {
        let mut reg = self.registry.write().unwrap();
        let mut st = t.state.write().unwrap();
        if st.named {
            if reg.by_name.contains_key(&name) {
                return Err(NameTaken);
            }
            reg.by_name.remove(&st.name);
            reg.by_name.insert(name, t.clone());
        }
        st.name = name;
        Ok(())
    }

    /// Makes `to` the owner of a table.
    pub fn set_owner(&self, t: &Arc<Table>, to: Pid) {
        let mut reg = self.registry.write().unwrap();
        let mut st = t.state.write().unwrap();
        if let Some(v) = reg.owned.get_mut(&st.owner) {
            v.retain(|id| *id != t.id.0);
            if v.is_empty() {
                reg.owned.remove(&st.owner);
            }
        }
        st.owner = to;
        reg.owned.entry(to).or_default().push(t.id.0);
    }

    /// Serializes an ownership change (give_away, heir) with exits, so that a
    /// table never passes to a process that has already run its exit hook.
    pub fn transfer_lock(&self) -> std::sync::MutexGuard<'_, ()> {
        self.transfers.lock().unwrap()
    }

    /// Called when `pid` exits: each table it owns passes to its heir, if
    /// that is alive (per `alive`), with a message sent by `send`, or is
    /// deleted.
    pub fn owner_exited(
        &self,
        pid: Pid,
        alive: impl Fn(Pid) -> bool,
        send: impl Fn(Pid, Term) -> bool,
    ) {
        if self.count.load(Ordering::SeqCst) == 0 {
            return;
        }
        let _g = self.transfer_lock();
        let ids = {
            let mut reg = self.registry.write().unwrap();
            reg.owned.remove(&pid).unwrap_or_default()
        };
        for id in ids {
            let Some(t) = self.registry.read().unwrap().by_id.get(&id).cloned() else {
                continue;
            };
            let heir = t.state.read().unwrap().heir.clone();
            match heir {
                Some((h, data)) if h != pid && alive(h) => {
                    self.set_owner(&t, h);
                    let handle = t.handle(&t.state.read().unwrap());
                    let msg = Term::tuple(vec![
                        Term::atom_str("ETS-TRANSFER"),
                        handle,
                        Term::Pid(pid),
                        data,
                    ]);
                    if !send(h, msg) {
                        self.delete(&t);
                    }
                }
                _ => {
                    // Put it back under the dead owner so delete finds it.
                    self.registry
                        .write()
                        .unwrap()
                        .owned
                        .entry(pid)
                        .or_default()
                        .push(id);
                    self.delete(&t);
                }
            }
        }
    }
}
