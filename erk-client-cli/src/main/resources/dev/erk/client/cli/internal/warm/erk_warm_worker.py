# erk-client's warm worker: loads a Python console script's imports once, then runs each call
# in a fork of itself, exactly as the script would run in a fresh process. Standard library only.
# Speaks JSON-RPC 2.0, one message per line, on the stdin/stdout it was started with; the
# protocol is described in erk-client's docs/warm-protocol.md. Started as
#   <interpreter> [<flags from the script's #! line>] -c <this source> <script>
import ast
import base64
import json
import os
import selectors
import sys
import time

PROTOCOL = 1
LINGER_SECONDS = 0.05
POLL_SECONDS = 0.05
READ_SIZE = 65536


class Channel:
    """The protocol's two ends, moved off fds 0 and 1 so that nothing else can write to them."""

    def __init__(self):
        self.rfd = os.dup(0)
        self.wfd = os.dup(1)
        self.pending = b""

    def send(self, message):
        data = (json.dumps(message, separators=(",", ":")) + "\n").encode("ascii")
        view = memoryview(data)
        while view:
            view = view[os.write(self.wfd, view):]

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def receive(self):
        """The next message's text, or None at the end of input."""
        while b"\n" not in self.pending:
            chunk = os.read(self.rfd, READ_SIZE)
            if not chunk:
                return None
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line

    def close_in_child(self):
        os.close(self.rfd)
        os.close(self.wfd)


def is_main_guard(node):
    test = node.test
    return (isinstance(node, ast.If) and isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name) and test.left.id == "__name__"
            and len(test.comparators) == 1 and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == "__main__")


def console_script_shape(tree):
    """None if the script only imports and then runs its main guard; else why not."""
    guarded = False
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if isinstance(node, ast.If) and is_main_guard(node):
            guarded = True
            continue
        return "line %d does more than import" % node.lineno
    return None if guarded else "no `if __name__ == '__main__':` block"


def imported_roots(tree):
    roots = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.append(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            roots.extend(alias.name.split(".")[0] for alias in node.names)
    return roots


def watched_paths(script, tree):
    """The script and the directories of the packages it imports: they change on an upgrade."""
    paths = [os.path.realpath(script)]
    for root in imported_roots(tree):
        module = sys.modules.get(root)
        where = getattr(module, "__file__", None)
        stdlib = getattr(sys, "stdlib_module_names", ())
        if not where or root in sys.builtin_module_names or root in stdlib:
            continue
        where = os.path.realpath(where)
        if os.path.basename(where).startswith("__init__."):
            where = os.path.dirname(where)
        for path in (where, os.path.dirname(where)):
            if path not in paths:
                paths.append(path)
    return paths


def capture(fd, run):
    """Runs `run` with fd redirected to a temporary file; keeps what was written there."""
    saved = os.dup(fd)
    try:
        tmp = os.open(os.path.realpath("/tmp"), os.O_RDWR | os.O_TMPFILE, 0o600)
    except (AttributeError, OSError):
        import tempfile
        with tempfile.TemporaryFile() as handle:
            tmp = os.dup(handle.fileno())
    os.dup2(tmp, fd)
    try:
        return run()
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.lseek(tmp, 0, os.SEEK_SET)
        captured[fd] = b"".join(iter(lambda: os.read(tmp, READ_SIZE), b""))
        os.close(tmp)


captured = {1: b"", 2: b""}


def preload(script, channel):
    """Imports what the script imports, with its output kept to replay in every call."""
    with open(script, "rb") as handle:
        source = handle.read()
    tree = ast.parse(source, script)
    problem = console_script_shape(tree)
    if problem:
        return None, None, problem
    code = compile(source, script, "exec")
    if sys.path and sys.path[0] == "":
        sys.path[0] = os.path.dirname(os.path.realpath(script))
    sys.argv = [script]
    namespace = {"__name__": "__erk_warm_preload__", "__file__": script,
                 "__builtins__": __builtins__}

    def load():
        try:
            exec(code, namespace)
            return None
        except BaseException as error:  # the script would fail the same way every call
            return "importing failed: %s: %s" % (type(error).__name__, error)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()

    problem = capture(1, lambda: capture(2, load))
    return code, tree, problem


def child(channel, params, code, script, pipes):
    """In the fork: becomes the process a spawned script would have been. Returns the exit."""
    os.setpgid(0, 0)
    stdin_r, stdin_w, out_r, out_w, err_r, err_w = pipes
    os.dup2(stdin_r, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    for fd in pipes:
        os.close(fd)
    channel.close_in_child()
    os.environ.clear()
    os.environ.update(params["env"])
    os.chdir(params["cwd"])
    sys.argv = list(params["argv"])
    main = type(sys)("__main__")
    main.__file__ = script
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    os.write(1, captured[1])
    os.write(2, captured[2])
    try:
        exec(code, main.__dict__)
    except SystemExit as exit_:
        return exit_
    except BaseException as error:
        tb = error.__traceback__
        error.__traceback__ = tb.tb_next if tb is not None else None  # not this frame
        sys.excepthook(type(error), error, error.__traceback__)
        return SystemExit(1)
    return SystemExit(None)


def leave(outcome):
    """Ends the fork as the interpreter ends a script, without tearing down every module."""
    code = outcome.code
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        try:
            sys.stderr.write(str(code) + "\n")
        except Exception:
            pass
        status = 1
    threading = sys.modules.get("threading")
    if threading is not None and hasattr(threading, "_shutdown"):
        threading._shutdown()
    import atexit
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            status = 120
    os._exit(status & 0xFF)


def exit_code(status):
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status), os.WTERMSIG(status)
    return os.WEXITSTATUS(status), None


def supervise(channel, call_id, pid, pipes, stdin_data):
    """In the worker: forwards the fork's output until it exited and its pipes closed."""
    stdin_r, stdin_w, out_r, out_w, err_r, err_w = pipes
    for fd in (stdin_r, out_w, err_w):
        os.close(fd)
    selector = selectors.DefaultSelector()
    names = {out_r: "stdout", err_r: "stderr"}
    for fd in names:
        selector.register(fd, selectors.EVENT_READ)
    selector.register(channel.rfd, selectors.EVENT_READ)
    if stdin_data:
        os.set_blocking(stdin_w, False)
        selector.register(stdin_w, selectors.EVENT_WRITE)
    else:
        os.close(stdin_w)
    status = None
    exited_at = None
    while names:
        for key, _ in selector.select(POLL_SECONDS):
            fd = key.fd
            if fd == channel.rfd:
                chunk = os.read(fd, READ_SIZE)
                if not chunk:  # the client is gone: so is this call
                    kill_group(pid)
                    os._exit(0)
                channel.pending += chunk  # the next request, sent early: kept for later
                continue
            if fd == stdin_w:
                try:
                    stdin_data = stdin_data[os.write(fd, stdin_data):]
                except BrokenPipeError:
                    stdin_data = b""
                if not stdin_data:
                    selector.unregister(fd)
                    os.close(fd)
                continue
            data = os.read(fd, READ_SIZE)
            if data:
                channel.notify("output", {"id": call_id, "stream": names[fd],
                                          "data": base64.b64encode(data).decode("ascii")})
            else:
                selector.unregister(fd)
                os.close(fd)
                del names[fd]
        if status is None:
            done, found = os.waitpid(pid, os.WNOHANG)
            if done:
                status, exited_at = found, time.monotonic()
        elif names and time.monotonic() - exited_at > LINGER_SECONDS:
            kill_group(pid)  # something the call started still holds its output
    selector.close()
    if stdin_data:
        os.close(stdin_w)
    if status is None:
        status = os.waitpid(pid, 0)[1]
    return status


def kill_group(pid):
    try:
        os.killpg(pid, 9)
    except OSError:
        pass


def check(params):
    argv, cwd, env = params.get("argv"), params.get("cwd"), params.get("env")
    if not isinstance(argv, list) or not argv or not all(isinstance(a, str) for a in argv):
        return "argv must be a non-empty list of strings"
    if not isinstance(cwd, str) or not os.path.isdir(cwd):
        return "cwd must name a directory"
    if not isinstance(env, dict) or not all(isinstance(v, str) for v in env.values()):
        return "env must map names to strings"
    if not isinstance(params.get("stdin", ""), str):
        return "stdin must be base64 text"
    return None


def serve(channel, code, script):
    """Answers requests until the input ends; in a fork, returns the SystemExit to end with."""
    while True:
        line = channel.receive()
        if line is None:
            return None
        try:
            request = json.loads(line)
            call_id = request["id"]
            params = request["params"]
            problem = None if request.get("method") == "run" else "unknown method"
            problem = problem or check(params)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            channel.send({"jsonrpc": "2.0", "id": None,
                          "error": {"code": -32700, "message": "unreadable request: %s" % error}})
            continue
        if problem:
            channel.send({"jsonrpc": "2.0", "id": call_id,
                          "error": {"code": -32602, "message": problem}})
            continue
        stdin_data = base64.b64decode(params.get("stdin", ""))
        pipes = os.pipe() + os.pipe() + os.pipe()
        pid = os.fork()
        if pid == 0:
            return child(channel, params, code, script, pipes)
        status = supervise(channel, call_id, pid, pipes, stdin_data)
        code_, signal_ = exit_code(status)
        channel.send({"jsonrpc": "2.0", "id": call_id,
                      "result": {"exitCode": code_, "signal": signal_, "pid": pid}})


def start():
    channel = Channel()
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    script = sys.argv[1]
    try:
        code, tree, problem = preload(script, channel)
    except Exception as error:
        code, tree, problem = None, None, "%s: %s" % (type(error).__name__, error)
    if problem:
        channel.notify("unsupported", {"reason": problem})
        return None
    channel.notify("ready", {"protocol": PROTOCOL, "pid": os.getpid(),
                             "python": sys.version.split()[0],
                             "watch": watched_paths(script, tree)})
    return serve(channel, code, script)


outcome = start()
if outcome is not None:
    leave(outcome)
