"""Login form for employees, rendered with the house's form component."""

from django.contrib.auth.forms import AuthenticationForm

from raadhuis.core.forms import RaadhuisBoundField


class InlogForm(AuthenticationForm):
    bound_field_class = RaadhuisBoundField
