"""Not a question: a step break starts a new step of the wizard; its label is the step's title, its
help text the step's introduction, and a condition on it shows or skips the whole step."""

from django.utils.translation import gettext_lazy as _

from eforms.field_types.base import FieldType
from eforms.field_types.registry import register


@register("step")
class StepBreakType(FieldType):
    label = _("Step break (starts a new step; the label is its title)")
    is_step_break = True

    def form_fields(self, spec, *, conditional=False, stored_files=()):
        return {}  # `eforms.steps.split_into_steps` never puts a step break inside a step
