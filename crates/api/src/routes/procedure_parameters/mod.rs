//! `/api/v1/procedure-parameters`: the terms of case management (R-CMP-1,
//! -2, -4) by date. Administrators and case management read them; only
//! administrators (Permission::ManageReferenceData) set or withdraw them.

pub mod create;
pub mod delete;
pub mod list;
