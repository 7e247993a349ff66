//! Tests of the row checks (imports/check.rs).

mod table {
    use crate::imports::check::*;
    use crate::imports::model::{parse_grade, parse_homeroom, read_table};
    use crate::roster::model::StudentFlag;

    fn table(csv: &str) -> Vec<Vec<String>> {
        read_table("x.csv", csv.as_bytes()).unwrap()
    }

    const HEAD: &str = "学号,姓名,性别,年级,班级,监护人姓名,监护人电话,关系,标记\n";

    #[test]
    fn a_good_file_gives_rows_with_normalised_homerooms() {
        let t = table(&format!("{HEAD}S1,王小明,男,三年级,4,王强,13912345678,父亲,随迁子女、困难家庭\nS2,李红,女,3,三年级4班,,,,\n"));
        let c = check_table(&t);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert_eq!(c.rows[0].homeroom, "三年级4班");
        assert_eq!(c.rows[1].homeroom, "三年级4班");
        assert_eq!(
            c.rows[0].flags,
            vec![StudentFlag::Migrant, StudentFlag::Hardship]
        );
        assert_eq!(c.rows[0].guardian.as_ref().unwrap().1, "13912345678");
        assert_eq!(c.rows[1].guardian, None);
    }

    #[test]
    fn each_bad_cell_is_reported_with_row_column_value_and_reason() {
        let t = table(&format!("{HEAD}S1,王小明,男,12,4,,,,\nS2,李红,x,3,5班,李四,123,母亲,\nS1,重复,女,1,1,,,,外星人\n"));
        let c = check_table(&t);
        let got: Vec<(usize, &str, &str, &str)> = c
            .errors
            .iter()
            .map(|e| (e.row, e.column.as_str(), e.value.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, "年级", "12", "invalid"),
                (3, "性别", "x", "invalid"),
                (3, "监护人电话", "123", "invalid"),
                (4, "学号", "S1", "duplicate"),
                (4, "标记", "外星人", "invalid"),
            ]
        );
        assert!(c.errors[3].message.contains("row 2"));
    }

    #[test]
    fn missing_columns_are_named() {
        let c = check_table(&table("学号,姓名\nS1,x\n"));
        let cols: Vec<&str> = c.errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(cols, vec!["姓名", "性别", "班级"]);
        let c = check_table(&table("学号,姓名,性别\nS1,x,男\n"));
        let cols: Vec<&str> = c.errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(cols, vec!["班级"]);
    }

    #[test]
    fn gbk_csv_as_excel_writes_it_is_decoded() {
        let text = format!("{HEAD}S1,张三,男,1,1,,,,\n");
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let c = check_table(&read_table("roster.csv", &gbk).unwrap());
        assert!(c.errors.is_empty());
        assert_eq!(c.rows[0].name, "张三");
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(
            check_table(&read_table("roster.csv", &bom).unwrap()).rows[0].student_no,
            "S1"
        );
    }

    #[test]
    fn grades_and_homerooms_parse_the_ways_schools_write_them() {
        assert_eq!(parse_grade("初二"), Some(8));
        assert_eq!(parse_grade("六年级"), Some(6));
        assert_eq!(parse_grade("0"), None);
        assert_eq!(parse_homeroom("（2）班", 5).as_deref(), Some("五年级2班"));
        assert_eq!(parse_homeroom("四年级2班", 5), None);
    }
}

mod real_files {
    use crate::imports::check::*;
    use crate::imports::normalise::NormalisationKind;
    use crate::roster::model::StudentFlag;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn without_a_grade_column_the_class_names_the_grade() {
        let t = vec![
            row(&["学生姓名", "性别", "班级名称", "全国学籍号"]),
            row(&["王小明", "男", "三(4)班", "G1"]),
            row(&["李红", "女", "4班", "G2"]),
        ];
        let c = check_table(&t);
        assert_eq!(c.rows.len(), 1);
        assert_eq!(c.rows[0].homeroom, "三年级4班");
        assert_eq!(c.rows[0].grade, 3);
        assert_eq!(c.rows[0].student_no, "G1");
        assert_eq!(
            (
                c.errors[0].row,
                c.errors[0].column.as_str(),
                c.errors[0].code.as_str()
            ),
            (3, "班级名称", "invalid")
        );
        assert!(c.errors[0].message.contains("no 年级 column"));
    }

    #[test]
    fn yes_no_columns_and_a_flags_column_add_up() {
        let t = vec![
            row(&[
                "学号",
                "姓名",
                "性别",
                "年级",
                "班级",
                "标记",
                "是否留守儿童",
                "是否住校",
            ]),
            row(&["S1", "王", "男", "初一", "2", "困难家庭", "是", "√"]),
        ];
        let c = check_table(&t);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert_eq!(c.rows[0].grade, 7);
        assert_eq!(
            c.rows[0].flags,
            vec![
                StudentFlag::LeftBehind,
                StudentFlag::Hardship,
                StudentFlag::Boarder
            ]
        );
        assert_eq!(c.tidied.listed[0].kind, NormalisationKind::Grade);
        assert_eq!(c.tidied.listed[0].to, "七年级");
    }
}
