//! The word lists the tagger knows: surnames, titles, organizations, places and the words it must
//! not take for a name.
//!
//! Every list is a plain UTF-8 file under `assets/lexicons/` (one entry per line, `#` comments, an
//! optional second and third column separated by spaces or a TAB), embedded in the binary so the
//! program runs with nothing beside it. A user extends them without rebuilding by pointing the
//! environment variable `JIAODUI_LEXICONS` at a folder holding files of the same names: their
//! entries are added to the built-in ones (see `assets/lexicons/README.md`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use crate::i18n::Lang;

/// The environment variable naming a folder of extra lexicon files.
pub const EXTRA_LEXICONS_VAR: &str = "JIAODUI_LEXICONS";

/// A lexicon file: its name under `assets/lexicons/` and its built-in text.
struct LexiconFile {
    name: &'static str,
    text: &'static str,
}

macro_rules! lexicon_file {
    ($name:literal) => {
        LexiconFile {
            name: $name,
            text: include_str!(concat!("../../../assets/lexicons/", $name)),
        }
    };
}

const SURNAMES: LexiconFile = lexicon_file!("surnames.txt");
const TITLES: LexiconFile = lexicon_file!("titles.txt");
const TITLE_QUALIFIERS: LexiconFile = lexicon_file!("title-qualifiers.txt");
const ORGS: LexiconFile = lexicon_file!("orgs.txt");
const ORG_SUFFIXES: LexiconFile = lexicon_file!("org-suffixes.txt");
const ORG_NAME_WORDS: LexiconFile = lexicon_file!("org-name-words.txt");
const PLACES_CHINA: LexiconFile = lexicon_file!("places-china.txt");
const COUNTRIES: LexiconFile = lexicon_file!("countries.txt");
const PLACES_EXTRA: LexiconFile = lexicon_file!("places-extra.txt");
const NOT_PERSONS: LexiconFile = lexicon_file!("not-persons.txt");
const NOT_PLACES: LexiconFile = lexicon_file!("not-places.txt");
const NOT_ORGS: LexiconFile = lexicon_file!("not-orgs.txt");
const PERSON_CUES: LexiconFile = lexicon_file!("person-cues.txt");
const NAME_PARTS: LexiconFile = lexicon_file!("name-parts.txt");

/// The FxHash function: the lexicon is looked up once or more per token of every text, and the
/// keys are short trusted strings, so a fast non-cryptographic hash matters and is safe.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.write_u64(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.hash = (self.hash.rotate_left(5) ^ n).wrapping_mul(SEED);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A set of chars, looked up once or more per token: a bitmap over the Basic Multilingual Plane
/// (where all Chinese characters of common use are) and a sorted list for the rest.
#[derive(Clone, Default)]
pub struct CharSet {
    bits: Vec<u64>,
    others: Vec<char>,
}

impl CharSet {
    /// Adds `c` to the set.
    pub fn insert(&mut self, c: char) {
        let code = c as usize;
        if code < 0x1_0000 {
            if self.bits.is_empty() {
                self.bits = vec![0; 0x1_0000 / 64];
            }
            self.bits[code / 64] |= 1 << (code % 64);
        } else if let Err(at) = self.others.binary_search(&c) {
            self.others.insert(at, c);
        }
    }

    /// Whether `c` is in the set.
    pub fn contains(&self, c: char) -> bool {
        let code = c as usize;
        if code < 0x1_0000 {
            self.bits
                .get(code / 64)
                .is_some_and(|word| word & (1 << (code % 64)) != 0)
        } else {
            self.others.binary_search(&c).is_ok()
        }
    }
}

/// A hash map keyed by lexicon words.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// How large a place is; decides whether its short form may stand alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceLevel {
    /// A province, autonomous region or municipality (河南省, 北京市).
    Province,
    /// A prefecture-level city or a world city (郑州市, 巴黎).
    City,
    /// A county or district (新郑市, 金水区).
    County,
    /// A country or territory (美国).
    Country,
    /// A development zone (高新区): its short form only prefixes an organization.
    Zone,
    /// Any other place: a region, a sea, a river, a mountain.
    Other,
}

impl PlaceLevel {
    fn parse(code: &str) -> PlaceLevel {
        match code {
            "province" => PlaceLevel::Province,
            "city" => PlaceLevel::City,
            "county" => PlaceLevel::County,
            "country" => PlaceLevel::Country,
            "zone" => PlaceLevel::Zone,
            _ => PlaceLevel::Other,
        }
    }
}

/// What the lexicon says about a place word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceWord {
    /// How large the place is.
    pub level: PlaceLevel,
    /// A short form (郑州 for 郑州市) rather than the full name.
    pub short: bool,
}

/// The kind of a core title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// Held in a party, government or public body.
    Public,
    /// Held in a company: the words before it name the company.
    Corporate,
    /// Heads a byline (记者, 通讯员).
    Byline,
}

/// What kind of organization a name ending makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgEnding {
    /// A party, government or public organ (局, 领导小组).
    Organ,
    /// A company (公司, 集团): the name without it is a short form of the company.
    Company,
    /// A company named by its trade (汽车, 科技): the name must hold a proper name.
    Trade,
}

impl OrgEnding {
    /// Whether names with this ending are companies.
    pub fn is_company(self) -> bool {
        matches!(self, OrgEnding::Company | OrgEnding::Trade)
    }
}

/// A part of a personal name that is no Chinese surname.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamePart {
    /// A part of a Tibetan name: two of them make a full name (扎西顿珠).
    Given,
    /// A Japanese family name, before a given name of one or two chars (佐藤健一).
    JapaneseSurname,
}

/// Everything the lexicons say about one word.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordInfo {
    /// A core title, and its kind.
    pub title: Option<TitleKind>,
    /// Belongs to the title after it (副, 办公室).
    pub title_qualifier: bool,
    /// Names an organization on its own (省委, 国务院).
    pub org: bool,
    /// Ends organization names.
    pub org_suffix: Option<OrgEnding>,
    /// A verb that may stand inside an organization name.
    pub org_name_word: bool,
    /// A place of the gazetteer.
    pub place: Option<PlaceWord>,
    /// A two-char surname (欧阳).
    pub compound_surname: bool,
    /// Never a person (明白, 康复).
    pub not_person: bool,
    /// Never a place (上市).
    pub not_place: bool,
    /// Never an organization (上市公司).
    pub not_org: bool,
    /// Shows that the name before it is a person's (表示, 主持).
    pub person_cue: bool,
    /// Shows that the name after it is a person's (选手, 犯罪嫌疑人).
    pub person_cue_before: bool,
    /// A part of a name that no surname list holds.
    pub name_part: Option<NamePart>,
}

/// All lexicons, merged into one word table.
pub struct Lexicons {
    words: FxMap<String, WordInfo>,
    single_surnames: CharSet,
    compound_surnames: FxMap<(char, char), ()>,
    /// First chars of the compound surnames: most chars start none, and are not hashed.
    compound_first: CharSet,
    /// Last chars of organization endings and of titles: most words end with neither, and are
    /// then not looked up again for every ending length.
    org_suffix_last: CharSet,
    title_last: CharSet,
    org_last: CharSet,
    /// The one-char words the lexicons know: other one-char words are not looked up.
    single_chars: CharSet,
    /// First chars of the name parts: most words start with none, and are not looked up.
    name_part_first: CharSet,
    /// A bitmap of (first char, last char) pairs of the words the lexicons know: most words of
    /// a text are in no lexicon, and this tells so without hashing them.
    edge_pairs: Vec<u64>,
    /// Longest org suffix, in chars, to bound suffix look-ups.
    longest_suffix: usize,
    /// Longest title word, in chars.
    longest_title: usize,
}

/// Size of the (first char, last char) bitmap of [`Lexicons`].
const EDGE_PAIR_BITS: usize = 1 << 20;

/// The bit of `word`'s first and last chars in the pair bitmap.
fn edge_pair_bit(word: &str) -> Option<usize> {
    let first = word.chars().next()? as usize;
    let last = word.chars().next_back()? as usize;
    Some((first.wrapping_mul(0x9E37_79B1) ^ last.wrapping_mul(0x85EB_CA77)) % EDGE_PAIR_BITS)
}

/// The longest ending of `word`, at most `longest` chars, for which `find` says something:
/// (its length in chars, what was found).
fn longest_ending<T>(
    word: &str,
    longest: usize,
    find: impl Fn(&str) -> Option<T>,
) -> Option<(usize, T)> {
    let mut best = None;
    for (len, (byte, _)) in word.char_indices().rev().enumerate().take(longest) {
        if let Some(found) = find(&word[byte..]) {
            best = Some((len + 1, found));
        }
    }
    best
}

/// The entries of a lexicon text: the columns of every non-comment line.
pub fn entries(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter_map(|line| {
        let line = line.split('#').next().unwrap_or("").trim();
        (!line.is_empty()).then(|| line.split_whitespace().collect())
    })
}

impl Lexicons {
    /// The built-in lexicons plus those in the folder named by [`EXTRA_LEXICONS_VAR`], if any.
    pub fn load() -> Lexicons {
        let extra = std::env::var_os(EXTRA_LEXICONS_VAR);
        Lexicons::with_extra(extra.as_deref().map(Path::new))
    }

    /// The built-in lexicons plus the files of the same names in `extra` (missing ones are skipped).
    pub fn with_extra(extra: Option<&Path>) -> Lexicons {
        let mut lexicons = Lexicons {
            words: FxMap::default(),
            single_surnames: CharSet::default(),
            compound_surnames: FxMap::default(),
            compound_first: CharSet::default(),
            org_suffix_last: CharSet::default(),
            title_last: CharSet::default(),
            org_last: CharSet::default(),
            single_chars: CharSet::default(),
            name_part_first: CharSet::default(),
            edge_pairs: vec![0; EDGE_PAIR_BITS / 64],
            longest_suffix: 1,
            longest_title: 1,
        };
        let files = [
            SURNAMES,
            TITLES,
            TITLE_QUALIFIERS,
            ORGS,
            ORG_SUFFIXES,
            ORG_NAME_WORDS,
            PLACES_CHINA,
            COUNTRIES,
            PLACES_EXTRA,
            NOT_PERSONS,
            NOT_PLACES,
            NOT_ORGS,
            PERSON_CUES,
            NAME_PARTS,
        ];
        for file in &files {
            lexicons.add_text(file.name, file.text);
            let Some(dir) = extra else {
                continue;
            };
            let path = dir.join(file.name);
            match std::fs::read_to_string(&path) {
                Ok(text) => lexicons.add_text(file.name, &text),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                // The tagger still works with the built-in lists; say which file was left out.
                Err(error) => {
                    let reason = crate::formats::project::io_reason(&error, Lang::from_system());
                    eprintln!(
                        "{}",
                        Lang::from_system().pick(
                            &format!("词表文件 {} 无法读取,已跳过:{reason}", path.display()),
                            &format!(
                                "lexicon file {} could not be read and was skipped: {reason}",
                                path.display()
                            ),
                        )
                    );
                }
            }
        }
        lexicons
    }

    /// Adds the entries of `text`, read as the lexicon file `name`.
    fn add_text(&mut self, name: &str, text: &str) {
        for columns in entries(text) {
            let word = columns[0];
            let second = columns.get(1).copied().unwrap_or("");
            match name {
                "surnames.txt" => {
                    let mut chars = word.chars();
                    match (chars.next(), chars.next(), chars.next()) {
                        (Some(c), None, _) => {
                            self.single_surnames.insert(c);
                        }
                        (Some(a), Some(b), None) => {
                            self.compound_first.insert(a);
                            self.compound_surnames.insert((a, b), ());
                            self.info(word).compound_surname = true;
                        }
                        _ => {}
                    }
                }
                "titles.txt" => {
                    let kind = match second {
                        "corporate" => TitleKind::Corporate,
                        "byline" => TitleKind::Byline,
                        _ => TitleKind::Public,
                    };
                    self.longest_title = self.longest_title.max(word.chars().count());
                    if let Some(last) = word.chars().last() {
                        self.title_last.insert(last);
                    }
                    self.info(word).title = Some(kind);
                }
                "title-qualifiers.txt" => self.info(word).title_qualifier = true,
                "orgs.txt" => {
                    if let Some(last) = word.chars().last() {
                        self.org_last.insert(last);
                    }
                    self.info(word).org = true;
                }
                "org-suffixes.txt" => {
                    self.longest_suffix = self.longest_suffix.max(word.chars().count());
                    if let Some(last) = word.chars().last() {
                        self.org_suffix_last.insert(last);
                    }
                    self.info(word).org_suffix = Some(match second {
                        "company" => OrgEnding::Company,
                        "trade" => OrgEnding::Trade,
                        _ => OrgEnding::Organ,
                    });
                }
                "org-name-words.txt" => self.info(word).org_name_word = true,
                "places-china.txt" | "countries.txt" | "places-extra.txt" => {
                    let level = PlaceLevel::parse(second);
                    self.info(word).place = Some(PlaceWord {
                        level,
                        short: false,
                    });
                    let others = &columns[2.min(columns.len())..];
                    for other in others {
                        // 漾濞县, 大理州 (beside 大理) keep an ending and are full names; 大理 and
                        // 郑州 are short forms.
                        let keeps_ending = other.ends_with(['省', '市', '县', '区', '旗', '盟'])
                            || (other.ends_with('州')
                                && others.iter().any(|o| o != other && other.starts_with(o)));
                        let short = !keeps_ending;
                        let info = self.info(other);
                        if info.place.is_none() {
                            info.place = Some(PlaceWord { level, short });
                        }
                    }
                }
                "not-persons.txt" => self.info(word).not_person = true,
                "not-places.txt" => self.info(word).not_place = true,
                "not-orgs.txt" => self.info(word).not_org = true,
                "person-cues.txt" if second == "before" => {
                    self.info(word).person_cue_before = true;
                }
                "person-cues.txt" => self.info(word).person_cue = true,
                "name-parts.txt" => {
                    if let Some(first) = word.chars().next() {
                        self.name_part_first.insert(first);
                    }
                    self.info(word).name_part = Some(if second == "japanese" {
                        NamePart::JapaneseSurname
                    } else {
                        NamePart::Given
                    });
                }
                _ => {}
            }
        }
    }

    fn info(&mut self, word: &str) -> &mut WordInfo {
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            self.single_chars.insert(c);
        }
        if let Some(bit) = edge_pair_bit(word) {
            self.edge_pairs[bit / 64] |= 1 << (bit % 64);
        }
        self.words.entry(word.to_string()).or_default()
    }

    /// What the lexicons say about `word` (nothing for an unknown word).
    pub fn get(&self, word: &str) -> WordInfo {
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && !self.single_chars.contains(c)
        {
            return WordInfo::default();
        }
        let maybe = edge_pair_bit(word)
            .is_some_and(|bit| self.edge_pairs[bit / 64] & (1 << (bit % 64)) != 0);
        if !maybe {
            return WordInfo::default();
        }
        self.words.get(word).copied().unwrap_or_default()
    }

    /// Whether some name part of `name-parts.txt` starts with `c`.
    pub fn may_start_name_part(&self, c: char) -> bool {
        self.name_part_first.contains(c)
    }

    /// Whether `c` is a single-character surname.
    pub fn is_surname_char(&self, c: char) -> bool {
        self.single_surnames.contains(c)
    }

    /// Length in chars of the surname `chars` starts with (2 for 欧阳, 1 for 王), if any.
    pub fn surname_len(&self, chars: &[char]) -> Option<usize> {
        if chars.len() >= 3
            && self.compound_first.contains(chars[0])
            && self.compound_surnames.contains_key(&(chars[0], chars[1]))
        {
            return Some(2);
        }
        chars
            .first()
            .filter(|c| self.is_surname_char(**c))
            .map(|_| 1)
    }

    /// The longest organization ending of `word`: (its length in chars, its kind).
    pub fn org_suffix_of(&self, word: &str) -> Option<(usize, OrgEnding)> {
        let last = word.chars().next_back()?;
        if !self.org_suffix_last.contains(last) {
            return None;
        }
        longest_ending(word, self.longest_suffix, |ending| {
            self.words.get(ending).and_then(|info| info.org_suffix)
        })
    }

    /// The longest title `word` ends with, when at least one char comes before it.
    pub fn title_suffix_of(&self, word: &str) -> Option<(usize, TitleKind)> {
        let last = word.chars().next_back()?;
        if !self.title_last.contains(last) {
            return None;
        }
        let longest = self
            .longest_title
            .min(word.chars().count().saturating_sub(1));
        longest_ending(word, longest, |ending| {
            self.words.get(ending).and_then(|info| info.title)
        })
    }

    /// Whether `word` may end with an organization named on its own (its last char ends one).
    pub fn may_end_with_org(&self, word: &str) -> bool {
        word.chars()
            .next_back()
            .is_some_and(|c| self.org_last.contains(c))
    }

    /// Whether `word` may end with a title (its last char ends some title).
    pub fn may_end_with_title(&self, word: &str) -> bool {
        word.chars()
            .next_back()
            .is_some_and(|c| self.title_last.contains(c))
    }

    /// Words to add to the segmenter's dictionary so it keeps them whole: organizations, titles,
    /// organization endings and full place names.
    pub fn segmenter_words(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.words.iter().filter_map(|(word, info)| {
            let tag = if info.org {
                "nt"
            } else if info.title.is_some() {
                "nnt"
            } else if info.place.is_some_and(|p| !p.short) {
                "ns"
            } else if info.org_suffix.is_some() && word.chars().count() > 1 {
                "n"
            } else {
                return None;
            };
            (word.chars().count() > 1).then_some((word.as_str(), tag))
        })
    }
}

impl WordInfo {
    /// The lexicon categories of the word, one bit each (see [`Lexicons::categorised_words`]).
    pub fn categories(&self) -> u32 {
        let mut bits = 0u32;
        let mut set = |on: bool, bit: u32| {
            if on {
                bits |= 1 << bit;
            }
        };
        set(self.title == Some(TitleKind::Public), 0);
        set(self.title == Some(TitleKind::Corporate), 1);
        set(self.title == Some(TitleKind::Byline), 2);
        set(self.title_qualifier, 3);
        set(self.org, 4);
        set(self.org_suffix == Some(OrgEnding::Organ), 5);
        set(self.org_suffix == Some(OrgEnding::Company), 6);
        set(self.org_suffix == Some(OrgEnding::Trade), 7);
        set(self.org_name_word, 8);
        if let Some(place) = self.place {
            set(!place.short, 9);
            set(place.short, 10);
            let level = match place.level {
                PlaceLevel::Province => 11,
                PlaceLevel::City => 12,
                PlaceLevel::County => 13,
                PlaceLevel::Country => 14,
                PlaceLevel::Zone => 15,
                PlaceLevel::Other => 16,
            };
            set(true, level);
        }
        set(self.not_person, 17);
        set(self.not_place, 18);
        set(self.not_org, 19);
        set(self.person_cue, 20);
        set(self.person_cue_before, 21);
        set(self.name_part.is_some(), 22);
        set(self.compound_surname, 23);
        bits
    }
}

/// Number of category bits of [`WordInfo::categories`].
pub const CATEGORIES: u32 = 24;

impl Lexicons {
    /// Every word of the lexicons with its category bits, sorted, for matching them in a text.
    pub fn categorised_words(&self) -> Vec<(&str, u32)> {
        let mut words: Vec<(&str, u32)> = self
            .words
            .iter()
            .map(|(w, info)| (w.as_str(), info.categories()))
            .filter(|&(_, bits)| bits != 0)
            .collect();
        words.sort_unstable();
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lexicons_load() {
        let lex = Lexicons::with_extra(None);
        assert!(lex.is_surname_char('张'));
        assert_eq!(lex.surname_len(&['欧', '阳', '修']), Some(2));
        assert_eq!(lex.get("董事长").title, Some(TitleKind::Corporate));
        assert!(lex.get("管委会").org);
        assert_eq!(lex.get("郑州").place.map(|p| p.short), Some(true));
        assert_eq!(
            lex.get("河南省").place.map(|p| p.level),
            Some(PlaceLevel::Province)
        );
        assert_eq!(
            lex.get("美国").place.map(|p| p.level),
            Some(PlaceLevel::Country)
        );
        assert_eq!(
            lex.org_suffix_of("百川畅银公司"),
            Some((2, OrgEnding::Company))
        );
        assert_eq!(lex.org_suffix_of("公安分局"), Some((4, OrgEnding::Organ)));
        assert_eq!(lex.org_suffix_of("长城汽车"), Some((2, OrgEnding::Trade)));
        assert!(lex.get("明白").not_person);
    }

    #[test]
    fn extra_lexicons_extend_the_built_in_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("surnames.txt"), "# mine\n佴\n").unwrap();
        std::fs::write(dir.path().join("orgs.txt"), "星火评审会\n").unwrap();
        // A file that is not UTF-8 is skipped with a message; the rest still loads.
        std::fs::write(
            dir.path().join("titles.txt"),
            [0xB6u8, 0xAD, 0xCA, 0xC2, 0xFF],
        )
        .unwrap();
        let lex = Lexicons::with_extra(Some(dir.path()));
        assert!(lex.is_surname_char('佴'));
        assert!(lex.get("星火评审会").org);
        assert!(lex.is_surname_char('王'));
        assert!(lex.get("董事长").title.is_some());
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let found: Vec<Vec<&str>> = entries("# head\n\n郑州市\tcity\t郑州 # note\n").collect();
        assert_eq!(found, vec![vec!["郑州市", "city", "郑州"]]);
    }
}
