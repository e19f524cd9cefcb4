//! The window's zoom, kept between launches: officers who work at 200% should
//! not have to zoom in again each morning. The steps between levels are the
//! UI's (ui/src/lib/zoom.ts); this is what may be stored and applied.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A zoom factor (1 is 100%), within [`Zoom::MIN`]..=[`Zoom::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(try_from = "f64", into = "f64")]
#[ts(type = "number")]
pub struct Zoom(f64);

impl Zoom {
    pub const MIN: f64 = 0.5;
    pub const MAX: f64 = 3.0;
    pub const ACTUAL_SIZE: Zoom = Zoom(1.0);

    /// The factor, if it is a number within the bounds.
    pub fn new(factor: f64) -> Option<Zoom> {
        (Zoom::MIN..=Zoom::MAX).contains(&factor).then_some(Zoom(factor))
    }

    pub fn factor(self) -> f64 {
        self.0
    }
}

impl Default for Zoom {
    fn default() -> Zoom {
        Zoom::ACTUAL_SIZE
    }
}

impl TryFrom<f64> for Zoom {
    type Error = String;
    fn try_from(factor: f64) -> Result<Zoom, String> {
        Zoom::new(factor).ok_or_else(|| format!("a zoom of {factor} is outside {}–{}", Zoom::MIN, Zoom::MAX))
    }
}

impl From<Zoom> for f64 {
    fn from(zoom: Zoom) -> f64 {
        zoom.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_factors_within_the_bounds_are_zooms() {
        assert_eq!(Zoom::new(2.0).map(Zoom::factor), Some(2.0));
        assert_eq!(Zoom::new(0.5).map(Zoom::factor), Some(0.5));
        assert_eq!(Zoom::new(3.0).map(Zoom::factor), Some(3.0));
        for bad in [0.49, 3.01, 0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(Zoom::new(bad), None, "{bad}");
        }
        assert_eq!(Zoom::default(), Zoom::ACTUAL_SIZE);
    }

    #[test]
    fn a_stored_zoom_reads_strictly() {
        assert_eq!(serde_json::from_str::<Zoom>("1.5").unwrap().factor(), 1.5);
        let err = serde_json::from_str::<Zoom>("12").unwrap_err().to_string();
        assert!(err.contains("outside 0.5–3"), "{err}");
        assert!(serde_json::from_str::<Zoom>("\"big\"").is_err());
        assert_eq!(serde_json::to_string(&Zoom::new(1.25).unwrap()).unwrap(), "1.25");
    }
}
