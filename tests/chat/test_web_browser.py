"""The web app in a real headless Chromium: upload the data, send a request, approve the plan, watch the progress,
download the predictions. Screenshots go to $MLPILOT_ARTIFACTS (default: test-artifacts/)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from server import serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (CHROMIUM and DRIVER), reason=(
    "needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (.ci/run does)"))]
ARTIFACTS = Path(os.environ.get("MLPILOT_ARTIFACTS", "test-artifacts"))


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp_path / "downloads")})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def wait_for(driver, predicate, what, timeout=120):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate(driver):
            return
        time.sleep(0.3)
    shot(driver, "timeout")
    raise AssertionError(f"the page never showed {what}")


def shot(driver, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"web-{name}.png"))


def messages(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#messages .msg")]


def test_browser_uploads_asks_approves_shows_progress_and_downloads(tmp_path, browser, churn_files):
    from selenium.webdriver.common.by import By

    train, new = churn_files
    test = new.with_name("test.csv")
    new.rename(test)
    with serving(tmp_path / "out") as url:
        browser.get(url)
        wait_for(browser, lambda d: d.find_element(By.ID, "session").text.startswith("session "), "a session")
        for path in (train, test):
            browser.find_element(By.ID, "file").send_keys(str(path))
            wait_for(browser, lambda d, p=path: any(m.startswith(f"Got {p.name}") for m in messages(d)), path.name)
        browser.find_element(By.ID, "text").send_keys("predict which customers churn; ROC AUC; 12 seconds")
        browser.find_element(By.ID, "submit").click()
        wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#messages .question"), "the plan to approve")
        assert "Plan: predict 'churn'" in browser.find_element(By.CSS_SELECTOR, "#messages .question").text
        shot(browser, "1-plan")
        browser.find_element(By.ID, "text").send_keys("yes")
        browser.find_element(By.ID, "submit").click()
        wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#leaderboard tbody tr"), "leaderboard rows")
        shot(browser, "2-progress")
        wait_for(browser, lambda d: any(m.startswith("Delivered a model of 'churn'") for m in messages(d)),
                 "the delivered model")
        wait_for(browser, lambda d: d.find_elements(By.ID, "download-predictions-csv"), "a predictions download")
        assert "trials finished" in browser.find_element(By.ID, "best").text
        shot(browser, "3-delivered")
        browser.find_element(By.ID, "download-predictions-csv").click()
        downloaded = tmp_path / "downloads" / "predictions.csv"
        wait_for(browser, lambda d: downloaded.is_file() and downloaded.stat().st_size > 0, "the downloaded file", 30)
        assert len(downloaded.read_text().splitlines()) == 301
