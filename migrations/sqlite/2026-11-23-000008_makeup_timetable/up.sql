-- Which weekday's timetable each make-up workday (调休上班日) follows, e.g. {"2026-09-27": 5}.
ALTER TABLE terms ADD COLUMN makeup_timetable TEXT NOT NULL DEFAULT '{}';
