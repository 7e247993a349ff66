//! The rules of the catalogue and of vetting, pure: what a new club must satisfy, the
//! vetting status it starts with, and what a vetting record must hold.

use crate::clubs::error::ClubError;
use crate::clubs::types::{NewClub, Vetting, VettingCheck, VettingDecision};

/// Vetting of an external teacher (外聘审核备案).
pub const VETTING: &[&str] = &["not_required", "pending", "approved", "rejected"];

/// Checks a new club beyond its field limits and gives the vetting status it starts with:
/// `not_required` for a staff teacher, `pending` for an external one. An external teacher
/// is never vetted here: only the school admin vets them, with the checks recorded
/// (POST /clubs/{id}/vetting), never by setting a status on the new club.
pub fn admit(b: &NewClub) -> Result<&'static str, ClubError> {
    if b.grade_min > b.grade_max {
        return Err(ClubError::GradeRange);
    }
    if b.weekdays.iter().any(|d| !(1..=7).contains(d)) {
        return Err(ClubError::WeekdayRange);
    }
    let vetting = match (&b.external_teacher, b.vetting_status.as_deref()) {
        (None, _) => "not_required",
        (Some(_), None | Some("pending")) => "pending",
        (Some(_), Some(_)) => return Err(ClubError::VettingSeparately),
    };
    if b.teacher_staff_id.is_none() && b.external_teacher.is_none() {
        return Err(ClubError::TeacherRequired);
    }
    Ok(vetting)
}

impl VettingCheck {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            VettingCheck::NoCriminalRecord => "no_criminal_record",
            VettingCheck::Qualification => "qualification",
            VettingCheck::HealthCertificate => "health_certificate",
            VettingCheck::SafetyTraining => "safety_training",
            VettingCheck::Agreement => "agreement",
        }
    }
}

/// Checks a vetting record: an approval needs the criminal-record check that the law
/// requires for everyone in close contact with minors.
pub fn check_vetting(v: &Vetting) -> Result<(), ClubError> {
    if v.decision == VettingDecision::Approved
        && !v.checks.contains(&VettingCheck::NoCriminalRecord)
    {
        return Err(ClubError::CriminalRecordRequired);
    }
    Ok(())
}

/// Only a club with an external teacher is vetted.
pub fn require_external_teacher(external_teacher: Option<&str>) -> Result<(), ClubError> {
    match external_teacher {
        Some(_) => Ok(()),
        None => Err(ClubError::NoExternalTeacher),
    }
}

/// The vetting status a decision sets.
pub fn status_of(decision: VettingDecision) -> &'static str {
    match decision {
        VettingDecision::Approved => "approved",
        VettingDecision::Rejected => "rejected",
    }
}

/// The checks for storage: each once, in the order given, comma-separated.
pub fn checks_to_text(checks: &[VettingCheck]) -> String {
    let mut once: Vec<&str> = Vec::new();
    for check in checks.iter().map(|c| c.as_str()) {
        if !once.contains(&check) {
            once.push(check);
        }
    }
    once.join(",")
}

/// The stored checks as a list.
pub fn checks_from_text(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn club() -> NewClub {
        NewClub {
            term_id: 1,
            name: "葫芦丝".into(),
            category: "美".into(),
            description: String::new(),
            capacity: 20,
            grade_min: 3,
            grade_max: 4,
            weekdays: vec![2, 4],
            homeroom_id: None,
            teacher_staff_id: Some(7),
            external_teacher: None,
            vetting_status: None,
            room_id: None,
        }
    }

    #[test]
    fn a_staff_teacher_needs_no_vetting_an_external_one_starts_pending() {
        assert_eq!(admit(&club()), Ok("not_required"));
        let mut ext = club();
        ext.teacher_staff_id = None;
        ext.external_teacher = Some("王老师".into());
        assert_eq!(admit(&ext), Ok("pending"));
        ext.vetting_status = Some("pending".into());
        assert_eq!(admit(&ext), Ok("pending"));
        ext.vetting_status = Some("approved".into());
        assert_eq!(admit(&ext), Err(ClubError::VettingSeparately));
    }

    #[test]
    fn a_club_needs_a_grade_range_weekdays_and_a_teacher() {
        let mut b = club();
        b.grade_min = 5;
        assert_eq!(admit(&b), Err(ClubError::GradeRange));
        let mut b = club();
        b.weekdays = vec![1, 8];
        assert_eq!(admit(&b), Err(ClubError::WeekdayRange));
        let mut b = club();
        b.teacher_staff_id = None;
        assert_eq!(admit(&b), Err(ClubError::TeacherRequired));
    }

    #[test]
    fn an_approval_needs_the_criminal_record_check() {
        let mut v = Vetting {
            decision: VettingDecision::Approved,
            checks: vec![VettingCheck::Qualification],
            note: None,
        };
        assert_eq!(check_vetting(&v), Err(ClubError::CriminalRecordRequired));
        v.decision = VettingDecision::Rejected;
        assert_eq!(check_vetting(&v), Ok(()));
        v.decision = VettingDecision::Approved;
        v.checks.push(VettingCheck::NoCriminalRecord);
        assert_eq!(check_vetting(&v), Ok(()));
        assert_eq!(status_of(v.decision), "approved");
    }

    #[test]
    fn only_an_external_teacher_is_vetted() {
        assert_eq!(require_external_teacher(Some("王老师")), Ok(()));
        assert_eq!(
            require_external_teacher(None),
            Err(ClubError::NoExternalTeacher)
        );
    }

    #[test]
    fn checks_are_stored_once_each_in_the_order_given() {
        use VettingCheck as C;
        let text = checks_to_text(&[C::Qualification, C::NoCriminalRecord, C::Qualification]);
        assert_eq!(text, "qualification,no_criminal_record");
        assert_eq!(
            checks_from_text(&text),
            vec!["qualification", "no_criminal_record"]
        );
        assert!(checks_from_text("").is_empty());
    }
}
