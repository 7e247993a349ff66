//! Authentication and authorisation: who the caller is ([`Caller`]), which school a
//! request may touch ([`SchoolScope`]), and what a role may do ([`Permission`]).

pub mod abilities;
pub mod apps;
pub mod endpoints;
pub mod guardian;
pub mod invitation_routes;
pub mod invitations;
pub mod me;
pub mod need_to_know;
pub mod password;
pub mod ratelimit;
pub mod revocation;
pub mod routes;
pub mod session;
pub mod store;
pub mod tenant;
pub mod tokens;

use actix_web::{dev::Payload, web, FromRequest, HttpMessage, HttpRequest};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::Db;
use crate::error::AppError;
use crate::request_id::RequestId;

pub use abilities::Ability;
pub use tenant::{tenant_guard, DistrictId, DistrictScope, SchoolDirectory, SchoolId, SchoolScope};
pub use tokens::Keys;

/// A staff role within one school (or, for `district_admin`, a district).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 区县教育局管理员: every school of the district.
    DistrictAdmin,
    /// 学校管理员 (office, leadership).
    SchoolAdmin,
    /// 班主任.
    HomeroomTeacher,
    /// 课后服务教师 / 社团教师.
    Tutor,
    /// 财务.
    Finance,
    /// 门岗.
    Gate,
    /// 区县督导 / 检查: reads every school of the district, changes nothing.
    DistrictViewer,
}

impl Role {
    /// All roles, for tests and the UI.
    pub const ALL: [Role; 7] = [
        Role::DistrictAdmin,
        Role::SchoolAdmin,
        Role::HomeroomTeacher,
        Role::Tutor,
        Role::Finance,
        Role::Gate,
        Role::DistrictViewer,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::DistrictAdmin => "district_admin",
            Role::SchoolAdmin => "school_admin",
            Role::HomeroomTeacher => "homeroom_teacher",
            Role::Tutor => "tutor",
            Role::Finance => "finance",
            Role::Gate => "gate",
            Role::DistrictViewer => "district_viewer",
        }
    }

    /// Parses a snake_case name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Something a caller may be allowed to do in a school.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read the roster (students, homerooms, staff, rooms, terms).
    RosterRead,
    /// Read guardians and pickup persons (everyone at the school; not the district's
    /// inspectors, who check set-up and figures, not families).
    GuardiansRead,
    /// Create and change roster entries.
    RosterWrite,
    /// See phone numbers unmasked.
    ContactsRead,
    /// Manage staff accounts and roles.
    StaffManage,
    /// Read the audit log.
    AuditRead,
}

impl Permission {
    /// Whether a role grants this permission (pure; unit-tested).
    pub fn granted_to(self, role: Role) -> bool {
        use Permission as P;
        use Role as R;
        match self {
            P::RosterRead => true,
            P::GuardiansRead => role != R::DistrictViewer,
            P::RosterWrite | P::AuditRead => matches!(role, R::SchoolAdmin | R::DistrictAdmin),
            P::StaffManage => matches!(role, R::SchoolAdmin | R::DistrictAdmin),
            P::ContactsRead => matches!(role, R::SchoolAdmin | R::HomeroomTeacher),
        }
    }

    /// The API-client scope that grants this permission.
    pub fn scope(self) -> &'static str {
        match self {
            Permission::RosterRead | Permission::GuardiansRead => "roster:read",
            Permission::RosterWrite => "roster:write",
            Permission::ContactsRead => "roster:contacts",
            Permission::StaffManage => "staff:write",
            Permission::AuditRead => "audit:read",
        }
    }
}

/// What kind of principal a token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallerKind {
    /// School or district staff.
    Staff,
    /// A guardian (parent portal or parent app acting for the guardian).
    Guardian,
    /// A machine client (`api_clients`).
    Client,
}

/// The roles a caller holds in one school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// The school.
    #[serde(rename = "s")]
    pub school_id: i64,
    /// Roles there (empty for guardians).
    #[serde(rename = "r", default)]
    pub roles: Vec<Role>,
}

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// Staff, guardian or machine client.
    pub kind: CallerKind,
    /// The user (staff, guardian) or `api_clients.id`.
    pub id: i64,
    /// The district of a district admin or a machine client.
    pub district_id: Option<i64>,
    /// Whether the caller administers `district_id`.
    pub district_admin: bool,
    /// Whether the caller reads `district_id` as a district viewer (督导, read-only).
    pub district_viewer: bool,
    /// School grants.
    pub grants: Vec<Grant>,
    /// Scopes (machine clients only).
    pub scopes: Vec<String>,
    /// The parent app (API client) a guardian signed in through, if any.
    pub via_client: Option<i64>,
    /// The user's token version the token was issued at.
    pub token_version: i64,
    /// The request id, for the audit log.
    pub request_id: String,
}

impl Caller {
    /// Where a guardian acts: the portal, or the parent app they signed in through
    /// (`api_client:<id>`).
    pub fn channel(&self) -> String {
        self.via_client
            .map_or_else(|| "portal".to_owned(), |id| format!("api_client:{id}"))
    }

    /// The user id if this is a person.
    pub fn user_id(&self) -> Option<i64> {
        (self.kind != CallerKind::Client).then_some(self.id)
    }
}

impl FromRequest for Caller {
    type Error = AppError;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Caller, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { authenticated(&req).await })
    }
}

/// The verified claims of the request's bearer token (signature, expiry, issuer, audience, type).
fn claims_from(req: &HttpRequest) -> Result<tokens::Claims, AppError> {
    let keys = req
        .app_data::<web::Data<Keys>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("keys not configured")))?;
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .ok_or(AppError::Unauthenticated {
            code: "auth.missing_token",
            detail: "send Authorization: Bearer <access token>".into(),
        })?;
    let token = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
        .ok_or(AppError::Unauthenticated {
            code: "auth.missing_token",
            detail: "the Authorization header must use the Bearer scheme".into(),
        })?;
    keys.verify(token.trim())
}

/// The caller of a request: a valid token whose user or client is still live (checked
/// once per request; the result is kept in the request's extensions).
pub async fn authenticated(req: &HttpRequest) -> Result<Caller, AppError> {
    if let Some(c) = req.extensions().get::<Caller>() {
        return Ok(c.clone());
    }
    let claims = claims_from(req)?;
    let db = req
        .app_data::<web::Data<Db>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("db not configured")))?;
    let revocations = req
        .app_data::<web::Data<revocation::Revocations>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("revocations not configured")))?;
    revocations.check(db, &claims).await?;
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let caller = claims.into_caller(request_id);
    req.extensions_mut().insert(caller.clone());
    Ok(caller)
}

/// Masks a phone number for roles that do not need it: `138****5678`.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_masked_in_the_middle() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("12345"), "*****");
    }

    #[test]
    fn only_admins_write_the_roster_and_only_those_who_need_it_see_phones() {
        for role in Role::ALL {
            assert!(Permission::RosterRead.granted_to(role));
            assert_eq!(
                Permission::RosterWrite.granted_to(role),
                matches!(role, Role::SchoolAdmin | Role::DistrictAdmin)
            );
        }
        assert!(!Permission::ContactsRead.granted_to(Role::Gate));
        assert!(!Permission::ContactsRead.granted_to(Role::Tutor));
        assert!(Permission::ContactsRead.granted_to(Role::HomeroomTeacher));
    }

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("principal"), None);
    }
}
