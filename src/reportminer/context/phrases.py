"""Pure phrase cleaning: the words left and right of a number, read from jieba's tokens and stripped of
actors, connectives, link words and predicates."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from .. import regexcache as regex

from ..lexicon import load_lexicon
from ..segment import Token, Tokens, clause_start, tokenize
from ..types import Quantity
from .cues import Cues, cue_words


def tokens_in(tokens: Tokens, start: int, end: int) -> list[Token]:
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


def joined(text: str, words: list[Token]) -> str:
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


def strip_trailing(words: list[Token], trailing: Collection[str]) -> list[Token]:
    w = cue_words()
    changed = False
    while words:
        last = words[-1]
        if last.text in trailing or last.text in "、，" or last.text in w.attribute_marker or (changed and last.text in w.change_modifiers):
            changed = last.text in w.changes  # (最低工资标准平均提高8%: 平均 goes with its verb)
            words = words[:-1]
            continue
        if len(words) > 2 and words[-2].text == w.where_marker and last.tag in ("ns", "s", "f", "n") and len(last.text) <= 3:
            words = words[:-2]  # 社会消费品零售总额在西部率先突破千亿: where, not what
            continue
        if len(words) > 1 and last.tag in ("d", "ad", "vd") and len(last.text) > 1 and words[-2].tag[:1] in ("n", "j", "v"):
            words = words[:-1]  # 民间投资逆势增长2.7%: how it went, not what
            continue
        # a word jieba guessed (no dictionary tag) may have glued a link word on: 占比达 → 占比
        # (also a two-character word jieba's dictionary mistakes for a name: 比达 in 税占比达77.4%)
        glued = _glued_link(last, w)
        if glued is None or glued.start() == 0:
            break
        words = words[:-1] + [Token(last.text[: glued.start()], last.start, last.start + glued.start(), "")]
    return words


def _glued_link(last: Token, w: Cues) -> regex.Match[str] | None:
    """A link word jieba glued to the end of a word it guessed (占比达) or mistook for a name (比达); not
    in a word of its own (下达 is a verb, 出超 a noun)."""
    if last.tag == "" or (len(last.text) == 2 and last.tag[:1] == "n" and last.text not in w.whole_words):
        return w.trailing_re.search(last.text)
    return None


def _is_mark(word: str) -> bool:
    """A bullet or other symbol (●, ■, *) that opens a list item; quotation marks are not (“新三样”)."""
    return not any(ch.isalnum() for ch in word) and not any(ch in "“”‘’\"《》（）()" for ch in word)


def _actor_length(words: list[Token], w: Cues) -> int:
    """How many words an actor of several words (中央活力区, 省产业技术研究院) followed by a verb takes, else 0."""
    name = ""
    for k in range(min(len(words) - 1, 5)):
        if words[k].tag[:1] not in ("n", "j", ""):
            return 0  # an actor is a name: 打造城镇建设… begins with a verb
        name += words[k].text  # (the words so far)
        rest = k + 1  # where the words after the name start (indices: no copy of the list per word)
        if words[rest].tag in ("a", "d", "t") and len(words) - rest > 1:
            rest += 1  # 新引进; 财政部昨公布: a time word between the actor and its verb
        if (len(name) >= 3 and name.endswith(w.actor_suffixes) and not name.endswith(w.counted_nouns)
                and words[rest].tag.startswith("v") and len(words) - rest > 1):  # (老旧小区改造 is no actor)
            return k + 1
    return 0


def _leading_cut(words: list[Token], w: Cues) -> int:
    """How many words at the start of ``words`` a metric does not begin with (0 when none)."""
    first = words[0]
    # (a preposition stays: 为经营主体减负, 向民间资本推介优质项目)
    # (…迈上5万亿台阶、五年增量: the figure ends the claim before; 留宿旅客的平均逗留时间(2.2日)减少3.2日: the
    # bracket the number before stood in)
    if (first.text in w.lead or first.text in "、，）)" or first.tag in ("c", "d", "r", "t") or _is_mark(first.text)
            or first.text in w.figures):
        return 1
    if first.text in "（(":
        close = next((k for k, t in enumerate(words) if t.text in "）)"), None)
        if close is not None:
            return close + 1  # （下同）完成地区生产总值: a note before the metric
    if first.text in w.done_verbs and len(words) > 1 and starts_with_a_term(words[1:], shortest=5):
        return 1  # 完成地区生产总值32765亿元: a standard measure is reported, not work done (完成投资 keeps its verb)
    if first.text in w.place_names and len(words) > 1 and starts_with_a_term(words[1:]):
        return 1  # 广东地区生产总值 (but 北京证券交易所, 上海机场 are names of their own)
    if (len(first.text) >= 3 and first.text.endswith(w.place_suffixes) and not first.text.endswith(w.counted_nouns)
            and len(words) > 1):
        return 1  # a place name in one word: 市中区
    return _actor_length(words, w)


def strip_leading(words: list[Token], w: Cues) -> list[Token]:
    """``words`` without the connectives, actors, places and marks a metric does not begin with."""
    while words:
        cut = _leading_cut(words, w)
        if not cut:
            break
        words = words[cut:]
    return words


def compares(metric: str, w: Cues) -> bool:
    """True when a metric is a comparison or share of what the claim before measures: 高于全国,
    占地区生产总值比重, 增速高于全国 (but 占地面积 is an area)."""
    if metric.startswith(w.bare_measure_words):
        measure = next(m for m in w.bare_measure_words if metric.startswith(m))
        if metric[len(measure):].startswith(w.comparisons):
            return True
    return metric.startswith(w.comparisons) and (
        not metric.startswith(w.comparison_blockers) or metric.startswith(w.comparison_unblockers))


def starts_with_a_term(words: list[Token], shortest: int = 4) -> bool:
    """True when the words begin with a measure the glossary knows (地区生产总值, 规上工业增加值)."""
    glossary = load_lexicon().glossary
    joined = ""
    for token in words[:4]:
        joined += token.text
        if len(joined) >= shortest and joined in glossary:
            return True  # (a short term such as 机场 may begin a name: 上海机场)
    return False


def read_left_words(text: str, tokens, lo: int, hi: int, w: Cues) -> list[Token]:
    """The metric read leftwards: the words of text[lo:hi] cleaned of actors, connectives and links."""
    segment = text[lo:hi]
    action: list[Token] = []
    if w.examples_marker in segment:  # 国网山东电力、…等区域性总部企业 → 区域性总部企业
        examples_at = lo
        lo += segment.rindex(w.examples_marker) + 1
        # (but the work done on them stays: 新建改造供水、排水等管网4216公里 → 新建改造管网)
        for token in strip_leading(tokens_in(tokens, examples_at, lo), w):
            if token.text not in w.work_verbs:
                break
            action.append(token)
    basis = w.basis_re.search(text, lo, hi) if text.find(w.basis_opener, lo, hi) >= 0 else None
    if basis:
        lo = basis.end()  # 按可比口径下降9.3%, 按可比价计算: the basis of a comparison names nothing measured
    words = _before_comparison_frame(tokens_in(tokens, lo, hi))
    if action and words and words[0].tag[:1] in ("n", "j"):
        words = action + words
    words = strip_trailing(words, w.trailing_words)
    words = strip_leading(words, w)
    return strip_trailing(words, w.trailing_words)


def _before_comparison_frame(words: list[Token]) -> list[Token]:
    """The words before a comparison frame (利得税较原来预算增加 → 利得税): the base names nothing measured."""
    frames = load_lexicon().schema.regional.comparison_frames
    cut = next((k for k, t in enumerate(words) if t.text in frames), None)
    return words if cut is None else words[:cut]


def modifies_count(words: list[Token], number_start: int) -> bool:
    """True when the words right before a count say what kind of thing is counted: a verb with its
    object (推动人工智能产业发展和赋能应用10条措施, 稳经济30项举措), not a verb alone (新增9家, 改造提升30处),
    a clause (育儿补贴惠及124万名) or the item before in a list (…示范村、5个)."""
    phrase = "".join(t.text for t in words)
    return (len(words) >= 2 and words[-1].end == number_start and words[0].tag[:1] in ("v", "a")
            and any(t.tag[:1] in ("n", "j") for t in words[1:]) and "、" not in phrase and len(phrase) <= 20
            and words[-1].text not in cue_words().lead)  # (完成全省1000所: 全省 is a scope, not a kind)


def _opens_no_phrase(first: Token, counted: bool, w: Cues) -> bool:
    """True when the first word after a number shows that no noun phrase follows it."""
    if first.text[:1] in "（(":
        return True  # 760亿元（含港务区）: a note, not what is measured
    if first.text in w.right_stop_words or first.text in "、，" or (first.tag in w.right_stop_tags and not (
            counted and (first.tag == "d" or first.text in w.magnitude_modifiers))):
        # (after a count an adverb or a magnitude may begin what is counted: 1.2万户相对集中居住农户,
        # 4个千亿县)
        return True
    # (but after a count a verb may begin the name of what is counted: 35个对接…建设重点平台)
    return _is_verb(first) and (not counted or first.text in w.changes)


def _is_verb(token: Token) -> bool:
    return token.tag.startswith("v") and token.tag != "vn"


def _predicate_begins(text: str, token: Token, rest: list[Token], taken: list[Token], w: Cues) -> bool:
    """True when ``token``, after the words of a count's noun taken so far, begins the predicate."""
    if token.text in w.right_stop_words or token.tag in w.right_stop_tags or (
            len(token.text) > 2 and token.text.startswith(w.right_stop_prefixes)):
        return True  # 全面完成, 基本建成: a predicate jieba keeps as one word
    if token.tag.startswith("v") and rest and all(t.tag[:1] in ("v", "d", "a") or t.text in "、，" for t in rest):
        return True  # a predicate that ends the clause: 重点项目加快建设, 示范村建设完成
    if not _is_verb(token):
        return False
    if not rest or (rest[0].tag.startswith("v") and rest[0].text in w.right_stop_words):
        return True  # 2款创新药集中获批上市: a verb right before a predicate says how it happened
    # 44个国家部委制定配套支持文件: after the noun counted, a verb begins the predicate (but
    # 11.2万个高校毕业生就业岗位, 14处学校幼儿园新建、改扩建工程 name what is counted at their end)
    return (joined(text, taken).endswith(w.counted_nouns) and not text.startswith(w.attribute_marker, token.end)
            and not joined(text, rest).rstrip("。，；、").endswith(w.counted_nouns))


def _ends_count_noun(text: str, token: Token, rest: list[Token], taken: list[Token], w: Cues) -> bool:
    """True when ``token`` ends the noun a count counts (the words ``taken`` so far)."""
    if token.text in w.noun_suffixes:
        return False  # 起降点, 充电站: a one-character noun jieba reads as a numeral or classifier
    if token.text in w.measure_words:
        return True  # 17个重点传统制造业增加值增长5.3%: the count counts industries, the rest is a measure of them
    return _predicate_begins(text, token, rest, taken, w)


def _take_words(text: str, words: list[Token], counted: bool, last_in_clause: bool, next_follows: bool,
                w: Cues) -> list[Token]:
    """The words of the phrase, up to a list break, a measure or (after a count) the predicate."""
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
        elif counted and taken and _ends_count_noun(text, token, words[n + 1 :], taken, w):
            if token.text in w.counted_selections and last_in_clause:
                # 7所高职学校入选国家“双高计划”: which schools are counted (but not up to another number:
                # 4家浙企上榜全国文化企业30强)
                taken += _selection(words[n:])
            break
        taken.append(token)
        if counted and next_follows and token.text.endswith(w.counted_nouns):
            break  # 8条内部路网通车里程达15公里: the count's noun ends at 路网, the rest is the next metric
    return taken


def _selection(words: list[Token]) -> list[Token]:
    """入选国家“双高计划”, 开设体重管理门诊: a predicate of selection and its object, up to the clause's next
    break; none when it has no object (20家企业上榜) or the object is long (a clause of its own)."""
    end = next((k for k, t in enumerate(words) if t.text in "、，；。,;"), len(words))
    if end < 2 or sum(len(t.text) for t in words[:end]) > _MAX_SELECTION:
        return []
    return words[:end]


_MAX_SELECTION = 18  # characters: 列入中国世界文化遗产预备名单 (14) is a name; a longer object is a clause


def _trimmed(text: str, taken: list[Token], counted: bool, w: Cues) -> list[Token]:
    """``taken`` without the manner, work and link words that end it."""
    while counted and len(taken) > 1 and taken[-1].tag in ("d", "ad", "a"):
        taken.pop()  # 51项川渝通办事项高效实施: how it is done, not what is counted
    if (counted and len(taken) > 1 and taken[-1].text in w.count_noun_trailers
            and joined(text, taken[:-1]).endswith(w.counted_nouns)):
        taken.pop()  # 600个以上亿元级工业项目建设: what is done to the things counted
    # (a generic noun stays as the head of a two-word name: 168项改革任务)
    while taken and ((taken[-1].text in w.right_trailing and not (counted and len(taken) == 2))
                     or taken[-1].text == "、"):
        taken.pop()
    return taken


def right_phrase(text: str, tokens, lo: int, hi: int, w: Cues, counted: bool, last_in_clause: bool,
                 next_follows: bool = False, verb_first_ok: bool = False) -> str:
    """The noun phrase right after a quantity: 4所学校已建成 → 学校; 1000亩森林生态修复与保护.

    After a count it names the thing counted and ends at the first predicate; after a measure
    (1.7万余米河道清淤疏浚) it names the activity measured and runs to the end of the clause.
    """
    words = tokens_in(tokens, lo, hi)
    if counted and len(words) > 1 and words[0].text in w.attribute_marker:
        words = words[1:]  # 超80%的省科技攻坚项目
    if not words or _opens_no_phrase(words[0], counted, w):
        return ""
    taken = _trimmed(text, _take_words(text, words, counted, last_in_clause, next_follows, w), counted, w)
    phrase = joined(text, taken)
    ends_in_noun = bool(taken) and taken[-1].tag[:1] in ("n", "j")
    if taken and _is_verb(words[0]) and not phrase.endswith(
            w.counted_nouns + tuple(w.noun_suffixes)) and not (verb_first_ok and ends_in_noun):
        return ""  # 连续3次获全国先进典型: a predicate, not the name of what is counted
    return phrase


def subject_of_measure(phrase: str, w: Cues) -> str:
    """工业机器人产量 → 工业机器人: a metric without the measure word that ends it."""
    words = tokenize(phrase)
    if len(words) > 1 and (words[-1].text in w.measure_words or words[-1].text.endswith(w.measure_suffixes)):
        # (a one-character measure jieba split off belongs to the word before it: 受理|数)
        cut = words[-2].start if len(words[-1].text) == 1 and len(words) > 2 else words[-1].start
        return phrase[:cut]
    return phrase


def leading_modifier_shared(items: list[str], w: Cues) -> list[str]:
    """生产安全事故起数、死亡人数 → …、生产安全事故死亡人数: a short later item that is only a measure
    takes the modifier the first item puts before its own measure."""
    first = items[0]
    modifier = subject_of_measure(first, w)
    if modifier == first or not modifier or any(joiner in modifier for joiner in w.list_separators):
        return items  # (营业盈余及事业收入与其他收入: a first item that is itself two names shares no modifier)
    return [items[0]] + [item if len(item) > 4 or item.startswith(modifier) or not item.endswith(w.measure_heads)
                         else modifier + item for item in items[1:]]


def without_leading_verbs(phrase: str) -> str:
    """建成过江通道 → 过江通道: the noun phrase after the verbs that open ``phrase``."""
    words = tokenize(phrase)
    k = 0
    while k < len(words) and words[k].tag.startswith("v") and words[k].tag != "vn":
        k += 1
    return phrase[words[k].start :] if 0 < k < len(words) else phrase


def word_boundary_from(phrase: str, at: int) -> int:
    """The first boundary between jieba's words of ``phrase`` at or after ``at``."""
    for token in tokenize(phrase):
        if token.end >= at:
            return token.end
    return len(phrase)


def split_on(text: str, separators: tuple[str, ...]) -> list[str]:
    parts = [text]
    for sep in separators:
        parts = [piece for part in parts for piece in part.split(sep)]
    return parts


# A word in Latin letters (GDP, CPI, PM2.5): jieba gives it no tag, yet it names a measure.
_LATIN = regex.compile(r"[A-Za-z][A-Za-z0-9.]*")



_SETTING_TAGS = frozenset({"t", "m", "ns", "r"})  # jieba's tags of a time, a numeral, a place name and a pronoun (本港, 我市)


def subject_of_clause_before(text: str, c_start: int, w: Cues) -> str:
    """The noun phrase that opens the clause before ``c_start`` (up to its first verb or quotation),
    actors and connectives stripped; "" when that clause opens with no noun."""
    if c_start < 2 or text[c_start - 1] not in "，,；;：:":  # (股价指数变动率：由上月20.2%增为21.6%: a label)
        return ""
    lo = clause_start(text, c_start - 1)
    hi = _comparison_start(text, lo, c_start - 1)  # (整体消费物价与一年前同月比较: against what, not what)
    words = strip_leading(list(tokenize(text[lo:hi], lo)), w)
    while len(words) > 1 and (words[0].tag in _SETTING_TAGS or not words[0].tag and words[0].text.isdigit()
                              or words[0].text in _month_words() or words[0].text in w.report_verbs):
        words = words[1:]  # (10月香港整体出口…, 今年10月份整体消费物价…: when and where the clause is set, not what
        # it measures; 中央银行今日公布9月外汇存底: what is reported)
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
    return joined(text, strip_trailing(subject, w.trailing_words))


@cache
def _month_words() -> frozenset[str]:
    period = load_lexicon().cues["period"]
    return frozenset({period["month_mark"], period["month_mark"] + period["month_suffix"]})


def _comparison_start(text: str, lo: int, hi: int) -> int:
    """Where a comparison that closes text[lo:hi] begins (与一年前同月比较), else ``hi``."""
    lex = load_lexicon()
    closer = next((c for c in lex.words("period", "base_closers") if text.endswith(c, lo, hi)), None)
    if closer is None:
        return hi
    # (the first base marker of the comparison: 与 of 与一年前同月比较, not 同 inside it)
    found = [at for marker in lex.words("period", "base_markers") if (at := text.find(marker, lo, hi - len(closer))) > lo]
    return min(found) if found else hi


@cache
def _year_edges() -> str:
    """底, 末, 初: the one-character ends of a year (read on first use, not at import)."""
    return "".join(w for w in load_lexicon().words("claim_period", "fronted_ends") if len(w) == 1)


def dates_a_change(text: str, time_start: int, time_end: int, number_start: int, w: Cues) -> bool:
    """从2011年的1091亿元 / 增加到2016年的1650亿元: a date between a from/to word and its number."""
    between = text[time_end:number_start].strip().lstrip(_year_edges())  # (由2024年底的40810亿元: the year's end)
    if between not in w.attribute_marker + w.value_notes + ("",):
        return False  # (增加到2016年的1650亿元; 由上月下修值 15.8%: spaces as PDF text writes them)
    return text.endswith(w.from_words, 0, time_start) or bool(w.change_re.search(text, max(0, time_start - 8), time_start))


def same_clause_or_linked(text: str, previous: Quantity, c_start: int) -> bool:
    """True when the previous quantity stands in this clause or in the one just before it."""
    return previous.end > clause_start(text, max(0, c_start - 1))


def strip_leading_text(phrase: str, w: Cues) -> str:
    """``phrase`` without the connectives and actors a metric does not begin with (其中，全省…)."""
    words = strip_leading(list(tokenize(phrase)), w)
    return phrase[words[0].start :] if words else phrase


def strip_words(phrase: str, words: tuple[str, ...]) -> str:
    """``phrase`` without the ``words`` it ends with: each pass tries them in order, stripping every one
    that ends the phrase as it then stands, until a pass strips none."""
    # (one ``endswith`` with the whole tuple tells, in C, whether a pass would strip anything: most
    # phrases end with none of the words, and a list of hundreds is then not walked word by word)
    while phrase.endswith(words):
        for word in words:
            if phrase.endswith(word):
                phrase = phrase[: -len(word)]
    return phrase


def strip_rank_context(phrase: str, w: Cues) -> str:
    phrase = w.rank_scope_re.sub("", phrase)  # 在前十经济大省中并列第一: the field ranked in, not what is ranked
    # (and the link words any metric sheds: GDP总量有望继续保持全省第3位 → GDP总量)
    return strip_words(phrase, w.rank_sheds)

