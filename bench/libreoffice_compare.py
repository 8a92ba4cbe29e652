"""LibreOffice's own document compare (.uno:CompareDocuments), for the benchmark.

Runs under Debian's system Python (python3-uno), not the project's virtualenv:
    /usr/bin/python3 bench/libreoffice_compare.py OLD.docx NEW.docx RUNS
prints JSON: {"seconds": [...], "changes": N}.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def _property(name, value):
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(old, new, runs):
    profile = tempfile.mkdtemp(prefix="lo-bench-")
    port = _free_port()
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=socket,host=127.0.0.1,port={port};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(300):
            try:
                context = resolver.resolve(
                    f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
                )
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise SystemExit("LibreOffice did not start")
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        seconds, changes = [], 0
        for _ in range(runs):
            document = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(os.path.abspath(new)),
                "_blank",
                0,
                (),
            )
            frame = document.getCurrentController().getFrame()
            start = time.perf_counter()
            dispatcher.executeDispatch(
                frame,
                ".uno:CompareDocuments",
                "",
                0,
                (_property("URL", uno.systemPathToFileUrl(os.path.abspath(old))),),
            )
            seconds.append(time.perf_counter() - start)
            enumeration = document.getRedlines().createEnumeration()
            changes = 0
            while enumeration.hasMoreElements():
                enumeration.nextElement()
                changes += 1
            document.close(True)
        print(json.dumps({"seconds": seconds, "changes": changes}))
    finally:
        office.terminate()
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
