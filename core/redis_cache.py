"""Django's RedisCache, with one redis-py client per connection pool instead of one per call.

Django's RedisCacheClient.get_client makes a new `redis.Redis` for every cache operation, and
redis-py builds its table of about 170 response callbacks in each: some 0.2 ms of CPU per
operation, while a page from the public cache is one or two operations (the benchmark's
profile of a cached page). A Redis client is safe to share: it takes a connection from its
pool for each command, and the pool starts afresh in a forked worker.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        # django-stubs leaves out these private members of Django's client.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))  # the pool is kept for the life of the process
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
