//! Descriptions for the fields whose types carry no doc comment, so that every field of the
//! published document says what it holds. A field's own comment wins; then the entry for its
//! (schema, field); then the one for the field's name, which means the same in every schema
//! that has it (ids, versions, times).

use serde_json::{json, Value};

/// What a field holds in one schema.
fn by_schema(schema: &str, field: &str) -> Option<&'static str> {
    Some(match (schema, field) {
        ("Counts" | "SchoolFigures" | "DistrictFigures", "approved") => {
            "Applications approved (the child is enrolled)."
        }
        ("Counts", "in_review") => "Submitted applications not yet decided.",
        ("Counts", "refused") => "Applications rejected by the school.",
        ("Counts", "withdrawn") => "Applications the family or the school withdrew.",
        ("SchoolFigures", "applied") => {
            "Submitted applications still standing or decided (drafts and withdrawals apart)."
        }
        ("SchoolFigures" | "DistrictFigures", "eligible") => {
            "Students who may use the service (grades offered; boarders left out where excluded)."
        }
        ("SchoolFigures" | "DistrictFigures", "participation_rate") => "approved ÷ eligible, 0–1.",
        ("SchoolFigures", "special_late_requested") => {
            "Requests for special late service (特殊延时) on the date."
        }
        ("SchoolFigures", "special_late_approved") => "Of those, the ones approved.",
        ("DistrictFigures", "date") => "The school-local date the figures are for.",
        ("DistrictFigures", "schools") => "Each school of the district, by name.",
        ("DistrictFigures" | "Offering", "waiting") => {
            "Places wanted beyond a school-set cap (unmet demand, queued, never refused)."
        }
        ("Offering", "taken") => "Places held by approved and in-review applications.",
        ("Club" | "NewClub", "capacity") => "Seats in the club.",
        ("ClubFigures", "capacity") => "The club's seats.",
        ("Room" | "RoomInput", "capacity") => "How many children the room holds.",
        ("Normalisation", "from") => "The value as the file has it.",
        ("Normalisation", "to") => "The value as it will be stored.",
        ("JobProgress", "done") => "Rows processed so far.",
        ("JobProgress", "total") => "Rows in the file.",
        ("InformedReport" | "ApplicationStats", "families") => {
            "Families of the school (children sharing a guardian count once)."
        }
        ("InformedReport", "informed") => "Of those, the families that received the notice.",
        ("InformedReport", "homerooms") => "The same figures for each homeroom.",
        ("InformedReport" | "HomeroomInformed", "students") => "Students counted.",
        ("InformedReport", "text_id") => "The notice counted (null: no notice is published).",
        ("ServiceBounds", "earliest_end") => {
            "No session may end before this time, `HH:MM` (the district's rule)."
        }
        ("ServiceBounds", "latest_end") => "No session may end after this time, `HH:MM`.",
        ("ImportSummary", "rows") => "Data rows in the file (the header and title rows apart).",
        ("ImportSummary", "students_created") => "Students added.",
        ("ImportSummary", "students_updated") => "Students whose fields changed.",
        ("ImportSummary", "students_unchanged") => "Students already as the file has them.",
        ("ImportSummary", "homerooms_created") => "Homerooms the file names that did not exist.",
        ("ImportSummary", "guardians_created") => "Guardians added (by phone number).",
        ("ImportSummary", "guardian_links_created") => "Links between a guardian and a student.",
        ("ImportJob", "dry_run") => "Whether the job only checks the file (nothing is written).",
        ("ImportJob", "normalised_count") => "How many values the dry run tidied.",
        ("ImportJob", "summary") => "What the import did, or would do (null until it has run).",
        ("ApplicationStats", "by_grade") => "The counts of each grade, keyed by grade.",
        ("ApplicationStats", "by_homeroom") => "The counts of each homeroom, keyed by its id.",
        ("ApplicationStats", "by_offering_kind") => "The counts of each offering kind.",
        ("AcceptanceEvidence", "applications") => {
            "The student's applications, each with its acceptance."
        }
        ("Homeroom", "student_count") => "Students in the homeroom.",
        ("Staff" | "DistrictStaff", "invitation") => {
            "The one-time invitation, only in the answer that issued it (create, re-invite)."
        }
        ("Staff", "user_id") => "The staff member's login (null: no login).",
        ("Me", "district_role") => {
            "The caller's role in their district (`district_admin`, `district_viewer`), if any."
        }
        ("ApiClient", "revoked") => "Whether the client is revoked (its tokens no longer work).",
        ("ApiClient", "scopes") => "What the client may do (see the `oauth2` scheme).",
        ("ApiClient" | "WebhookEndpoint" | "TextTemplate" | "SchoolOverview", "district_id") => {
            "The district it belongs to."
        }
        ("School", "district_id") => "The school's district.",
        ("NewApplication" | "ApplicationEdit", "exemption") => {
            "A claim to a fee exemption, with its category and note (null: none)."
        }
        ("ApplicationEdit", "accept_agreement") => {
            "With `agreement_text_id`: the family accepts the current agreement's duties."
        }
        ("Application", "leave_mode") => {
            "How the child leaves: `pickup` by an authorised adult, or `alone` (older pupils)."
        }
        ("Application", "withdraw_effective_date") => {
            "From when a withdrawal applies (null: not withdrawn)."
        }
        ("Application", "history") => "Every step of the application, oldest first.",
        ("Application", "plan_id") => "The service plan version applied to.",
        ("Application", "reject_reason") => "Why it was rejected (null unless rejected).",
        ("Application", "exemption_category") => "The exemption claimed (null: none).",
        ("Application", "exemption_note") => "The family's note on the claim.",
        ("RequestReview", "approve") => "True approves the request, false rejects it.",
        ("BulkResult", "id") => "The application.",
        ("BulkResult", "status") => "Its status after the review (null when refused).",
        ("ImportJob", "status") => {
            "Where the job is: queued, running, validated, failed, committed."
        }
        ("SchoolEdit" | "SchoolOverview", "code") => "The school's code (学校代码), unique.",
        ("SchoolEdit", "kind") => "The kind of school (primary, middle, nine-year).",
        ("SessionOnDate" | "NewOffering", "early_grades_start_time") => {
            "Grades 1–2 start later, `HH:MM` (null: with the others)."
        }
        ("NewOffering", "cap") => {
            "A school-set cap; applications beyond it wait in a queue (never refused)."
        }
        ("NewOffering", "season_times") => "Times that differ by season (summer and winter).",
        ("NewOffering", "segments") => "The session's parts (relax, homework, club).",
        ("NewOffering" | "Offering", "boarders_excluded") => {
            "Boarders may not apply (they stay at school anyway)."
        }
        ("NewClub", "category") => "A school-configured category, e.g. 德, 智, 体, 美, 劳.",
        ("NewClub", "external_teacher") => "An outside teacher's name and organisation.",
        ("NewClub", "vetting_status") => "Whether an outside teacher has been vetted.",
        ("Child" | "NotInformed", "name") => "The child's name.",
        ("AppliedOffering" | "Offering" | "NewOffering" | "SessionOnDate", "name") => {
            "The offering's name as families see it."
        }
        ("GuardianLink" | "GuardianSummary" | "StudentGuardian", "name") => "The guardian's name.",
        ("PickupPerson" | "PickupPersonInput", "name") => "The adult's name.",
        ("PickupPerson" | "PickupPersonInput", "relation") => "Their relation to the child.",
        ("GuardianLink", "relation") => "The guardian's relation to the child, e.g. 母亲.",
        ("GuardianLink" | "PickupPersonInput", "phone") => "A mainland mobile number.",
        ("NewStaff" | "StaffPatch", "phone") => "A mainland mobile number (the login name).",
        ("Acceptance", "accepted_at") => "When it was accepted.",
        ("Acceptance", "accepted_by_id") => "The user who accepted.",
        ("Acceptance", "title") => "The title of the text accepted.",
        ("ApplicationEvent", "action") => {
            "What happened: `create`, `submit`, `approve`, `reject`, `withdraw` …"
        }
        ("ApplicationEvent" | "AuditEvent", "actor_id") => "The user who did it (null: system).",
        ("AuditEvent", "entity") => "The kind of thing changed, e.g. `student`.",
        ("AuditEvent", "entity_id") => "Its id.",
        ("AuditEvent", "request_id") => "The request that made the change (`X-Request-Id`).",
        ("WebhookDelivery", "delivered_at") => "When the receiver accepted it (null: not yet).",
        ("WebhookDelivery", "endpoint_id") => "The endpoint it was sent to.",
        ("WebhookEndpoint" | "WebhookEndpointEdit", "url") => {
            "The HTTPS URL deliveries are posted to."
        }
        ("WebhookEndpointEdit", "event_types") => "The event types to deliver (empty: all).",
        ("WebhookEndpointEdit", "disabled") => "True stops deliveries until enabled again.",
        ("CreatedApiClient" | "RotatedSecret", "client_secret") => {
            "The secret, shown only in this answer: store it now."
        }
        ("DistrictStaffEdit", "role") => "The new district role.",
        ("PasswordChange", "current_password") => "The password in use now.",
        _ => return None,
    })
}

/// What a field holds wherever it appears.
fn by_field(field: &str) -> Option<&'static str> {
    Some(match field {
        "id" => "The id, unique in its kind.",
        "version" => "The row version: send it back in `If-Match` (as the ETag) to change it.",
        "version_no" => "The version number, counting from 1.",
        "created_at" => "When it was created.",
        "updated_at" => "When it last changed (`updated_since` filters on it).",
        "at" => "When it happened.",
        "expires_at" => "When it stops working.",
        "last_sign_in_at" => "The last sign-in (null: never).",
        "school_id" => "The school.",
        "school_name" => "The school's name.",
        "term_id" => "The term.",
        "student_id" => "The student.",
        "student_name" => "The student's name.",
        "homeroom_id" => "The homeroom (班级).",
        "homeroom_name" => "The homeroom's name, e.g. 三年级4班.",
        "homeroom_teacher_id" => "The homeroom teacher (班主任), a staff member.",
        "offering_id" => "The offering (服务项目) of the service plan.",
        "club_id" => "The club.",
        "application_id" => "The application it came from.",
        "text_id" => "The published text (notice, form or agreement).",
        "room_id" => "The room it meets in.",
        "teacher_staff_id" => "The staff member who teaches it (null: an outside teacher).",
        "name" => "The name.",
        "display_name" => "The name shown to others.",
        "username" => "The login name.",
        "title" => "The title.",
        "body" => "The text, as families read it.",
        "description" => "A free description.",
        "comment" => "A comment recorded with the step (shown to the family).",
        "reason" => "Why, in the family's or the reviewer's words.",
        "review_comment" => "The reviewer's comment.",
        "kind" => "The kind (see the list of values).",
        "grade" => "The grade, 1–9.",
        "grades" => "The grades it is for, 1–9.",
        "grade_min" => "The lowest grade that may join.",
        "grade_max" => "The highest grade that may join.",
        "weekdays" => "ISO weekdays, 1 = Monday.",
        "start_time" => "When it starts, `HH:MM`, school-local.",
        "end_time" => "When it ends, `HH:MM`, school-local.",
        "start_date" => "The first day.",
        "end_date" => "The last day.",
        "service_date" => "The date of service.",
        "until_time" => "Until when the child stays, `HH:MM` (special late service).",
        "holidays" => "Weekdays without school.",
        "makeup_workdays" => "Weekend days with school (调休).",
        "window_opens_at" => "When families may start applying.",
        "window_closes_at" => "When applying closes.",
        "offerings" => "The offerings (服务项目).",
        "pickup_person_ids" => "The adults (besides guardians) who may collect the child.",
        "flags" => "Sensitive flags (shown only to roles that need them).",
        "gender" => "`male` or `female`.",
        "student_no" => "The school's student number (学号), unique in the school.",
        "roles" => "The staff member's roles in the school.",
        "scopes" => "OAuth2 scopes.",
        "phone" => "A mainland mobile number.",
        "relation" => "The relation to the child, e.g. 母亲.",
        "file_name" => "The uploaded file's name.",
        "from_status" => "The status before.",
        "to_status" => "The status after.",
        "time_zone" => "The school's IANA time zone, e.g. `Asia/Shanghai`.",
        "client_secret" => "The client secret.",
        "current_password" => "The password in use now.",
        "accept_agreement" => "Must be true: the family accepts the agreement's duties.",
        "approve" => "True approves, false rejects.",
        "ids" => "The ids, at most 200.",
        "capacity" => "How many it holds.",
        "category" => "The category.",
        "external_teacher" => "An outside teacher's name and organisation.",
        "vetting_status" => "Whether the teacher has been vetted.",
        "event_types" => "The event types delivered (empty: all).",
        "url" => "The URL.",
        "disabled" => "Whether it is switched off.",
        "role" => "The role.",
        _ => return None,
    })
}

/// Whether a property says what it holds, itself or in the one non-null member of its `oneOf`.
fn has_description(prop: &serde_json::Map<String, Value>) -> bool {
    prop.contains_key("description")
        || prop
            .get("oneOf")
            .and_then(Value::as_array)
            .is_some_and(|m| m.iter().any(|x| x.get("description").is_some()))
}

/// Gives every schema property without a description the one from the tables. Returns the
/// (schema, field) pairs that still have none.
pub fn fill(v: &mut Value) -> Vec<(String, String)> {
    let mut missing = Vec::new();
    let Some(schemas) = v
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return missing;
    };
    for (name, schema) in schemas.iter_mut() {
        let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
            continue;
        };
        for (field, prop) in props.iter_mut() {
            let Some(prop) = prop.as_object_mut() else {
                continue;
            };
            if has_description(prop) {
                continue;
            }
            match by_schema(name, field).or_else(|| by_field(field)) {
                Some(d) => {
                    prop.insert("description".into(), json!(d));
                }
                None => missing.push((name.clone(), field.clone())),
            }
        }
    }
    missing
}

/// An operation's summary is the one line a sidebar shows: the first sentence of its doc
/// comment's first paragraph (which utoipa takes whole). The whole paragraph then leads the
/// description, so every operation has one.
pub fn summarise(op: &mut serde_json::Map<String, Value>) {
    let Some(summary) = op.get("summary").and_then(Value::as_str) else {
        return;
    };
    let text = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = short(first_sentence(&text));
    let description = op.get("description").and_then(Value::as_str).unwrap_or("");
    let description = match (first.len() == text.len(), description.is_empty()) {
        (true, false) => return,
        (false, false) => format!("{text}\n\n{description}"),
        (_, true) => text,
    };
    op.insert("summary".into(), json!(first));
    op.insert("description".into(), json!(description));
}

/// A long sentence is cut at its colon or dash: what comes after explains the first part.
fn short(sentence: &str) -> String {
    if sentence.chars().count() <= 100 {
        return sentence.to_owned();
    }
    let cut = [": ", " — "].iter().filter_map(|s| sentence.find(s)).min();
    match cut {
        Some(i) if i >= 8 => format!("{}.", sentence[..i].trim_end_matches(['.', ','])),
        _ => sentence.to_owned(),
    }
}

/// The text up to the first full stop that ends a sentence (not the one of `e.g.`).
fn first_sentence(text: &str) -> &str {
    let mut from = 0;
    while let Some(i) = text[from..].find(". ").map(|i| from + i) {
        let word = text[..i].rsplit(' ').next().unwrap_or("");
        if !matches!(word, "e.g" | "i.e" | "cf" | "etc") {
            return &text[..=i];
        }
        from = i + 2;
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_summary_is_the_first_sentence_and_the_paragraph_leads_the_description() {
        let mut op = serde_json::json!({"summary": "Exchange a token, e.g. a refresh\ntoken. Each works once."});
        super::summarise(op.as_object_mut().unwrap());
        assert_eq!(op["summary"], "Exchange a token, e.g. a refresh token.");
        assert_eq!(
            op["description"],
            "Exchange a token, e.g. a refresh token. Each works once."
        );
    }

    #[test]
    fn every_field_of_the_document_says_what_it_holds() {
        let doc = super::super::published();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let mut missing = Vec::new();
        for (name, schema) in schemas {
            for (field, prop) in schema["properties"].as_object().into_iter().flatten() {
                if !super::has_description(prop.as_object().unwrap()) && prop.get("$ref").is_none()
                {
                    missing.push(format!("{name}.{field}"));
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new());
    }
}
