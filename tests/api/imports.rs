//! Roster import jobs: dry run, row errors, all-or-nothing commit, re-import by number.

use std::time::Duration;

use kehou_tests::{both, json_of, TestApp};
use reqwest::multipart::{Form, Part};
use reqwest::Method;
use serde_json::Value;

const HEAD: &str = "学号,姓名,性别,年级,班级,监护人姓名,监护人电话,关系,标记\n";

pub(crate) async fn upload(
    app: &TestApp,
    t: &str,
    name: &str,
    bytes: Vec<u8>,
    dry_run: bool,
) -> (u16, Value) {
    let form = Form::new()
        .part("file", Part::bytes(bytes).file_name(name.to_owned()))
        .text("dry_run", dry_run.to_string());
    json_of(
        app.req(Method::POST, &app.school_path("/imports"))
            .bearer_auth(t)
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

pub(crate) async fn wait(app: &TestApp, t: &str, id: i64) -> Value {
    for _ in 0..600 {
        let (s, job) = app
            .get(t, &app.school_path(&format!("/imports/{id}")))
            .await;
        assert_eq!(s, 200);
        if !matches!(job["status"].as_str(), Some("queued") | Some("running")) {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("import {id} did not finish");
}

async fn run(app: &TestApp, t: &str, csv: &str, dry_run: bool) -> Value {
    let (s, job) = upload(app, t, "roster.csv", csv.as_bytes().to_vec(), dry_run).await;
    assert_eq!(s, 202, "{job}");
    wait(app, t, job["id"].as_i64().unwrap()).await
}

fn students_named(app: &TestApp, prefix: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) AS n FROM students WHERE student_no LIKE '{prefix}%'"
    ))
}

both!(
    a_bad_row_is_reported_and_nothing_is_imported,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let csv = format!("{HEAD}IMP1,张一,男,2,1班,张父,13911110001,父亲,\nIMP2,张二,女,12,1班,,,,\nIMP3,张三,男,2,1,,,,\n");
        let job = run(&app, &t, &csv, true).await;
        assert_eq!(job["status"], "failed");
        let errors = job["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            (
                errors[0]["row"].as_i64(),
                errors[0]["column"].as_str(),
                errors[0]["value"].as_str()
            ),
            (Some(3), Some("年级"), Some("12"))
        );
        // Committing a failed job is refused; even a direct import of the bad file writes nothing.
        let id = job["id"].as_i64().unwrap();
        let (s, b) = app
            .send(
                &t,
                Method::POST,
                &app.school_path(&format!("/imports/{id}/commit")),
                &Value::Null,
            )
            .await;
        assert_eq!((s, b["code"].as_str()), (409, Some("import.not_validated")));
        let job = run(&app, &t, &csv, false).await;
        assert_eq!(job["status"], "failed");
        assert_eq!(students_named(&app, "IMP"), 0);
    }
);

both!(
    dry_run_then_commit_then_reimport_updates_by_number,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let csv = format!("{HEAD}IMP1,张一,男,二年级,1班,张父,13911110001,父亲,随迁子女\nIMP2,张二,女,2,二年级1班,张父,13911110001,父亲,\nIMP3,赵三,男,7,3,赵母,13911110003,母亲,\n");
        let job = run(&app, &t, &csv, true).await;
        assert_eq!(job["status"], "validated", "{job}");
        assert_eq!(job["summary"]["students_created"], 3);
        assert_eq!(job["summary"]["homerooms_created"], 1, "七年级3班 is new");
        assert_eq!(
            job["summary"]["guardians_created"], 2,
            "siblings share a guardian"
        );
        assert_eq!(students_named(&app, "IMP"), 0, "a dry run writes nothing");
        let id = job["id"].as_i64().unwrap();
        let (s, _) = app
            .send(
                &t,
                Method::POST,
                &app.school_path(&format!("/imports/{id}/commit")),
                &Value::Null,
            )
            .await;
        assert_eq!(s, 202);
        let job = wait(&app, &t, id).await;
        assert_eq!(job["status"], "committed", "{job}");
        assert_eq!(job["progress"]["done"], 3);
        assert_eq!(students_named(&app, "IMP"), 3);
        let (_, found) = app.get(&t, &app.school_path("/students?q=IMP3")).await;
        assert_eq!(found["items"][0]["homeroom_name"], "七年级3班");
        let sid = found["items"][0]["id"].as_i64().unwrap();
        let (_, gs) = app
            .get(&t, &app.school_path(&format!("/students/{sid}/guardians")))
            .await;
        assert_eq!(gs["items"][0]["name"], "赵母");
        let (_, log) = app
            .get(
                &t,
                &app.school_path(&format!("/audit-events?entity=student&entity_id={sid}")),
            )
            .await;
        assert_eq!(log["items"][0]["action"], "student.import_create");

        // The same file again: nothing new, nothing duplicated.
        let again = run(&app, &t, &csv, false).await;
        assert_eq!(again["status"], "committed");
        assert_eq!(again["summary"]["students_unchanged"], 3);
        assert_eq!(students_named(&app, "IMP"), 3);
        // A changed row updates the student in place.
        let changed = csv.replace("赵三,男,7,3", "赵三丰,男,7,3");
        let job = run(&app, &t, &changed, false).await;
        assert_eq!(
            (
                job["summary"]["students_updated"].as_i64(),
                job["summary"]["students_unchanged"].as_i64()
            ),
            (Some(1), Some(2))
        );
        let (_, st) = app
            .get(&t, &app.school_path(&format!("/students/{sid}")))
            .await;
        assert_eq!(
            (st["name"].as_str(), st["version"].as_i64()),
            (Some("赵三丰"), Some(2))
        );
    }
);

both!(gbk_csv_and_xlsx_files_import, |app: TestApp| async move {
    let t = app.token("admin").await;
    let text = format!("{HEAD}GBK1,欧阳修,男,5,2,,,,留守儿童\n");
    let (gbk, _, _) = encoding_rs_gbk(&text);
    let (s, job) = upload(&app, &t, "名单.csv", gbk, false).await;
    assert_eq!(s, 202);
    let job = wait(&app, &t, job["id"].as_i64().unwrap()).await;
    assert_eq!(job["status"], "committed", "{job}");
    let (_, found) = app.get(&t, &app.school_path("/students?q=GBK1")).await;
    assert_eq!(
        (
            found["items"][0]["name"].as_str(),
            &found["items"][0]["flags"][0]
        ),
        (Some("欧阳修"), &Value::from("left_behind"))
    );

    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEAD.trim().split(',').enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for (c, v) in ["XLS1", "司马光", "男", "", "三年级2班"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    sheet.write_number(1, 3, 3.0).unwrap();
    let (s, job) = upload(&app, &t, "名单.xlsx", book.save_to_buffer().unwrap(), false).await;
    assert_eq!(s, 202);
    let job = wait(&app, &t, job["id"].as_i64().unwrap()).await;
    assert_eq!(job["status"], "committed", "{job}");
    assert_eq!(students_named(&app, "XLS1"), 1);
});

fn encoding_rs_gbk(s: &str) -> (Vec<u8>, (), ()) {
    // GBK bytes for the test text, produced by iconv-free means: the API accepts GB18030,
    // which encodes these characters exactly as GBK does.
    (kehou_api::imports::model::encode_gb18030(s), (), ())
}

both!(
    uploads_are_checked_and_exports_are_workbooks,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let res = app
            .req(Method::POST, &app.school_path("/imports"))
            .bearer_auth(&t)
            .header("content-type", "text/csv")
            .body("x")
            .send()
            .await
            .unwrap();
        assert_eq!(json_of(res).await.0, 415);
        let form = Form::new().text("dry_run", "true");
        let (s, b) = json_of(
            app.req(Method::POST, &app.school_path("/imports"))
                .bearer_auth(&t)
                .multipart(form)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!((s, b["errors"][0]["field"].as_str()), (422, Some("file")));
        let (s, _) = upload(
            &app,
            &app.token("teacher").await,
            "a.csv",
            b"x".to_vec(),
            true,
        )
        .await;
        assert_eq!(s, 403);
        let res = app
            .req(Method::GET, &app.school_path("/exports/students.xlsx"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment"));
        let bytes = res.bytes().await.unwrap();
        assert!(bytes.starts_with(b"PK"), "an xlsx (zip) file");
        assert!(bytes.len() > 20_000, "the whole school is in it");
    }
);

/// A tiny workbook with one cell at A1 and one at XFD1048576: a dense read of it would ask
/// for 17 billion cells (the outside review's 2 KB file that aborted the server).
fn huge_dimension_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "学号").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    book.save_to_buffer().unwrap()
}

/// An archive whose one part unpacks to 300 MiB of spaces.
fn zip_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("xl/sharedStrings.xml", o).unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..300 {
            z.write_all(&spaces).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

both!(
    hostile_files_are_refused_at_upload_and_the_server_lives_on,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let huge = huge_dimension_xlsx();
        assert!(huge.len() < 8 << 10, "{} bytes", huge.len());
        let (s, b) = upload(&app, &t, "roster.xlsx", huge, true).await;
        assert_eq!(s, 422, "{b}");
        assert_eq!(b["errors"][0]["field"], "file");
        assert!(
            matches!(
                b["errors"][0]["code"].as_str(),
                Some("too_many_columns" | "too_many_rows")
            ),
            "{b}"
        );
        let bomb = zip_bomb();
        assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
        let (s, b) = upload(&app, &t, "roster.xlsx", bomb, true).await;
        assert_eq!(
            (s, b["errors"][0]["code"].as_str()),
            (422, Some("too_large_uncompressed")),
            "{b}"
        );
        // A CSV of more rows than allowed.
        let mut csv = HEAD.to_owned();
        for i in 0..20_001 {
            csv.push_str(&format!("X{i},某某,男,1,1班,,,,\n"));
        }
        let (s, b) = upload(&app, &t, "roster.csv", csv.into_bytes(), true).await;
        assert_eq!(
            (s, b["errors"][0]["code"].as_str()),
            (422, Some("too_many_rows")),
            "{b}"
        );
        // No job was made for any of them, and the server answers as before.
        assert_eq!(app.count("SELECT COUNT(*) AS n FROM import_jobs"), 0);
        let (s, _) = app.get(&t, &app.school_path("/students?limit=1")).await;
        assert_eq!(s, 200);
    }
);

both!(
    uploaded_files_are_deleted_past_their_retention_at_start,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let csv = format!("{HEAD}RET1,留一,男,2,1班,留父,13911110001,父亲,\n");
        let old = run(&app, &t, &csv, true).await["id"].as_i64().unwrap();
        let recent = run(&app, &t, &csv, true).await["id"].as_i64().unwrap();
        let with_content = |id: i64| {
            app.count(&format!(
                "SELECT COUNT(*) AS n FROM import_jobs WHERE id = {id} AND LENGTH(content) > 0"
            ))
        };
        assert_eq!((with_content(old), with_content(recent)), (1, 1));
        app.exec(&format!(
            "UPDATE import_jobs SET updated_at = '2020-01-01T00:00:00.000000Z' WHERE id = {old}"
        ));
        // The next start of an instance on this database deletes the old file only.
        let _second = kehou_api::server::prepare(kehou_tests::test_config(&app.database_url))
            .expect("prepare");
        assert_eq!(with_content(old), 0, "past the 30-day retention");
        assert_eq!(with_content(recent), 1, "within the retention");
        let (s, job) = app
            .get(&t, &app.school_path(&format!("/imports/{old}")))
            .await;
        assert_eq!(s, 200, "the job's record and report stay");
        assert_eq!(job["status"], "validated");
    }
);
