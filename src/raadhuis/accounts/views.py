"""Employee login and logout."""

from django.contrib.auth import views as auth_views
from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.forms import InlogForm


class InloggenView(auth_views.LoginView):
    template_name = "accounts/inloggen.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True
    extra_context = {"kruimelpad": [(_("Inloggen"), None)]}


class UitloggenView(auth_views.LogoutView):
    """Only POST: a link cannot log someone out (CSRF)."""
