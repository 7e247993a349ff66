//! Channels beyond the app (SMS, WeChat service messages): an interface a district's
//! gateway implements, and the adapter used here, which writes each message to the log. A
//! worker beside the server hands every new notification to the channel once, outside any
//! transaction, and marks it sent; a crash before the mark sends it again (at least once).

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use crate::db::Db;
use crate::notifications::inbox::{self, Outgoing};

/// A channel that carries notifications beyond the app.
pub trait Channel: Send + Sync {
    /// The channel's name, for the log.
    fn name(&self) -> &'static str;
    /// Sends one message; an error leaves it to be tried again on the next poll.
    fn send(&self, message: &Outgoing) -> Result<(), String>;
}

/// Writes each message to the log (`kehou::notify`): the adapter of a server without a
/// gateway, and the template for one.
pub struct LogChannel;

impl Channel for LogChannel {
    fn name(&self) -> &'static str {
        "log"
    }

    fn send(&self, m: &Outgoing) -> Result<(), String> {
        log::info!(
            target: "kehou::notify",
            "to user {} ({}): {} — {}",
            m.user_id,
            m.phone.as_deref().map(crate::auth::mask_phone).unwrap_or_else(|| "no phone".into()),
            m.title,
            m.body
        );
        Ok(())
    }
}

/// Messages handed to the channel per poll.
const BATCH: i64 = 50;

/// Starts the worker on the current actix system.
pub fn spawn(db: Db, channel: Arc<dyn Channel>, poll: Duration) {
    actix_web::rt::spawn(async move {
        loop {
            tokio::time::sleep(poll).await;
            let due = match db.run(|c| inbox::unsent(c, BATCH)).await {
                Ok(d) => d,
                Err(e) => {
                    log::warn!("notification worker cannot read: {e}");
                    continue;
                }
            };
            let mut sent = Vec::new();
            for m in &due {
                match channel.send(m) {
                    Ok(()) => sent.push(m.id),
                    Err(e) => log::warn!(
                        "{} channel refused notification {}: {e}",
                        channel.name(),
                        m.id
                    ),
                }
            }
            if sent.is_empty() {
                continue;
            }
            let now = Utc::now();
            if let Err(e) = db.run(move |c| inbox::mark_sent(c, &sent, now)).await {
                log::warn!("notification worker cannot mark sent: {e}");
            }
        }
    });
}
