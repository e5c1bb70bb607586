"""core.vingerafdruk: equal data gives one key, any difference another, and what it cannot see raises."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django.utils.translation import gettext_lazy, override
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core import vingerafdruk as vingerafdruk_module
from raadhuis.core.vingerafdruk import (
    fragmentsleutel,
    vingerafdruk,
    vingerafdruk_in_database,
    vingerafdruk_in_database_van,
)

_eenvoudig = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=8)
    | st.dates()
    | st.decimals(allow_nan=False)
)
_gegevens = st.recursive(
    _eenvoudig,
    lambda binnen: (
        st.lists(binnen, max_size=4)
        | st.tuples(binnen, binnen)
        | st.dictionaries(st.text(max_size=4), binnen, max_size=4)
    ),
    max_leaves=20,
)


@given(_gegevens)
def test_equal_data_gives_one_key(waarde):
    kopie = _diepe_kopie(waarde)
    assert vingerafdruk(waarde) == vingerafdruk(kopie)


@given(_gegevens, _gegevens)
def test_different_data_gives_different_keys(a, b):
    if _vorm(a) != _vorm(b):
        assert vingerafdruk(a) != vingerafdruk(b)


def _diepe_kopie(waarde):
    if isinstance(waarde, list):
        return [_diepe_kopie(w) for w in waarde]
    if isinstance(waarde, tuple):
        return tuple(_diepe_kopie(w) for w in waarde)
    if isinstance(waarde, dict):
        return {k: _diepe_kopie(w) for k, w in reversed(list(waarde.items()))}  # order does not matter
    return waarde


def _vorm(waarde):
    """The data as the fingerprint distinguishes it: with types (1 and True and 1.0 differ), dicts
    without order."""
    if isinstance(waarde, list | tuple):
        return (type(waarde).__name__, tuple(_vorm(w) for w in waarde))
    if isinstance(waarde, dict):
        return ("dict", frozenset((k, _vorm(w)) for k, w in waarde.items()))
    if isinstance(waarde, Decimal):
        return ("Decimal", str(waarde))  # Decimal("1.0") and Decimal("1") render differently
    return (type(waarde).__name__, waarde)


def test_types_are_told_apart():
    waarden = [1, True, "1", 1.0, Decimal("1"), [1], (1,), {1: 1}, None, "", 0, dt.date(2026, 1, 1)]
    assert len({vingerafdruk(w) for w in waarden}) == len(waarden)


@dataclasses.dataclass(frozen=True)
class _Regel:
    titel: str
    stukken: list[str] = dataclasses.field(default_factory=list)


def test_dataclasses_by_their_fields():
    assert vingerafdruk(_Regel("a", ["x"])) == vingerafdruk(_Regel("a", ["x"]))
    assert vingerafdruk(_Regel("a", ["x"])) != vingerafdruk(_Regel("a", ["y"]))


@dataclasses.dataclass(frozen=True)
class _Rij:
    nummer: str
    datum: dt.date
    te_laat: bool


@dataclasses.dataclass(frozen=True)
class _AndereRij:
    nummer: str
    datum: dt.date
    te_laat: bool


def test_rows_of_plain_values_by_every_field_and_their_kind():
    rij = _Rij("ZAAK-2026-000001", dt.date(2026, 1, 1), False)
    sleutels = {
        vingerafdruk(rij),
        vingerafdruk(dataclasses.replace(rij, te_laat=True)),
        vingerafdruk(dataclasses.replace(rij, datum=dt.date(2026, 1, 2))),
        vingerafdruk(_AndereRij("ZAAK-2026-000001", dt.date(2026, 1, 1), False)),
        vingerafdruk(("ZAAK-2026-000001", dt.date(2026, 1, 1), False)),
        vingerafdruk(["ZAAK-2026-000001", dt.date(2026, 1, 1), False]),
        vingerafdruk(("ZAAK-2026-000001", dt.date(2026, 1, 1), 0)),
    }
    assert len(sleutels) == 7
    assert vingerafdruk([rij, rij]) == vingerafdruk(
        [_Rij("ZAAK-2026-000001", dt.date(2026, 1, 1), False)] * 2
    )


_rijen = st.lists(st.builds(_Rij, st.text(max_size=6), st.dates(), st.booleans()), max_size=5)


@given(_rijen, _rijen)
def test_lists_of_rows_by_every_row(a, b):
    """A list of rows of one dataclass (a facet's values) is written in one go: still one key for
    equal rows and another for any difference."""
    assert (vingerafdruk(a) == vingerafdruk(b)) == (a == b)


def test_lists_of_rows_by_their_kind_and_container():
    rij = _Rij("ZAAK-2026-000001", dt.date(2026, 1, 1), False)
    andere = _AndereRij("ZAAK-2026-000001", dt.date(2026, 1, 1), False)
    met_lijst = _Regel("a", ["x"])  # not plain: walked field by field
    sleutels = {
        vingerafdruk([rij, rij]),
        vingerafdruk((rij, rij)),
        vingerafdruk([andere, andere]),
        vingerafdruk([rij, andere]),
        vingerafdruk([rij]),
        vingerafdruk([met_lijst, met_lijst]),
        vingerafdruk([]),
    }
    assert len(sleutels) == 7


def test_lazy_text_in_the_active_language():
    tekst = gettext_lazy("Presentielijst")
    with override("nl"):
        nl = vingerafdruk(tekst)
    with override("en"):
        en = vingerafdruk(tekst)
    assert nl != en


@pytest.mark.django_db
def test_models_by_what_they_hold_and_what_was_loaded_with_them(django_assert_num_queries):
    recht = Permission.objects.select_related("content_type").order_by("pk").first()
    zelfde = Permission.objects.select_related("content_type").order_by("pk").first()
    assert vingerafdruk(recht) == vingerafdruk(zelfde)

    zelfde.content_type.model = "iets anders"  # a change in a row loaded along
    assert vingerafdruk(recht) != vingerafdruk(zelfde)

    zelfde = Permission.objects.select_related("content_type").order_by("pk").first()
    zelfde.name = "iets anders"
    assert vingerafdruk(recht) != vingerafdruk(zelfde)

    # Nothing is fetched to make a fingerprint: the content type was loaded along.
    with django_assert_num_queries(0):
        vingerafdruk(recht)


@pytest.mark.django_db
def test_prefetched_rows_count_and_an_unevaluated_queryset_raises():
    groep = Group.objects.create(name="griffie")
    groep.permissions.add(*Permission.objects.order_by("pk")[:2])

    met = Group.objects.prefetch_related("permissions").get(pk=groep.pk)
    groep.permissions.remove(Permission.objects.order_by("pk").first())
    minder = Group.objects.prefetch_related("permissions").get(pk=groep.pk)
    assert vingerafdruk(met) != vingerafdruk(minder)

    with pytest.raises(TypeError, match="unevaluated Permission queryset"):
        vingerafdruk(Permission.objects.all())


def test_a_cycle_is_written_once():
    groep = Group(pk=1, name="griffie")
    groep._state.fields_cache["zelf"] = groep  # as prefetching links a child back to its parent
    assert vingerafdruk(groep) == vingerafdruk(groep)


def test_unknown_values_raise():
    with pytest.raises(TypeError, match="No fingerprint for a object"):
        vingerafdruk(object())


def test_fragment_key_depends_on_language_time_zone_and_template():
    with override("nl"):
        nl = fragmentsleutel(("raadhuis/base.html",), 1)
        ander_template = fragmentsleutel(("403.html",), 1)
        with timezone.override("UTC"):
            utc = fragmentsleutel(("raadhuis/base.html",), 1)
    with override("en"):
        en = fragmentsleutel(("raadhuis/base.html",), 1)
    assert len({nl, en, ander_template, utc}) == 4


# -- vingerafdruk_in_database: made by PostgreSQL, by walking the rows elsewhere --------------------


@pytest.mark.django_db
def test_rows_in_the_database_by_every_selected_column_and_row():
    Group.objects.bulk_create([Group(name="griffie"), Group(name="college")])
    permissies = Permission.objects.select_related("content_type").filter(codename="add_group")
    groepen = Group.objects.order_by("name")

    eerst = vingerafdruk_in_database(groepen, permissies)
    assert vingerafdruk_in_database(groepen, permissies) == eerst
    assert vingerafdruk_in_database(permissies, groepen) != eerst  # which query is which counts

    Group.objects.filter(name="college").update(name="raad")
    gewijzigd = vingerafdruk_in_database(groepen, permissies)
    assert gewijzigd != eerst

    # A column loaded through select_related counts as much as the row's own.
    permissies.first().content_type.__class__.objects.filter(app_label="auth", model="group").update(
        model="groep"
    )
    assert vingerafdruk_in_database(groepen, permissies) != gewijzigd


@pytest.mark.django_db
def test_rows_in_the_database_added_or_deleted_and_only_what_is_selected():
    Group.objects.create(name="griffie")
    groepen = Group.objects.order_by("name")
    eerst = vingerafdruk_in_database(groepen)

    nieuw = Group.objects.create(name="college")
    met_nieuw = vingerafdruk_in_database(groepen)
    assert met_nieuw != eerst
    nieuw.delete()
    assert vingerafdruk_in_database(groepen) == eerst

    namen = Group.objects.values_list("name")
    assert vingerafdruk_in_database(Group.objects.filter(pk__in=[])) != vingerafdruk_in_database(namen)


@pytest.mark.django_db
def test_rows_in_the_database_refuses_what_it_cannot_cover():
    with pytest.raises(TypeError, match="prefetches"):
        vingerafdruk_in_database(Group.objects.prefetch_related("permissions"))
    with pytest.raises(ValueError, match="No querysets"):
        vingerafdruk_in_database()


@pytest.mark.django_db
def test_rows_in_the_database_as_a_set_on_postgresql():
    """PostgreSQL hashes each query's rows in any order (a page orders by its data)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the order-free digest is PostgreSQL's; elsewhere the rows are walked in order")
    Group.objects.bulk_create([Group(name="griffie"), Group(name="college")])

    assert vingerafdruk_in_database(Group.objects.order_by("name")) == vingerafdruk_in_database(
        Group.objects.order_by("-name")
    )


def _groep_met_rechten(pk: int):
    return (
        Group.objects.filter(pk=pk),
        Permission.objects.filter(group__pk=pk).select_related("content_type").order_by("pk"),
    )


def _groep_met_een_eigen_parameter(pk: int):
    # A parameter that differs between two builds (as the time would): the SQL cannot be kept.
    _groep_met_een_eigen_parameter.keer += 1  # type: ignore[attr-defined]
    return (Group.objects.filter(pk=pk).exclude(name=f"niet-{_groep_met_een_eigen_parameter.keer}"),)  # type: ignore[attr-defined]


_groep_met_een_eigen_parameter.keer = 0  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_sql_made_once_gives_what_each_call_would():
    griffie, college = Group.objects.create(name="griffie"), Group.objects.create(name="college")
    griffie.permissions.set(Permission.objects.filter(codename__in=["add_group", "view_group"]))

    for groep in (griffie, college, griffie):
        assert vingerafdruk_in_database_van(_groep_met_rechten, groep.pk) == vingerafdruk_in_database(
            *_groep_met_rechten(groep.pk)
        )
    assert vingerafdruk_in_database_van(_groep_met_rechten, griffie.pk) != vingerafdruk_in_database_van(
        _groep_met_rechten, college.pk
    )
    vorige = vingerafdruk_in_database_van(_groep_met_rechten, griffie.pk)
    griffie.permissions.remove(Permission.objects.get(codename="view_group"))
    assert vingerafdruk_in_database_van(_groep_met_rechten, griffie.pk) != vorige


@pytest.mark.django_db
def test_sql_is_kept_only_where_the_key_is_its_one_difference():
    from django.db import connection

    griffie = Group.objects.create(name="griffie")

    eigen = vingerafdruk_in_database_van(_groep_met_een_eigen_parameter, griffie.pk)
    vingerafdruk_in_database_van(_groep_met_rechten, griffie.pk)

    assert eigen == vingerafdruk_in_database(Group.objects.filter(pk=griffie.pk))  # same rows
    assert vingerafdruk_module._VOORBEREID[_groep_met_een_eigen_parameter] is None
    # Kept on PostgreSQL; elsewhere the rows are walked in Python on every call.
    assert (vingerafdruk_module._VOORBEREID[_groep_met_rechten] is not None) == (
        connection.vendor == "postgresql"
    )


def _leeg_voor_een_proefsleutel(pk: int):
    # The first matches nothing for a negative key without making SQL (as `pk__in=[]` does); the
    # second puts the key among the parameters, as a page's queries do.
    return (Group.objects.filter(pk__in=[pk] if pk > 0 else []), Group.objects.filter(pk=pk))


@pytest.mark.django_db
def test_sql_is_not_kept_when_a_trial_key_made_no_sql():
    griffie = Group.objects.create(name="griffie")

    assert vingerafdruk_in_database_van(_leeg_voor_een_proefsleutel, griffie.pk) == vingerafdruk_in_database(
        *_leeg_voor_een_proefsleutel(griffie.pk)
    )
    assert vingerafdruk_module._VOORBEREID[_leeg_voor_een_proefsleutel] is None
