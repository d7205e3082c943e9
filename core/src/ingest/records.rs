//! Splitting bytes into CSV records, pushed chunk by chunk, over `csv-core`'s state machine.
//!
//! `csv-core` handles quotes, doubled quotes, delimiters and line breaks inside quotes, CR, LF and
//! CRLF, and chunk boundaries anywhere (inside a quote, between CR and LF). This module adds what
//! it leaves to its caller: growing buffers, a cap on a record's size, and each record's position
//! as a spreadsheet shows it (see [`RecordPos`]).

use super::problem::{IngestError, Place, RecordPos};
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// The longest record held at once. A real activity row is under 200 bytes; a record this long
/// is an opening quote never closed, and holding the rest of a 50 MB file in it would double the
/// memory for nothing.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// One record: its unquoted fields and where it starts.
pub struct RawRecord<'a> {
    data: &'a [u8],
    ends: &'a [usize],
    pub pos: RecordPos,
    /// Empty lines between the previous record and this one (csv-core skips them unseen).
    pub empty_lines_before: u64,
}

impl<'a> RawRecord<'a> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `i` (0-based), `None` past the end of the record.
    pub fn field(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(prev) => *self.ends.get(prev)?,
            None => 0,
        };
        self.data.get(start..end)
    }

    pub fn fields(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).filter_map(|i| self.field(i))
    }

    /// A line of delimiters or spaces only: a spreadsheet's empty row, not data.
    pub fn is_blank(&self) -> bool {
        self.data.iter().all(|b| b.is_ascii_whitespace())
    }

    /// Every field as text (lossy for bytes that are not UTF-8, which only tables and headers
    /// use).
    pub fn to_strings(&self) -> Vec<String> {
        self.fields()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect()
    }
}

/// The push splitter.
pub struct RecordSplitter {
    csv: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    nout: usize,
    nend: usize,
    /// Line breaks inside quoted fields of the records already emitted: each one is a line in an
    /// editor but not a row in a spreadsheet.
    embedded_newlines: u64,
    /// The row of the previous record, to count the empty lines between records.
    last_row: u64,
    /// Lines end in a lone CR (classic Mac exports, Excel's "CSV (Macintosh)"): decided from the
    /// first bytes, which have a CR and no LF. csv-core ends records there but counts only LFs.
    cr_only: Option<bool>,
    /// CRs read so far, counted only for a CR-only text.
    crs: u64,
}

impl RecordSplitter {
    pub fn new(delimiter: u8) -> RecordSplitter {
        RecordSplitter {
            csv: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 1024],
            ends: vec![0; 16],
            nout: 0,
            nend: 0,
            embedded_newlines: 0,
            last_row: 0,
            cr_only: None,
            crs: 0,
        }
    }

    /// Splits `input` (a chunk, cut anywhere) and calls `on_record` for every record completed in
    /// it. The last, unterminated record waits for the next chunk or [`RecordSplitter::finish`].
    pub fn feed<F>(&mut self, input: &[u8], on_record: &mut F) -> Result<(), IngestError>
    where
        F: FnMut(&RawRecord<'_>),
    {
        if input.is_empty() {
            // An empty input means end of data to csv-core; a caller's empty chunk does not.
            return Ok(());
        }
        self.run(input, on_record)
    }

    /// Ends the data: completes the last record if it had no line break.
    pub fn finish<F>(&mut self, on_record: &mut F) -> Result<(), IngestError>
    where
        F: FnMut(&RawRecord<'_>),
    {
        self.run(&[], on_record)
    }

    fn run<F>(&mut self, mut input: &[u8], on_record: &mut F) -> Result<(), IngestError>
    where
        F: FnMut(&RawRecord<'_>),
    {
        let at_end = input.is_empty();
        if self.cr_only.is_none() {
            // A CR as the last byte may be half of a CRLF cut by the chunk: wait for more.
            let cr_before_end = input
                .split_last()
                .is_some_and(|(_, head)| head.contains(&b'\r'));
            if input.contains(&b'\n') {
                self.cr_only = Some(false);
            } else if cr_before_end {
                self.cr_only = Some(true);
            }
        }
        // Until it is decided, CRs are counted and the splitting treated as CR-only: only the
        // first line can be in that state.
        let terminator = if self.cr_only == Some(false) {
            b'\n'
        } else {
            b'\r'
        };
        loop {
            let out = self.out.get_mut(self.nout..).unwrap_or_default();
            let ends = self.ends.get_mut(self.nend..).unwrap_or_default();
            let (result, nin, nout, nend) = self.csv.read_record(input, out, ends);
            let consumed = input.get(..nin).unwrap_or_default();
            let ended_by_line_feed = consumed.last() == Some(&terminator);
            if terminator == b'\r' {
                self.crs += consumed.iter().filter(|&&b| b == b'\r').count() as u64;
            }
            input = input.get(nin..).unwrap_or_default();
            self.nout += nout;
            self.nend += nend;
            match result {
                ReadRecordResult::InputEmpty => {
                    if !at_end {
                        return Ok(());
                    }
                }
                ReadRecordResult::OutputFull => {
                    if self.out.len() >= MAX_RECORD_BYTES {
                        return Err(self.too_long());
                    }
                    let grown = (self.out.len() * 2).min(MAX_RECORD_BYTES);
                    self.out.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() >= MAX_RECORD_BYTES {
                        return Err(self.too_long());
                    }
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => {
                    self.emit(ended_by_line_feed, terminator, on_record);
                }
                ReadRecordResult::End => return Ok(()),
            }
        }
    }

    /// The line the next record starts on, counting line breaks read so far.
    fn lines_read(&self) -> u64 {
        if self.cr_only != Some(false) {
            self.crs + 1
        } else {
            self.csv.line()
        }
    }

    /// `ended_by_line_feed`: the record's own line break (`terminator`, LF or a CR-only text's
    /// CR) has been read with it.
    fn emit<F>(&mut self, ended_by_line_feed: bool, terminator: u8, on_record: &mut F)
    where
        F: FnMut(&RawRecord<'_>),
    {
        let data = self.out.get(..self.nout).unwrap_or_default();
        let ends = self.ends.get(..self.nend).unwrap_or_default();
        let inside = data.iter().filter(|&&b| b == terminator).count() as u64;
        // The line counter has passed every line break read so far, including the record's own
        // terminator when it was one (a CRLF's LF is read with the next record).
        let line = self
            .lines_read()
            .saturating_sub(inside + u64::from(ended_by_line_feed))
            .max(1);
        let row = line.saturating_sub(self.embedded_newlines).max(1);
        self.embedded_newlines += inside;
        let empty_lines_before = row.saturating_sub(self.last_row + 1);
        self.last_row = row;
        on_record(&RawRecord {
            data,
            ends,
            pos: RecordPos { row, line },
            empty_lines_before,
        });
        self.nout = 0;
        self.nend = 0;
    }

    fn too_long(&self) -> IngestError {
        let data = self.out.get(..self.nout).unwrap_or_default();
        let terminator = if self.cr_only == Some(false) {
            b'\n'
        } else {
            b'\r'
        };
        let inside = data.iter().filter(|&&b| b == terminator).count() as u64;
        let line = self.lines_read().saturating_sub(inside).max(1);
        let row = line.saturating_sub(self.embedded_newlines).max(1);
        IngestError::RecordTooLong {
            place: Place::record(RecordPos { row, line }),
            limit: MAX_RECORD_BYTES,
        }
    }
}

/// Every record of a whole text, for the small shapes (tables) that are read in one go.
pub fn split_all(text: &[u8], delimiter: u8) -> Result<Vec<OwnedRecord>, IngestError> {
    let mut records = Vec::new();
    let mut splitter = RecordSplitter::new(delimiter);
    let mut keep = |r: &RawRecord<'_>| {
        records.push(OwnedRecord {
            fields: r.to_strings(),
            pos: r.pos,
            blank: r.is_blank(),
            empty_lines_before: r.empty_lines_before,
        })
    };
    splitter.feed(text, &mut keep)?;
    splitter.finish(&mut keep)?;
    Ok(records)
}

/// A record copied out of the splitter's buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedRecord {
    pub fields: Vec<String>,
    pub pos: RecordPos,
    pub blank: bool,
    pub empty_lines_before: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, delimiter: u8) -> Vec<(Vec<String>, u64, u64)> {
        split_all(text.as_bytes(), delimiter)
            .unwrap()
            .into_iter()
            .map(|r| (r.fields, r.pos.row, r.pos.line))
            .collect()
    }

    /// The records of `text` split into two chunks at every possible cut, checked to agree with
    /// one another; the records of the last cut.
    fn chunked_rows(text: &str, delimiter: u8) -> Vec<(Vec<String>, u64, u64)> {
        let mut last = Vec::new();
        for cut in 0..text.len() {
            let mut got = Vec::new();
            let mut keep = |r: &RawRecord<'_>| got.push((r.to_strings(), r.pos.row, r.pos.line));
            let mut sp = RecordSplitter::new(delimiter);
            let (a, b) = text.as_bytes().split_at(cut);
            sp.feed(a, &mut keep).unwrap();
            sp.feed(b, &mut keep).unwrap();
            sp.finish(&mut keep).unwrap();
            if cut > 0 {
                assert_eq!(got, last, "cut at {cut}");
            }
            last = got;
        }
        last
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn positions_count_blank_lines_and_not_quoted_breaks() {
        // LF lines, and CR-only lines (Excel's "CSV (Macintosh)"), whole and cut anywhere.
        for text in [
            "a,b\n1,\"x\ny\"\n\n2,3\r\n4,5",
            "a,b\r1,\"x\ry\"\r\r2,3\r4,5",
        ] {
            let quoted = if text.contains('\n') { "x\ny" } else { "x\ry" };
            let whole = rows(text, b',');
            assert_eq!(
                whole,
                vec![
                    (s(&["a", "b"]), 1, 1),
                    (s(&["1", quoted]), 2, 2),
                    (s(&["2", "3"]), 4, 5),
                    (s(&["4", "5"]), 5, 6),
                ]
            );
            assert_eq!(chunked_rows(text, b','), whole, "{text:?}");
        }
    }

    #[test]
    fn crlf_and_quotes() {
        let text = "a;b\r\n\"x;\"\"y\"\"\";2\r\n";
        assert_eq!(
            rows(text, b';'),
            vec![(s(&["a", "b"]), 1, 1), (s(&["x;\"y\"", "2"]), 2, 2)]
        );
    }

    #[test]
    fn chunks_cut_anywhere_give_the_same_records() {
        let text = "id,date\r\n\"a\r\nb\",2024-01-01\r\n\r\nc,\"2024-02-01\"\r\n";
        assert_eq!(chunked_rows(text, b','), rows(text, b','));
    }

    #[test]
    fn unclosed_quote_is_refused_with_its_place() {
        let mut text = String::from("a,b\n1,2\n3,\"oops\n");
        text.push_str(&"x,y\n".repeat(MAX_RECORD_BYTES / 3));
        let err = split_all(text.as_bytes(), b',').unwrap_err();
        match err {
            IngestError::RecordTooLong { place, .. } => assert_eq!(place.row, 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn blank_records() {
        let r = split_all(b"a,b\n,,\n  \n1,2", b',').unwrap();
        assert_eq!(
            r.iter().map(|r| r.blank).collect::<Vec<_>>(),
            [false, true, true, false]
        );
    }
}
