"""`python -m tests.fakes.pinecone --port 5081 ...`: the loopback Pinecone server in the foreground."""

from tests.fakes.pinecone.server import main

if __name__ == "__main__":
    main()
