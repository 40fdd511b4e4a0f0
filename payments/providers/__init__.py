"""Payment providers as plugins, registered by id.

A provider is a package here (`payments/providers/<name>/`) whose `provider.py` defines a `Provider`
subclass decorated with `@register("<id>")`; its optional `models.py` is loaded with the payments
models. Nothing else in the core names a provider: payments remember the id of the provider that took
them (`Payment.provider`), and everything later (refresh, refunds, events) asks that one.
See docs/adding-a-payment-provider.md.
"""

import importlib
import importlib.util
import pkgutil

from django.core.exceptions import ImproperlyConfigured

from payments.providers.base import Provider, ProviderError, RefundResult, Started, Update

_registry: dict[str, type[Provider]] = {}


class UnknownProvider(LookupError):
    """No provider is registered with this id (its package was removed?)."""


def register(provider_id: str):
    """Class decorator: `@register("promptpay_qr")`. The id is stored in the database; never change it."""

    def decorator(cls):
        existing = _registry.get(provider_id)
        if existing is not None and existing.__qualname__ != cls.__qualname__:
            raise ImproperlyConfigured(f"Two payment providers use the id {provider_id!r}")
        cls.id = provider_id
        _registry[provider_id] = cls
        return cls

    return decorator


def get(provider_id: str, office=None) -> Provider:
    """The provider, working for `office` (its settings and credentials); without an office it can
    only do what needs neither (its URLs, its words, its lifetime)."""
    try:
        cls = _registry[provider_id]
    except KeyError:
        raise UnknownProvider(provider_id) from None
    return cls(office)


def all_providers(office=None) -> list[Provider]:
    return [cls(office) for cls in _registry.values()]


def ids() -> list[str]:
    return list(_registry)


def packages() -> list[str]:
    """The provider packages shipped here, found on disk rather than listed, so adding one needs no
    edit elsewhere."""
    return [f"{__name__}.{info.name}" for info in pkgutil.iter_modules(__path__) if info.ispkg]


def import_modules(name: str) -> None:
    """Import `<package>.<name>` of every provider package that has one."""
    for package in packages():
        if importlib.util.find_spec(f"{package}.{name}") is not None:
            importlib.import_module(f"{package}.{name}")


def autodiscover() -> None:
    """Register every provider (called from `PaymentsConfig.ready`)."""
    import_modules("provider")


__all__ = [
    "Provider",
    "ProviderError",
    "RefundResult",
    "Started",
    "UnknownProvider",
    "Update",
    "all_providers",
    "autodiscover",
    "get",
    "ids",
    "register",
]
