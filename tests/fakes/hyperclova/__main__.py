"""`python -m tests.fakes.hyperclova --port 8765 ...`: the loopback HyperCLOVA X server in the foreground."""

from tests.fakes.hyperclova.server import main

if __name__ == "__main__":
    main()
