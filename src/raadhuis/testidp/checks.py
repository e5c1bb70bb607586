"""The test IdP lets anyone log in as anyone: it must never run in production."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


@register(Tags.security, deploy=True)
def controleer_test_idp_uit(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.RAADHUIS_TEST_IDP and settings.HTTPS:
        return [
            Error(
                "The test identity provider is on (RAADHUIS_TEST_IDP) on an HTTPS deployment: anyone "
                "could log in with any BSN or KvK number.",
                hint="Set RAADHUIS_TEST_IDP=false and point RAADHUIS_DIGID_OIDC_* and "
                "RAADHUIS_EHERKENNING_OIDC_* at the real broker.",
                id="raadhuis.E101",
            )
        ]
    return []
