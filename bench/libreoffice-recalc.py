# Recalculates workbooks in headless LibreOffice through Python-UNO, timing load, hard recalc and read-back apart, for bench/native.ts.
#
# Usage: /usr/bin/python3 libreoffice-recalc.py PIPE_NAME < jobs.json, with soffice already started (by
# bench/libreoffice-run.ts) with --accept=pipe,name=PIPE_NAME;urp;StarOffice.ComponentContext.
# jobs.json: [{"file": "/abs/path.xlsx", "ranges": ["D2:D1001", ...]}, ...]
# Prints one JSON line per job: {"file", "loadMs", "recalcMs", "readMs", "threaded", "columns": [[...], ...]} (one list per
# range, its cells top to bottom: numbers as numbers, text and blanks as text), or {"file", "error"}.
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, timeout_s=120):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def set_load_recalc_never(ctx):
    # Recalculation on file load: 1 = never (use what the file holds), so that loading does not compute every
    # formula before the timed calculateAll(); the files carry no cached results, which is what calculateAll fills.
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.Office.Calc/Formula/Load"),)
    )
    access.setPropertyValue("OOXMLRecalcMode", 1)
    access.setPropertyValue("ODFRecalcMode", 1)
    access.commitChanges()


def threaded_calculation(ctx):
    # Whether formula groups are calculated on several threads (on by default; the bench may start soffice with it off).
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", "/org.openoffice.Office.Calc/Formula/Calculation"),)
    )
    return bool(access.getPropertyValue("UseThreadedCalculationForFormulaGroups"))


def run_job(desktop, job):
    url = uno.systemPathToFileUrl(job["file"])
    start = time.perf_counter()
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    loaded = time.perf_counter()
    # XCalculatable.calculateAll: the hard recalculation (Ctrl+Shift+F9), every formula cell evaluated anew.
    doc.calculateAll()
    recalculated = time.perf_counter()
    sheet = doc.Sheets.getByIndex(0)
    columns = []
    for name in job["ranges"]:
        rows = sheet.getCellRangeByName(name).getDataArray()
        columns.append([row[0] for row in rows])
    read = time.perf_counter()
    doc.close(True)
    return {
        "file": job["file"],
        "loadMs": (loaded - start) * 1000,
        "recalcMs": (recalculated - loaded) * 1000,
        "readMs": (read - recalculated) * 1000,
        "columns": columns,
    }


def main():
    pipe = sys.argv[1]
    jobs = json.load(sys.stdin)
    ctx = connect(pipe)
    set_load_recalc_never(ctx)
    threaded = threaded_calculation(ctx)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    for job in jobs:
        try:
            out = run_job(desktop, job)
            out["threaded"] = threaded
        except Exception as e:  # one bad workbook is reported, the rest still run
            out = {"file": job["file"], "error": str(e)}
        print(json.dumps(out), flush=True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge drops as soffice quits


if __name__ == "__main__":
    main()
