"""Channel backends for tests: one that records, ones that fail in each way a real channel fails."""

from civicgrid.notifications.backends import Backend, DeliveryError, Rejected

sent = []


class Recording(Backend):
    """Takes every message and keeps it in ``sent``."""

    def send(self, message) -> None:
        sent.append((message.recipient, message.body))


class Failing(Backend):
    """A gateway that is down."""

    def send(self, message) -> None:
        raise DeliveryError("短信网关无响应")


class Refusing(Backend):
    """A gateway that refuses the number for good."""

    def send(self, message) -> None:
        raise Rejected("号码无效")


class Buggy(Backend):
    """A backend with a bug that trips on one recipient and works for the rest."""

    def send(self, message) -> None:
        if message.recipient == "13900000000":
            raise RuntimeError("unexpected")
        sent.append((message.recipient, message.body))
