//! Records in expressions, patterns and guards (`erl_lint`'s record
//! checks): the record and its fields must exist, no field is given twice,
//! and creating a record evaluates the defaults of the fields not given,
//! so their calls count as made there and, in a guard, they must be guard
//! expressions.

use super::vartable::Vt;
use super::Linter;
use crate::ast::{Expr, RecordField};
use crate::source::Span;
use std::collections::BTreeSet;

impl Linter<'_> {
    /// `record_info(fields | size, r)`.
    pub(crate) fn record_info(&mut self, s: Span, args: &[Expr]) {
        match args {
            [Expr::Atom(_, what), Expr::Atom(at, name)] if what == "fields" || what == "size" => {
                self.use_record(*at, name);
            }
            _ => self.error(s, "illegal record info"),
        }
    }

    /// Marks record `name` used; false (with an error) when undefined.
    pub(crate) fn use_record(&mut self, at: Span, name: &str) -> bool {
        if self.records.contains_key(name) {
            self.used_records.insert(name.to_string());
            true
        } else {
            self.error(at, format!("record {name} undefined"));
            false
        }
    }

    /// `#r.f` and `E#r.f`: the record and field must exist. erlc places
    /// an undefined record at its `#` and an undefined field at its name.
    pub(crate) fn record_field_ref(
        &mut self,
        s: Span,
        base: Option<&Expr>,
        name: &str,
        field: &str,
    ) {
        let text = self.map.file(s.file).text.as_bytes();
        let hash = match base {
            Some(b) if b.span().file == s.file => {
                let from = b.span().end as usize;
                let end = (s.end as usize).min(text.len());
                text[from.min(end)..end]
                    .iter()
                    .position(|&c| c == b'#')
                    .map_or(s, |i| {
                        Span::new(s.file, (from + i) as u32, (from + i + 1) as u32)
                    })
            }
            _ => s,
        };
        if !self.use_record(hash, name) || self.records[name].1.iter().any(|f| f == field) {
            return;
        }
        // The field name ends the expression; quoted, it starts at its quote.
        let end = (s.end as usize).min(text.len());
        let mut start = end;
        if end > 0 && text[end - 1] == b'\'' {
            start = end - 1;
            while start > 0
                && !(text[start - 1] == b'\'' && (start < 2 || text[start - 2] != b'\\'))
            {
                start -= 1;
            }
            start = start.saturating_sub(1);
        } else {
            while start > 0
                && (text[start - 1].is_ascii_alphanumeric()
                    || matches!(text[start - 1], b'_' | b'@')
                    || text[start - 1] >= 0x80)
            {
                start -= 1;
            }
        }
        let at = Span::new(s.file, start as u32, end as u32);
        self.error(at, format!("field {field} undefined in record {name}"));
    }

    /// The fields of `#r{...}`: each defined, none given twice. Returns
    /// false when the record itself is undefined.
    pub(crate) fn check_record_fields(
        &mut self,
        s: Span,
        name: &str,
        fields: &[RecordField],
    ) -> bool {
        if !self.use_record(s, name) {
            return false;
        }
        let known = self.records[name].1.clone();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for f in fields {
            let Some(fname) = &f.name else { continue };
            if !known.iter().any(|k| k == fname) {
                self.error(f.span, format!("field {fname} undefined in record {name}"));
            } else if !seen.insert(fname) {
                self.error(
                    f.span,
                    format!("field {fname} already defined in record {name}"),
                );
            }
        }
        true
    }

    /// `#r{...}` and `E#r{...}` in an expression.
    pub(crate) fn record_expr(
        &mut self,
        s: Span,
        name: &str,
        fields: &[RecordField],
        base: Option<&Expr>,
        vt0: &Vt,
    ) -> Vt {
        let bvt = match base {
            Some(b) => self.expr(b, vt0),
            None => Vt::new(),
        };
        if !self.check_record_fields(s, name, fields) {
            return bvt;
        }
        let fvt = self.expr_list(fields.iter().map(|f| &f.value), vt0);
        if base.is_none() {
            self.record_defaults_used(name, fields, vt0, false);
        }
        super::vartable::update(&bvt, &fvt)
    }

    /// The default values `#name{fields}` fills in: those of the fields
    /// not given (none when `_ = V` gives them all).
    pub(crate) fn unset_defaults(&self, name: &str, fields: &[RecordField]) -> Vec<Expr> {
        if fields.iter().any(|f| f.name.is_none()) {
            return Vec::new();
        }
        let Some(defaults) = self.record_defaults.get(name) else {
            return Vec::new();
        };
        defaults
            .iter()
            .filter(|(f, _)| !fields.iter().any(|g| g.name.as_deref() == Some(f.as_str())))
            .map(|(_, d)| d.clone())
            .collect()
    }

    /// The defaults a record creation fills in, checked as `erl_lint`'s
    /// `init_fields` does: only the calls they make are kept (their
    /// diagnostics were reported at the definition). In a guard
    /// (`ginit_fields`) a default that is no guard expression is an error
    /// here.
    fn record_defaults_used(&mut self, name: &str, fields: &[RecordField], vt0: &Vt, guard: bool) {
        let defaults = self.unset_defaults(name, fields);
        let (errors, warnings) = (self.errors.len(), self.warnings.len());
        for d in &defaults {
            if guard {
                let _ = self.gexpr(d, vt0);
            } else {
                let _ = self.expr(d, vt0);
            }
        }
        if !guard {
            self.errors.truncate(errors);
        }
        self.warnings.truncate(warnings);
    }

    /// `#r{...}` in a guard.
    pub(crate) fn record_gexpr(
        &mut self,
        s: Span,
        name: &str,
        fields: &[RecordField],
        vt0: &Vt,
    ) -> Vt {
        if !self.check_record_fields(s, name, fields) {
            return Vt::new();
        }
        let vt = self.gexpr_list(fields.iter().map(|f| &f.value), vt0);
        self.record_defaults_used(name, fields, vt0, true);
        vt
    }
}
