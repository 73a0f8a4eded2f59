//! The classes of numbers that are not statistics, one file each. Each file opens with
//! what its class excuses and why, holds the class's predicates (methods of the scanner)
//! and its tests.

mod address;
mod age;
mod date_time;
mod game_score;
mod game_segment;
mod golf;
mod identifier;
mod label;
mod narrative_duration;
mod race;
mod reference;
mod schedule;
mod slashed;
mod standing;
mod vote_tally;
mod year;
