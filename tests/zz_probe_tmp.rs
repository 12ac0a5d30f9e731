use jiaodui::pipeline::structure::recover;
fn show(name: &str, text: &str) {
    let s = recover(text);
    eprintln!(
        "=== {name}: {} articles, furniture {:?}",
        s.articles.len(),
        s.furniture
            .iter()
            .map(|f| (f.line, f.rule.clone()))
            .collect::<Vec<_>>()
    );
    for a in &s.articles {
        eprintln!(
            "  K[{}] H[{}] S[{}] B[{}] paras {} joins {:?}",
            a.kicker.text,
            a.headline.text,
            a.subheadline.text,
            a.byline.text,
            a.paragraphs.len(),
            a.paragraphs
                .iter()
                .flat_map(|p| p
                    .joins
                    .iter()
                    .map(|j| (j.upper_line, j.lower_line, j.rule.clone())))
                .collect::<Vec<_>>()
        );
        for p in &a.paragraphs {
            let t: String = p.text.chars().take(20).collect();
            eprintln!("     | {t}");
        }
    }
}
#[test]
fn probe() {
    show(
        "wrapped",
        "高新区召开党工委会议\n本报讯 6月10日，高新区召开党工委(扩大)会议，传\n达学习全省领导干部会议精神，研究贯彻落实意见。\n会议指出，对于省委、市委近期重要会议精神，要学\n明白、悟清楚。学和悟包含四个方面：一是坚持政治\n统领，不断提高政治判断力。\n记者 孙庆辉\n我区举办招聘会\n本报讯 6月5日，我区在人才市场举办专场招聘会，共\n有八十余家企业参会，提供就业岗位两千余个。\n",
    );
    show(
        "indented-wrapped",
        "高新区召开党工委会议\n　　本报讯 6月10日，高新区召开党工委(扩大)会议，传\n达学习全省领导干部会议精神，研究贯彻落实意见。\n　　会议指出，对于省委、市委近期重要会议精神，要学\n明白、悟清楚。学和悟包含四个方面：一是坚持政治\n统领，不断提高政治判断力。\n　　会议强调，要落实。\n记者 孙庆辉\n",
    );
    let sample = jiaodui::SAMPLE_BULLETIN;
    let full: String = sample
        .chars()
        .map(|c| match c {
            ',' => '，',
            '(' => '（',
            ')' => '）',
            ';' => '；',
            ':' => '：',
            c => c,
        })
        .collect();
    show("fullwidth", &full);
    let single: String = sample
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    show("single-newlines", &single);
    let indented: String = sample
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            if l.contains('，') || l.contains(',') || l.contains('。') {
                format!("　　{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    show("indented-sample", &indented);
}
