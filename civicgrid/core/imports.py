"""What every importer reports: each bad row by number, and what it created, updated or left alone."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass
class RowError:
    """One bad input row: where it is and what is wrong with it, in the user's language."""

    source: str
    row: int
    message: str

    def __str__(self):
        return _("%(source)s 第 %(row)d 行：%(message)s") % {
            "source": self.source, "row": self.row, "message": self.message,
        }


@dataclass
class ImportReport:
    """The outcome of one import run."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    written: bool = False

    def error(self, source: str, row: int, message: str) -> None:
        self.errors.append(RowError(source, row, message))

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.written and not (self.created or self.updated):
            return _("没有变化：%(n)d 条记录已是最新。") % {"n": self.unchanged}
        if not self.written:
            return _("未写入任何数据：发现 %(n)d 处错误。") % {"n": len(self.errors)}
        return _("新建 %(created)d 条，更新 %(updated)d 条，未变 %(unchanged)d 条，跳过错误行 %(errors)d 行。") % {
            "created": self.created, "updated": self.updated, "unchanged": self.unchanged, "errors": len(self.errors),
        }
