-- Season schedules on offerings, the club catalogue, ranked club choices,
-- day registrations and special late-service requests.
ALTER TABLE offerings ADD COLUMN season_times TEXT NOT NULL DEFAULT '[]';

CREATE TABLE clubs (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    term_id BIGINT NOT NULL REFERENCES terms(id),
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    grade_min INTEGER NOT NULL,
    grade_max INTEGER NOT NULL,
    weekdays TEXT NOT NULL,
    homeroom_id BIGINT REFERENCES homerooms(id),
    teacher_staff_id BIGINT REFERENCES staff(id),
    external_teacher TEXT,
    vetting_status TEXT NOT NULL,
    room_id BIGINT REFERENCES rooms(id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (school_id, term_id, name),
    CHECK (grade_min BETWEEN 1 AND 9 AND grade_max BETWEEN grade_min AND 9)
);

CREATE TABLE club_choices (
    application_id BIGINT NOT NULL REFERENCES applications(id),
    school_id BIGINT NOT NULL REFERENCES schools(id),
    club_id BIGINT NOT NULL REFERENCES clubs(id),
    rank INTEGER NOT NULL,
    PRIMARY KEY (application_id, club_id),
    UNIQUE (application_id, rank)
);
CREATE INDEX club_choices_club ON club_choices (school_id, club_id);

CREATE TABLE service_requests (
    id INTEGER PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    term_id BIGINT NOT NULL REFERENCES terms(id),
    student_id BIGINT NOT NULL REFERENCES students(id),
    kind TEXT NOT NULL,
    offering_id BIGINT NOT NULL REFERENCES offerings(id),
    service_date DATE,
    until_time TEXT,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_by_kind TEXT NOT NULL,
    requested_by_id BIGINT NOT NULL,
    review_comment TEXT,
    reviewed_by BIGINT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX service_requests_school ON service_requests (school_id, term_id, id);
