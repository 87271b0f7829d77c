"""Organisation knowledge: known bodies, suffixes, stop words and the endings of a name.

Data (``nlp/data/README.md``), one loader each: ``orgs_known.txt`` (国务院, 工信部, ...) with
``orgs_corpus.tsv`` (built by ``python -m nlp.training.build_corpus_orgs``),
``org_suffixes.tsv`` (suffix + kind: strong / named / head / organ / weak),
``org_stopwords.txt`` (where a company name stops when read leftwards), ``org_lines.txt``
(business lines after a known name: 新浪|娱乐) and
``org_endings.tsv`` (endings learnt from MSRA train by ``python -m nlp.training.build_org_endings``).
The ORG finder that reads text with them is ``org_finder.py``.
"""
from __future__ import annotations

import functools

import regex

from ..data import read_tsv

# Words ending in a one-character suffix that are no organisation (美国|打官司, 大道交会处).
_STOCK_CODE = r"[（(]\s*(?:\d{6}|\d{4,5})(?:\.(?:SH|SZ|HK|BJ))?\s*[）)]"
#: A listed company's stock code in brackets after its name (辽宁成大(600739), 腾讯控股（00700.HK）),
#: searched for before a post, and matched from where a name ends.
STOCK_CODE = regex.compile(_STOCK_CODE + "$")
STOCK_CODE_AFTER = regex.compile(r"\s*" + _STOCK_CODE)

NOT_SUFFIXED = frozenset({"官司", "会处", "汇处", "界处", "口处", "合处", "接处", "深处", "远处", "住处",
                          "好处", "用处", "到处", "各处", "此处", "何处", "多处"})
# Endings of organisations that org_suffixes.tsv does not list (the ORG rules do not read
# them): teams, legislatures, embassies. Only for a model ORG replacing places it contains.
_TEAM_ENDINGS = ("队", "女排", "女篮", "女足", "男篮", "男足", "国会", "使馆", "央行", "红十字会", "作协",
                 "联合体", "党中央", "厂")


@functools.lru_cache(maxsize=None)
def known() -> frozenset[str]:
    """RETURNS the organisations of ``orgs_known.txt`` (hand-made) and ``orgs_corpus.tsv``
    (built: suffixless names the training corpora annotate as organisations, 暴雪, 佳士得)."""
    return frozenset(f[0] for file in ("orgs_known.txt", "orgs_corpus.tsv") for _, f in read_tsv(file))


@functools.lru_cache(maxsize=None)
def suffixes() -> dict[str, str]:
    """RETURNS suffix -> kind from ``org_suffixes.tsv``."""
    return {f[0]: f[1] for _, f in read_tsv("org_suffixes.tsv", min_fields=2)}


@functools.lru_cache(maxsize=None)
def lines() -> frozenset[str]:
    """RETURNS the words of ``org_lines.txt``: business lines that continue a known
    organisation's name (新浪|娱乐, 中信|证券)."""
    return frozenset(f[0] for _, f in read_tsv("org_lines.txt"))


@functools.lru_cache(maxsize=None)
def stop_words() -> frozenset[str]:
    """RETURNS the words of ``org_stopwords.txt``."""
    return frozenset(f[0] for _, f in read_tsv("org_stopwords.txt"))


@functools.lru_cache(maxsize=None)
def learnt_endings() -> frozenset[str]:
    """RETURNS the endings of ``org_endings.tsv`` (中国|足协, 美国|国防部)."""
    return frozenset(f[0] for _, f in read_tsv("org_endings.tsv"))


@functools.lru_cache(maxsize=None)
def _endings() -> frozenset[str]:
    """The suffixes, the team/body endings and the learnt endings as one set (built once)."""
    return frozenset((*suffixes(), *_TEAM_ENDINGS, *learnt_endings()))


def named_org(name: str) -> bool:
    """RETURNS whether ``name`` ends like an organisation: a suffix of ``org_suffixes.tsv``
    (欧洲中央|银行, 亚洲|协会) or a team/body ending (上海申花|队, 美国|国会, 中国|使馆).

    The ending must be shorter than the name: each proper ending of ``name`` is looked up.
    """
    endings = _endings()
    return any(name[k:] in endings for k in range(1, len(name) + 1))


#: Suffixes of literature and news sites (起点中文网, 17K小说网): a site's name is often a common
#: word (起点, 创世), so a site is never a kind of company (``model_spans._generic_company``).
SITE_SUFFIXES = ("小说网", "中文网", "文学网", "文学城")

#: Business words that with the lines of org_lines.txt name a kind of company, not one
#: (实业|有限公司, 网络科技|公司). General knowledge.
_INDUSTRY_WORDS = frozenset("实业 投资 贸易 发展 建设 工程 技术 咨询 服务 管理 网络 信息 控股 商贸 建筑 "
                            "开发 房地产 农业 食品 服装 化工 制药 生物 环保 新能源 互联网 数码 软件".split())


@functools.lru_cache(maxsize=None)
def _business_words() -> frozenset[str]:
    return _INDUSTRY_WORDS | lines()


def industry_only(name: str) -> bool:
    """RETURNS whether ``name`` (what precedes a company's suffix) is made of business words
    only (实业, 网络科技): no brand, so the ORG names a kind of company."""
    words = _business_words()
    reach = [True] + [False] * len(name)   # reach[i]: name[:i] splits into business words
    for i in range(1, len(name) + 1):
        reach[i] = any(reach[j] and name[j:i] in words for j in range(max(0, i - 3), i))
    return bool(name) and reach[-1]


def company_name(org: str) -> str | None:
    """RETURNS what precedes the company-type suffixes ending ``org`` (保险 in 保险公司,
    中国石油 in 中国石油集团有限公司), or None when it does not end with one."""
    kinds = suffixes()
    name = org
    while True:
        cut = [n for n in range(len(name) - 1, 0, -1) if kinds.get(name[-n:]) in ("strong", "named")]
        if not cut:
            break
        name = name[:-cut[0]]
    return name if name != org else None
