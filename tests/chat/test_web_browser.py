"""The web app in a real headless Chromium: upload the data, send a request, answer, change and approve the plan,
watch the progress, follow up, download predictions, reopen the session. Screenshots go to $MLPILOT_ARTIFACTS (default: test-artifacts/)."""

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


def ask_and_answer(driver, n, answer, what):
    """Wait for the n-th question on the page, then answer it."""
    from selenium.webdriver.common.by import By

    wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#messages .question")) >= n, what)
    text = driver.find_elements(By.CSS_SELECTOR, "#messages .question")[n - 1].text
    send(driver, answer)
    return text


def send(driver, text):
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "text").send_keys(text)
    driver.find_element(By.ID, "submit").click()


def upload(driver, path):
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "file").send_keys(str(path))
    wait_for(driver, lambda d: any(m.startswith(f"Got {path.name}") for m in messages(d)), path.name)


def delivered_count(driver):
    return sum(m.startswith("Delivered a model of 'churn'") for m in messages(driver))


def test_browser_conversation_asks_reviews_runs_follows_up_downloads_and_resumes(tmp_path, browser, churn_files):
    """The complete conversation in the page: upload, a clarifying question, the plan changed once then approved,
    live progress, a rerun without a column, predictions on a new upload downloaded, then the session reopened."""
    from selenium.webdriver.common.by import By

    train, new = churn_files
    with serving(tmp_path / "out") as url:
        browser.get(url)
        wait_for(browser, lambda d: d.find_element(By.ID, "session").text.startswith("session "), "a session")
        session = browser.find_element(By.ID, "session").text.removeprefix("session ")
        upload(browser, train)  # no test file: the target is the person's to say
        send(browser, "build a model for this table, accuracy, 12 seconds")
        assert ask_and_answer(browser, 1, "churn", "the target question").startswith("Which column should I predict?")
        assert "Families, in trying order: lightgbm" in ask_and_answer(browser, 2, "only linear models", "the plan")
        shot(browser, "1-plan")
        assert "Families, in trying order: linear." in ask_and_answer(browser, 3, "yes", "the changed plan")
        wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#leaderboard tbody tr"), "leaderboard rows")
        shot(browser, "2-progress")
        wait_for(browser, lambda d: delivered_count(d) == 1, "the delivered model")
        wait_for(browser, lambda d: d.find_elements(By.ID, "download-model-skops"), "a model download")
        assert "trials finished" in browser.find_element(By.ID, "best").text
        shot(browser, "3-delivered")

        wait_for(browser, lambda d: d.find_element(By.ID, "status").text == "idle", "the session idle")
        send(browser, "drop tenure and rerun")
        assert "Left out: tenure (you asked)" in ask_and_answer(browser, 4, "yes", "the rerun's plan")
        wait_for(browser, lambda d: delivered_count(d) == 2, "the rerun delivered")
        extra = new.with_name("march.csv")
        extra.write_bytes(new.read_bytes())
        wait_for(browser, lambda d: d.find_element(By.ID, "status").text == "idle", "the session idle")
        upload(browser, extra)
        send(browser, "predict on march.csv")
        wait_for(browser, lambda d: d.find_elements(By.ID, "download-predictions-march-csv"), "march's predictions")
        browser.find_element(By.ID, "download-predictions-march-csv").click()
        march = tmp_path / "downloads" / "predictions-march.csv"
        wait_for(browser, lambda d: march.is_file() and march.stat().st_size > 0, "march's downloaded file", 30)
        assert len(march.read_text().splitlines()) == 301
        shot(browser, "4-follow-ups")

        browser.get(f"{url}/?session={session}")  # leave and come back: the conversation is replayed
        wait_for(browser, lambda d: delivered_count(d) == 2, "the conversation replayed")
        send(browser, "what did the verifier check?")
        wait_for(browser, lambda d: any("beats_dummy [ok]" in m for m in messages(d)), "the verifier's checks")
        shot(browser, "5-resumed")
        resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert resources and all(r.startswith(url) for r in resources)  # no request leaves the app


def test_the_stop_button_ends_a_long_search_with_the_best_model_so_far(tmp_path, browser, churn_files):
    from selenium.webdriver.common.by import By

    train, _ = churn_files
    with serving(tmp_path / "out") as url:
        browser.get(url)
        wait_for(browser, lambda d: d.find_element(By.ID, "session").text.startswith("session "), "a session")
        assert not browser.find_element(By.ID, "stop").is_displayed()  # nothing to stop yet
        upload(browser, train)
        send(browser, "predict churn, ROC AUC, 10 minutes")
        ask_and_answer(browser, 1, "yes", "the plan")
        wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#leaderboard tbody tr"), "leaderboard rows")
        started = time.monotonic()
        browser.find_element(By.ID, "stop").click()
        wait_for(browser, lambda d: delivered_count(d) == 1, "the delivered model")
        assert time.monotonic() - started < 60  # of a 10-minute budget
        assert any("stopped early when asked" in m for m in messages(browser))
        wait_for(browser, lambda d: not d.find_element(By.ID, "stop").is_displayed(), "the stop button hidden")
        shot(browser, "4-stopped")
