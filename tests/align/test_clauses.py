"""Clause alignment: assignment, splits, merges, moves, order."""

from __future__ import annotations

import heapq

from editgen import build
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.align.assign import max_weight_matching
from docdiff.align.compare import compare
from docdiff.options import Options

NO_PHRASES = Options(phrases=False)

TOPICS = [
    "Стороны развивают сотрудничество в области энергетики и нефтехимии.",
    "Стороны поощряют обмен студентами и преподавание языков в университетах.",
    "Стороны укрепляют связи между правоохранительными органами и службами безопасности.",
    "Стороны поддерживают реформу международной финансовой архитектуры.",
    "Стороны расширяют транспортное сообщение и логистику на Каспии.",
    "Стороны содействуют туризму и взаимным поездкам граждан.",
    "Стороны приветствуют сотрудничество в сфере здравоохранения и спорта.",
    "Стороны углубляют взаимодействие в области сельского хозяйства и продовольствия.",
    "Стороны развивают культурные обмены и сотрудничество музеев и библиотек.",
    "Стороны совместно противодействуют изменению климата и загрязнению.",
    "Стороны поддерживают цифровую экономику и электронную торговлю.",
    "Стороны развивают связи между парламентами и политическими партиями.",
    "Стороны содействуют сотрудничеству в области науки и новых технологий.",
    "Стороны поддерживают контакты молодежных организаций и спортивных клубов.",
    "Стороны укрепляют сотрудничество в сфере гражданской авиации.",
    "Стороны развивают финансовое сотрудничество и расчеты в национальных валютах.",
    "Стороны проводят консультации министерств иностранных дел на регулярной основе.",
    "Стороны развивают сотрудничество в области гуманитарного разминирования.",
]


def numbered(clauses: list[str]) -> str:
    return "\n\n".join(f"{n}. {text}" for n, text in enumerate(clauses, 1))


def rows(left: list[str], right: list[str]) -> list[tuple[str, tuple[str, ...], tuple[str, ...], bool]]:
    result = compare(build(numbered(left)), build(numbered(right)), NO_PHRASES)
    return [(p.kind.value, p.left, p.right, p.moved) for p in result.pairs]


def test_identical_documents_match_in_place() -> None:
    found = rows(TOPICS, TOPICS)
    assert found == [("match", (str(n),), (str(n),), False) for n in range(1, len(TOPICS) + 1)]


def test_one_clause_moved_far_is_the_only_move() -> None:
    right = TOPICS[:2] + TOPICS[3:16] + [TOPICS[2]] + TOPICS[16:]
    found = rows(TOPICS, right)
    moved = [r for r in found if r[3]]
    assert moved == [("match", ("3",), ("16",), True)]
    assert all(r[0] == "match" for r in found)
    assert [r[2] for r in found] == [(str(n),) for n in range(1, len(TOPICS) + 1)]
    assert [r[1] for r in found if not r[3]] == [(str(n),) for n in range(1, len(TOPICS) + 1) if n != 3]


def test_deletion_and_insertion_stay_where_they_stood() -> None:
    new = "Стороны договорились о сотрудничестве в освоении космоса и запуске спутников связи."
    right = [*TOPICS[:4], new, *TOPICS[4:9], *TOPICS[10:]]
    found = rows(TOPICS, right)
    kinds = [(r[0], r[1], r[2]) for r in found]
    assert ("insert", (), ("5",)) in kinds
    deleted = kinds.index(("delete", ("10",), ()))
    assert kinds[deleted - 1] == ("match", ("9",), ("10",))
    assert not any(r[3] for r in found)


def test_weak_pair_off_the_chain_is_delete_plus_insert() -> None:
    # Clause 2 is rewritten beyond recognition and moved: no pair survives.
    rewritten = "Стороны обсудили энергетику кратко."
    right = [TOPICS[0], *TOPICS[2:10], rewritten, *TOPICS[10:]]
    found = rows(TOPICS, right)
    assert not any(r[3] for r in found)
    assert ("delete", ("2",), (), False) in found


def test_split_and_merge() -> None:
    left = [*TOPICS[:3], TOPICS[3] + " " + TOPICS[4], *TOPICS[5:]]
    found = rows(left, TOPICS)
    assert ("split", ("4",), ("4", "5"), False) in found
    back = rows(TOPICS, left)
    assert ("merge", ("4", "5"), ("4",), False) in back


def test_look_alike_clauses_pair_by_position() -> None:
    same = "Стороны поддерживают расширение сотрудничества в сфере медиа."
    left = [same, *TOPICS[:5], same, *TOPICS[5:10], same]
    right = [same.replace("медиа", "медиа и спорта"), *TOPICS[:5], same, *TOPICS[5:10], same]
    found = rows(left, right)
    assert found[0] == ("match", ("1",), ("1",), False)
    assert not any(r[3] for r in found)


def test_labels_are_kept_as_in_the_document() -> None:
    doc = build("Вступление о визите.\n\n1. " + TOPICS[0] + "\n\n2. " + TOPICS[1])
    result = compare(doc, doc, NO_PHRASES)
    assert [p.left for p in result.pairs] == [("preamble.1",), ("1",), ("2",)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("аеёЁбвгАБ abcXYZ\u00a0\u2009\t\n-–—«»\"'“”„’…\u00ad\u200b,.;:!?0123456789ßİ")
        )
    )
)
def test_fold_key_is_normalize_without_offsets(text: str) -> None:
    from docdiff.align.similarity import fold_key
    from docdiff.text.normalize import normalize

    assert fold_key(text) == normalize(text, casefold=True).text


def test_prefix_filtered_candidates_are_exact() -> None:
    from docdiff.align.similarity import Space, cosine

    docs = [t.split() for t in TOPICS]
    space = Space(docs[:10], [*docs[5:], docs[0] + docs[1]])
    found = space.candidates(range(10), range(len(space.right)), 0.3)
    brute = [
        (i, j, cosine(space.left[i], space.right[j]))
        for i in range(10)
        for j in range(len(space.right))
        if cosine(space.left[i], space.right[j]) >= 0.3
    ]
    assert found == brute


REFRAIN = "См. также."
WITH_REFRAIN = [TOPICS[0], TOPICS[1], REFRAIN, TOPICS[2], REFRAIN, TOPICS[3], REFRAIN, TOPICS[4]]


def test_a_block_moved_with_its_copy_of_a_refrain_moves_alone() -> None:
    # Clauses 2 and 3 (a refrain line) go to the end: two moves, not four.
    right = WITH_REFRAIN[:1] + WITH_REFRAIN[3:] + WITH_REFRAIN[1:3]
    moved = [(lf, rt) for kind, lf, rt, m in rows(WITH_REFRAIN, right) if m]
    assert moved == [(("2",), ("7",)), (("3",), ("8",))]


def test_copies_of_a_refrain_pair_without_moves_when_one_goes() -> None:
    right = WITH_REFRAIN[:4] + WITH_REFRAIN[5:]
    found = rows(WITH_REFRAIN, right)
    assert ("delete", ("5",), (), False) in found
    assert not any(m for *_, m in found)


def test_a_moved_refrain_block_costs_the_fewest_moves() -> None:
    right = WITH_REFRAIN[:2] + WITH_REFRAIN[4:] + WITH_REFRAIN[2:4]
    assert sum(m for *_, m in rows(WITH_REFRAIN, right)) == 2


def test_contained_is_the_weighted_share_of_words() -> None:
    from collections import Counter

    from docdiff.align.similarity import Space

    docs = [t.split() for t in TOPICS]
    space = Space([*docs[:4], docs[0]], [docs[0] + docs[1], docs[2], docs[0], docs[3][:3]])

    def brute(mine: list[str], others: list[list[str]]) -> float:
        have, theirs = Counter(mine), Counter(t for o in others for t in o)
        whole = sum(space.idf[t] * n for t, n in have.items())
        return sum(space.idf[t] * min(n, theirs[t]) for t, n in have.items() if t in theirs) / whole

    lefts = [*docs[:4], docs[0]]
    rights = [docs[0] + docs[1], docs[2], docs[0], docs[3][:3]]
    for i, mine in enumerate(lefts):
        for others in ([0], [1], [0, 1], [2, 3], [3], [1, 2, 3]):
            for _ in range(2):  # the second answer comes from the cache
                assert space.contained("left", i, others) == brute(mine, [rights[j] for j in others])
    for j, mine in enumerate(rights):
        assert space.contained("right", j, [0, 4]) == brute(mine, [lefts[0], lefts[4]])


def test_fold_key_folds_as_the_fold_table_does() -> None:
    import re
    import unicodedata

    from docdiff.align.similarity import _fold_table, fold_key

    # Every character up to the CJK block, each between two letters and doubled.
    text = "".join(f"a{chr(c)}{chr(c)}b" for c in range(0x20, 0x3100) if not 0xD800 <= c < 0xE000)
    text += "\ufeff\ufe58\ufe63\uff02\uff0d ё «x» \u00a0\u2009 "
    folded = unicodedata.normalize("NFC", text).translate(_fold_table())
    assert fold_key(text) == re.sub(r"\s+", " ", folded).strip().casefold()


def test_space_is_the_same_for_shared_and_copied_term_lists() -> None:
    from docdiff.align.similarity import Space

    docs = [t.split() for t in TOPICS[:4]]
    shared = Space([docs[0], docs[1], docs[0], docs[0]], [docs[1], docs[0], docs[2], docs[3]])
    copied = Space(
        [list(docs[0]), list(docs[1]), list(docs[0]), list(docs[0])],
        [list(docs[1]), list(docs[0]), list(docs[2]), list(docs[3])],
    )
    assert shared.left.bags == copied.left.bags == [0, 1, 0, 0]
    assert shared.right.bags == copied.right.bags == [1, 0, 2, 3]
    assert list(shared.df.items()) == list(copied.df.items())
    assert shared.idf == copied.idf
    # df counts units: a term of docs[0] only is in four of the eight.
    only_first = next(t for t in docs[0] if not any(t in d for d in docs[1:]))
    assert shared.df[only_first] == 4


# The matching as first written (the plain loops), to hold the faster one to
# exactly the same pairs, ties included.
def _reference_matching(edges: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for i, j, _ in edges:
        a, b = find(("l", i)), find(("r", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], list[tuple[int, int, float]]] = {}
    for edge in edges:
        groups.setdefault(find(("l", edge[0])), []).append(edge)
    result: list[tuple[int, int]] = []
    for root in sorted(groups):
        result.extend(_reference_component(groups[root]))
    return sorted(result)


def _reference_component(edges: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    if len(edges) == 1:
        return [(edges[0][0], edges[0][1])]
    lefts = sorted({e[0] for e in edges})
    rights = sorted({e[1] for e in edges})
    li = {v: k for k, v in enumerate(lefts)}
    ri = {v: k for k, v in enumerate(rights)}
    source, sink = 0, 1 + len(lefts) + len(rights)
    size = sink + 1
    top = max(e[2] for e in edges) + 1.0
    # Residual graph as parallel arrays: edge k goes to head[k], reverse edge is k ^ 1.
    head: list[int] = []
    cap: list[int] = []
    cost: list[float] = []
    out: list[list[int]] = [[] for _ in range(size)]

    def add(u: int, v: int, c: float) -> None:
        out[u].append(len(head))
        head.append(v)
        cap.append(1)
        cost.append(c)
        out[v].append(len(head))
        head.append(u)
        cap.append(0)
        cost.append(-c)

    for left in lefts:
        add(source, 1 + li[left], 0.0)
    for i, j, w in sorted(edges):
        add(1 + li[i], 1 + len(lefts) + ri[j], top - w)
    for right in rights:
        add(1 + len(lefts) + ri[right], sink, 0.0)
    potential = [0.0] * size
    for _ in range(min(len(lefts), len(rights))):
        dist = [float("inf")] * size
        via = [-1] * size
        dist[source] = 0.0
        heap = [(0.0, source)]
        while heap:
            d, u = heapq.heappop(heap)
            if d > dist[u]:
                continue
            if u == sink:  # nodes farther than the sink cannot shorten this path
                break
            for k in out[u]:
                if cap[k]:
                    v = head[k]
                    nd = d + cost[k] + potential[u] - potential[v]
                    if nd < dist[v] - 1e-12:
                        dist[v] = nd
                        via[v] = k
                        heapq.heappush(heap, (nd, v))
        if dist[sink] == float("inf"):
            break
        # Potentials capped at the sink's distance stay feasible (reduced costs >= 0).
        reach = dist[sink]
        for v in range(size):
            potential[v] += min(dist[v], reach)
        # Each path adds one matched pair net, so its true cost is top - gain.
        if potential[sink] - potential[source] >= top - 1e-12:
            break
        v = sink
        while v != source:
            k = via[v]
            cap[k] -= 1
            cap[k ^ 1] += 1
            v = head[k ^ 1]
    pairs = []
    for left in lefts:
        for k in out[1 + li[left]]:
            v = head[k]
            if k % 2 == 0 and cap[k] == 0 and v != source:
                pairs.append((left, rights[v - 1 - len(lefts)]))
    return pairs


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 12), st.sampled_from([0.1, 0.25, 0.5, 0.5, 0.75, 1.0])),
        max_size=60,
        unique_by=lambda e: (e[0], e[1]),
    ),
    st.booleans(),
)
def test_matching_is_the_plain_algorithm_ties_included(
    edges: list[tuple[int, int, float]], jitter: bool
) -> None:
    if jitter:  # weights like alignment's: a score plus small position bonuses
        edges = [(i, j, w + 0.02 * (1.0 - abs(i - j) / 13)) for i, j, w in edges]
    assert max_weight_matching(edges) == _reference_matching(edges)
