"""For tests that need the Redis server: reach it, or skip (fail when RAADHUIS_REDIS_VEREIST=1, as
CI sets, so a Redis that is down cannot turn these tests into silent skips)."""

from __future__ import annotations

import os

import pytest
import redis


def redis_of_overslaan(url: str) -> redis.Redis:
    """A client for `url` once it answers; otherwise the test is skipped or, when Redis is
    required, fails."""
    verbinding = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
    try:
        verbinding.ping()
    except redis.RedisError as fout:
        if os.environ.get("RAADHUIS_REDIS_VEREIST") == "1":
            pytest.fail(f"Redis at {url} is unreachable and RAADHUIS_REDIS_VEREIST=1: {fout}")
        pytest.skip(f"Redis at {url} is unreachable ({fout}); RAADHUIS_REDIS_VEREIST=1 fails instead")
    return verbinding
