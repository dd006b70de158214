"""关爱帮扶: the support caseload for vulnerable residents, a service with consent and need-to-know access (docs/design.md)."""
