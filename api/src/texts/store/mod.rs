//! The texts' queries: text versions of a school (`versions`), district templates
//! (`templates`), notice receipts and the informed report's facts (`receipts`). Every query
//! on a school's texts or receipts filters by the school.

pub mod receipts;
pub mod templates;
pub mod versions;
