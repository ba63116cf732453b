"""`workbench templates list|import|export`, including refusals with a reason and a non-zero exit."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.templates.conftest import listing
from workbench.__main__ import main
from workbench.paths import templates_dir

POD = templates_dir() / "modules" / "nvl72-pod-1200kw.dchall.json"


def test_list_text_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "broken.dchall.json").write_text("{", "utf-8")
    assert main(["templates", "list", "--shared", str(tmp_path / "shared")]) == 0
    out, err = capsys.readouterr()
    assert "10 MW NVL72-class hall, 2N power" in out and "built-in" in out
    assert "broken.dchall.json" in err
    assert main(["templates", "list", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    names = {t["name"]: t for t in doc["templates"]}
    pod = names["NVL72 pod, 1.2 MW"]
    assert pod["kind"] == "module" and pod["source"] == "built-in" and pod["racks"] == 10
    assert pod["licence"] == "CC-BY-4.0" and pod["it_mw"] == pytest.approx(1.196, abs=0.01)


def test_export_then_import_then_conflict(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bundle = tmp_path / "pods.zip"
    assert main(["templates", "export", "nvl72-pod-1200kw", "Air-cooled row pod, 20 kW racks", "-o", str(bundle),
                 "--author", "Me"]) == 0
    assert "modules/nvl72-pod-1200kw.dchall.json" in capsys.readouterr().out
    with zipfile.ZipFile(bundle) as zf:
        assert json.loads(zf.read("manifest.json"))["author"] == "Me"
    dest = tmp_path / "dest"
    assert main(["templates", "import", str(bundle), "--to", str(dest)]) == 0
    assert (dest / "modules" / "nvl72-pod-1200kw.dchall.json").read_bytes() == POD.read_bytes()
    capsys.readouterr()
    # A changed copy of the same template: refused without a policy, nothing written.
    target = dest / "modules" / "nvl72-pod-1200kw.dchall.json"
    doc = json.loads(target.read_text("utf-8"))
    doc["meta"]["version"] = "0.5.0"
    target.write_text(json.dumps(doc), "utf-8")
    before = listing(dest)
    assert main(["templates", "import", str(bundle), "--to", str(dest)]) == 1
    err = capsys.readouterr().err
    assert "nothing was written" in err and "--on-conflict" in err and "newer version 1.0.0" in err
    assert listing(dest) == before
    assert main(["templates", "import", str(bundle), "--to", str(dest), "--on-conflict", "keep-both"]) == 0
    assert (dest / "modules" / "nvl72-pod-1200kw-2.dchall.json").is_file()
    assert main(["templates", "import", str(bundle), "--to", str(dest), "--on-conflict", "replace"]) == 0
    assert target.read_bytes() == POD.read_bytes()


def test_refusals_exit_non_zero_with_the_reason(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("../outside.dchall.json", POD.read_bytes())
    dest = tmp_path / "dest"
    assert main(["templates", "import", str(evil), "--to", str(dest)]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "path traversal" in err
    assert not dest.exists() and not (tmp_path / "outside.dchall.json").exists()
    assert main(["templates", "export", "no-such-template", "-o", str(tmp_path / "x.zip")]) == 1
    assert "no template named 'no-such-template'" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()
    assert main(["templates", "import", str(tmp_path / "missing.zip")]) == 1
    assert "cannot be read" in capsys.readouterr().err
