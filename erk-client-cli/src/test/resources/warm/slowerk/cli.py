"""Commands that exercise what a warm worker must reproduce exactly."""
import os
import subprocess
import sys
import time

CALLS = []
EMPTY = '{"success": true, "plans": [], "count": 0}'


def main():
    CALLS.append(sys.argv[1:])
    args = sys.argv[1:]
    command = args[0] if args else ""
    if command == "exec" and args[1:2] == ["dash-data"]:
        if os.path.exists("kill-worker-once"):  # a warm worker dying under a call
            os.remove("kill-worker-once")
            os.kill(os.getppid(), 9)
            time.sleep(60)
        print(EMPTY)
    elif command == "--version":
        print("erk, version 0.9.11")
    elif command == "bytes":
        print("caf\u00e9 \u2603")
        sys.stdout.flush()
        sys.stdout.buffer.write(b"raw \xff\xfe\x80 end\n")
        sys.stderr.buffer.write(b"err \xc3\x28 \x00 nul\n")
        print("tail without newline", end="", file=sys.stderr)
    elif command == "exit":
        print("leaving with", args[1])
        sys.exit(int(args[1]))
    elif command == "exit-text":
        sys.exit("a message instead of a code")
    elif command == "raise":
        print("before the error")
        raise RuntimeError("boom \u2603")
    elif command == "usage":
        sys.stderr.write("Usage: erk [OPTIONS] COMMAND [ARGS]...\n"
                         "Try 'erk -h' for help.\n\nError: No such command 'nope'.\n")
        sys.exit(2)
    elif command == "stdin":
        data = sys.stdin.buffer.read()
        print("read %d bytes: %r" % (len(data), data))
    elif command == "chdir":
        os.chdir(os.path.dirname(os.getcwd()))
        print("now in", os.getcwd())
    elif command == "setenv":
        os.environ["SLOWERK_LEAK"] = "leaked"
        sys.argv.append("extra")
        sys.path.insert(0, "/nowhere")
        print("set")
    elif command == "state":
        print("cwd", os.getcwd())
        print("env", os.environ.get("SLOWERK_LEAK"), os.environ.get("SLOWERK_MARK"))
        print("argv", sys.argv)
        print("path0", sys.path[0] == "/nowhere")
        print("calls", len(CALLS))
        print("main", sys.modules["__main__"].__file__)
    elif command == "subprocess":
        print("first, from python")
        subprocess.run([sys.executable, "-c", "print('second, from a child')"], check=True)
        print("third, from python")
        subprocess.run([sys.executable, "-c",
                        "import sys; sys.stderr.write('child stderr\\n')"], check=True)
    elif command == "ppid":
        print(os.getppid())
    elif command == "hang":
        print("hanging", flush=True)
        time.sleep(3600)
    elif command == "os-exit":
        print("buffered, lost if stdout is buffered")
        sys.stderr.write("on stderr\n")
        sys.stderr.flush()
        os._exit(int(args[1]))
    elif command == "chunks":  # lines cut across writes: a UTF-8 character, a CRLF, ANSI
        for piece in (b"first ha", b"lf\ncaf\xc3", b"\xa9 \x1b[32mgreen", b"\x1b[0m\r",
                      b"\nlast without end"):
            sys.stdout.buffer.write(piece)
            sys.stdout.flush()
        sys.stderr.buffer.write(b"err \xff\r")
        sys.stderr.flush()
        sys.stderr.buffer.write(b"\nerr two\n")
    elif command == "tree":  # the call, a subprocess it started, and the process running it
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)"])
        print("pids", os.getppid(), os.getpid(), child.pid, flush=True)
        time.sleep(3600)
    elif command == "json":  # an `erk json ...` query: the request on stdin, the answer from files
        request = sys.stdin.read()
        with open("json-callers", "a") as callers:  # the parent: the JVM, or a warm worker
            callers.write("%d\n" % os.getppid())
        with open("json-request") as expected:
            if request != expected.read():
                print('{"success": false, "error_type": "bad_request", "message": "got %s"}'
                      % request.replace('"', "'"))
                return 1
        with open("json-answer") as answer:
            sys.stdout.write(answer.read())
    elif command == "big":
        sys.stdout.write("x" * 300000 + "\n")
        sys.stderr.write("y" * 200000 + "\n")
    else:
        print("unknown command %r" % command, file=sys.stderr)
        return 2
    return 0
