//! Examples for every request body and main response, built from the schemas: a field's own
//! `example` where it has one, otherwise demo-school data chosen by field name (the same
//! school, term and pupils the demo seeds), otherwise a value of the field's type. Redocly's
//! `no-invalid-media-type-examples` checks every one against its schema in the test command.

use serde_json::{json, Map, Value};

/// Demo data by (schema, field), then by field.
fn by_name(schema: &str, field: &str) -> Option<Value> {
    let v = match (schema, field) {
        ("NewStudent" | "StudentPatch" | "Student", "name") => json!("王小明"),
        ("NewHomeroom" | "HomeroomPatch" | "Homeroom", "name") => json!("一年级1班"),
        ("NewClub" | "Club", "name") => json!("围棋社"),
        ("RoomInput" | "Room", "name") => json!("多功能教室"),
        ("TermInput" | "Term", "name") => json!("2026 秋季学期"),
        ("NewStaff" | "StaffPatch" | "Staff", "name") => json!("李老师"),
        ("NewApiClient" | "ApiClient", "name") => json!("家校通 App"),
        ("PickupPersonInput" | "PickupPerson", "name") => json!("王奶奶"),
        ("NewTextTemplate" | "NewPlanText", "title") => json!("课后服务致家长的一封信"),
        (_, "kind") if schema.contains("Text") || schema.contains("Template") => json!("notice"),
        (_, "kind") if schema.contains("ServiceRequest") => json!("day_registration"),
        (_, "kind") if schema.contains("Club") => json!("staff_led"),
        (_, "kind") => json!("afternoon_basic"),
        (_, "status") if schema.contains("Plan") => json!("approved"),
        (_, "status") if schema.contains("Import") => json!("succeeded"),
        (_, "status") => json!("submitted"),
        (_, "category") if schema.contains("Exemption") || schema.contains("Application") => {
            json!("hardship")
        }
        ("Club" | "NewClub" | "ClubPatch", "category") => json!("体"),
        (_, "vetting_checks" | "checks") => json!(["no_criminal_record", "qualification"]),
        ("Invitation", "path") => json!("/invitation#K7Q29MXDW4"),
        ("ColumnMapping", "field") => json!("姓名"),
        ("ColumnMapping", "key") => json!("name"),
        ("FieldError", "field") => json!("guardians[0].phone"),
        ("BulkResult", "error") => Value::Null,
        ("Problem", "error") => json!("invalid_client"),
        ("InstanceInfo", "version") => json!("0.1.0"),
        _ => return by_field(field),
    };
    Some(v)
}

fn by_field(field: &str) -> Option<Value> {
    Some(match field {
        "name" => json!("课后基础托管"),
        "number" => json!("2026-000123"),
        "ignored_columns" => json!(["备注"]),
        "header_row" => json!(1),
        "accepted_by_name" | "vetted_by_name" => json!("王丽"),
        "accepted_by_relation" | "actor_relation" => json!("母亲"),
        "teacher_name" => json!("市青少年宫 陈老师"),
        "room_name" => json!("多功能教室"),
        "district_name" => json!("示范区教育局"),
        "plan_status" => json!("approved"),
        "client_id" => json!("kh_3fKq9xZ2aLmP"),
        "national_no" => json!("G110105201901010012"),
        "next_cursor" => Value::Null,
        "placement" => json!("enrolled"),
        "homeroom_name" => json!("一年级1班"),
        "student_name" => json!("王小明"),
        "school_name" => json!("示范区实验小学"),
        "actor_name" | "display_name" => json!("张老师"),
        "sha256" => json!("9f2b5c0e4d1a7b3c8e6f0a2d4c6b8e1f3a5c7e9b0d2f4a6c8e0b2d4f6a8c0e2d"),
        "channel" => json!("portal"),
        "exemption_category" | "category" => json!("hardship"),
        "exemption_categories" => json!(["teacher_child", "poverty_household", "hardship"]),
        "exemption_note" => json!("家庭经济困难，已附证明"),
        "action" => json!("submit"),
        "actor_kind" => json!("user"),
        "accepted_by_kind" => json!("guardian"),
        "actor_role" => json!("homeroom_teacher"),
        "from_status" => json!("draft"),
        "to_status" => json!("submitted"),
        "leave_mode" => json!("pickup"),
        "reject_reason" | "review_comment" => Value::Null,
        "from" => json!("16:15"),
        "to" => json!("17:30"),
        "access_token" => {
            json!("eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyOjEifQ.c2lnbmF0dXJl")
        }
        "client_secret" => json!("uYybsi_kg9sSIWlA5LR9hzuEUfY_KAT_kwwjuiAezY0"),
        "token_type" => json!("Bearer"),
        "external_teacher" => json!("市青少年宫 陈老师"),
        "vetting_status" => json!("vetted"),
        "time_zone" => json!("Asia/Shanghai"),
        "file_name" => json!("一年级花名册.xlsx"),
        "column" => json!("联系电话"),
        "message" => json!("联系电话 is not a phone number"),
        "value" => json!("1381234567"),
        "entity" => json!("student"),
        "request_id" => json!("3f1c9a2b7d4e5a61b2c3d4e5f6a7b8c9"),
        "database" => json!("ok"),
        "last_error" => json!("the receiver answered 503 Service Unavailable"),
        "title" => json!("课后服务致家长的一封信"),
        "body" => json!("各位家长：本学期课后服务于每周一至周五 16:15 开始……"),
        "student_no" => json!("G2026010105"),
        "phone" => json!("13812345678"),
        "username" => json!("13812345678"),
        "password" | "new_password" => json!("Jiazhang@2026"),
        // Not a demo password: the examples are sent by schemathesis, and must not change one.
        "current_password" => json!("Old-Pass-2025"),
        "code" => json!("K7Q29MXD"),
        "relation" => json!("母亲"),
        "gender" => json!("male"),
        "grade" | "grade_min" => json!(1),
        "grade_max" => json!(6),
        "grades" => json!([1, 2, 3]),
        "weekdays" => json!([1, 2, 3, 4, 5]),
        "capacity" => json!(40),
        "cap" => json!(30),
        "start_time" => json!("16:15"),
        "end_time" | "earliest_end" => json!("17:30"),
        "latest_end" | "until_time" => json!("18:30"),
        "early_grades_start_time" => json!("16:20"),
        "start_date" => json!("2026-09-01"),
        "end_date" => json!("2027-01-20"),
        "service_date" | "effective_date" => json!("2026-09-14"),
        "window_opens_at" => json!("2026-08-25T00:00:00Z"),
        "window_closes_at" => json!("2026-09-05T23:59:59Z"),
        "comment" | "note" => json!("已核对，同意"),
        "reason" => json!("家中临时有事"),
        "description" => json!("周二、周四 16:30–17:30，多功能教室"),
        "url" => json!("https://hooks.jiaxiaotong.example/kehou"),
        "refresh_token" => json!("rt_4f8a1c2e9b7d"),
        "term_id"
        | "student_id"
        | "homeroom_id"
        | "offering_id"
        | "text_id"
        | "agreement_text_id"
        | "api_client_id"
        | "room_id"
        | "template_id"
        | "teacher_staff_id"
        | "homeroom_teacher_id" => json!(1),
        "ids" | "school_ids" | "pickup_person_ids" => json!([1]),
        "accept_agreement" | "approve" | "submit" => json!(true),
        "dry_run" => json!(true),
        _ => return None,
    })
}

struct Builder<'a> {
    schemas: &'a Map<String, Value>,
}

impl Builder<'_> {
    fn resolve<'s>(&'s self, s: &'s Value) -> (Option<&'s str>, &'s Value) {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.rsplit('/').next().unwrap_or("");
                match self.schemas.get(name) {
                    Some(t) => (Some(name), t),
                    None => (None, s),
                }
            }
            None => (None, s),
        }
    }

    fn of(&self, s: &Value, owner: &str, field: &str, depth: usize) -> Option<Value> {
        if depth > 16 {
            return None;
        }
        let (name, s) = self.resolve(s);
        let owner = name.unwrap_or(owner);
        if let Some(e) = s.get("example") {
            return Some(e.clone());
        }
        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            // The demo value when the list has it, else the list's first.
            let named = (!field.is_empty()).then(|| by_name(owner, field)).flatten();
            return match named {
                Some(v) if values.contains(&v) => Some(v),
                _ => values.first().cloned(),
            };
        }
        for k in ["oneOf", "anyOf", "allOf"] {
            if let Some(first) = s
                .get(k)
                .and_then(Value::as_array)
                .and_then(|a| a.iter().find(|x| x.get("type") != Some(&json!("null"))))
            {
                return self.of(first, owner, field, depth + 1);
            }
        }
        let ty = match s.get("type") {
            Some(Value::String(t)) => t.clone(),
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or("null")
                .to_owned(),
            _ if s.get("properties").is_some() => "object".into(),
            _ => return None,
        };
        let named = (!field.is_empty()).then(|| by_name(owner, field)).flatten();
        Some(match ty.as_str() {
            "object" => {
                let Some(props) = s.get("properties").and_then(Value::as_object) else {
                    // A map (additionalProperties): an empty one is valid.
                    return Some(json!({}));
                };
                let mut out = Map::new();
                for (k, p) in props {
                    if let Some(v) = self.of(p, owner, k, depth + 1) {
                        out.insert(k.clone(), v);
                    }
                }
                Value::Object(out)
            }
            "array" => match named {
                Some(v @ Value::Array(_)) => v,
                _ => json!([self.of(s.get("items")?, owner, "", depth + 1)?]),
            },
            _ if named.is_some() => named?,
            "string" => match s.get("format").and_then(Value::as_str) {
                Some("date-time") => json!("2026-09-01T08:00:00Z"),
                Some("date") => json!("2026-09-01"),
                Some("binary") => return None,
                _ => json!("示例"),
            },
            "integer" => s.get("minimum").cloned().unwrap_or(json!(1)),
            "number" => json!(1.0),
            "boolean" => json!(false),
            _ => return None,
        })
    }
}

/// Puts an example on every JSON request body and on the 200/201 answer of every operation
/// that has none.
pub fn add(v: &mut Value) {
    let Some(schemas) = v
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .cloned()
    else {
        return;
    };
    let b = Builder { schemas: &schemas };
    let Some(paths) = v.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            let mut media: Vec<&mut Value> = Vec::new();
            if let Some(c) = op
                .pointer_mut("/requestBody/content")
                .and_then(Value::as_object_mut)
            {
                media.extend(
                    c.iter_mut()
                        .filter(|(k, _)| k.contains("json") || k.contains("form-urlencoded"))
                        .map(|(_, m)| m),
                );
            }
            for media_type in media {
                if media_type.get("example").is_none() {
                    if let Some(e) = media_type.get("schema").and_then(|s| b.of(s, "", "", 0)) {
                        media_type["example"] = e;
                    }
                }
            }
            if let Some(rs) = op.get_mut("responses").and_then(Value::as_object_mut) {
                for status in ["200", "201", "202"] {
                    if let Some(m) = rs
                        .get_mut(status)
                        .and_then(|r| r.pointer_mut("/content/application~1json"))
                    {
                        if m.get("example").is_none() {
                            if let Some(e) = m.get("schema").and_then(|s| b.of(s, "", "", 0)) {
                                m["example"] = e;
                            }
                        }
                    }
                }
            }
        }
    }
}
