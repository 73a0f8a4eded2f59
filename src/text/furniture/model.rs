//! The web-residue model: gradient-boosted decision trees over the features of a unit,
//! trained by `scripts/train-web-residue/train.py` and committed as data
//! (`data/models/web-residue.json`). Inference is a walk down each tree: the sum of the
//! leaves reached, plus the baseline, is the log-odds that the unit is page furniture.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{FEATURE_COUNT, FEATURE_NAMES};

/// One node: `[feature, threshold, left, right, value, is_leaf]`; a unit whose feature is
/// at most the threshold goes left.
type Node = (usize, f64, usize, usize, f64, u8);

#[derive(Debug, Deserialize)]
pub struct Model {
    /// The feature names the model was trained on, in order.
    pub features: Vec<String>,
    pub baseline: f64,
    trees: Vec<Vec<Node>>,
    /// At or above this probability a unit is reported as furniture.
    pub flag_threshold: f32,
    /// At or above this probability (and not shaped like a sentence of copy) deleting the
    /// unit is a safe fix, and `copydesk clean` removes it.
    pub safe_threshold: f32,
    /// The same two thresholds for Markdown drafts (whole pages saved as Markdown).
    pub markdown_flag_threshold: f32,
    pub markdown_safe_threshold: f32,
}

static MODEL_JSON: &str = include_str!("../../../data/models/web-residue.json");

/// The committed model, parsed on first use. A model that does not match the features this
/// build computes is a build defect (a test guards it); it then flags nothing.
pub fn web_residue() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let model: Model = serde_json::from_str(MODEL_JSON).unwrap_or_else(|error| {
            debug_assert!(false, "data/models/web-residue.json: {error}");
            Model::empty()
        });
        if model.features.len() != FEATURE_COUNT
            || model.features.iter().zip(FEATURE_NAMES).any(|(a, b)| a != b)
        {
            debug_assert!(
                false,
                "data/models/web-residue.json was trained on other features"
            );
            return Model::empty();
        }
        model
    })
}

impl Model {
    /// The flag and safe thresholds for a draft of this format.
    pub fn thresholds(&self, format: crate::text::DraftFormat) -> (f32, f32) {
        match format {
            crate::text::DraftFormat::Markdown => {
                (self.markdown_flag_threshold, self.markdown_safe_threshold)
            }
            crate::text::DraftFormat::PlainText => (self.flag_threshold, self.safe_threshold),
        }
    }

    fn empty() -> Model {
        Model {
            features: FEATURE_NAMES.iter().map(|s| s.to_string()).collect(),
            baseline: -10.0,
            trees: Vec::new(),
            flag_threshold: 1.1,
            safe_threshold: 1.1,
            markdown_flag_threshold: 1.1,
            markdown_safe_threshold: 1.1,
        }
    }

    /// The probability that a unit with these features is page furniture.
    pub fn probability(&self, values: &[f32; FEATURE_COUNT]) -> f32 {
        let mut log_odds = self.baseline;
        for tree in &self.trees {
            let mut index = 0;
            // A malformed tree ends the walk instead of looping or panicking.
            for _ in 0..tree.len() {
                let Some(&(feature, threshold, left, right, value, is_leaf)) = tree.get(index) else {
                    break;
                };
                if is_leaf != 0 {
                    log_odds += value;
                    break;
                }
                let x = values.get(feature).copied().unwrap_or(0.0) as f64;
                index = if x <= threshold { left } else { right };
            }
        }
        (1.0 / (1.0 + (-log_odds).exp())) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_matches_the_features() {
        let model: Model = serde_json::from_str(MODEL_JSON).expect("the model parses");
        assert_eq!(
            model.features, FEATURE_NAMES,
            "retrain: scripts/train-web-residue/train.py"
        );
        assert!(!model.trees.is_empty());
        assert!(model.flag_threshold < model.safe_threshold && model.safe_threshold < 1.0);
        assert!(model.markdown_flag_threshold < model.markdown_safe_threshold);
    }

    #[test]
    fn a_tree_walk_sums_leaves() {
        let model = Model {
            features: FEATURE_NAMES.iter().map(|s| s.to_string()).collect(),
            baseline: 0.0,
            trees: vec![vec![
                (0, 1.0, 1, 2, 0.0, 0),
                (0, 0.0, 0, 0, -2.0, 1),
                (0, 0.0, 0, 0, 2.0, 1),
            ]],
            flag_threshold: 0.5,
            safe_threshold: 0.9,
            markdown_flag_threshold: 0.5,
            markdown_safe_threshold: 0.9,
        };
        let mut values = [0.0; FEATURE_COUNT];
        assert!(model.probability(&values) < 0.2);
        values[0] = 3.0;
        assert!(model.probability(&values) > 0.8);
    }
}
