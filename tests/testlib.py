"""What the CLI and server tests share: a check that prints and records its outcome, and a free loopback port.
A test imports `check`, `checks` and `failures` and ends with `summary()`, which prints the counts and returns the
exit code."""
import socket
import time

checks, failures = [], []
_last = [time.time()]


def check(name, cond, detail=""):
    """Records and prints one check (with the seconds it took when more than one); on failure, `detail`."""
    checks.append(name)
    took = time.time() - _last[0]
    _last[0] = time.time()
    print(("ok   " if cond else "FAIL ") + name + (f" ({took:.1f} s)" if took > 1 else ""))
    if not cond:
        failures.append(name)
        print("     " + str(detail)[:1500])


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def summary():
    print(f"{len(checks) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0
