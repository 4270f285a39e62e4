"""The official Python client (connect-openapi-client) fetching every token the way its
documentation shows: `collection('tokens').all()`, 100 per page, one page after another.
Usage: python python_client.py ENDPOINT API_KEY; prints `name value` lines."""
import sys
import time

from connect.client import ConnectClient


def main(endpoint, api_key):
    client = ConnectClient(api_key, endpoint=endpoint, use_specs=False, max_retries=0)
    tokens = client.ns('auth').collection('tokens')
    list(tokens.all()[0:1])  # the connection warm, as for the Swift client
    started = time.perf_counter()
    count = sum(1 for _ in tokens.all())
    print(f'python_default_s {time.perf_counter() - started:.6f}')
    print(f'python_items {count}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
