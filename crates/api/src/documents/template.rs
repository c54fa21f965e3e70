//! Where templates come from: the copies built into the binary (the files of
//! the repository's `templates/`), or a directory a municipality adapted
//! (`ATVEJIS_TEMPLATES_DIR`), read at each rendering so that a change needs
//! no restart.

use std::path::{Path, PathBuf};

use super::DocumentError;

/// The environment variable naming the directory of adapted templates.
pub const TEMPLATES_DIR_VAR: &str = "ATVEJIS_TEMPLATES_DIR";

/// The templates built into the binary, by file name.
const BUILTIN: &[(&str, &str)] = &[
    (
        "case-plan.typ",
        include_str!("../../../../templates/case-plan.typ"),
    ),
    (
        "data-subject-export.typ",
        include_str!("../../../../templates/data-subject-export.typ"),
    ),
    (
        "decision.typ",
        include_str!("../../../../templates/decision.typ"),
    ),
    (
        "notification-letter.typ",
        include_str!("../../../../templates/notification-letter.typ"),
    ),
];

/// The logo's file names looked for next to an adapted template, in order.
const LOGO_NAMES: &[&str] = &["logo.png", "logo.jpg", "logo.jpeg", "logo.svg"];

/// Where a template is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TemplateSource {
    /// The copies built into the binary; no logo.
    Builtin,
    /// A directory holding the templates by the same file names, and
    /// optionally a logo (`logo.png`, `.jpg`, `.jpeg` or `.svg`).
    Dir(PathBuf),
}

/// A template's text and the logo beside it.
#[derive(Debug)]
pub(crate) struct Template {
    /// The Typst source.
    pub text: String,
    /// The logo's file name and bytes, when the directory has one.
    pub logo: Option<(&'static str, Vec<u8>)>,
}

impl TemplateSource {
    /// The one place the server reads `ATVEJIS_TEMPLATES_DIR`: the directory
    /// when it is set and not empty, otherwise the built-in templates.
    pub(crate) fn from_env() -> Self {
        match std::env::var_os(TEMPLATES_DIR_VAR) {
            Some(dir) if !dir.is_empty() => TemplateSource::Dir(PathBuf::from(dir)),
            _ => TemplateSource::Builtin,
        }
    }

    /// Reads the template `name`. A directory that lacks it is an error
    /// (`TemplateMissing`), not a silent fall-back to the built-in copy: a
    /// mistyped directory must show, not print the default letterhead.
    pub(crate) fn load(&self, name: &'static str) -> Result<Template, DocumentError> {
        match self {
            TemplateSource::Builtin => {
                let text = BUILTIN
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, text)| (*text).to_owned())
                    .ok_or_else(|| DocumentError::TemplateMissing {
                        name: name.to_owned(),
                        place: "the built-in templates".to_owned(),
                    })?;
                Ok(Template { text, logo: None })
            }
            TemplateSource::Dir(dir) => {
                let path = dir.join(name);
                let text = std::fs::read_to_string(&path).map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => DocumentError::TemplateMissing {
                        name: name.to_owned(),
                        place: dir.display().to_string(),
                    },
                    _ => DocumentError::TemplateUnreadable {
                        path: path.display().to_string(),
                        source: e,
                    },
                })?;
                Ok(Template {
                    text,
                    logo: read_logo(dir)?,
                })
            }
        }
    }
}

/// The first logo file found in `dir`, if any.
fn read_logo(dir: &Path) -> Result<Option<(&'static str, Vec<u8>)>, DocumentError> {
    for name in LOGO_NAMES {
        let path = dir.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => return Ok(Some((name, bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(DocumentError::TemplateUnreadable {
                    path: path.display().to_string(),
                    source: e,
                });
            }
        }
    }
    Ok(None)
}
