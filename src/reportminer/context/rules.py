"""The rules that decide a quantity's metric and change, one small function each, in the order they run.

Each rule reads the quantity's ``Site`` (built once) and the ``Draft`` the stages before decided, and
answers with a new draft or passes (None). Within a stage the first rule that answers wins; the order
of the definitions below is that order. See ``rulebook.py`` for the stages and the examples' format.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import regexcache as regex

from ..lexicon import RegionalCues, load_lexicon
from ..segment import clause_end, clause_start, tokenize
from ..types import Kind, Quantity
from .cues import Cues, change_after, change_before, cue_words
from .phrases import (
    compares,
    joined,
    read_left_words,
    same_clause_or_linked,
    strip_leading,
    strip_trailing,
    strip_words,
    subject_of_clause_before,
    subject_of_measure,
    without_leading_verbs,
)
from .lists import bracket_list_items
from .rulebook import BEFORE, METRIC, Trigger, rule
from .site import Draft, Site

NOT_RANK = frozenset(Kind) - {Kind.RANK}
RANK = frozenset({Kind.RANK})


def _direction(word_at: str) -> str:
    return "increase" if word_at.startswith(cue_words().increase) else "decrease"


def _is_verb(tag: str) -> bool:
    return tag.startswith("v") and tag != "vn"


# --- read.change: a change verb around the number -------------------------------------------------

@rule("read.change.push-verb", kinds=frozenset({Kind.PERCENT, Kind.PERCENTAGE_POINT}),
      trigger=Trigger(lambda: _push_verbs()))
def push_verb(site: Site, draft: Draft) -> Draft | None:
    """合共推高通胀率2.5个百分点, 拉低整体升幅0.3个百分点: a verb that pushes the measure named after it, then
    the number, is the number's change (only words, no comma, between the measure and the number)."""
    pushed = _pushed(site)
    return draft._replace(change=_direction(pushed)) if pushed else None


def _pushed(site: Site) -> str:
    """The words from a push verb to the number (推高通胀率, 推升税收至), "" when no push verb is in reach."""
    words = site.text[site.clause[0] : site.q.prefix_start]
    at = max(words.rfind(verb) for verb in _push_verbs())
    return "" if at < 0 or len(words) - at > PUSH_REACH else words[at:]


PUSH_REACH = 12  # the verb, and a measure of up to ten characters between it and the number


@rule("read.change.pushed-to", kinds=NOT_RANK, trigger=Trigger(lambda: _push_verbs()))
def pushed_to(site: Site, draft: Draft) -> Draft | None:
    """推升税收至303亿元: the level a pushed measure reaches (a verb that pushes, the measure, then 至/到 right
    before the number) takes the push's direction."""
    pushed = _pushed(site)
    return draft._replace(change=_direction(pushed)) if pushed.endswith(_to_words()) else None


@cache
def _push_verbs() -> tuple[str, ...]:
    return load_lexicon().schema.change.push_verbs


@rule("read.change.rate-moved", kinds=frozenset({Kind.PERCENT}))
def rate_moved(site: Site, draft: Draft) -> Draft | None:
    """M2年增率下降为3.33%, 年增率由上月底之6.88%下降为5.88%: a rate that is a change by definition, moved to a
    level by a change verb (下降为, 回落至), takes its change by its sign: the verb tells how the rate moved,
    not which way the measure went (a revision, 下修至, keeps the verb's direction)."""
    q, clause = site.q, site.text[site.clause[0] : site.q.prefix_start]
    moved = _moved_to_re().search(clause)
    if not q.value or moved is None or not any(word in clause for word in load_lexicon().words("period", "moved_rates")):
        return None
    if moved.group("verb").endswith(load_lexicon().words("period", "revision_verbs")):
        return None  # (预测第四季经济成长率下修至1.22%: a revision, whose direction the verb tells)
    return draft._replace(change="increase" if q.value > 0 else "decrease")


@cache
def _moved_to_re() -> re.Pattern[str]:
    """A change verb, then 为/至/到, right before the number: the level a change moved something to."""
    verbs = sorted(cue_words().changes, key=len, reverse=True)
    return re.compile(f"(?P<verb>{'|'.join(map(re.escape, verbs))})(?:{'|'.join(map(re.escape, load_lexicon().words('period', 'moved_to_links')))})\\s*\\Z")


@rule("read.change.verb-before", kinds=NOT_RANK)
def verb_before(site: Site, draft: Draft) -> Draft | None:
    """A change verb ends the words before the number (fillers 到, 了, 分别 and qualifiers may stand
    between); a count takes only the verbs that count (新增, 减少)."""
    if site.q.kind == Kind.DURATION and site.text.endswith(_streak_cues(), 0, site.q.prefix_start):
        return None  # (连跌两个月: how long a run of falls lasted, no change of its own)
    found = change_before(site.text, site.lo, site.anchor, cue_words(), site.q.kind == Kind.COUNT)
    if not found and site.lo and site.text.startswith(_to_words(), site.lo) and site.text[site.lo - 1] in "，,":
        # (进一步回落,至3.4%: the clause that opens with 至 is the level the verb before the comma reaches)
        found = change_before(site.text, 0, site.anchor, cue_words(), site.q.kind == Kind.COUNT)
    if found == "increase" and site.q.value < 0:
        found = "decrease"  # (自然增加负5929人, 增长-3.2%: a negative increase is a fall)
    return draft._replace(change=found) if found else None


@rule("read.change.verb-after", kinds=NOT_RANK)
def verb_after(site: Site, draft: Draft) -> Draft | None:
    """从75.6%提升至76.5%: the first number takes the change verb that follows it; so does a percent
    that a change noun follows (保持40%以上的增长)."""
    rate = site.q.kind == Kind.PERCENT or site.q.std_unit == "times"  # (錄得2.3倍升幅: a multiple too)
    found = change_after(site.text, site.anchor, site.q.end, cue_words(), rate)
    return draft._replace(change=found) if found else None


@rule("read.change.reached-after-change", kinds=NOT_RANK - {Kind.PERCENT, Kind.PERCENTAGE_POINT}, needs_previous=True)
def reached_after_change(site: Site, draft: Draft) -> Draft | None:
    """人民币存款减少4.6%，至10月底的8,543亿元: a level that 至 (with its date) opens right after a change told
    in the clause before is the level that change reaches: it takes its direction and what it measures."""
    previous, q = site.previous, site.previous_q
    if previous is None or q is None or not previous.change or q.kind not in (Kind.PERCENT, Kind.PERCENTAGE_POINT):
        return None
    between = site.text[q.end : site.q.prefix_start]
    if not _reached_re().fullmatch(between):
        return None
    return draft._replace(change=previous.change, metric=previous.metric, subject=previous.subject)


@cache
def _reached_re() -> regex.Pattern[str]:
    """A comma, 至 or 到, a date of up to eight characters and 的 (，至10月底的)."""
    to = "|".join(map(regex.escape, _to_words()))
    of = "|".join(map(regex.escape, cue_words().attribute_marker))
    return regex.compile(r"\s*[，,]\s*(?:" + to + r")(?:[^，,。；;、\s]{1,8}(?:" + of + "))?")


@rule("read.change.growth-after-percent", kinds=frozenset({Kind.PERCENT}))
def growth_after_percent(site: Site, draft: Draft) -> Draft | None:
    """保持20%以上的高速增长: a rate of growth of what the clause is about."""
    return draft._replace(change=site.right.growth) if site.right.growth else None


@rule("read.change.listed-after-a-rise", kinds=frozenset({Kind.PERCENT}))
def listed_after_a_rise(site: Site, draft: Draft) -> Draft | None:
    """输往大部分主要目的地的整体出口货值录得升幅，尤其是马来西亚(139.4%)、越南(56%): a rate alone in brackets
    after an item of a list that a rise (升幅) or fall (跌幅) named before it introduces is that change."""
    text, q = site.text, site.q
    if not _alone_in_brackets(text, q) or q.value < 0 or text.startswith(_plus_signs(), q.start):
        return None  # (…均录得跌幅，而衣履(+0.84%)…则上升: a written sign says the change itself)
    rise = max((text.rfind(n, 0, q.prefix_start) for n in cue_words().rise_nouns), default=-1)
    fall = max((text.rfind(n, 0, q.prefix_start) for n in _fall_rates()), default=-1)
    if rise < 0 and fall < 0:
        return None
    return draft._replace(change="increase" if rise > fall else "decrease")


@cache
def _regional() -> RegionalCues:
    return load_lexicon().schema.regional


@cache
def _plus_signs() -> tuple[str, ...]:
    return tuple(sign for sign, meaning in load_lexicon().signs.items() if meaning == "+")


@rule("read.change.sign", kinds=NOT_RANK)
def written_sign(site: Site, draft: Draft) -> Draft | None:
    """家居设备及服务(+11.08%): a number written with a plus sign is a rise; 速递业(-10.6%): one alone in
    brackets with a minus sign is a fall, as is a rate written with the word sign 负 (outside brackets a minus
    may be a level: 气温-5度)."""
    text, q = site.text, site.q
    if text.startswith(_plus_signs(), q.start):
        return draft._replace(change="increase")
    word_sign = q.kind == Kind.PERCENT and not text[q.start].isascii()  # (台湾负百分之二点三: a rate that fell)
    return draft._replace(change="decrease") if q.value < 0 and (_alone_in_brackets(text, q) or word_sign) else None


def _alone_in_brackets(text: str, q: Quantity) -> bool:
    """马来西亚(139.4%), 速递业(-10.6%): the number and its sign are all a bracket holds."""
    return text[q.prefix_start - 1 : q.prefix_start] in _OPENING and text[q.end : q.end + 1] in _CLOSING


@rule("read.change.compared", kinds=NOT_RANK)
def compared(site: Site, draft: Draft) -> Draft | None:
    """较原来预算高4.5%, 较原来预算低331亿元: higher or lower than a base written before it in the clause."""
    w, text, q = _regional(), site.text, site.q
    if not _base_marker_re().search(text, site.clause[0], q.prefix_start):
        return None
    if text.endswith(w.compared_not_after, 0, q.prefix_start):
        return None
    if text.endswith(w.compared_higher, 0, q.prefix_start):
        return draft._replace(change="increase")
    return draft._replace(change="decrease") if text.endswith(w.compared_lower, 0, q.prefix_start) else None


@rule("read.change.compared-after", kinds=NOT_RANK)
def compared_after(site: Site, draft: Draft) -> Draft | None:
    """出口额为300亿元，较上月增加; 目前共57家、338人，较上一期的50家、274人略显增加: a level (and the levels
    listed with it) followed by a clause that compares it with a base and ends on a change verb, with no number
    of its own change, moved as that verb says."""
    m = _compared_after_re().match(site.text, site.q.end)
    if m is None:
        return None
    return draft._replace(change="increase" if m.group("change") in cue_words().increase else "decrease")


@cache
def _compared_after_re() -> regex.Pattern[str]:
    w = cue_words()
    joiners = "".join(w.list_separators)
    verbs = "|".join(map(regex.escape, sorted(w.changes, key=lambda v: (-len(v), v))))  # (a set: sorted fully, so the pattern is the same in every process)
    frames = "|".join(map(regex.escape, _regional().comparison_frames))
    # (the other items of the level's list, a comma, the base with its own figures, the verb, then the clause's end)
    return regex.compile(rf"(?:[{regex.escape(joiners)}][^，,。；;]{{1,12}}?)*[，,]\s*(?:{frames})[^，,。；;]{{0,30}}?"
                         rf"(?P<change>{verbs})(?=[，,。；;]|\Z)")


@rule("read.change.bare-verb", kinds=NOT_RANK)
def bare_verb(site: Site, draft: Draft) -> Draft | None:
    """其中工业增1.0%, (或增12.8万人), 较上月减4.07%: a one-character 增 or 减 right before the number is its
    change (but 新增1万人 counts new additions)."""
    w, text, q = _regional(), site.text, site.q
    if text.endswith(w.compared_not_after, 0, q.prefix_start) or (
            q.kind == Kind.DURATION and text.endswith(_streak_cues(), 0, q.prefix_start)):
        return None  # (连降三个月: a streak's length, no change)
    if text.endswith(w.bare_increase, 0, q.prefix_start):
        return draft._replace(change="increase")
    return draft._replace(change="decrease") if text.endswith(w.bare_decrease, 0, q.prefix_start) else None


@cache
def _streak_cues() -> tuple[str, ...]:
    return load_lexicon().words("time", "streak_cues")


@cache
def _base_markers() -> tuple[str, ...]:
    return load_lexicon().words("period", "base_markers")


@cache
def _base_marker_re() -> re.Pattern[str]:
    """Any base marker: one search of the clause instead of a slice and a test per marker."""
    return re.compile("|".join(map(re.escape, _base_markers())))


@rule("read.change.rate-by-sign", kinds=frozenset({Kind.PERCENT}))
def rate_by_sign(site: Site, draft: Draft) -> Draft | None:
    """整体通胀率为4.4%, 重要民生物资CPI涨幅再次扩大、突破6%，达到6.12%: a rate that is a change by
    definition, named before the number in its clause (or taken so by the number before), takes its
    change by its sign (a negative rate keeps its sign)."""
    q, clause = site.q, site.text[site.clause[0] : site.q.prefix_start]
    named = any(word in clause for word in _regional().change_rates) or _rate_named_around(site.text, q.prefix_start)
    if not q.value or not (named or (site.previous and site.previous.change_rule == "read.change.rate-by-sign")):
        return None
    falls = any(word in clause for word in _fall_rates())  # (本地产品出口跌幅为18.7%: a fall of 18.7%)
    return draft._replace(change="increase" if (q.value > 0) != falls else "decrease")


_COMMA_BREAK = re.compile("[，,；;：:]")


def _rate_named_around(text: str, start: int) -> bool:
    """年增率分别为中国大陆与香港(16.1%)、东协(32.2%): a rate word since the last comma, past the bracket the number
    stands in; 主要国家出口成长率，我国30.9%: or ending the topic that opens the sentence (a topic names, it holds
    no figure: 平均价格录得8.4%的按季跌幅, … is a clause of its own)."""
    breaks = [m.end() for m in _COMMA_BREAK.finditer(text, 0, start)]
    since_comma = text[breaks[-1] if breaks else 0 : start]
    topic = text[: breaks[0] - 1] if breaks else ""
    rates = _regional().change_rates
    return any(word in since_comma for word in rates) or (topic.endswith(tuple(rates)) and not _ANY_DIGIT.search(topic))


_ANY_DIGIT = re.compile(r"\d")


@cache
def _fall_rates() -> tuple[str, ...]:
    return load_lexicon().words("change", "fall_nouns_after")


# --- borrow.change: the change of the number before -----------------------------------------------

@rule("borrow.change.stretch-target", kinds=frozenset({Kind.PERCENT}), needs_previous=True)
def stretch_target(site: Site, draft: Draft) -> Draft | None:
    """增长6%以上、力争达到8%: the stretch target is of the same growth as the number before."""
    previous_q = site.previous_q
    if not (site.same_clause and site.gap and site.previous and not draft.change
            and previous_q is not None and previous_q.kind == Kind.PERCENT):
        return None
    if strip_words(site.gap, cue_words().stretch_words):
        return None
    return draft._replace(change=site.previous.change)


@rule("borrow.change.list", needs_previous=True)
def list_change(site: Site, draft: Draft) -> Draft | None:
    """分别增长6.5%和7%: a number that only a list joiner parts from the one before shares its change
    (but not a total after a change: 净增98万户、突破1900万户)."""
    previous_q, previous = site.previous_q, site.previous
    if not (site.same_clause and not site.gap and previous and previous_q) or draft.change:
        return None
    if _has_prefix_word(site.text, site.q) and not _has_prefix_word(site.text, previous_q):
        return None
    return draft._replace(change=previous.change)


def _has_prefix_word(text: str, q) -> bool:
    """A bound written before the number (超过, 约), not just a typeset space (及 4.08%)."""
    return bool(text[q.prefix_start : q.start].strip())


@rule("borrow.change.level-reached", needs_previous=True)
def level_reached(site: Site, draft: Draft) -> Draft | None:
    """入境旅客按年增加8.7倍至3,221,691人次, 按年录得98.6%升幅至800.6亿元: the level a change reaches, written
    after 至 (and the change noun of the number before), changed as the change did."""
    return _change_of_previous_after(site, draft, _to_words(), tuple(cue_words().growth_nouns))


@rule("borrow.change.restated", needs_previous=True)
def restated(site: Site, draft: Draft) -> Draft | None:
    """較上月底增1萬人或0.14%: the same change told again in another unit shares the change."""
    return _change_of_previous_after(site, draft, load_lexicon().schema.change.restating)


def _change_of_previous_after(site: Site, draft: Draft, words: tuple[str, ...], nouns: tuple[str, ...] = ()) -> Draft | None:
    """The change of the claim before, when only one of ``words`` (after one of ``nouns``) stands between
    the two numbers."""
    previous, previous_q = site.previous, site.previous_q
    if draft.change or not (site.same_clause and previous and previous.change and previous_q):
        return None
    between = site.text[previous_q.end : site.q.prefix_start]
    between = next((between[len(noun) :] for noun in nouns if between.startswith(noun)), between)
    return draft._replace(change=previous.change) if between in words else None


@cache
def _fillers() -> tuple[str, ...]:
    return load_lexicon().words("change", "fillers")


@cache
def _to_words() -> tuple[str, ...]:
    return load_lexicon().words("change", "to_words")


# --- borrow.subject: the subject of the number before ---------------------------------------------

@rule("borrow.subject.list", needs_previous=True)
def list_subject(site: Site, draft: Draft) -> Draft | None:
    """分别增长6.5%和7%: a number that only a list joiner parts from the one before shares its subject."""
    if site.same_clause and not site.gap and site.previous and not draft.subject:
        return draft._replace(subject=site.previous.subject)
    return None


# --- rank.subject: what a standing is of ----------------------------------------------------------

@rule("rank.subject.ranked-follows", kinds=RANK)
def ranked_follows(site: Site, draft: Draft) -> Draft | None:
    """入围全球百强创新集群: what is ranked follows the standing."""
    return draft._replace(subject="") if site.right.phrase else None


@rule("rank.subject.rate-of-before", kinds=RANK, needs_previous=True)
def rate_of_before(site: Site, draft: Draft) -> Draft | None:
    """进出口总额突破万亿元、增速居全国第5位: the growth rate of what the claim before measures."""
    if site.previous and site.previous.metric and draft.subject in cue_words().bare_measures:
        return draft._replace(subject=without_leading_verbs(site.previous.metric) + draft.subject)
    return None


@rule("rank.subject.sibling-measure", kinds=RANK, needs_previous=True)
def sibling_measure(site: Site, draft: Draft) -> Draft | None:
    """工业机器人产量增长35.3%、出口量居全国第2位: a sibling measure of the same subject."""
    w, left = cue_words(), draft.subject
    if not (site.previous and site.previous.metric):
        return None
    if 0 < len(left) <= 3 and left.endswith(w.measure_words + w.measure_endings):
        return draft._replace(subject=subject_of_measure(without_leading_verbs(site.previous.metric), w) + left)
    return None


@rule("rank.subject.counted-before", kinds=RANK, needs_previous=True)
def counted_before(site: Site, draft: Draft) -> Draft | None:
    """9个国家区域医疗中心开诊运营、居全国第2位 → 国家区域医疗中心开诊运营: a standing whose own words only
    say what was done ranks how many of the things the count before it counts had that done."""
    previous, previous_q, left = site.previous, site.previous_q, draft.subject
    if not (left and site.same_clause and previous and previous.metric and previous_q is not None
            and previous_q.kind == Kind.COUNT and previous.metric_rule == "read.metric.right"):
        return None
    if not all(t.tag.startswith("v") for t in tokenize(left)):
        return None  # (its own words name something: 增速居全国第5位)
    return draft._replace(subject=without_leading_verbs(previous.metric) + left)


# --- read.metric: what the number's own words name -------------------------------------------------

@rule("read.metric.streak", kinds=frozenset({Kind.DURATION}))
def streak(site: Site, draft: Draft) -> Draft | None:
    """A streak: what lasted is said on both sides (耕地面积连续4年净增加 → 耕地面积净增加)."""
    w, q, text = cue_words(), site.q, site.text
    if not text.endswith(w.streak_cues, 0, q.prefix_start):
        return None
    left, previous = strip_words(draft.subject, w.streak_cues), site.previous
    if left in w.bare_measures and previous and previous.metric:
        # 地区生产总值突破13万亿元，总量连续35年居全国首位 → 地区生产总值总量…
        left = without_leading_verbs(previous.metric) + left
    if left.endswith(w.figures) and len(left) <= 4:
        left = ""  # 迈上14万亿元新台阶、连续36年居全国首位: the figure of speech is no subject
    between = strip_words(text[site.lo : q.prefix_start], w.streak_cues).strip("、，, ")
    if between.endswith(w.figures) and len(between) <= 4:
        between = ""  # 迈上14万亿元新台阶、连续36年居全国首位: a figure of speech between
    if not left and previous and not between and not text.startswith(w.negations, q.end):
        # 森林覆盖率65.1%，连续47年居全国首位 (but not 我市连续五个季度…, nor 连续十年未发生…, an event of its own)
        left = previous.subject
    return draft._replace(subject=left, metric=left + text[q.end : site.clause[1]].strip())


@rule("read.metric.balance", kinds=frozenset({Kind.MONEY}))
def balance(site: Site, draft: Draft) -> Draft | None:
    """政府经营帐目将由原来预算约30亿元赤字，转为录得513亿元盈余: a deficit or surplus (the noun after the
    amount) is of the account the clause names before it (经营帐目原来预算赤字, 经营帐目盈余); a clause that
    names none keeps the account of the balance before."""
    w, text, q = _regional(), site.text, site.q
    noun = next((n for n in w.balance_nouns if text.startswith(n, q.end)), "")
    if not noun:
        return None
    account, base = _account_before(site)
    previous = site.previous
    if not account and previous and previous.metric_rule == "read.metric.balance":
        account = previous.subject
    return draft._replace(metric=account + base + noun, subject=account) if account else None


def _account_before(site: Site) -> tuple[str, str]:
    """(the account the clause names before 由/将, the base after 由 when it is the original estimate)."""
    w, text, q = _regional(), site.text, site.q
    lo = max(site.clause[0], site.previous_q.end if site.previous_q is not None and site.same_clause else 0)
    words = [t for t in tokenize(text[lo : q.prefix_start], lo) if t.text.strip()]
    cut = next((k for k, t in enumerate(words) if t.text in w.balance_links), None)
    if not cut:
        return "", ""
    start = cut
    while (start > 0 and words[start - 1].tag.startswith(_ACCOUNT_TAGS)
           and words[start - 1].text not in w.balance_owners and words[start - 1].text not in cue_words().lead):
        start -= 1  # (指出政府经营帐目将…: the nouns right before the link, without the government that holds them)
    account = joined(text, words[start:cut])
    after = text[words[cut].end : q.prefix_start].lstrip("".join(w.balance_links))
    base = next((b for b in w.balance_bases if after.startswith(b)), "")
    return account, base


_ACCOUNT_TAGS = ("n", "vn", "j")


@rule("read.metric.right")
def right(site: Site, draft: Draft) -> Draft | None:
    """4所学校已建成 → 学校: what a count counts, a share shares or a standing ranks, right of the number."""
    return draft._replace(metric=site.right.phrase) if site.right.phrase else None


@rule("read.metric.state-word", needs_previous=True)
def state_word(site: Site, draft: Draft) -> Draft | None:
    """建成过江通道4座、在建8座: a bare state or action word borrows the thing counted before."""
    previous, left = site.previous, draft.subject
    if not (previous and previous.metric and site.left_words and len(left) <= 3
            and all(_is_verb(t.tag) for t in site.left_words)):
        return None
    thing = without_leading_verbs(previous.metric)
    return draft._replace(metric=left + thing) if thing and thing != previous.metric else None


@rule("read.metric.event")
def event(site: Site, draft: Draft) -> Draft | None:
    """习近平总书记两次亲临江苏考察: a count of events says what happened after it."""
    return draft._replace(metric=draft.subject + site.happened) if site.happened else None


@rule("read.metric.bracketed")
def bracketed(site: Site, draft: Draft) -> Draft | None:
    """不过夜旅客(1,653,866人次)及留宿旅客(1,567,825人次), 综合消费物价指数(104.10): a number alone in
    brackets, or after a change in them (服装(上升7.6%)), measures the words right before the bracket."""
    text, q, w = site.text, site.q, cue_words()
    # (the closing bracket first: it is one character to look at, and most numbers stand in none; a release
    # may write spaces inside the brackets: 居澳劳动人口( 38.34万人 ))
    close = q.end + len(text[q.end : q.end + 3]) - len(text[q.end : q.end + 3].lstrip(" "))
    if text[close : close + 1] not in _CLOSING or (opening := _bracket_opening(text, q.prefix_start)) is None:
        return None
    lo = clause_start(text, opening)
    previous_q = site.previous_q
    if previous_q is not None and lo <= previous_q.end <= opening:
        lo = previous_q.end  # …(1,653,866人次)及留宿旅客(…): after the number before
    lo = max([lo] + [b for a, b in site.sentence.time_spans if lo <= b <= opening])  # (never back past a date)
    words = list(tokenize(text[lo:opening], lo))
    opener = max((k for k, word in enumerate(words) if word.text in _list_openers()), default=-1)
    words = _without_lead(words[opener + 1 :], w.lead)  # (…的大类有烟酒(+11.08%): the item after 有)
    metric = joined(text, strip_trailing(words, w.trailing)).strip("".join(_CLOSING) + "、，")
    # 甲类(103.67)及乙类(104.68)消费物价指数: the head the list writes once is every item's
    items = bracket_list_items(text, 0, len(text), opening) if opener < 0 else []
    if metric and (examples := _measure_of_examples(text, opening, w)):
        metric = _ALIAS.sub("", metric) + examples  # (尤其是…中国内地（内地）（升9.8%）: 中国内地整体出口货值)
    elif items and metric:
        metric = next((item for item in items if metric in item), metric)
    elif metric:
        metric += _parallel_measure(site, metric)
    return draft._replace(metric=metric, subject=metric) if metric else None


_ALIAS = regex.compile(r"[（(][^（）()0-9]{1,8}(?:[）)]|\Z)")  # 中国内地（内地）: a short name in brackets, no figure


def _measure_of_examples(text: str, opening: int, w: Cues) -> str:
    """输往…的整体出口货值录得升幅，尤其是马来西亚（升139.4%）: items after an example opener are examples of the
    measure the clause before the opener names (the noun after its last 的, before its first verb)."""
    at = max(text.rfind(word, 0, opening) for word in w.example_openers)
    if at < 2 or text[at - 1] not in "，,":
        return ""
    words = []
    for word in tokenize(text[clause_start(text, at - 1) : at - 1]):
        if word.tag.startswith("v") and word.tag != "vn" and words:
            break
        words.append(word.text)
    noun = "".join(words).rpartition(w.attribute_marker[0])[2]
    return noun if noun != "".join(words) else ""


@cache
def _list_openers() -> frozenset[str]:
    return frozenset(load_lexicon().schema.metric_lead.list_openers)


def _without_lead(words: list, lead: frozenset[str]) -> list:
    """(…)及台湾地区旅客(…), 其次为百货公司货品(…): a joiner or a link word (of one or two words) leaves, but
    the place stays: it names the group."""
    while words:
        if words[0].tag == "c" or words[0].text in lead or not words[0].text.strip("".join(_CLOSING)):
            words = words[1:]
        elif len(words) > 1 and words[0].text + words[1].text in lead:
            words = words[2:]
        else:
            break
    return words


def _bracket_opening(text: str, start: int) -> int | None:
    """Where the bracket around a number opens: right before it, or before a change said of what stands
    before the bracket (百货公司货品(零售量上升9.7%)；服装(上升7.6%)), else None."""
    padded = len(text[max(0, start - 3) : start]) - len(text[max(0, start - 3) : start].rstrip(" "))
    if start - padded and text[start - padded - 1] in _OPENING:
        return start - padded - 1
    opening = max(text.rfind(mark, max(0, start - _CHANGE_IN_BRACKET), start) for mark in _OPENING)
    inside = text[opening + 1 : start]
    if opening < 0 or any(c.isdigit() or c in _CLOSING for c in inside):
        return None
    return opening if inside.endswith(tuple(cue_words().changes)) else None


_CHANGE_IN_BRACKET = 8  # characters of a measure and a change word inside the bracket before its number


def _parallel_measure(site: Site, group: str) -> str:
    """留宿旅客的平均逗留时间(2.2日)减少3.2日，不过夜旅客(0.3日)…: a group named alone in brackets after one
    whose measure the claim before says (…的平均逗留时间), in the same unit, has that measure too."""
    previous, previous_q, of = site.previous, site.previous_q, cue_words().attribute_marker[0]
    if previous is None or previous_q is None or previous_q.unit != site.q.unit or of in group:
        return ""
    owner, mark, measure = previous.metric.rpartition(of)
    return measure if mark and owner and measure and not group.endswith(measure) else ""


_OPENING, _CLOSING = "(（", ")）"


@rule("read.metric.left")
def left(site: Site, draft: Draft) -> Draft | None:
    """全年地区生产总值增长5.4%: the words left of the number, cleaned of actors, links and verbs (when a
    borrow.subject or rank.subject rule gave the subject, that rule decided the metric)."""
    if site.time_end and not strip_words(draft.subject, _fillers()):
        return None  # 失业率去年平均在3.2%: a filler alone after the date names nothing (read.metric.before-time)
    return draft._replace(metric=draft.subject, metric_rule=draft.subject_rule) if draft.subject else None


@rule("read.metric.before-time")
def before_time(site: Site, draft: Draft) -> Draft | None:
    """本港经济去年增长2.3%, 财政储备在2022年三月底预计为9,467亿元: nothing stands between the date and the
    number, so what is measured is said before the date."""
    if draft.metric or not site.time_end:
        return None
    span = next((a for a, b in site.sentence.time_spans if b == site.time_end), None)
    previous_q = site.previous_q
    lo = max(site.clause[0], previous_q.end if previous_q is not None and site.same_clause else 0)
    if span is None or span <= lo:
        return None
    metric = joined(site.text, read_left_words(site.text, site.sentence.tokens, lo, span, cue_words()))
    metric = metric.rstrip("".join(cue_words().where_marker))  # (财政储备在2022年…: where, not what)
    return draft._replace(metric=metric, subject=metric) if metric else None


# --- borrow.metric: a neighbour names what the own words do not ------------------------------------

@rule("borrow.metric.comparison", needs_previous=True)
def comparison(site: Site, draft: Draft) -> Draft | None:
    """增长5.7%、高于全国0.3个百分点 → 地区生产总值高于全国: a comparison of what the claim before measures."""
    w, metric, previous = cue_words(), draft.metric, site.previous
    if not (compares(metric, w) and previous and previous.metric and site.previous_q is not None
            and same_clause_or_linked(site.text, site.previous_q, site.clause[0])):
        return None
    before = previous.metric
    if metric.startswith(tuple(w.bare_measures)) and not before.endswith(tuple(w.bare_measures)):
        before = without_leading_verbs(before)  # GDP增长5.4%，增速高于全国… → GDP增速高于全国
    return draft._replace(metric=before if before.endswith(metric) else before + metric)


@rule("borrow.metric.examples")
def examples_before(site: Site, draft: Draft) -> Draft | None:
    """新组建省实验室、产业创新研究院等10家以上: nothing names the count but the examples before 等."""
    w, q, text = cue_words(), site.q, site.text
    if draft.metric or not text.endswith(w.examples_marker, 0, q.prefix_start):
        return None
    words = read_left_words(text, site.sentence.tokens, site.lo, q.prefix_start - 1, w)
    return draft._replace(metric=joined(text, words) + w.examples_marker) if words else None


@rule("borrow.metric.subset", kinds=frozenset({Kind.COUNT}), needs_previous=True)
def subset(site: Site, draft: Draft) -> Draft | None:
    """累计推出259项制度创新成果，其中56项为全国首创: a part of what the claim before counts."""
    w, q, text, previous = cue_words(), site.q, site.text, site.previous
    if draft.metric or not previous:
        return None
    if text[site.clause[0] : q.prefix_start].strip() not in w.subset_words:
        return None
    said = w.subset_predicate_re.match(text, q.end, site.clause[1])
    metric = previous.metric + (said.group(1) if said else "")
    return draft._replace(metric=metric) if metric else None


@rule("borrow.metric.topic-clause")
def topic_clause(site: Site, draft: Draft) -> Draft | None:
    """进出口贸易、批发及零售业的增加价值，在今年次季与上年同期比较实质上升6.1%: a clause that is only the name
    of a measure (no number, ending in a measure word) names what the next clause's number measures, when
    that clause names nothing itself."""
    w, text, c_start = cue_words(), site.text, site.clause[0]
    if draft.metric or site.same_clause or c_start < 2 or text[c_start - 1] not in "，,":
        return None
    lo = clause_start(text, c_start - 1)
    previous_q = site.previous_q
    phrase = text[lo : c_start - 1]
    if (previous_q is not None and previous_q.end > lo) or len(phrase) > 30 or not phrase.endswith(w.measure_heads):
        return None
    metric = joined(text, strip_leading(list(tokenize(phrase, lo)), w))
    return draft._replace(metric=metric, subject=metric) if metric else None


@rule("extend.metric.change-noun", needs_previous=True)
def change_noun(site: Site, draft: Draft) -> Draft | None:
    """本地生产总值…实质上升3.1%，而首季的升幅为3.0%: a rate named by a change noun alone (升幅, 跌幅, 年增率: `rate_nouns`) is the
    change of what the claim before measures."""
    previous = site.previous
    if draft.metric in _regional().rate_nouns and previous and previous.metric:
        return draft._replace(metric=previous.metric)
    return None


@rule("borrow.metric.verb-object-before")
def verb_object_before(site: Site, draft: Draft) -> Draft | None:
    """拟连续几年发行超长期特别国债，…，今年先发行1万亿元 → 发行超长期特别国债: a verb alone before the number
    takes the object it had in an earlier clause of the sentence."""
    verb = draft.metric
    if not (site.left_words and 1 < len(verb) <= 3 and verb == site.left_words[-1].text and _is_verb(site.left_words[-1].tag)):
        return None
    at = site.text.rfind(verb, 0, clause_start(site.text, site.q.prefix_start))
    if at < 0:
        return None
    thing = site.text[at + len(verb) : clause_end(site.text, at + len(verb))]
    if not thing or len(thing) > _OBJECT_REACH or any(ch.isdigit() for ch in thing):
        return None
    return draft._replace(metric=verb + thing)


_OBJECT_REACH = 12  # characters of an object a verb had before: a name, not a clause


@rule("borrow.metric.clause-before")
def clause_before(site: Site, draft: Draft) -> Draft | None:
    """辖内财政收入迈过千亿大关，…: the clause before has no number but names what this one measures
    (GDP增速逐季攀升，上半年3.2%: and the growth it names)."""
    w, q, text, c_start = cue_words(), site.q, site.text, site.clause[0]
    previous_q = site.previous_q
    if draft.metric or site.same_clause or (previous_q is not None and previous_q.end >= c_start - 1):
        return None
    opening = text[c_start : q.prefix_start].strip()
    after_time = text[max(c_start, site.time_end) : q.prefix_start].strip()
    # a clause that only links (，达1330亿元) or only dates its number (，上半年3.2%、前三季度4.4%)
    if not opening or strip_words(after_time, w.trailing + w.value_notes):  # (由上月下修值 15.8%: a note, no subject)
        return None
    metric = subject_of_clause_before(text, c_start, w)
    if not metric:
        return None
    said = text.find(metric, clause_start(text, c_start - 1), c_start)
    rate = text[said + len(metric) : c_start] if said >= 0 else ""
    change = draft.change
    if not change and rate.startswith(tuple(w.changes)):
        change = _direction(rate)
    return draft._replace(metric=metric, change=change)


def _subject_shared_with(site: Site) -> tuple[str, bool]:
    """(the metric a clause that only links shares, whether it is the claim just before's)."""
    w, earlier = cue_words(), site.earlier
    back = len(earlier) - 1
    if not site.same_clause:
        # …564亿元，占计划的100%，同比下降2%: a new clause shares the subject, not the share
        while back > 0 and earlier[back].subject.startswith(w.comparisons):
            back -= 1
    previous = earlier[back]
    # 首次进入全省前十名: the standing of what came before; 新增1000处信号灯联网、累计达8000处: the thing the
    # count before named after it, not just its verb
    from_right = previous.metric and (not previous.metric.startswith(previous.subject)
                                      or previous.metric_rule == "extend.metric.maker-verb")
    metric = previous.metric if from_right and len(previous.subject) <= 3 else previous.subject
    return metric, back == len(earlier) - 1


@rule("borrow.metric.against-base", needs_previous=True)
def against_base(site: Site, draft: Draft) -> Draft | None:
    """税课收入累计实收数3,865亿元，预算达成率13.9%，执行率97.8%，较113年度同期增加39亿元: a change against a
    base, with nothing before the base, is a change of the nearest claim before it in the same unit."""
    if draft.metric:
        return None
    opening = site.text[site.clause[0] : site.q.prefix_start].lstrip()
    if not opening.startswith(_regional().comparison_frames):
        return None
    quantities = site.sentence.quantities
    for j in range(site.index - 1, -1, -1):
        if quantities[j].unit == site.q.unit and site.earlier[j].metric:
            return draft._replace(metric=site.earlier[j].metric)
    return None


@rule("borrow.metric.from-to", needs_previous=True)
def from_to(site: Site, draft: Draft) -> Draft | None:
    """跨部门综合监管事项从39个拓展到91个: the level reached after 从…<verb>到 is a level of what precedes 从;
    the verb between the two numbers says how it changed, not what is measured."""
    previous, previous_q, text = site.previous, site.previous_q, site.text
    if not (site.same_clause and previous and previous.metric and previous_q is not None):
        return None
    if not text.endswith(cue_words().from_words, 0, previous_q.prefix_start):
        return None
    between = text[previous_q.end : site.q.prefix_start].strip()
    to = next((t for t in _to_words() if between.endswith(t)), "")
    verb = between[: len(between) - len(to)]
    if not to or draft.metric not in ("", verb) or not all(_is_verb(t.tag) for t in tokenize(verb)):
        return None  # (占全国份额从14%提升到15.5%: the share the first number is, whole, not its bare subject)
    return draft._replace(metric=previous.metric, subject=previous.subject)


@rule("borrow.metric.restated", needs_previous=True)
def restated_as(site: Site, draft: Draft) -> Draft | None:
    """实际使用外资达到160.6亿美元、折合1148亿元人民币: the same figure told again in another unit measures
    what the figure before measures."""
    previous = site.previous
    if draft.metric in cue_words().restated_as and site.same_clause and previous and previous.metric:
        return draft._replace(metric=previous.metric)
    return None


@rule("borrow.metric.shared-subject", needs_previous=True)
def shared_subject(site: Site, draft: Draft) -> Draft | None:
    """，增长4.2%: a clause that only links shares the subject before it (one that begins with its
    number, ，6组10家…, does not)."""
    w, q, text, c_start = cue_words(), site.q, site.text, site.clause[0]
    shares = site.same_clause or q.kind == Kind.RANK or bool(text[c_start : q.prefix_start].strip())
    if draft.metric or not site.earlier or not shares:
        return None
    metric, just_before = _subject_shared_with(site)
    if w.total_re.match(text, c_start if not site.same_clause else site.lo):
        metric = _running_total(site, metric)
    previous, previous_q = site.earlier[-1], site.previous_q
    if (q.kind == Kind.RANK and previous_q is not None and previous_q.kind == Kind.PERCENT and just_before
            and previous.change == "increase" and metric and not metric.endswith(tuple(w.bare_measures))):
        # 增长6%、在前十经济大省中并列第一: the standing of the growth rate (what follows shares the
        # subject, not its growth rate)
        return draft._replace(subject=metric, metric=metric + w.growth_rate)
    return draft._replace(metric=metric)


_COUNTED_RIGHT = ("read.metric.right", "extend.metric.maker-verb")  # the thing counted named right of the count


def _running_total(site: Site, metric: str) -> str:
    """What a running total after an addition totals: 净增“四上”企业35家，达314家 and 首创制度创新案例新增9个、
    累计达到79个 without 净增/新增; 示范区新推出7项制度创新成果、累计达到161项: the thing the count before
    counted, not what its subject did (but 4个万亿元台阶、达14.2万亿元 totals another thing)."""
    previous, previous_q, q = site.earlier[-1], site.previous_q, site.q
    if (previous.metric_rule in _COUNTED_RIGHT and q.kind == Kind.COUNT and previous_q is not None
            and previous_q.unit == q.unit):
        metric = previous.metric
    return _without_trailing_maker(without_leading_verbs(metric))


def _without_trailing_maker(metric: str) -> str:
    """首创制度创新案例新增 → 首创制度创新案例: a maker verb written after the thing (X新增9个) is no part
    of a running total of it."""
    maker = next((m for m in cue_words().count_makers if metric.endswith(m) and len(metric) > len(m)), "")
    return metric[: len(metric) - len(maker)] if maker else metric


# --- extend.metric and repair.metric --------------------------------------------------------------

@rule("extend.metric.bare-measure", kinds=NOT_RANK, needs_previous=True)
def bare_measure(site: Site, draft: Draft) -> Draft | None:
    """地区生产总值迈上5万亿台阶、五年增量超1.36万亿元: a bare measure of what the claim before measures."""
    previous = site.previous
    if draft.metric in cue_words().bare_measures and previous and previous.metric:
        return draft._replace(metric=without_leading_verbs(previous.metric) + draft.metric)
    return None


@rule("extend.metric.sibling-measure", kinds=NOT_RANK, needs_previous=True)
def sibling_measure_of_list(site: Site, draft: Draft) -> Draft | None:
    """粮食播种面积1530万亩、总产量125亿斤 → 粮食总产量: a measure word alone, listed right after another
    measure of the same thing, is a measure of that thing."""
    w, previous, previous_q = cue_words(), site.previous, site.previous_q
    if draft.metric not in w.measure_words or not (previous and previous.metric and previous_q is not None):
        return None
    if site.text[previous_q.end : site.lo].strip() not in ("", *w.list_joiners) or not site.same_clause:
        return None
    thing = without_leading_verbs(previous.metric)
    owner = subject_of_measure(thing, w)
    if owner == thing or owner.endswith(draft.metric):
        return None
    return draft._replace(metric=owner + draft.metric)


@rule("extend.metric.thresholds", kinds=frozenset({Kind.COUNT}))
def thresholds_crossed(site: Site, draft: Draft) -> Draft | None:
    """地区生产总值连跨两个万亿元台阶 → 地区生产总值万亿元台阶: a count of marks crossed is said of what crossed
    them, the subject before the count."""
    metric = draft.metric
    if draft.metric_rule != "read.metric.right" or not metric.endswith(cue_words().thresholds):
        return None
    subject = without_leading_verbs(draft.subject)  # (after the test: it segments the subject)
    return draft._replace(metric=subject + metric) if subject and subject != metric else None


@rule("extend.metric.topic-head", kinds=NOT_RANK, trigger=Trigger(lambda: _topic_words(), BEFORE))
def topic_head(site: Site, draft: Draft) -> Draft | None:
    """CPI 方面，112年2月我国涨2.43%，欧元区涨8.5%; 主要订单来源地区中，以美国284.5亿美元为首: a place alone as
    the metric takes the measure the sentence's opening topic names once for every place (我国CPI, 美国订单)."""
    head = _topic_head(site)
    if not head:
        return None
    # the number's own words first (；112年3月我国涨2.35%), else the metric a rule before borrowed (美国)
    place = _leading_place(site.text[site.lo : site.q.prefix_start]) or _leading_place(draft.metric)
    if not place or place.endswith(head):
        return None
    return draft._replace(metric=place + head)


# What stands before a sentence's first clause break (compiled once: ``regex.match`` with a pattern string
# looks it up in regex's cache on every call, which cost more than the match, once per claim).
_OPENING_CLAUSE = regex.compile(r"[^，,；;。：:]*")


@lru_cache(maxsize=16)
def _opening_clause(text: str) -> str:
    """What stands before the sentence's first clause break (read once per sentence, not per claim)."""
    return _OPENING_CLAUSE.match(text).group()


def _topic_words() -> list[str]:
    """What ``_topic_head`` needs before the number: a topic marker, or a group word and the last character
    of a group end after it (the one character it strips)."""
    w = _regional()
    return list(w.topic_markers) + [group + end[-1] for group in w.topic_groups for end in w.topic_group_ends]


def _topic_head(site: Site) -> str:
    """The measure a topic opening the sentence names (CPI 方面， → CPI; 主要订单来源地区中， → 订单), or ""."""
    w, text = _regional(), site.text
    opening = _opening_clause(text)
    if len(opening) >= site.q.prefix_start:
        return ""  # (the number stands in the opening clause itself)
    topic = opening.rstrip()
    if topic.endswith(w.topic_markers):
        topic = topic[: -len(next(m for m in w.topic_markers if topic.endswith(m)))].rstrip()
    elif topic.endswith(w.topic_group_ends) and topic[:-1].endswith(w.topic_groups):
        topic = topic[:-1]  # (a one-character end: 中)
        topic = topic[: -len(next(g for g in w.topic_groups if topic.endswith(g)))]
    else:
        return ""
    words = [t for t in tokenize(topic) if t.text.strip()]
    return words[-1].text if words and words[-1].tag in _HEAD_TAGS else ""


_HEAD_TAGS = ("", "n", "nz", "vn", "eng")  # a noun (or a Latin-letter name such as CPI) heads a topic


def _leading_place(phrase: str) -> str:
    """The place names that open ``phrase`` (美国, 中国大陆, 我国) when nothing after them names a measure
    (美国284.5亿美元, 我国涨), else ""."""
    words, w = [t for t in tokenize(phrase) if t.text.strip()], _regional()
    count = 0
    while count < len(words) and (words[count].tag == "ns"
                                  or (words[count].tag == "r" and words[count].text.startswith(w.own_place_heads))):
        count += 1
    rest = words[count:]
    if not count or any(t.tag.startswith("n") or t.tag in ("vn", "eng") for t in rest if not t.text[0].isdigit()):
        return ""
    return "".join(t.text for t in words[:count])



@rule("extend.metric.account")
def account(site: Site, draft: Draft) -> Draft | None:
    """税课收入累计实收数3,865亿元，预算达成率13.9%; 至于非税课收入，…，累计实收数906亿元: a measure of an account
    said bare is of the account the sentence named before it (in a claim's metric, or a topic opening it)."""
    measures = _regional().account_measures
    if draft.metric not in measures:
        return None
    account_named = _topic_account(site.text)
    for earlier in reversed(site.earlier):
        if earlier.metric in measures:
            continue  # (累计实收数 alone names no account)
        measure = next((m for m in measures if earlier.metric.endswith(m) and len(earlier.metric) > len(m)), "")
        if measure and not account_named:
            account_named = earlier.metric[: -len(measure)]
    return draft._replace(metric=account_named + draft.metric) if account_named else None


def _topic_account(text: str) -> str:
    """至于非税课收入，… → 非税课收入: what a topic word that opens the sentence names."""
    lead = next((word for word in _topic_leads() if text.startswith(word)), "")
    topic = _OPENING_CLAUSE.match(text, len(lead)).group() if lead else ""
    return topic if 1 < len(topic) <= 12 else ""


@cache
def _topic_leads() -> tuple[str, ...]:
    return load_lexicon().words("period", "topic_leads")

_MADE = frozenset({Kind.COUNT, Kind.LENGTH, Kind.AREA, Kind.VOLUME, Kind.POWER})  # what a maker verb adds


@rule("extend.metric.maker-verb", kinds=_MADE)
def maker_verb(site: Site, draft: Draft) -> Draft | None:
    """新增5000张家庭养老床位 → 新增家庭养老床位; 新增高新技术企业超6000家、科技型中小企业1.76万家 →
    新增科技型中小企业: a verb that makes or adds the things counted, right before the count or before the
    first item of its 、-list, stays in front of the thing counted (an addition is not a total); so it does
    for lengths and areas made (新建绿道100公里、绿地500公顷 → 新建绿地)."""
    w, metric = cue_words(), draft.metric
    if not metric or metric in w.tiers:
        return None  # (省级: pass.lists.tiers writes the noun)
    maker = _own_maker(site, draft) or _maker_shared_in_list(site)
    if not maker or metric.startswith(maker) or _opens_with_verb(metric):
        return None  # (在建8座 → 在建过江通道: a state word of its own; tested last, since it segments the metric)
    return draft._replace(metric=maker + metric)


def _opens_with_verb(phrase: str) -> bool:
    """建设体彩公益助残点, 新认定省级高层次人才: the phrase says its own action (a verb first, or after a
    one-character modifier such as 新 or 再)."""
    words = tokenize(phrase)
    first_verb = next((k for k, t in enumerate(words[:2]) if _is_verb(t.tag)), None)
    w = cue_words()
    return bool(words) and (phrase.startswith(w.count_makers) or words[0].text in w.work_verbs or first_verb == 0
                            or (first_verb == 1 and len(words[0].text) == 1))


def _own_maker(site: Site, draft: Draft) -> str:
    """The maker verb that ends the words left of a count whose thing is named right of it (改造提升30处…,
    试点组建4个…: the verb, not the manner before it)."""
    if draft.metric_rule != "read.metric.right" or not site.left_words:
        return ""
    # read in the text, not in the cleaned left words (改造提升30处: 提升 alone is a link they drop)
    before = site.text[site.left_words[0].start : site.q.prefix_start].strip()
    makers = cue_words().count_makers
    if not before.endswith(makers):
        return ""  # (one test in C for the common case, a count after no maker)
    maker = next(m for m in makers if before.endswith(m))
    cut = len(before) - len(maker)
    # (a whole word: 惠及 is no 及, 新建成 no 建成 of a word cut in two)
    return maker if maker and any(t.start == cut for t in tokenize(before)) else ""


def _maker_shared_in_list(site: Site) -> str:
    """The maker verb that opens the count before, when only a list joiner parts the two items."""
    previous, previous_q, text = site.previous, site.previous_q, site.text
    if not (previous and previous_q is not None and previous_q.kind in _MADE):
        return ""
    item_start = site.left_words[0].start if site.left_words else site.q.prefix_start
    if not (site.same_clause and text[site.lo : item_start].strip() in _list_joiners()
            or _list_goes_on_after_comma(site, previous.noun_end)):
        return ""
    makers = cue_words().count_makers
    if not any(maker in previous.metric for maker in makers):
        return ""  # (no maker anywhere in it: none can end its verbs, and segmenting it is spared)
    thing = without_leading_verbs(previous.metric)
    verbs = previous.metric[: len(previous.metric) - len(thing)]
    return verbs if verbs.endswith(makers) else ""  # (开工改造城镇老旧小区…、城中村6万户)


def _list_goes_on_after_comma(site: Site, previous_noun_end: int) -> bool:
    """改造提升30处…站点，13处日间照料中心和8处农村幸福院; 引进科创私募基金9家，金融类区域总部2家: a clause that is
    one item of counts alone (the thing counted and its number, nothing before or after them but the next
    item) after a clause that ended with the thing counted before goes on with that list."""
    text, (c_start, c_end) = site.text, site.clause
    item_start = site.left_words[0].start if site.left_words else site.q.prefix_start
    if site.same_clause or text[c_start:item_start].strip() or (site.left_words and site.right.phrase):
        return False
    if any(_is_verb(t.tag) for t in site.left_words + tokenize(site.right.phrase)):
        return False  # (，老楼加装电梯869台; ，197家医院开设体重管理门诊: a clause with a predicate of its own)
    if text[previous_noun_end:c_start].strip() not in _list_joiners():
        return False
    after = text[site.right.noun_end if site.right.phrase else site.q.end : site.right_hi].strip()
    return not after if site.right_hi == c_end else after in _list_joiners()


@cache
def _list_joiners() -> frozenset[str]:
    """What may part two items of one list of counts: 、, 和, 及 … or nothing."""
    return frozenset(("",) + load_lexicon().words("context", "list_joiners"))


@rule("repair.metric.footnote", trigger=Trigger(lambda: cue_words().repair_marks, METRIC))
def footnote(site: Site, draft: Draft) -> Draft | None:
    """地区生产总值[2]: a note's number is no part of the name; nor is a quoted base (比“四经普”)."""
    metric = draft.metric
    if not any(mark in metric for mark in cue_words().repair_marks):
        return None
    repaired = cue_words().quoted_base_re.sub("", cue_words().footnote_re.sub("", metric))
    return draft._replace(metric=repaired) if repaired != metric else None


@rule("repair.metric.note")
def bracketed_note(site: Site, draft: Draft) -> Draft | None:
    """西式早点(如汉堡、三明治)涨8.34%, 其他个人照顾服务(不含医疗看护): a note in brackets that gives examples
    or a scope is no part of the name."""
    has_bracket = _OPENING[0] in draft.metric or _OPENING[1] in draft.metric
    repaired = _note_pattern().sub("", draft.metric) if has_bracket else draft.metric
    return draft._replace(metric=repaired) if repaired != draft.metric and repaired else None


@cache
def _note_pattern() -> regex.Pattern[str]:
    w = _regional()
    openers = "|".join(map(regex.escape, w.note_openers))
    ends = "|".join(map(regex.escape, load_lexicon().words("context", "examples_marker")))
    return regex.compile(rf"[(（](?:(?:{openers})[^()（）0-9]{{0,20}}|[^()（）0-9]{{0,20}}(?:{ends}))[)）]")


@rule("repair.metric.driven")
def driven(site: Site, draft: Draft) -> Draft | None:
    """带动整体服务输出全年显著增长21.2% → 整体服务输出: a verb of driving before a change says what caused
    it, not what changed (带动消费791亿元, with no change, keeps it: the consumption driven is measured)."""
    if not draft.change:
        return None
    verb = next((v for v in cue_words().drivers if draft.metric.startswith(v) and len(draft.metric) > len(v)), "")
    return draft._replace(metric=draft.metric[len(verb):]) if verb else None


@rule("repair.metric.statistical-qualifier")
def statistical_qualifier(site: Site, draft: Draft) -> Draft | None:
    """实质GDP初步统计yoy为1.36%, 零售业总销货价值的临时估计为300亿元: how final a release's figure is (初步统计,
    临时估计, 修订估计…) and a year-on-year marker after it (yoy) are no part of the metric."""
    if not draft.metric.rstrip("\n").endswith(_qualifier_ends()):
        return None  # (the pattern is anchored at the end: a metric that ends in none of its words passes)
    repaired = _qualifier_pattern().sub("", draft.metric)
    return draft._replace(metric=repaired) if repaired != draft.metric and repaired else None


@rule("repair.metric.cause")
def cause(site: Site, draft: Draft) -> Draft | None:
    """政府最终消费支出则由于“生活补贴计划”措施完结而下跌6.4% → 政府最终消费支出: a cause told between what
    changed and its change is no part of the metric."""
    metric, w = draft.metric, load_lexicon().schema.metric
    if not metric.endswith(w.cause_closers):
        return None
    at = max((metric.rfind(opener) for opener in w.cause_openers), default=-1)
    words = strip_trailing(list(tokenize(metric[:at])), cue_words().trailing) if at > 0 else []
    kept = joined(metric, words) if words else ""  # (…则由于: the link before the cause goes too)
    return draft._replace(metric=kept) if kept else None


@rule("repair.metric.class-named", trigger=Trigger(lambda: _regional().class_openers, METRIC))
def class_named(site: Site, draft: Draft) -> Draft | None:
    """价格在11月录得按年升幅的类别为交通上升3.5% → 交通: the class named after the words that introduce it
    (类别为, 大类有) is what the number measures."""
    opener = max((draft.metric.rfind(w) + len(w) for w in _regional().class_openers if w in draft.metric), default=0)
    return draft._replace(metric=draft.metric[opener:]) if 0 < opener < len(draft.metric) else None


@cache
def _qualifier_ends() -> tuple[str, ...]:
    """The words ``_qualifier_pattern`` can end a metric with: a statistical qualifier or a Latin marker."""
    w = _regional()
    return tuple(w.statistical_qualifiers) + tuple(m for m in w.change_rates if m.isascii())


@cache
def _qualifier_pattern() -> regex.Pattern[str]:
    w = _regional()
    qualifiers = "|".join(map(regex.escape, w.statistical_qualifiers))
    # the year-on-year markers written in Latin letters (yoy); 年增率 stays: 外销订单年增率 is a measure
    markers = "|".join(map(regex.escape, (m for m in w.change_rates if m.isascii())))
    of = "|".join(map(regex.escape, cue_words().attribute_marker))  # (零售业总销货价值的临时估计)
    return regex.compile(rf"(?:(?:{of})?(?:{qualifiers}))?\s*(?:{markers})$|(?:{of})?(?:{qualifiers})$")
