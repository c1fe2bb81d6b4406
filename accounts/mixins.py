from django.contrib.auth.views import redirect_to_login
from rules.contrib.views import PermissionRequiredMixin


class StaffPermissionMixin(PermissionRequiredMixin):
    """Every staff view uses this: signed in with a verified second factor, then a named rule.

    Anonymous (or not yet 2FA-verified) visitors go to the sign-in page; signed-in staff
    without the permission get 403. Set `permission_required` and, for object-level
    checks, override `get_permission_object` (rules then gets e.g. the kern).
    """

    raise_exception = False

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or not user.is_verified():
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return None
