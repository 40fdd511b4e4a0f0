from .drafts import Draft
from .fields import EFormField
from .holidays import LocalHoliday
from .pages import EServicePage, ServiceCataloguePage

__all__ = ["Draft", "EFormField", "EServicePage", "LocalHoliday", "ServiceCataloguePage"]
