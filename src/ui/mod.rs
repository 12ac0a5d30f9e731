//! The workbench window.
