"""Who may change an office's site settings (its organisation and menus, its payment settings):
Wagtail's per-site policy, plus the office's own administrators for their office's site only.

Wagtail checks this policy on every settings screen (`wagtail.contrib.settings.views`): the edit view
refuses a site the user may not change, the site switcher lists only the sites they may change, and the
menu's link opens the first of them (not the site of the host the staff member typed). A platform
administrator holds the model permission and reaches every site; an office's administrators hold no
model permission (`offices.groups` keeps site settings out of office groups) and reach their own
office's site through their `OfficeGroup`, so nobody has to add a `GroupSitePermission` per office.
"""

from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy

from offices.scope import administered_offices


class OfficeSitePermissionPolicy(SitePermissionPolicy):
    def _administered_sites(self, user):
        return Site.objects.filter(office__in=administered_offices(user))

    def user_has_any_permission(self, user, actions):
        if super().user_has_any_permission(user, actions):
            return True
        return user.is_authenticated and self._administered_sites(user).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if super().user_has_any_permission_for_instance(user, actions, instance):
            return True
        if not (user.is_authenticated and user.is_active):
            return False
        site_id = instance.pk if isinstance(instance, Site) else getattr(instance, self.site_fk_field_name)
        return self._administered_sites(user).filter(pk=site_id).exists()

    def sites_user_has_any_permission_for(self, user, actions):
        sites = super().sites_user_has_any_permission_for(user, actions)
        if not (user.is_authenticated and user.is_active):
            return sites
        return Site.objects.filter(pk__in=sites.values("pk")) | self._administered_sites(user)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model._default_manager.filter(
            site__in=self.sites_user_has_any_permission_for(user, actions)
        )


def let_office_administrators_edit(*setting_models):
    """Use this policy for site settings defined by apps that cannot import `offices` (home's)."""
    for model in setting_models:
        register_permission_policy(model, OfficeSitePermissionPolicy(model))
