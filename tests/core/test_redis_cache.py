"""The project's RedisCache keeps one redis-py client per pool and still behaves as Django's."""

import pytest
from django.core.cache import cache

pytestmark = [pytest.mark.redis]


def test_the_configured_cache_reuses_its_client_and_works(settings):
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        pytest.skip("without REDIS_URL the portal uses the local-memory cache")
    assert settings.CACHES["default"]["BACKEND"] == "core.redis_cache.RedisCache"
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client() is client
    cache.set("redis-cache-test", {"kern": "Zoelen"}, 30)
    assert cache.get("redis-cache-test") == {"kern": "Zoelen"}
    cache.set("redis-cache-teller", 1, 30)
    assert cache.incr("redis-cache-teller") == 2
    assert cache._cache.get_client(write=True) is client
