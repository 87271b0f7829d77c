import pytest

from nlp.labels import GPE, ORG
from nlp.lexicon.places import MATCHER
from nlp.lexicon.teams import as_teams, sports_report


def labels(text):
    return {text[e.start:e.end]: e.label for e in as_teams(text, MATCHER.find(text))}


def test_clubs_named_by_city_in_a_match_report_are_org():
    got = labels("上个主场1比1逼平米兰更令人刮目相看。罗马德比战胜拉齐奥，结束了3场不胜。")
    assert got["米兰"] == ORG and got["罗马"] == ORG


def test_the_city_as_a_place_stays_gpe_in_a_match_report():
    got = labels("欧冠决赛将在米兰举行，球迷已经抵达。")
    assert got["米兰"] == GPE


def test_country_is_a_team_only_beside_a_match_word():
    got = labels("切尔西在周中做客意大利时惨败，赛季至今进球不多。")
    assert got["意大利"] == GPE
    got = labels("本赛季英格兰2比0击败意大利，比分无可争议。")
    assert got["意大利"] == ORG


def test_no_sports_report_no_teams():
    assert not sports_report("国务院总理在罗马会见意大利总统。")
    assert labels("国务院总理在罗马会见意大利总统。")["罗马"] == GPE


def test_countries_either_side_of_a_score_are_teams():
    got = labels("在小组赛第3场巴西3-2险胜罗马尼亚一役，他打进一球。")
    assert got["巴西"] == ORG and got["罗马尼亚"] == ORG
    assert labels("今年3月，他访问了巴西和罗马尼亚，参观了世界杯场馆。")["巴西"] == GPE


def test_a_city_before_the_games_it_hosts_stays_a_place():
    got = labels("在１９９２年的巴塞罗那奥运会决赛中，独联体队以７６∶６６战胜了中国队。")
    assert got["巴塞罗那"] == GPE


def test_a_fixture_written_with_vs_names_teams_without_other_sports_words():
    got = labels("6.利物浦vs富勒姆从目前的数据看")
    assert got["利物浦"] == ORG
    assert labels("他在利物浦读书，后来去了都灵。") == {"利物浦": GPE, "都灵": GPE}


def test_a_club_the_model_read_as_a_person_beside_a_match_word(extractor):
    ents = {e.text: e.label_ for e in extractor("拉塔萨雷上上赛季主场输给埃因霍温，随后战胜利物浦。本赛季").ents}
    assert ents["埃因霍温"] == "ORG"


def test_players_beside_a_match_word_outside_club_football_stay_people(extractor):
    ents = {e.text: e.label_ for e in extractor("网球赛季决赛中，费德勒战胜纳达尔夺冠").ents}
    assert ents.get("费德勒") == "PERSON" and ents.get("纳达尔") == "PERSON"


def test_a_chinese_club_is_its_place_and_name_beside_a_match_word():
    got = labels("中超第15轮，武汉三镇主场1比1战平青岛海牛，北京国安客场2比1战胜山东泰山。")
    assert {name: got.get(name) for name in ("武汉三镇", "青岛海牛", "北京国安", "山东泰山")} == \
        {"武汉三镇": ORG, "青岛海牛": ORG, "北京国安": ORG, "山东泰山": ORG}
    assert "武汉" not in got and "泰山" not in got


def test_a_chinese_place_with_a_players_word_stays_a_place():
    got = labels("广东选手主场战胜对手，北京时间3比1，本赛季进球不多。")
    assert got["广东"] == GPE and got["北京"] == GPE


@pytest.mark.parametrize("text,club", [
    ("广州恒大原主教练卡纳瓦罗日前接受意大利媒体采访。", "广州恒大"),
    ("辽宁本钢队长赵继伟当选最有价值球员。", "辽宁本钢"),
])
def test_a_chinese_club_before_a_teams_post_in_any_text(extractor, text, club):
    doc = extractor(text)
    assert (club, "ORG") in [(e.text, e.label_) for e in doc.ents]
    assert not doc._.relations["city_province"]


def test_a_time_word_after_a_place_is_no_club(extractor):
    assert ("北京", "GPE") in [(e.text, e.label_) for e in extractor("北京时间主教练表示").ents]
