from django.urls import path

from security import two_factor

app_name = "security"
urlpatterns = [
    path("", two_factor.verify, name="verify"),
    path("setup/", two_factor.setup, name="setup"),
    path("backup-codes/", two_factor.new_backup_codes, name="new_backup_codes"),
    path("staff/", two_factor.staff_devices, name="staff_devices"),
    path("staff/<int:user_id>/reset/", two_factor.reset_devices, name="reset_devices"),
]
