//! Cursor pagination: `?limit=&cursor=` → `{items, next_cursor}`. The cursor is an
//! opaque token (base64 of the last id seen); clients must not build it themselves.

use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::AppError;

/// The largest page a client may ask for.
pub const MAX_LIMIT: i64 = 200;
/// The page size when none is asked for.
pub const DEFAULT_LIMIT: i64 = 50;

/// Paging parameters.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageQuery {
    /// The checked limit.
    pub fn limit(&self) -> Result<i64, AppError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(AppError::field(
                "limit",
                "range",
                format!("limit must be between 1 and {MAX_LIMIT}"),
            )),
        }
    }

    /// The id after which the page starts.
    pub fn after(&self) -> Result<Option<i64>, AppError> {
        let Some(cursor) = self.cursor.as_deref().filter(|c| !c.is_empty()) else {
            return Ok(None);
        };
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(cursor)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|s| s.strip_prefix("id:").and_then(|n| n.parse().ok()))
            .map(Some)
            .ok_or_else(|| {
                AppError::field(
                    "cursor",
                    "format",
                    "the cursor is not one this server issued",
                )
            })
    }
}

/// Encodes a cursor after `id`.
pub fn cursor_after(id: i64) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("id:{id}"))
}

/// One page of a list.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Page<T> {
    /// The items, in a stable order.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
    /// How many items the whole list holds with these filters, on lists that count them
    /// (the review queue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
}

impl<T> Page<T> {
    /// Builds a page from `limit + 1` fetched rows.
    pub fn from_rows(mut rows: Vec<T>, limit: i64, id: impl Fn(&T) -> i64) -> Page<T> {
        let more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        let next_cursor = if more {
            rows.last().map(|r| cursor_after(id(r)))
        } else {
            None
        };
        Page {
            items: rows,
            next_cursor,
            total: None,
        }
    }

    /// The same page with the list's total.
    pub fn with_total(mut self, total: i64) -> Page<T> {
        self.total = Some(total);
        self
    }
}

impl<T> Page<T> {
    /// Pages a small, id-ordered list held in memory (homerooms, rooms, staff of one school).
    pub fn of_small_list(
        all: Vec<T>,
        q: &PageQuery,
        id: impl Fn(&T) -> i64,
    ) -> Result<Page<T>, AppError> {
        let (limit, after) = (q.limit()?, q.after()?);
        let rows: Vec<T> = all
            .into_iter()
            .filter(|x| after.is_none_or(|a| id(x) > a))
            .take(limit as usize + 1)
            .collect();
        Ok(Page::from_rows(rows, limit, id))
    }
}

/// A short list that is never paged (the guardians of one student).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Items<T> {
    /// The items.
    pub items: Vec<T>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_foreign_ones_are_refused() {
        let q = PageQuery {
            limit: Some(10),
            cursor: Some(cursor_after(42)),
        };
        assert_eq!(q.after().unwrap(), Some(42));
        let bad = PageQuery {
            limit: None,
            cursor: Some("garbage".into()),
        };
        assert_eq!(bad.after().unwrap_err().code(), "validation_failed");
        assert!(PageQuery {
            limit: Some(0),
            cursor: None
        }
        .limit()
        .is_err());
        assert!(PageQuery {
            limit: Some(201),
            cursor: None
        }
        .limit()
        .is_err());
    }

    #[test]
    fn a_full_page_has_a_cursor_and_the_last_page_has_none() {
        let p = Page::from_rows(vec![1, 2, 3], 2, |x| *x);
        assert_eq!(p.items, vec![1, 2]);
        assert_eq!(p.next_cursor, Some(cursor_after(2)));
        let last = Page::from_rows(vec![1, 2], 2, |x| *x);
        assert_eq!(last.next_cursor, None);
    }
}
