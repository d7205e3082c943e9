//! Reading a CSV into what the panel shows: a pasted text in one go, a file (up to ~50 MB of raw
//! activity) in chunks. A file is never held whole: `Blob.slice(…).arrayBuffer()` reads two
//! chunks ahead while the core's streaming [`ActivityReader`] parses one, the loop yields to the
//! event loop after each chunk and after each step of the reader's finish, so the page keeps
//! painting the progress bar and no task runs long. Only the triangle is kept afterwards; the
//! reader's per-event data is dropped with it.

use std::rc::Rc;

use js_sys::Uint8Array;
use retention_core::cohort::Triangle;
use retention_core::ingest::records::split_all;
use retention_core::ingest::sniff::{sniff_delimiter, strip_bom, SAMPLE_BYTES};
use retention_core::ingest::{
    self, detect_shape, ActivityReader, Content, IngestError, PeriodRow, ReadOptions, Role,
    RowStats, Shape,
};
use wasm_bindgen_futures::JsFuture;

/// Bytes per chunk: about 30 ms of parsing in WebAssembly here (docs/BENCHMARKS.md), far under
/// the 200 ms a task may take even on a phone several times slower, and few enough chunks that
/// the yields and progress renders cost little.
pub const CHUNK: usize = 2 << 20;

/// Chunks being read while one is parsed: reading a chunk of a local file takes about as long
/// as parsing it, so two in flight keep the parser from waiting.
const READ_AHEAD: usize = 2;

/// A table file larger than this is refused before reading: tables are small, and a big file
/// that is not activity is almost always the wrong file.
pub const TABLE_LIMIT: f64 = 32.0 * 1024.0 * 1024.0;

/// What a CSV was read into, with how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub shape: Shape,
    pub delimiter: u8,
    pub header: Vec<String>,
    pub columns: usize,
    /// 1-based column of each role.
    pub mapping: Vec<(Role, usize)>,
    pub stats: RowStats,
    pub content: Data,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    Periods(Vec<PeriodRow>),
    Cohorts(Rc<Triangle>),
}

impl Loaded {
    pub fn triangle(&self) -> Option<Rc<Triangle>> {
        match &self.content {
            Data::Cohorts(t) => Some(t.clone()),
            Data::Periods(_) => None,
        }
    }
}

/// Why nothing could be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The importer refused the data.
    Refused {
        error: IngestError,
        /// The header row when known, so the visitor can map its columns by hand.
        header: Vec<String>,
    },
    /// The browser could not read the file.
    Unreadable,
    /// Not activity, and too large for a table.
    TooLargeForTable,
}

/// The state of the panel's data.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Outcome {
    #[default]
    Nothing,
    Loaded(Rc<Loaded>),
    Failed(Rc<Failure>),
    Cancelled,
}

fn refused(error: IngestError) -> Failure {
    let header = match &error {
        IngestError::UnknownShape { header } | IngestError::MissingColumn { header, .. } => {
            header.clone()
        }
        _ => Vec::new(),
    };
    Failure::Refused { error, header }
}

fn from_ingested(got: ingest::Ingested) -> Loaded {
    let content = match got.content {
        Content::PeriodTable(rows) => Data::Periods(rows),
        Content::Cohorts(t) => Data::Cohorts(Rc::new(t)),
        Content::Activity(a) => Data::Cohorts(Rc::new(a.triangle())),
    };
    Loaded {
        shape: got.shape,
        delimiter: got.delimiter,
        header: got.header,
        columns: got.columns,
        mapping: got.mapping,
        stats: got.stats,
        content,
    }
}

/// Reads a whole text (a paste).
pub fn read_text(text: &str, options: &ReadOptions) -> Outcome {
    if text.trim().is_empty() {
        return Outcome::Nothing;
    }
    match ingest::read(text, options) {
        Ok(got) => Outcome::Loaded(Rc::new(from_ingested(got))),
        Err(e) => Outcome::Failed(Rc::new(refused(e))),
    }
}

/// The shape of a file from its first bytes: the user's choice, else what its header suggests.
fn shape_of(first: &[u8], complete: bool, options: &ReadOptions) -> Result<Shape, IngestError> {
    if let Some(shape) = options.shape {
        return Ok(shape);
    }
    let bytes = strip_bom(first);
    // Only whole records: the chunk may end inside one.
    let whole = if complete {
        bytes
    } else {
        match bytes.iter().rposition(|&b| b == b'\n') {
            Some(end) => bytes.get(..=end).unwrap_or(bytes),
            None => bytes,
        }
    };
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| sniff_delimiter(whole, complete));
    let records = split_all(whole, delimiter)?;
    let header = records
        .into_iter()
        .find(|r| !r.blank)
        .map(|r| r.fields)
        .ok_or(IngestError::Empty)?;
    detect_shape(&header, &options.columns).ok_or(IngestError::UnknownShape { header })
}

/// Starts reading bytes `start..end` of a blob; the browser reads off the main thread.
fn start_chunk(blob: &web_sys::Blob, start: f64, end: f64) -> Result<JsFuture, Failure> {
    let part = blob
        .slice_with_f64_and_f64(start, end)
        .map_err(|_| Failure::Unreadable)?;
    Ok(JsFuture::from(part.array_buffer()))
}

/// Waits for a chunk started by [`start_chunk`] and copies it into `buffer` (reused).
async fn take_chunk(read: JsFuture, buffer: &mut Vec<u8>) -> Result<(), Failure> {
    let array = read.await.map_err(|_| Failure::Unreadable)?;
    let bytes = Uint8Array::new(&array);
    buffer.resize(bytes.length() as usize, 0);
    bytes.copy_to(buffer);
    Ok(())
}

/// Bytes `start..end` of a blob, copied into `buffer`.
async fn read_chunk(
    blob: &web_sys::Blob,
    start: f64,
    end: f64,
    buffer: &mut Vec<u8>,
) -> Result<(), Failure> {
    take_chunk(start_chunk(blob, start, end)?, buffer).await
}

/// Reads a file (or any blob). `progress` gets (bytes read, total); `cancelled` is asked after
/// every chunk, and a `true` ends the read with `None`.
pub async fn read_blob(
    blob: web_sys::Blob,
    options: ReadOptions,
    progress: impl Fn(f64, f64),
    cancelled: impl Fn() -> bool,
) -> Option<Outcome> {
    let total = blob.size();
    let mut buffer = Vec::with_capacity(CHUNK);
    let first_end = total.min(SAMPLE_BYTES as f64);
    if let Err(f) = read_chunk(&blob, 0.0, first_end, &mut buffer).await {
        return Some(Outcome::Failed(Rc::new(f)));
    }
    if cancelled() {
        return None;
    }
    let shape = match shape_of(&buffer, first_end >= total, &options) {
        Ok(shape) => shape,
        Err(e) => return Some(Outcome::Failed(Rc::new(refused(e)))),
    };
    let options = ReadOptions {
        shape: Some(shape),
        ..options
    };
    if shape != Shape::RawActivity {
        if total > TABLE_LIMIT {
            return Some(Outcome::Failed(Rc::new(Failure::TooLargeForTable)));
        }
        let text = match JsFuture::from(blob.text()).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(_) => return Some(Outcome::Failed(Rc::new(Failure::Unreadable))),
        };
        if cancelled() {
            return None;
        }
        progress(total, total);
        return Some(read_text(&text, &options));
    }
    let mut reader = ActivityReader::new(options);
    let mut at = first_end;
    // The browser reads the next chunks while this one is parsed.
    let mut reads = std::collections::VecDeque::new();
    let mut requested = at;
    let mut outcome = reader.feed(&buffer);
    progress(at, total);
    while outcome.is_ok() && at < total {
        while reads.len() < READ_AHEAD && requested < total {
            let end = (requested + CHUNK as f64).min(total);
            match start_chunk(&blob, requested, end) {
                Ok(read) => reads.push_back((read, end)),
                Err(f) => return Some(Outcome::Failed(Rc::new(f))),
            }
            requested = end;
        }
        crate::browser::next_task().await;
        if cancelled() {
            return None;
        }
        let Some((read, end)) = reads.pop_front() else {
            break;
        };
        if let Err(f) = take_chunk(read, &mut buffer).await {
            return Some(Outcome::Failed(Rc::new(f)));
        }
        if cancelled() {
            return None;
        }
        outcome = reader.feed(&buffer);
        at = end;
        progress(at, total);
    }
    // The chunk buffer is no longer needed while the reader builds its result.
    drop(buffer);
    crate::browser::next_task().await;
    if cancelled() {
        return None;
    }
    // The finish (≈ 2 M events sorted by customer) runs in bounded steps, each its own task.
    let finishing = outcome.and_then(|()| reader.finish_in_steps());
    drop(reader);
    let result = match finishing {
        Ok(mut finishing) => loop {
            if let Some(done) = finishing.step() {
                break done;
            }
            crate::browser::next_task().await;
            if cancelled() {
                return None;
            }
        },
        Err(e) => Err(e),
    };
    Some(match result {
        Ok(data) => {
            let c = data.columns;
            let mut mapping = vec![(Role::Customer, c.customer + 1), (Role::Date, c.date + 1)];
            if let Some(a) = c.amount {
                mapping.push((Role::Amount, a + 1));
            }
            // Building the triangle and drawing it are tasks of their own, after `finish`'s.
            crate::browser::next_task().await;
            if cancelled() {
                return None;
            }
            let triangle = data.triangle();
            let (delimiter, header, stats) = (data.delimiter, data.header, data.stats);
            crate::browser::next_task().await;
            Outcome::Loaded(Rc::new(Loaded {
                shape,
                delimiter,
                columns: header.len(),
                header,
                mapping,
                stats,
                content: Data::Cohorts(Rc::new(triangle)),
            }))
        }
        Err(e) => Outcome::Failed(Rc::new(refused(e))),
    })
}
