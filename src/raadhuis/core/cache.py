"""Django's Redis cache with one client object per connection pool instead of one per command,
and `vergeten`, with which a service clears a value a selector keeps in the cache.

Django's RedisCacheClient makes a new `redis.Redis` for every cache call; building one (its table
of response callbacks) costs about 0.17 ms, and a page makes six to ten cache calls (session,
rate limit, organisation, fragments, search answers). A `redis.Redis` over a connection pool is
safe to share between threads (each command takes a connection from the pool), and the pool
starts afresh in a forked process, so one client per pool serves every call."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.core.cache.backends import redis as django_redis
from django.db import transaction


def vergeten(sleutel: str) -> None:
    """A service that changed what a selector keeps under `sleutel` removes it now, for this
    process's next read, and again at the commit: a page read in between may have put the old
    value back."""
    cache.delete(sleutel)
    transaction.on_commit(lambda: cache.delete(sleutel))


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # django-stubs do not know the client's private helpers.
        index = self._get_connection_pool_index(write)  # type: ignore[attr-defined]
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
            client = self._clients.setdefault(index, self._client(connection_pool=pool))  # type: ignore[attr-defined]
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
