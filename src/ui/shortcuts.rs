//! The shortcut sheet (F1, or `?` outside text fields): every keyboard shortcut of the window in
//! the user's language, grouped by task, so the whole workflow can be learnt from it alone.

use crate::i18n::Lang;
use crate::model::Project;

use super::state::Action;

/// One group of the sheet: a heading and `(what, keys)` rows.
pub struct Group {
    pub title: String,
    pub rows: Vec<(String, String)>,
}

/// The sheet's content. Tagging keys come from the project's entity types, so types the editor
/// added appear with their keys.
pub fn groups(project: &Project, lang: Lang) -> Vec<Group> {
    let row = |zh: &str, en: &str, keys: &str| (lang.pick(zh, en).to_string(), keys.to_string());
    let mut types: Vec<_> = project.entity_types.iter().filter(|t| t.key != 0).collect();
    types.sort_by_key(|t| t.key);
    let mut tagging = vec![];
    for ty in types {
        tagging.push((
            format!(
                "{} {}",
                lang.pick("选中文字后标为", "Tag the selection as"),
                lang.pick(&ty.name_zh, &ty.name_en)
            ),
            ty.key.to_string(),
        ));
    }
    tagging.extend([
        row(
            "改类型:选中整个标注后按另一数字键",
            "Change a tag's type: select the whole tag, press another number",
            "1–9",
        ),
        row(
            "删除标注(选中整个标注)",
            "Remove a tag (whole tag selected)",
            "Delete",
        ),
        row(
            "标注末尾伸长 / 缩短一个字",
            "Grow / shrink a selected tag at its end",
            "Shift+→ / Shift+←",
        ),
        row(
            "标注开头伸长 / 缩短一个字",
            "Grow / shrink a selected tag at its start",
            "Alt+Shift+← / Alt+Shift+→",
        ),
        row(
            "列出光标处名称的其他出现",
            "List other occurrences of the name at the cursor",
            "Ctrl+T",
        ),
        row(
            "标注列表中的全部出现(一步,可撤销)",
            "Tag every listed occurrence (one undo step)",
            "Ctrl+Shift+T",
        ),
        row(
            "实体类型(添加日期、会议等)",
            "Entity types (add DATE, MEETING, …)",
            "Ctrl+Shift+E",
        ),
    ]);
    let review = vec![
        row("打开审阅队列", "Open the review queue", "Ctrl+R"),
        row("接受当前建议", "Accept the current suggestion", "Enter"),
        row(
            "拒绝当前建议(不再建议)",
            "Reject it (never suggested again)",
            "Backspace / X",
        ),
        row("上一条 / 下一条", "Previous / next", "↑ ← / ↓ →"),
        row(
            "离开文字框(之后可用上面的键)",
            "Leave the text field (then the keys above work)",
            "Esc",
        ),
    ];
    let registry = vec![
        row(
            "实体登记(合并、改名、职务、备注、提及)",
            "Registry (merge, rename, titles, note, mentions)",
            "Ctrl+E",
        ),
        row("领导名录", "Officials table", "Ctrl+L"),
        row("本篇实体", "Entities of this article", "Ctrl+Shift+L"),
        row(
            "在按钮和输入框间移动 / 按下按钮",
            "Move between buttons and fields / press a button",
            "Tab, Shift+Tab / Space",
        ),
    ];
    let mut structure: Vec<(String, String)> = Action::ALL
        .iter()
        .map(|a| (a.label(lang).to_string(), a.shortcut_text().to_string()))
        .collect();
    structure.push(row(
        "查找,下一个 / 上一个",
        "Find, next / previous",
        "Ctrl+F, F3 / Shift+F3",
    ));
    structure.push(row(
        "查找和替换(全项目)",
        "Find and replace (whole project)",
        "Ctrl+H",
    ));
    let files = vec![
        row(
            "撤销 / 重做",
            "Undo / redo",
            "Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y",
        ),
        row("保存 / 另存为", "Save / save as", "Ctrl+S / Ctrl+Shift+S"),
        row(
            "打开 / 从原始文本新建",
            "Open / new from raw text",
            "Ctrl+O / Ctrl+N",
        ),
        row("快捷键一览", "This sheet", "F1 / ?"),
    ];
    vec![
        Group {
            title: lang.pick("标注", "Tagging").into(),
            rows: tagging,
        },
        Group {
            title: lang.pick("审阅建议", "Reviewing suggestions").into(),
            rows: review,
        },
        Group {
            title: lang.pick("登记表与名录", "Registry and officials").into(),
            rows: registry,
        },
        Group {
            title: lang.pick("结构", "Structure").into(),
            rows: structure,
        },
        Group {
            title: lang.pick("文件与撤销", "Files and undo").into(),
            rows: files,
        },
    ]
}

/// Draws the sheet as a window.
pub fn show(ctx: &egui::Context, open: &mut bool, project: &Project, lang: Lang) {
    // Esc closes the sheet as it closes any dialog (F1 toggles it, see the app's keys).
    if *open && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        *open = false;
    }
    egui::Window::new(lang.pick("快捷键与说明", "Shortcuts and help"))
        .id(egui::Id::unique("shortcut-sheet"))
        .open(open)
        .default_width(620.0)
        .vscroll(true)
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(lang.pick("工作流程", "The workflow")).strong());
            ui.label(lang.pick(
                "1. 在右侧文章中选中人名、职务、机构,按数字键标注;其他出现会列在右下角,可一次全部标注。\n\
                 2. Ctrl+R 打开审阅队列,逐条按 Enter 接受、X 拒绝(先按 Esc 离开文字框)。\n\
                 3. Ctrl+E 打开登记表:同一实体的两种写法用“并入”合并,人物的职务可在此修改。\n\
                 4. Ctrl+L 打开领导名录,可排序、筛选、复制。Ctrl+S 保存。",
                "1. Select a name, title or organization in the article and press its number; other \
                 occurrences are listed at the bottom right, to tag them all at once.\n\
                 2. Ctrl+R opens the review queue: Enter accepts, X rejects (press Esc first to leave \
                 the text field).\n\
                 3. Ctrl+E opens the registry: merge two spellings of one entity with “Merge in”; edit \
                 a person's titles there.\n\
                 4. Ctrl+L opens the officials table: sort, filter, copy. Ctrl+S saves.",
            ));
            ui.add_space(6.0);
            for group in groups(project, lang) {
                ui.heading(&group.title);
                egui::Grid::new(("shortcuts", group.title.clone()))
                    .striped(true)
                    .num_columns(2)
                    .min_col_width(260.0)
                    .show(ui, |ui| {
                        for (what, keys) in group.rows {
                            ui.label(what);
                            ui.monospace(keys);
                            ui.end_row();
                        }
                    });
                ui.add_space(6.0);
            }
            ui.separator();
            ui.label(lang.pick(
                "段落中的橙色竖线是修复过的扫描断行:悬停看原因,点击即可重新拆开。虚线下划线为建议的实体,实色背景为已确认的实体。",
                "Orange bars in paragraphs mark repaired scan breaks: hover for the reason, click to split again. Names with a dashed underline are suggestions; names on a solid background are confirmed.",
            ));
        });
}
