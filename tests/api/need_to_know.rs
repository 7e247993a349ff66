//! The need-to-know matrix for children's data: role × field, enforced on the server for
//! students, guardians, pickup persons, applications, the audit log and the export.

use kehou_tests::{both, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

/// Flags a student (admin) and returns it.
async fn flag(app: &TestApp, admin: &str, homeroom: i64) -> Value {
    let (_, page) = app
        .get(
            admin,
            &app.school_path(&format!("/students?homeroom_id={homeroom}&limit=1")),
        )
        .await;
    let s = page["items"][0].clone();
    let res = app
        .req(
            Method::PATCH,
            &app.school_path(&format!("/students/{}", s["id"])),
        )
        .bearer_auth(admin)
        .header("If-Match", format!("\"{}\"", s["version"]))
        .json(&json!({"flags": ["left_behind", "poverty_household", "boarder"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn flags(v: &Value) -> Vec<String> {
    v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect()
}

fn masked(phone: &Value) -> bool {
    phone.as_str().unwrap().contains("****")
}

both!(
    each_role_sees_only_what_it_needs_of_a_child,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        // The teacher leads 一年级1班 (homeroom 1); homeroom 2 is another class.
        let own = flag(&app, &admin, 1).await;
        let other = flag(&app, &admin, 2).await;
        let all = ["left_behind", "boarder", "poverty_household"];
        let operational = ["boarder"];
        let student = |s: &Value| app.school_path(&format!("/students/{}", s["id"]));
        let guardians = |s: &Value| app.school_path(&format!("/students/{}/guardians", s["id"]));
        // (login, sees own-class flags, sees other-class flags, own-class phones, other-class phones)
        let matrix = [
            ("admin", true, true, true, true),
            ("teacher", true, false, true, false),
            ("finance", true, true, false, false),
            ("tutor", false, false, false, false),
            ("gate", false, false, false, false),
            ("district", false, false, false, false),
        ];
        for (login, own_flags, other_flags, own_phones, other_phones) in matrix {
            let t = app.token(login).await;
            for (s, sees_flags, sees_phones) in [
                (&own, own_flags, own_phones),
                (&other, other_flags, other_phones),
            ] {
                let (code, got) = app.get(&t, &student(s)).await;
                assert_eq!(code, 200, "{login}");
                let want: Vec<String> = if sees_flags {
                    &all[..]
                } else {
                    &operational[..]
                }
                .iter()
                .map(|f| f.to_string())
                .collect();
                assert_eq!(flags(&got), want, "{login} reading {}", s["homeroom_name"]);
                let (_, gs) = app.get(&t, &guardians(s)).await;
                assert_eq!(
                    !masked(&gs["items"][0]["phone"]),
                    sees_phones,
                    "{login}: phones of {}",
                    s["homeroom_name"]
                );
            }
            // The list agrees with the single read.
            let (_, page) = app
                .get(&t, &app.school_path("/students?homeroom_id=2&limit=200"))
                .await;
            let listed = page["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["id"] == other["id"])
                .unwrap()
                .clone();
            assert_eq!(
                flags(&listed).contains(&"left_behind".to_string()),
                other_flags,
                "{login} list"
            );
            // School-wide guardian lists are masked for everyone but the school admin.
            let (_, list) = app.get(&t, &app.school_path("/guardians?limit=5")).await;
            assert_eq!(
                !masked(&list["items"][0]["phone"]),
                login == "admin",
                "{login} /guardians"
            );
        }
        // The district's audit view masks phones and drops the sensitive flags it changed.
        let district = app.token("district").await;
        let (s, events) = app
            .get(
                &district,
                &app.school_path("/audit-events?entity=student&limit=5"),
            )
            .await;
        assert_eq!(s, 200);
        let text = events.to_string();
        assert!(
            !text.contains("left_behind") && !text.contains("poverty_household"),
            "{text}"
        );
        assert!(text.contains("boarder"));
        let (_, events) = app
            .get(
                &admin,
                &app.school_path("/audit-events?entity=student&limit=5"),
            )
            .await;
        assert!(
            events.to_string().contains("left_behind"),
            "the school admin sees it"
        );
        // The district admin edits a child's flags: the answer shows only what it may see, and
        // the flags it was not shown are kept, not wiped.
        let (_, seen) = app.get(&district, &student(&other)).await;
        let res = app
            .req(Method::PATCH, &student(&other))
            .bearer_auth(&district)
            .header("If-Match", format!("\"{}\"", seen["version"]))
            .json(&json!({"flags": ["boarder", "teacher_child"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let answer: Value = res.json().await.unwrap();
        assert_eq!(flags(&answer), vec!["boarder", "teacher_child"]);
        let (_, now) = app.get(&admin, &student(&other)).await;
        let kept = flags(&now);
        for f in [
            "left_behind",
            "poverty_household",
            "boarder",
            "teacher_child",
        ] {
            assert!(kept.contains(&f.to_string()), "{f} in {kept:?}");
        }
    }
);

/// The cells of the students export, row by row.
async fn export_cells(app: &TestApp, token: &str) -> Vec<Vec<String>> {
    use calamine::Reader;
    let res = app
        .req(Method::GET, &app.school_path("/exports/students.xlsx"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("学生名单").unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

both!(
    the_export_cuts_what_the_caller_may_not_see,
    |app: TestApp| async move {
        let admin = app.token("admin").await;
        let flagged = flag(&app, &admin, 1).await;
        let no = flagged["student_no"].as_str().unwrap().to_owned();
        let district = app.token("district").await;
        let (s, created) = app
            .send(
                &district,
                Method::POST,
                "/api/v1/districts/1/api-clients",
                &json!({"name": "区平台", "scopes": ["roster:read", "roster:write"], "school_ids": [app.school]}),
            )
            .await;
        assert_eq!(s, 201, "{created}");
        let (_, tok) = crate::integration::client_token(
            &app,
            created["client"]["client_id"].as_str().unwrap(),
            created["client_secret"].as_str().unwrap(),
        )
        .await;
        let client = tok["access_token"].as_str().unwrap().to_owned();

        let head = |cells: &[Vec<String>], name: &str| {
            cells[0]
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("column {name}"))
        };
        let full = export_cells(&app, &admin).await;
        let cut = export_cells(&app, &client).await;
        assert_eq!(full.len(), cut.len(), "the same students");
        assert!(full.len() > 100, "the demo school's roster");
        let (phone, flags, number) = (
            head(&full, "监护人电话"),
            head(&full, "标记"),
            head(&full, "学号"),
        );
        let row = |cells: &[Vec<String>]| cells.iter().find(|r| r[number] == no).unwrap().clone();
        assert!(row(&full)[flags].contains("留守儿童") && row(&full)[flags].contains("建档立卡"));
        assert!(row(&full)[flags].contains("住校生"));
        assert!(
            full[1..]
                .iter()
                .any(|r| r[phone].len() == 11 && !r[phone].contains('*')),
            "the school admin sees full phones"
        );
        let r = row(&cut);
        assert!(r[flags].contains("住校生"), "operational flags stay: {r:?}");
        for r in &cut[1..] {
            for label in ["随迁子女", "留守儿童", "困难家庭", "建档立卡"] {
                assert!(
                    !r[flags].contains(label),
                    "{label} without roster:sensitive: {r:?}"
                );
            }
            assert!(
                r[phone].is_empty() || r[phone].contains("****"),
                "masked: {r:?}"
            );
        }
    }
);
