from drafting.lint.sentences import document_sentences, split_sentences
from tests.drafting.lint.support import doc


def _texts(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_split_sentences_keeps_legal_abbreviations_inside():
    text = "See 8 U.S.C. § 1373 and Sec. 46-37 of the Code. No. 5 applies. Then, e.g. this."
    assert _texts(text) == [
        "See 8 U.S.C. § 1373 and Sec. 46-37 of the Code.",
        "No. 5 applies.",
        "Then, e.g. this.",
    ]


def test_split_sentences_offsets_skip_surrounding_spaces():
    assert split_sentences("  One.  Two?  ") == ((2, 6), (8, 12))


def test_split_sentences_of_empty_text_is_empty():
    assert split_sentences("   ") == ()


def test_item_first_sentence_has_its_lead_in_as_stem():
    document = doc(
        """
        Section 1. Rules.
        (a) Officers shall not do any of the following:
        (1) Share release dates. Then more.
        """
    )
    sentences = document_sentences(document)
    stems = [(s.text, s.stem.label if s.stem else None) for s in sentences]
    assert stems == [
        ("Officers shall not do any of the following:", None),
        ("Share release dates.", "(a)"),
        ("Then more.", None),
    ]


def test_a_stray_paragraph_inside_a_list_does_not_hide_the_lead_in():
    document = doc(
        """
        Section 1. Rules.
        (a) Officers shall not do any of the following:
        (1) Share release dates.

        a stray line

        (2) Share home addresses.
        """
    )
    last = document_sentences(document)[-1]
    assert (last.text, last.stem.label) == ("Share home addresses.", "(a)")
