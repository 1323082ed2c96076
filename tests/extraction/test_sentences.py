from extraction.sentences import split_clauses, split_sentences


def test_sentences_split_on_arabic_and_latin_punctuation_and_newlines():
    text = "قتل جندي. هل وصل الجيش؟ نعم؛ وصل\nسطر جديد"
    assert [s.text for s in split_sentences(text)] == [
        "قتل جندي.", "هل وصل الجيش؟", "نعم؛", "وصل", "سطر جديد"]


def test_decimals_do_not_end_a_sentence_and_offsets_point_into_the_text():
    text = 'ارتفع المؤشر 1.5 بالمئة. وقال "انتهى".'
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["ارتفع المؤشر 1.5 بالمئة.", 'وقال "انتهى".']
    for s in sents:
        assert text[s.start:s.end] == s.text


def test_clauses_split_at_commas_but_not_inside_thousands():
    text = "قتل 1,332 شخصا، وأصيب آخرون"
    assert [c.text for c in split_clauses(text)] == ["قتل 1,332 شخصا،", "وأصيب آخرون"]
