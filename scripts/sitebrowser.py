"""What scripts/check-accessibility and scripts/check-injection share: the
pages of a built site, a local HTTP server for it and headless Chromium."""
import functools
import http.server
import os
import shutil
import threading


def html_pages(root):
    """Every *.html page under root, relative and sorted; hidden folders skipped."""
    pages = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(names):
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/"))
    return pages


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root, port=0):
    """An HTTP server for root on 127.0.0.1 (a free port when 0), in a daemon thread."""
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser(capabilities=None):
    """Headless Chromium through Selenium: the system's chromium and
    chromedriver, never Selenium Manager's downloads or usage statistics."""
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900"):
        options.add_argument(argument)
    for name, value in (capabilities or {}).items():
        options.set_capability(name, value)
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver")
    service = Service(executable_path=driver_path) if driver_path else Service()
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver
