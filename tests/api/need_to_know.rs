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
