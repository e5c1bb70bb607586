from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from raadhuis.accounts.models import ApiToken, Medewerker, Roltoekenning


class RoltoekenningInline(admin.TabularInline[Roltoekenning, Medewerker]):
    model = Roltoekenning
    extra = 0


@admin.register(Medewerker)
class MedewerkerAdmin(UserAdmin[Medewerker]):
    inlines = [RoltoekenningInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ("prefix", "medewerker", "aangemaakt_op", "laatst_gebruikt_op", "ingetrokken_op")
    readonly_fields = ("digest", "prefix", "aangemaakt_op", "laatst_gebruikt_op")
