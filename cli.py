"""Run the sckg CLI from a checkout: ``python cli.py ...`` is ``sckg ...``."""

from sckg.cli import main

if __name__ == "__main__":
    main()
