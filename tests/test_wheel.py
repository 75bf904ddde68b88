"""The wheel ships whole: built from the checkout, installed into a fresh environment outside it, its
`toneanalysis report` runs the notebooks it carries (not the checkout's) and writes the page.

Offline: the wheel is built with this environment's setuptools (no build isolation), and the new
environment sees this one's installed dependencies through a `.pth` line instead of downloading them.
A directory a `.pth` file adds is not scanned for `.pth` files of its own, so the editable install of
the checkout (`__editable__.toneanalysis-*.pth` in this environment) is not picked up: checked below.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ROOT

HEADLINE = "Tyrant Putin slammed over snarling summit with Kim"
ARTICLE = "\n\n".join([
    HEADLINE,
    "Vladimir Putin, the tyrant of the Kremlin, slammed his critics on Tuesday as he met Kim Jong-un for a summit "
    "that officials said was about trade.",
    '"We will not be lectured by anyone," Putin said, before the delegations sat down to lunch in Pyongyang.',
    "Critics blasted the deal as a disgrace, while Kim said talks would continue next week.",
]) + "\n"

WIRE = """\
Putin and Kim meet for talks on trade

Vladimir Putin met Kim Jong-un in Pyongyang on Tuesday for talks that officials said were about trade.

"We will continue our work," Putin said, before the delegations sat down to lunch.
"""

# What the build needs from the checkout (the package, with its notebooks symlink, and the top-level
# notebooks/ it points to); built from a copy so that the checkout gets no build/ or egg-info of ours.
SOURCES = ["pyproject.toml", "README.md", "LICENSE", "toneanalysis", "notebooks"]
SHIPPED = ["toneanalysis/lexicons/loaded_terms.csv", "toneanalysis/report/report.html.j2",
           "toneanalysis/report/report.css", "toneanalysis/report/highlight.css"]


def _version_tuple(text):
    return tuple(int(part) for part in text.split(".")[:2] if part.isdigit())


def _build_wheel(tmp_path) -> Path:
    # setuptools builds wheels itself from 70.1 on, and reads a licence expression from 77 on.
    if _version_tuple(version("setuptools")) < (77, 0):
        pytest.skip(f"building the wheel offline needs setuptools>=77 in {sys.prefix} "
                    f"(it has {version('setuptools')}): pin it in requirements.txt")
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints"))
        else:
            shutil.copy2(ROOT / name, source / name)
    assert (source / "toneanalysis" / "report" / "notebooks").is_symlink()
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "--no-index", "--quiet", "-w", str(wheels), str(source)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = wheels.glob("toneanalysis-*.whl")
    return wheel


def _environment(tmp_path, wheel) -> Path:
    """A fresh environment in tmp_path with the wheel installed, and this one's packages visible."""
    home = tmp_path / "env"
    venv.create(home, with_pip=False, symlinks=True)
    python = home / "bin" / "python"
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                                "--no-index", "--quiet", str(wheel)], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return home


def _clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "JUPYTER"))}
    env["PYTHONNOUSERSITE"] = "1"
    # Installing nbconvert puts its templates (and ipykernel its kernelspec) in the environment's
    # share/jupyter; the borrowed dependencies keep theirs in this environment's.
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    return env


@pytest.mark.slow
def test_the_wheel_ships_the_notebooks_and_reports_outside_the_checkout(tmp_path):
    wheel = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        members = {info.filename: info for info in archive.infolist()}
    notebooks = [name for name in members if name.startswith("toneanalysis/report/notebooks/")]
    assert sorted(Path(n).name for n in notebooks) == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    for name in notebooks + SHIPPED:
        mode = members[name].external_attr >> 16
        assert (mode & 0o170000) in (0, 0o100000), f"{name} is not a regular file in the wheel"
        assert members[name].file_size > 0

    home = _environment(tmp_path, wheel)
    env = _clean_env()
    where = subprocess.run(
        [str(home / "bin" / "python"), "-c",
         "import sys, toneanalysis; from toneanalysis.report import build; "
         "print(toneanalysis.__file__); print(build.NOTEBOOKS.resolve()); "
         "print(any('editable' in type(f).__module__ or 'editable' in repr(f) for f in sys.meta_path)); "
         "print(any(m.startswith('__editable__') for m in sys.modules)); "
         "from jupyter_client.manager import KernelManager; "
         "print(KernelManager(kernel_name='python3').format_kernel_cmd()[0])"],
        capture_output=True, text=True, cwd=tmp_path, env=env)
    assert where.returncode == 0, where.stderr
    module, folder, editable_finder, editable_module, kernel = where.stdout.split("\n")[:5]
    assert Path(kernel) == home / "bin" / "python"  # the notebooks' kernel is the new environment's Python
    for path in (module, folder):
        assert Path(path).resolve().is_relative_to(home.resolve()), path
        assert not Path(path).resolve().is_relative_to(ROOT), path
    assert (editable_finder, editable_module) == ("False", "False")  # the checkout's editable install is not seen
    assert sorted(p.name for p in Path(folder).glob("*.ipynb")) == sorted(Path(n).name for n in notebooks)

    (tmp_path / "small.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    command = str(home / "bin" / "toneanalysis")
    alone = subprocess.run([command, "report", "small.txt", "-o", "out.html"], capture_output=True, text=True,
                           cwd=tmp_path, env=env, timeout=120)
    assert alone.returncode == 0, alone.stderr
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert HEADLINE in page
    assert "running 01-" in alone.stderr and "02-compare-with-wire" not in alone.stderr

    (tmp_path / "out.html").unlink()
    compared = subprocess.run([command, "report", "small.txt", "--baseline", "wire.txt", "-o", "out.html"],
                              capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert compared.returncode == 0, compared.stderr
    assert HEADLINE in (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "running 02-compare-with-wire.ipynb" in compared.stderr
