import datetime as dt
import json
import re

import pytest

from extraction import extract
from extraction.arabic import fold
from extraction.event_filter import (
    FEATURE_KINDS,
    MODEL_FILE,
    SCHEMA,
    Model,
    features,
    filter_events,
    keep,
    load_model,
    model_from_json,
    probability,
)
from extraction.train_event_filter import main as train
from extraction.types import Event, Span

PUBLISHED = dt.date(2019, 4, 11)
FESTIVAL = "مهرجان"
VIOLENT = "قتل خمسة جنود في انفجار عبوة ناسفة قرب مدينة الموصل أمس."
CULTURAL = "نظم مهرجان الموسيقى تظاهرة ثقافية في مدينة كركوك أمس."


def sentence_event(text: str, etype: str = "protest") -> Event:
    return Event(type=etype, evidence=Span(0, len(text)))


def test_the_shipped_model_loads_and_matches_its_schema():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    model = load_model()
    assert data["schema"] == SCHEMA
    assert set(model.kinds) <= set(FEATURE_KINDS) and model.kinds
    assert 0.0 < model.threshold < 1.0
    assert model.weights and all(isinstance(v, float) for v in model.weights.values())
    assert all(re.match(r"^(w:|t:|c:|[a-z_]+(=|>=|$))", k) for k in model.weights), \
        [k for k in model.weights if not re.match(r"^(w:|t:|c:|[a-z_]+(=|>=|$))", k)]
    training = data["training"]
    assert isinstance(training["seed"], int)
    dt.date.fromisoformat(training["date"])
    assert training["data"]["candidates"] > 0
    assert not set(training["data"]["check_outlets"]) & set(training["data"]["tuning_outlets"])
    assert training["cv"]["scheme"] == "leave-one-outlet-out"


def test_a_model_file_with_a_wrong_schema_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="schema"):
        model_from_json({"schema": "other", "weights": {}, "bias": 0, "threshold": 0.5,
                         "features": {"kinds": ["words"]}})
    with pytest.raises(ValueError, match="threshold"):
        model_from_json({"schema": SCHEMA, "weights": {}, "bias": 0, "threshold": 2,
                         "features": {"kinds": ["words"]}})


def test_the_filter_gives_the_same_answer_every_time():
    events = extract(VIOLENT, PUBLISHED)
    assert events
    fresh = load_model.__wrapped__(MODEL_FILE)
    first = [probability(e, text=VIOLENT, title="", model=fresh) for e in events]
    again = [probability(e, text=VIOLENT, title="") for e in events]
    assert first == again
    assert all(0.0 < p < 1.0 for p in first)
    assert filter_events(events, text=VIOLENT, title="") == \
        [e for e in events if keep(e, text=VIOLENT, title="")]


def test_a_sentence_with_a_heavy_negative_word_is_rejected_and_one_without_is_kept():
    model = Model(weights={f"w:{fold(FESTIVAL)}": -6.0, "type=protest": 0.5}, bias=1.0,
                  threshold=0.5, kinds=("shape", "words"))
    with_word = f"خرج آلاف في {FESTIVAL} كبير وسط المدينة أمس."
    without = "خرج آلاف في مسيرة غاضبة وسط المدينة أمس."
    rejected, kept = sentence_event(with_word), sentence_event(without)
    assert not keep(rejected, text=with_word, title=None, model=model)
    assert keep(kept, text=without, title=None, model=model)
    assert probability(rejected, text=with_word, title=None, model=model) < 0.05
    assert probability(kept, text=without, title=None, model=model) > 0.8


def test_title_words_are_features_of_their_own():
    event = sentence_event(CULTURAL)
    feats = features(event, text=CULTURAL, title="أمسية شعرية", kinds=("title_words",))
    assert set(feats) == {f"t:{fold('أمسية')}", f"t:{fold('شعرية')}"}


# --- the training script on a tiny set of our own ----------------------------------------

# A scorer with score.py's interface (pair_events, prf, score): a predicted event pairs
# with a gold event of the same place.
MINI_SCORER = '''
def pair_events(preds, golds):
    pairs, used = [], set()
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if j not in used and (p.get("place") or {}).get("name") == g["place"]["name"]:
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold, pred):
    tp = n_pred = n_gold = neg = 0
    for aid, golds in gold.items():
        preds = pred.get(aid, [])
        tp += len(pair_events(preds, golds))
        n_pred += len(preds)
        n_gold += len(golds)
        neg += 0 if golds else len(preds)
    p, r, f = prf(tp, n_pred, n_gold)
    return {"event_f1": f, "event_precision": p, "event_recall": r, "paired": tp,
            "pred_events": n_pred, "gold_events": n_gold, "events_on_negatives": neg}, []
'''

VIOLENT_SENTENCES = [
    ("قتل خمسة جنود في انفجار عبوة ناسفة قرب مدينة {} أمس.", "explosion"),
    ("اشتباكات عنيفة في مدينة {} أسفرت عن مقتل 3 مسلحين.", "armed_clash"),
]
FESTIVAL_SENTENCES = [  # a crowd, so that the scope rule lets them reach the filter
    "نظم مهرجان الموسيقى تظاهرة ثقافية حضرها آلاف الشباب في مدينة {} أمس.",
    "انطلقت تظاهرة المهرجان الثقافي بحضور مئات الفنانين في مدينة {} أمس.",
]
CITIES = ["الموصل", "كركوك", "درعا", "حلب", "حمص"]


def tiny_eval_dir(tmp_path):
    articles, gold = [], []
    outlets = ["Outlet A", "Outlet B", "Outlet C", "Outlet D", "Held Outlet"]
    for o, outlet in enumerate(outlets):
        for k in range(2):
            city = CITIES[(o + k) % len(CITIES)]
            text = VIOLENT_SENTENCES[k][0].format(city)
            place = extract(text, PUBLISHED)[0].place.name
            articles.append({"id": f"v{o}{k}", "outlet": outlet, "date": "2019-04-11",
                             "title": "", "text": text})
            gold.append({"id": f"v{o}{k}", "events": [{"place": {"name": place}}]})
            text = FESTIVAL_SENTENCES[k].format(city)
            articles.append({"id": f"f{o}{k}", "outlet": outlet, "date": "2019-04-11",
                             "title": "", "text": text})
            gold.append({"id": f"f{o}{k}", "events": []})
    for name, rows in (("dev.articles.jsonl", articles), ("dev.gold.jsonl", gold)):
        (tmp_path / name).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "score.py").write_text(MINI_SCORER, encoding="utf-8")
    return tmp_path


def test_the_training_script_writes_a_valid_model_the_same_bytes_each_time(
        tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    eval_dir = tiny_eval_dir(tmp_path)
    out = tmp_path / "model.json"
    args = [str(eval_dir), "--out", str(out), "--check-outlets", "Held Outlet", "--check"]
    assert train(args) == 0
    first = out.read_bytes()
    data = json.loads(first)
    model = model_from_json(data)
    assert data["training"]["data"]["tuning_outlets"] == ["Outlet A", "Outlet B", "Outlet C",
                                                          "Outlet D"]
    assert data["training"]["data"]["articles"] == 16
    assert data["training"]["data"]["positives"] == 8
    assert model.weights[f"w:{fold(FESTIVAL)}"] < 0
    festival = FESTIVAL_SENTENCES[0].format("حمص")
    violent = VIOLENT_SENTENCES[0][0].format("حمص")
    (f_event,), (v_event,) = extract(festival, PUBLISHED), extract(violent, PUBLISHED)
    assert probability(f_event, text=festival, title="", model=model) < \
        probability(v_event, text=violent, title="", model=model)
    printed = capsys.readouterr().out
    assert "leave-one-outlet-out" in printed and "Outlet D" in printed
    assert "check set (4 articles, once)" in printed
    assert train(args) == 0
    assert out.read_bytes() == first
