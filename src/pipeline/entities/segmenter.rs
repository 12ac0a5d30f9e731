//! The segmenter the tagger cuts with: jieba's dictionary extended with the lexicons'
//! organizations, titles and full place names, so that it keeps them whole.
//!
//! Building it parses jieba's 350 000-line dictionary into a trie and works out a frequency for
//! each lexicon word, about a tenth of a second: most of a cold start. So the built segmenter is
//! kept as a dictionary image (`Jieba::write_image`, a patch of `vendor/jieba-rs`) in the user's
//! cache folder, named by a checksum of everything that went into it, and the next process reads
//! the image — a few flat arrays, no parsing — instead of building it again. An image that is
//! missing, damaged or made from other lexicons is never read: the segmenter is built as before
//! and a new image written beside the old one's place. Either way it cuts and tags the same.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use jieba_rs::Jieba;
use sha2::{Digest, Sha256};

use super::lexicons::Lexicons;

/// Environment variable naming the folder for the segmenter's image (instead of the user's
/// cache folder); empty, it turns the image off.
pub const CACHE_DIR_VAR: &str = "JIAODUI_CACHE_DIR";

/// Names what the image is built from besides the lexicons: the segmenter's dictionary (the
/// vendored jieba-rs) and how the lexicon words are added. Change it when either changes.
const RECIPE: &str =
    "jieba-rs 0.11.0 default dictionary; lexicon words sorted, frequency suggested";

/// Prefix and suffix of image file names; between them, the checksum.
const PREFIX: &str = "segmenter-";
const SUFFIX: &str = ".img";

/// The segmenter for `lexicons`: read from its image in the cache folder when there is one,
/// built (and its image written) otherwise.
pub fn load(lexicons: &Lexicons) -> Jieba {
    load_in(cache_dir().as_deref(), lexicons)
}

/// [`load`] with the image kept in `dir` (none: always built, nothing written).
pub fn load_in(dir: Option<&Path>, lexicons: &Lexicons) -> Jieba {
    let Some(dir) = dir else {
        return build(lexicons);
    };
    let path = dir.join(format!("{PREFIX}{}{SUFFIX}", checksum(lexicons)));
    if let Some(jieba) = read(&path) {
        return jieba;
    }
    let jieba = build(lexicons);
    // The image only saves time: a folder that cannot be written leaves the segmenter as built.
    let _ = write(&jieba, &path);
    jieba
}

/// jieba's default dictionary with the lexicon words it lacks, added in sorted order because
/// each added word changes the frequencies suggested for the next.
pub fn build(lexicons: &Lexicons) -> Jieba {
    let mut jieba = Jieba::new();
    let mut words: Vec<(&str, &str)> = lexicons
        .segmenter_words()
        .filter(|(word, _)| !jieba.has_word(word))
        .collect();
    words.sort_unstable();
    for (word, tag) in words {
        jieba.add_word(word, None, Some(tag));
    }
    jieba
}

/// Hex SHA-256 (first 16 bytes) of the recipe and of every word the lexicons give the
/// segmenter, with its tag: what decides the built segmenter.
fn checksum(lexicons: &Lexicons) -> String {
    let mut words: Vec<(&str, &str)> = lexicons.segmenter_words().collect();
    words.sort_unstable();
    let mut hash = Sha256::new();
    hash.update(RECIPE.as_bytes());
    for (word, tag) in words {
        hash.update([0]);
        hash.update(word.as_bytes());
        hash.update([1]);
        hash.update(tag.as_bytes());
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The segmenter in the image at `path`, if there is a whole one.
fn read(path: &Path) -> Option<Jieba> {
    let file = File::open(path).ok()?;
    Jieba::read_image(BufReader::with_capacity(1 << 16, file)).ok()
}

/// Writes the image of `jieba` to `path` through a temporary file renamed over it, so that a
/// reader never sees half an image, and removes the images of other checksums from the folder.
fn write(jieba: &Jieba, path: &Path) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    // Unique to the process and the call: two taggers built at once never share a temporary.
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let call = WRITES.fetch_add(1, Ordering::Relaxed);
    let temp = path.with_extension(format!("tmp{}-{call}", std::process::id()));
    let written = File::create(&temp).and_then(|file| {
        let mut out = BufWriter::with_capacity(1 << 16, file);
        jieba
            .write_image(&mut out)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()
    });
    if let Err(error) = written.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(error);
    }
    for entry in std::fs::read_dir(dir)?.flatten() {
        let other = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if other != path && name.starts_with(PREFIX) && name.ends_with(SUFFIX) {
            let _ = std::fs::remove_file(other);
        }
    }
    Ok(())
}

/// The folder for the image: [`CACHE_DIR_VAR`] if set (empty: none), else the platform's cache
/// folder for the user.
fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_VAR) {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        var("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|home| home.join("Library").join("Caches"))
    } else {
        var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|home| home.join(".cache")))
    };
    base.map(|b| b.join("jiaodui"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(jieba: &Jieba, text: &str) -> Vec<(String, String)> {
        text.lines()
            .flat_map(|line| jieba.tag(line, true))
            .map(|t| (t.word.to_string(), t.tag.to_string()))
            .collect()
    }

    #[test]
    fn the_image_cuts_as_the_built_segmenter_and_a_damaged_one_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let lexicons = Lexicons::load();
        let built = build(&lexicons);
        let first = load_in(Some(dir.path()), &lexicons);
        let images: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(images.len(), 1, "one image, no temporary file left");
        let image = &images[0];
        let from_image = read(image).expect("the image written is read back");
        let text = crate::SAMPLE_BULLETIN;
        let expected = cuts(&built, text);
        assert_eq!(cuts(&first, text), expected);
        assert_eq!(cuts(&from_image, text), expected);
        assert_eq!(from_image.has_word("管委会"), built.has_word("管委会"));
        assert_eq!(
            from_image.suggest_freq("高新区管委会"),
            built.suggest_freq("高新区管委会")
        );

        // A damaged image is refused, the segmenter built again and the image rewritten.
        let mut bytes = std::fs::read(image).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x40;
        std::fs::write(image, &bytes).unwrap();
        assert!(read(image).is_none());
        assert_eq!(cuts(&load_in(Some(dir.path()), &lexicons), text), expected);
        assert!(read(image).is_some());

        // Images made from other lexicons are removed when a new one is written.
        let stale = dir.path().join(format!("{PREFIX}0000{SUFFIX}"));
        std::fs::write(&stale, b"old").unwrap();
        std::fs::remove_file(image).unwrap();
        load_in(Some(dir.path()), &lexicons);
        assert!(!stale.exists());
        assert!(image.exists());
    }
}
