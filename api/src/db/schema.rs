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
        kind -> Text,
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
        makeup_timetable -> Text,
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
        token_version -> BigInt,
        last_sign_in_at -> Nullable<UtcInstant>,
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
        national_no -> Nullable<Text>,
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
        activation_failures -> Integer,
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
        client_id -> Nullable<BigInt>,
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
        previous_secret_hash -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<UtcInstant>,
        allowed_origins -> Text,
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
        report_json -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    service_plans (id) {
        id -> BigInt,
        school_id -> BigInt,
        term_id -> BigInt,
        version_no -> Integer,
        status -> Text,
        window_opens_at -> UtcInstant,
        window_closes_at -> UtcInstant,
        review_comment -> Nullable<Text>,
        reviewed_by -> Nullable<BigInt>,
        reviewed_at -> Nullable<UtcInstant>,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
        exemption_categories -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    offerings (id) {
        id -> BigInt,
        school_id -> BigInt,
        plan_id -> BigInt,
        kind -> Text,
        name -> Text,
        grades -> Text,
        weekdays -> Text,
        boarders_excluded -> Bool,
        start_time -> Text,
        end_time -> Text,
        early_grades_start_time -> Nullable<Text>,
        cap -> Nullable<Integer>,
        taken -> Integer,
        waiting -> Integer,
        season_times -> Text,
        segments -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    plan_texts (id) {
        id -> BigInt,
        school_id -> BigInt,
        term_id -> BigInt,
        kind -> Text,
        version_no -> Integer,
        title -> Text,
        body -> Text,
        sha256 -> Text,
        published_at -> Nullable<UtcInstant>,
        created_at -> UtcInstant,
        template_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    notice_receipts (id) {
        id -> BigInt,
        school_id -> BigInt,
        text_id -> BigInt,
        student_id -> BigInt,
        channel -> Text,
        recorded_by_kind -> Text,
        recorded_by_id -> Nullable<BigInt>,
        at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    applications (id) {
        id -> BigInt,
        school_id -> BigInt,
        term_id -> BigInt,
        plan_id -> BigInt,
        student_id -> BigInt,
        status -> Text,
        open_marker -> Nullable<BigInt>,
        leave_mode -> Text,
        pickup_person_ids -> Text,
        exemption_category -> Nullable<Text>,
        exemption_note -> Nullable<Text>,
        agreement_text_id -> BigInt,
        agreement_sha256 -> Text,
        accepted_by_kind -> Text,
        accepted_by_id -> BigInt,
        accepted_channel -> Text,
        accepted_at -> UtcInstant,
        reject_reason -> Nullable<Text>,
        withdraw_effective_date -> Nullable<Date>,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    application_offerings (application_id, offering_id) {
        application_id -> BigInt,
        school_id -> BigInt,
        offering_id -> BigInt,
        weekdays -> Text,
        placement -> Text,
        queue_position -> Nullable<Integer>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    application_events (id) {
        id -> BigInt,
        school_id -> BigInt,
        application_id -> BigInt,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        actor_kind -> Text,
        actor_id -> Nullable<BigInt>,
        comment -> Nullable<Text>,
        at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    idempotency_keys (school_id, key) {
        school_id -> BigInt,
        key -> Text,
        request_hash -> Text,
        status -> Integer,
        response -> Text,
        created_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    clubs (id) {
        id -> BigInt,
        school_id -> BigInt,
        term_id -> BigInt,
        name -> Text,
        category -> Text,
        description -> Text,
        capacity -> Integer,
        grade_min -> Integer,
        grade_max -> Integer,
        weekdays -> Text,
        homeroom_id -> Nullable<BigInt>,
        teacher_staff_id -> Nullable<BigInt>,
        external_teacher -> Nullable<Text>,
        vetting_status -> Text,
        room_id -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
        taken -> Integer,
        waiting -> Integer,
        vetted_by -> Nullable<BigInt>,
        vetted_at -> Nullable<UtcInstant>,
        vetting_checks -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    club_choices (application_id, club_id) {
        application_id -> BigInt,
        school_id -> BigInt,
        club_id -> BigInt,
        rank -> Integer,
        placement -> Text,
        queue_position -> Nullable<Integer>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    service_requests (id) {
        id -> BigInt,
        school_id -> BigInt,
        term_id -> BigInt,
        student_id -> BigInt,
        kind -> Text,
        offering_id -> BigInt,
        service_date -> Nullable<Date>,
        until_time -> Nullable<Text>,
        reason -> Text,
        status -> Text,
        requested_by_kind -> Text,
        requested_by_id -> BigInt,
        review_comment -> Nullable<Text>,
        reviewed_by -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    text_templates (id) {
        id -> BigInt,
        district_id -> BigInt,
        kind -> Text,
        title -> Text,
        body -> Text,
        created_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    plan_window_changes (id) {
        id -> BigInt,
        school_id -> BigInt,
        plan_id -> BigInt,
        from_opens_at -> UtcInstant,
        from_closes_at -> UtcInstant,
        to_opens_at -> UtcInstant,
        to_closes_at -> UtcInstant,
        reason -> Text,
        changed_by -> Nullable<BigInt>,
        changed_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    notifications (id) {
        id -> BigInt,
        school_id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        data -> Text,
        title -> Text,
        body -> Text,
        link -> Text,
        created_at -> UtcInstant,
        read_at -> Nullable<UtcInstant>,
        sent_at -> Nullable<UtcInstant>,
    }
}

diesel::joinable!(schools -> districts (district_id));
diesel::joinable!(terms -> schools (school_id));
diesel::joinable!(staff -> users (user_id));
diesel::joinable!(students -> homerooms (homeroom_id));
diesel::joinable!(student_guardians -> guardians (guardian_id));
diesel::joinable!(student_guardians -> students (student_id));
diesel::joinable!(pickup_persons -> students (student_id));
diesel::joinable!(offerings -> service_plans (plan_id));
diesel::joinable!(applications -> students (student_id));
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    events (id) {
        id -> BigInt,
        school_id -> BigInt,
        district_id -> BigInt,
        student_id -> Nullable<BigInt>,
        event_type -> Text,
        data -> Text,
        occurred_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    webhook_endpoints (id) {
        id -> BigInt,
        district_id -> BigInt,
        api_client_id -> BigInt,
        url -> Text,
        description -> Text,
        event_types -> Text,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<UtcInstant>,
        disabled -> Bool,
        version -> BigInt,
        created_at -> UtcInstant,
        updated_at -> UtcInstant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    webhook_deliveries (id) {
        id -> BigInt,
        school_id -> BigInt,
        endpoint_id -> BigInt,
        event_id -> BigInt,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> UtcInstant,
        locked_until -> Nullable<UtcInstant>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        delivered_at -> Nullable<UtcInstant>,
        created_at -> UtcInstant,
    }
}

diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_deliveries -> events (event_id));
diesel::joinable!(application_offerings -> applications (application_id));
diesel::joinable!(application_offerings -> offerings (offering_id));
diesel::joinable!(application_events -> applications (application_id));
diesel::joinable!(club_choices -> clubs (club_id));
diesel::joinable!(club_choices -> applications (application_id));

diesel::allow_tables_to_appear_in_same_query!(
    notifications,
    plan_window_changes,
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
    service_plans,
    offerings,
    plan_texts,
    notice_receipts,
    applications,
    application_offerings,
    application_events,
    idempotency_keys,
    clubs,
    club_choices,
    service_requests,
    text_templates,
    events,
    webhook_endpoints,
    webhook_deliveries,
    invitations,
);

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::UtcInstant;
    invitations (id) {
        id -> BigInt,
        user_id -> BigInt,
        code_hash -> Text,
        expires_at -> UtcInstant,
        used_at -> Nullable<UtcInstant>,
        created_by -> Nullable<BigInt>,
        created_at -> UtcInstant,
    }
}

diesel::joinable!(invitations -> users (user_id));
