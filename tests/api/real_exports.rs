//! Roster files as schools really have them: a 学籍 export with title rows (merged cells)
//! above the header, header wording that varies, 是/否 flag columns, full-width digits,
//! phones with spaces, dashes or +86, classes written as 一年级(1)班, extra columns such as
//! 身份证号 (never stored), GBK and UTF-8 with BOM; the template; re-import by 全国学籍号.

use kehou_tests::{both, json_of, TestApp};
use reqwest::Method;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};
use serde_json::Value;

use super::imports::wait;

const ID_CARD: &str = "110105201503157788";
const ADDRESS: &str = "朝阳区劲松街道八号院";

async fn upload(app: &TestApp, t: &str, name: &str, bytes: Vec<u8>) -> Value {
    let (s, job) = super::imports::upload(app, t, name, bytes, true).await;
    assert_eq!(s, 202, "{job}");
    wait(app, t, job["id"].as_i64().unwrap()).await
}

async fn commit(app: &TestApp, t: &str, job: &Value) -> Value {
    let id = job["id"].as_i64().unwrap();
    let (s, b) = app
        .send(
            t,
            Method::POST,
            &app.school_path(&format!("/imports/{id}/commit")),
            &Value::Null,
        )
        .await;
    assert_eq!(s, 202, "{b}");
    wait(app, t, id).await
}

/// A 学籍 export as the registry system writes it: a merged title row, an export-date
/// row, then the header with its own wording and columns Kehou does not use.
fn registry_export(rows: &[[&str; 12]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    sheet
        .merge_range(
            0,
            0,
            0,
            11,
            "北京市朝阳区实验小学 2026学年 学生花名册",
            &title,
        )
        .unwrap();
    sheet
        .merge_range(1, 0, 1, 11, "导出时间：2026-09-01 08:30", &Format::new())
        .unwrap();
    let header = [
        "序号",
        "学生姓名",
        "性别",
        "身份证号",
        "全国学籍号",
        "年级",
        "班级名称",
        "监护人",
        "与学生关系",
        "手机号码",
        "是否随迁子女",
        "家庭住址",
    ];
    for (j, h) in header.iter().enumerate() {
        sheet.write_string(2, j as u16, *h).unwrap();
    }
    for (i, r) in rows.iter().enumerate() {
        for (j, v) in r.iter().enumerate() {
            sheet.write_string(3 + i as u32, j as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn kinds(job: &Value) -> Vec<(i64, String, String)> {
    job["normalised"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["row"].as_i64().unwrap(),
                n["column"].as_str().unwrap().to_owned(),
                n["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

both!(
    a_registry_export_imports_without_hand_editing,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let x = registry_export(&[
            [
                "1",
                "赵一鸣",
                "男",
                ID_CARD,
                "G110105201503157719",
                "一年级",
                "一年级(1)班",
                "赵建国",
                "父亲",
                "139 1001 0001",
                "是",
                ADDRESS,
            ],
            [
                "2",
                "钱二丫",
                "女",
                "110105201506062288",
                "Ｇ１１０１０５２０１５０６０６２２２２",
                "1",
                "一年级（1）班",
                "钱母",
                "母亲",
                "+86 139-1001-0002",
                "否",
                ADDRESS,
            ],
            [
                "3",
                "孙三",
                "男生",
                "110105201507073333",
                "G110105201507073333",
                "一年级",
                "1年级1班",
                "孙父",
                "",
                "13910010003",
                "",
                "",
            ],
        ]);
        let job = upload(&app, &t, "学生花名册.xlsx", x).await;
        assert_eq!(job["status"], "validated", "{job}");
        assert_eq!(job["header_row"], 3, "two title rows skipped");
        let mapping: Vec<(&str, &str)> = job["mapping"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["column"].as_str().unwrap(), m["key"].as_str().unwrap()))
            .collect();
        assert_eq!(
            mapping,
            vec![
                ("学生姓名", "name"),
                ("性别", "gender"),
                ("全国学籍号", "national_no"),
                ("年级", "grade"),
                ("班级名称", "homeroom"),
                ("监护人", "guardian_name"),
                ("与学生关系", "relation"),
                ("手机号码", "guardian_phone"),
                ("是否随迁子女", "flag.migrant"),
            ]
        );
        assert_eq!(
            job["ignored_columns"],
            serde_json::json!(["序号", "身份证号", "家庭住址"])
        );
        let k = kinds(&job);
        for expected in [
            (4, "班级名称", "homeroom"),
            (4, "手机号码", "phone"),
            (5, "全国学籍号", "full_width"),
            (5, "班级名称", "full_width"),
            (5, "手机号码", "phone"),
            (6, "班级名称", "homeroom"),
        ] {
            assert!(
                k.contains(&(expected.0, expected.1.to_owned(), expected.2.to_owned())),
                "{expected:?} not in {k:?}"
            );
        }
        assert_eq!(job["normalised_count"].as_u64().unwrap() as usize, k.len());
        assert_eq!(job["summary"]["students_created"], 3);

        let done = commit(&app, &t, &job).await;
        assert_eq!(done["status"], "committed", "{done}");
        // No 学号 column: the 全国学籍号 is the student number too.
        let (_, page) = app
            .get(&t, &app.school_path("/students?q=G110105201503157719"))
            .await;
        let s = &page["items"][0];
        assert_eq!(s["name"], "赵一鸣");
        assert_eq!(s["homeroom_name"], "一年级1班");
        assert_eq!(s["national_no"], "G110105201503157719");
        assert_eq!(s["flags"], serde_json::json!(["migrant"]));
        let (_, page) = app
            .get(&t, &app.school_path("/students?q=G110105201506062222"))
            .await;
        assert_eq!(page["items"][0]["flags"], serde_json::json!([]));
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM guardians WHERE phone IN ('13910010001', '13910010002', '13910010003')"),
            3,
            "phones stored as 11 digits"
        );
        assert_eq!(
            app.strings("SELECT relation AS s FROM student_guardians sg JOIN students st ON st.id = sg.student_id WHERE st.name = '孙三'"),
            vec!["监护人".to_owned()],
            "an empty relation reads as 监护人"
        );
        // Data minimisation: the ID card numbers and addresses are nowhere in the database.
        // (The test's 学籍号 are not G + the ID number, so that the check can tell them apart.)
        let text = if app.backend == kehou_tests::Backend::Postgres {
            "convert_from(content, 'UTF8')"
        } else {
            "CAST(content AS TEXT)"
        };
        for secret in [ID_CARD, "110105201506062288", ADDRESS] {
            assert_eq!(
                app.count(&format!(
                    "SELECT COUNT(*) AS n FROM import_jobs WHERE {text} LIKE '%{secret}%' OR COALESCE(report_json, '') LIKE '%{secret}%' OR errors_json LIKE '%{secret}%'"
                )),
                0,
                "{secret} was stored with the job"
            );
            assert_eq!(
                app.count(&format!(
                    "SELECT COUNT(*) AS n FROM audit_events WHERE COALESCE(after_json, '') LIKE '%{secret}%'"
                )),
                0
            );
        }
    }
);

both!(
    a_title_row_csv_in_gbk_or_with_a_bom_reports_bad_rows_as_the_sheet_numbers_them,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let text = "2026学年一年级花名册,,,,,,,\n\
                    学号,姓名,性别,年级,班级,家长姓名,联系电话,家庭经济困难,身份证号\n\
                    RX1,周一,男,１,一年级1班,周父,139-1002-0001,是,110105201501011111\n\
                    \n\
                    RX2,吴二,女,1,1班,吴母,1390,否,110105201501012222\n\
                    RX3,郑三,女,1,火箭班,,,也许,\n";
        let (gbk, _, _) = encoding_rs_gbk(text);
        let job = upload(&app, &t, "花名册.csv", gbk).await;
        assert_eq!(job["status"], "failed");
        assert_eq!(job["header_row"], 2);
        let errors: Vec<(i64, &str, &str)> = job["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["row"].as_i64().unwrap(),
                    e["column"].as_str().unwrap(),
                    e["value"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            errors,
            vec![
                (5, "联系电话", "1390"),
                (6, "班级", "火箭班"),
                (6, "家庭经济困难", "也许"),
            ],
            "rows as the spreadsheet numbers them (title row and blank line counted), columns as the file names them"
        );
        assert_eq!(job["ignored_columns"], serde_json::json!(["身份证号"]));
        // The office fixes the rows and uploads again, now UTF-8 with a BOM.
        let fixed = text
            .replace(",1390,", ",13910020002,")
            .replace("火箭班,,,也许", "1班,,,否");
        let bom = [b"\xEF\xBB\xBF".as_slice(), fixed.as_bytes()].concat();
        let job = upload(&app, &t, "花名册.csv", bom).await;
        assert_eq!(job["status"], "validated", "{job}");
        let done = commit(&app, &t, &job).await;
        assert_eq!(done["summary"]["students_created"], 3, "{done}");
        let (_, page) = app.get(&t, &app.school_path("/students?q=RX1")).await;
        assert_eq!(page["items"][0]["flags"], serde_json::json!(["hardship"]));
        assert_eq!(
            app.count("SELECT COUNT(*) AS n FROM guardians WHERE phone = '13910020001'"),
            1
        );
    }
);

both!(
    a_reimport_matches_by_national_number_when_the_school_renumbered,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let head = "学号,全国学籍号,姓名,性别,年级,班级\n";
        let job = upload(
            &app,
            &t,
            "a.csv",
            format!("{head}OLD-1,G110105201601010001,王同学,男,一年级,一年级1班\n").into_bytes(),
        )
        .await;
        assert_eq!(commit(&app, &t, &job).await["status"], "committed");
        let job = upload(
            &app,
            &t,
            "b.csv",
            format!("{head}NEW-1,g110105201601010001,王同学,男,一年级,一年级1班\n").into_bytes(),
        )
        .await;
        assert_eq!(job["summary"]["students_updated"], 1, "{job}");
        assert_eq!(job["summary"]["students_created"], 0);
        assert_eq!(commit(&app, &t, &job).await["status"], "committed");
        assert_eq!(
            app.strings(
                "SELECT student_no AS s FROM students WHERE national_no = 'G110105201601010001'"
            ),
            vec!["NEW-1".to_owned()]
        );
        // The national number is the office's: a homeroom teacher sees it masked.
        let teacher = app.token("teacher").await;
        let (s, page) = app
            .get(&teacher, &app.school_path("/students?q=NEW-1"))
            .await;
        assert_eq!(s, 200);
        assert_eq!(
            page["items"][0]["name"], "王同学",
            "the teacher's own class: {page}"
        );
        assert_eq!(page["items"][0]["national_no"], "***************0001");
        let (_, page) = app.get(&t, &app.school_path("/students?q=NEW-1")).await;
        assert_eq!(page["items"][0]["national_no"], "G110105201601010001");
    }
);

both!(
    the_template_has_the_headers_and_an_example_that_imports,
    |app: TestApp| async move {
        let t = app.token("admin").await;
        let res = app
            .req(Method::GET, &app.school_path("/imports/template.xlsx"))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(".xlsx"));
        let bytes = res.bytes().await.unwrap().to_vec();
        use calamine::Reader;
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
        let range = book.worksheet_range_at(0).unwrap().unwrap();
        let header: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(header[..3], ["学号", "全国学籍号", "姓名"]);
        let job = upload(&app, &t, "template.xlsx", bytes).await;
        assert_eq!(job["status"], "validated", "{job}");
        assert!(job["ignored_columns"].as_array().unwrap().is_empty());
        // Another school's admin gets no template of this school.
        let other = app.token("s2-admin").await;
        let (s, _) = json_of(
            app.req(Method::GET, &app.school_path("/imports/template.xlsx"))
                .bearer_auth(&other)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert!(s == 403 || s == 404, "{s}");
    }
);

fn encoding_rs_gbk(s: &str) -> (Vec<u8>, (), ()) {
    (kehou_api::imports::model::encode_gb18030(s), (), ())
}
