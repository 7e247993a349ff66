-- The database's own cost for the writes a roster import makes, done set-based in SQL
-- on the real schema (constraints, indexes, foreign keys): the fair baseline for
-- "how much does Kehou add". Run by bench/run.sh, which puts the roster file's path in place of :'csv'.
BEGIN;
CREATE TEMP TABLE staging (student_no text, name text, gender text, grade int, homeroom text,
  guardian_name text, guardian_phone text, relation text, flags text);
\copy staging FROM :'csv' WITH (FORMAT csv, HEADER true)
INSERT INTO districts (name, code, created_at) VALUES ('bench', 'bench-sql', now());
INSERT INTO schools (district_id, name, code, time_zone, version, created_at, updated_at)
  SELECT id, 'bench', 'bench-sql', 'Asia/Shanghai', 1, now(), now() FROM districts WHERE code = 'bench-sql';
INSERT INTO homerooms (school_id, grade, name, version, created_at, updated_at)
  SELECT DISTINCT (SELECT id FROM schools WHERE code = 'bench-sql'), grade, grade || '-' || homeroom, 1, now(), now() FROM staging;
INSERT INTO students (school_id, student_no, name, gender, grade, homeroom_id, flags, version, created_at, updated_at)
  SELECT h.school_id, s.student_no, s.name, CASE s.gender WHEN '女' THEN 'female' ELSE 'male' END, s.grade, h.id,
         coalesce(s.flags, ''), 1, now(), now()
  FROM staging s JOIN homerooms h ON h.name = s.grade || '-' || s.homeroom;
INSERT INTO guardians (school_id, name, phone, version, created_at, updated_at)
  SELECT DISTINCT ON (guardian_phone) (SELECT id FROM schools WHERE code = 'bench-sql'), guardian_name, guardian_phone, 1, now(), now()
  FROM staging ORDER BY guardian_phone;
INSERT INTO student_guardians (school_id, student_id, guardian_id, relation)
  SELECT st.school_id, st.id, g.id, s.relation FROM staging s
  JOIN students st ON st.student_no = s.student_no JOIN guardians g ON g.phone = s.guardian_phone;
INSERT INTO audit_events (school_id, actor_kind, actor_id, action, entity, entity_id, after_json, at)
  SELECT school_id, 'system', NULL, 'student.import_create', 'student', id,
         json_build_object('student_no', student_no, 'name', name, 'grade', grade)::text, now()
  FROM students WHERE school_id = (SELECT id FROM schools WHERE code = 'bench-sql');
COMMIT;
