#!/usr/bin/env python3
"""Open every page of a vigie site in headless Chromium and check it the way a person would use it.

Usage: python3 scripts/a11y-check.py SITE_DIR [--screenshots DIR] [--shot PAGE=FILE.png]... [--report FILE.json]
                                     [--widths 1280,390] [--pdf PAGE=FILE.pdf]...

For each *.html file under SITE_DIR (opened from file://, as a reader of a downloaded site would):
  - axe-core finds zero violations (every rule axe runs by default: WCAG 2.x A and AA, best practices);
  - the stylesheet and the script loaded under the page's content security policy, and nothing was blocked;
  - no dialog opened and no element was injected (no <img>, <iframe>, <object>, <embed>, and no <script>
    but the site's own): what a hostile file or author name would try;
  - no JavaScript error was logged.
On the index page it also checks the keyboard: the first Tab reaches the skip link, which is then
visible, and a sortable column heading is a button that sorts with Enter and sets aria-sort.

--shot PAGE=FILE saves a full-page screenshot of PAGE (a path relative to SITE_DIR) as DIR/FILE.
--widths W,W,... lays every page out at each width (CSS pixels) and records its horizontal overflow:
  document.documentElement.scrollWidth must not exceed the width. The index is checked by axe-core
  again at each width, and each --shot page is also saved as FILE-<width>.png.
--pdf PAGE=FILE prints PAGE to FILE as headless Chromium prints it (Page.printToPDF, the engine of
  `chromium --headless --print-to-pdf`: print stylesheet, the page size the CSS asks, backgrounds).

Needs Debian's chromium and chromium-driver, PyPI's selenium, and axe-core's axe.min.js, taken from the
PyPI package axe-playwright-python (installed without its dependencies: only the script is used).
scripts/setup.sh installs all of them. Exit codes: 0 all pages pass, 1 a page fails, 2 setup or usage error.
"""

import argparse
import importlib.util
import json
import os
import pathlib
import shutil
import sys

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
DRIVER_CANDIDATES = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]

# Runs before any script of the page: records dialogs and CSP violations instead of letting them through.
WATCHER = """
window.__vigie = {dialogs: [], csp: []};
['alert', 'confirm', 'prompt'].forEach(function (name) {
  window[name] = function (message) { window.__vigie.dialogs.push(name + ': ' + message); return null; };
});
document.addEventListener('securitypolicyviolation', function (event) {
  window.__vigie.csp.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""

# Elements a page of the site never has: any of them was injected through an unescaped string.
INJECTED = """
var found = [];
document.querySelectorAll('img, iframe, object, embed, frame, base, form, script, [onerror], [onload], [onclick]').forEach(function (el) {
  var own = el.tagName === 'SCRIPT' && /assets\\/vigie\\.js$/.test(el.getAttribute('src') || '') && el.attributes.length === 2;
  if (!own) { found.push(el.outerHTML.slice(0, 120)); }
});
document.querySelectorAll('a[href]').forEach(function (el) {
  if (/^\\s*javascript:/i.test(el.getAttribute('href'))) { found.push(el.outerHTML.slice(0, 120)); }
});
return found;
"""


def fail_setup(message):
    print(f"a11y-check: {message}; run scripts/setup.sh", file=sys.stderr)
    sys.exit(2)


def find_executable(candidates, name):
    for path in candidates:
        if os.path.exists(path):
            return path
    found = shutil.which(name)
    if found:
        return found
    fail_setup(f"{name} not found (Debian package {'chromium-driver' if 'driver' in name else 'chromium'})")


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        fail_setup("axe-core not found (PyPI package axe-playwright-python, installed with --no-deps)")
    path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    if not path.exists():
        fail_setup(f"{path} is missing")
    return path.read_text(encoding="utf-8")


def start_browser(axe):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        fail_setup("selenium is missing (PyPI package selenium)")
    options = webdriver.ChromeOptions()
    options.binary_location = find_executable(CHROMIUM_CANDIDATES, "chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--force-device-scale-factor=1", "--lang=fr-FR", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager would otherwise try to download one.
    service = Service(executable_path=find_executable(DRIVER_CANDIDATES, "chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(60)
    # The watcher and axe-core are injected into every page before its own scripts, once for the session.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCHER})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe})
    return driver


def set_width(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def overflow(driver, width):
    """The page's width laid out at `width` CSS pixels: scrollWidth of the document and of the widest table."""
    set_width(driver, width)
    return driver.execute_script(
        "var widest = 0; document.querySelectorAll('table').forEach(function (t) {"
        " var box = t.closest('.table-wrap'); if (!box) { widest = Math.max(widest, t.scrollWidth - t.parentElement.clientWidth); } });"
        "return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, table_overflow: widest};")


def print_pdf(driver, target):
    import base64
    result = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(base64.b64decode(result["data"]))


def run_axe(driver):
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations'], preload: false}).then(function (r) { done(r.violations); }, function (e) { done([{id: 'axe-error', help: String(e), nodes: []}]); });")


def describe(violations, width=None):
    problems = []
    for violation in violations:
        targets = ", ".join(" ".join(node.get("target", [])) if isinstance(node.get("target"), list) else str(node.get("target"))
                            for node in violation.get("nodes", [])[:5])
        at = f" at {width}px" if width else ""
        problems.append(f"axe{at} {violation['id']} ({violation.get('impact')}): {violation.get('help')} — {targets}")
    return problems


def screenshot(driver, target, width=1280):
    set_width(driver, width)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": max(900, min(height, 12000)), "deviceScaleFactor": 1, "mobile": False})
    target.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(target))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def check_keyboard(driver):
    """The first Tab reaches the visible skip link; a sortable heading sorts with Enter."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    problems = []
    # A fresh page: focus is on the document, as for a reader who just arrived.
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focused = driver.execute_script(
        "var el = document.activeElement, box = el.getBoundingClientRect();"
        "return {cls: el.className, top: box.top, height: box.height, outline: getComputedStyle(el).outlineStyle};")
    if focused["cls"] != "skip-link":
        problems.append(f"the first Tab reaches '{focused['cls']}', not the skip link")
    elif focused["top"] < 0 or focused["height"] <= 0:
        problems.append("the focused skip link is not visible")
    elif focused["outline"] == "none":
        problems.append("the focused skip link has no visible focus outline")
    # A list filter (team, cohort), when the page has one: choosing a value leaves only its rows shown.
    selects = driver.find_elements("css selector", ".table-tools select")
    if selects:
        outcome = driver.execute_script(
            "var select = arguments[0], key = select.id.split('-filter-')[1];"
            "if (select.options.length < 2) { return 'no value to choose'; }"
            "select.selectedIndex = 1; select.dispatchEvent(new Event('change'));"
            "var table = document.getElementById(select.id.split('-filter-')[0]);"
            "var rows = Array.prototype.slice.call(table.tBodies[0].rows);"
            "var shown = rows.filter(function (row) { return !row.hidden; });"
            "var wrong = shown.filter(function (row) { return row.getAttribute('data-' + key) !== select.value; });"
            "var result = shown.length > 0 && shown.length < rows.length && wrong.length === 0 ? 'ok' : shown.length + ' of ' + rows.length + ' shown, ' + wrong.length + ' wrong';"
            "select.selectedIndex = 0; select.dispatchEvent(new Event('change'));"
            "return result;", selects[0])
        if outcome != "ok":
            problems.append(f"the list filter does not filter the rows: {outcome}")
    buttons = driver.find_elements("css selector", "table.sortable thead th button")
    if not buttons:
        problems.append("no sortable column heading: vigie.js did not run")
    else:
        heading = buttons[2] if len(buttons) > 2 else buttons[0]
        driver.execute_script("arguments[0].focus()", heading)
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        sort = driver.execute_script("return arguments[0].parentElement.getAttribute('aria-sort')", heading)
        if sort not in ("ascending", "descending"):
            problems.append("Enter on a column heading did not sort the table")
    return problems


def check_page(driver, page):
    url = page.resolve().as_uri()
    driver.get(url)
    problems = []
    state = driver.execute_script(
        "return {watch: window.__vigie || null, lang: document.documentElement.lang,"
        " styled: getComputedStyle(document.querySelector('.skip-link') || document.body).position === 'absolute',"
        " enhanced: document.querySelectorAll('.table-tools').length === document.querySelectorAll('.table-tools input[type=search]').length};")
    if state["watch"] is None:
        problems.append("the watcher did not run")
    else:
        problems += [f"dialog opened: {item}" for item in state["watch"]["dialogs"]]
        problems += [f"blocked by the content security policy: {item}" for item in state["watch"]["csp"]]
    if state["lang"] not in ("fr", "en"):
        problems.append(f"<html lang> is '{state['lang']}'")
    if not state["styled"]:
        problems.append("the stylesheet did not load")
    if not state["enhanced"]:
        problems.append("vigie.js did not enhance the tables")
    problems += [f"injected element: {item}" for item in driver.execute_script(INJECTED)]
    # preload: false keeps axe from fetching the stylesheet itself, which the site's policy (connect-src
    # 'none') rightly blocks; the only rule that needs it, css-orientation-lock, has nothing to find here.
    results = run_axe(driver)
    problems += describe(results)
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            problems.append(f"console: {entry.get('message')}")
    return problems, len(results)


def main(argv):
    parser = argparse.ArgumentParser(description="Check a vigie site in headless Chromium with axe-core.")
    parser.add_argument("site")
    parser.add_argument("--screenshots", default=None, help="folder for screenshots")
    parser.add_argument("--shot", action="append", default=[], help="PAGE=FILE.png, a page to photograph")
    parser.add_argument("--report", default=None, help="write a JSON summary here")
    parser.add_argument("--widths", default="", help="comma-separated widths to lay every page out at (overflow check)")
    parser.add_argument("--pdf", action="append", default=[], help="PAGE=FILE.pdf, a page to print")
    args = parser.parse_args(argv)
    widths = [int(w) for w in args.widths.split(",") if w.strip()]
    pdfs = {}
    for item in args.pdf:
        page, _, name = item.partition("=")
        if not name:
            print("a11y-check: --pdf needs PAGE=FILE", file=sys.stderr)
            return 2
        pdfs[page] = pathlib.Path(name)
    site = pathlib.Path(args.site)
    pages = sorted(site.rglob("*.html"))
    if not pages:
        print(f"a11y-check: no HTML page under {site}", file=sys.stderr)
        return 2
    shots = {}
    for item in args.shot:
        page, _, name = item.partition("=")
        if not name or args.screenshots is None:
            print("a11y-check: --shot needs PAGE=FILE and --screenshots DIR", file=sys.stderr)
            return 2
        shots[page] = pathlib.Path(args.screenshots) / name
    driver = start_browser(axe_source())
    failures, violations, checked, layouts = {}, 0, [], {}
    try:
        for page in pages:
            relative = page.relative_to(site).as_posix()
            problems, count = check_page(driver, page)
            violations += count
            if relative == "index.html":
                driver.get(page.resolve().as_uri())
                problems += check_keyboard(driver)
                driver.get(page.resolve().as_uri())
            if relative in shots:
                screenshot(driver, shots[relative])
            for width in widths:
                measured = overflow(driver, width)
                layouts.setdefault(relative, {})[str(width)] = measured
                if measured["scroll"] > width:
                    problems.append(f"overflows at {width}px: scrollWidth {measured['scroll']}")
                if measured["table_overflow"] > 0:
                    problems.append(f"a table overflows its box by {measured['table_overflow']}px at {width}px")
                if relative == "index.html":
                    found = run_axe(driver)
                    violations += len(found)
                    problems += describe(found, width)
                if relative in shots:
                    target = shots[relative]
                    screenshot(driver, target.with_name(f"{target.stem}-{width}{target.suffix}"), width)
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            if relative in pdfs:
                print_pdf(driver, pdfs[relative])
            checked.append(relative)
            if problems:
                failures[relative] = problems
                print(f"FAIL {relative}")
                for problem in problems:
                    print(f"  - {problem}")
            else:
                print(f"ok   {relative}")
    finally:
        driver.quit()
    missing = [page for page in shots if page not in checked]
    for page in missing:
        failures[page] = ["page to photograph not found"]
    for page in pdfs:
        if page not in checked:
            failures[page] = ["page to print not found"]
    summary = {"pages": len(checked), "violations": violations, "failures": failures,
               "screenshots": {page: str(path) for page, path in shots.items() if page in checked},
               "layouts": layouts, "pdfs": {page: str(path) for page, path in pdfs.items() if page in checked}}
    if args.report:
        pathlib.Path(args.report).write_text(json.dumps(summary, indent=2, sort_keys=True), encoding="utf-8")
    print(f"a11y-check: {len(checked)} pages, {violations} axe violations, {len(failures)} failing pages")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
