//! Punctuation normalisation (GB/T 15834) as an editor-controlled, previewed, undoable step.
