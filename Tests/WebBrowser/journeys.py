#!/usr/bin/env python3
"""The main journeys of kinerja-web in a real browser (headless Chromium through Selenium),
against the real services started by Tests/WebBrowser/run.sh:

  1. the pegawai submits this week's reports with a photo;
  2. the atasan verifies the batch (select all) and the pegawai's progress moves;
  3. a citizen rates from a ticket URL;
  4. HR (pengelola kinerja) sees the unit's curve and downloads the exports; the pimpinan above
     the unit tries to finalise it (with the breach explanation when the curve is breached);
  5. the atasan rates a bawahan with the proposal and the quotas beside the form, and sees the
     team's compliance calendar;
  6. a user changes their password and signs in with the new one.

Screenshots of each page at phone (390 px) and desktop (1280 px) width go to --screenshots.
Exit status 0 when every journey passed, 1 otherwise (each failed check is printed).
"""
import argparse
import datetime
import os
import re
import sys

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PHONE, DESKTOP = (390, 844), (1280, 900)
FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        FAILURES.append(what)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=id-ID"):
        options.add_argument(argument)
    # The dev CA is not in the browser's store; the test accepts the dev certificate (README: trust .dev/pki/ca.pem instead).
    options.accept_insecure_certs = True
    service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    return driver


def shoot(driver, directory, name):
    """The whole page at phone and at desktop width."""
    for label, (width, height) in (("phone", PHONE), ("desktop", DESKTOP)):
        driver.set_window_size(width, height)
        full = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        driver.set_window_size(width, min(max(height, full + 140), 6000))
        driver.save_screenshot(os.path.join(directory, f"{name}-{label}.png"))
    driver.set_window_size(*DESKTOP)
    size = len(driver.page_source.encode("utf-8"))
    check(size < 100_000, f"{name}: page is {size} bytes (< 100 KB)")


def wait_for(driver, condition, seconds=30):
    """True once `condition(driver)` holds (a click's navigation has landed), False after `seconds`."""
    try:
        WebDriverWait(driver, seconds, poll_frequency=0.2).until(condition)
        return True
    except Exception:
        return False


def sign_in(driver, base, nip, password):
    driver.get(base + "/masuk")
    driver.find_element(By.ID, "nip").send_keys(nip)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    return wait_for(driver, lambda d: "Beranda" in d.title)


def sign_out(driver):
    buttons = driver.find_elements(By.CSS_SELECTOR, "form.signout button")
    if not buttons:
        return
    buttons[0].click()
    wait_for(driver, lambda d: "keluar=1" in d.current_url)


def verified_value(driver, base, indicator):
    """The verified realisation of `indicator` on the progress page."""
    driver.get(base + "/progres")
    for card in driver.find_elements(By.CSS_SELECTOR, ".card"):
        if card.find_element(By.TAG_NAME, "strong").text.strip() == indicator:
            match = re.search(r"Terverifikasi: ([\d,]+) dari", card.text)
            return float(match.group(1).replace(",", ".")) if match else None
    return None


def fetch(driver, url):
    """GETs `url` with the page's cookies (as a download would) and returns its status, headers and text."""
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: "same-origin"}).then(async r => done({status: r.status,
            type: r.headers.get("content-type") || "", disposition: r.headers.get("content-disposition") || "",
            cache: r.headers.get("cache-control") || "", body: await r.text()})).catch(e => done({status: 0, type: "", disposition: "", cache: "", body: String(e)}));
    """, url)


def fillable_rows(today):
    """The grid rows (0 = Monday) of this week that reporting accepts: not in the future, at most 3 days back."""
    monday = today - datetime.timedelta(days=today.weekday())
    rows = []
    for index in range(5):
        day = monday + datetime.timedelta(days=index)
        if today - datetime.timedelta(days=3) <= day <= today:
            rows.append(index)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--dev", required=True, help="the system's folder (run/first-start.txt, run/demo-tickets.txt)")
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--password", default="kinerja-demo-kupang")
    arguments = parser.parse_args()
    os.makedirs(arguments.screenshots, exist_ok=True)
    personas = {}
    with open(os.path.join(arguments.dev, "run", "first-start.txt")) as file:
        for line in file:
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "demo:":
                personas[parts[1]] = parts[2]
    with open(os.path.join(arguments.dev, "run", "demo-tickets.txt")) as file:
        tickets = [line.split()[2] for line in file if line.startswith("demo: ticket")]
    photo = os.path.join(arguments.screenshots, "bukti.png")
    with open(photo, "wb") as file:
        file.write(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478"
                                 "9c63f8cfc0f01f0005000001ff56c72f0d0000000049454e44ae426082"))
    base = arguments.base
    driver = browser()
    try:
        # 1. The pegawai's week.
        driver.get(base + "/masuk")
        shoot(driver, arguments.screenshots, "01-masuk")
        check(sign_in(driver, base, personas["pegawai"], arguments.password), "pegawai signs in")
        shoot(driver, arguments.screenshots, "02-beranda-pegawai")
        driver.get(base + "/minggu")
        shoot(driver, arguments.screenshots, "03-minggu")
        today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
        rows = fillable_rows(today)
        check(len(rows) > 0, f"this week has rows to fill ({rows})")
        first_select = Select(driver.find_element(By.ID, f"hari{rows[0]}_iki"))
        option = first_select.options[1]
        indicator = option.text.rsplit(" (", 1)[0]
        before = verified_value(driver, base, indicator)
        driver.get(base + "/minggu")
        for index in rows:
            Select(driver.find_element(By.ID, f"hari{index}_iki")).select_by_index(1)
            driver.find_element(By.ID, f"hari{index}_nilai").send_keys("2")
            driver.find_element(By.ID, f"hari{index}_uraian").send_keys("Pelayanan KTP-el di loket (uji peramban)")
            driver.find_element(By.ID, f"hari{index}_menit").send_keys("90")
        driver.find_element(By.ID, f"hari{rows[0]}_foto").send_keys(photo)
        driver.find_element(By.CSS_SELECTOR, "button[value=ajukan]").click()
        wait_for(driver, lambda d: "pesan=terkirim" in d.current_url or d.find_elements(By.CSS_SELECTOR, "p.error"))
        check("telah diajukan" in driver.page_source, "the week is submitted with a photo")
        shoot(driver, arguments.screenshots, "04-minggu-terkirim")
        photos = driver.find_elements(By.CSS_SELECTOR, "img[src^='/bukti/']")
        check(len(photos) > 0 and driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", photos[0]),
              "the photo of the submitted report is shown back")
        driver.get(base + "/progres")
        shoot(driver, arguments.screenshots, "05-progres-sebelum")
        sign_out(driver)

        # 2. The atasan verifies the batch.
        check(sign_in(driver, base, personas["atasan"], arguments.password), "atasan signs in")
        driver.get(base + "/kotak-masuk")
        shoot(driver, arguments.screenshots, "06-kotak-masuk")
        select_all = driver.find_element(By.ID, "pilih-semua")
        check(select_all.is_displayed(), "the script shows 'select all'")
        select_all.click()
        boxes = driver.find_elements(By.NAME, "laporan")
        check(len(boxes) >= len(rows) and all(box.is_selected() for box in boxes), f"select all ticks {len(boxes)} reports")
        driver.find_element(By.CSS_SELECTOR, "button[value=verifikasi]").click()
        wait_for(driver, lambda d: "diproses=" in d.current_url or d.find_elements(By.CSS_SELECTOR, "p.error"))
        check("laporan diproses" in driver.page_source, "the atasan verifies the batch")
        shoot(driver, arguments.screenshots, "07-kotak-masuk-selesai")
        skp_forms = driver.find_elements(By.CSS_SELECTOR, "form[action='/kotak-masuk/skp']")
        check(len(skp_forms) > 0, "a submitted SKP waits for the atasan")
        if skp_forms:
            skp_forms[0].find_element(By.TAG_NAME, "textarea").send_keys("Tambahkan target kualitas pada RHK 2.")
            skp_forms[0].find_element(By.CSS_SELECTOR, "button[value=kembalikan]").click()
            wait_for(driver, lambda d: "skp=" in d.current_url or d.find_elements(By.CSS_SELECTOR, "p.error"))
            check("SKP dikembalikan" in driver.page_source, "the atasan returns the SKP with a note")
        driver.get(base + "/tim")
        check(not driver.find_elements(By.CSS_SELECTOR, "p.error") and len(driver.find_elements(By.CSS_SELECTOR, ".card")) > 0,
              "the atasan sees the team's progress")
        shoot(driver, arguments.screenshots, "07b-tim")
        sign_out(driver)

        check(sign_in(driver, base, personas["pegawai"], arguments.password), "pegawai signs in again")
        after = verified_value(driver, base, indicator)
        check(before is not None and after is not None and after >= before + 2 * len(rows),
              f"progress of '{indicator}' moves from {before} to {after}")
        shoot(driver, arguments.screenshots, "08-progres-sesudah")
        driver.get(base + "/umpan-balik")
        shoot(driver, arguments.screenshots, "09-umpan-balik")
        driver.get(base + "/evaluasi")
        check(not driver.find_elements(By.CSS_SELECTOR, "p.error") and driver.find_elements(By.TAG_NAME, "table"), "the pegawai sees their evaluations (the demo has none for this persona yet)")
        shoot(driver, arguments.screenshots, "09b-evaluasi")
        sign_out(driver)

        # 3. A citizen rates from the ticket URL (no account, no script needed).
        check(len(tickets) > 0, "the demo printed tickets")
        driver.get(f"{base}/rate/{tickets[0]}")
        shoot(driver, arguments.screenshots, "10-warga-nilai")
        driver.find_element(By.CSS_SELECTOR, "input[name=nilai][value='5']").click()
        driver.find_element(By.ID, "komentar").send_keys("Pelayanan cepat dan ramah")
        driver.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
        wait_for(driver, lambda d: "Terima kasih" in d.page_source or d.find_elements(By.CSS_SELECTOR, "p.error"))
        check("Terima kasih" in driver.page_source, "the citizen's rating is recorded")
        shoot(driver, arguments.screenshots, "11-warga-terima-kasih")

        # 4. HR sees the curve.
        check(sign_in(driver, base, personas["pengelola"], arguments.password), "pengelola kinerja signs in")
        driver.get(base + "/kurva")
        check(len(driver.find_elements(By.CSS_SELECTOR, "svg.curve")) == 1, "the curve is drawn")
        shoot(driver, arguments.screenshots, "12-kurva")
        driver.get(base + "/kepatuhan")
        check(not driver.find_elements(By.CSS_SELECTOR, "p.error") and "kepatuhan" in driver.page_source, "HR sees compliance per unit")
        shoot(driver, arguments.screenshots, "13-kepatuhan")
        # The exports, fetched as the browser would download them (same cookie), headers checked.
        driver.get(base + "/kurva")
        unit = driver.find_element(By.CSS_SELECTOR, "input[name=unit]").get_attribute("value")
        # SIASN takes finalised evaluations: the first final triwulan of the list offers it.
        siasn = None
        for value in [o.get_attribute("value") for o in Select(driver.find_element(By.ID, "periode")).options]:
            driver.get(f"{base}/kurva?periode={value}")
            links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/ekspor/siasn']")
            if links:
                siasn = links[0].get_attribute("href")
                shoot(driver, arguments.screenshots, "13b-kurva-final")
                break
        check(siasn is not None, "a final period offers the SIASN download")
        siasn = siasn or f"{base}/ekspor/siasn?periode=none"
        today = datetime.date.today()
        quarter_end = ((today.month - 1) // 3) * 3
        month = f"{today.year - 1}-12" if quarter_end == 0 else f"{today.year}-{quarter_end:02d}"
        for url, kind in ((f"{base}/ekspor/tpp?unit={unit}&bulan={month}", "text/csv"), (siasn, "application/x-ndjson")):
            answer = fetch(driver, url)
            check(answer["status"] == 200 and answer["type"].startswith(kind) and answer["disposition"].startswith("attachment; filename=")
                  and answer["cache"] == "no-store", f"HR downloads {url.split('?')[0].rsplit('/', 1)[1]}: {answer['status']} {answer['type']} {answer['disposition']}")
        tpp = fetch(driver, f"{base}/ekspor/tpp?unit={unit}&bulan={month}")
        check(tpp["body"].startswith("nip,full_name,"), "the TPP CSV has its header")

        # The pimpinan above the unit finalises (the demo's current triwulan is about half rated).
        # The pimpinan above Dukcapil rates its head and has no scope to list periods: it follows the
        # period's link. The first persona whose curve page offers finalisation.
        driver.get(base + "/kurva")
        current = Select(driver.find_element(By.ID, "periode")).first_selected_option.get_attribute("value")
        sign_out(driver)
        buttons = []
        for persona in ("plt", "walikota", "pimpinan", "pengelola"):
            if persona not in personas:
                continue
            sign_in(driver, base, personas[persona], arguments.password)
            driver.get(f"{base}/kurva?periode={current}")
            buttons = driver.find_elements(By.CSS_SELECTOR, "form[action='/kurva/final'] button")
            if buttons:
                print(f"     finalising as {persona}")
                break
            sign_out(driver)
        check(len(buttons) == 1, "the period being rated offers finalisation")
        if buttons:
            buttons[0].click()
            wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "p.error, p.notice"))
            if driver.find_elements(By.ID, "penjelasan"):
                shoot(driver, arguments.screenshots, "14-finalisasi-pelanggaran")
                driver.find_element(By.ID, "penjelasan").send_keys("Unit kecil: kuota dibulatkan, disetujui rapat pimpinan 2 Desember (uji peramban).")
                driver.find_element(By.CSS_SELECTOR, "form[action='/kurva/final'] button").click()
                wait_for(driver, lambda d: "final=" in d.current_url or d.find_elements(By.CSS_SELECTOR, "p.error"))
            text = driver.page_source
            check("difinalkan" in text or "belum dapat difinalkan" in text or "melanggar kurva" in text or "Hanya pimpinan" in text,
                  "finalisation is done, or its refusal explained in Indonesian")
            shoot(driver, arguments.screenshots, "14-finalisasi")
        sign_out(driver)

        # 5. The atasan rates a bawahan with the proposal and the quotas beside the form.
        check(sign_in(driver, base, personas["atasan"], arguments.password), "atasan signs in to rate")
        driver.get(base + "/tim/kalender")
        check(len(driver.find_elements(By.CSS_SELECTOR, "td.cal-filed")) > 0, "the team calendar marks filed days")
        shoot(driver, arguments.screenshots, "15-kalender-tim")
        driver.get(base + "/penilaian")
        shoot(driver, arguments.screenshots, "16-penilaian")
        links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/penilaian/']")
        check(len(links) > 0, "the atasan has bawahan to rate")
        if links:
            links[0].click()
            wait_for(driver, lambda d: "Usulan Hasil Kerja" in d.page_source)
            text = driver.page_source
            check("Usulan Hasil Kerja" in text and "Kuota kurva unit" in text, "the proposal and the curve's quotas are beside the form")
            driver.find_element(By.CSS_SELECTOR, "input[name=hasil_kerja][value=sesuai]").click()
            driver.find_element(By.ID, "alasan_hasil_kerja").send_keys("Target utama tercapai sesuai rencana triwulan.")
            driver.find_element(By.CSS_SELECTOR, "input[name=perilaku][value=sesuai]").click()
            shoot(driver, arguments.screenshots, "17-penilaian-pegawai")
            driver.find_element(By.CSS_SELECTOR, "form[action^='/penilaian/'] button[type=submit]").click()
            wait_for(driver, lambda d: "disimpan=1" in d.current_url or d.find_elements(By.CSS_SELECTOR, "p.error"))
            check("Penilaian disimpan." in driver.page_source, "the atasan's rating is saved")
            shoot(driver, arguments.screenshots, "18-penilaian-disimpan")
        sign_out(driver)

        # 6. A user changes their password.
        new_password = "sandi-baru-uji-peramban-2026"
        check(sign_in(driver, base, personas["auditor"], arguments.password), "the auditor signs in")
        driver.get(base + "/kata-sandi")
        shoot(driver, arguments.screenshots, "19-kata-sandi")
        driver.find_element(By.ID, "sandi_lama").send_keys(arguments.password)
        driver.find_element(By.ID, "sandi_baru").send_keys(new_password)
        driver.find_element(By.ID, "sandi_ulang").send_keys(new_password)
        driver.find_element(By.CSS_SELECTOR, "form[action='/kata-sandi'] button").click()
        wait_for(driver, lambda d: "diganti=1" in d.current_url or d.find_elements(By.CSS_SELECTOR, "p.error"))
        check("berhasil diganti" in driver.page_source, "the password is changed")
        sign_out(driver)
        check(sign_in(driver, base, personas["auditor"], new_password), "the auditor signs in with the new password")
    finally:
        driver.quit()
    print(f"screenshots: {arguments.screenshots}")
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        return 1
    print("all journeys passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
