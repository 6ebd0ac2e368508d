//! A change log (`dpia_core::diff::ChangeLog`) as CSV: the header `TABLE_COLUMNS`, then one row per change.

use dpia_core::diff::{ChangeLog, TABLE_COLUMNS};

/// The change log as CSV text, one row per change (see `ChangeLog::table_rows`).
pub fn to_csv(log: &ChangeLog) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(TABLE_COLUMNS)?;
    for row in log.table_rows() {
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use dpia_core::diff::diff;
    use dpia_core::register::{Entry, EntryId, Register, SystemId};

    use super::*;

    fn entry(id: &str, issue: &str) -> Entry {
        let id = EntryId::parse(id).unwrap();
        let system = SystemId::parse(id.as_str().split('-').next().unwrap()).unwrap();
        Entry::new(id, system, issue)
    }

    #[test]
    fn an_empty_change_log_is_the_header_alone() {
        let register = Register::default();
        assert_eq!(
            to_csv(&diff(&register, &register)).unwrap(),
            "change,id,system,issue,field,old,new\n"
        );
    }

    #[test]
    fn cells_with_commas_and_quotes_are_quoted() {
        let old = Register::default();
        let mut new = old.clone();
        new.entries.push(entry("PND-001", "A, with a \"comma\""));
        assert_eq!(
            to_csv(&diff(&old, &new)).unwrap(),
            "change,id,system,issue,field,old,new\nadded,PND-001,PND,\"A, with a \"\"comma\"\"\",,,\n"
        );
    }
}
