from extraction.arabic import fold
from extraction.normalise import normalise


def test_fold_is_unchanged_for_the_search_index():
    assert fold("أُعلنَ إسقاط طائرةٍ في المستشفى") == "اعلن اسقاط طايره في المستشفي"
    assert fold("٢٠١٨ ـــ مؤتمر") == "2018  موتمر"


def test_normalised_text_maps_every_character_back_to_the_original():
    original = "قُتِلَ خمسةٌ &quot;في&quot; #تبة_الكهف"
    nt = normalise(original)
    assert nt.text == 'قتل خمسه "في"  تبه الكهف'
    i = nt.text.index("خمسه")
    start, end = nt.to_original(i, i + len("خمسه"))
    assert original[start:end] == "خمسة"
    assert len(nt.offsets) == len(nt.text) + 1
    assert list(nt.offsets) == sorted(nt.offsets)


def test_a_stray_teh_marbuta_glued_before_a_word_becomes_a_space():
    nt = normalise("ةامس أعلنت الخلية")
    assert nt.text.split()[0] == "امس"
    assert nt.to_original(1, 4) == (1, 4)


def test_html_entities_quotes_and_persian_letters_are_normalised():
    nt = normalise("«الجيش» &amp; کابل")
    assert nt.text == '"الجيش" & كابل'
    amp = nt.text.index("&")
    assert nt.original[slice(*nt.to_original(amp, amp + 1))] == "&amp;"[:1]


def test_empty_and_control_characters_are_safe():
    assert normalise("").text == ""
    assert normalise("\x00\x07a").text == "  a"
    assert normalise("").to_original(0, 0) == (0, 0)


def test_fold_is_camel_tools_folding_in_one_pass():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    every = "".join(chr(c) for c in range(0x600, 0x700)) + " abc 123 ـ"
    folded = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(
        dediac_ar(every).replace("\u0640", ""))))
    folded = folded.translate(str.maketrans({"ؤ": "و", "ئ": "ي"}))
    folded = folded.translate(str.maketrans({chr(0x660 + d): str(d) for d in range(10)}
                                            | {chr(0x6F0 + d): str(d) for d in range(10)}))
    assert fold(every) == folded


def test_the_diacritics_fold_removes_are_camel_tools_ones():
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    from extraction.arabic import diacritics

    assert diacritics() == frozenset(AR_DIAC_CHARSET)


def test_presentation_forms_are_read_as_the_letters_they_draw():
    original = "ﻭﻗﺘﻞ ﺃﺭﺑﻌﺔ ﺇﺭﻫﺎﺑﻴﻴﻦ ﻻ ﻏﻴﺮ في ﺟﻮﻟﺔ اﻟﻘﺼﺮ"
    nt = normalise(original)
    assert nt.text == "وقتل اربعه ارهابيين لا غير في جوله القصر"
    assert len(nt.offsets) == len(nt.text) + 1
    start = nt.text.index("جوله")
    assert nt.to_original(start, start + 4) == (original.index("ﺟﻮﻟﺔ"), original.index("ﺟﻮﻟﺔ") + 4)


def test_a_lam_alef_ligature_maps_both_letters_to_itself():
    nt = normalise("ﻻ")
    assert nt.text == "لا" and nt.to_original(0, 2) == (0, 1)


def test_an_incident_told_in_presentation_forms_is_found():
    import datetime as dt

    from extraction import extract
    text = "ﻭﻗﺘﻞ ﺃﺭﺑﻌﺔ ﺇﺭﻫﺎﺑﻴﻴﻦ ﻭﺃﺻﻴﺐ 12 ﺁﺧﺮﻭﻥ ﻓﻲ ﻋﻤﻠﻴﺔ ﻧﻔﺬﻫﺎ ﺭﺟﺎﻝ ﺍﻟﻤﻘﺎﻭﻣﺔ ﺍﻟﺸﻌﺒﻴﺔ ﻓﻲ ﻣﺪﻳﻨﺔ ﺗﻌﺰ."
    [event] = extract(text, dt.date(2015, 8, 1))
    assert (event.place.name, event.killed.best, event.wounded.best) == ("تعز", 4, 12)
