//! Club figures of a term, pure: applicants by the rank they gave the club, children placed
//! (held or enrolled), waiting, and how full the club is. Drafts, rejected and withdrawn
//! applications do not count.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A club of the term.
#[derive(Debug, Clone)]
pub struct ClubSeats {
    pub id: i64,
    pub name: String,
    pub capacity: i32,
}

/// One ranked choice of an application of the term.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub club_id: i64,
    pub rank: i32,
    /// Stored placement: `enrolled`, `waiting`, `not_placed`, `draft`, `left`.
    pub placement: String,
    pub status: String,
}

/// One club's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ClubFigures {
    pub club_id: i64,
    pub name: String,
    pub capacity: i32,
    /// Applicants by the rank they gave this club: `[first, second, …]`, up to 5.
    pub applicants_by_rank: Vec<i64>,
    /// Children with a place (held under review, or enrolled).
    pub placed: i64,
    /// Children waiting for a place.
    pub waiting: i64,
    /// placed ÷ capacity, 0–1 (0 for a club of no capacity).
    pub fill_rate: f64,
}

fn counts(status: &str) -> bool {
    !matches!(status, "draft" | "rejected" | "withdrawn")
}

/// The figures of every club, in the clubs' order.
pub fn club_figures(clubs: &[ClubSeats], chosen: &[Chosen]) -> Vec<ClubFigures> {
    clubs
        .iter()
        .map(|club| {
            let mine: Vec<&Chosen> = chosen
                .iter()
                .filter(|x| x.club_id == club.id && counts(&x.status))
                .collect();
            let mut by_rank = vec![0i64; 5];
            for x in &mine {
                if let Some(n) = usize::try_from(x.rank - 1)
                    .ok()
                    .and_then(|i| by_rank.get_mut(i))
                {
                    *n += 1;
                }
            }
            while by_rank.len() > 1 && by_rank.last() == Some(&0) {
                by_rank.pop();
            }
            let placed = mine.iter().filter(|x| x.placement == "enrolled").count() as i64;
            let waiting = mine.iter().filter(|x| x.placement == "waiting").count() as i64;
            ClubFigures {
                club_id: club.id,
                name: club.name.clone(),
                capacity: club.capacity,
                applicants_by_rank: by_rank,
                placed,
                waiting,
                fill_rate: if club.capacity > 0 {
                    placed as f64 / f64::from(club.capacity)
                } else {
                    0.0
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(club_id: i64, rank: i32, placement: &str, status: &str) -> Chosen {
        Chosen {
            club_id,
            rank,
            placement: placement.into(),
            status: status.into(),
        }
    }

    #[test]
    fn counts_applicants_by_rank_placed_waiting_and_fill() {
        let clubs = [ClubSeats {
            id: 1,
            name: "围棋".into(),
            capacity: 4,
        }];
        let f = club_figures(
            &clubs,
            &[
                chosen(1, 1, "enrolled", "approved"),
                chosen(1, 1, "enrolled", "submitted"),
                chosen(1, 2, "not_placed", "submitted"),
                chosen(1, 1, "waiting", "class_approved"),
                chosen(1, 1, "draft", "draft"),
                chosen(1, 1, "left", "withdrawn"),
                chosen(1, 3, "left", "rejected"),
            ],
        );
        assert_eq!(
            f[0],
            ClubFigures {
                club_id: 1,
                name: "围棋".into(),
                capacity: 4,
                applicants_by_rank: vec![3, 1],
                placed: 2,
                waiting: 1,
                fill_rate: 0.5,
            }
        );
    }

    #[test]
    fn a_club_nobody_chose_reads_zero() {
        let clubs = [ClubSeats {
            id: 2,
            name: "书法".into(),
            capacity: 0,
        }];
        let f = club_figures(&clubs, &[]);
        assert_eq!(
            (f[0].applicants_by_rank.clone(), f[0].fill_rate),
            (vec![0], 0.0)
        );
    }
}
