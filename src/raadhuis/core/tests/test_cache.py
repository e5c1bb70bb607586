"""raadhuis.core.cache: Django's Redis cache with one client per connection pool, shared by threads."""

from __future__ import annotations

import threading
import uuid

import pytest

from raadhuis.core.cache import RedisCache
from raadhuis.core.tests.redis_hulp import redis_of_overslaan
from raadhuis.core.tests.test_taken import redis_test_url

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_cache() -> RedisCache:
    url = redis_test_url()
    redis_of_overslaan(url).close()
    cache = RedisCache(url, {"KEY_PREFIX": f"test-cache-{uuid.uuid4().hex}"})
    yield cache
    cache.clear()


def test_een_client_per_pool_voor_elke_opdracht(redis_cache: RedisCache) -> None:
    client = redis_cache._cache.get_client()

    redis_cache.set("sleutel", {"waarde": 1})

    assert redis_cache.get("sleutel") == {"waarde": 1}
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client(write=True) is client  # one server: one pool


def test_threads_delen_de_client_zonder_elkaars_antwoorden(redis_cache: RedisCache) -> None:
    fouten: list[str] = []

    def werk(nummer: int) -> None:
        for ronde in range(50):
            redis_cache.set(f"t{nummer}", (nummer, ronde))
            if redis_cache.get(f"t{nummer}") != (nummer, ronde):
                fouten.append(f"thread {nummer} ronde {ronde}")

    threads = [threading.Thread(target=werk, args=(nummer,)) for nummer in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert fouten == []
