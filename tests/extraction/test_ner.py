"""The optional NER path, loaded and run with a tiny random model built here: a small
BertForTokenClassification with camel-tools' label set, its classifier biased so that
every word comes out as a place (B-LOC), and a word-piece vocabulary of a few words."""
import datetime as dt
import json
import os

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from extraction import extract, ner  # noqa: E402

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "قتل", "خمسة", "في", "انفجار",
         "بلدة", "زوركان", "قرب", "الموصل", "."]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    # camel-tools reads its data catalogue when camel_tools.ner is imported; offline, give
    # it an empty one of its own
    data = tmp_path_factory.mktemp("camel-data")
    (data / "catalogue.json").write_text(
        json.dumps({"version": "1.6", "packages": {}, "components": {}}), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        if not os.environ.get("CAMELTOOLS_DATA"):
            mp.setenv("CAMELTOOLS_DATA", str(data))
        yield _build(tmp_path_factory)


def _build(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("tiny-ner")
    (folder / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False)
    config = transformers.BertConfig(
        vocab_size=len(VOCAB), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=512,
        id2label=dict(enumerate(LABELS)), label2id={x: i for i, x in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[LABELS.index("B-LOC")] = 10.0
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return str(folder)


def test_it_is_off_without_a_model(monkeypatch):
    monkeypatch.delenv(ner.ENV_VAR, raising=False)
    assert ner.model_path() is None
    assert ner.find_entities("قتل خمسة في انفجار") == []


def test_the_model_loads_and_tags_words_with_offsets(tiny_model):
    text = "قتل خمسة في انفجار بلدة زوركان."
    entities = ner.find_entities(text, path=tiny_model)
    assert [e.text for e in entities] == ["قتل", "خمسة", "في", "انفجار", "بلدة", "زوركان", "."]
    assert {e.label for e in entities} == {"LOC"}
    for e in entities:
        assert text[e.start:e.end] == e.text


def test_long_texts_are_cut_into_chunks(tiny_model):
    text = " ".join(["الموصل"] * 25)
    entities = ner.find_entities(text, path=tiny_model, max_words=10)
    assert len(entities) == 25


def test_ner_places_feed_the_extractor_when_switched_on(tiny_model, monkeypatch):
    text = "قتل خمسة في انفجار في زوركان."
    monkeypatch.delenv(ner.ENV_VAR, raising=False)
    off = extract(text, dt.date(2018, 7, 12))
    monkeypatch.setenv(ner.ENV_VAR, tiny_model)
    on = extract(text, dt.date(2018, 7, 12))
    assert len(on) == 1 and on[0].killed.best == 5
    assert on[0].place is not None
    assert all(e.place is None or e.place.name != "زوركان" for e in off)
