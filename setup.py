"""Build step: the wheel carries the digest templates and the default watch list.

The project keeps them where people look for them, ``templates/`` and ``sources.yaml`` at the
top of the checkout; building the package copies both into ``monitor/bundled/``, so an
installed monitor finds them anywhere (see :mod:`monitor.resources`). Everything else is in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = {"templates": ROOT / "templates", "sources.yaml": ROOT / "sources.yaml"}


class BuildWithBundled(build_py):
    """build_py, then a copy of the top-level templates and watch list into monitor/bundled/."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "monitor" / "bundled"
        target.mkdir(parents=True, exist_ok=True)
        for name, source in BUNDLED.items():
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            else:
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithBundled})
