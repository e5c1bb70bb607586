"""Uploaded files in an S3-compatible object store (RAADHUIS_OPSLAG=s3: AWS, MinIO, Ceph, a Dutch
cloud), through django-storages; docs/operations.md, "Uploaded files"."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

# Uploads and downloads wait a while for a slow store; the readiness check must answer quickly.
GEBRUIK = Config(connect_timeout=5, read_timeout=60, retries={"max_attempts": 3, "mode": "standard"})
CONTROLE = Config(connect_timeout=2, read_timeout=2, retries={"max_attempts": 1})
# A file read from the bucket is kept in memory up to this size, beyond it in a temporary file
# (removed when closed); django-storages' default keeps every file, a 300 MB bundle too, in memory.
IN_GEHEUGEN = 8 * 1024 * 1024


class S3Opslag(S3Storage):
    """django-storages' S3 storage with the platform's rules, whatever the operator configures:
    - no ACL is ever sent, so every object has the bucket's own (private) policy; this also works
      on stores that refuse ACLs (AWS's default since 2023);
    - a name is never overwritten: as on the file system a second upload gets a new name, and the
      services delete the old file after their commit (a rollback finds it still there);
    - a large file read from the bucket spills to a temporary file instead of filling memory;
    - no presigned or bucket URL: files leave through the app. `base_url` set (public media) gives
      that URL plus the name, like FileSystemStorage; unset (private papers) refuses, like
      FileSystemStorage with base_url=None."""

    def __init__(self, *, base_url: str | None = None, **opties: Any) -> None:
        self.base_url = base_url
        standaard = {"client_config": GEBRUIK, "max_memory_size": IN_GEHEUGEN}
        super().__init__(**{**standaard, **opties, "default_acl": None, "file_overwrite": False})

    def url(
        self,
        name: str | None,
        parameters: dict[str, Any] | None = None,
        expire: int | None = None,
        http_method: str | None = None,
    ) -> str:
        if self.base_url is None:
            raise ValueError("This file is not accessible via a URL.")
        return urljoin(self.base_url, filepath_to_uri(name or ""))

    def bereikbaar(self) -> bool:
        """One HEAD of the bucket, two seconds at most and no retries (readiness, /api/v1/gereed)."""
        try:
            self._controleclient().head_bucket(Bucket=self.bucket_name)
        except (BotoCoreError, ClientError):
            return False
        return True

    def _controleclient(self) -> Any:
        # Made once per storage: a new client loads the service description again (tens of ms).
        client = self.__dict__.get("_controle")
        if client is None:
            client = self._create_session().client(
                "s3",
                region_name=self.region_name,
                endpoint_url=self.endpoint_url,
                use_ssl=self.use_ssl,
                verify=self.verify,
                config=CONTROLE,
            )
            self.__dict__["_controle"] = client
        return client

    def __getstate__(self) -> dict[str, Any]:
        toestand: dict[str, Any] = super().__getstate__()
        toestand.pop("_controle", None)
        return toestand
