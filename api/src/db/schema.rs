//! The database schema, hand-owned and kept in step with `migrations/postgres` and
//! `migrations/sqlite` (the parity test in `tests/` checks both).
#![allow(missing_docs)]

diesel::table! {
    use diesel::sql_types::*;
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    districts (id) {
        id -> BigInt,
        name -> Text,
        code -> Text,
        created_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    schools (id) {
        id -> BigInt,
        district_id -> BigInt,
        name -> Text,
        code -> Text,
        time_zone -> Text,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    terms (id) {
        id -> BigInt,
        school_id -> BigInt,
        name -> Text,
        start_date -> Date,
        end_date -> Date,
        holidays -> Text,
        makeup_workdays -> Text,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    users (id) {
        id -> BigInt,
        kind -> Text,
        username -> Text,
        password_hash -> Nullable<Text>,
        display_name -> Text,
        district_id -> Nullable<BigInt>,
        district_role -> Nullable<Text>,
        failed_logins -> Integer,
        locked_until -> Nullable<UtcInstant>,
        disabled -> Bool,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    staff (id) {
        id -> BigInt,
        school_id -> BigInt,
        user_id -> Nullable<BigInt>,
        name -> Text,
        phone -> Text,
        roles -> Text,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    homerooms (id) {
        id -> BigInt,
        school_id -> BigInt,
        grade -> Integer,
        name -> Text,
        homeroom_teacher_id -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    rooms (id) {
        id -> BigInt,
        school_id -> BigInt,
        name -> Text,
        capacity -> Integer,
        kind -> Text,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    students (id) {
        id -> BigInt,
        school_id -> BigInt,
        student_no -> Text,
        name -> Text,
        gender -> Text,
        grade -> Integer,
        homeroom_id -> BigInt,
        flags -> Text,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    guardians (id) {
        id -> BigInt,
        school_id -> BigInt,
        user_id -> Nullable<BigInt>,
        name -> Text,
        phone -> Text,
        activation_code_hash -> Nullable<Text>,
        activation_expires_at -> Nullable<UtcInstant>,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    student_guardians (student_id, guardian_id) {
        school_id -> BigInt,
        student_id -> BigInt,
        guardian_id -> BigInt,
        relation -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    pickup_persons (id) {
        id -> BigInt,
        school_id -> BigInt,
        student_id -> BigInt,
        name -> Text,
        phone -> Text,
        relation -> Text,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        family -> Text,
        expires_at -> UtcInstant,
        revoked_at -> Nullable<UtcInstant>,
        created_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    api_clients (id) {
        id -> BigInt,
        district_id -> BigInt,
        client_id -> Text,
        secret_hash -> Text,
        name -> Text,
        scopes -> Text,
        school_ids -> Text,
        revoked_at -> Nullable<UtcInstant>,
        created_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    audit_events (id) {
        id -> BigInt,
        school_id -> Nullable<BigInt>,
        actor_kind -> Text,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        entity -> Text,
        entity_id -> Nullable<BigInt>,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        request_id -> Nullable<Text>,
        at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    import_jobs (id) {
        id -> BigInt,
        school_id -> BigInt,
        created_by -> Nullable<BigInt>,
        file_name -> Text,
        content -> Binary,
        dry_run -> Bool,
        status -> Text,
        progress_done -> BigInt,
        progress_total -> BigInt,
        summary_json -> Nullable<Text>,
        errors_json -> Text,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::joinable!(schools -> districts (district_id));
diesel::joinable!(terms -> schools (school_id));
diesel::joinable!(staff -> users (user_id));
diesel::joinable!(students -> homerooms (homeroom_id));
diesel::joinable!(student_guardians -> guardians (guardian_id));
diesel::joinable!(student_guardians -> students (student_id));
diesel::joinable!(pickup_persons -> students (student_id));

diesel::allow_tables_to_appear_in_same_query!(
    settings,
    districts,
    schools,
    terms,
    users,
    staff,
    homerooms,
    rooms,
    students,
    guardians,
    student_guardians,
    pickup_persons,
    refresh_tokens,
    api_clients,
    audit_events,
    import_jobs,
);
