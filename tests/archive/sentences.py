"""Short articles written for these tests (not from any dev or sealed set)."""
import json

BOMB = "أعلنت الشرطة مقتل 3 مدنيين في انفجار عبوة ناسفة قرب سوق شعبي في كركوك صباح الأحد."
CLASH = "قالت مصادر محلية إن اشتباكات اندلعت بين القوات الأمنية ومسلحين أسفرت عن مقتل 5 عناصر."
PROTEST = "تظاهر العشرات أمام مبنى المحافظة للمطالبة بتحسين الخدمات وتوفير فرص العمل."
RAID = "اعتقلت قوة أمنية مطلوبين اثنين خلال عملية دهم في حي النصر، ولم تقع إصابات."
ALL = [BOMB, CLASH, PROTEST, RAID]


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
