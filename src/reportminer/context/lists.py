"""Passes over a whole sentence: 分别 lists, parallel lists and tiers that pair numbers with list items."""

from __future__ import annotations

from functools import cache

from .. import regexcache as regex

from ..lexicon import load_lexicon
from ..segment import clause_start, tokenize
from ..types import Kind, Quantity
from .cues import Cues, cue_words
from .phrases import (
    leading_modifier_shared,
    split_on,
    strip_leading_text,
    joined,
    strip_trailing,
    strip_words,
    subject_of_clause_before,
    word_boundary_from,
)
from .rulebook import rule
from .site import Context, decided

_HAN_ONLY = regex.compile(r"\p{Han}+")


def _items(phrase: str, count: int) -> list[str] | None:
    """``count`` items cut at 、 first (金融业、软件和信息服务业增加值 keeps 软件和信息服务业 whole), then
    also at 和, then at 与, then at 及; a word that names both items (本外币存贷款余额) is split into them."""
    fused = next((word for word in _fused_pairs() if word in phrase), None)
    separated = any(joiner in phrase for joiner in cue_words().list_separators)
    if fused and not separated and count == len(_fused_pairs()[fused]):
        # 本外币存贷款余额分别为38.7万亿元、29.9万亿元: one word names both items
        return [phrase.replace(fused, part, 1) for part in _fused_pairs()[fused]]
    for separators in _separator_sets():
        items = [p for p in split_on(phrase, separators) if p]
        if len(items) == count:
            return items
    return None


@cache
def _separator_sets() -> tuple[tuple[str, ...], ...]:
    """The joiners to cut a list at, fewest first: 、, then 、 and 和, then 与, then every list separator
    (通讯、家居设备及服务和住屋及燃料的价格指数: three items, 及 stays inside two of them; 营业盈余及事业收入与其他
    收入: two)."""
    steps = tuple(load_lexicon().schema.context.list_separator_steps)  # (a string: its order is the order)
    return tuple(steps[:k] for k in range(1, len(steps) + 1)) + (tuple(cue_words().list_separators),)


def _head_at_unanchored(items: list[str]) -> int:
    """Where the shared head starts in the last item when no word of the first item marks it: the
    longest glossary term it ends with (进出口总额), else after as many characters as the item before."""
    last = items[-1]
    glossary = load_lexicon().glossary
    term = next((last[i:] for i in range(1, len(last) - 1) if last[i:] in glossary), None)
    parallel = len(items[-2])  # (the item before the last is a whole parallel part: 智能家电、智能手机限上…)
    head_at = len(last) - len(term) if term else word_boundary_from(last, parallel)
    rest = last[:head_at]
    if term and parallel < len(rest) <= 2 * parallel and _HAN_ONLY.fullmatch(rest):
        # 城镇、农村常住居民…: the words after the parallel part are shared too (cut at a word
        # boundary: 制造业、普惠小微贷款余额 → 制造业 + 贷款余额, not 微贷款余额)
        head_at = word_boundary_from(last, parallel)
    return head_at


def _head_shared_by_all(items: list[str]) -> list[str]:
    """The head at the end of the last item, after the word the first item ends with (城镇居民、农村居民
    人均可支配收入), added to every other item when it is a measure."""
    first, last = items[0], items[-1]
    anchor = first[-2:] if first[-2:] in last else first[-1:]
    cut = last.find(anchor)
    heads = cue_words().measure_heads
    if last.startswith(first):
        # 工业、制造业、工业技改投资: the last item names a part of the first; only the measure is shared
        measure = next((h for h in sorted(heads, key=len) if last.endswith(h) and len(h) > 1), "")
        head_at = len(last) - len(measure)
    elif cut >= 0:
        head_at = cut + len(anchor)
    elif first.endswith(tuple(h for h in heads if len(h) > 1)):
        return items  # 私人消费及固定资本形成总额: a first item that is a measure itself shares no head
    else:
        head_at = _head_at_unanchored(items)
    head = last[head_at:]
    if head and head.endswith(heads):
        return [item + head for item in items[:-1]] + [_without_de(last, head)]
    return items


def _measure_shared_by_all(items: list[str]) -> list[str]:
    """集成电路、汽车零配件、锂电池出口: a measure word that ends only the last item is shared by all."""
    last, heads = items[-1], cue_words().measure_heads
    head = max((h for h in heads if len(h) > 1 and last.endswith(h) and len(last) > len(h)), key=len, default="")
    if head and not any(item.endswith(heads) for item in items[:-1]):
        return [item + head for item in items[:-1]] + [_without_de(last, head)]
    return items


def _without_de(last: str, head: str) -> str:
    """住屋及燃料的价格指数 as the last of a list whose head all items share: written like the others
    (通讯价格指数, 住屋及燃料价格指数), without the 的 before the head."""
    part, marks = last[: len(last) - len(head)], cue_words().attribute_marker
    mark = next((m for m in marks if part.endswith(m) and len(part) > len(m)), "")
    return part[: len(part) - len(mark)] + head if mark else last


def _split_list(phrase: str, count: int) -> list[str] | None:
    """规上工业增加值、规上服务业营收 → two items; 城镇居民、农村居民人均可支配收入 shares a head.

    The head shared by all items sits at the end of the last one: after the word the first item ends
    with (居民), else the longest glossary term it ends with (进出口总额), else after as many characters
    as the first item has (城镇、农村常住居民…)."""
    items = _items(phrase, count)
    if items is None:
        return None
    first, last = items[0], items[-1]
    ordinal_re = cue_words().ordinal_item_re
    ordinal = ordinal_re.match(last)
    if ordinal and all(ordinal_re.fullmatch(item) for item in items[:-1]):
        # 第一、第三产业增加值, 第一、二、三产业: ordinals that share the noun after the last one
        mark = cue_words().ordinal_mark
        return [("" if item.startswith(mark) else mark) + item + last[ordinal.end():] for item in items[:-1]] + [
            last if last.startswith(mark) else mark + last]
    # (a last item no longer than the first may still carry a head after the word they share:
    # 信息传输软件和信息技术服务业、租赁和商务服务业增加值)
    if len(last) > len(first) + 1 or (len(first) >= 3 and first[-2:] in last[:-1]):
        return _head_shared_by_all(items)
    if len(first) >= len(last) + 3:
        return leading_modifier_shared(items, cue_words())
    return _measure_shared_by_all(items)


@cache
def _fused_pairs() -> dict[str, list[str]]:
    return load_lexicon().cues["metric"]["fused_pairs"]  # type: ignore[return-value]


def _split_list_before_fenbie(phrase: str, count: int) -> list[str] | None:
    """能耗、排放强度分别约为全国平均: the list is before 分别; what follows it is said of every item
    (能耗约为全国平均, 排放强度约为全国平均)."""
    subject, marker, tail = phrase.partition(cue_words().respectively)
    if not marker or not subject:
        return _split_list(_without_enumeration(phrase), count)
    subject = _without_link(_without_enumeration(subject))
    w = cue_words()
    for word in sorted(w.lead, key=len, reverse=True):
        if tail.startswith(word) and len(tail) > len(word):
            tail = tail[len(word) :]  # 分别实现地区生产总值 → 地区生产总值
            break
    items = _split_list(subject, count)
    return [item + tail for item in items] if items else None


def _without_link(subject: str) -> str:
    """综合所得税与营所税则: a link word jieba cuts off the end of the list leaves it (the last item)."""
    kept = strip_trailing(list(tokenize(subject)), cue_words().trailing)
    return joined(subject, kept) if kept else subject


def _without_enumeration(subject: str) -> str:
    """香洲、金湾和斗门三个行政区, 教育和家居设备及服务两个大类: the count that names the list is no item."""
    enumeration = cue_words().enumeration_re.search(subject)
    if enumeration and len(subject) > enumeration.end() - enumeration.start():
        return subject[: enumeration.start()]
    named_set = _named_set_re().match(subject)
    if named_set and "、" in subject[named_set.end() :]:
        return subject[named_set.end() :]  # 两大主力资讯通信、电子产接单: the named set is no item
    return subject


@cache
def _named_set_re() -> regex.Pattern[str]:
    """两大主力, 三大类: a count of a named set of what a list names next (an enumeration, docs/annotation.md)."""
    digits = "".join(load_lexicon().cues["context"]["enumeration_digits"])
    marks = "|".join(map(regex.escape, load_lexicon().words("context", "named_set_marks")))
    return regex.compile(rf"[{digits}]+(?:{marks})\p{{Han}}{{2}}(?=\p{{Han}})")


def _joined_to_next(text: str, quantities: list[Quantity], k: int) -> bool:
    """True when only a list joiner stands between quantity ``k`` and the next one."""
    joiners = cue_words().list_joiners
    return k + 1 < len(quantities) and text[quantities[k].end : quantities[k + 1].prefix_start].strip() in joiners


def _first_comma(text: str, quantities: list[Quantity], group: list[int]) -> int | None:
    """The position in ``group`` of the first number a comma parts from the one before, if any."""
    return next((n for n in range(1, len(group)) if text[quantities[group[n - 1]].end :
                 quantities[group[n]].prefix_start].strip() in ("，", ",")), None)


def _written_as_a_list(text: str, quantities: list[Quantity], group: list[int], metric: str) -> bool:
    """The metric lists items (、), or two items joined by the very word that joins the two numbers
    (总体失业率及本地居民失业率…维持在1.7%及2.3%)."""
    if "、" in metric:
        return True
    joiner = text[quantities[group[0]].end : quantities[group[1]].prefix_start]
    return len(group) == 2 and joiner in cue_words().list_separators and joiner in metric


def _pair_parallel(text: str, quantities: list[Quantity], out: list[Context], group: list[int],
                   paired: tuple[str, list[str]]) -> int:
    """煤炭、原油、天然气产量7.8亿吨、2470万吨、350亿方: as many items as numbers, in order, need no 分别
    (but such a list ends at a comma). 城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%: a list that
    only shares the subject a 分别 list paired (``paired`` = (that subject, its items)) pairs the same
    items in the same order. Returns the index to go on from."""
    i = group[0]
    comma = _first_comma(text, quantities, group) or len(group)
    group = group[:comma]
    metric = out[i].metric
    items = _split_list(metric, len(group)) if len(group) > 1 and _written_as_a_list(text, quantities, group, metric) else None
    if items is None and len(group) > 1 and metric == paired[0] and len(paired[1]) == len(group):
        items = paired[1]
    if items and all(out[k].metric == metric for k in group):
        for k, item in zip(group, items, strict=True):
            out[k] = decided(out[k], "pass.lists.parallel", metric=item, subject=item)
    return group[0] + comma if items else i + 1


def _fenbie_items(text: str, quantities: list[Quantity], out: list[Context], group: list[int],
                  own_subject: str) -> tuple[list[str] | None, list[int]]:
    """(the items a 分别 list pairs with its numbers, the numbers of the list)."""
    i, marker = group[0], cue_words().examples_marker
    examples = own_subject.rpartition(marker)[0].split("、") if marker in own_subject else []
    if len(examples) == len(group) and all(0 < len(e) <= 8 for e in examples) and out[i].metric:
        # 食品、石化、医药、信息等产业增加值分别增长…: each example with the head after 等
        items = [strip_words(e, (marker,)).split("，")[-1] + out[i].metric for e in examples]
        return [strip_leading_text(items[0], cue_words())] + items[1:], group
    if own_subject:
        items = _split_list_before_fenbie(out[i].metric, len(group)) or _bracket_list_before(text, quantities, group)
        comma = _first_comma(text, quantities, group)
        if items is None and comma is not None and comma > 1:
            group = group[:comma]  # 分别增至37座、14座，6部作品…: the list ends at the comma
            items = _split_list_before_fenbie(out[i].metric, len(group))
        return items, group
    if i >= len(group):
        # 接待游客1.2亿人次，实现旅游收入1500亿元，分别增长10%和12%: the list is the numbers before
        share = _share_word(text, quantities[i].prefix_start)
        return [out[k].subject + share for k in range(i - len(group), i)], group
    # 整体出口和进口货值均录得按年升幅，分别上升17.5%和18.3%: the list is the subject of the clause before
    subject = subject_of_clause_before(text, clause_start(text, quantities[i].prefix_start), cue_words())
    return (_split_list_before_fenbie(subject, len(group)) if subject else None), group


def _bracket_list_before(text: str, quantities: list[Quantity], group: list[int]) -> list[str] | None:
    """甲类(103.67)及乙类(104.68)消费物价指数分别上升0.49%及1.13%: the list before 分别 is one of bracketed
    numbers; its items, with the head written once, pair with the numbers after."""
    hi = quantities[group[0]].prefix_start
    found = list(_bracket_patterns()[0].finditer(text, 0, hi))
    if not found or _CLAUSE_BREAK.search(text, found[-1].end(), hi):
        return None  # (no such list in the clause of 分别)
    items = bracket_list_items(text, found[-1].start(), hi, found[-1].start())
    if not items or len(items) != len(group):
        return None
    return [item + _share_word(text, hi) for item in items]


def _share_word(text: str, hi: int) -> str:
    """占 when 分别占 stands right before ``hi`` (…入境的旅客分别占47.5%: a share of each item, 经关闸口岸入境的
    旅客占, as a share clause after a claim reads), else ""."""
    w = cue_words()
    said = text[text.rfind(w.respectively, 0, hi) + len(w.respectively) : hi].strip()
    return said if said in w.comparisons else ""


_CLAUSE_BREAK = regex.compile(r"[，；;。：:]|,(?!\d)")  # (a comma between digits groups thousands)


def _pair_fenbie(text: str, quantities: list[Quantity], out: list[Context], group: list[int], marker_at: int) -> int:
    """Pair each number of a 分别 list with its item. Returns the index to go on from."""
    i, w = group[0], cue_words()
    own_subject = text[clause_start(text, quantities[i].prefix_start) : marker_at].strip("，、 ")
    if own_subject in w.bare_measures or own_subject in w.changes or own_subject in w.fenbie_manners:
        own_subject = ""  # …第三产业增加值497.48亿元，增速分别为4.4%、4.8%、6.0%: the numbers before name them
        # (so does a manner alone: …共1,987个，总值105.2亿元，按季分别下跌16.1%及22.4%)
    items, group = _fenbie_items(text, quantities, out, group, own_subject)
    if items:
        # 城镇调查失业率、居民消费价格涨幅分别控制在5.5%和3%以内: a change word that ends the last item
        # only (no head shared by all) is that item's alone
        own_change = bool(own_subject) and own_subject.endswith(tuple(w.changes)) and items[0] == own_subject.split("、")[0]
        for n, (k, item) in enumerate(zip(group, items, strict=True)):
            change = "" if own_change and n < len(group) - 1 else out[k].change or out[i].change
            out[k] = decided(out[k], "pass.lists.fenbie", metric=item, change=change, subject=item)
    return group[-1] + 1


def pair_lists(text: str, quantities: list[Quantity], results: list[Context]) -> list[Context]:
    """分别 lists: pair each number with its own item of the list before 分别, or, when 分别 opens its
    clause, with the numbers just before it; lists without 分别 pair in order (pass.lists.parallel)."""
    out = list(results)
    i = 0
    paired: tuple[str, list[str]] = ("", [])  # the subject the last 分别 list paired, and its items
    while i < len(quantities):
        if not _joined_to_next(text, quantities, i):
            i += 1  # a number alone: no list to pair
            continue
        group = [i]
        while _joined_to_next(text, quantities, group[-1]):
            group.append(group[-1] + 1)
        q = quantities[i]
        marker_at = text.rfind(cue_words().respectively, clause_start(text, q.prefix_start), q.prefix_start)
        if marker_at < 0:
            i = _pair_parallel(text, quantities, out, group, paired)
        else:
            subject = out[i].metric
            i = _pair_fenbie(text, quantities, out, group, marker_at)
            paired = (subject, [out[k].metric for k in range(group[0], i)])
    return out


def share_tiers(text: str, quantities: list[Quantity], results: list[Context], w: Cues) -> list[Context]:
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
                out[i] = decided(out[i], "pass.lists.tiers", metric=first + second[len(level):])
        elif tier_second and not tier_first:
            level = next((t for t in w.tiers if t in first), None)
            if level:
                shared = first.replace(level, second, 1)
                out[i + 1] = decided(out[i + 1], "pass.lists.tiers", metric=shared, subject=shared)
    return out


def share_selection(text: str, quantities: list[Quantity], results: list[Context], w: Cues) -> list[Context]:
    """6个企业品牌、2个区域品牌入选首批中国消费名品: a predicate of selection after the last item of a list of
    counts says which things every item counts (企业品牌入选首批中国消费名品)."""
    out = list(results)
    for i in range(len(out) - 2, -1, -1):
        thing, after = out[i].metric, out[i + 1].metric
        if quantities[i].kind != Kind.COUNT or not thing or thing in after:
            continue
        if text[quantities[i].end : quantities[i + 1].prefix_start] != thing + "、":
            continue  # (only an item that is the thing counted and a list joiner)
        predicate = _selection_after_thing(after, w)
        if predicate:
            out[i] = decided(out[i], "pass.lists.selection", metric=thing + predicate)
    return out


def _selection_after_thing(metric: str, w: Cues) -> str:
    """入选首批中国消费名品 of 区域品牌入选首批中国消费名品: the predicate of selection a metric ends with, or ""."""
    at = min((k for k in (metric.find(v, 1) for v in w.counted_selections) if k > 0), default=-1)
    return metric[at:] if at > 0 else ""


rule("pass.lists.fenbie", summary=(
    "Each number of a list that the word for respectively (fenbie) pairs takes its own item of the list "
    "before it, or the number before."
))(pair_lists)
rule("pass.lists.parallel", summary=(
    "A list of as many items as numbers, in order, pairs them without fenbie."
))(pair_lists)
rule("pass.lists.tiers")(share_tiers)
rule("pass.lists.selection")(share_selection)


_BRACKET_ITEM = r"[^()（）0-9，,。；;：:]{1,12}?[(（][^()（）]{1,24}[)）]"


@cache
def _bracket_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a list of two or more names with a bracketed number each, one name of it with its joiner)."""
    joiners = "|".join(map(regex.escape, cue_words().list_separators))
    return (regex.compile(rf"{_BRACKET_ITEM}(?:(?:{joiners}){_BRACKET_ITEM})+"),
            regex.compile(rf"((?:{joiners})?)([^()（）]*?)[(（][^()（）]*[)）]"))


def bracket_list_items(text: str, lo: int, hi: int, opening: int) -> list[str] | None:
    """甲类(103.67)及乙类(104.68)消费物价指数: the names of a list of bracketed numbers, with the head that
    the list writes once after its last bracket (甲类消费物价指数, 乙类消费物价指数), or None when the bracket
    at ``opening`` stands in no such list within [lo, hi)."""
    bracket_list, bracket_name = _bracket_patterns()
    found = next((m for m in bracket_list.finditer(text, lo, hi) if m.start() <= opening < m.end()), None)
    if found is None:
        return None
    parts = bracket_name.findall(found.group())
    tail = _noun_run(text, found.end(), hi)
    names = [strip_leading_text(parts[0][1], cue_words())] + [name for _, name in parts[1:]]  # (当中广州市)
    if tail:
        # (the head after the last bracket is every name's, whatever it is: …横琴口岸(…)入境的旅客)
        return _preposition_shared([name + tail for name in names])
    return _last_noun_shared(names)


def _preposition_shared(items: list[str]) -> list[str]:
    """经关闸口岸、港珠澳大桥及横琴口岸入境的旅客: the preposition that opens the first item opens every one."""
    word = next((p for p in load_lexicon().words("regional", "shared_prepositions") if items[0].startswith(p)), "")
    return [items[0]] + [item if not word or item.startswith(word) else word + item for item in items[1:]]


def _last_noun_shared(items: list[str]) -> list[str]:
    """香港(711,684人次)及台湾地区旅客(58,104人次): the noun that ends the last name of a bracketed list is
    what every name counts (香港旅客) when another name does not end with it."""
    from ..segment import tokenize

    words = list(tokenize(items[-1]))
    noun = words[-1].text if len(words) > 1 and words[-1].tag.startswith("n") and words[-1].tag != "ns" else ""
    if not noun:
        return items
    return [item if item.endswith(noun) else item + noun for item in items[:-1]] + [items[-1]]


_NOUN_TAGS = ("n", "vn", "l", "eng")  # (物价指数 is an idiom to jieba: l)


def _noun_run(text: str, start: int, end: int) -> str:
    """The nouns that stand right after ``start`` (消费物价指数 of …(104.68)消费物价指数分别上升)."""
    from ..segment import tokenize

    run, w = "", cue_words()
    for token in tokenize(text[start:end]):
        if token.text in w.attribute_marker and run:
            run += token.text  # (入境的旅客)
            continue
        if not (token.tag.startswith(_NOUN_TAGS) and token.text.isalpha()) or token.text in w.changes or token.text in w.trailing:
            break  # (同比, 按年: how it changed, no part of the head)
        run += token.text
    return next((run[: -len(m)] for m in w.attribute_marker if run.endswith(m)), run)
