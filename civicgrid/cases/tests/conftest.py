import pytest

from civicgrid.cases.categories import DATA
from civicgrid.cases.models import Category

TAXONOMY = DATA / "messages" / "taxonomy.csv"


@pytest.fixture
def taxonomy_text() -> str:
    """The real 15/118/517-class taxonomy shipped in data/messages, as the importer receives it."""
    return TAXONOMY.read_text(encoding="utf-8-sig")


@pytest.fixture
def tree(db) -> dict[str, Category]:
    """城乡建设 › 城市建设和市政管理 › 燃气供应, with a sibling 自来水供应, keyed by code."""
    top = Category.objects.create(code="01", name="城乡建设")
    middle = Category.objects.create(code="01.01", name="城市建设和市政管理", parent=top)
    gas = Category.objects.create(code="01.01.001", name="燃气供应", parent=middle)
    water = Category.objects.create(code="01.01.002", name="自来水供应", parent=middle)
    return {c.code: c for c in (top, middle, gas, water)}
