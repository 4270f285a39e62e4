"""The official Python client's decoding of recorded pages, with no server in the loop: what
connect-openapi-client does with a page's body (`response.json()`, that is `json.loads` of
the text, then the items as dicts), median of several decodes per page.
Usage: python python_decode.py FILE...; prints `name value` lines."""
import json
import statistics
import sys
import time

import requests


def main(paths):
    for path in paths:
        with open(path, 'rb') as handle:
            body = handle.read()
        response = requests.models.Response()
        response._content = body
        response.encoding = 'utf-8'
        rounds = 40 if len(body) > 200_000 else 200
        times = []
        count = 0
        for _ in range(rounds):
            started = time.perf_counter()
            count = len(response.json())
            times.append(time.perf_counter() - started)
        print(f'python_decode_{count}_s {statistics.median(times):.6f}')


if __name__ == '__main__':
    main(sys.argv[1:])
