//! The Typst "world" a document compiles in: the template as the main file,
//! its data as `/data.json`, an optional logo, and the fonts of
//! `typst-assets` (Libertinus Serif, New Computer Modern, DejaVu Sans Mono),
//! which cover the Lithuanian letters. Nothing is read from the network:
//! `#import "@preview/…"` fails as a missing file.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

/// The embedded fonts and their book, parsed once per process.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// The standard library, built once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A file id in the project root, e.g. `/data.json`.
pub(super) fn project_file(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One compilation: the main source and the other files it may read.
pub(super) struct DocumentWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl DocumentWorld {
    /// A world whose main file is `main` (with the template's text) and
    /// which also holds `files`; `today` answers Typst's `datetime.today()`.
    pub(super) fn new(
        main: FileId,
        text: String,
        files: HashMap<FileId, Bytes>,
        today: Datetime,
    ) -> Self {
        DocumentWorld {
            main: Source::new(main, text),
            files,
            today,
        }
    }

    /// Typst's diagnostics as text, one per line with the file, line and
    /// column where the source is known: for the log, never for a client.
    pub(super) fn describe(&self, diagnostics: &[SourceDiagnostic]) -> String {
        diagnostics
            .iter()
            .map(|d| {
                let at = d
                    .span
                    .id()
                    .and_then(|id| {
                        let source = self.source(id).ok()?;
                        let range = self.range(d.span)?;
                        let (line, column) = source.lines().byte_to_line_column(range.start)?;
                        Some(format!(
                            "{}:{}:{}: ",
                            id.vpath().get_without_slash(),
                            line + 1,
                            column + 1
                        ))
                    })
                    .unwrap_or_default();
                let hints: String = d
                    .hints
                    .iter()
                    .map(|h| format!(" (hint: {})", h.v))
                    .collect();
                format!("{at}{:?}: {}{hints}", d.severity, d.message)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if self.files.contains_key(&id) {
            Err(FileError::NotSource)
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_owned()));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}
