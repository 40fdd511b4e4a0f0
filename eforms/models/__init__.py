from .drafts import Draft
from .fields import EFormField
from .pages import EServicePage, ServiceCataloguePage

__all__ = ["Draft", "EFormField", "EServicePage", "ServiceCataloguePage"]
