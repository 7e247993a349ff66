ALTER TABLE terms DROP COLUMN makeup_timetable;
