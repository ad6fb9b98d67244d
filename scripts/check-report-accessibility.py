"""Runs axe-core on one HTML file in headless Chromium; exit 1 on serious or critical violations.

axe.min.js comes from the axe-playwright-python package (installed with --no-deps: only the file
is used); Selenium drives the system chromium through the system chromedriver, so nothing is
downloaded at run time.
"""
import importlib.util
import json
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def main(report: str, result_path: str) -> int:
    spec = importlib.util.find_spec("axe_playwright_python")
    axe_js = pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(pathlib.Path(report).resolve().as_uri())
        driver.execute_script(axe_js.read_text(encoding="utf-8"))
        version = driver.execute_script("return axe.version")
        results = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(done, e => done({error: String(e)}));",
            TAGS,
        )
    finally:
        driver.quit()
    if "error" in results:
        print("axe failed:", results["error"])
        return 2
    pathlib.Path(result_path).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"axe-core {version}, tags {', '.join(TAGS)}: {len(results['passes'])} rules passed, "
          f"{len(results['violations'])} violated, {len(results['incomplete'])} need review, "
          f"{len(results['inapplicable'])} not applicable")
    bad = 0
    for v in results["violations"]:
        print(f"  VIOLATION [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)")
        for node in v["nodes"][:5]:
            print("    ", node["target"], node.get("failureSummary", "").replace("\n", " ")[:300])
        bad += v["impact"] in ("serious", "critical")
    for v in results["incomplete"]:
        print(f"  needs review [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)")
    print(f"{bad} serious or critical violations")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
