"""The word-break dictionary built lazily (thaibreak._lazy_trie) answers exactly as pythainlp's own Trie."""

from __future__ import annotations

import random

from dipdesk.printing import nlp
from dipdesk.printing.thaibreak import _dictionary, _lazy_trie


def _words() -> list[str]:
    nlp.load()
    from pythainlp.corpus.common import thai_words

    from dipdesk.printing.dictionary import DEPARTMENT_WORDS

    return sorted(set(thai_words()) | DEPARTMENT_WORDS)


def test_same_tokens_and_prefixes_as_pythainlp_trie() -> None:
    from pythainlp.tokenize import word_tokenize
    from pythainlp.util import dict_trie

    words = _words()
    eager, lazy = dict_trie(words), _lazy_trie(words)
    rng = random.Random(12)
    texts = [
        "วุฒิบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า",
        "ได้ผ่านการอบรมหลักสูตรการพัฒนาผลิตภัณฑ์ชุมชน ณ ศูนย์ส่งเสริมอุตสาหกรรมภาคที่ ๑",
        "มอก. 2345-2560 ค่า pH 7.2 ๆ",
    ]
    texts += [
        "".join(rng.choice(words) for _ in range(rng.randint(1, 8))) + rng.choice(("", " ก", "x"))
        for _ in range(80)
    ]
    for text in texts:
        assert word_tokenize(text, custom_dict=lazy, engine="newmm", keep_whitespace=True) == word_tokenize(
            text, custom_dict=eager, engine="newmm", keep_whitespace=True
        )
        for start in range(len(text)):
            assert lazy.prefixes(text, start) == eager.prefixes(text, start)
    assert len(lazy) == len(eager) and sorted(lazy) == sorted(eager)
    assert "อุตสาหกรรม" in lazy and "อุตสาหกรรมม" not in lazy
    for trie in (eager, lazy):
        trie.add(" คำใหม่ ")
        trie.remove(words[3])
    assert "คำใหม่" in lazy and words[3] not in lazy
    assert len(lazy) == len(eager) and sorted(lazy) == sorted(eager)


def test_edge_words_and_the_shared_dictionary() -> None:
    from pythainlp.util import Trie

    odd = ["ab", "abc", " x ", "", "b"]
    assert sorted(_lazy_trie(odd)) == sorted(Trie(odd)) and len(_lazy_trie(odd)) == len(Trie(odd))
    assert _lazy_trie(odd).prefixes("abcd") == ["ab", "abc"] and _lazy_trie([]).prefixes("ab") == []
    assert isinstance(_dictionary(), Trie) and "กรม" in _dictionary()
