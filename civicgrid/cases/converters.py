from django.urls import register_converter


class CaseNumberConverter:
    """案件编号 in URLs (610802-20261121-00042): anything else is a 404 before a query is made."""

    regex = r"\d{6}-\d{8}-\d{5}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


# Registered once, on first import, for both URL modules that use it.
register_converter(CaseNumberConverter, "case")
