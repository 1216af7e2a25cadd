import multiprocessing

from reflect.cli import main

if __name__ == "__main__":  # worker processes import this module too: they must not run it
    multiprocessing.freeze_support()
    raise SystemExit(main())
