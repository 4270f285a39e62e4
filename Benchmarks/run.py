"""Runs every benchmark of PERFORMANCE.md and prints each figure beside its target.

Called by scripts/bench after a release build. Starts three sandboxes (100, 10,000 and
100,000 tokens), drives the real binary in a pseudo-terminal for start-up, bytes and memory,
runs connect-tui-bench for the in-process figures and the official Python client for the
comparison. Exits 1 when a target is missed (the figures are printed either way).
Usage: python3 run.py BIN_DIR PYTHON_WITH_CONNECT_CLIENT FLOOR_BINARY [HTOP [INSTALLED_BINARY [TIG]]]
"""
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

BIN, PYTHON, FLOOR = sys.argv[1], sys.argv[2], sys.argv[3]
HTOP = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
INSTALLED = sys.argv[5] if len(sys.argv) > 5 and sys.argv[5] else None
TIG = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] else None
APP = os.path.join(BIN, 'connect-tui')
BENCH = os.path.join(BIN, 'connect-tui-bench')
HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS, ROWS = 120, 40
work = tempfile.mkdtemp(prefix='connect-tui-bench-')
servers = []
results = []  # (name, value text, target text, ok or None)


def record(name, value, target, ok):
    results.append((name, value, target, ok))
    mark = '' if ok is None else ('ok' if ok else 'MISSED')
    print(f'  {name:<44} {value:>16}   {target:<34} {mark}', flush=True)


def sandbox(name, tokens, serve_arguments=()):
    """A standalone sandbox with `tokens` tokens in all; returns (endpoint, key, seconds to seed)."""
    data = os.path.join(work, f'{name}.sqlite')
    subprocess.run([APP, 'sandbox', 'reset', '--data', data, '--yes'], check=True, capture_output=True)
    base = 4  # the seed's own tokens: the owner's, the tutorial one, one expiring, one expired
    started = time.perf_counter()
    if tokens > base:
        subprocess.run([APP, 'sandbox', 'seed', '--data', data, '--tokens', str(tokens - base)], check=True, capture_output=True)
    seeded = time.perf_counter() - started
    log = open(os.path.join(work, f'{name}.log'), 'w+')
    server = subprocess.Popen([APP, 'sandbox', 'serve', '--data', data, '--port', '0', *serve_arguments], stdout=log, stderr=subprocess.STDOUT)
    servers.append(server)
    for _ in range(300):
        log.seek(0)
        match = re.search(r'Sandbox endpoint: *(\S+)', log.read())
        if match:
            break
        time.sleep(0.1)
    else:
        raise SystemExit(f'the {name} sandbox did not start')
    key = subprocess.run([APP, 'sandbox', 'key', '--data', data], check=True, capture_output=True, text=True).stdout.strip()
    return match.group(1), key, seeded


class Pty:
    """A program in a pseudo-terminal of COLUMNS x ROWS, its output read as it comes."""

    def __init__(self, argv, env):
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', ROWS, COLUMNS, 0, 0))
            os.execve(argv[0], argv, env)
        self.output = bytearray()
        self.exited = False

    def read(self, timeout):
        """Reads what arrives within `timeout`; returns the bytes read."""
        got = bytearray()
        ready, _, _ = select.select([self.fd], [], [], timeout)
        while ready:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                self.exited = True
                break
            if not chunk:
                self.exited = True
                break
            got += chunk
            ready, _, _ = select.select([self.fd], [], [], 0)
        self.output += got
        return got

    def wait_for(self, marker, timeout=60):
        """Seconds from launch until `marker` is in the output (or the program exits when None)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if marker is not None and marker in self.output:
                return time.perf_counter() - self.started
            self.read(0.005)
            if marker is None and self.exited:
                return time.perf_counter() - self.started
            if marker is not None and marker in self.output:
                return time.perf_counter() - self.started
        raise SystemExit(f'timed out waiting for {marker!r}; the screen said {bytes(self.output[-400:])!r}')

    def quiet(self, seconds=0.4, limit=10):
        """Reads until nothing arrives for `seconds`; returns how many bytes came."""
        total = 0
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            got = self.read(seconds)
            if not got:
                return total
            total += len(got)
        return total

    def press(self, keys):
        os.write(self.fd, keys)

    def rss_peak_kib(self):
        with open(f'/proc/{self.pid}/status') as status:
            for line in status:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        with open(f'/proc/{self.pid}/stat') as stat:
            fields = stat.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')

    def close(self):
        if not self.exited:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def terminal_env(extra=None):
    env = {'PATH': os.environ.get('PATH', '/usr/bin:/bin'), 'TERM': 'xterm-256color', 'LANG': 'C.UTF-8', 'HOME': work,
           'XDG_CONFIG_HOME': os.path.join(work, 'config'), 'XDG_DATA_HOME': os.path.join(work, 'data'),
           'XDG_STATE_HOME': os.path.join(work, 'state'), 'TZ': 'UTC'}
    env.update(extra or {})
    return env


def bench(*arguments):
    out = subprocess.run([BENCH, *arguments], check=True, capture_output=True, text=True).stdout
    return {name: float(value) for name, value in (line.split() for line in out.splitlines() if line.strip())}


def median_of(samples):
    return statistics.median(samples) if samples else float('nan')


def latency_figures():
    """What the user waits for when every answer takes a real round trip (150 ms)."""
    print('\n== 8. at a real round trip: every answer 150 ms late (the sandbox\'s latency fault), 1,004 tokens')
    connections = os.path.join(work, 'slow-connections.log')
    requests = os.path.join(work, 'slow-requests.log')
    slow, slow_key, _ = sandbox('slow', 1004, ['--fault', 'latency=150ms', '--connection-log', connections, '--request-log', requests])
    fast, fast_key, _ = sandbox('fast', 1004)
    marker = b'of 1004'

    def launch(endpoint, key):
        program = Pty([APP], terminal_env({'CONNECT_API_KEY': key, 'CONNECT_ENDPOINT': endpoint}))
        seconds = program.wait_for(marker)
        return program, seconds

    def start_up(endpoint, key):
        times = []
        for _ in range(5):
            program, seconds = launch(endpoint, key)
            times.append(seconds)
            program.press(b'q')
            program.wait_for(None, timeout=10)
            program.close()
        return median_of(times)

    zero = start_up(fast, fast_key)
    late = start_up(slow, slow_key)
    record('start-up to the Tokens pane, no latency', f'{zero * 1000:.0f} ms', '', None)
    record('8a. start-up at 150 ms round trips', f'{late * 1000:.0f} ms', f'at most {(zero + 0.15 + 0.06) * 1000:.0f} ms (1 trip + 60 ms)', late <= zero + 0.21)

    def timed(program, keys, expect, rest):
        """Rests `rest` seconds, presses `keys`, and returns the seconds until the screen is
        complete: the last output before 0.3 s of quiet (curses sends only what changed, so a
        partial draw, a spinner or a page arriving later all move that moment). `expect`, when
        given, must be in what was drawn."""
        program.quiet(rest, limit=rest + 5)
        program.output.clear()
        started = time.perf_counter()
        program.press(keys)
        last = started
        deadline = started + 10
        while time.perf_counter() < deadline:
            if program.read(0.3):
                last = time.perf_counter()
            elif last > started:
                break
        if expect is not None and expect not in program.output:
            raise SystemExit(f'{keys!r} did not draw {expect!r}: {bytes(program.output[-300:])!r}')
        return last - started

    with open(connections, 'w'):
        pass  # count this run's connections only
    with open(requests, 'w'):
        pass
    program, _ = launch(slow, slow_key)
    keys = 0
    nexts, opens, backs, steps = [], [], [], []
    for _ in range(5):
        nexts.append(timed(program, b']', None, 1.3))
        keys += 1
    for _ in range(5):
        backs.append(timed(program, b'[', None, 0.3))
        keys += 1
    for _ in range(5):
        program.press(b'j')
        opens.append(timed(program, b'\r', b'API Key/Handle', 0.6))
        program.press(b'\x1b')
        keys += 3
    for _ in range(3):
        program.quiet(0.3)
        program.press(b'c')
        program.quiet(0.3)
        program.press(b'bench token\t\tabout it')
        steps.append(timed(program, b'\r', b'Connect Reports', 0.3))
        program.press(b'\x1b')
        program.quiet(0.3)
        program.press(b'y')  # discard what was typed
        keys += 17
    program.quiet(0.5)
    program.press(b'q')
    program.wait_for(None, timeout=10)
    program.close()
    record('8b. ] next page after resting 1 s', f'{median_of(nexts) * 1000:.1f} ms', 'at most 20 ms', median_of(nexts) <= 0.02)
    record('8c. Enter on a row rested on 0.5 s', f'{median_of(opens) * 1000:.1f} ms', 'at most 20 ms', median_of(opens) <= 0.02)
    record('8d. [ back to a page seen lately', f'{median_of(backs) * 1000:.1f} ms', 'at most 20 ms', median_of(backs) <= 0.02)
    record('8e. wizard step 2 (extensions)', f'{median_of(steps) * 1000:.1f} ms', 'at most 20 ms', median_of(steps) <= 0.02)
    with open(connections) as log:
        opened = len(log.read().splitlines())
    record('8f. connections opened in that browsing run', f'{opened}', 'at most 2', opened <= 2)
    with open(requests) as log:
        lists = [line for line in log.read().splitlines() if line == 'GET /public/v1/auth/tokens']
    record('8g. token pages asked per 100 keys', f'{len(lists) * 100 / keys:.0f}', f'(report: {len(lists)} for {keys} keys)', None)


def main():
    print(f'connect-tui benchmarks ({os.cpu_count()} CPUs; release build in {BIN})\n')
    if os.environ.get('BENCH_ONLY') == 'latency':  # one section, for working on it
        latency_figures()
        return 1 if any(ok is False for _, _, _, ok in results) else 0
    print('== sandboxes')
    big, big_key, seed_seconds = sandbox('big', 100_004)
    small, small_key, _ = sandbox('small', 100)
    mid, mid_key, _ = sandbox('mid', 10_000)
    record('5b. seeding 100,000 tokens', f'{seed_seconds:.2f} s', '"seconds": at most 10 s', seed_seconds <= 10)
    app_env = terminal_env({'CONNECT_API_KEY': big_key, 'CONNECT_ENDPOINT': big})

    print('\n== 1. start-up to the first complete frame (median of 5, pseudo-terminal 120x40)')
    def median_launch(argv, marker, env):
        times = []
        for _ in range(5):
            program = Pty(argv, env)
            times.append(program.wait_for(marker))
            if marker is not None:
                program.press(b'q')
                program.wait_for(None, timeout=10)
            program.close()
        return statistics.median(times)
    def median_launch_in(folder, argv, marker, env):
        here = os.getcwd()
        os.chdir(folder)
        try:
            return median_launch(argv, marker, env)
        finally:
            os.chdir(here)

    floor = median_launch([FLOOR], b'FLOOR READY', terminal_env())
    app = median_launch([APP], b'of 100004', app_env)
    record('floor: minimal C curses program', f'{floor * 1000:.1f} ms', '(the floor)', None)
    if HTOP:
        peer = median_launch([HTOP, '-n', '1'], None, terminal_env())
        record('peer: htop -n 1 (to its exit)', f'{peer * 1000:.1f} ms', '(a peer)', None)
    if TIG:
        # tig in this repository: its main view, to the status line of its first frame.
        repo_env = terminal_env({'HOME': work})
        tig = median_launch_in(os.path.dirname(HERE), [TIG], b'[main]', repo_env)
        record('peer: tig, its main view', f'{tig * 1000:.1f} ms', '(a peer)', None)
    record('connect-tui, Tokens of 100,004 on screen', f'{app * 1000:.1f} ms', '', None)
    record('1. start-up / floor', f'{app / floor:.1f}x', 'at most 3x', app / floor <= 3)
    if INSTALLED:
        installed = median_launch([INSTALLED], b'of 100004', app_env)
        record('the installed binary (Swift libraries linked in)', f'{installed * 1000:.1f} ms', '', None)
        record('1b. installed start-up / floor', f'{installed / floor:.1f}x', 'at most 4x', installed / floor <= 4)

    print('\n== 3, 6. bytes to the terminal and memory (Tokens at 120x40, 100,000 tokens)')
    program = Pty([APP], app_env)
    program.wait_for(b'of 100004')
    program.quiet(0.6)
    moves = []
    for key in [b'j', b'k'] * 4:
        program.press(key)
        moves.append(program.quiet(0.3))
    flips = []
    for key in [b']', b'[', b']', b'[']:
        program.press(key)
        flips.append(program.quiet(0.5))
    row_limit = 2 * COLUMNS + 64
    record('3a. bytes for one row move (median)', f'{statistics.median(moves):.0f} B', f'at most 2 rows + cursor moves ({row_limit} B)', statistics.median(moves) <= row_limit)
    record('3b. bytes for a page flip (median)', f'{statistics.median(flips):.0f} B', f'at most one screen ({COLUMNS * ROWS} B)', statistics.median(flips) <= COLUMNS * ROWS)
    idle_before = program.cpu_seconds()
    time.sleep(3)
    idle = (program.cpu_seconds() - idle_before) / 3 * 100
    record('idle CPU of the TUI over 3 s', f'{idle:.1f} %', '(for information)', None)
    for key in [b'\r', b'\x1b', b'3', b'4', b'2'] + [b']'] * 20 + [b'G', b'\r', b'l', b'\x1b']:
        program.press(key)
        program.quiet(0.15)
    peak = program.rss_peak_kib() / 1024
    record('6. peak resident memory while browsing', f'{peak:.1f} MiB', 'at most 64 MiB', peak <= 64)
    program.press(b'q')
    program.wait_for(None, timeout=10)
    program.close()

    print('\n== 2. CPU per key and frame: 100,000 tokens versus 100')
    big_keys, small_keys = bench('keys', big, big_key), bench('keys', small, small_key)
    for name, label in [('key_down_cpu_s', '↓'), ('key_next_page_cpu_s', 'next page'), ('key_open_details_cpu_s', 'open details')]:
        ratio = big_keys[name] / small_keys[name]
        record(f'2. {label}: {big_keys[name] * 1e6:.0f} µs vs {small_keys[name] * 1e6:.0f} µs', f'{ratio:.2f}x', 'at most 1.2x', ratio <= 1.2)

    print('\n== 4. fetching all of 10,000 tokens')
    swift = bench('client', mid, mid_key)
    python = {name: float(value) for name, value in (line.split() for line in subprocess.run(
        [PYTHON, os.path.join(HERE, 'python_client.py'), mid, mid_key], check=True, capture_output=True, text=True).stdout.splitlines())}
    record('Python client, default (100 per page)', f'{python["python_default_s"]:.2f} s', f'({python["python_items"]:.0f} tokens)', None)
    record('ConnectClient, 100 per page in turn', f'{swift["client_sequential_100_s"]:.2f} s', f'({swift["client_items"]:.0f} tokens)', None)
    record('ConnectClient, 1,000 per page, 4 at once', f'{swift["client_best_s"]:.2f} s', '', None)
    same = python['python_default_s'] / swift['client_sequential_100_s']
    best = python['python_default_s'] / swift['client_best_s']
    record('4a. same strategy: faster than Python by', f'{same:.1f}x', 'at least 1.5x', same >= 1.5)
    record('4b. best strategy: faster than Python by', f'{best:.1f}x', 'at least 5x', best >= 5)

    print('\n== 4c. decoding recorded pages (no server in the loop)')
    import urllib.request
    pages = []
    for limit in (100, 1000):
        request = urllib.request.Request(f'{mid}/auth/tokens?limit={limit}&offset=0', headers={'Authorization': mid_key})
        path = os.path.join(work, f'page-{limit}.json')
        with urllib.request.urlopen(request) as answer, open(path, 'wb') as out:
            out.write(answer.read())
        pages.append(path)
    swift_decode = bench('decode', *pages)
    python_decode = {name: float(value) for name, value in (line.split() for line in subprocess.run(
        [PYTHON, os.path.join(HERE, 'python_decode.py'), *pages], check=True, capture_output=True, text=True).stdout.splitlines())}
    for count in (100, 1000):
        ours, theirs = swift_decode[f'decode_{count}_s'], python_decode[f'python_decode_{count}_s']
        record(f'4c. page of {count}: {ours * 1000:.2f} ms vs Python {theirs * 1000:.2f} ms', f'{theirs / ours:.2f}x', 'at least 3x faster', theirs / ours >= 3)

    print('\n== 5. a filtered, ordered page of 25 (status and extension, newest first)')
    big_query, small_query = bench('query', big, big_key), bench('query', small, small_key)
    ratio = big_query['query_median_s'] / small_query['query_median_s']
    record(f'5a. 100,000: {big_query["query_median_s"] * 1000:.1f} ms, 100: {small_query["query_median_s"] * 1000:.1f} ms', f'{ratio:.2f}x', 'at most 2x', ratio <= 2)
    first = big_query['query_first_s'] / small_query['query_first_s']
    record(f'first page, total counted: {big_query["query_first_s"] * 1000:.1f} ms vs {small_query["query_first_s"] * 1000:.1f} ms', f'{first:.2f}x', '(for information)', None)
    search = big_query['query_name_search_median_s'] / small_query['query_name_search_median_s']
    record(f'name search *7*: {big_query["query_name_search_median_s"] * 1000:.1f} ms vs {small_query["query_name_search_median_s"] * 1000:.1f} ms', f'{search:.2f}x', '(scanned: for information)', None)

    print('\n== 7. typing a filter over 100,000 tokens')
    typing = bench('filter')
    record('7a. worst key while typing (reducer + frame)', f'{typing["filter_worst_key_s"] * 1000:.2f} ms', 'under one frame (16 ms)', typing['filter_worst_key_s'] < 0.016)
    record('7b. requests while typing 30 characters', f'{typing["filter_requests_while_typing"]:.0f}', '0 (sent once typing rests)', typing['filter_requests_while_typing'] == 0)
    record('7c. requests when applied', f'{typing["filter_requests_on_enter"]:.0f}', '1', typing['filter_requests_on_enter'] == 1)
    record('7d. an older answer after a newer one', 'dropped' if typing['filter_stale_answer_dropped'] else 'SHOWN', 'dropped', typing['filter_stale_answer_dropped'] == 1)

    latency_figures()

    missed = [name for name, _, _, ok in results if ok is False]
    print(f'\n{len([r for r in results if r[3] is not None]) - len(missed)} targets met, {len(missed)} missed' + (': ' + '; '.join(missed) if missed else ''))
    return 1 if missed else 0


try:
    status = main()
finally:
    for server in servers:
        server.terminate()
        server.wait()
sys.exit(status)
