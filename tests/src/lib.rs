//! Fixtures and independent readers shared by the cross-crate tests and the benchmark.

pub mod fixtures;
pub mod readers;
