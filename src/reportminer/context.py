"""What each quantity measures, in which direction it changed, and whether it is a target.

Works on one sentence at a time, with jieba tokens of that sentence for word boundaries. The rules read
left from the number to the start of its clause (the metric, the change verb), or right to the thing a
count counts (4所学校 → 学校).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import cache

import regex

from .lexicon import load_lexicon
from .segment import Token, Tokens, is_word_at, tokenize
from .types import Kind, Quantity

CLAUSE_BREAKS = frozenset("，；。：！？,;:!?（）()")
# One character class for all breaks: a single (reverse) regex search is faster than a find per character.
_NEXT_BREAK = regex.compile("[" + regex.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
_LAST_BREAK = regex.compile("(?r)[" + regex.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
LIST_JOINERS = ("、", "和", "及", "与", "以及", "，")


@dataclass(frozen=True, slots=True)
class Context:
    metric: str
    change: str
    target_cue: bool
    left_metric: str  # the metric read to the left only, for a later claim that shares it
    done_cue: bool = False  # an aspect word in the clause says it has happened: 已, 了
    clause_target_cue: bool = False  # a target word in the number's own clause (数字经济增加值预计达3.4万亿元)


@dataclass(frozen=True, slots=True)
class _Words:
    increase: tuple[str, ...]
    trailing: tuple[str, ...]
    links: tuple[str, ...]  # the link words alone, without change verbs (增速 stays before a rank)
    lead: frozenset[str]
    actor_suffixes: tuple[str, ...]
    counted_nouns: tuple[str, ...]  # names of things that are counted (小区, 园区): never actors
    changes: frozenset[str]
    streak_cues: tuple[str, ...]  # 连续, 历时 …: what makes a duration a streak
    place_suffixes: tuple[str, ...]
    rank_context: tuple[str, ...]
    right_stop_tags: frozenset[str]
    right_stop_words: frozenset[str]
    right_stop_prefixes: tuple[str, ...]
    right_trailing: tuple[str, ...]
    from_words: tuple[str, ...]
    count_verbs: frozenset[str]
    subset_words: frozenset[str]  # 其中: a clause about a part of what came before
    growth_nouns: frozenset[str]  # 增长, 下降 …: change words that can follow a percent as nouns
    comparison_blockers: tuple[str, ...]
    comparison_unblockers: tuple[str, ...]
    event_classifiers: tuple[str, ...]  # 次, 回: counts of events
    noun_suffixes: frozenset[str]  # 点, 站: one-character nouns that end a counted thing
    bare_measures: frozenset[str]  # 增速, 总数 …: a standing of these needs the subject before
    measure_words: tuple[str, ...]  # 增加值, 产量 …: whole words that name a measure
    total_re: regex.Pattern[str]  # 达, 累计达, 总数达 …: a clause that gives a running total
    measure_heads: tuple[str, ...]  # 增加值, 收入 …: heads a list may share
    comparisons: tuple[str, ...]  # 高于, 低于 …: a metric that compares the claim before it
    figures: tuple[str, ...]  # 台阶, 大关 …: figures of speech after a measure
    tiers: tuple[str, ...]  # 国家级, 省级 …: levels of a designation
    bare_measure_words: tuple[str, ...]  # bare_measures, longest first, for startswith
    place_names: frozenset[str]  # 广东, 陕西 …: province-level names without 省
    done_verbs: frozenset[str]  # 完成, 实现: verbs that report a standard measure
    basis_re: regex.Pattern[str]  # 按可比价计算: the basis of a comparison
    dating_words: tuple[str, ...]  # 预计, 全年: words that only date or hedge the number after them
    stretch_words: tuple[str, ...]  # 力争达到: words that set a stretch target after a first one
    change_modifiers: frozenset[str]  # 平均, 年均, 同比: words before a change verb that go with it
    negations: tuple[str, ...]  # 未, 没有: what follows tells of an event that did not happen
    work_verbs: frozenset[str]  # 新建, 改造 …: work done on the things a list names
    magnitude_modifiers: frozenset[str]  # 千亿, 百强 …: a magnitude that classes what is counted (4个千亿县)
    count_noun_trailers: frozenset[str]  # 建设, 投产 …: what is done to the things counted
    aimed_change_re: regex.Pattern[str]  # 的增长目标: a change named as an aim after a percent
    rate_words: tuple[str, ...]  # 增速, 增幅: a growth rate that a standing or streak may be of
    aims: tuple[str, ...]  # 目标, 水平 …: what a percent is set as, after the measure it names
    trailing_re: regex.Pattern[str]  # a link word glued to the end of a word (占比达 → 占比)
    change_re: regex.Pattern[str]  # a change verb, then fillers, at the end of a text
    target_re: regex.Pattern[str]
    change_after_re: regex.Pattern[str]  # a change verb then 至/到 right after a number
    done_re: regex.Pattern[str]  # 已, 已经, 了: what the clause tells has happened
    estimate_re: regex.Pattern[str]  # 预计: an estimate, a target even for a period already over
    measured_against_re: regex.Pattern[str]  # 高出, 完成 … right before a target word: a result, not a plan


_HAN_ONLY = regex.compile(r"\p{Han}+")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _words() -> _Words:
    lex = load_lexicon()
    prefixes = lex.words("qualifier", "prefix_approx") + lex.words("qualifier", "prefix_over") + lex.words(
        "qualifier", "prefix_under"
    )
    increase, decrease = lex.words("change", "increase"), lex.words("change", "decrease")
    trailing = tuple(sorted(set(lex.words("metric", "trailing")) | set(increase) | set(decrease)
                            | set(prefixes), key=len, reverse=True))
    return _Words(
        increase=increase,
        trailing=trailing,
        links=tuple(sorted(lex.words("metric", "trailing"), key=len, reverse=True)),
        lead=frozenset(lex.cues["metric_lead"]["words"]),  # type: ignore[arg-type]
        actor_suffixes=lex.words("metric_lead", "actor_suffixes"),
        counted_nouns=tuple(suffix for suffix, _ in lex.count_nouns if len(suffix) > 1),
        changes=frozenset(increase + decrease),
        streak_cues=lex.words("time", "streak_cues"),
        place_suffixes=lex.words("metric_lead", "place_suffixes"),
        rank_context=lex.words("rank", "context"),
        right_stop_tags=frozenset(lex.cues["metric_lead"]["right_stop_tags"]),  # type: ignore[arg-type]
        right_stop_words=frozenset(lex.cues["metric_lead"]["right_stop_words"]),  # type: ignore[arg-type]
        right_stop_prefixes=tuple(w for w in lex.cues["metric_lead"]["right_stop_words"] if len(w) > 1),  # type: ignore[union-attr]
        right_trailing=lex.words("metric_lead", "right_trailing"),
        from_words=lex.words("change", "from_words"),
        count_verbs=frozenset(lex.cues["change"]["count_verbs"]),  # type: ignore[arg-type]
        growth_nouns=frozenset(lex.words("change", "after_percent")),
        subset_words=frozenset(lex.words("metric", "subset_words")),
        comparisons=lex.words("metric", "comparisons"),
        comparison_blockers=lex.words("metric", "comparison_blockers"),
        comparison_unblockers=lex.words("metric", "comparison_unblockers"),
        event_classifiers=lex.words("metric", "event_classifiers"),
        noun_suffixes=frozenset(lex.words("metric", "noun_suffixes")),
        bare_measures=frozenset(lex.words("metric", "bare_measures")),
        measure_words=lex.words("metric", "measure_words"),
        total_re=regex.compile(r"[、，,\s]*(?:" + _alternation(lex.words("metric", "total_openers")) + ")"),
        measure_heads=lex.words("metric", "measure_heads"),
        figures=lex.words("metric", "figures"),
        tiers=tuple(sorted(lex.words("metric", "tiers"), key=len, reverse=True)),
        bare_measure_words=tuple(sorted(lex.words("metric", "bare_measures"), key=len, reverse=True)),
        place_names=frozenset(lex.words("metric_lead", "place_names")),
        done_verbs=frozenset(lex.words("metric_lead", "done_verbs")),
        dating_words=tuple(lex.cues["status"]["estimate"]) + lex.words("period", "whole_year"),  # type: ignore[arg-type]
        stretch_words=lex.words("status", "stretch"),
        change_modifiers=frozenset(lex.words("change", "modifiers")),
        negations=lex.words("metric", "negations"),
        work_verbs=frozenset(lex.words("metric", "work_verbs")),
        magnitude_modifiers=frozenset(lex.words("metric", "magnitude_modifiers")),
        count_noun_trailers=frozenset(lex.words("units", "count_noun_trailers")),
        rate_words=lex.words("metric", "rate_words"),
        aimed_change_re=regex.compile("的?((?:" + _alternation(increase + decrease) + ")(?:"
                                      + _alternation(lex.words("metric", "aims")) + "))"),
        basis_re=regex.compile(r"按[\p{Han}]{0,6}?(?:" + _alternation(lex.words("metric", "basis_ends")) + ")"),
        aims=lex.words("metric", "aims"),
        trailing_re=regex.compile("(?:" + _alternation(lex.words("metric", "glued")) + r")\Z"),
        change_re=regex.compile("(?P<change>" + _alternation(increase + decrease) + ")(?:"
                                + _alternation(lex.words("change", "fillers") + prefixes) + r"|[ \t\u3000])*\Z"),
        target_re=regex.compile(_alternation(lex.cues["status"]["target"])),  # type: ignore[arg-type]
        done_re=regex.compile(_alternation(lex.cues["status"]["done"])),  # type: ignore[arg-type]
        estimate_re=regex.compile(_alternation(lex.cues["status"]["estimate"])),  # type: ignore[arg-type]
        measured_against_re=regex.compile("(?:" + _alternation(lex.cues["status"]["measured_against"])  # type: ignore[arg-type]
                                          + r")[\p{Han}]{0,2}\Z"),
        change_after_re=regex.compile("(?P<change>" + _alternation(increase + decrease) + ")"),
    )


# How far a clause reaches at most: a "clause" longer than this (a page with no punctuation) is cut,
# so that every look around a number costs a bounded number of steps.
CLAUSE_REACH = 160


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last break, at most CLAUSE_REACH back);
    a short parenthesis inside a name does not break it (中欧（亚）班列)."""
    stop = max(0, pos - CLAUSE_REACH)
    while True:
        found = _LAST_BREAK.search(text, stop, pos)
        if found is None:
            return stop
        cut = found.start()
        if text[cut] in "）)":
            opening = max(text.rfind("（", max(stop, cut - 5), cut), text.rfind("(", max(stop, cut - 5), cut))
            if opening >= 0:
                pos = opening
                continue
        return cut + 1


def clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (at the next break, at most CLAUSE_REACH on)."""
    stop = min(len(text), pos + CLAUSE_REACH)
    while True:
        found = _NEXT_BREAK.search(text, pos, stop)
        if found is None:
            return stop
        cut = found.start()
        if text[cut] in "（(":
            closing = max(text.find("）", cut + 1, min(stop, cut + 6)), text.find(")", cut + 1, min(stop, cut + 6)))
            if closing >= 0:
                pos = closing + 1
                continue
        return cut


def _tokens_in(tokens: Tokens, start: int, end: int) -> list[Token]:
    """The tokens inside [start, end), a token that straddles an edge cut at it (jieba's HMM glues
    words across boundaries we know better: 个省, 等促)."""
    inside = []
    for t in tokens.overlapping(start, end):
        if t.text.isspace():
            continue  # text typeset from PDF: 国内生产总值达 134.9 万亿元 reads as 国内生产总值达134.9万亿元
        if t.start >= start and t.end <= end:
            inside.append(t)
        else:
            lo, hi = max(t.start, start), min(t.end, end)
            inside.append(Token(t.text[lo - t.start : hi - t.start], lo, hi, ""))
    return inside


def _joined(text: str, words: list[Token]) -> str:
    """The text the words span, spaces between them kept (地级及以上城市 PM2.5 平均浓度); words that do not
    follow each other are joined without what stands between (新建改造 + 管网)."""
    if not words:
        return ""
    pieces, start = [], words[0].start
    for before, after in zip(words, words[1:]):
        if text[before.end : after.start].strip():
            pieces.append(text[start : before.end])
            start = after.start
    pieces.append(text[start : words[-1].end])
    return "".join(pieces)


def _strip_trailing(words: list[Token], trailing: tuple[str, ...]) -> list[Token]:
    w = _words()
    changed = False
    while words:
        last = words[-1]
        if last.text in trailing or last.text in "、，的" or (changed and last.text in w.change_modifiers):
            changed = last.text in w.changes  # (最低工资标准平均提高8%: 平均 goes with its verb)
            words = words[:-1]
            continue
        if len(words) > 2 and words[-2].text == "在" and last.tag in ("ns", "s", "f", "n") and len(last.text) <= 3:
            words = words[:-2]  # 社会消费品零售总额在西部率先突破千亿: where, not what
            continue
        if len(words) > 1 and last.tag in ("d", "ad", "vd") and len(last.text) > 1 and words[-2].tag[:1] in ("n", "j", "v"):
            words = words[:-1]  # 民间投资逆势增长2.7%: how it went, not what
            continue
        # a word jieba guessed (no dictionary tag) may have glued a link word on: 占比达 → 占比
        # (also a two-character word jieba's dictionary mistakes for a name: 比达 in 税占比达77.4%)
        glued = w.trailing_re.search(last.text) if last.tag == "" or (
            len(last.text) == 2 and last.tag[:1] == "n") else None  # (下达 is a verb of its own)
        if glued is None or glued.start() == 0:
            break
        words = words[:-1] + [Token(last.text[: glued.start()], last.start, last.start + glued.start(), "")]
    return words


def _is_mark(word: str) -> bool:
    """A bullet or other symbol (●, ■, *) that opens a list item; quotation marks are not (“新三样”)."""
    return not any(ch.isalnum() for ch in word) and not any(ch in "“”‘’\"《》（）()" for ch in word)


def _strip_leading(words: list[Token], w: _Words) -> list[Token]:
    changed = True
    while words and changed:
        changed = False
        first = words[0]
        # (a preposition stays: 为经营主体减负, 向民间资本推介优质项目)
        if (first.text in w.lead or first.text in "、，" or first.tag in ("c", "d", "r", "t") or _is_mark(first.text)
                or first.text in w.figures):  # (…迈上5万亿台阶、五年增量: the figure ends the claim before)
            words, changed = words[1:], True
            continue
        if first.text in "（(":
            close = next((k for k, t in enumerate(words) if t.text in "）)"), None)
            if close is not None:
                words, changed = words[close + 1 :], True  # （下同）完成地区生产总值: a note before the metric
                continue
        if first.text in w.done_verbs and len(words) > 1 and _starts_with_a_term(words[1:], shortest=5):
            # 完成地区生产总值32765亿元: a standard measure is reported, not work done (完成投资 keeps its verb)
            words, changed = words[1:], True
            continue
        if first.text in w.place_names and len(words) > 1 and _starts_with_a_term(words[1:]):
            # 广东地区生产总值 (but 北京证券交易所, 上海机场 are names of their own)
            words, changed = words[1:], True
            continue
        if (len(first.text) >= 3 and first.text.endswith(w.place_suffixes) and not first.text.endswith(w.counted_nouns)
                and len(words) > 1):
            words, changed = words[1:], True  # a place name in one word: 市中区
            continue
        # An actor of several words (中央活力区, 省产业技术研究院) followed by a verb.
        for k in range(min(len(words) - 1, 5)):
            if not words[k].tag[:1] in ("n", "j", ""):
                break  # an actor is a name: 打造城镇建设… begins with a verb
            name = "".join(t.text for t in words[: k + 1])
            rest = words[k + 1 :]
            if rest and rest[0].tag in ("a", "d") and len(rest) > 1:
                rest = rest[1:]  # 新引进
            if (len(name) >= 3 and name.endswith(w.actor_suffixes) and not name.endswith(w.counted_nouns)
                    and rest[0].tag.startswith("v") and len(rest) > 1):  # (老旧小区改造 is no actor)
                words, changed = words[k + 1 :], True
                break
    return words


def _compares(metric: str, w: _Words) -> bool:
    """True when a metric is a comparison or share of what the claim before measures: 高于全国,
    占地区生产总值比重, 增速高于全国 (but 占地面积 is an area)."""
    if metric.startswith(w.bare_measure_words):
        measure = next(m for m in w.bare_measure_words if metric.startswith(m))
        if metric[len(measure):].startswith(w.comparisons):
            return True
    return metric.startswith(w.comparisons) and (
        not metric.startswith(w.comparison_blockers) or metric.startswith(w.comparison_unblockers))


def _starts_with_a_term(words: list[Token], shortest: int = 4) -> bool:
    """True when the words begin with a measure the glossary knows (地区生产总值, 规上工业增加值)."""
    glossary = load_lexicon().glossary
    joined = ""
    for token in words[:4]:
        joined += token.text
        if len(joined) >= shortest and joined in glossary:
            return True  # (a short term such as 机场 may begin a name: 上海机场)
    return False


def _left_words(text: str, tokens, lo: int, hi: int, w: _Words) -> list[Token]:
    """The metric read leftwards: the words of text[lo:hi] cleaned of actors, connectives and links."""
    segment = text[lo:hi]
    action: list[Token] = []
    if "等" in segment:  # 国网山东电力、…等区域性总部企业 → 区域性总部企业
        examples_at = lo
        lo += segment.rindex("等") + 1
        # (but the work done on them stays: 新建改造供水、排水等管网4216公里 → 新建改造管网)
        for token in _strip_leading(_tokens_in(tokens, examples_at, lo), w):
            if token.text not in w.work_verbs:
                break
            action.append(token)
    basis = w.basis_re.search(text, lo, hi) if text.find("按", lo, hi) >= 0 else None
    if basis:
        lo = basis.end()  # 按可比口径下降9.3%, 按可比价计算: the basis of a comparison names nothing measured
    words = _tokens_in(tokens, lo, hi)
    if action and words and words[0].tag[:1] in ("n", "j"):
        words = action + words
    words = _strip_trailing(words, w.trailing)
    words = _strip_leading(words, w)
    return _strip_trailing(words, w.trailing)


def _modifies_count(words: list[Token], number_start: int) -> bool:
    """True when the words right before a count say what kind of thing is counted: a verb with its
    object (推动人工智能产业发展和赋能应用10条措施, 稳经济30项举措), not a verb alone (新增9家, 改造提升30处),
    a clause (育儿补贴惠及124万名) or the item before in a list (…示范村、5个)."""
    phrase = "".join(t.text for t in words)
    return (len(words) >= 2 and words[-1].end == number_start and words[0].tag[:1] in ("v", "a")
            and any(t.tag[:1] in ("n", "j") for t in words[1:]) and "、" not in phrase and len(phrase) <= 20
            and words[-1].text not in _words().lead)  # (完成全省1000所: 全省 is a scope, not a kind)


def _right_phrase(text: str, tokens, lo: int, hi: int, w: _Words, counted: bool, last_in_clause: bool,
                  next_follows: bool = False, verb_first_ok: bool = False) -> str:
    """The noun phrase right after a quantity: 4所学校已建成 → 学校; 1000亩森林生态修复与保护.

    After a count it names the thing counted and ends at the first predicate; after a measure
    (1.7万余米河道清淤疏浚) it names the activity measured and runs to the end of the clause.
    """
    words = _tokens_in(tokens, lo, hi)
    if counted and len(words) > 1 and words[0].text == "的":
        words = words[1:]  # 超80%的省科技攻坚项目
    if not words:
        return ""
    first = words[0]
    if first.text[:1] in "（(" :
        return ""  # 760亿元（含港务区）: a note, not what is measured
    if first.text in w.right_stop_words or first.text in "、，" or (first.tag in w.right_stop_tags and not (
            counted and (first.tag == "d" or first.text in w.magnitude_modifiers))):
        # (after a count an adverb or a magnitude may begin what is counted: 1.2万户相对集中居住农户,
        # 4个千亿县)
        return ""
    if first.tag.startswith("v") and first.tag != "vn" and (not counted or first.text in w.changes):
        return ""  # (but after a count a verb may begin the name of what is counted: 35个对接…建设重点平台)
    taken: list[Token] = []
    quoted = False
    for n, token in enumerate(words):
        if token.text in "“”":
            quoted = token.text == "“"
        elif quoted:
            pass  # a name in quotation marks is read whole: “跑起来”示范场景
        elif token.text == "、" and taken and last_in_clause and n + 1 < len(words):
            pass  # 20个机关、企事业单位附属空间: a list of what is counted (no other number follows)
        elif token.text in "、，":
            break
        elif counted and taken and token.text in w.noun_suffixes:
            pass  # 起降点, 充电站: a one-character noun jieba reads as a numeral or classifier
        elif counted and taken and token.text in w.measure_words:
            break  # 17个重点传统制造业增加值增长5.3%: the count counts industries, the rest is a measure of them
        elif counted and taken:
            if token.text in w.right_stop_words or token.tag in w.right_stop_tags or (
                    len(token.text) > 2 and token.text.startswith(w.right_stop_prefixes)):
                break  # 全面完成, 基本建成: a predicate jieba keeps as one word
            rest = words[n + 1 :]
            if token.tag.startswith("v") and rest and all(t.tag[:1] in ("v", "d", "a") or t.text in "、，" for t in rest):
                break  # a predicate that ends the clause: 重点项目加快建设, 示范村建设完成
            if token.tag.startswith("v") and token.tag != "vn" and not rest:
                break
            if (token.tag.startswith("v") and token.tag != "vn" and rest and rest[0].tag.startswith("v")
                    and rest[0].text in w.right_stop_words):
                break  # 2款创新药集中获批上市: a verb right before a predicate says how it happened
            if (token.tag.startswith("v") and token.tag != "vn" and rest and len(taken) >= 1
                    and _joined(text, taken).endswith(w.counted_nouns) and not text.startswith("的", token.end)
                    and not _joined(text, rest).rstrip("。，；、").endswith(w.counted_nouns)):
                # 44个国家部委制定配套支持文件: after the noun counted, a verb begins the predicate (but
                # 11.2万个高校毕业生就业岗位, 14处学校幼儿园新建、改扩建工程 name what is counted at their end)
                break
        taken.append(token)
        if counted and next_follows and token.text.endswith(w.counted_nouns):
            break  # 8条内部路网通车里程达15公里: the count's noun ends at 路网, the rest is the next metric
    while counted and len(taken) > 1 and taken[-1].tag in ("d", "ad", "a"):
        taken.pop()  # 51项川渝通办事项高效实施: how it is done, not what is counted
    if (counted and len(taken) > 1 and taken[-1].text in w.count_noun_trailers
            and _joined(text, taken[:-1]).endswith(w.counted_nouns)):
        taken.pop()  # 600个以上亿元级工业项目建设: what is done to the things counted
    # (a generic noun stays as the head of a two-word name: 168项改革任务)
    while taken and ((taken[-1].text in w.right_trailing and not (counted and len(taken) == 2))
                     or taken[-1].text == "、"):
        taken.pop()
    phrase = _joined(text, taken)
    ends_in_noun = bool(taken) and taken[-1].tag[:1] in ("n", "j")
    if taken and first.tag.startswith("v") and first.tag != "vn" and not phrase.endswith(
            w.counted_nouns + tuple(w.noun_suffixes)) and not (verb_first_ok and ends_in_noun):
        return ""  # 连续3次获全国先进典型: a predicate, not the name of what is counted
    return phrase


def _change_before(text: str, lo: int, hi: int, w: _Words, counted: bool) -> str:
    """The direction of a change verb that ends the text before the number (fillers such as 到, 了,
    分别 and prefix qualifiers may stand between), if any."""
    m = w.change_re.search(text, max(lo, hi - 24), hi)
    if m is None:
        return ""
    word = m.group("change")
    if counted and word not in w.count_verbs:
        return ""
    return "increase" if word in w.increase else "decrease"


def _change_after(text: str, start: int, pos: int, w: _Words, percent: bool = False) -> str:
    """从75.6%提升至76.5%: the first number takes the change verb that follows it; so does a
    percent that the change word follows (保持40%以上的增长)."""
    if percent:
        m = w.change_after_re.match(text, pos + (text.startswith("的", pos)))
        if m is not None and m.group("change") in w.growth_nouns:
            return "increase" if m.group("change") in w.increase else "decrease"
    if not text.endswith(w.from_words, 0, start):
        return ""
    m = w.change_after_re.match(text, pos)
    if m is None:
        return ""
    return "increase" if m.group("change") in w.increase else "decrease"


def _split_list(phrase: str, count: int) -> list[str] | None:
    """规上工业增加值、规上服务业营收 → two items; 城镇居民、农村居民人均可支配收入 shares a head.

    Items are cut at 、 first (金融业、软件和信息服务业增加值 keeps 软件和信息服务业 whole), then also at
    和/及/与. The head shared by all items sits at the end of the last one: after the word the first
    item ends with (居民), else the longest glossary term it ends with (进出口总额), else after as many
    characters as the first item has (城镇、农村常住居民…)."""
    fused = next((word for word in _fused_pairs() if word in phrase), None)
    if fused and "、" not in phrase and count == len(_fused_pairs()[fused]):
        # 本外币存贷款余额分别为38.7万亿元、29.9万亿元: one word names both items
        return [phrase.replace(fused, part, 1) for part in _fused_pairs()[fused]]
    for separators in (("、",), ("、", "和", "及", "与")):
        items = [p for p in _split_on(phrase, separators) if p]
        if len(items) == count:
            break
    else:
        return None
    first, last = items[0], items[-1]
    ordinal = _ORDINAL_HEAD.match(last)
    if ordinal and all(_ORDINAL_ITEM.fullmatch(item) for item in items[:-1]):
        # 第一、第三产业增加值, 第一、二、三产业: ordinals that share the noun after the last one
        return [("" if item.startswith("第") else "第") + item + last[ordinal.end():] for item in items[:-1]] + [
            last if last.startswith("第") else "第" + last]
    # (a last item no longer than the first may still carry a head after the word they share:
    # 信息传输软件和信息技术服务业、租赁和商务服务业增加值)
    if len(last) > len(first) + 1 or (len(first) >= 3 and first[-2:] in last[:-1]):
        anchor = first[-2:] if first[-2:] in last else first[-1:]
        cut = last.find(anchor)
        if last.startswith(first):
            # 工业、制造业、工业技改投资: the last item names a part of the first; only the measure is shared
            measure = next((h for h in sorted(_words().measure_heads, key=len) if last.endswith(h) and len(h) > 1), "")
            head_at = len(last) - len(measure)
        elif cut >= 0:
            head_at = cut + len(anchor)
        else:
            glossary = load_lexicon().glossary
            term = next((last[i:] for i in range(1, len(last) - 1) if last[i:] in glossary), None)
            parallel = len(items[-2])  # (the item before the last is a whole parallel part: 智能家电、智能手机限上…)
            head_at = len(last) - len(term) if term else _word_boundary_from(last, parallel)
            rest = last[:head_at]
            if term and parallel < len(rest) <= 2 * parallel and _HAN_ONLY.fullmatch(rest):
                # 城镇、农村常住居民…: the words after the parallel part are shared too (cut at a word
                # boundary: 制造业、普惠小微贷款余额 → 制造业 + 贷款余额, not 微贷款余额)
                head_at = _word_boundary_from(last, parallel)
        head = last[head_at:]
        if head and head.endswith(_words().measure_heads):
            items = [item + head for item in items[:-1]] + [last]
    elif len(first) >= len(last) + 3:
        items = _leading_modifier_shared(items, _words())
    else:
        # 集成电路、汽车零配件、锂电池出口: a measure word that ends only the last item is shared by all
        heads = [h for h in _words().measure_heads if len(h) > 1 and last.endswith(h) and len(last) > len(h)]
        head = max(heads, key=len, default="")
        if head and not any(item.endswith(_words().measure_heads) for item in items[:-1]):
            items = [item + head for item in items[:-1]] + [last]
    return items


@cache
def _fused_pairs() -> dict[str, list[str]]:
    return load_lexicon().cues["metric"]["fused_pairs"]  # type: ignore[return-value]


# Ordinals listed before a shared noun: 第一、第三产业增加值.
_ORDINAL_ITEM = regex.compile(r"第?[一二三四五六七八九十]")
_ORDINAL_HEAD = regex.compile(r"第?[一二三四五六七八九十]")

# A count in Chinese numerals closing a list's subject: 三个行政区, 两大产业.
_ENUMERATION_AT_END = regex.compile(r"[两二三四五六七八九十]+[个大家所项类座条][\p{Han}]{1,6}$")


def _split_list_before_fenbie(phrase: str, count: int) -> list[str] | None:
    """能耗、排放强度分别约为全国平均: the list is before 分别; what follows it is said of every item
    (能耗约为全国平均, 排放强度约为全国平均)."""
    subject, marker, tail = phrase.partition("分别")
    if not marker or not subject:
        return _split_list(phrase, count)
    enumeration = _ENUMERATION_AT_END.search(subject)
    if enumeration and len(subject) > enumeration.end() - enumeration.start():
        subject = subject[: enumeration.start()]  # 香洲、金湾和斗门三个行政区: the count names the list
    w = _words()
    for word in sorted(w.lead, key=len, reverse=True):
        if tail.startswith(word) and len(tail) > len(word):
            tail = tail[len(word) :]  # 分别实现地区生产总值 → 地区生产总值
            break
    items = _split_list(subject, count)
    return [item + tail for item in items] if items else None


def _subject_of_measure(phrase: str, w: _Words) -> str:
    """工业机器人产量 → 工业机器人: a metric without the measure word that ends it."""
    words = tokenize(phrase)
    if len(words) > 1 and (words[-1].text in w.measure_words or words[-1].text.endswith(("量", "额", "数", "率"))):
        # (a one-character measure jieba split off belongs to the word before it: 受理|数)
        cut = words[-2].start if len(words[-1].text) == 1 and len(words) > 2 else words[-1].start
        return phrase[:cut]
    return phrase


def _leading_modifier_shared(items: list[str], w: _Words) -> list[str]:
    """生产安全事故起数、死亡人数 → …、生产安全事故死亡人数: a short later item that is only a measure
    takes the modifier the first item puts before its own measure."""
    first = items[0]
    modifier = _subject_of_measure(first, w)
    if modifier == first or not modifier:
        return items
    return [items[0]] + [item if len(item) > 4 or item.startswith(modifier) or not item.endswith(w.measure_heads)
                         else modifier + item for item in items[1:]]


def _without_leading_verbs(phrase: str) -> str:
    """建成过江通道 → 过江通道: the noun phrase after the verbs that open ``phrase``."""
    words = tokenize(phrase)
    k = 0
    while k < len(words) and words[k].tag.startswith("v") and words[k].tag != "vn":
        k += 1
    return phrase[words[k].start :] if 0 < k < len(words) else phrase


def _word_boundary_from(phrase: str, at: int) -> int:
    """The first boundary between jieba's words of ``phrase`` at or after ``at``."""
    for token in tokenize(phrase):
        if token.end >= at:
            return token.end
    return len(phrase)


def _split_on(text: str, separators: tuple[str, ...]) -> list[str]:
    parts = [text]
    for sep in separators:
        parts = [piece for part in parts for piece in part.split(sep)]
    return parts


def _target_cues(text: str, w: _Words) -> list[int]:
    """Where the sentence's target words (将, 要, 力争, 目标 …) stand, each a word of its own."""
    return [m.start() for m in w.target_re.finditer(text)
            if (len(m.group()) > 1 or is_word_at(text, m.start(), m.group()))
            and not w.measured_against_re.search(text, max(0, m.start() - 6), m.start())]


def _has_target_cue(cues: list[int], end: int) -> bool:
    """A target word within reach before ``end``."""
    i = bisect.bisect_left(cues, end)
    return i > 0 and cues[i - 1] >= end - 4 * CLAUSE_REACH


def annotate(text: str, tokens: Tokens, quantities: list[Quantity], time_spans: list[tuple[int, int]],
             base_starts: list[int] = ()) -> list[Context]:
    """Metric, change and target cue for every quantity of one sentence.

    ``time_spans`` are the (start, end) of the sentence's time expressions: a metric never reaches
    back past one (2024年计划开工项目36个 → 开工项目), except the dates of a from→to change
    (地区生产总值从2011年的1091亿元增加到2016年的1650亿元), which it reads around. ``base_starts``
    are where comparison bases start: a metric stops before one (死亡人数比2020年下降 → 死亡人数).
    """
    time_ends = [end for _, end in time_spans]
    w = _words()
    results: list[Context] = []
    previous_end = consumed_end = 0
    cues = _target_cues(text, w)
    estimate = w.estimate_re.search(text)
    # (only one that heads the sentence, after at most a date: 2022年预计实现…; 数字经济增加值预计达…，
    # …比重达66.1% is an estimate of its own clause only)
    opening_estimate = bool(estimate) and estimate.start() <= _ESTIMATE_REACH and not any(
        ch in "，；,;：:" for ch in text[: estimate.start()])
    for index, q in enumerate(quantities):
        c_start = clause_start(text, q.prefix_start)
        c_end = clause_end(text, q.end)
        prev = quantities[index - 1] if index else None
        same_clause = prev is not None and prev.end > c_start
        lo = max(c_start, previous_end, consumed_end) if same_clause else c_start
        anchor = q.prefix_start
        if q.kind == Kind.RANK:
            anchor = q.start
        before = bisect.bisect_right(time_ends, q.prefix_start)
        if before:
            time_start, time_end = time_spans[before - 1]
            if _dates_a_change(text, time_start, time_end, q.prefix_start, w):
                anchor = time_start  # 增加到2016年的1650亿元: the words before the date say what changed
            else:
                lo = max(lo, time_end)
        # (预计全年 between list items only dates the next one: 上半年3.2%、预计全年5%左右)
        gap = _strip_words(text[lo:anchor].strip("、，和及与 "), w.dating_words)
        change = ""
        if q.kind != Kind.RANK:
            counted = q.kind == Kind.COUNT
            change = _change_before(text, lo, anchor, w, counted) or _change_after(text, anchor, q.end, w, q.kind == Kind.PERCENT)
        # Text between the previous number and this one is only a list joiner: the list shares the
        # previous number's metric and change (分别增长6.5%和7%).
        next_q = quantities[index + 1] if index + 1 < len(quantities) else None
        right_hi = min(c_end, next_q.prefix_start) if next_q else c_end
        first_base = bisect.bisect_left(base_starts, lo)
        metric_hi = base_starts[first_base] if first_base < len(base_starts) and base_starts[first_base] < anchor else anchor
        left_words = _left_words(text, tokens, lo, metric_hi, w)
        left = _joined(text, left_words).strip("、，")
        if "比" in left:
            left = _QUOTED_BASE.sub("", left)
        if q.kind == Kind.RANK:
            left = _strip_rank_context(left, w).strip("、，")
            if left and left not in w.bare_measures and all(t.tag.startswith("v") and t.tag != "vn" for t in tokenize(left)):
                left = ""  # 9个国家区域医疗中心开诊运营、居全国第2位: what stands 2nd is what came before
        if q.kind in (Kind.RANK, Kind.DURATION) and left:
            rate = text.find(left, lo, metric_hi) + len(left)
            if text.startswith(w.rate_words, rate):
                # 规模以上工业增加值增速连续30个月居全国前10位: the standing is of the growth rate
                left += next(word for word in w.rate_words if text.startswith(word, rate))
        right = ""
        noun_end = q.end
        # 八成以上财政资金用于民生; 设置2%的CPI涨幅目标 (only a verb on the left: what is measured follows 的)
        percent_names_right = q.kind == Kind.PERCENT and (not left or (
            text.startswith("的", q.end) and all(t.tag.startswith("v") for t in left_words)))
        if q.kind not in (Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.RANK, Kind.DURATION) or q.unit == "强" or (
                percent_names_right):
            # what is counted, shared or ranked (入围全球百强创新集群), up to its predicate
            noun_only = q.kind in (Kind.COUNT, Kind.PERCENT) or q.unit == "强"
            next_follows = (next_q is not None and right_hi == next_q.prefix_start and right_hi < c_end
                            and not any(ch in "、，；" for ch in text[q.end : right_hi]))
            right = _right_phrase(text, tokens, q.end, right_hi, w, noun_only, right_hi == c_end, next_follows)
            only_verbs = all((t.tag.startswith("v") and t.tag != "vn") or t.tag[:1] in ("d", "a")
                             for t in left_words)  # (精准帮扶7.2万名就业困难人员: manner and action only)
            if not right and (not left or only_verbs) and noun_only and q.unit not in w.event_classifiers:
                # 34款创新药械获批上市: with nothing on the left, a verb may begin the name of what is counted
                right = _right_phrase(text, tokens, q.end, right_hi, w, noun_only, right_hi == c_end, next_follows,
                                      verb_first_ok=True)
            if (right.endswith(w.figures) and (not noun_only or len(right) <= 3)) or right.startswith(w.figures):
                right = ""  # 跃上1.4万亿斤新台阶, 迈过千亿大关(的地区): what is measured is on the left
            if right in w.aims:
                right = ""  # 城镇新增就业45万人以上的目标: the aim names nothing; what is measured is on the left
            aimed = w.aimed_change_re.match(text, q.end) if q.kind == Kind.PERCENT and not right else None
            if aimed and percent_names_right:
                right = aimed.group(1)  # 确定4.5%左右的增长目标: a growth target
            if q.kind == Kind.PERCENT and right:
                stripped = _strip_words(right, w.aims)  # 2%的CPI涨幅目标 → CPI涨幅
                right = stripped if stripped and stripped not in w.changes else right  # (4.5%左右的增长目标)
                manner_at = q.end + (1 if text.startswith("的", q.end) else 0)
                said = next((manner_at + k for k in (1, 2) if text.startswith(tuple(w.changes), manner_at + k)), None)
                if said is not None:
                    # 保持20%以上的高速增长: a rate of growth of what the clause is about
                    change = change or ("increase" if text.startswith(w.increase, said) else "decrease")
                    right = ""
            noun_end = q.end + len(right)
            if right and text.startswith(w.measure_words, noun_end):
                noun_end = q.end  # 17个重点传统制造业增加值增长5.3%: the noun is also the subject of the measure
            if right and q.kind == Kind.COUNT and _modifies_count(left_words, q.prefix_start):
                right = left + right  # 稳经济30项举措 → 稳经济举措
        happened = ""
        if q.kind == Kind.COUNT and q.unit in w.event_classifiers and not right:
            happened = text[q.end : right_hi].strip("、，和 ")
            if 0 < len(happened) <= 16:
                noun_end = right_hi  # 习近平总书记两次亲临江苏考察、三次参加…: each count says what happened
            else:
                happened = ""
        prev_q = quantities[index - 1] if index else None
        if (same_clause and gap and results and not change and q.kind == Kind.PERCENT and prev_q.kind == Kind.PERCENT
                and not _strip_words(gap, w.stretch_words)):
            change = results[-1].change  # 增长6%以上、力争达到8%: the stretch target is of the same growth
        if same_clause and not gap and results:
            previous = results[-1]
            if not (q.prefix_start < q.start and prev_q.prefix_start == prev_q.start):
                change = change or previous.change  # (净增98万户、突破1900万户: a total, not a change)
            left = left or previous.left_metric
        if q.kind == Kind.RANK and right:
            left = ""  # 入围全球百强创新集群: what is ranked follows the standing
        if q.kind == Kind.RANK and results and results[-1].metric:
            if left in w.bare_measures:
                # 进出口总额突破万亿元、增速居全国第5位: the growth rate of what the claim before measures
                left = _without_leading_verbs(results[-1].metric) + left
            elif 0 < len(left) <= 3 and left.endswith(w.measure_words + ("量", "额")):
                # 工业机器人产量增长35.3%、出口量居全国第2位: a sibling measure of the same subject
                left = _subject_of_measure(_without_leading_verbs(results[-1].metric), w) + left
        metric = right or (left + happened if left and happened else left or happened)
        if (not right and results and results[-1].metric and left_words and len(left) <= 3
                and all(t.tag.startswith("v") and t.tag != "vn" for t in left_words)):
            # 建成过江通道4座、在建8座: a bare state or action word borrows the thing counted before
            thing = _without_leading_verbs(results[-1].metric)
            metric = left + thing if thing and thing != results[-1].metric else metric
        if q.kind == Kind.DURATION and text.endswith(w.streak_cues, 0, q.prefix_start):
            # a streak: what lasted is said on both sides (耕地面积连续4年净增加 → 耕地面积净增加)
            left = _strip_words(left, w.streak_cues)
            if left in w.bare_measures and results and results[-1].metric:
                # 地区生产总值突破13万亿元，总量连续35年居全国首位 → 地区生产总值总量…
                left = _without_leading_verbs(results[-1].metric) + left
            if left.endswith(w.figures) and len(left) <= 4:
                left = ""  # 迈上14万亿元新台阶、连续36年居全国首位: the figure of speech is no subject
            between = _strip_words(text[lo:q.prefix_start], w.streak_cues).strip("、，, ")
            if between.endswith(w.figures) and len(between) <= 4:
                between = ""  # 迈上14万亿元新台阶、连续36年居全国首位: a figure of speech between
            if not left and results and not between and not text.startswith(w.negations, q.end):
                # 森林覆盖率65.1%，连续47年居全国首位 (but not 我市连续五个季度…, nor 连续十年未发生…, an event
                # of its own)
                left = results[-1].left_metric
            metric = left + text[q.end:c_end].strip()
        # a clause that only links (，增长4.2%) shares the subject before it; one that begins with its
        # number (，6组10家…) does not
        shares_subject = same_clause or q.kind == Kind.RANK or bool(text[c_start:q.prefix_start].strip())
        if not metric and text.endswith("等", 0, q.prefix_start):
            # 新组建省实验室、产业创新研究院等10家以上: nothing names the count but the examples
            examples = _left_words(text, tokens, lo, q.prefix_start - 1, w)
            metric = _joined(text, examples) + "等" if examples else ""
        if not metric and results and q.kind == Kind.COUNT and text[c_start:q.prefix_start].strip() in w.subset_words:
            # 累计推出259项制度创新成果，其中56项为全国首创: a part of what the claim before counts
            said = _SUBSET_PREDICATE.match(text, q.end, c_end)
            metric = results[-1].metric + (said.group(1) if said else "")
        if not metric and not same_clause and (not results or quantities[index - 1].end < c_start - 1):
            opening = text[c_start:q.prefix_start].strip()
            after_time = text[max(c_start, time_end if before else 0):q.prefix_start].strip()
            # a clause that only links (，达1330亿元) or only dates its number (，上半年3.2%、前三季度4.4%)
            if opening and not _strip_words(after_time, w.trailing):
                # the clause before has no number but names what this one measures: 辖内财政收入迈过千亿大关
                metric = _subject_of_clause_before(text, c_start, w)
                said = text.find(metric, clause_start(text, c_start - 1), c_start) if metric else -1
                rate = text[said + len(metric) : c_start] if said >= 0 else ""
                if not change and rate.startswith(tuple(w.changes)):
                    # GDP增速逐季攀升，上半年3.2%: the numbers are the growth the clause before names
                    change = "increase" if rate.startswith(w.increase) else "decrease"
        if not metric and results and shares_subject:
            previous = results[-1]
            if not same_clause:
                # …564亿元，占计划的100%，同比下降2%: a new clause shares the subject, not the share
                back = len(results) - 1
                while back > 0 and results[back].left_metric.startswith(w.comparisons):
                    back -= 1
                previous = results[back]
            # 首次进入全省前十名: the standing of what came before; 新增1000处信号灯联网、累计达8000处:
            # the thing the count before named after it, not just its verb
            from_right = previous.metric and not previous.metric.startswith(previous.left_metric)
            metric = previous.metric if from_right and len(previous.left_metric) <= 3 else previous.left_metric
            if w.total_re.match(text, c_start if not same_clause else lo):
                metric = _without_leading_verbs(metric)  # 净增“四上”企业35家，达314家: the total has no 净增
            if (q.kind == Kind.RANK and quantities[index - 1].kind == Kind.PERCENT and previous is results[-1]
                    and previous.change == "increase" and metric and not metric.endswith(tuple(w.bare_measures))):
                left = metric  # (what follows shares the subject, not its growth rate)
                metric += "增速"  # 增长6%、在前十经济大省中并列第一: the standing of the growth rate
        elif _compares(metric, w) and results and results[-1].metric and same_clause_or_linked(
                text, quantities[index - 1], c_start):
            previous = results[-1].metric  # 增长5.7%、高于全国0.3个百分点 → 地区生产总值高于全国
            if metric.startswith(tuple(w.bare_measures)) and not previous.endswith(tuple(w.bare_measures)):
                previous = _without_leading_verbs(previous)  # GDP增长5.4%，增速高于全国… → GDP增速高于全国
            metric = previous if previous.endswith(metric) else previous + metric
        if metric in w.bare_measures and q.kind != Kind.RANK and results and results[-1].metric:
            # 地区生产总值迈上5万亿台阶、五年增量超1.36万亿元: a bare measure of what the claim before measures
            metric = _without_leading_verbs(results[-1].metric) + metric
        if "比" in metric or "[" in metric or "［" in metric:
            metric = _QUOTED_BASE.sub("", _FOOTNOTE.sub("", metric))  # 地区生产总值[2]: a note's number is no part of the name
        done = bool(w.done_re.search(text, c_start, q.prefix_start))
        # (an estimate word in a sentence's first clause heads every item of it: 预计地区生产总值增长4%左右，
        # 固定资产投资增长10%左右…)
        in_clause = w.estimate_re.search(text, c_start, q.start) is not None or opening_estimate
        results.append(Context(metric, change, _has_target_cue(cues, q.start), left or metric, done, in_clause))
        if index and not results[-2].metric and quantities[index - 1].end == q.start:
            previous = results[-2]  # 12类45件民生实事: two counts of the same things
            results[-2] = replace(previous, metric=metric)
        previous_end = q.end
        consumed_end = noun_end  # the next number's metric starts after this one's noun
    return _share_tiers(text, quantities, _apply_lists(text, quantities, results), w)


# How far into a sentence an estimate word may stand and still head all of it (after a date: 2022年预计).
_ESTIMATE_REACH = 6

# A word in Latin letters (GDP, CPI, PM2.5): jieba gives it no tag, yet it names a measure.
_LATIN = regex.compile(r"[A-Za-z][A-Za-z0-9.]*")

# The field a standing is in, at the end of what is ranked: 在前十经济大省中(并列).
_RANK_SCOPE = regex.compile(r"在[^，,、]{1,12}中(?:并列|并|排名|排)?$")

# A comparison base named in quotation marks at the end of a metric: 从业人员比“四经普”(增长29.8%).
_QUOTED_BASE = regex.compile(r"(?<=\p{Han})比[“\"][^”\"]{1,10}[”\"]$")

# A footnote marker: [2], ［1］.
_FOOTNOTE = regex.compile(r"[\[［]\d{1,3}[\]］]")

# What a subset is said to be: 其中56项为全国首创 → 全国首创.
_SUBSET_PREDICATE = regex.compile(r"(?:为|是|属于|系)([\p{Han}“”]{1,8})$")


def _subject_of_clause_before(text: str, c_start: int, w: _Words) -> str:
    """The noun phrase that opens the clause before ``c_start`` (up to its first verb or quotation),
    actors and connectives stripped; "" when that clause opens with no noun."""
    if c_start < 2 or text[c_start - 1] not in "，,；;":
        return ""
    lo = clause_start(text, c_start - 1)
    words = _strip_leading(list(tokenize(text[lo : c_start - 1], lo)), w)
    subject: list[Token] = []
    if not words or not (words[0].tag.startswith(("n", "j")) or _LATIN.fullmatch(words[0].text)):
        return ""  # a clause that opens with a verb (成功举办…, 支持…) tells what was done, not what is measured
    for word in words:
        if word.text in w.changes and subject:
            subject.append(word)  # GDP增速逐季攀升: a growth rate is what the numbers after measure
            break
        if (word.tag.startswith("v") and word.tag != "vn") or word.text in "“”\"《、":
            break
        subject.append(word)
    return _joined(text, _strip_trailing(subject, w.trailing))


def _dates_a_change(text: str, time_start: int, time_end: int, number_start: int, w: _Words) -> bool:
    """从2011年的1091亿元 / 增加到2016年的1650亿元: a date between a from/to word and its number."""
    if text[time_end:number_start] not in ("的", ""):
        return False
    return text.endswith(w.from_words, 0, time_start) or bool(w.change_re.search(text, max(0, time_start - 8), time_start))


def same_clause_or_linked(text: str, previous: Quantity, c_start: int) -> bool:
    """True when the previous quantity stands in this clause or in the one just before it."""
    return previous.end > clause_start(text, max(0, c_start - 1))


def _strip_leading_text(phrase: str, w: _Words) -> str:
    """``phrase`` without the connectives and actors a metric does not begin with (其中，全省…)."""
    words = _strip_leading(list(tokenize(phrase)), w)
    return phrase[words[0].start :] if words else phrase


def _strip_words(phrase: str, words: tuple[str, ...]) -> str:
    stripped = True
    while stripped:
        stripped = False
        for word in words:
            if phrase.endswith(word):
                phrase, stripped = phrase[: -len(word)], True
    return phrase


def _strip_rank_context(phrase: str, w: _Words) -> str:
    phrase = _RANK_SCOPE.sub("", phrase)  # 在前十经济大省中并列第一: the field ranked in, not what is ranked
    stripped = True
    while stripped:
        stripped = False
        # (and the link words any metric sheds: GDP总量有望继续保持全省第3位 → GDP总量)
        for word in w.rank_context + w.from_words + w.links + ("首次", "年", "进入"):
            if phrase.endswith(word):
                phrase, stripped = phrase[: -len(word)], True
    return phrase


def _apply_lists(text: str, quantities: list[Quantity], results: list[Context]) -> list[Context]:
    """分别 lists: pair each number with its own item of the list before 分别, or, when 分别 opens its
    clause, with the numbers just before it."""
    out = list(results)
    i = 0
    while i < len(quantities):
        q = quantities[i]
        if i + 1 == len(quantities) or text[q.end : quantities[i + 1].prefix_start].strip() not in LIST_JOINERS:
            i += 1  # a number alone: no list to pair
            continue
        c_start = clause_start(text, q.prefix_start)
        marker = text.rfind("分别", c_start, q.prefix_start)
        group = [i]
        j = i + 1
        while j < len(quantities):
            between = text[quantities[j - 1].end : quantities[j].prefix_start]
            if between.strip() not in LIST_JOINERS:
                break
            group.append(j)
            j += 1
        if marker < 0:
            # 煤炭、原油、天然气产量7.8亿吨、2470万吨、350亿方: as many items as numbers, in order, need no 分别
            # (but such a list ends at a comma)
            comma = next((n for n in range(1, len(group)) if text[quantities[group[n - 1]].end :
                          quantities[group[n]].prefix_start].strip() in ("，", ",")), len(group))
            group, j = group[:comma], group[0] + comma
            items = _split_list(out[i].metric, len(group)) if len(group) > 1 and "、" in out[i].metric else None
            if items and all(out[k].metric == out[i].metric for k in group):
                for k, item in zip(group, items, strict=True):
                    out[k] = replace(out[k], metric=item, left_metric=item)
            i = j if items else i + 1
            continue
        if len(group) > 1:
            own_subject = text[c_start:marker].strip("，、 ")
            if own_subject in _words().bare_measures or own_subject in _words().changes:
                own_subject = ""  # …第三产业增加值497.48亿元，增速分别为4.4%、4.8%、6.0%: the numbers before name them
            examples = own_subject.rpartition("等")[0].split("、") if "等" in own_subject else []
            if len(examples) == len(group) and all(0 < len(e) <= 8 for e in examples) and out[i].metric:
                # 食品、石化、医药、信息等产业增加值分别增长…: each example with the head after 等
                items = [_strip_words(e, ("等",)).split("，")[-1] + out[i].metric for e in examples]
                items[0] = _strip_leading_text(items[0], _words())
            elif own_subject:
                items = _split_list_before_fenbie(out[i].metric, len(group))
                comma = next((n for n in range(1, len(group)) if text[quantities[group[n - 1]].end :
                              quantities[group[n]].prefix_start].strip() in ("，", ",")), None)
                if items is None and comma is not None and comma > 1:
                    # 分别增至37座、14座，6部作品…: the list ends at the comma
                    group, j = group[:comma], group[comma]
                    items = _split_list_before_fenbie(out[i].metric, len(group))
            elif i >= len(group):
                # 接待游客1.2亿人次，实现旅游收入1500亿元，分别增长10%和12%: the list is the numbers before
                items = [out[k].left_metric for k in range(i - len(group), i)]
            else:
                items = None
            if items:
                # 城镇调查失业率、居民消费价格涨幅分别控制在5.5%和3%以内: a change word that ends the last item
                # only (no head shared by all) is that item's alone
                own_change = bool(own_subject) and own_subject.endswith(tuple(_words().changes)) and items[0] == own_subject.split("、")[0]
                for n, (k, item) in enumerate(zip(group, items, strict=True)):
                    change = out[k].change or out[i].change
                    if own_change and n < len(group) - 1:
                        change = ""
                    out[k] = replace(out[k], metric=item, change=change, left_metric=item)
        i = j
    return out


def _share_tiers(text: str, quantities: list[Quantity], results: list[Context], w: _Words) -> list[Context]:
    """Counts by level write the noun once: 8个国家级、13个省级区域医疗中心 → 国家级区域医疗中心;
    国家级专精特新企业50家、省级120家 → 省级专精特新企业."""
    out = list(results)
    for i in range(len(out) - 1):
        joined = text[quantities[i].end : quantities[i + 1].prefix_start]
        if "、" not in joined or len(joined) > 12 or any(ch in joined for ch in "，；。"):
            continue  # only neighbours in one list
        first, second = out[i].metric, out[i + 1].metric
        tier_first = first in w.tiers
        tier_second = second in w.tiers
        if tier_first and not tier_second:
            level = next((t for t in w.tiers if second.startswith(t)), None)
            if level and len(second) > len(level):
                out[i] = replace(out[i], metric=first + second[len(level):])
        elif tier_second and not tier_first:
            level = next((t for t in w.tiers if t in first), None)
            if level:
                shared = first.replace(level, second, 1)
                out[i + 1] = replace(out[i + 1], metric=shared, left_metric=shared)
    return out
