"""A stand-in for erk in erk-client's warm tests: its import takes about a second, like erk's."""
import time

time.sleep(float(__import__("os").environ.get("SLOWERK_IMPORT_SECONDS", "1")))
