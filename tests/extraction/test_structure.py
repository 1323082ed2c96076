"""The extractor's structural goals (issue 7), held so that they stay true: no function
a reader cannot hold in their head, no module past 400 lines, and the Arabic words in
data files rather than in rule modules."""
import ast
import pathlib
import re

from radon.complexity import cc_visit

import extraction

PACKAGE = pathlib.Path(extraction.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_COMPLEXITY = 20  # radon rank C at worst: no D, E or F
MAX_LINES = 400
MAX_ARABIC_LITERALS = 60
_ARABIC = re.compile("[\u0600-\u06ff]")


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def arabic_literals(path: pathlib.Path) -> list[str]:
    """The string constants of a module that hold Arabic letters, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and id(n) not in docs and _ARABIC.search(n.value)]


def test_the_modules_are_found():
    assert PACKAGE / "assemble.py" in MODULES and PACKAGE / "stages" / "read.py" in MODULES


def test_no_function_is_more_complex_than_rank_c():
    too_complex = [f"{p.relative_to(PACKAGE)}:{b.lineno} {b.name} ({b.complexity})"
                   for p in MODULES for b in cc_visit(p.read_text(encoding="utf-8"))
                   if b.complexity > MAX_COMPLEXITY]
    assert too_complex == []


def test_no_module_is_longer_than_400_lines():
    long = [f"{p.relative_to(PACKAGE)} ({n})" for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []


def test_arabic_words_live_in_the_data_files():
    counts = {str(p.relative_to(PACKAGE)): len(arabic_literals(p)) for p in MODULES}
    assert sum(counts.values()) <= MAX_ARABIC_LITERALS, sorted(
        counts.items(), key=lambda kv: -kv[1])[:5]


def test_the_literal_count_sees_code_and_skips_docstrings(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""وثيقة"""\nX = ("قتل", "x")\n\n\ndef f():\n    """شرح"""\n'
                      '    return "جرح"\n', encoding="utf-8")
    assert arabic_literals(module) == ["قتل", "جرح"]
